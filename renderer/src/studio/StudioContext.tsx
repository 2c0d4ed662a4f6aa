import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type { HostInfo, StudioClient } from '../../../shared/api/contract.ts';
import type { StudioConnection } from './client.ts';
import type { LinkState } from './link-state.ts';

/** The Studio client and the host's facts (URLs, mock streams), for every component below the app. */
interface StudioValue {
  client: StudioClient;
  host: HostInfo;
}

const StudioContext = createContext<StudioValue | undefined>(undefined);

export function StudioProvider({ client, host, children }: StudioValue & { children: ReactNode }) {
  return <StudioContext.Provider value={{ client, host }}>{children}</StudioContext.Provider>;
}

export function useStudio(): StudioValue {
  const value = useContext(StudioContext);
  if (!value) throw new Error('useStudio() is used outside <StudioProvider>.');
  return value;
}

export function useLinkState(connection: StudioConnection): LinkState {
  const [link, setLink] = useState<LinkState>(connection.link());
  useEffect(() => {
    setLink(connection.link());
    return connection.onLinkChange(setLink);
  }, [connection]);
  return link;
}
