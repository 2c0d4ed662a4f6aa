import { describe, expect, it } from 'vitest';
import { buildTarget, buildUrlTarget, checkSseUrl, credentialsFor, defaultInsecureTls, isHttpsUrl, type SubscribeInput, type UrlSubscribeInput } from './subscribe-options.ts';

const base: SubscribeInput = { apiId: 'a.yaml', topicPath: '/prices', lastEventId: '', credentials: [], transport: 'http1', httpsBase: 'https://127.0.0.1:8243/feed/1.0.0' };

describe('credentials from the API security', () => {
  it('prefills an API key where the gateway reads it', () => {
    expect(credentialsFor({ type: 'apiKey', in: 'header', name: 'apikey', keys: ['k1', 'k2'] })).toEqual([{ name: 'apikey', value: 'k1', in: 'header' }]);
    expect(credentialsFor({ type: 'apiKey', in: 'query', name: 'key', keys: [] })).toEqual([{ name: 'key', value: '', in: 'query' }]);
  });

  it('prefills Basic from the first user, and leaves a JWT to fill in', () => {
    expect(credentialsFor({ type: 'basic', users: [{ username: 'ann', password: 'pé' }] })).toEqual([{ name: 'Authorization', value: 'Basic YW5uOnDDqQ==', in: 'header' }]);
    expect(credentialsFor({ type: 'jwt', algorithm: 'HS256', secret: 's' })[0]?.value).toBe('Bearer ');
    expect(credentialsFor({ type: 'none' })).toEqual([]);
  });
});

describe('buildTarget', () => {
  it('subscribes through the gateway over HTTP/1.1 with headers and a Last-Event-ID', () => {
    const built = buildTarget({
      ...base,
      lastEventId: ' 42 ',
      credentials: [
        { name: 'apikey', value: 'k1', in: 'header' },
        { name: '', value: '', in: 'header' },
      ],
    });
    expect(built).toEqual({ ok: true, target: { apiId: 'a.yaml', topicPath: '/prices', lastEventId: '42', headers: { apikey: 'k1' } } });
  });

  it('uses h2c on the cleartext gateway and the HTTPS URL for TLS', () => {
    expect(buildTarget({ ...base, transport: 'h2c' })).toEqual({ ok: true, target: { apiId: 'a.yaml', topicPath: '/prices', http2: true } });
    expect(buildTarget({ ...base, transport: 'h2' })).toEqual({ ok: true, target: { url: 'https://127.0.0.1:8243/feed/1.0.0/prices', http2: true } });
    expect(buildTarget({ ...base, transport: 'https1' })).toEqual({ ok: true, target: { url: 'https://127.0.0.1:8243/feed/1.0.0/prices' } });
    expect(buildTarget({ ...base, transport: 'h2', httpsBase: null })).toMatchObject({ ok: false, error: expect.stringContaining('HTTPS is off') });
  });

  it('puts query credentials in the path, encoded', () => {
    const built = buildTarget({ ...base, topicPath: '/counter?rate=5', credentials: [{ name: 'key', value: 'a b&c', in: 'query' }] });
    expect(built).toMatchObject({ ok: true, target: { topicPath: '/counter?rate=5&key=a%20b%26c' } });
  });

  it('refuses bad header names, multi-line values and Last-Event-ID as a header', () => {
    expect(buildTarget({ ...base, credentials: [{ name: 'x y', value: '1', in: 'header' }] })).toMatchObject({ ok: false, row: 0 });
    expect(buildTarget({ ...base, credentials: [{ name: 'x', value: 'a\nb', in: 'header' }] })).toMatchObject({ ok: false });
    expect(buildTarget({ ...base, credentials: [{ name: 'Last-Event-ID', value: '1', in: 'header' }] })).toMatchObject({ ok: false });
  });
});

describe('buildUrlTarget (any SSE URL, not through the gateway)', () => {
  const input: UrlSubscribeInput = { url: 'http://127.0.0.1:8080/counter?rate=50', lastEventId: '', credentials: [], http2: false, insecureTls: false };

  it('subscribes to the URL as typed, with headers, Last-Event-ID and HTTP/2', () => {
    expect(buildUrlTarget(input)).toEqual({ ok: true, target: { url: 'http://127.0.0.1:8080/counter?rate=50' } });
    const built = buildUrlTarget({ ...input, url: ' https://feed.example/s#top ', lastEventId: ' 7 ', http2: true, credentials: [{ name: 'apikey', value: 'k1', in: 'header' }] });
    expect(built).toEqual({ ok: true, target: { url: 'https://feed.example/s', lastEventId: '7', headers: { apikey: 'k1' }, http2: true } });
  });

  it('accepts a self-signed certificate only for https URLs, and only when asked', () => {
    expect(buildUrlTarget({ ...input, url: 'https://127.0.0.1:8443/s', insecureTls: true })).toEqual({ ok: true, target: { url: 'https://127.0.0.1:8443/s', insecureTls: true } });
    expect(buildUrlTarget({ ...input, insecureTls: true })).toEqual({ ok: true, target: { url: 'http://127.0.0.1:8080/counter?rate=50' } });
    expect(buildUrlTarget({ ...input, url: 'https://127.0.0.1:8443/s' })).toEqual({ ok: true, target: { url: 'https://127.0.0.1:8443/s' } });
  });

  it('adds query credentials to the URL query, encoded', () => {
    expect(buildUrlTarget({ ...input, credentials: [{ name: 'key', value: 'a b&c', in: 'query' }] })).toMatchObject({
      ok: true,
      target: { url: 'http://127.0.0.1:8080/counter?rate=50&key=a%20b%26c' },
    });
    expect(buildUrlTarget({ ...input, url: 'http://127.0.0.1:8080', credentials: [{ name: 'key', value: '1', in: 'query' }] })).toMatchObject({
      ok: true,
      target: { url: 'http://127.0.0.1:8080/?key=1' },
    });
  });

  it('refuses what is not an absolute http(s) URL, saying how to fix it', () => {
    expect(buildUrlTarget({ ...input, url: '/counter' })).toMatchObject({ ok: false, error: expect.stringContaining('http:// or https://') });
    expect(buildUrlTarget({ ...input, url: 'ws://127.0.0.1:8080/s' })).toMatchObject({ ok: false, error: expect.stringContaining('replace "ws://"') });
    expect(buildUrlTarget({ ...input, credentials: [{ name: 'x y', value: '1', in: 'header' }] })).toMatchObject({ ok: false, row: 0 });
    expect(checkSseUrl('')).toContain('e.g. http://127.0.0.1:8080/counter');
    expect(checkSseUrl('127.0.0.1:8080/counter')).toBeDefined();
    expect(checkSseUrl('http://a b/c')).toContain('%20');
    expect(checkSseUrl('https://ann:pw@feed.example/s')).toContain('Authorization');
    expect(checkSseUrl('HTTPS://feed.example/s')).toBeUndefined();
  });

  it('offers the self-signed default for https on this machine only', () => {
    expect(isHttpsUrl('https://x/s')).toBe(true);
    expect(isHttpsUrl('http://x/s')).toBe(false);
    expect(defaultInsecureTls('https://127.0.0.1:8443/s')).toBe(true);
    expect(defaultInsecureTls('https://localhost/s')).toBe(true);
    expect(defaultInsecureTls('https://[::1]:8443/s')).toBe(true);
    expect(defaultInsecureTls('https://feed.example/s')).toBe(false);
    expect(defaultInsecureTls('not a url')).toBe(false);
  });
});
