import { createParser } from 'eventsource-parser';
import { scanBlock } from './block-scan.ts';

/**
 * Reads what a raw block means with eventsource-parser (the only SSE parser we use): whether it
 * dispatches an event, the stream's last event ID after it, and any `retry:` it sets. One reader per
 * upstream connection, fed the blocks in order, so parser state carries across them as it would in
 * a client.
 */
export interface BlockMeaning {
  isEvent: boolean;
  /** The event's `id` field when it has one (undefined: the stream's last id is unchanged). */
  id: string | undefined;
  retryMs: number | undefined;
}

export function createBlockReader(): (block: Buffer) => BlockMeaning {
  const parse = createParserBlockReader();
  return (block) => scanBlock(block) ?? parse(block);
}

/** The same, always through eventsource-parser (for blocks the scan leaves to it, and for tests). */
export function createParserBlockReader(): (block: Buffer) => BlockMeaning {
  let current: BlockMeaning = { isEvent: false, id: undefined, retryMs: undefined };
  const parser = createParser({
    onEvent: (event) => {
      current.isEvent = true;
      current.id = event.id;
    },
    onRetry: (ms) => {
      current.retryMs = ms;
    },
  });
  return (block) => {
    current = { isEvent: false, id: undefined, retryMs: undefined };
    parser.feed(block.toString('utf8'));
    return current;
  };
}
