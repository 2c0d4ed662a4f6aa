import { defaultRuntime, type ApiRuntime, type SecurityConfig } from '../model/runtime.ts';
import type { DocProblem } from './document-text.ts';

/**
 * Reads the root `x-gateway` block of an API document into runtime settings. Every key is optional
 * (defaults: DEFAULT_RUNTIME); every wrong value is a problem with its path, never silently ignored.
 *
 *   x-gateway:
 *     transports: [http, https]
 *     security: { type: apiKey, in: header, name: apikey, keys: [secret-1] }
 *     cors: ["http://localhost:3000"]   # default: none (no CORS headers; other origins refused)
 *     rateLimit: { eventsPerMinute: 600, eventsPerDay: 100000 }
 *     replay: { maxEvents: 10000, maxAgeSeconds: 3600, maxBytes: 16777216 }
 *     retryMs: 3000
 *     heartbeatSeconds: 15
 *     onBackendDrop: reconnect-upstream   # or close-client
 *     upstream: shared                    # or per-client (one backend connection per client, as WSO2)
 *     lingerSeconds: 60                   # the replay window: shared upstreams keep recording after the last client leaves
 *     outageSeconds: 30                   # hold clients open this long through a backend outage
 *     maxStreams: 1000                    # distinct live backend streams (upstream keys) per API
 *     maxEventBytes: 4194304
 *     subscriberQueueEvents: 10000
 */
export function readRuntime(doc: Record<string, unknown>): { runtime: ApiRuntime; problems: DocProblem[] } {
  const problems: DocProblem[] = [];
  const runtime: ApiRuntime = defaultRuntime();
  const block = doc['x-gateway'];
  if (block === undefined) return { runtime, problems };
  const at = (...path: Array<string | number>) => ['x-gateway', ...path];
  if (!isRecord(block)) return { runtime, problems: [{ path: at(), message: 'x-gateway must be a mapping of gateway settings.' }] };
  const problem = (path: Array<string | number>, message: string) => problems.push({ path: at(...path), message });

  const known = new Set(['transports', 'security', 'cors', 'rateLimit', 'replay', 'retryMs', 'heartbeatSeconds', 'onBackendDrop', 'upstream', 'lingerSeconds', 'outageSeconds', 'maxStreams', 'maxEventBytes', 'subscriberQueueEvents']);
  for (const key of Object.keys(block)) if (!known.has(key)) problem([key], `Unknown gateway setting "${key}". Known: ${[...known].join(', ')}.`);

  if (block.transports !== undefined) {
    const list = block.transports;
    if (!Array.isArray(list) || !list.every((t) => t === 'http' || t === 'https') || list.length === 0) {
      problem(['transports'], 'transports must list "http", "https" or both, e.g. [http, https].');
    } else runtime.transports = { http: list.includes('http'), https: list.includes('https') };
  }

  if (block.security !== undefined) {
    const security = readSecurity(block.security, (path, message) => problem(['security', ...path], message));
    if (security) runtime.security = security;
  }

  if (block.cors !== undefined) {
    const list = block.cors;
    if (!Array.isArray(list) || !list.every((o) => typeof o === 'string' && (o === '*' || /^https?:\/\/[^/\s]+$/.test(o)))) {
      problem(['cors'], 'cors must list origins such as "http://localhost:3000" (scheme, host, port; no path), or "*".');
    } else runtime.corsOrigins = list as string[];
  }

  if (block.rateLimit !== undefined) {
    if (!isRecord(block.rateLimit)) problem(['rateLimit'], 'rateLimit must be a mapping: { eventsPerMinute: N, eventsPerDay: N }.');
    else {
      for (const key of ['eventsPerMinute', 'eventsPerDay'] as const) {
        const value = block.rateLimit[key];
        if (value === undefined) continue;
        if (isCount(value, 1)) runtime.rateLimit[key] = value;
        else problem(['rateLimit', key], `${key} must be a whole number of events, 1 or more.`);
      }
    }
  }

  if (block.replay !== undefined) {
    if (!isRecord(block.replay)) problem(['replay'], 'replay must be a mapping: { maxEvents: N, maxAgeSeconds: N, maxBytes: N }.');
    else {
      const { maxEvents, maxAgeSeconds, maxBytes } = block.replay;
      if (maxBytes !== undefined) {
        if (isCount(maxBytes, 0) && maxBytes <= 1024 * 1024 * 1024) runtime.replay.maxBytes = maxBytes;
        else problem(['replay', 'maxBytes'], 'replay.maxBytes must be a whole number of bytes from 0 (no replay) to 1073741824.');
      }
      if (maxEvents !== undefined) {
        if (isCount(maxEvents, 0) && maxEvents <= 1_000_000) runtime.replay.maxEvents = maxEvents;
        else problem(['replay', 'maxEvents'], 'replay.maxEvents must be a whole number from 0 (no replay) to 1000000.');
      }
      if (maxAgeSeconds !== undefined) {
        if (isCount(maxAgeSeconds, 1)) runtime.replay.maxAgeSeconds = maxAgeSeconds;
        else problem(['replay', 'maxAgeSeconds'], 'replay.maxAgeSeconds must be a whole number of seconds, 1 or more.');
      }
    }
  }

  if (block.retryMs !== undefined) {
    if (isCount(block.retryMs, 0) && block.retryMs <= 24 * 3600 * 1000) runtime.retryMs = block.retryMs;
    else problem(['retryMs'], 'retryMs must be a whole number of milliseconds (0 to 86400000).');
  }
  if (block.heartbeatSeconds !== undefined) {
    if (isCount(block.heartbeatSeconds, 0) && block.heartbeatSeconds <= 3600) runtime.heartbeatSeconds = block.heartbeatSeconds;
    else problem(['heartbeatSeconds'], 'heartbeatSeconds must be a whole number from 0 (off) to 3600.');
  }
  if (block.onBackendDrop !== undefined) {
    if (block.onBackendDrop === 'close-client' || block.onBackendDrop === 'reconnect-upstream') runtime.onBackendDrop = block.onBackendDrop;
    else problem(['onBackendDrop'], 'onBackendDrop must be "close-client" (clients reconnect) or "reconnect-upstream" (the gateway resumes and holds clients open).');
  }
  if (block.upstream !== undefined) {
    if (block.upstream === 'shared' || block.upstream === 'per-client') runtime.upstream = block.upstream;
    else problem(['upstream'], 'upstream must be "shared" (one backend connection fanned out) or "per-client" (one per subscriber).');
  }
  if (block.lingerSeconds !== undefined) {
    if (isCount(block.lingerSeconds, 0) && block.lingerSeconds <= 3600) runtime.lingerSeconds = block.lingerSeconds;
    else problem(['lingerSeconds'], 'lingerSeconds must be a whole number from 0 (close at once) to 3600.');
  }
  if (block.outageSeconds !== undefined) {
    if (isCount(block.outageSeconds, 0) && block.outageSeconds <= 3600) runtime.outageSeconds = block.outageSeconds;
    else problem(['outageSeconds'], 'outageSeconds must be a whole number from 0 (end client streams at once) to 3600.');
  }
  if (block.maxStreams !== undefined) {
    if (isCount(block.maxStreams, 1) && block.maxStreams <= 100_000) runtime.maxStreams = block.maxStreams;
    else problem(['maxStreams'], 'maxStreams must be a whole number from 1 to 100000.');
  }
  if (block.maxEventBytes !== undefined) {
    if (isCount(block.maxEventBytes, 64) && block.maxEventBytes <= 64 * 1024 * 1024) runtime.maxEventBytes = block.maxEventBytes;
    else problem(['maxEventBytes'], 'maxEventBytes must be a whole number from 64 to 67108864.');
  }
  if (block.subscriberQueueEvents !== undefined) {
    if (isCount(block.subscriberQueueEvents, 1) && block.subscriberQueueEvents <= 1_000_000) runtime.subscriberQueueEvents = block.subscriberQueueEvents;
    else problem(['subscriberQueueEvents'], 'subscriberQueueEvents must be a whole number from 1 to 1000000.');
  }
  return { runtime, problems };
}

