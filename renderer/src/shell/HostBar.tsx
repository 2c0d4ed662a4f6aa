import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import { useStudio } from '../studio/StudioContext.tsx';
import { MONO_FONT } from '../theme.ts';
import { ProjectMenu } from '../project/ProjectMenu.tsx';

/** Top strip of the main area: which project is open (a menu to open another) and where the gateway (HTTP, HTTPS) and mock listen. */
export function HostBar() {
  const { host } = useStudio();
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5, px: 2.5, height: 52, flexShrink: 0, borderBottom: 1, borderColor: 'divider', bgcolor: 'background.paper' }}>
      <ProjectMenu root={host.projectRoot} />
      <Endpoint label="Gateway" url={host.gatewayUrl} testId="gateway-url" />
      <Endpoint label="HTTPS" url={host.gatewayHttpsUrl} testId="gateway-https-url" />
      <Endpoint label="Mock" url={host.mockUrl} testId="mock-url" />
      <Chip size="small" variant="outlined" label={`${host.mode} · v${host.appVersion}`} />
    </Box>
  );
}

function Endpoint({ label, url, testId }: { label: string; url: string | null; testId: string }) {
  return (
    <Chip
      data-testid={testId}
      size="small"
      variant="outlined"
      color={url ? 'secondary' : 'default'}
      label={
        <span>
          {label} <span style={{ fontFamily: MONO_FONT, fontWeight: 400 }}>{url ?? 'off'}</span>
        </span>
      }
    />
  );
}
