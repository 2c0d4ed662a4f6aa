import Box from '@mui/material/Box';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { DocsMessage } from '../../../shared/docs/docs-model.ts';
import { schemaRows } from '../../../shared/docs/schema-rows.ts';
import { MONO_FONT } from '../theme.ts';
import { Markdown } from '../widgets/Markdown.tsx';

/** One message: its event name, texts, the payload as a field table and as JSON Schema, its examples. */
export function MessageDocs({ message }: { message: DocsMessage }) {
  const rows = schemaRows(message.payload);
  return (
    <Box data-testid="docs-message" data-message={message.name} sx={{ mt: 1.5 }}>
      <Typography variant="body2" sx={{ fontFamily: MONO_FONT, fontWeight: 700 }}>
        event: {message.name}
        {message.title && <Box component="span" sx={{ fontFamily: 'inherit', fontWeight: 400, ml: 1 }}>{message.title}</Box>}
        {message.contentType && <Box component="span" sx={{ ml: 1, fontWeight: 400, color: 'text.secondary', fontSize: '0.75rem' }}>{message.contentType}</Box>}
      </Typography>
      {message.summary && (
        <Typography variant="body2" color="text.secondary" sx={{ whiteSpace: 'pre-wrap' }}>
          {message.summary}
        </Typography>
      )}
      {message.description && <Markdown text={message.description} testId="docs-message-description" />}
      {rows.length > 0 && (
        <Table size="small" data-testid="docs-payload-table" sx={{ my: 1 }}>
          <TableHead>
            <TableRow>
              <TableCell>Field</TableCell>
              <TableCell>Type</TableCell>
              <TableCell>Required</TableCell>
              <TableCell>Description</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((r) => (
              <TableRow key={r.name}>
                <TableCell sx={{ fontFamily: MONO_FONT }}>{r.name}</TableCell>
                <TableCell sx={{ fontFamily: MONO_FONT }}>{r.type}</TableCell>
                <TableCell>{r.required ? 'yes' : ''}</TableCell>
                <TableCell sx={{ color: 'text.secondary' }}>{[r.description, r.constraints].filter(Boolean).join(' · ')}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {message.payload !== undefined && (
        <Box component="details" open={rows.length === 0}>
          <Box component="summary" sx={{ cursor: 'pointer', color: 'secondary.main', fontSize: '0.8rem' }}>
            Payload schema
          </Box>
          <Code testId="docs-payload-schema">{JSON.stringify(message.payload, null, 2)}</Code>
        </Box>
      )}
      {message.examples.map((e, i) => (
        <Box key={i}>
          <Typography variant="caption" color="text.secondary">
            {e.generated ? 'Example (made from the schema)' : `Example${e.name ? `: ${e.name}` : ''}`}
            {e.summary ? ` — ${e.summary}` : ''}
          </Typography>
          <Code testId="docs-example">{typeof e.payload === 'string' ? e.payload : JSON.stringify(e.payload, null, 2)}</Code>
        </Box>
      ))}
    </Box>
  );
}

export function Code({ children, testId }: { children: string; testId?: string }) {
  return (
    <Box component="pre" data-testid={testId} sx={{ fontFamily: MONO_FONT, fontSize: '0.76rem', bgcolor: 'rgba(0,0,0,0.25)', border: 1, borderColor: 'divider', borderRadius: 1, px: 1.5, py: 1, my: 0.5, whiteSpace: 'pre-wrap', wordBreak: 'break-word', maxHeight: 360, overflow: 'auto' }}>
      {children}
    </Box>
  );
}