function readSecurity(raw: unknown, problem: (path: Array<string | number>, message: string) => void): SecurityConfig | undefined {
  if (!isRecord(raw)) return void problem([], 'security must be a mapping with a "type": none, apiKey, jwt or basic.');
  switch (raw.type) {
    case 'none':
      return { type: 'none' };
    case 'apiKey': {
      const where = raw.in ?? 'header';
      const name = raw.name ?? 'apikey';
      const keys = raw.keys;
      if (where !== 'header' && where !== 'query') return void problem(['in'], 'security.in must be "header" or "query".');
      if (typeof name !== 'string' || !/^[A-Za-z0-9_-]+$/.test(name)) return void problem(['name'], 'security.name must be a header or query parameter name, e.g. "apikey".');
      if (!Array.isArray(keys) || keys.length === 0 || !keys.every((k) => typeof k === 'string' && k.length >= 8)) {
        return void problem(['keys'], 'security.keys must list the accepted API keys, each at least 8 characters.');
      }
      return { type: 'apiKey', in: where, name, keys: keys as string[] };
    }
    case 'jwt': {
      if (raw.requireExp !== undefined && typeof raw.requireExp !== 'boolean') return void problem(['requireExp'], 'security.requireExp must be true or false (false accepts tokens without "exp", which never expire).');
      const claims = {
        ...(typeof raw.issuer === 'string' ? { issuer: raw.issuer } : {}),
        ...(typeof raw.audience === 'string' ? { audience: raw.audience } : {}),
        ...(raw.requireExp === false ? { requireExp: false } : {}),
      };
      if (raw.algorithm === 'HS256') {
        if (typeof raw.secret !== 'string' || raw.secret.length < 16) return void problem(['secret'], 'An HS256 secret must be a string of at least 16 characters.');
        return { type: 'jwt', algorithm: 'HS256', secret: raw.secret, ...claims };
      }
      if (raw.algorithm === 'RS256') {
        if (typeof raw.publicKey !== 'string' || !raw.publicKey.includes('BEGIN PUBLIC KEY')) return void problem(['publicKey'], 'An RS256 publicKey must be a PEM block (-----BEGIN PUBLIC KEY----- ...).');
        return { type: 'jwt', algorithm: 'RS256', publicKey: raw.publicKey, ...claims };
      }
      return void problem(['algorithm'], 'security.algorithm must be "HS256" (with secret) or "RS256" (with publicKey).');
    }
    case 'basic': {
      const users = raw.users;
      if (!Array.isArray(users) || users.length === 0 || !users.every((u) => isRecord(u) && typeof u.username === 'string' && u.username && !u.username.includes(':') && typeof u.password === 'string' && u.password)) {
        return void problem(['users'], 'security.users must list { username, password } pairs (no ":" in user names).');
      }
      return { type: 'basic', users: users as Array<{ username: string; password: string }> };
    }
    default:
      return void problem(['type'], 'security.type must be none, apiKey, jwt or basic.');
  }
}

function isCount(value: unknown, min: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
