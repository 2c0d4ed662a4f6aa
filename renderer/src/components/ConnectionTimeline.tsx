import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { TimelineEntry } from '../viewer/viewer-log.ts';
import { formatClock } from '../viewer/format-time.ts';
import { STATE_COLOR } from '../viewer/state-colors.ts';
import { MONO_FONT } from '../theme.ts';

/** The subscription's connection history, newest first: state, why, and when. */
export function ConnectionTimeline({ entries }: { entries: TimelineEntry[] }) {
  return (
    <Box data-testid="timeline" sx={{ display: 'flex', flexDirection: 'column', minHeight: 0 }}>
      <Typography variant="overline" color="text.secondary" sx={{ px: 1.5, pt: 1 }}>
        Connection
      </Typography>
      <Box sx={{ overflowY: 'auto', px: 1.5, pb: 1.5, flex: 1 }}>
        {entries.length === 0 && (
          <Typography variant="body2" color="text.secondary">
            Not subscribed yet.
          </Typography>
        )}
        {entries.map((e) => {
          const color = STATE_COLOR[e.state];
          return (
            <Box key={e.key} data-testid="timeline-entry" data-state={e.state} sx={{ display: 'flex', gap: 1.25, py: 0.75, borderBottom: 1, borderColor: 'divider' }}>
              <Box sx={{ mt: '5px', width: 8, height: 8, borderRadius: '50%', flexShrink: 0, bgcolor: color === 'default' ? 'text.disabled' : `${color}.main` }} />
              <Box sx={{ minWidth: 0 }}>
                <Box sx={{ display: 'flex', gap: 1, alignItems: 'baseline' }}>
                  <Typography variant="body2" sx={{ fontWeight: 600 }}>
                    {e.state}
                  </Typography>
                  <Typography variant="caption" color="text.secondary" sx={{ fontFamily: MONO_FONT }}>
                    {formatClock(e.at)}
                  </Typography>
                </Box>
                <Typography variant="caption" color="text.secondary" sx={{ display: 'block', wordBreak: 'break-word' }}>
                  {e.detail}
                </Typography>
              </Box>
            </Box>
          );
        })}
      </Box>
    </Box>
  );
}
