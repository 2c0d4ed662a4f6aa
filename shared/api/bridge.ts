import type { Result } from '../result.ts';
import type { StudioEvent } from './contract.ts';

/**
 * What Electron's preload exposes to the page as `window.studioBridge` (contextBridge), and nothing
 * more. `call` only forwards Studio API methods in the allowlist (STUDIO_METHODS); main checks again.
 */
export interface StudioBridge {
  call(method: string, params: unknown): Promise<Result<unknown>>;
  /** Returns the unsubscribe function. */
  onEvent(listener: (event: StudioEvent) => void): () => void;
}

export const BRIDGE_GLOBAL = 'studioBridge';
export const IPC_CALL_CHANNEL = 'studio:call';
export const IPC_EVENT_CHANNEL = 'studio:event';
