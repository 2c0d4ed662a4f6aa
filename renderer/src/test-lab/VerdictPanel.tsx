import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { memo, useMemo } from 'react';
import type { VerdictState } from './useVerdict.ts';
import { viewVerdict } from './verdict-view.ts';
import { formatClock, formatDuration } from '../viewer/format-time.ts';
import { MONO_FONT } from '../theme.ts';
import { RefreshIcon } from './lab-icons.tsx';

/**
 * The replay verdict, with proof: GREEN only when every drop was checked against evidence and no
 * event was lost, duplicated or out of order; RED names the ids; UNKNOWN (grey) says why it could
 * not judge. Per drop: what was missed while away, what came back by replay, what never came.
 */
const TONE = {
  GREEN: { color: 'success.main', bg: 'rgba(76,195,138,0.10)' },
  RED: { color: 'error.main', bg: 'rgba(255,107,107,0.12)' },
  UNKNOWN: { color: 'text.secondary', bg: 'rgba(160,160,160,0.12)' },
} as const;

export const VerdictPanel = memo(function VerdictPanel({ state, subscribed }: { state: VerdictState; subscribed: boolean }) {
  const view = useMemo(() => (state.verdict ? viewVerdict(state.verdict) : undefined), [state.verdict]);
  if (!subscribed || !view) {
    return (
      <Box data-testid="verdict-panel" sx={{ p: 1.5 }}>
        <Typography variant="overline" color="text.secondary">
          Replay verdict
        </Typography>
        <Typography variant="body2" color="text.secondary">
          Subscribe, then break the connection above: the verdict says which events were missed while away, which came back by replay, and whether any was lost, duplicated or out of order.
        </Typography>
        {state.error && (
          <Alert severity="error" sx={{ mt: 1 }}>
            {state.error}
          </Alert>
        )}
      </Box>
    );
  }
  const tone = TONE[view.status];
  return (
    <Box data-testid="verdict-panel" data-status={view.status} sx={{ p: 1.5, display: 'flex', flexDirection: 'column', gap: 1, minHeight: 0, height: '100%', overflowY: 'auto' }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
        <Typography variant="overline" color="text.secondary">
          Replay verdict
        </Typography>
        <Box sx={{ flex: 1 }} />
        {state.updatedAt && (
          <Typography variant="caption" color="text.disabled" sx={{ fontFamily: MONO_FONT }}>
            {formatClock(state.updatedAt)}
          </Typography>
        )}
        <Tooltip title="Ask the host again now (it refreshes every 2 s and after each reconnect)">
          <IconButton size="small" onClick={state.refresh} data-testid="verdict-refresh" aria-label="Refresh the verdict">
            <RefreshIcon fontSize="small" />
          </IconButton>
        </Tooltip>
      </Box>
      <Box
        sx={{
          display: 'flex',
          alignItems: 'center',
          gap: 1.5,
          p: 1.25,
          borderRadius: 1,
          border: 1,
          borderColor: tone.color,
          bgcolor: tone.bg,
        }}
      >
        <Typography data-testid="verdict-status" sx={{ fontSize: '1.6rem', fontWeight: 800, letterSpacing: 1, color: tone.color, lineHeight: 1 }}>
          {view.status}
        </Typography>
        <Typography
          data-testid="verdict-summary"
          variant="body2"
          sx={{ minWidth: 0 }}
          title="A backend drop is resumed by the gateway behind the client: the client sees no drop, and any gap in the ids shows as lost while connected."
        >
          {view.drops === 0 ? 'No client drop yet. ' : ''}
          {view.summary}
        </Typography>
      </Box>
      <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(5, minmax(0, 1fr))', gap: 1 }}>
        <Count label="drops" value={String(view.drops)} testId="verdict-drops" />
        <Count label="replayed" value={String(view.replayedCount)} testId="verdict-replayed" />
        <Count label="lost" value={view.lost} testId="verdict-lost" bad={view.lostCount > 0} />
        <Count label="duplicated" value={view.duplicated} testId="verdict-duplicated" bad={view.duplicated !== 'none'} />
        <Count label="reordered" value={view.outOfOrder} testId="verdict-out-of-order" bad={view.outOfOrder !== 'none'} />
      </Box>
      {view.windows.length > 0 && (
        <Box component="ol" data-testid="verdict-windows" sx={{ m: 0, pl: 0, listStyle: 'none', display: 'flex', flexDirection: 'column', gap: 0.5 }}>
          {view.windows
            .slice(-8)
            .reverse()
            .map((w) => (
              <Box
                component="li"
                key={w.index}
                data-testid="verdict-window"
                sx={{ fontSize: '0.74rem', borderLeft: 3, borderColor: w.lost === 'none' && !w.problems.length ? 'success.main' : 'error.main', pl: 1 }}
              >
                <Box sx={{ color: 'text.secondary' }}>
                  <b>Drop {w.index}</b> · {w.cause} at <span style={{ fontFamily: MONO_FONT }}>{formatClock(w.droppedAt)}</span>
                  {w.awayMs !== undefined ? ` · back after ${formatDuration(w.awayMs)}` : ' · not back yet'}
                  {w.lastEventIdSent !== undefined ? ` · Last-Event-ID ${w.lastEventIdSent}` : ''}
                </Box>
                <Box sx={{ fontFamily: MONO_FONT }}>
                  missed <b>{w.missed}</b> · replayed <b>{w.replayed}</b> · lost{' '}
                  <Box component="b" sx={{ color: w.lost === 'none' ? 'inherit' : 'error.main' }}>
                    {w.lost}
                  </Box>
                  {w.problems.map((p) => (
                    <Box key={p} component="span" sx={{ color: 'error.main' }}>
                      {' '}
                      · {p}
                    </Box>
                  ))}
                </Box>
              </Box>
            ))}
        </Box>
      )}
      {view.unknown.length > 0 && (
        <Box data-testid="verdict-unknown" sx={{ fontSize: '0.75rem', color: 'text.secondary' }}>
          {view.unknown.map((r) => (
            <div key={r}>• {r}</div>
          ))}
        </Box>
      )}
      {view.reasons.length > 0 && (
        <Box data-testid="verdict-reasons" sx={{ fontSize: '0.75rem', color: 'error.main' }}>
          {view.reasons.map((r) => (
            <div key={r}>• {r}</div>
          ))}
        </Box>
      )}
      <Typography variant="caption" color="text.secondary" data-testid="verdict-rule">
        Judged by {view.rule}.
      </Typography>
      <Typography variant="caption" color="text.secondary">
        Checked: {view.checked}.{view.notes.length ? ` ${view.notes.join(' ')}` : ''}
      </Typography>
      {state.error && <Alert severity="warning">{state.error}</Alert>}
    </Box>
  );
});

function Count({ label, value, testId, bad = false }: { label: string; value: string; testId: string; bad?: boolean }) {
  return (
    <Box sx={{ minWidth: 0 }}>
      <Typography variant="caption" color="text.secondary" sx={{ display: 'block', fontSize: '0.66rem', textTransform: 'uppercase', letterSpacing: 0.6 }}>
        {label}
      </Typography>
      <Typography
        data-testid={testId}
        variant="body2"
        title={value}
        sx={{ fontFamily: MONO_FONT, fontWeight: 700, color: bad ? 'error.main' : 'text.primary', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}
      >
        {value}
      </Typography>
    </Box>
  );
}
