/**
 * Reading credentials out of a request without guessing: a value sent twice is reported as such
 * (which copy would be the real one?), an absent one as absent.
 */
export type Lookup = { kind: 'none' } | { kind: 'one'; value: string } | { kind: 'many' };

/** A header by name, case-insensitively (node:http lowercases names; hand-built objects may not). */
export function findHeader(headers: Record<string, string | string[] | undefined>, name: string): Lookup {
  const wanted = name.toLowerCase();
  const values: string[] = [];
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== wanted || value === undefined) continue;
    if (Array.isArray(value)) values.push(...value);
    else values.push(value);
  }
  return toLookup(values);
}

/** A query parameter by exact name (URL query names are case-sensitive). */
export function findQuery(query: URLSearchParams, name: string): Lookup {
  return toLookup(query.getAll(name));
}

function toLookup(values: string[]): Lookup {
  if (values.length === 0) return { kind: 'none' };
  if (values.length > 1) return { kind: 'many' };
  return { kind: 'one', value: values[0] ?? '' };
}

/**
 * `Authorization: <scheme> <credentials>` (RFC 9110 §11.6.2). The scheme is case-insensitive
 * (§11.1), so it is returned lowercased; the credentials are returned as sent, trimmed.
 */
export function parseAuthorization(value: string): { scheme: string; credentials: string } {
  const trimmed = value.trim();
  const gap = trimmed.search(/\s/);
  if (gap === -1) return { scheme: trimmed.toLowerCase(), credentials: '' };
  return { scheme: trimmed.slice(0, gap).toLowerCase(), credentials: trimmed.slice(gap).trim() };
}

/**
 * Text from a request (a claim, a user name) made safe to quote in a message or log line: control
 * characters removed and the length capped, so a client cannot forge log lines or flood them.
 */
export function printable(text: string, max = 120): string {
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '');
  return clean.length > max ? clean.slice(0, max) + '…' : clean;
}
