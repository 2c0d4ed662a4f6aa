/**
 * Numbers for the metrics table: short enough to scan (1.2k, 3.4 MB, 250 µs), with the exact value
 * left to a tooltip. Latency quantiles are bucket bounds; the top bucket is open-ended (Infinity,
 * which JSON carries as null).
 */
export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return '—';
  const abs = Math.abs(n);
  if (abs < 1000) return String(Math.round(n));
  for (const [size, unit] of [
    [1e9, 'B'],
    [1e6, 'M'],
    [1e3, 'k'],
  ] as const) {
    if (abs >= size) return `${short(n / size)}${unit}`;
  }
  return String(n);
}

export function formatBytes(n: number): string {
  if (!Number.isFinite(n)) return '—';
  if (Math.abs(n) < 1024) return `${Math.round(n)} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = n / 1024;
  let unit = 0;
  while (Math.abs(value) >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${short(value)} ${units[unit]}`;
}

export function formatMicros(n: number | null, samples = true): string {
  if (!samples) return '—';
  if (n === null || n === Number.POSITIVE_INFINITY) return '> 1 s';
  if (!Number.isFinite(n)) return '—';
  if (n < 1000) return `${Math.round(n)} µs`;
  if (n < 1_000_000) return `${short(n / 1000)} ms`;
  return `${short(n / 1_000_000)} s`;
}

export function formatRate(perSecond: number): string {
  if (!Number.isFinite(perSecond)) return '—';
  if (perSecond >= 1000) return `${formatCount(perSecond)}/s`;
  return `${perSecond >= 100 ? Math.round(perSecond) : perSecond.toFixed(1).replace(/\.0$/, '')}/s`;
}

/** 1.23 -> "1.2", 12.3 -> "12.3", 123.4 -> "123": three significant digits at most. */
function short(value: number): string {
  const abs = Math.abs(value);
  const digits = abs >= 100 ? 0 : 1;
  return value.toFixed(digits).replace(/\.0$/, '');
}
