import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import { memo, useMemo, useState } from 'react';
import { formatBytes, formatClock } from './format-time.ts';
import { MARK_SYMBOL, MARK_TITLE, rawFrameParts } from './raw-frame.ts';
import type { ViewerRow } from './viewer-row.ts';
import { MONO_FONT } from '../theme.ts';

/**
 * The selected event in full: its facts (id, type, time, size, latency, connection, replayed), the
 * contract check's reasons, the data pretty-printed when it is JSON, and the frame's bytes as sent
 * with CR, LF and BOM made visible.
 */
export const EventViewerDetail = memo(function EventViewerDetail({ row, replayed }: { row: ViewerRow | undefined; replayed: boolean }) {
  const [view, setView] = useState<'data' | 'raw'>('data');
  if (!row) {
    return (
      <Box data-testid="event-detail-empty" sx={{ p: 2, color: 'text.secondary' }}>
        <Typography variant="overline">Event</Typography>
        <Typography variant="body2">Select an event to see its data, the frame as sent, and whether it fits the contract.</Typography>
      </Box>
    );
  }
  return (
    <Box data-testid="event-detail" sx={{ display: 'flex', flexDirection: 'column', minHeight: 0, height: '100%' }}>
      <Box sx={{ px: 1.5, pt: 1, display: 'flex', flexWrap: 'wrap', gap: 0.75, alignItems: 'center' }}>
        <Typography variant="overline" color="text.secondary" sx={{ mr: 0.5 }}>
          Event #{row.seq}
        </Typography>
        {replayed && <Chip size="small" color="info" variant="outlined" label="replayed" data-testid="detail-replayed" />}
        {row.violations?.length ? <Chip size="small" color="error" label="breaks the contract" /> : null}
      </Box>
      <Box
        component="dl"
        sx={{
          m: 0,
          px: 1.5,
          display: 'grid',
          gridTemplateColumns: 'auto 1fr auto 1fr',
          columnGap: 1.5,
          rowGap: 0.25,
          fontSize: '0.76rem',
          '& dt': { color: 'text.secondary' },
          '& dd': { m: 0, fontFamily: MONO_FONT, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
        }}
      >
        <dt>id</dt>
        <dd data-testid="detail-id" title={row.id}>
          {row.id ?? '(none)'}
        </dd>
        <dt>event</dt>
        <dd title={row.type}>{row.type}</dd>
        <dt>received</dt>
        <dd>{formatClock(row.receivedAt)}</dd>
        <dt>size</dt>
        <dd>{row.size === undefined ? '—' : formatBytes(row.size)}</dd>
        <dt>latency</dt>
        <dd>{row.latencyMs === undefined ? '— (no send time)' : `${Math.round(row.latencyMs)} ms`}</dd>
        <dt>connection</dt>
        <dd>{row.connection === undefined ? '—' : `#${row.connection}`}</dd>
      </Box>
      {row.violations?.length ? (
        <Alert severity="error" data-testid="detail-violations" sx={{ mx: 1.5, mt: 1, py: 0, '& .MuiAlert-message': { py: 0.75 } }}>
          <Typography variant="caption" sx={{ fontWeight: 700, display: 'block' }}>
            Does not fit the topic&apos;s AsyncAPI message:
          </Typography>
          {row.violations.map((v) => (
            <Typography key={v} variant="caption" component="div" sx={{ fontFamily: MONO_FONT }}>
              {v}
            </Typography>
          ))}
        </Alert>
      ) : null}
      <Tabs value={view} onChange={(_, v: 'data' | 'raw') => setView(v)} sx={{ minHeight: 32, px: 1, '& .MuiTab-root': { minHeight: 32, py: 0.5, fontSize: '0.78rem' } }}>
        <Tab value="data" label="Data" data-testid="detail-tab-data" />
        <Tab value="raw" label={`Raw frame${row.rawTruncated ? ' (cut)' : ''}`} data-testid="detail-tab-raw" />
      </Tabs>
      <Box sx={{ flex: 1, minHeight: 0, overflow: 'auto', mx: 1.5, mb: 1.5, p: 1.25, borderRadius: 1, bgcolor: 'background.default', fontFamily: MONO_FONT, fontSize: '0.75rem' }}>
        {view === 'data' ? <PrettyData data={row.data} /> : <RawFrame raw={row.raw} truncated={row.rawTruncated === true} />}
      </Box>
    </Box>
  );
});

function PrettyData({ data }: { data: string }) {
  const text = useMemo(() => pretty(data), [data]);
  return (
    <Box component="pre" data-testid="event-data-full" sx={{ m: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-all', font: 'inherit' }}>
      {text}
    </Box>
  );
}

function RawFrame({ raw, truncated }: { raw: string | undefined; truncated: boolean }) {
  const parts = useMemo(() => (raw === undefined ? [] : rawFrameParts(raw)), [raw]);
  if (raw === undefined) return <Typography variant="caption">The host sent no raw bytes for this event.</Typography>;
  return (
    <Box
      data-testid="event-raw"
      sx={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all', '& .mk': { color: 'warning.main', bgcolor: 'rgba(245,184,75,0.12)', borderRadius: 0.5, px: 0.25, mx: '1px', fontSize: '0.68rem' } }}
    >
      {parts.map((p, i) =>
        p.kind === 'text' ? (
          <span key={i}>{p.text}</span>
        ) : (
          <span key={i}>
            <span className="mk" data-mark={p.mark} title={MARK_TITLE[p.mark]}>
              {MARK_SYMBOL[p.mark]}
            </span>
            {p.lineEnd ? '\n' : ''}
          </span>
        ),
      )}
      {truncated && (
        <Typography variant="caption" color="text.secondary" component="div" sx={{ mt: 1, fontFamily: 'inherit' }}>
          … cut at 2 KiB (the whole event is in Data)
        </Typography>
      )}
    </Box>
  );
}

function pretty(data: string): string {
  const trimmed = data.trim();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return data;
  try {
    return JSON.stringify(JSON.parse(trimmed), null, 2);
  } catch {
    return data;
  }
}
