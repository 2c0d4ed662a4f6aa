/**
 * The preload: exposes `window.studioBridge` (StudioBridge) and nothing else. It runs sandboxed, so
 * scripts/build-electron.mjs bundles it to CommonJS with only `electron` left as a require.
 * Main checks every call again (sender, method, params): this side only keeps the surface small.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';
import { BRIDGE_GLOBAL, IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL, type StudioBridge } from '../shared/api/bridge.ts';
import type { StudioEvent } from '../shared/api/contract.ts';
import { isStudioMethod } from '../shared/api/validate-params.ts';
import { fail, type Result } from '../shared/result.ts';

const bridge: StudioBridge = {
  async call(method: string, params: unknown): Promise<Result<unknown>> {
    if (!isStudioMethod(method)) return fail('unknown_method', `Unknown Studio API method ${JSON.stringify(method)}.`);
    try {
      return (await ipcRenderer.invoke(IPC_CALL_CHANNEL, method, params)) as Result<unknown>;
    } catch (err) {
      // invoke rejects when params cannot be cloned or main is gone; the contract still answers a Result.
      return fail('ipc_failed', `${method} could not reach SSE Studio: ${(err as Error).message}`);
    }
  },
  onEvent(listener: (event: StudioEvent) => void): () => void {
    // The page gets the payload only, never the IpcRendererEvent (it carries `sender`).
    const forward = (_event: IpcRendererEvent, payload: StudioEvent) => listener(payload);
    ipcRenderer.on(IPC_EVENT_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT_CHANNEL, forward);
    };
  },
};

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, bridge);
