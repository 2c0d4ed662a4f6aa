import type { BlockMeaning } from './block-reader.ts';

/**
 * The meaning of the common block shape without decoding it: LF line ends, at most one event,
 * only `id`, `event`, `data`, `retry` and comment lines. Every block goes through the gateway once
 * per client in per-client mode, so skipping the string decode and the data concatenation matters.
 * Anything else (CR, a BOM, NUL in an id, another field, a bad retry, two events) returns undefined
 * and is read by eventsource-parser, the one SSE parser. A block test checks both agree.
 */
const LF = 0x0a;
const CR = 0x0d;
const COLON = 0x3a;
const SPACE = 0x20;

function fieldIs(block: Buffer, start: number, end: number, name: string): boolean {
  if (end - start !== name.length) return false;
  for (let i = 0; i < name.length; i++) if (block[start + i] !== name.charCodeAt(i)) return false;
  return true;
}

export function scanBlock(block: Buffer): BlockMeaning | undefined {
  if (block.indexOf(CR) !== -1 || block[0] === 0xef) return undefined;
  let id: string | undefined;
  let eventType: string | undefined;
  let retryMs: number | undefined;
  let dataLines = 0;
  let pending = false;
  let dispatched: BlockMeaning | undefined;
  let pos = 0;
  while (pos < block.length) {
    const end = block.indexOf(LF, pos);
    if (end === -1) return undefined; // an unterminated line: not a whole block
    if (end === pos) {
      // Blank line: the end of an event (dispatched only with data, as EventSource does).
      if (dataLines > 0) {
        if (dispatched) return undefined;
        dispatched = { isEvent: true, id, eventType, retryMs: undefined };
      }
      id = eventType = undefined;
      dataLines = 0;
      pending = false;
      pos = end + 1;
      continue;
    }
    pending = true;
    if (block[pos] !== COLON) {
      const colon = block.indexOf(COLON, pos);
      const nameEnd = colon === -1 || colon > end ? end : colon;
      let valueStart = nameEnd === end ? end : nameEnd + 1;
      if (valueStart < end && block[valueStart] === SPACE) valueStart++;
      if (fieldIs(block, pos, nameEnd, 'data')) dataLines++;
      else if (fieldIs(block, pos, nameEnd, 'id')) {
        const value = block.toString('utf8', valueStart, end);
        if (value.includes('\0')) return undefined;
        id = value;
      } else if (fieldIs(block, pos, nameEnd, 'event')) eventType = block.toString('utf8', valueStart, end) || undefined;
      else if (fieldIs(block, pos, nameEnd, 'retry')) {
        const value = block.toString('latin1', valueStart, end);
        if (!/^\d+$/.test(value)) return undefined;
        retryMs = parseInt(value, 10);
      } else return undefined;
    }
    pos = end + 1;
  }
  if (pending) return undefined;
  if (dispatched) return { ...dispatched, retryMs };
  return { isEvent: false, id: undefined, eventType: undefined, retryMs };
}
