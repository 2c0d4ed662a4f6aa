import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useTheme } from '@mui/material/styles';
import type { RatePoint } from './rate-history.ts';
import { WINDOW_MS } from './rate-history.ts';
import { formatRate } from './format-metric.ts';
import { MONO_FONT } from '../theme.ts';

/**
 * Events out per second over the last minute, as a hand-drawn SVG line (no chart library). The SVG
 * stretches to the width; strokes keep their width (non-scaling-stroke); labels are HTML so they do
 * not stretch with it.
 */
const W = 600;
const H = 100;

export function RateChart({ points, height = 120 }: { points: RatePoint[]; height?: number }) {
  const theme = useTheme();
  const end = points.at(-1)?.at ?? 0;
  const start = end - WINDOW_MS;
  const top = niceCeiling(Math.max(...points.map((p) => p.total), 0) * 1.1);
  const x = (at: number) => ((at - start) / WINDOW_MS) * W;
  const y = (value: number) => H - (value / top) * H;
  const line = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.at).toFixed(1)},${y(p.total).toFixed(1)}`).join(' ');
  const first = points[0];
  const area = first ? `${line} L${x(end).toFixed(1)},${H} L${x(first.at).toFixed(1)},${H} Z` : '';
  const color = theme.palette.primary.main;
  const axisLabel = { position: 'absolute', left: 6, fontFamily: MONO_FONT, fontSize: '0.66rem', color: 'text.secondary', lineHeight: 1 } as const;

  return (
    <Box data-testid="rate-chart" data-points={points.length}>
      <Box sx={{ position: 'relative', height, borderRadius: 1, bgcolor: 'background.default', border: 1, borderColor: 'divider', overflow: 'hidden' }}>
        <svg viewBox={`0 0 ${W} ${H}`} preserveAspectRatio="none" width="100%" height="100%" role="img" aria-label="Events out per second, last 60 seconds">
          {[0.25, 0.5, 0.75].map((f) => (
            <line key={f} x1={0} x2={W} y1={H * f} y2={H * f} stroke={theme.palette.divider} strokeWidth={1} vectorEffect="non-scaling-stroke" />
          ))}
          {area && <path d={area} fill={color} fillOpacity={0.12} stroke="none" />}
          {line && <path d={line} fill="none" stroke={color} strokeWidth={2} strokeLinejoin="round" vectorEffect="non-scaling-stroke" />}
        </svg>
        <Box sx={{ ...axisLabel, top: 6 }}>{formatRate(top)}</Box>
        <Box sx={{ ...axisLabel, bottom: 6 }}>0</Box>
        {points.length === 0 && (
          <Typography variant="caption" color="text.secondary" sx={{ position: 'absolute', inset: 0, display: 'grid', placeItems: 'center' }}>
            Measuring… a rate needs two polls.
          </Typography>
        )}
      </Box>
      <Box sx={{ display: 'flex', justifyContent: 'space-between', mt: 0.5, fontFamily: MONO_FONT, fontSize: '0.66rem', color: 'text.secondary' }}>
        <span>−60 s</span>
        <span>−30 s</span>
        <span>now</span>
      </Box>
    </Box>
  );
}

/** 1, 2 or 5 times a power of ten, at least the value (and at least 1). */
export function niceCeiling(value: number): number {
  if (!(value > 1)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) if (step * power >= value) return step * power;
  return 10 * power;
}
