import { HUGE_EVENT_BYTES, type MalformKind } from '../../../shared/model/mock.ts';
import { encodeSseMessage, type SseMessage } from '../../../shared/sse/encode.ts';

/**
 * THE ONLY PLACE THAT MAKES BROKEN SSE, on purpose, for the malformed-frame faults. It starts from
 * the encoder's output (shared/sse/encode.ts) and breaks it the way real servers do, so clients and
 * gateways can be tested against it (https://html.spec.whatwg.org/multipage/server-sent-events.html):
 *  - bogus-retry: a `retry: soon` line in the event: not digits, so a client must ignore the field;
 *  - missing-blank-line: the event's closing blank line is left out, so it merges with the next;
 *  - cr-line-ends: every LF becomes CR, which the spec allows as a line end;
 *  - huge-event: the data padded to 1 MiB (a JSON object gets a "_padding" property and stays JSON);
 *  - invalid-utf8: a 0xFF byte (never valid in UTF-8) right after the first `data: `; a client
 *    decodes it as U+FFFD.
 * (`bom`, a UTF-8 BOM at the start of the response, is written once per connection: see BOM.)
 */
export const BOM = new Uint8Array([0xef, 0xbb, 0xbf]);
export const INVALID_UTF8 = new Uint8Array([0xff]);

export function malformFrame(frame: string, message: SseMessage, kinds: readonly MalformKind[]): Uint8Array {
  let text = kinds.includes('huge-event') ? encodeSseMessage({ ...message, data: padded(message.data) }) : frame;
  if (kinds.includes('bogus-retry')) text = 'retry: soon\n' + text;
  if (kinds.includes('missing-blank-line')) text = text.slice(0, -1);
  if (kinds.includes('cr-line-ends')) text = text.replace(/\n/g, '\r');
  const bytes = new TextEncoder().encode(text);
  if (!kinds.includes('invalid-utf8')) return bytes;
  const marker = new TextEncoder().encode('data: ');
  const at = indexOf(bytes, marker);
  if (at === -1) return bytes;
  const cut = at + marker.length;
  const out = new Uint8Array(bytes.length + INVALID_UTF8.length);
  out.set(bytes.subarray(0, cut));
  out.set(INVALID_UTF8, cut);
  out.set(bytes.subarray(cut), cut + INVALID_UTF8.length);
  return out;
}

function padded(data: string): string {
  const missing = Math.max(0, HUGE_EVENT_BYTES - new TextEncoder().encode(data).length);
  try {
    const value: unknown = JSON.parse(data);
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return JSON.stringify({ ...value, _padding: 'x'.repeat(missing) });
  } catch {
    // not JSON: pad the text itself
  }
  return data + ' '.repeat(missing);
}

function indexOf(haystack: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}
