/**
 * An event's frame as sent, made readable: the bytes that matter in SSE framing and are invisible in
 * text (CR, LF, a BOM, NUL, tabs, U+FFFD from invalid UTF-8) become visible markers. A CR or LF also
 * ends the displayed line, as it ends the line for an SSE parser.
 * https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation
 */
export type RawMark = 'CRLF' | 'CR' | 'LF' | 'BOM' | 'NUL' | 'TAB' | 'U+FFFD';

export type RawPart = { kind: 'text'; text: string } | { kind: 'mark'; mark: RawMark; lineEnd: boolean };

const SPECIAL = /\r\n|\r|\n|\uFEFF|\0|\t|\uFFFD/g;

const MARK_OF: Record<string, RawMark> = { '\r\n': 'CRLF', '\r': 'CR', '\n': 'LF', '\uFEFF': 'BOM', '\0': 'NUL', '\t': 'TAB', '\uFFFD': 'U+FFFD' };

export function rawFrameParts(raw: string): RawPart[] {
  const parts: RawPart[] = [];
  let last = 0;
  for (const match of raw.matchAll(SPECIAL)) {
    const at = match.index;
    if (at > last) parts.push({ kind: 'text', text: raw.slice(last, at) });
    const mark = MARK_OF[match[0]] as RawMark;
    parts.push({ kind: 'mark', mark, lineEnd: mark === 'CRLF' || mark === 'CR' || mark === 'LF' });
    last = at + match[0].length;
  }
  if (last < raw.length) parts.push({ kind: 'text', text: raw.slice(last) });
  return parts;
}

/** The label shown for a marker: plain ASCII, as control pictures (␍ ␊) are missing from many fonts. */
export const MARK_SYMBOL: Record<RawMark, string> = {
  CRLF: 'CRLF',
  CR: 'CR',
  LF: 'LF',
  BOM: 'BOM',
  NUL: 'NUL',
  TAB: 'TAB',
  'U+FFFD': 'U+FFFD',
};

/** What a marker means, for its tooltip. */
export const MARK_TITLE: Record<RawMark, string> = {
  CRLF: 'CR LF: line end',
  CR: 'CR alone: a line end in SSE (many hand-written parsers miss it)',
  LF: 'LF: line end',
  BOM: 'U+FEFF byte order mark: stripped only at the very start of a stream',
  NUL: 'NUL byte',
  TAB: 'tab',
  'U+FFFD': 'U+FFFD: invalid UTF-8 in the stream, decoded as the replacement character',
};
