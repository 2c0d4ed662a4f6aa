import type { ApiRuntime, BackendDropAction, SecurityConfig, UpstreamMode } from '../../../shared/model/runtime.ts';
import { readRuntime } from '../../../shared/asyncapi/read-runtime.ts';
import { gatewayBlock } from '../../../shared/asyncapi/write-sse-api.ts';

/**
 * The Runtime tab's state, without React. Numbers are kept as the text the user typed (so "12x" is
 * shown back with an error, not silently dropped), and each security type keeps its own values (so
 * switching API key -> JWT -> API key loses nothing). Validation is the host's own: the form is turned
 * into a raw `x-gateway` block and read with readRuntime, so the messages at the fields are the ones
 * the host would give, under the same field names (`security.keys`, `replay.maxEvents` ...).
 */
export type SecurityType = SecurityConfig['type'];

export interface RuntimeFormValues {
  transports: { http: boolean; https: boolean };
  securityType: SecurityType;
  apiKey: { in: 'header' | 'query'; name: string; keys: string[] };
  jwt: { algorithm: 'HS256' | 'RS256'; secret: string; publicKey: string; issuer: string; audience: string; requireExp: boolean };
  basic: { users: Array<{ username: string; password: string }> };
  corsOrigins: string[];
  eventsPerMinute: string;
  eventsPerDay: string;
  replayMaxEvents: string;
  replayMaxAgeSeconds: string;
  retryMs: string;
  heartbeatSeconds: string;
  onBackendDrop: BackendDropAction;
  upstream: UpstreamMode;
  lingerSeconds: string;
  maxEventBytes: string;
  subscriberQueueEvents: string;
}

/** Field names as the host reports them (x-gateway paths), in the order the form shows them. */
export const RUNTIME_FIELDS = [
  'transports',
  'security',
  'security.type',
  'security.in',
  'security.name',
  'security.keys',
  'security.algorithm',
  'security.secret',
  'security.publicKey',
  'security.users',
  'cors',
  'rateLimit',
  'rateLimit.eventsPerMinute',
  'rateLimit.eventsPerDay',
  'replay',
  'replay.maxEvents',
  'replay.maxAgeSeconds',
  'retryMs',
  'heartbeatSeconds',
  'onBackendDrop',
  'upstream',
  'lingerSeconds',
  'maxEventBytes',
  'subscriberQueueEvents',
] as const;
export type RuntimeField = (typeof RUNTIME_FIELDS)[number];
export type RuntimeErrors = Partial<Record<RuntimeField, string>>;

const text = (n: number | undefined) => (n === undefined ? '' : String(n));

export function runtimeToForm(runtime: ApiRuntime): RuntimeFormValues {
  const s = runtime.security;
  return {
    transports: { ...runtime.transports },
    securityType: s.type,
    apiKey: s.type === 'apiKey' ? { in: s.in, name: s.name, keys: [...s.keys] } : { in: 'header', name: 'apikey', keys: [''] },
    jwt:
      s.type === 'jwt'
        ? {
            algorithm: s.algorithm,
            secret: s.algorithm === 'HS256' ? s.secret : '',
            publicKey: s.algorithm === 'RS256' ? s.publicKey : '',
            issuer: s.issuer ?? '',
            audience: s.audience ?? '',
            requireExp: s.requireExp !== false,
          }
        : { algorithm: 'HS256', secret: '', publicKey: '', issuer: '', audience: '', requireExp: true },
    basic: s.type === 'basic' ? { users: s.users.map((u) => ({ ...u })) } : { users: [{ username: '', password: '' }] },
    corsOrigins: [...runtime.corsOrigins],
    eventsPerMinute: text(runtime.rateLimit.eventsPerMinute),
    eventsPerDay: text(runtime.rateLimit.eventsPerDay),
    replayMaxEvents: text(runtime.replay.maxEvents),
    replayMaxAgeSeconds: text(runtime.replay.maxAgeSeconds),
    retryMs: text(runtime.retryMs),
    heartbeatSeconds: text(runtime.heartbeatSeconds),
    onBackendDrop: runtime.onBackendDrop,
    upstream: runtime.upstream,
    lingerSeconds: text(runtime.lingerSeconds),
    maxEventBytes: text(runtime.maxEventBytes),
    subscriberQueueEvents: text(runtime.subscriberQueueEvents),
  };
}

/**
 * A typed number as the file would hold it: "10,000" and "10_000" read as 10000; anything that is
 * not a number stays text, so readRuntime reports it at its field instead of it vanishing.
 */
