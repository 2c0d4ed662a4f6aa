import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import FormControlLabel from '@mui/material/FormControlLabel';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { SERVER_CHECK_API_LIMITS, type ServerCheckRun } from '../../../shared/model/server-check.ts';
import { useStudio } from '../studio/StudioContext.tsx';
import { PlayIcon, StopIcon } from '../widgets/icons.tsx';
import { CheckResultRow } from './CheckResultRow.tsx';
import { parseHeaderLines } from './header-lines.ts';

const POLL_MS = 500;

/**
 * "Check a server": the conformance suite of `sse-studio check --url` against any SSE URL, run in
 * the host (Studio API server.check.*). The run lives in the host: leaving the page and coming back
 * shows it still running, or its report.
 */
export function ServerCheckPage() {
  const { client } = useStudio();
  const [url, setUrl] = useState('');
  const [headerText, setHeaderText] = useState('');
  const [http2, setHttp2] = useState(false);
  const [insecure, setInsecure] = useState(false);
  const [duration, setDuration] = useState(String(SERVER_CHECK_API_LIMITS.durationSeconds.default));
  const [drops, setDrops] = useState(String(SERVER_CHECK_API_LIMITS.drops.default));
  const [origin, setOrigin] = useState('');
  const [allowHosts, setAllowHosts] = useState('');
  const [run, setRun] = useState<ServerCheckRun | null>(null);
  const [error, setError] = useState<string>();

  // Re-attach to the host's run (if any), then poll while it runs.
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      const status = await client.call('server.check.status', {});
      if (stopped) return;
      if (status.ok) setRun(status.value);
      if (status.ok && status.value?.running) timer = setTimeout(() => void poll(), POLL_MS);
    };
    if (!run || run.running) void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
    // Polls again when a new run starts (runId) and stops when it ends.
  }, [client, run?.runId, run?.running]);

  const start = async () => {
    setError(undefined);
    const headers = parseHeaderLines(headerText);
    if (!headers.ok) return setError(headers.message);
    const result = await client.call('server.check.start', {
      url: url.trim(),
      headers: headers.headers,
      http2,
      insecure,
      durationSeconds: Number(duration),
      drops: Number(drops),
      ...(origin.trim() ? { origin: origin.trim() } : {}),
      allowHosts: allowHosts.split(/[\s,]+/).filter(Boolean),
    });
    if (result.ok) setRun(result.value);
    else setError(result.error.message);
  };
  const stop = async () => {
    const result = await client.call('server.check.stop', {});
    if (result.ok) setRun(result.value);
  };

  const running = run?.running === true;
  const report = run?.report;
  const elapsed = run ? Math.min(100, ((Date.now() - run.startedAt) / 1000 / run.durationSeconds) * 100) : 0;

  return (
    <Box data-testid="server-check-page" sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
      <Box>
        <Typography variant="h5" component="h2">
          Check a server
        </Typography>
        <Typography variant="body2" color="text.secondary">
          A bounded conformance run against any SSE endpoint (yours, or a gateway or proxy in front of it): headers, unbuffered delivery, framing, ids, resume with
          Last-Event-ID after forced drops, retry, keep-alive, HTTP/2, CORS and stop. Requests go only to the URL&apos;s host (and the hosts you allow).
        </Typography>
      </Box>
      <Paper variant="outlined" sx={{ p: 2, display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, gap: 2 }}>
        <TextField label="SSE URL" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://api.example.com/events" sx={{ gridColumn: '1 / -1' }} slotProps={{ htmlInput: { 'data-testid': 'server-check-url', spellCheck: false } }} />
        <TextField label="Headers (one per line)" value={headerText} onChange={(e) => setHeaderText(e.target.value)} placeholder="Authorization: Bearer …" multiline minRows={2} slotProps={{ htmlInput: { 'data-testid': 'server-check-headers', spellCheck: false } }} />
        <Box sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 2, alignContent: 'start' }}>
          <TextField label="Duration (s)" type="number" value={duration} onChange={(e) => setDuration(e.target.value)} slotProps={{ htmlInput: { 'data-testid': 'server-check-duration', min: SERVER_CHECK_API_LIMITS.durationSeconds.min, max: SERVER_CHECK_API_LIMITS.durationSeconds.max } }} />
          <TextField label="Drops" type="number" value={drops} onChange={(e) => setDrops(e.target.value)} slotProps={{ htmlInput: { 'data-testid': 'server-check-drops', min: 1, max: SERVER_CHECK_API_LIMITS.drops.max } }} />
          <FormControlLabel control={<Switch checked={http2} onChange={(e) => setHttp2(e.target.checked)} />} label="HTTP/2" />
          <FormControlLabel control={<Switch checked={insecure} onChange={(e) => setInsecure(e.target.checked)} />} label="Accept any certificate" />
        </Box>
        <TextField label="CORS origin (optional)" value={origin} onChange={(e) => setOrigin(e.target.value)} placeholder="https://app.example.com" slotProps={{ htmlInput: { spellCheck: false } }} />
        <TextField label="Other allowed hosts (optional)" value={allowHosts} onChange={(e) => setAllowHosts(e.target.value)} placeholder="auth.example.com" helperText="Redirects elsewhere are not followed." slotProps={{ htmlInput: { spellCheck: false } }} />
        <Box sx={{ gridColumn: '1 / -1', display: 'flex', gap: 1 }}>
          <Button variant="contained" startIcon={<PlayIcon />} data-testid="server-check-start" onClick={() => void start()} disabled={running || !url.trim()}>
            Run the checks
          </Button>
          {running && (
            <Button color="inherit" startIcon={<StopIcon />} data-testid="server-check-stop" onClick={() => void stop()}>
              Stop
            </Button>
          )}
        </Box>
      </Paper>
      {error && (
        <Alert severity="error" data-testid="server-check-error">
          {error}
        </Alert>
      )}
      {run && (
        <Paper variant="outlined" sx={{ p: 2 }} data-testid="server-check-run" data-running={running}>
          <Typography variant="subtitle2" sx={{ wordBreak: 'break-all' }}>
            {run.url}
          </Typography>
          {running && (
            <Box sx={{ my: 1 }}>
              <LinearProgress variant="determinate" value={elapsed} />
              <Typography variant="caption" color="text.secondary" data-testid="server-check-progress">
                {run.progress}
              </Typography>
            </Box>
          )}
          {run.error && <Alert severity="error">{run.error}</Alert>}
          {report && (
            <>
              <Alert severity={report.ok ? (report.counts.warn ? 'warning' : 'success') : 'error'} sx={{ my: 1 }} data-testid="server-check-verdict" data-ok={report.ok}>
                {report.counts.pass} passed, {report.counts.warn} warnings, {report.counts.fail} failed, {report.counts.unknown} unknown ({(report.durationMs / 1000).toFixed(1)} s):{' '}
                {report.ok ? 'no check failed' : 'a check failed'}
              </Alert>
              {report.checks.map((c) => (
                <CheckResultRow key={c.id} check={c} />
              ))}
            </>
          )}
        </Paper>
      )}
    </Box>
  );
}
