import { describe, expect, it } from 'vitest';
import type { SecurityConfig } from '../../../shared/model/runtime.ts';
import { authenticateApiKey } from './api-key.ts';
import { fingerprint } from './secret.ts';

type ApiKeyConfig = Extract<SecurityConfig, { type: 'apiKey' }>;
const inHeader: ApiKeyConfig = { type: 'apiKey', in: 'header', name: 'apikey', keys: ['first-key-0001', 'second-key-0002'] };
const inQuery: ApiKeyConfig = { ...inHeader, in: 'query' };
const request = (headers: Record<string, string | string[] | undefined> = {}, query = '') => ({ headers, query: new URLSearchParams(query) });

describe('API key in a header', () => {
  it('accepts any configured key, whatever the header name case, and names the subscriber by a hash', () => {
    const result = authenticateApiKey(inHeader, request({ ApiKey: 'second-key-0002' }));
    expect(result).toEqual({ ok: true, subscriberKey: `key:${fingerprint('second-key-0002')}`, principal: `API key ${fingerprint('second-key-0002')}` });
    expect(JSON.stringify(result)).not.toContain('second-key-0002');
  });
  it('refuses a wrong key without echoing it', () => {
    const result = authenticateApiKey(inHeader, request({ apikey: 'guessed-key-999' }));
    expect(result).toMatchObject({ ok: false, status: 401 });
    expect(JSON.stringify(result)).not.toContain('guessed-key-999');
    expect(!result.ok && result.message).toContain('not one of this API\'s keys');
  });
  it('says where to send a missing key', () => {
    expect(authenticateApiKey(inHeader, request())).toMatchObject({ ok: false, message: 'Missing API key: send it in the "apikey" header.' });
  });
  it('explains WSO2\'s Bearer mistake instead of saying "missing"', () => {
    const result = authenticateApiKey(inHeader, request({ authorization: 'Bearer first-key-0001' }));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/sent as "Authorization: Bearer …", but this API reads it from the "apikey" header/);
    expect(JSON.stringify(result)).not.toContain('first-key-0001');
  });
  it('points out a key sent in the query when the header is expected', () => {
    const result = authenticateApiKey(inHeader, request({}, 'apikey=first-key-0001'));
    expect(!result.ok && result.message).toMatch(/query parameter, but this API reads it from the "apikey" header/);
  });
  it('refuses an empty or repeated header', () => {
    expect(authenticateApiKey(inHeader, request({ apikey: '' }))).toMatchObject({ ok: false, message: 'The "apikey" header is empty: put your API key in it.' });
    expect(authenticateApiKey(inHeader, request({ apikey: ['first-key-0001', 'first-key-0001'] }))).toMatchObject({ ok: false, message: expect.stringContaining('more than once') });
  });
  it('offers a challenge naming where the key goes', () => {
    expect(authenticateApiKey(inHeader, request())).toMatchObject({ wwwAuthenticate: 'ApiKey realm="SSE Studio gateway", in="header", name="apikey"' });
  });
  it('accepts "Bearer <key>" when the configured header is Authorization itself', () => {
    const config: ApiKeyConfig = { ...inHeader, name: 'Authorization' };
    expect(authenticateApiKey(config, request({ authorization: 'Bearer first-key-0001' })).ok).toBe(true);
    expect(authenticateApiKey(config, request({ authorization: 'first-key-0001' })).ok).toBe(true);
    expect(authenticateApiKey(config, request({ authorization: 'Bearer nope-nope-nope' })).ok).toBe(false);
  });
});

describe('API key in the query', () => {
  it('accepts a configured key', () => {
    expect(authenticateApiKey(inQuery, request({}, 'symbol=ACME&apikey=first-key-0001'))).toMatchObject({ ok: true, subscriberKey: `key:${fingerprint('first-key-0001')}` });
  });
  it('refuses a wrong, missing or repeated key', () => {
    expect(authenticateApiKey(inQuery, request({}, 'apikey=wrong-key-0000')).ok).toBe(false);
    expect(authenticateApiKey(inQuery, request())).toMatchObject({ ok: false, message: 'Missing API key: add it to the URL as the "apikey" query parameter (?apikey=<your key>).' });
    expect(authenticateApiKey(inQuery, request({}, 'apikey=first-key-0001&apikey=x'))).toMatchObject({ ok: false, message: expect.stringContaining('more than once') });
  });
  it('says to move a key sent in a header or as Bearer into the URL', () => {
    const header = authenticateApiKey(inQuery, request({ apikey: 'first-key-0001' }));
    expect(!header.ok && header.message).toMatch(/sent in the "apikey" header, but this API reads it from the query parameter: add \?apikey=<your key>/);
    const bearer = authenticateApiKey(inQuery, request({ authorization: 'Bearer first-key-0001' }));
    expect(!bearer.ok && bearer.message).toMatch(/Authorization: Bearer …", but this API reads it from the "apikey" query parameter/);
  });
  it('compares keys exactly (no trimming, case-sensitive)', () => {
    expect(authenticateApiKey(inQuery, request({}, 'apikey=FIRST-KEY-0001')).ok).toBe(false);
    expect(authenticateApiKey(inQuery, request({}, 'apikey=first-key-0001%20')).ok).toBe(false);
  });
});
