import Box from '@mui/material/Box';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { ApiSummary } from '../../../shared/api/contract.ts';
import { curlCommand } from '../../../shared/snippets/curl-command.ts';
import { eventSourceSnippet } from '../../../shared/snippets/eventsource-snippet.ts';
import { useStudio } from '../studio/StudioContext.tsx';
import { MONO_FONT } from '../theme.ts';
import { CopyButton } from '../widgets/CopyButton.tsx';
import { TerminalIcon } from '../widgets/icons.tsx';
import { PathText } from '../widgets/PathText.tsx';

/** Where the gateway serves each topic, over HTTP and HTTPS, with the URL, a ready curl command and an EventSource snippet to copy. */
export function TopicTable({ api }: { api: ApiSummary }) {
  const { host } = useStudio();
  const offReason = (transport: 'http' | 'https') => {
    const listener = transport === 'http' ? host.gatewayUrl : host.gatewayHttpsUrl;
    if (!listener) return transport === 'http' ? 'gateway off' : 'HTTPS listener off';
    return `${transport.toUpperCase()} is off for this API (Runtime)`;
  };
  return (
    <Table size="small" data-testid="topic-table" sx={{ tableLayout: 'fixed' }}>
      <TableHead>
        <TableRow>
          <TableCell sx={{ width: 150 }}>Topic</TableCell>
          <TableCell>Gateway URLs</TableCell>
          <TableCell sx={{ width: 150 }}>Backend path</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {api.topics.map((t) => (
          <TableRow key={t.path} data-testid="topic-row">
            <TableCell sx={{ fontFamily: MONO_FONT, verticalAlign: 'top', pt: 1.5 }}>
              <PathText text={t.path} />
            </TableCell>
            <TableCell>
              <UrlLine transport="http" url={t.gatewayUrl} offReason={offReason('http')} api={api} />
              <UrlLine transport="https" url={t.gatewayHttpsUrl} offReason={offReason('https')} api={api} />
            </TableCell>
            <TableCell sx={{ fontFamily: MONO_FONT, color: 'text.secondary', verticalAlign: 'top', pt: 1.5 }}>
              <PathText text={t.backendPath ?? t.path} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function UrlLine({ transport, url, offReason, api }: { transport: 'http' | 'https'; url: string | null; offReason: string; api: ApiSummary }) {
  const curl = url ? curlCommand(url, api.runtime.security) : undefined;
  const snippet = url ? eventSourceSnippet(url, api.runtime.security) : undefined;
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, minHeight: 30 }}>
      <Box component="span" sx={{ flexShrink: 0, width: 48, fontSize: '0.66rem', fontWeight: 700, letterSpacing: 0.6, color: transport === 'https' ? 'success.main' : 'secondary.main' }}>
        {transport.toUpperCase()}
      </Box>
      {url ? (
        <>
          <Typography component="span" data-testid={`topic-${transport}-url`} sx={{ fontFamily: MONO_FONT, fontSize: '0.8rem', minWidth: 0 }}>
            <PathText text={url} />
          </Typography>
          <Box sx={{ display: 'flex', alignItems: 'center', flexShrink: 0 }}>
            <CopyButton value={url} label={`Copy ${transport.toUpperCase()} gateway URL`} />
            {curl && (
              <CopyButton
                value={curl}
                text="curl"
                icon={<TerminalIcon sx={{ fontSize: '15px !important' }} />}
                label={`Copy a curl command for ${url}`}
                testId={`copy-curl-${transport}`}
                tooltip={<Box component="span" sx={{ fontFamily: MONO_FONT, fontSize: '0.72rem', wordBreak: 'break-all' }}>{curl}</Box>}
              />
            )}
            {snippet && (
              <CopyButton
                value={snippet}
                text="js"
                label={`Copy an EventSource snippet for ${url}`}
                testId={`copy-eventsource-${transport}`}
                tooltip={<Box component="span" sx={{ display: 'block', fontFamily: MONO_FONT, fontSize: '0.72rem', whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>{snippet}</Box>}
              />
            )}
          </Box>
        </>
      ) : (
        <Typography component="span" variant="body2" color="text.secondary">
          {offReason}
        </Typography>
      )}
    </Box>
  );
}