export function parseCount(typed: string): number | string {
  const trimmed = typed.trim();
  const compact = trimmed.replace(/[,_\s]/g, '');
  if (compact === '') return '';
  const n = Number(compact);
  return Number.isFinite(n) ? n : trimmed;
}

const optional = <K extends string>(key: K, typed: string): Partial<Record<K, number | string>> => (typed.trim() === '' ? {} : ({ [key]: parseCount(typed) } as Record<K, number | string>));
const listed = (values: string[]) => values.map((v) => v.trim()).filter(Boolean);

function rawSecurity(values: RuntimeFormValues): Record<string, unknown> {
  switch (values.securityType) {
    case 'none':
      return { type: 'none' };
    case 'apiKey':
      return { type: 'apiKey', in: values.apiKey.in, name: values.apiKey.name.trim(), keys: listed(values.apiKey.keys) };
    case 'jwt': {
      const { algorithm, secret, publicKey, issuer, audience, requireExp } = values.jwt;
      const claims = { ...(issuer.trim() ? { issuer: issuer.trim() } : {}), ...(audience.trim() ? { audience: audience.trim() } : {}), ...(requireExp ? {} : { requireExp: false }) };
      return algorithm === 'HS256' ? { type: 'jwt', algorithm, secret: secret.trim(), ...claims } : { type: 'jwt', algorithm, publicKey: publicKey.trim(), ...claims };
    }
    case 'basic':
      return { type: 'basic', users: values.basic.users.filter((u) => u.username.trim() || u.password).map((u) => ({ username: u.username.trim(), password: u.password })) };
  }
}

/** Every setting as an `x-gateway` block, defaults included, not yet checked. */
export function formToRawBlock(values: RuntimeFormValues): Record<string, unknown> {
  return {
    transports: (['http', 'https'] as const).filter((t) => values.transports[t]),
    security: rawSecurity(values),
    cors: listed(values.corsOrigins),
    rateLimit: { ...optional('eventsPerMinute', values.eventsPerMinute), ...optional('eventsPerDay', values.eventsPerDay) },
    replay: { maxEvents: parseCount(values.replayMaxEvents), maxAgeSeconds: parseCount(values.replayMaxAgeSeconds) },
    ...optional('retryMs', values.retryMs),
    heartbeatSeconds: parseCount(values.heartbeatSeconds),
    onBackendDrop: values.onBackendDrop,
    upstream: values.upstream,
    lingerSeconds: parseCount(values.lingerSeconds),
    maxEventBytes: parseCount(values.maxEventBytes),
    subscriberQueueEvents: parseCount(values.subscriberQueueEvents),
  };
}

export type CheckedForm =
  | { ok: true; runtime: ApiRuntime; /** What apis.updateRuntime takes: non-default settings only. */ block: Record<string, unknown> }
  | { ok: false; errors: RuntimeErrors; /** Problems at no field the form shows (should not happen). */ other: string[] };

export function checkForm(values: RuntimeFormValues): CheckedForm {
  const { runtime, problems } = readRuntime({ 'x-gateway': formToRawBlock(values) });
  if (problems.length === 0) return { ok: true, runtime, block: gatewayBlock(runtime) };
  const errors: RuntimeErrors = {};
  const other: string[] = [];
  for (const p of problems) {
    const field = p.path.slice(1).join('.');
    if (isRuntimeField(field)) errors[field] ??= p.message;
    else other.push(p.message);
  }
  return { ok: false, errors, other };
}

/** Unchanged means: the same settings would be written (whatever inactive security forms hold). */
export function isDirty(values: RuntimeFormValues, baseline: RuntimeFormValues): boolean {
  return JSON.stringify(formToRawBlock(values)) !== JSON.stringify(formToRawBlock(baseline));
}

export function isRuntimeField(field: string): field is RuntimeField {
  return (RUNTIME_FIELDS as readonly string[]).includes(field);
}

/** The host's `error.fields` onto the form; what maps to no field stays for a general alert. */
export function mapHostFields(fields: Array<{ field: string; message: string }> | undefined): { errors: RuntimeErrors; unmapped: string[] } {
  const errors: RuntimeErrors = {};
  const unmapped: string[] = [];
  for (const f of fields ?? []) {
    if (isRuntimeField(f.field)) errors[f.field] ??= f.message;
    else unmapped.push(`${f.field}: ${f.message}`);
  }
  return { errors, unmapped };
}

/** The first field with an error, in the order the form shows them (to move the focus there). */
export function firstErrorField(errors: RuntimeErrors): RuntimeField | undefined {
  return RUNTIME_FIELDS.find((f) => errors[f]);
}
