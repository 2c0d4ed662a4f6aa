import type { StudioBridge } from '../../../shared/api/bridge.ts';
import type { StudioClient } from '../../../shared/api/contract.ts';
import { createIpcClient } from './ipc-transport.ts';
import type { LinkListener, LinkState } from './link-state.ts';
import { takeToken } from './token.ts';
import { createWebClient } from './web-transport.ts';

declare global {
  interface Window {
    /** Set by Electron's preload (BRIDGE_GLOBAL in shared/api/bridge.ts); absent in a plain browser. */
    studioBridge?: StudioBridge;
  }
}

/** A Studio client plus how it is connected. Components get only this, never a transport. */
export interface StudioConnection {
  client: StudioClient;
  mode: 'ipc' | 'web';
  link(): LinkState;
  onLinkChange(listener: LinkListener): () => void;
}

export type ConnectOutcome = { ok: true; connection: StudioConnection } | { ok: false; reason: 'no-token' };

/** IPC when the Electron preload is there, otherwise HTTP to the host that served this page. */
export function connectStudio(): ConnectOutcome {
  const bridge = window.studioBridge;
  if (bridge) {
    return { ok: true, connection: { client: createIpcClient(bridge), mode: 'ipc', link: () => 'online', onLinkChange: () => () => undefined } };
  }
  const token = takeToken(window.location, window.history, window.sessionStorage);
  if (!token) return { ok: false, reason: 'no-token' };
  const web = createWebClient({ token });
  return { ok: true, connection: { client: web, mode: 'web', link: () => web.link, onLinkChange: (l) => web.onLinkChange(l) } };
}
