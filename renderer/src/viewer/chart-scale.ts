/**
 * Scales for the viewer's small SVG charts: a round top value for the axis, and the path of a
 * series (null values break the line instead of dropping to zero). Pure, for tests.
 */

/** The smallest of 1, 2, 2.5, 5 x 10^n at or above the largest value (at least `floor`). */
export function niceMax(values: ReadonlyArray<number | null>, floor = 1): number {
  const max = Math.max(floor, ...values.filter((v): v is number => v !== null && Number.isFinite(v)));
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * power >= max) return step * power;
  return 10 * power;
}

export interface PlotBox {
  width: number;
  height: number;
  max: number;
}

/**
 * An SVG path through the values, spread evenly over the width (the first at x = 0, the last at
 * x = width), 0 at the bottom and `max` at the top. Nulls start a new segment.
 */
export function linePath(values: ReadonlyArray<number | null>, { width, height, max }: PlotBox): string {
  if (values.length === 0 || max <= 0) return '';
  const dx = values.length > 1 ? width / (values.length - 1) : 0;
  let path = '';
  let pen = false;
  values.forEach((v, i) => {
    if (v === null || !Number.isFinite(v)) {
      pen = false;
      return;
    }
    const x = round(i * dx);
    const y = round(height - (Math.min(Math.max(v, 0), max) / max) * height);
    path += `${pen ? 'L' : 'M'}${x} ${y}`;
    pen = true;
  });
  return path;
}

/** The same line closed down to the baseline, for a filled area under it (one area per segment). */
export function areaPath(values: ReadonlyArray<number | null>, box: PlotBox): string {
  const line = linePath(values, box);
  if (!line) return '';
  return line
    .split('M')
    .filter(Boolean)
    .map((segment) => {
      const points = segment.split('L');
      const firstX = (points[0] as string).split(' ')[0];
      const lastX = (points[points.length - 1] as string).split(' ')[0];
      return `M${firstX} ${box.height}L${segment}L${lastX} ${box.height}Z`;
    })
    .join('');
}

/** A short axis label: 1200 -> 1.2k, 0.5 -> 0.5. */
export function shortNumber(n: number): string {
  if (n >= 1_000_000) return `${trim(n / 1_000_000)}M`;
  if (n >= 1000) return `${trim(n / 1000)}k`;
  return trim(n);
}

function trim(n: number): string {
  return String(Math.round(n * 10) / 10);
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

/** The last `length` values, padded on the left with nulls: a run of 9 s fills the right edge of a 60 s chart, not all of it. */
export function padSeries(values: ReadonlyArray<number | null>, length: number): Array<number | null> {
  const tail = values.slice(-length);
  return [...new Array<null>(Math.max(0, length - tail.length)).fill(null), ...tail];
}
