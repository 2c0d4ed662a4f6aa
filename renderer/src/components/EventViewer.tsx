import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState, type FormEvent } from 'react';
import type { ApiSummary } from '../../../shared/api/contract.ts';
import { useStudio } from '../studio/StudioContext.tsx';
import { MONO_FONT } from '../theme.ts';
import { STATE_COLOR } from '../viewer/state-colors.ts';
import { isTemplateTopic, sameOrigin, suggestPath, topicPattern } from '../viewer/topic-path.ts';
import { useSubscription } from '../viewer/useSubscription.ts';
import { MAX_EVENTS } from '../viewer/viewer-log.ts';
import { ConnectionTimeline } from './ConnectionTimeline.tsx';
import { EventTable } from './EventTable.tsx';
import { ClearIcon, PlayIcon, StopIcon } from './icons.tsx';

/** Subscribe to one of the API's topics through the gateway and watch events and the connection. */
export function EventViewer({ api }: { api: ApiSummary }) {
  const { client, host } = useStudio();
  const sub = useSubscription(client);
  const candidates = sameOrigin(api.endpoint, host.mockUrl) ? host.mockStreams : [];
  const [topic, setTopic] = useState(api.topics[0]?.path ?? '/');
  const [path, setPath] = useState(() => suggestPath(topic, candidates));
  const [lastEventId, setLastEventId] = useState('');

  const template = isTemplateTopic(topic);
  const pathError = checkPath(template ? path : topic, topic);
  const canSubscribe = api.deployed && !pathError && !sub.opening;

  const pickTopic = (next: string) => {
    setTopic(next);
    setPath(suggestPath(next, candidates));
  };
  const subscribe = (event: FormEvent) => {
    event.preventDefault();
    if (!canSubscribe) return;
    const trimmedId = lastEventId.trim();
    void sub.start({ apiId: api.id, topicPath: template ? path.trim() : topic, ...(trimmedId ? { lastEventId: trimmedId } : {}) });
  };

  return (
    <Paper variant="outlined" data-testid="viewer" sx={{ display: 'flex', flexDirection: 'column', minHeight: 420 }}>
      <Box component="form" noValidate onSubmit={subscribe} sx={{ display: 'flex', alignItems: 'flex-start', gap: 1.5, p: 2, flexWrap: 'wrap', borderBottom: 1, borderColor: 'divider' }}>
        <Typography variant="h6" sx={{ width: '100%', display: 'flex', alignItems: 'center', gap: 1 }}>
          Live viewer
          {sub.log.state && <Chip data-testid="viewer-state" size="small" label={sub.log.state} color={STATE_COLOR[sub.log.state]} />}
        </Typography>
        {api.topics.length > 1 && (
          <TextField select label="Topic" value={topic} onChange={(e) => pickTopic(e.target.value)} sx={{ width: 200 }} slotProps={{ htmlInput: { 'data-testid': 'viewer-topic' } }}>
            {api.topics.map((t) => (
              <MenuItem key={t.path} value={t.path} sx={{ fontFamily: MONO_FONT }}>
                {t.path}
              </MenuItem>
            ))}
          </TextField>
        )}
        <TextField
          label={template ? `Path for topic ${topic}` : 'Topic'}
          value={template ? path : topic}
          disabled={!template}
          onChange={(e) => setPath(e.target.value)}
          error={Boolean(pathError)}
          helperText={pathError ?? (candidates.length && template ? `Mock streams: ${candidates.join(', ')}` : ' ')}
          sx={{ flex: '2 1 260px' }}
          slotProps={{ htmlInput: { 'data-testid': 'viewer-path', spellCheck: false, style: { fontFamily: MONO_FONT } } }}
        />
        <TextField
          label="Last-Event-ID (optional)"
          value={lastEventId}
          onChange={(e) => setLastEventId(e.target.value)}
          helperText="Resume after this id"
          sx={{ flex: '1 1 160px' }}
          slotProps={{ htmlInput: { 'data-testid': 'viewer-last-event-id', spellCheck: false, style: { fontFamily: MONO_FONT } } }}
        />
        <Box sx={{ display: 'flex', gap: 1, pt: '2px' }}>
          <Button type="submit" variant="contained" data-testid="subscribe-button" disabled={!canSubscribe || sub.live} loading={sub.opening} startIcon={<PlayIcon />}>
            Subscribe
          </Button>
          <Button variant="outlined" color="inherit" data-testid="unsubscribe-button" disabled={!sub.live} onClick={() => void sub.stop()} startIcon={<StopIcon />}>
            Stop
          </Button>
        </Box>
      </Box>
      {!api.deployed && (
        <Alert severity="info" sx={{ mx: 2, mt: 2 }} data-testid="viewer-not-deployed">
          Deploy the API to subscribe to it through the gateway.
        </Alert>
      )}
      {sub.error && (
        <Alert severity="error" sx={{ mx: 2, mt: 2 }} data-testid="viewer-error">
          {sub.error}
        </Alert>
      )}
      {/* Events beside the connection timeline on wide windows, above it on narrow ones. */}
      <Box sx={{ display: 'flex', flexDirection: { xs: 'column', lg: 'row' }, flex: 1, minHeight: 0 }}>
        <Box sx={{ flex: 1, minWidth: 0, display: 'flex', flexDirection: 'column', maxHeight: 560 }}>
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5, px: 2, py: 1 }}>
            <Typography variant="overline" color="text.secondary">
              Events
            </Typography>
            <Typography data-testid="event-count" variant="body2" sx={{ fontFamily: MONO_FONT }}>
              {sub.log.received.toLocaleString('en-US')}
            </Typography>
            {sub.log.received > MAX_EVENTS && (
              <Typography variant="caption" color="text.secondary">
                (showing the latest {MAX_EVENTS.toLocaleString('en-US')})
              </Typography>
            )}
            <Box sx={{ flex: 1 }} />
            {sub.url && (
              <Typography data-testid="viewer-url" variant="caption" color="text.secondary" noWrap sx={{ fontFamily: MONO_FONT, minWidth: 0 }}>
                {sub.url}
              </Typography>
            )}
            <Button size="small" color="inherit" data-testid="clear-events" startIcon={<ClearIcon fontSize="small" />} onClick={sub.clear} disabled={sub.log.events.length === 0}>
              Clear
            </Button>
          </Box>
          <EventTable events={sub.log.events} />
        </Box>
        <Box
          sx={(theme) => ({
            width: { xs: 'auto', lg: 300 },
            flexShrink: 0,
            // Full border values: a bare width inside a media query would reset the color to white.
            borderLeft: { xs: 'none', lg: `1px solid ${theme.palette.divider}` },
            borderTop: { xs: `1px solid ${theme.palette.divider}`, lg: 'none' },
            display: 'flex',
            flexDirection: 'column',
            maxHeight: { xs: 220, lg: 560 },
          })}
        >
          <ConnectionTimeline entries={sub.log.timeline} />
        </Box>
      </Box>
    </Paper>
  );
}

function checkPath(path: string, topic: string): string | undefined {
  const value = path.trim();
  if (!value.startsWith('/')) return 'Start the path with "/", e.g. /prices.';
  if (/[*{}\s]/.test(value)) return 'Enter a concrete path: replace "*" or {param}, no spaces.';
  if (!topicPattern(topic).test(value)) return `The path must match the topic ${topic}.`;
  return undefined;
}
