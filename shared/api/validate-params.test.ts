import { describe, expect, it } from 'vitest';
import { isStudioMethod, STUDIO_METHODS, validateParams } from './validate-params.ts';

describe('Studio API params', () => {
  it('knows exactly the contract methods', () => {
    expect(STUDIO_METHODS).toContain('apis.create');
    expect(isStudioMethod('apis.create')).toBe(true);
    expect(isStudioMethod('constructor')).toBe(false);
    expect(isStudioMethod('__proto__')).toBe(false);
    expect(isStudioMethod(42)).toBe(false);
  });
  it('accepts well-formed params', () => {
    expect(validateParams('apis.create', { name: 'a', context: '/a', version: '1', endpoint: 'http://x', topics: ['/*'] }).ok).toBe(true);
    expect(validateParams('subscriptions.open', { url: 'http://x' }).ok).toBe(true);
    expect(validateParams('subscriptions.open', { apiId: 'a.yaml', topicPath: '/x', lastEventId: '3' }).ok).toBe(true);
  });
  it('refuses wrong types, missing and unknown fields', () => {
    expect(validateParams('apis.deploy', {})).toMatchObject({ ok: false, error: { code: 'bad_params', message: '"id" must be a string.' } });
    expect(validateParams('apis.deploy', { id: 1 }).ok).toBe(false);
    expect(validateParams('apis.deploy', { id: 'x', extra: 1 })).toMatchObject({ ok: false, error: { message: 'Unknown parameter "extra".' } });
    expect(validateParams('apis.create', { name: 'a', context: '/a', version: '1', endpoint: 'e', topics: [1] }).ok).toBe(false);
    expect(validateParams('apis.list', null).ok).toBe(false);
    expect(validateParams('apis.list', []).ok).toBe(false);
  });
});
