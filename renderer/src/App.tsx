import Box from '@mui/material/Box';
import CircularProgress from '@mui/material/CircularProgress';
import { useEffect, useState } from 'react';
import type { HostInfo } from '../../shared/api/contract.ts';
import { LinkBanner } from './shell/LinkBanner.tsx';
import { MessageScreen } from './shell/MessageScreen.tsx';
import { Workspace } from './shell/Workspace.tsx';
import type { StudioConnection } from './studio/client.ts';
import { StudioProvider, useLinkState } from './studio/StudioContext.tsx';

/** Asks the host who it is, then shows the workspace (anew for each project opened); a banner reports a lost connection. */
export function App({ connection }: { connection: StudioConnection }) {
  const [host, setHost] = useState<HostInfo>();
  const [error, setError] = useState<string>();
  const link = useLinkState(connection);

  useEffect(() => {
    let current = true;
    const load = () =>
      void connection.client.call('host.info', {}).then((result) => {
        if (!current) return;
        if (result.ok) setHost(result.value);
        else setError(result.error.message);
      });
    load();
    // Another project was opened (here or from Electron's File menu): everything re-reads.
    const stop = connection.client.onEvent((event) => event.type === 'project.opened' && load());
    return () => {
      current = false;
      stop();
    };
  }, [connection]);

  if (error) {
    return (
      <MessageScreen title="Cannot reach the SSE Studio host" testId="host-error">
        {error}
      </MessageScreen>
    );
  }
  if (!host) {
    return (
      <Box sx={{ minHeight: '100vh', display: 'grid', placeItems: 'center' }}>
        <CircularProgress aria-label="Connecting to the SSE Studio host" />
      </Box>
    );
  }
  return (
    <StudioProvider client={connection.client} host={host}>
      <Box sx={{ height: '100vh', display: 'flex', flexDirection: 'column' }}>
        <LinkBanner link={link} />
        <Workspace key={host.projectRoot} />
      </Box>
    </StudioProvider>
  );
}
