import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { memo } from 'react';
import type { TimelineItem } from './viewer-store.ts';
import { formatClock, formatDuration } from './format-time.ts';
import { TIMELINE_COLOR } from './state-colors.ts';
import { MONO_FONT } from '../theme.ts';

/**
 * The subscription's connection history, newest first: connecting, open, error (why it dropped),
 * waiting N ms, reconnecting with Last-Event-ID X, closed, failed. Each line says when, and how long
 * after the line before it — the reconnect delay a tester wants to see.
 */
export const ConnectionTimeline = memo(function ConnectionTimeline({ entries }: { entries: TimelineItem[] }) {
  return (
    <Box data-testid="timeline" sx={{ display: 'flex', flexDirection: 'column', minHeight: 0, height: '100%' }}>
      <Typography variant="overline" color="text.secondary" sx={{ px: 1.5, pt: 1 }}>
        Connection
      </Typography>
      <Box sx={{ overflowY: 'auto', px: 1.5, pb: 1.5, flex: 1, minHeight: 0 }}>
        {entries.length === 0 && (
          <Typography variant="body2" color="text.secondary">
            Not subscribed yet.
          </Typography>
        )}
        {entries.map((e, i) => {
          // The tester's own actions (written by the viewer) stand out from what the connection did.
          const action = e.state === 'notice' && e.detail.startsWith('you: ');
          const color = action ? 'primary' : TIMELINE_COLOR[e.state];
          const label = action ? 'you' : e.state;
          const detail = action ? e.detail.slice(5) : e.detail;
          const before = entries[i + 1];
          return (
            <Box key={e.key} data-testid="timeline-entry" data-state={e.state} data-action={action || undefined} sx={{ display: 'flex', gap: 1.25, py: 0.6, borderBottom: 1, borderColor: 'divider' }}>
              <Box sx={{ mt: '6px', width: 8, height: 8, borderRadius: '50%', flexShrink: 0, bgcolor: color === 'default' ? 'text.disabled' : `${color}.main` }} />
              <Box sx={{ minWidth: 0, flex: 1 }}>
                <Box sx={{ display: 'flex', gap: 1, alignItems: 'baseline', minWidth: 0 }}>
                  <Typography variant="body2" noWrap sx={{ fontWeight: 600, minWidth: 0, color: color === 'error' ? 'error.main' : undefined }} title={e.dropped ? `${e.state} (${e.dropped})` : label}>
                    {label}
                    {e.dropped ? ` (${e.dropped})` : ''}
                  </Typography>
                  <Box sx={{ flex: 1 }} />
                  <Typography variant="caption" color="text.secondary" sx={{ fontFamily: MONO_FONT, whiteSpace: 'nowrap', flexShrink: 0 }}>
                    {before && (
                      <Box component="span" sx={{ color: 'text.disabled', mr: 1 }} title="after the line below">
                        +{formatDuration(e.at - before.at)}
                      </Box>
                    )}
                    {formatClock(e.at)}
                  </Typography>
                </Box>
                <Typography variant="caption" color="text.secondary" sx={{ display: 'block', wordBreak: 'break-word' }}>
                  {detail}
                </Typography>
              </Box>
            </Box>
          );
        })}
      </Box>
    </Box>
  );
});
