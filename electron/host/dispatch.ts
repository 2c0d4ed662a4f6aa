import type { StudioHandlers } from '../../shared/api/contract.ts';
import { isStudioMethod, validateParams } from '../../shared/api/validate-params.ts';
import { fail, type Result } from '../../shared/result.ts';

/**
 * The host end of every transport: checks the method against the allowlist and the params against
 * the contract, then runs the handler. A handler that throws is a bug; it is reported, not leaked.
 */
export async function dispatch(handlers: StudioHandlers, method: unknown, params: unknown): Promise<Result<unknown>> {
  if (!isStudioMethod(method)) return fail('unknown_method', `Unknown Studio API method ${JSON.stringify(method)}.`);
  const checked = validateParams(method, params ?? {});
  if (!checked.ok) return checked;
  try {
    return await (handlers[method] as (p: unknown) => Promise<Result<unknown>>)(checked.value);
  } catch (err) {
    console.error(`Studio API ${method} failed:`, err);
    return fail('internal', `${method} failed unexpectedly: ${(err as Error).message}`);
  }
}
