import { DEFAULT_RUNTIME, type ApiRuntime, type BackendDropAction, type SecurityConfig, type UpstreamMode } from '../../../shared/model/runtime.ts';
import { readRuntime } from '../../../shared/asyncapi/read-runtime.ts';
import { gatewayBlock } from '../../../shared/asyncapi/write-sse-api.ts';

/**
 * The Runtime tab's state, without React. Numbers are kept as the text the user typed (so "12x" is
 * shown back with an error, not silently dropped), and each security type keeps its own values (so
 * switching API key -> JWT -> API key loses nothing). Validation is the host's own: the form is turned
 * into a raw `x-gateway` block and read with readRuntime, so the messages at the fields are the ones
 * the host would give, under the same field names (`security.keys`, `replay.maxEvents` ...).
 *
 * The document is the truth: a number field shows what the file sets, and is empty when the file
 * leaves it to the default (empty = default, never a hidden value). Save writes only what the user
 * set: filled numbers, and choices that differ from the default or that the file already spelled out.
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
  replayMaxBytes: string;
  retryMs: string;
  heartbeatSeconds: string;
  onBackendDrop: BackendDropAction;
  upstream: UpstreamMode;
  lingerSeconds: string;
  outageSeconds: string;
  maxStreams: string;
  maxEventBytes: string;
  subscriberQueueEvents: string;
  /** The `x-gateway` block as the file holds it: a choice the file spells out is kept as it is. */
  file: Record<string, unknown>;
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
  'replay.maxBytes',
  'lingerSeconds',
  'retryMs',
  'heartbeatSeconds',
  'outageSeconds',
  'onBackendDrop',
  'upstream',
  'maxStreams',
  'maxEventBytes',
  'subscriberQueueEvents',
] as const;
export type RuntimeField = (typeof RUNTIME_FIELDS)[number];
export type RuntimeErrors = Partial<Record<RuntimeField, string>>;

const text = (n: number | undefined) => (n === undefined ? '' : String(n));
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * `file` is the document's `x-gateway` block (ApiSummary.gateway); without it, the settings that
 * differ from the defaults stand for what the file sets.
 */
export function runtimeToForm(runtime: ApiRuntime, file: Record<string, unknown> = gatewayBlock(runtime)): RuntimeFormValues {
  const s = runtime.security;
  const replay = isRecord(file.replay) ? file.replay : {};
  // A number shows only when the file sets it: the rest stays empty, meaning "default".
  const own = (key: string, n: number | undefined) => (Object.hasOwn(file, key) ? text(n) : '');
  const ownReplay = (key: string, n: number | undefined) => (Object.hasOwn(replay, key) ? text(n) : '');
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
    replayMaxEvents: ownReplay('maxEvents', runtime.replay.maxEvents),
    replayMaxAgeSeconds: ownReplay('maxAgeSeconds', runtime.replay.maxAgeSeconds),
    replayMaxBytes: ownReplay('maxBytes', runtime.replay.maxBytes),
    retryMs: text(runtime.retryMs),
    heartbeatSeconds: own('heartbeatSeconds', runtime.heartbeatSeconds),
    onBackendDrop: runtime.onBackendDrop,
    upstream: runtime.upstream,
    lingerSeconds: own('lingerSeconds', runtime.lingerSeconds),
    outageSeconds: own('outageSeconds', runtime.outageSeconds),
    maxStreams: own('maxStreams', runtime.maxStreams),
    maxEventBytes: own('maxEventBytes', runtime.maxEventBytes),
    subscriberQueueEvents: own('subscriberQueueEvents', runtime.subscriberQueueEvents),
    file: structuredClone(file),
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

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The defaults as the file would spell them (what a choice left at its default would write). */
const DEFAULT_CHOICES: Record<string, unknown> = {
  transports: ['http', 'https'],
  security: DEFAULT_RUNTIME.security,
  cors: DEFAULT_RUNTIME.corsOrigins,
  onBackendDrop: DEFAULT_RUNTIME.onBackendDrop,
  upstream: DEFAULT_RUNTIME.upstream,
};

/**
 * A choice (no "empty" state) is written when the file already says exactly this, or when it
 * differs from the default; moving it back to the default removes the key.
 */
function choice(key: string, value: unknown, file: Record<string, unknown>): Record<string, unknown> {
  if (Object.hasOwn(file, key) && same(file[key], value)) return { [key]: file[key] };
  return same(value, DEFAULT_CHOICES[key]) ? {} : { [key]: value };
}

const group = (key: string, members: Record<string, unknown>) => (Object.keys(members).length ? { [key]: members } : {});

/** The settings the user set, as an `x-gateway` block (keys in readRuntime's order), not yet checked. */
export function formToRawBlock(values: RuntimeFormValues): Record<string, unknown> {
  const { file } = values;
  return {
    ...choice('transports', (['http', 'https'] as const).filter((t) => values.transports[t]), file),
    ...choice('security', rawSecurity(values), file),
    ...choice('cors', listed(values.corsOrigins), file),
    ...group('rateLimit', { ...optional('eventsPerMinute', values.eventsPerMinute), ...optional('eventsPerDay', values.eventsPerDay) }),
    ...group('replay', { ...optional('maxEvents', values.replayMaxEvents), ...optional('maxAgeSeconds', values.replayMaxAgeSeconds), ...optional('maxBytes', values.replayMaxBytes) }),
    ...optional('retryMs', values.retryMs),
    ...optional('heartbeatSeconds', values.heartbeatSeconds),
    ...choice('onBackendDrop', values.onBackendDrop, file),
    ...choice('upstream', values.upstream, file),
    ...optional('lingerSeconds', values.lingerSeconds),
    ...optional('outageSeconds', values.outageSeconds),
    ...optional('maxStreams', values.maxStreams),
    ...optional('maxEventBytes', values.maxEventBytes),
    ...optional('subscriberQueueEvents', values.subscriberQueueEvents),
  };
}

export type CheckedForm =
  | { ok: true; runtime: ApiRuntime; /** What apis.updateRuntime takes: the settings the user set, nothing else. */ block: Record<string, unknown> }
  | { ok: false; errors: RuntimeErrors; /** Problems at no field the form shows (should not happen). */ other: string[] };

export function checkForm(values: RuntimeFormValues): CheckedForm {
  const block = formToRawBlock(values);
  const { runtime, problems } = readRuntime({ 'x-gateway': block });
  if (problems.length === 0) return { ok: true, runtime, block };
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
