import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Gateway } from './gateway.ts';
import { defaultRuntime, type ApiRuntime, type SecurityConfig } from '../../shared/model/runtime.ts';
import { rsaKeyPair, signHs256, signRs256 } from './security/jwt-test-tokens.ts';
import { startScriptedBackend, sseHeaders, sleep, waitFor, type ScriptedBackend } from '../../test/support/scripted-backend.ts';
import { readEvents } from '../../test/support/parser-client.ts';
import { readRaw } from '../../test/support/raw-client.ts';

/**
 * Per-API security through the real gateway: who may subscribe (API key, JWT, Basic), from which
 * web page (CORS), and how many events (rate limits) — with the answers a client actually sees,
 * and what does (and does not) reach the backend.
 */
const API_KEY = 'first-key-0001-abcdef';
const HS_SECRET = 'a-test-secret-of-32-characters!!';
const REALM = 'SSE Studio gateway';

let gateway: Gateway;
let backend: ScriptedBackend;
const STREAM = () => `${gateway.url}/feed/1.0.0/ticks`;
const counters = () => gateway.metrics.rows()[0]!;
const nowSeconds = () => Math.floor(Date.now() / 1000);

beforeEach(async () => {
  // Numbered events every 5 ms, for as long as the client listens.
  backend = await startScriptedBackend((_req, res) => {
    sseHeaders(res);
    let n = 0;
    const timer = setInterval(() => res.write(`id: ${++n}\ndata: ${n}\n\n`), 5);
    res.on('close', () => clearInterval(timer));
  });
  gateway = new Gateway({ host: '127.0.0.1', port: 0 });
  await gateway.start();
});
afterEach(async () => {
  await gateway.stop();
  await backend.close();
});

function deploy(runtime: Partial<ApiRuntime>): void {
  gateway.deploy({ id: 'feed.yaml', name: 'Feed', basePath: '/feed/1.0.0', endpoint: backend.url, topics: [{ path: '/*' }], runtime: { ...defaultRuntime(), ...runtime } });
}
const secured = (security: SecurityConfig) => deploy({ security });

/** A refused request: status, challenge and body, and proof that the backend was never asked. */
async function refusal(url: string, headers: Record<string, string> = {}) {
  // A refusal is a short text answer: a stream instead would hang here, hence the time limit.
  const res = await fetch(url, { headers, signal: AbortSignal.timeout(3000) });
  const body = await res.text();
  expect(backend.requests, 'a refused subscriber never reaches the backend').toEqual([]);
  return { status: res.status, wwwAuthenticate: res.headers.get('www-authenticate'), retryAfter: res.headers.get('retry-after'), body };
}

/** A stream that delivers: the first three events arrive. */
async function streams(url: string, headers: Record<string, string> = {}) {
  const { status, events } = await readEvents(url, 3, { headers });
  expect(status).toBe(200);
  // readEvents stops at the chunk that completes 3 events; that chunk may carry a 4th.
  expect(events.slice(0, 3).map((e) => e.id)).toEqual(['1', '2', '3']);
}

