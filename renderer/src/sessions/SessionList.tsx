import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import IconButton from '@mui/material/IconButton';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemButton from '@mui/material/ListItemButton';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import type { ApiSummary, SubscriptionSummary } from '../../../shared/api/contract.ts';
import { useStudio } from '../studio/StudioContext.tsx';
import { MONO_FONT } from '../theme.ts';
import { STATE_COLOR } from '../viewer/state-colors.ts';
import { CloseIcon } from '../test-lab/lab-icons.tsx';
import { useSessions } from './useSessions.ts';

/**
 * What runs on the host: every viewer session (subscription) on every API, with its state, events
 * and verdict. A session lives until it is stopped here or in its viewer; a click opens its API.
 */
const VERDICT_COLOR = { green: 'success', red: 'error', unknown: 'default' } as const;

export function SessionList({ apis, onOpen }: { apis: ApiSummary[]; onOpen: (apiId: string) => void }) {
  const { client } = useStudio();
  const { sessions, refresh } = useSessions(client);
  const running = sessions.filter((s) => s.state !== 'closed' && s.state !== 'failed');
  const stop = (s: SubscriptionSummary) => void client.call('subscriptions.close', { subscriptionId: s.subscriptionId }).then(refresh);
  return (
    <Box data-testid="session-list" data-running={running.length} sx={{ borderTop: 1, borderColor: 'divider' }}>
      <Typography variant="overline" color="text.secondary" sx={{ display: 'block', px: 2, pt: 1 }}>
        Sessions ({running.length} running)
      </Typography>
      {sessions.length === 0 && (
        <Typography variant="body2" color="text.secondary" sx={{ px: 2, pb: 1.5 }}>
          No subscriptions yet. They keep running while you move around, until you stop them.
        </Typography>
      )}
      <List dense disablePadding aria-label="Sessions">
        {sessions.map((s) => {
          const api = apis.find((a) => a.id === s.apiId);
          const where = api ? `${api.name} ${s.topicPath ?? ''}` : s.url;
          const live = s.state !== 'closed' && s.state !== 'failed';
          return (
            <ListItem
              key={s.subscriptionId}
              disablePadding
              data-testid="session-row"
              data-session={s.subscriptionId}
              data-state={s.state}
              secondaryAction={
                live ? (
                  <Tooltip title="Stop this session">
                    <IconButton edge="end" size="small" aria-label={`Stop the session on ${where}`} onClick={() => stop(s)} data-testid="session-stop">
                      <CloseIcon fontSize="small" />
                    </IconButton>
                  </Tooltip>
                ) : undefined
              }
            >
              <ListItemButton disabled={!api} onClick={() => api && onOpen(api.id)} sx={{ px: 2, py: 0.5, color: live ? 'text.primary' : 'text.secondary' }}>
                <Box sx={{ minWidth: 0, flex: 1 }}>
                  <Box sx={{ fontSize: '0.8rem', fontWeight: 600, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }} title={s.url}>
                    {where}
                  </Box>
                  <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.75, mt: 0.25 }}>
                    <Chip size="small" label={s.state} color={STATE_COLOR[s.state]} variant="outlined" sx={{ height: 18, fontSize: '0.66rem' }} />
                    <Typography variant="caption" sx={{ fontFamily: MONO_FONT }} data-testid="session-events">
                      {s.events.toLocaleString('en-US')} events
                    </Typography>
                    <Chip
                      size="small"
                      data-testid="session-verdict"
                      label={s.verdictStatus.toUpperCase()}
                      color={VERDICT_COLOR[s.verdictStatus]}
                      title={s.verdictSummary}
                      sx={{ height: 18, fontSize: '0.62rem', fontWeight: 700 }}
                    />
                  </Box>
                </Box>
              </ListItemButton>
            </ListItem>
          );
        })}
      </List>
    </Box>
  );
}
