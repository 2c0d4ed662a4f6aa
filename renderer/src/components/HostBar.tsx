import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useStudio } from '../studio/StudioContext.tsx';
import { MONO_FONT } from '../theme.ts';

/** Top strip of the main area: which project is open and where the gateway (HTTP, HTTPS) and mock listen. */
export function HostBar() {
  const { host } = useStudio();
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5, px: 2.5, height: 52, flexShrink: 0, borderBottom: 1, borderColor: 'divider', bgcolor: 'background.paper' }}>
      <Tooltip title="Project folder">
        <Typography data-testid="project-root" variant="body2" color="text.secondary" noWrap sx={{ flex: 1, fontFamily: MONO_FONT, fontSize: '0.75rem' }}>
          {host.projectRoot}
        </Typography>
      </Tooltip>
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
