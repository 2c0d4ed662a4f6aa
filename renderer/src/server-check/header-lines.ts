/** Request headers typed one per line ("Name: value"), as on the CLI's -H; blank lines are skipped. */
export function parseHeaderLines(text: string): { ok: true; headers: Record<string, string> } | { ok: false; message: string } {
  const headers: Record<string, string> = {};
  for (const [i, line] of text.split('\n').entries()) {
    if (!line.trim()) continue;
    const colon = line.indexOf(':');
    const name = colon > 0 ? line.slice(0, colon).trim() : '';
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) return { ok: false, message: `Line ${i + 1} must look like "Name: value".` };
    headers[name.toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { ok: true, headers };
}
