import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { SecurityConfig } from '../../../shared/model/runtime.ts';
import type { DocsTopic } from '../../../shared/docs/docs-model.ts';
import { curlCommand } from '../../../shared/snippets/curl-command.ts';
import { eventSourceSnippet } from '../../../shared/snippets/eventsource-snippet.ts';
import { MONO_FONT } from '../theme.ts';
import { CopyButton } from '../widgets/CopyButton.tsx';
import { TerminalIcon } from '../widgets/icons.tsx';
import { Markdown } from '../widgets/Markdown.tsx';
import { EventFlow } from './EventFlow.tsx';
import { Code, MessageDocs } from './MessageDocs.tsx';

/** One topic as a consumer reads it: where to subscribe, its parameters, its messages, a command to try it. */
export function TopicDocs({ topic, security }: { topic: DocsTopic; security: SecurityConfig }) {
  const url = topic.httpUrl ?? topic.httpsUrl;
  return (
    <Paper variant="outlined" data-testid="docs-topic" data-topic={topic.path} sx={{ p: 2, mb: 2 }}>
      <Typography variant="h6" sx={{ fontFamily: MONO_FONT, fontSize: '1rem' }}>
        {topic.path}
      </Typography>
      {topic.description && <Markdown text={topic.description} testId="docs-topic-description" />}
      <Box sx={{ mt: 1 }}>
        <UrlLine transport="http" url={topic.httpUrl} />
        <UrlLine transport="https" url={topic.httpsUrl} />
      </Box>
      <EventFlow topic={topic} />
      {topic.parameters.length > 0 && (
        <>
          <Heading>Parameters</Heading>
          <Table size="small" data-testid="docs-parameters">
            <TableHead>
              <TableRow>
                <TableCell>Name</TableCell>
                <TableCell>Description</TableCell>
                <TableCell>Schema</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {topic.parameters.map((p) => (
                <TableRow key={p.name}>
                  <TableCell sx={{ fontFamily: MONO_FONT }}>{p.name}</TableCell>
                  <TableCell>{p.description && <Markdown text={p.description} color="inherit" />}</TableCell>
                  <TableCell sx={{ fontFamily: MONO_FONT, fontSize: '0.75rem', wordBreak: 'break-all' }}>{p.schema === undefined ? '' : JSON.stringify(p.schema)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}
      <Heading>Messages</Heading>
      {topic.messages.length ? topic.messages.map((m) => <MessageDocs key={m.name} message={m} />) : <Typography variant="body2" color="text.secondary">No message is described.</Typography>}
      {url && <Snippets url={url} security={security} />}
    </Paper>
  );
}

function Snippets({ url, security }: { url: string; security: SecurityConfig }) {
  const curl = curlCommand(url, security);
  const snippet = eventSourceSnippet(url, security);
  return (
    <>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
        <Heading>Subscribe</Heading>
        <CopyButton value={curl} text="curl" icon={<TerminalIcon sx={{ fontSize: '15px !important' }} />} label={`Copy a curl command for ${url}`} testId="docs-copy-curl" />
        <CopyButton value={snippet} text="js" label={`Copy an EventSource snippet for ${url}`} testId="docs-copy-eventsource" />
      </Box>
      <Code testId="docs-curl">{curl}</Code>
    </>
  );
}

function UrlLine({ transport, url }: { transport: 'http' | 'https'; url: string | null }) {
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, minHeight: 28 }}>
      <Box component="span" sx={{ width: 48, flexShrink: 0, fontSize: '0.66rem', fontWeight: 700, letterSpacing: 0.6, color: transport === 'https' ? 'success.main' : 'secondary.main' }}>
        {transport.toUpperCase()}
      </Box>
      {url ? (
        <>
          <Typography component="span" data-testid={`docs-${transport}-url`} sx={{ fontFamily: MONO_FONT, fontSize: '0.8rem', wordBreak: 'break-all' }}>
            {url}
          </Typography>
          <CopyButton value={url} label={`Copy ${transport.toUpperCase()} gateway URL`} />
        </>
      ) : (
        <Typography component="span" variant="body2" color="text.secondary">
          off
        </Typography>
      )}
    </Box>
  );
}

function Heading({ children }: { children: string }) {
  return (
    <Typography variant="overline" color="text.secondary" sx={{ display: 'block', mt: 1.5 }}>
      {children}
    </Typography>
  );
}
