import { describe, expect, it } from 'vitest';
import { curlCommand, quote } from './curl-command.ts';

const http = 'http://127.0.0.1:8280/feed/1.0.0/prices';
const https = 'https://127.0.0.1:8243/feed/1.0.0/prices';

describe('curl command for a topic', () => {
  it('streams an open API without buffering', () => {
    expect(curlCommand(http, { type: 'none' })).toBe(`curl -N '${http}'`);
  });

  it('speaks HTTP/2 and accepts the local certificate on HTTPS URLs', () => {
    expect(curlCommand(https, { type: 'none' })).toBe(`curl -N --http2 -k '${https}'`);
  });

  it('sends an API key in its own header, not as a Bearer token (where WSO2 puts it)', () => {
    const command = curlCommand(http, { type: 'apiKey', in: 'header', name: 'apikey', keys: ['secret-key-1', 'other-key-2'] });
    expect(command).toBe(`curl -N -H 'apikey: secret-key-1' '${http}'`);
    expect(command).not.toContain('Bearer');
  });

  it('puts a query API key on the URL, encoded', () => {
    expect(curlCommand(`${http}?rate=5`, { type: 'apiKey', in: 'query', name: 'key', keys: ['a&b=c d'] })).toBe(`curl -N '${http}?rate=5&key=a%26b%3Dc%20d'`);
    expect(curlCommand(http, { type: 'apiKey', in: 'query', name: 'apikey', keys: [] })).toBe(`curl -N '${http}?apikey=<api key>'`);
  });

  it('sends a bearer token for JWT APIs', () => {
    expect(curlCommand(https, { type: 'jwt', algorithm: 'HS256', secret: 'x'.repeat(16) })).toBe(`curl -N --http2 -k -H 'Authorization: Bearer <token>' '${https}'`);
  });

  it('sends the first user for Basic APIs, quoted for the shell', () => {
    expect(curlCommand(http, { type: 'basic', users: [{ username: 'ann', password: "it's $ecret" }] })).toBe(`curl -N -u 'ann:it'\\''s $ecret' '${http}'`);
  });

  it('turns off URL globbing for {param} topics', () => {
    expect(curlCommand('http://127.0.0.1:8280/s/1/prices/{symbol}', { type: 'none' })).toBe(`curl -N -g 'http://127.0.0.1:8280/s/1/prices/{symbol}'`);
  });

  it('quotes for a POSIX shell', () => {
    expect(quote(`a'b`)).toBe(`'a'\\''b'`);
  });
});
