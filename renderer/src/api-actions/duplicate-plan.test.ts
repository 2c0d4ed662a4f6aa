import { describe, expect, it } from 'vitest';
import type { ApiSummary } from '../../../shared/api/contract.ts';
import { planDuplicate, renamedText } from './duplicate-plan.ts';

const TEXT = `# the desk's feed
asyncapi: 3.0.0
info:
  title: Feed
  version: 1.0.0
x-context: /feed
channels:
  all:
    address: /prices
    messages:
      event:
        payload: { type: object, required: [symbol, price] }
`;

const summary = (over: Partial<ApiSummary>): ApiSummary => ({ id: 'feed.yaml', name: 'Feed', context: '/feed', version: '1.0.0', basePath: '/feed/1.0.0', ...over }) as ApiSummary;

describe('planDuplicate', () => {
  it('copies the document with a new name and context only', () => {
    const feed = summary({});
    const plan = planDuplicate(feed, TEXT, [feed]);
    expect(plan).toMatchObject({ name: 'Feed copy', context: '/feed-copy', fileName: 'feed-copy-1.0.0.asyncapi.yaml' });
    expect(plan.text).toBe(TEXT.replace('title: Feed', 'title: Feed copy').replace('x-context: /feed', 'x-context: /feed-copy'));
  });

  it('numbers the copy when a copy is already there', () => {
    const feed = summary({});
    const copy = summary({ id: 'feed-copy-1.0.0.asyncapi.yaml', name: 'Feed copy', context: '/feed-copy', basePath: '/feed-copy/1.0.0' });
    expect(planDuplicate(feed, TEXT, [feed, copy])).toMatchObject({ name: 'Feed copy 2', context: '/feed-copy-2', fileName: 'feed-copy-2-1.0.0.asyncapi.yaml' });
  });
});

describe('renamedText', () => {
  it('changes info.title and nothing else', () => {
    expect(renamedText('feed.yaml', TEXT, ' Price Feed ')).toBe(TEXT.replace('title: Feed', 'title: Price Feed'));
  });
});
