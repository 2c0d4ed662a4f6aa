import { describe, expect, it } from 'vitest';
import { eventSourceSnippet } from './eventsource-snippet.ts';

const http = 'http://127.0.0.1:8280/feed/1.0.0/prices';
const https = 'https://127.0.0.1:8243/feed/1.0.0/prices';

describe('EventSource snippet for a topic', () => {
  it('opens an open API with the browser EventSource, logs messages and errors', () => {
    const snippet = eventSourceSnippet(http, { type: 'none' });
    expect(snippet.split('\n')[0]).toBe(`const es = new EventSource("${http}");`);
    expect(snippet).toContain('es.onmessage = (event) => console.log(event.lastEventId, event.data);');
    expect(snippet).toContain('es.addEventListener("<event name>"');
    expect(snippet).toContain('es.onerror = (event) => console.error("EventSource error", event);');
    expect(snippet).toContain('Last-Event-ID');
    expect(snippet).not.toContain('import');
  });

  it('puts a query API key on the URL, encoded', () => {
    expect(eventSourceSnippet(`${http}?rate=5`, { type: 'apiKey', in: 'query', name: 'key', keys: ['a&b=c d'] })).toContain(`new EventSource("${http}?rate=5&key=a%26b%3Dc%20d");`);
    expect(eventSourceSnippet(http, { type: 'apiKey', in: 'query', name: 'apikey', keys: [] })).toContain(`new EventSource("${http}?apikey=<api key>");`);
  });

  it('sends a header API key through the eventsource package, not as a Bearer token', () => {
    const snippet = eventSourceSnippet(http, { type: 'apiKey', in: 'header', name: 'apikey', keys: ['secret-key-1', 'other'] });
    expect(snippet).toContain(`cannot send headers`);
    expect(snippet).toContain('import { EventSource } from "eventsource";');
    expect(snippet).toContain(`new EventSource("${http}", {\n  fetch: (input, init) => fetch(input, { ...init, headers: { ...init.headers, "apikey": "secret-key-1" } }),\n});`);
    expect(snippet).not.toContain('Bearer');
  });

  it('puts the JWT in access_token for the browser', () => {
    const snippet = eventSourceSnippet(http, { type: 'jwt', algorithm: 'HS256', secret: 'x'.repeat(16) });
    expect(snippet).toContain(`new EventSource("${http}?access_token=<token>");`);
    expect(snippet).not.toContain('import');
  });

  it('sends Basic credentials in an Authorization header through the eventsource package', () => {
    const snippet = eventSourceSnippet(http, { type: 'basic', users: [{ username: 'ann', password: 'pw' }] });
    expect(snippet).toContain(`"Authorization": "Basic " + btoa("ann:pw")`);
    expect(eventSourceSnippet(http, { type: 'basic', users: [] })).toContain('btoa("user:password")');
  });

  it('quotes every string as a JavaScript literal', () => {
    const snippet = eventSourceSnippet('http://h/a"b\\c', { type: 'apiKey', in: 'header', name: 'x-key', keys: [`k"'\\\n`] });
    expect(snippet).toContain(`new EventSource("http://h/a\\"b\\\\c", {`);
    expect(snippet).toContain(`"x-key": "k\\"'\\\\\\n"`);
  });

  it('warns about the self-signed certificate on HTTPS URLs', () => {
    expect(eventSourceSnippet(https, { type: 'none' })).toMatch(/^\/\/ .*self-signed/);
    expect(eventSourceSnippet(http, { type: 'none' })).not.toContain('self-signed');
  });
});
