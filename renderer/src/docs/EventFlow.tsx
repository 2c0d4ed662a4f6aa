import Box from '@mui/material/Box';
import type { DocsTopic } from '../../../shared/docs/docs-model.ts';
import { MONO_FONT } from '../theme.ts';

/** Client → gateway URL → backend URL, with the events that flow back: one small picture per topic. */
export function EventFlow({ topic }: { topic: DocsTopic }) {
  const events = topic.messages.map((m) => m.name).join(', ') || 'events';
  return (
    <Box role="img" aria-label={`Event flow of ${topic.path}`} data-testid="docs-flow" sx={{ display: 'grid', gridTemplateColumns: 'auto auto minmax(0, 1fr) auto minmax(0, 1fr)', alignItems: 'stretch', my: 1.5 }}>
      <FlowNode label="Client" value="EventSource / curl" />
      <FlowArrow label="GET →" />
      <FlowNode label="Gateway" value={topic.httpUrl ?? topic.httpsUrl ?? 'not served'} mono testId="docs-flow-gateway" />
      <FlowArrow label={`⟵ ${events}`} />
      <FlowNode label="Backend" value={topic.backendUrl ?? 'the API’s endpoint'} mono testId="docs-flow-backend" />
    </Box>
  );
}

function FlowNode({ label, value, mono, testId }: { label: string; value: string; mono?: boolean; testId?: string }) {
  return (
    <Box sx={{ border: 1, borderColor: 'divider', borderRadius: 1.5, px: 1.25, py: 0.75, minWidth: 0, bgcolor: 'background.default' }}>
      <Box sx={{ fontSize: '0.66rem', letterSpacing: 0.8, textTransform: 'uppercase', color: 'text.secondary', fontWeight: 700 }}>{label}</Box>
      <Box data-testid={testId} sx={{ fontSize: '0.78rem', fontFamily: mono ? MONO_FONT : undefined, wordBreak: 'break-all' }}>
        {value}
      </Box>
    </Box>
  );
}

function FlowArrow({ label }: { label: string }) {
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', justifyContent: 'center', alignItems: 'center', px: 1, minWidth: 70, textAlign: 'center', color: 'text.secondary', fontSize: '0.7rem' }}>
      <span>{label}</span>
      <Box sx={{ width: '100%', borderTop: 2, borderColor: 'secondary.main', mt: 0.25 }} />
    </Box>
  );
}
