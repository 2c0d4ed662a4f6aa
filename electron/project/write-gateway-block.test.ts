import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { writeGatewayBlock } from './write-gateway-block.ts';

const FILE = `asyncapi: 3.0.0
info: { title: Feed, version: 1.0.0 }
x-gateway:
  # keep the heartbeat explicit: the ops team asked
  heartbeatSeconds: 15
  replay:
    maxEvents: 500 # small on purpose
    maxAgeSeconds: 60
  upstream: per-client
`;

const write = (text: string, block: Record<string, unknown>) => {
  const doc = parseDocument(text);
  writeGatewayBlock(doc, block);
  return doc.toString({ lineWidth: 0 });
};

describe('writeGatewayBlock', () => {
  it('keeps the comments and order of the keys it does not change, and adds new keys after them', () => {
    const text = write(FILE, { heartbeatSeconds: 15, replay: { maxEvents: 500, maxAgeSeconds: 60 }, upstream: 'per-client', outageSeconds: 12, maxStreams: 50 });
    expect(text).toBe(FILE + '  outageSeconds: 12\n  maxStreams: 50\n');
  });

  it('changes a value in place and merges a mapping key by key', () => {
    const text = write(FILE, { heartbeatSeconds: 20, replay: { maxEvents: 500, maxAgeSeconds: 120 }, upstream: 'per-client' });
    expect(text).toContain('  # keep the heartbeat explicit: the ops team asked\n  heartbeatSeconds: 20\n');
    expect(text).toContain('    maxEvents: 500 # small on purpose\n    maxAgeSeconds: 120\n');
  });

  it('removes the keys the block no longer has, and the whole block when it is empty', () => {
    const text = write(FILE, { heartbeatSeconds: 15, replay: { maxEvents: 500, maxAgeSeconds: 60 } });
    expect(text).not.toContain('upstream');
    expect(text).toContain('# small on purpose');
    expect(write(FILE, {})).toBe('asyncapi: 3.0.0\ninfo: { title: Feed, version: 1.0.0 }\n');
  });

  it('creates the block in a document that has none', () => {
    expect(write('asyncapi: 3.0.0\n', { maxStreams: 50 })).toBe('asyncapi: 3.0.0\nx-gateway:\n  maxStreams: 50\n');
  });
});
