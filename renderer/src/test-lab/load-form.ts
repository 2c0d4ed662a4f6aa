/** The load panel's subscriber count: a whole number from 1 to 10,000 (the host's limit). Pure. */
export const MAX_LOAD_SUBSCRIBERS = 10_000;

export function parseSubscribers(text: string): { ok: true; value: number } | { ok: false; error: string } {
  const cleaned = text.replace(/[\s,_]/g, '');
  const value = Number(cleaned);
  if (cleaned === '' || !Number.isInteger(value)) return { ok: false, error: 'Enter a whole number of subscribers.' };
  if (value < 1 || value > MAX_LOAD_SUBSCRIBERS) return { ok: false, error: `From 1 to ${MAX_LOAD_SUBSCRIBERS.toLocaleString('en-US')} subscribers.` };
  return { ok: true, value };
}

/** `12.5 s`, `3 min 05 s`. */
export function formatElapsed(ms: number): string {
  const s = Math.max(0, ms) / 1000;
  if (s < 60) return `${s.toFixed(1)} s`;
  const m = Math.floor(s / 60);
  return `${m} min ${String(Math.floor(s % 60)).padStart(2, '0')} s`;
}
