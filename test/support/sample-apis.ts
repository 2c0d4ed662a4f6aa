import { defaultRuntime, type ApiRuntime } from '../../shared/model/runtime.ts';
import type { SseApi } from '../../shared/model/sse-api.ts';

/** APIs that exercise export and import: wildcards, `{params}`, backend paths, descriptions, every kind of security. */
const runtime = (changes: Partial<ApiRuntime>): ApiRuntime => ({ ...defaultRuntime(), ...changes });

export const STOCK_TICKER: SseApi = {
  name: 'Stock Ticker',
  context: '/{version}/stocks',
  version: '2.1.0',
  description: 'Live prices, one `price` event per quote.',
  endpoint: 'https://backend.test:8443/sse',
  topics: [
    { path: '/*' },
    { path: '/prices/{symbol}', backendPath: '/v2/quotes?sym={symbol}', description: 'One symbol: ACME, GLOBEX or INITECH.' },
  ],
  runtime: runtime({
    transports: { http: false, https: true },
    security: { type: 'apiKey', in: 'header', name: 'apikey', keys: ['ticker-key-0001'] },
    corsOrigins: ['http://localhost:3000'],
    rateLimit: { eventsPerMinute: 600 },
    replay: { maxEvents: 50, maxAgeSeconds: 60 },
    retryMs: 2500,
    upstream: 'shared',
    lingerSeconds: 0,
  }),
};

export const CHAT_EVENTS: SseApi = { name: 'ChatEvents', context: '/chat', version: '1.0.0', endpoint: 'http://localhost:8080', topics: [{ path: '/*' }], runtime: defaultRuntime() };

export const NEWS_WIRE: SseApi = {
  name: 'News Wire',
  context: '/news',
  version: 'v3',
  description: 'Headlines: "breaking" first.\nSecond line, with a colon: here.',
  endpoint: 'http://127.0.0.1:9000/base/path',
  topics: [{ path: '/news/*', description: 'All regions.' }, { path: '/news/{region}/{topic}', backendPath: '/feeds/{region}?t={topic}' }, { path: '/health' }],
  runtime: runtime({
    security: { type: 'jwt', algorithm: 'RS256', publicKey: '-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE\n-----END PUBLIC KEY-----\n', issuer: 'https://issuer.example', audience: 'news' },
    heartbeatSeconds: 0,
    onBackendDrop: 'close-client',
    corsOrigins: [],
  }),
};

export const OPS_ALERTS: SseApi = {
  name: 'Ops Alerts',
  context: '/ops/alerts',
  version: '1.0.0-beta',
  endpoint: 'https://alerts.internal/stream',
  topics: [{ path: '/alerts/{severity}' }, { path: '/alerts/{severity}/{service}' }],
  runtime: runtime({
    security: { type: 'basic', users: [{ username: 'oncall', password: 'pager-duty-42' }] },
    maxEventBytes: 65536,
    subscriberQueueEvents: 500,
  }),
};

export const HS256_FEED: SseApi = {
  name: 'Scores',
  context: '/scores',
  version: '2024.1',
  endpoint: 'http://scores.example',
  topics: [{ path: '/' }, { path: '/live' }],
  runtime: runtime({ security: { type: 'jwt', algorithm: 'HS256', secret: 'a-very-long-shared-secret' }, rateLimit: { eventsPerDay: 100000 } }),
};

export const SAMPLE_APIS: Record<string, SseApi> = { STOCK_TICKER, CHAT_EVENTS, NEWS_WIRE, OPS_ALERTS, HS256_FEED };
