/**
 * How the page is connected to the host, for a banner. IPC is always `online`; web mode goes
 * `connecting` -> `online`, `offline` while it waits to reconnect, and `unauthorized` for a bad token
 * (which retrying cannot fix).
 */
export type LinkState = 'connecting' | 'online' | 'offline' | 'unauthorized';

export type LinkListener = (state: LinkState) => void;
