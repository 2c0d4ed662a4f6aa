import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Chip from '@mui/material/Chip';
import FormControlLabel from '@mui/material/FormControlLabel';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { ApiSummary } from '../../../shared/api/contract.ts';
import { useStudio } from '../studio/StudioContext.tsx';
import { formatElapsed, MAX_LOAD_SUBSCRIBERS, parseSubscribers } from './load-form.ts';
import { useLoadRun } from './useLoadRun.ts';
import { MONO_FONT } from '../theme.ts';
import { padSeries } from '../viewer/chart-scale.ts';
import { CHART_SECONDS } from '../viewer/rate-buckets.ts';
import { sameOrigin, suggestPath } from '../viewer/topic-path.ts';
import { PlayIcon, StopIcon } from '../widgets/icons.tsx';
import { LiveChart } from './LiveChart.tsx';

/**
 * Load test: N simulated subscribers (1 to 10,000, real connections from the host) on one topic
 * path through the gateway; connected, delivered events per second (chart of the last minute),
 * latency p50 / p99, drops and reconnects, errors.
 */
export function LoadPanel({ api }: { api: ApiSummary }) {
  const { client, host } = useStudio();
  const load = useLoadRun(client);
  const candidates = sameOrigin(api.endpoint, host.mockUrl) || sameOrigin(api.endpointInUse, host.mockUrl) ? host.mockStreams : [];
  const [path, setPath] = useState(() => suggestPath(api.topics[0]?.path ?? '/', candidates));
  const [count, setCount] = useState('100');
  const [https, setHttps] = useState(false);
  const [touched, setTouched] = useState(false);
  const parsed = parseSubscribers(count);
  const s = load.status;
  const running = s?.running === true;
  const countError = (touched && !parsed.ok ? parsed.error : undefined) ?? load.fieldErrors.subscribers;

  const start = () => {
    setTouched(true);
    if (!parsed.ok) return;
    void load.start({ apiId: api.id, topicPath: path.trim(), subscribers: parsed.value, https });
  };

  return (
    <Box data-testid="load-panel" sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 2 }}>
      <Box sx={{ display: 'flex', gap: 1.5, alignItems: 'flex-start', flexWrap: 'wrap' }}>
        <TextField
          label="Topic path"
          value={path}
          onChange={(e) => setPath(e.target.value)}
          error={Boolean(load.fieldErrors.topicPath)}
          helperText={load.fieldErrors.topicPath ?? `on ${api.basePath}`}
          sx={{ width: 240 }}
          slotProps={{ htmlInput: { 'data-testid': 'load-path', spellCheck: false, style: { fontFamily: MONO_FONT } } }}
        />
        <TextField
          label="Subscribers"
          value={count}
          onChange={(e) => setCount(e.target.value)}
          onBlur={() => setTouched(true)}
          error={Boolean(countError)}
          helperText={countError ?? `1 to ${MAX_LOAD_SUBSCRIBERS.toLocaleString('en-US')}`}
          sx={{ width: 150 }}
          slotProps={{ htmlInput: { 'data-testid': 'load-subscribers', inputMode: 'numeric' } }}
        />
        <FormControlLabel
          sx={{ mt: 0.5 }}
          control={<Checkbox checked={https} onChange={(e) => setHttps(e.target.checked)} slotProps={{ input: { 'data-testid': 'load-https' } as object }} />}
          label="Over HTTPS (HTTP/2 capable)"
        />
        <Box sx={{ display: 'flex', gap: 1, pt: '2px' }}>
          <Button variant="contained" startIcon={<PlayIcon />} onClick={start} disabled={!api.deployed || load.busy} data-testid="load-start">
            {running ? 'Restart' : 'Start'}
          </Button>
          <Button variant="outlined" color="inherit" startIcon={<StopIcon />} onClick={() => void load.stop()} disabled={!running || load.busy} data-testid="load-stop">
            Stop
          </Button>
        </Box>
        <Typography variant="body2" color="text.secondary" sx={{ flex: 1, minWidth: 220, pt: 0.5 }}>
          Real SSE connections from the host through the gateway, each reading every event. One run at a time for the whole Studio; a new run replaces the old one.
        </Typography>
      </Box>
      {!api.deployed && <Alert severity="info">Deploy the API to load it.</Alert>}
      {load.error && (
        <Alert severity="error" data-testid="load-error">
          {load.error}
        </Alert>
      )}
      {s && (
        <Box data-testid="load-status" data-running={running} sx={{ display: 'grid', gridTemplateColumns: { xs: 'minmax(0,1fr)', lg: '360px minmax(0, 1fr)' }, gap: 2 }}>
          <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1 }}>
            <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
              <Chip size="small" color={running ? 'success' : 'default'} label={running ? 'running' : 'stopped'} data-testid="load-state" />
              <Typography variant="caption" color="text.secondary" noWrap sx={{ fontFamily: MONO_FONT, minWidth: 0 }} title={s.url}>
                {s.url}
              </Typography>
            </Box>
            <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(3, minmax(0, 1fr))', gap: 1.5 }}>
              <Stat label="connected" value={`${s.connected.toLocaleString('en-US')} / ${s.requested.toLocaleString('en-US')}`} testId="load-connected" raw={s.connected} />
              <Stat label="events/s" value={Math.round(s.eventsPerSecond).toLocaleString('en-US')} testId="load-eps" raw={s.eventsPerSecond} />
              <Stat label="events" value={s.events.toLocaleString('en-US')} testId="load-events" raw={s.events} />
              <Stat label="latency p50" value={s.latencyP50Ms === null ? '—' : `${s.latencyP50Ms.toFixed(2)} ms`} testId="load-p50" raw={s.latencyP50Ms ?? ''} />
              <Stat label="latency p99" value={s.latencyP99Ms === null ? '—' : `${s.latencyP99Ms.toFixed(2)} ms`} testId="load-p99" raw={s.latencyP99Ms ?? ''} />
              <Stat label="elapsed" value={formatElapsed(s.elapsedMs)} testId="load-elapsed" raw={s.elapsedMs} />
              <Stat label="drops" value={s.drops.toLocaleString('en-US')} testId="load-drops" raw={s.drops} bad={s.drops > 0} />
              <Stat label="reconnects" value={s.reconnects.toLocaleString('en-US')} testId="load-reconnects" raw={s.reconnects} />
              <Stat label="failed" value={s.failed.toLocaleString('en-US')} testId="load-failed" raw={s.failed} bad={s.failed > 0} />
            </Box>
            {s.errors.length > 0 && (
              <Box data-testid="load-errors" sx={{ fontSize: '0.75rem', color: 'error.main', fontFamily: MONO_FONT, maxHeight: 96, overflowY: 'auto' }}>
                {s.errors.map((e, i) => (
                  <div key={i}>{e}</div>
                ))}
              </Box>
            )}
          </Box>
          <LiveChart
            testId="load-chart"
            height={150}
            series={[{ label: 'delivered events/s (all subscribers)', values: padSeries(s.history, CHART_SECONDS), color: 'success', unit: '/s' }]}
            caption="latency is measured from each payload's send time"
          />
        </Box>
      )}
      {s === null && (
        <Typography variant="body2" color="text.secondary" data-testid="load-none">
          No load run yet.
        </Typography>
      )}
    </Box>
  );
}

function Stat({ label, value, testId, raw, bad = false }: { label: string; value: string; testId: string; raw: number | string; bad?: boolean }) {
  return (
    <Box>
      <Typography variant="caption" color="text.secondary" sx={{ display: 'block', fontSize: '0.66rem', textTransform: 'uppercase', letterSpacing: 0.6 }}>
        {label}
      </Typography>
      <Typography data-testid={testId} data-value={raw} sx={{ fontFamily: MONO_FONT, fontWeight: 700, fontSize: '1.05rem', color: bad ? 'warning.main' : 'text.primary' }}>
        {value}
      </Typography>
    </Box>
  );
}
