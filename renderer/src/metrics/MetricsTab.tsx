import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import type { ApiSummary } from '../../../shared/api/contract.ts';
import { formatRate } from './format-metric.ts';
import { emptyRow } from './metric-groups.ts';
import { POLL_MS, useGatewayMetrics } from './useGatewayMetrics.ts';
import { useStudio } from '../studio/StudioContext.tsx';
import { MONO_FONT } from '../theme.ts';
import { formatClock } from '../viewer/format-time.ts';
import { CopyButton } from '../widgets/CopyButton.tsx';
import { RateChart } from './RateChart.tsx';
import { TopicMetrics } from './TopicMetrics.tsx';

/** Live gateway counters for this API, polled while the tab is open, with the last minute's event rate. */
export function MetricsTab({ api }: { api: ApiSummary }) {
  const { client } = useStudio();
  const metrics = useGatewayMetrics(client, api.id);
  const latest = metrics.history.points.at(-1);
  // The API's topics first (zeros until someone subscribes), then any topic the gateway still counts.
  const topics = [...new Set([...api.topics.map((t) => t.path), ...metrics.rows.map((r) => r.topic)])];
  const rowOf = (topic: string) => metrics.rows.find((r) => r.topic === topic) ?? emptyRow(api.id, topic);

  return (
    <Box data-testid="metrics-panel" sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, flexWrap: 'wrap' }}>
        <Typography variant="body2" color="text.secondary" data-testid="metrics-updated">
          Polled every {POLL_MS / 1000} s{metrics.at ? ` · updated ${formatClock(metrics.at)}` : ' · waiting for the first answer…'}
        </Typography>
        <Box sx={{ flex: 1 }} />
        {metrics.prometheusUrl && (
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.5, minWidth: 0 }}>
            <Typography variant="body2" color="text.secondary">
              Prometheus
            </Typography>
            <Link data-testid="prometheus-url" href={metrics.prometheusUrl} target="_blank" rel="noreferrer" color="secondary" sx={{ fontFamily: MONO_FONT, fontSize: '0.8rem', wordBreak: 'break-all' }}>
              {metrics.prometheusUrl}
            </Link>
            <CopyButton value={metrics.prometheusUrl} label="Copy the Prometheus scrape URL" />
          </Box>
        )}
      </Box>
      {metrics.error && (
        <Alert severity="warning" data-testid="metrics-error">
          {metrics.error}
        </Alert>
      )}
      {!api.deployed && (
        <Alert severity="info" data-testid="metrics-not-deployed">
          The API is not deployed: its counters stay where they are until the gateway serves it again.
        </Alert>
      )}
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Box sx={{ display: 'flex', alignItems: 'baseline', gap: 1.5, mb: 1 }}>
          <Typography variant="subtitle2">Events out per second</Typography>
          <Typography variant="caption" color="text.secondary">
            all topics, last 60 s
          </Typography>
          <Box sx={{ flex: 1 }} />
          <Typography data-testid="metrics-rate-now" sx={{ fontFamily: MONO_FONT, fontSize: '1.25rem', fontWeight: 600, color: 'primary.main' }}>
            {latest ? formatRate(latest.total) : '—'}
          </Typography>
        </Box>
        <RateChart points={metrics.history.points} />
      </Paper>
      {topics.map((topic) => (
        <TopicMetrics key={topic} row={rowOf(topic)} rate={latest?.byTopic[topic] ?? (latest ? 0 : undefined)} />
      ))}
    </Box>
  );
}
