import { describe, expect, it } from 'vitest';
import type { ApiSummary } from '../../../shared/api/contract.ts';
import { findClashes, freeIdentity, renameImport } from './import-clash.ts';

const feed = { id: 'feed.yaml', name: 'Feed', version: '1.0.0', context: '/feed', basePath: '/feed/1.0.0' } as ApiSummary;
const other = { id: 'other.yaml', name: 'Other', version: '1.0.0', context: '/other', basePath: '/other/1.0.0' } as ApiSummary;

describe('findClashes', () => {
  it('finds the same name and version, and the same context', () => {
    expect(findClashes({ name: 'feed', version: '1.0.0', context: '/elsewhere' }, [feed, other])).toEqual([{ api: feed, sameName: true, sameContext: false }]);
    expect(findClashes({ name: 'New', version: '2.0.0', context: '/feed/' }, [feed, other])).toEqual([{ api: feed, sameName: false, sameContext: true }]);
    expect(findClashes({ name: 'Feed', version: '1.0.0', context: '/feed' }, [feed, other])).toEqual([{ api: feed, sameName: true, sameContext: true }]);
  });

  it('finds nothing for a new name, version and context', () => {
    expect(findClashes({ name: 'Feed', version: '2.0.0', context: '/feed-v2' }, [feed, other])).toEqual([]);
  });
});

describe('freeIdentity and renameImport', () => {
  it('suggests a name and context nothing uses, and writes only those', () => {
    const taken = { ...feed, id: 'feed-2.yaml', name: 'Feed 2', context: '/feed-2', basePath: '/feed-2/1.0.0' } as ApiSummary;
    expect(freeIdentity({ name: 'Feed', version: '1.0.0', context: '/feed' }, [feed, taken])).toEqual({ name: 'Feed 3', context: '/feed-3' });
    const text = 'asyncapi: 3.0.0\ninfo:\n  title: Feed\n  version: 1.0.0\n  tags: [a, b]\nx-context: /feed\nchannels: {}\n';
    expect(renameImport(text, 'feed.yaml', 'Feed 3', '/feed-3')).toBe(text.replace('title: Feed', 'title: Feed 3').replace('x-context: /feed', 'x-context: /feed-3'));
  });
});