describe('API key in a header', () => {
  const config: SecurityConfig = { type: 'apiKey', in: 'header', name: 'X-Api-Key', keys: [API_KEY] };

  it('refuses a request without the key: 401, a message saying where the key goes, an ApiKey challenge', async () => {
    secured(config);
    expect(await refusal(STREAM())).toEqual({
      status: 401,
      wwwAuthenticate: `ApiKey realm="${REALM}", in="header", name="X-Api-Key"`,
      retryAfter: null,
      body: 'Unauthorized: Missing API key: send it in the "X-Api-Key" header.\n',
    });
  });

  it('refuses a wrong key with 401, without echoing it', async () => {
    secured(config);
    const { status, body } = await refusal(STREAM(), { 'x-api-key': 'guessed-key-9999' });
    expect(status).toBe(401);
    expect(body).toMatch(/^Unauthorized: The API key in the "X-Api-Key" header is not one of this API's keys/);
    expect(body).not.toContain('guessed-key-9999');
  });

  it('streams with the right key, and does not pass the key on to the backend', async () => {
    secured(config);
    await streams(STREAM(), { 'x-api-key': API_KEY });
    expect(backend.requests[0]?.headers['x-api-key']).toBeUndefined();
  });
});

describe('API key in the query', () => {
  const config: SecurityConfig = { type: 'apiKey', in: 'query', name: 'apikey', keys: [API_KEY] };

  it('streams with the right key, and the backend sees the query without it', async () => {
    secured(config);
    await streams(`${STREAM()}?symbol=ACME&apikey=${API_KEY}&depth=2`);
    expect(backend.requests.map((r) => r.path)).toEqual(['/ticks?symbol=ACME&depth=2']);
  });

  it('refuses a wrong key in the query with 401', async () => {
    secured(config);
    expect((await refusal(`${STREAM()}?apikey=wrong-key-0000`)).status).toBe(401);
  });

  it('leaves the other query parameters exactly as the client wrote them (as it does without security)', async () => {
    secured(config);
    await streams(`${STREAM()}?q=a%20b&flag&apikey=${API_KEY}&x=%7E`);
    expect(backend.requests.map((r) => r.path)).toEqual(['/ticks?q=a%20b&flag&x=%7E']);
  });
});

describe('JWT HS256', () => {
  const config: SecurityConfig = { type: 'jwt', algorithm: 'HS256', secret: HS_SECRET };
  const valid = () => signHs256({ sub: 'alice', exp: nowSeconds() + 300 }, HS_SECRET);

  it('streams with a valid token in "Authorization: Bearer"', async () => {
    secured(config);
    await streams(STREAM(), { authorization: `Bearer ${valid()}` });
  });

  it('streams with a valid token in ?access_token=, which is stripped before the backend', async () => {
    secured(config);
    await streams(`${STREAM()}?symbol=ACME&access_token=${valid()}`);
    expect(backend.requests.map((r) => r.path)).toEqual(['/ticks?symbol=ACME']);
  });

  it('refuses an expired token: 401 with a Bearer error="invalid_token" challenge (RFC 6750 §3)', async () => {
    secured(config);
    const expired = signHs256({ sub: 'alice', exp: nowSeconds() - 3600 }, HS_SECRET);
    for (const [where, url, headers] of [
      ['header', STREAM(), { authorization: `Bearer ${expired}` }],
      ['query', `${STREAM()}?access_token=${expired}`, {}],
    ] as const) {
      const { status, wwwAuthenticate, body } = await refusal(url, headers);
      expect(status, where).toBe(401);
      expect(wwwAuthenticate, where).toMatch(new RegExp(`^Bearer realm="${REALM}", error="invalid_token", error_description="The JWT expired at `));
      expect(body, where).toMatch(/^Unauthorized: The JWT expired at .*: get a new token\.\n$/);
    }
  });

  it('refuses a token signed with another secret', async () => {
    secured(config);
    const forged = signHs256({ sub: 'alice', exp: nowSeconds() + 300 }, 'another-secret-of-32-characters!');
    const { status, wwwAuthenticate, body } = await refusal(STREAM(), { authorization: `Bearer ${forged}` });
    expect(status).toBe(401);
    expect(wwwAuthenticate).toMatch(/error="invalid_token"/);
    expect(body).toMatch(/The JWT signature does not match/);
  });

  it('refuses a token without exp (it would never expire) unless the API sets requireExp: false', async () => {
    secured(config);
    const forever = signHs256({ sub: 'alice' }, HS_SECRET);
    const { status, body } = await refusal(STREAM(), { authorization: `Bearer ${forever}` });
    expect(status).toBe(401);
    expect(body).toMatch(/^Unauthorized: The JWT has no "exp" claim/);
    secured({ ...config, requireExp: false });
    await streams(STREAM(), { authorization: `Bearer ${forever}` });
  });

  it('asks for a token with a bare Bearer challenge when there is none', async () => {
    secured(config);
    expect(await refusal(STREAM())).toMatchObject({ status: 401, wwwAuthenticate: `Bearer realm="${REALM}"` });
  });
});

describe('JWT RS256', () => {
  const issuer = rsaKeyPair();
  const stranger = rsaKeyPair();
  const config: SecurityConfig = { type: 'jwt', algorithm: 'RS256', publicKey: issuer.publicKey };

  it('streams with a token signed by the matching private key', async () => {
    secured(config);
    await streams(STREAM(), { authorization: `Bearer ${signRs256({ sub: 'bob', exp: nowSeconds() + 300 }, issuer.privateKey)}` });
  });

  it('refuses a token signed by another key, and an HS256 token "signed" with the public key (algorithm confusion)', async () => {
    secured(config);
    const otherKey = await refusal(STREAM(), { authorization: `Bearer ${signRs256({ sub: 'bob' }, stranger.privateKey)}` });
    expect(otherKey).toMatchObject({ status: 401, body: expect.stringMatching(/The JWT signature does not match/) });
    const confused = await refusal(STREAM(), { authorization: `Bearer ${signHs256({ sub: 'bob' }, issuer.publicKey)}` });
    expect(confused).toMatchObject({ status: 401, body: expect.stringMatching(/signed with HS256, but this API accepts only RS256/) });
  });
});

describe('HTTP Basic', () => {
  const config: SecurityConfig = { type: 'basic', users: [{ username: 'alice', password: 'wonder:land' }] };
  const basic = (userPass: string) => ({ authorization: `Basic ${Buffer.from(userPass).toString('base64')}` });

  it('streams for a configured user', async () => {
    secured(config);
    await streams(STREAM(), basic('alice:wonder:land'));
    expect(backend.requests[0]?.headers.authorization).toBeUndefined();
  });

  it('refuses a wrong password with 401 and a Basic challenge', async () => {
    secured(config);
    expect(await refusal(STREAM(), basic('alice:guess'))).toEqual({
      status: 401,
      wwwAuthenticate: `Basic realm="${REALM}", charset="UTF-8"`,
      retryAfter: null,
      body: 'Unauthorized: Wrong user name or password for HTTP Basic authentication.\n',
    });
  });
});

describe('CORS', () => {
  const APP = 'https://app.example';

  it('sends no CORS header by default: a web page on another origin cannot read the stream', async () => {
    deploy({});
    const res = await fetch(STREAM(), { headers: { origin: 'https://evil.example' }, signal: AbortSignal.timeout(3000) });
    expect(res.status).toBe(403);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(await res.text()).toBe('Origin https://evil.example may not use "Feed": add it to x-gateway.cors.\n');
    expect(backend.requests).toEqual([]);
    const preflight = await fetch(STREAM(), { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' } });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    // Clients that send no Origin (curl, servers, same-origin pages) are not affected.
    await streams(STREAM());
  });

  it('echoes an allowed Origin (with credentials) on the stream', async () => {
    deploy({ corsOrigins: [APP] });
    const res = await fetch(STREAM(), { headers: { origin: APP } });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(APP);
    expect(res.headers.get('access-control-allow-credentials')).toBe('true');
    expect(res.headers.get('vary')).toBe('Origin');
    await res.body?.cancel();
  });

  it('refuses another origin with 403 and says how to allow it', async () => {
    deploy({ corsOrigins: [APP] });
    const { status, body } = await refusal(STREAM(), { origin: 'https://evil.example' });
    expect(status).toBe(403);
    expect(body).toBe('Origin https://evil.example may not use "Feed": add it to x-gateway.cors.\n');
  });

  it('answers a preflight with the headers a fetch-based SSE client may send, the API-key header included', async () => {
    deploy({ corsOrigins: [APP], security: { type: 'apiKey', in: 'header', name: 'X-Api-Key', keys: [API_KEY] } });
    const res = await fetch(STREAM(), { method: 'OPTIONS', headers: { origin: APP, 'access-control-request-method': 'GET', 'access-control-request-headers': 'x-api-key, last-event-id' } });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(APP);
    expect(res.headers.get('access-control-allow-methods')).toBe('GET');
    expect(res.headers.get('access-control-allow-headers')?.split(', ')).toEqual(expect.arrayContaining(['x-api-key', 'last-event-id', 'authorization']));
    const other = await fetch(STREAM(), { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' } });
    expect(other.status).toBe(403);
    expect(backend.requests).toEqual([]);
  });

  it("lets an allowed page read a 401's message (the CORS headers are on the refusal too)", async () => {
    deploy({ corsOrigins: [APP], security: { type: 'apiKey', in: 'query', name: 'apikey', keys: [API_KEY] } });
    const res = await fetch(STREAM(), { headers: { origin: APP } });
    expect(res.status).toBe(401);
    expect(res.headers.get('access-control-allow-origin')).toBe(APP);
    expect(await res.text()).toMatch(/Missing API key/);
  });
});

/**
 * Event limits count per wall-clock minute. Start well inside a minute, so the stream and the
 * reconnect fall into the same window (waits only when the test starts in a minute's last 10 s).
 */
async function awayFromMinuteEnd(): Promise<void> {
  const intoMinute = Date.now() % 60_000;
  if (intoMinute > 50_000) await sleep(60_000 - intoMinute + 50);
}

describe('event rate limit', () => {
  it('ends the stream after 5 events with a comment, then refuses the reconnect with 429 and Retry-After', async () => {
    deploy({ rateLimit: { eventsPerMinute: 5 } });
    await awayFromMinuteEnd();
    const { status, body } = await readRaw(STREAM(), () => false, { timeoutMs: 5000 }); // resolves when the gateway ends it
    expect(status).toBe(200);
    const text = body.toString();
    expect([...text.matchAll(/^id: (\d+)$/gm)].map((m) => m[1])).toEqual(['1', '2', '3', '4', '5']);
    expect(text).toMatch(/\n\n: rate limit exceeded: this subscription has used its events; reconnect later\n\n$/);

    const again = await fetch(STREAM());
    expect(again.status).toBe(429);
    const retryAfter = Number(again.headers.get('retry-after'));
    expect(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60, `Retry-After ${retryAfter}`).toBe(true);
    expect(await again.text()).toMatch(/^Event limit reached: this subscriber may receive 5 events per minute\. Try again in \d+ s/);
    expect(backend.requests, 'the refused reconnect never reached the backend').toHaveLength(1);
    // One for the stream cut short, one for the refused reconnect.
    expect(counters().rateLimited).toBe(2);
  });
});

describe('metrics', () => {
  it('count every refused subscriber as an auth failure, and none for the admitted one', async () => {
    secured({ type: 'apiKey', in: 'header', name: 'X-Api-Key', keys: [API_KEY] });
    await refusal(STREAM());
    await refusal(STREAM(), { 'x-api-key': 'guessed-key-9999' });
    await refusal(STREAM(), { authorization: `Bearer ${API_KEY}` });
    await streams(STREAM(), { 'x-api-key': API_KEY });
    await waitFor(() => counters().connectionsOpen === 0, 'the admitted stream to close');
    expect(counters()).toMatchObject({ authFailures: 3, rateLimited: 0, connectionsTotal: 1 });
  });
});
