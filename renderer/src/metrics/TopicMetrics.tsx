import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { GatewayMetricsRow } from '../../../shared/api/contract.ts';
import { formatRate } from './format-metric.ts';
import { formatMetric, METRIC_GROUPS, type MetricDef } from './metric-groups.ts';
import { MONO_FONT } from '../theme.ts';

/** One topic's counters: a column per group (connections, events, bytes, replay, backend). */
export function TopicMetrics({ row, rate }: { row: GatewayMetricsRow; rate: number | undefined }) {
  const depth = Math.max(...METRIC_GROUPS.map((g) => g.metrics.length));
  return (
    <Paper variant="outlined" data-testid="metrics-topic" data-topic={row.topic} sx={{ overflow: 'hidden' }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5, px: 2, py: 1.25, borderBottom: 1, borderColor: 'divider' }}>
        <Typography sx={{ fontFamily: MONO_FONT, fontWeight: 600, fontSize: '0.9rem' }}>{row.topic}</Typography>
        <Chip size="small" color={row.connectionsOpen > 0 ? 'success' : 'default'} variant={row.connectionsOpen > 0 ? 'filled' : 'outlined'} label={`${row.connectionsOpen} open`} />
        <Box sx={{ flex: 1 }} />
        <Typography variant="body2" color="text.secondary">
          events out now{' '}
          <Box component="span" sx={{ fontFamily: MONO_FONT, color: 'text.primary', fontWeight: 600 }}>
            {rate === undefined ? '—' : formatRate(rate)}
          </Box>
        </Typography>
      </Box>
      <Table size="small" data-testid="metrics-table" sx={{ tableLayout: 'fixed', '& td, & th': { px: 1.5 } }}>
        <TableHead>
          <TableRow>
            {METRIC_GROUPS.map((g) => (
              <TableCell key={g.title} colSpan={2} sx={{ fontSize: '0.7rem', textTransform: 'uppercase', letterSpacing: 0.8 }}>
                {g.title}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {Array.from({ length: depth }, (_, i) => (
            <TableRow key={i} sx={{ '&:last-child td': { borderBottom: 0 } }}>
              {METRIC_GROUPS.map((g) => (
                <MetricCells key={g.title} def={g.metrics[i]} row={row} />
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Paper>
  );
}

function MetricCells({ def, row }: { def: MetricDef | undefined; row: GatewayMetricsRow }) {
  if (!def) {
    return (
      <>
        <TableCell />
        <TableCell />
      </>
    );
  }
  const value = row[def.key] as number | null;
  const alarming = def.warn && (value ?? 0) > 0;
  return (
    <>
      {/* A narrow window wraps a label onto two lines rather than cut it ("Auth fail…"). */}
      <TableCell title={def.help} data-testid="metric-label" sx={{ color: 'text.secondary', fontSize: '0.78rem', lineHeight: 1.25 }}>
        {def.label}
      </TableCell>
      <TableCell
        align="right"
        data-testid={`metric-${def.key}`}
        data-value={value ?? 'Infinity'}
        title={value === null ? 'over 1 s' : value.toLocaleString('en-US')}
        sx={{ fontFamily: MONO_FONT, fontSize: '0.8rem', fontWeight: 600, color: alarming ? 'warning.main' : 'text.primary', borderRight: 1, borderRightColor: 'divider', '&:last-of-type': { borderRight: 0 } }}
      >
        {formatMetric(def, value)}
      </TableCell>
    </>
  );
}
