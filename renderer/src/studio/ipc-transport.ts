import type { StudioBridge } from '../../../shared/api/bridge.ts';
import type { ParamsOf, ResultOf, StudioClient, StudioMethod } from '../../../shared/api/contract.ts';
import { fail, type Result } from '../../../shared/result.ts';

/**
 * The Studio API through Electron's preload (`window.studioBridge`). The bridge is untyped on purpose
 * (it is a narrow contextBridge surface); the contract's types are applied here, on the page side.
 */
export function createIpcClient(bridge: StudioBridge): StudioClient {
  return {
    async call<M extends StudioMethod>(method: M, params: ParamsOf<M>): Promise<Result<ResultOf<M>>> {
      try {
        return (await bridge.call(method, params)) as Result<ResultOf<M>>;
      } catch (err) {
        return fail('ipc_failed', `The call ${method} did not reach the SSE Studio window's host: ${(err as Error).message}`);
      }
    },
    onEvent: (listener) => bridge.onEvent(listener),
  };
}
