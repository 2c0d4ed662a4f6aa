/** A default recording name from the topic and the time: `prices-acme-1430`. */
export function defaultRecordingName(topic: string | undefined, now: Date): string {
  const base = (topic ?? 'stream').replace(/\{[^}]*\}/g, '').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-+|-+$/g, '').toLowerCase() || 'stream';
  const hh = String(now.getHours()).padStart(2, '0');
  const mm = String(now.getMinutes()).padStart(2, '0');
  return `${base.slice(0, 60)}-${hh}${mm}`;
}
