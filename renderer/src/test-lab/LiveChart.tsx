import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { memo } from 'react';
import { areaPath, linePath, niceMax, shortNumber } from '../viewer/chart-scale.ts';
import { MONO_FONT } from '../theme.ts';

/**
 * A small SVG line chart of the last minute, one value per second, with up to two series on their
 * own scales (the first filled, on the left axis; the second as a line, on the right). No chart
 * library: a path per series, drawn in a stretched view box with strokes that do not stretch.
 */
export interface ChartSeries {
  label: string;
  values: ReadonlyArray<number | null>;
  /** A theme palette color name. */
  color: 'primary' | 'secondary' | 'success' | 'info' | 'warning';
  unit: string;
}

const W = 600;

export const LiveChart = memo(function LiveChart({ series, height = 110, testId, caption }: { series: ChartSeries[]; height?: number; testId: string; caption?: string }) {
  const scales = series.map((s) => niceMax(s.values, s.unit === 'ms' ? 10 : 1));
  const points = series[0]?.values.filter((v) => v !== null).length ?? 0;
  return (
    <Box data-testid={testId} data-points={points} sx={{ display: 'flex', flexDirection: 'column', gap: 0.5, minWidth: 0 }}>
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'baseline' }}>
        {series.map((s) => {
          const last = [...s.values].reverse().find((v) => v !== null);
          return (
            <Box key={s.label} sx={{ display: 'flex', alignItems: 'center', gap: 0.75 }}>
              <Box sx={{ width: 10, height: 3, borderRadius: 1, bgcolor: `${s.color}.main` }} />
              <Typography variant="caption" color="text.secondary">
                {s.label}
              </Typography>
              <Typography variant="caption" sx={{ fontFamily: MONO_FONT, fontWeight: 600 }}>
                {last === undefined || last === null ? '—' : `${shortNumber(last)}${s.unit === 'ms' ? ' ms' : ''}`}
              </Typography>
            </Box>
          );
        })}
        <Box sx={{ flex: 1 }} />
        {caption && (
          <Typography variant="caption" color="text.disabled">
            {caption}
          </Typography>
        )}
      </Box>
      <Box sx={{ position: 'relative', height, borderLeft: 1, borderBottom: 1, borderColor: 'divider' }}>
        <Box
          component="svg"
          viewBox={`0 0 ${W} ${height}`}
          preserveAspectRatio="none"
          role="img"
          aria-label={series.map((s) => s.label).join(' and ') + ' over the last minute'}
          sx={{ position: 'absolute', inset: 0, width: '100%', height: '100%', overflow: 'visible' }}
        >
          {[0.25, 0.5, 0.75].map((f) => (
            <line key={f} x1={0} x2={W} y1={height * f} y2={height * f} stroke="rgba(255,255,255,0.06)" vectorEffect="non-scaling-stroke" />
          ))}
          {series.map((s, i) => {
            const box = { width: W, height, max: scales[i] as number };
            return (
              <g key={s.label}>
                {i === 0 && <Box component="path" d={areaPath(s.values, box)} sx={{ fill: (t) => t.palette[s.color].main, opacity: 0.14 }} />}
                <Box
                  component="path"
                  d={linePath(s.values, box)}
                  vectorEffect="non-scaling-stroke"
                  sx={{ fill: 'none', stroke: (t) => t.palette[s.color].main, strokeWidth: 1.6, strokeDasharray: i === 0 ? undefined : '4 3' }}
                />
              </g>
            );
          })}
        </Box>
        {series.map((s, i) => (
          <Typography
            key={s.label}
            variant="caption"
            sx={{ position: 'absolute', top: -2, [i === 0 ? 'left' : 'right']: 4, fontFamily: MONO_FONT, fontSize: '0.65rem', color: `${s.color}.main`, opacity: 0.85 }}
          >
            {shortNumber(scales[i] as number)}
            {s.unit === 'ms' ? ' ms' : '/s'}
          </Typography>
        ))}
      </Box>
      <Box sx={{ display: 'flex', justifyContent: 'space-between' }}>
        <Typography variant="caption" color="text.disabled" sx={{ fontSize: '0.65rem' }}>
          −60 s
        </Typography>
        <Typography variant="caption" color="text.disabled" sx={{ fontSize: '0.65rem' }}>
          now
        </Typography>
      </Box>
    </Box>
  );
});
