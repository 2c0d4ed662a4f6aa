import { describe, expect, it } from 'vitest';
import { readRuntime } from '../../../shared/asyncapi/read-runtime.ts';
import { defaultRuntime, type ApiRuntime } from '../../../shared/model/runtime.ts';
import { checkForm, firstErrorField, isDirty, mapHostFields, parseCount, runtimeToForm, type RuntimeFormValues } from './runtime-form.ts';

const defaults = () => runtimeToForm(defaultRuntime());
const withApiKey = (keys: string[]): RuntimeFormValues => ({ ...defaults(), securityType: 'apiKey', apiKey: { in: 'header', name: 'apikey', keys } });

describe('runtime form', () => {
  it('writes nothing for an API left at the defaults', () => {
    expect(checkForm(defaults())).toEqual({ ok: true, runtime: defaultRuntime(), block: {} });
  });

  it('writes only the settings that differ from the defaults, in the file format', () => {
    const values: RuntimeFormValues = { ...withApiKey(['secret-key-1', '  ']), transports: { http: true, https: false }, eventsPerMinute: '600', retryMs: '3,000' };
    const checked = checkForm(values);
    expect(checked).toMatchObject({ ok: true });
    if (checked.ok) {
      expect(checked.block).toEqual({
        transports: ['http'],
        security: { type: 'apiKey', in: 'header', name: 'apikey', keys: ['secret-key-1'] },
        rateLimit: { eventsPerMinute: 600 },
        retryMs: 3000,
      });
    }
  });

  it('shows a too-short API key at the keys field with the host message', () => {
    const checked = checkForm(withApiKey(['short']));
    expect(checked.ok).toBe(false);
    if (!checked.ok) {
      expect(checked.errors['security.keys']).toMatch(/at least 8 characters/);
      expect(firstErrorField(checked.errors)).toBe('security.keys');
    }
  });

  it('keeps typed text that is not a number, and reports it at its field', () => {
    const values = { ...defaults(), heartbeatSeconds: '15s', replayMaxEvents: '-1', transports: { http: false, https: false } };
    const checked = checkForm(values);
    expect(checked.ok).toBe(false);
    if (!checked.ok) {
      expect(Object.keys(checked.errors).sort()).toEqual(['heartbeatSeconds', 'replay.maxEvents', 'transports']);
      expect(firstErrorField(checked.errors)).toBe('transports');
    }
    expect(values.heartbeatSeconds).toBe('15s');
  });

  // Was "empty required numbers are errors": every number now has a default, and empty means that default.
  it('treats every empty number as "default": nothing is written and the gateway default applies', () => {
    const values = defaults();
    for (const typed of [values.heartbeatSeconds, values.lingerSeconds, values.outageSeconds, values.maxStreams, values.replayMaxBytes, values.replayMaxEvents, values.maxEventBytes]) expect(typed).toBe('');
    expect(checkForm({ ...values, eventsPerDay: ' ', retryMs: '', maxEventBytes: '', outageSeconds: '  ' })).toEqual({ ok: true, runtime: defaultRuntime(), block: {} });
  });

  it('removes a number from the file when its field is emptied', () => {
    const runtime: ApiRuntime = { ...defaultRuntime(), outageSeconds: 5, maxStreams: 20 };
    const values = runtimeToForm(runtime, { outageSeconds: 5, maxStreams: 20 });
    expect(checkForm({ ...values, maxStreams: '' })).toMatchObject({ ok: true, block: { outageSeconds: 5 } });
    expect(checkForm({ ...values, maxStreams: '', outageSeconds: '' })).toEqual({ ok: true, runtime: defaultRuntime(), block: {} });
  });

  it('round-trips the outage window, the stream cap, the history bytes and the replay window', () => {
    const runtime: ApiRuntime = { ...defaultRuntime(), outageSeconds: 5, maxStreams: 20, replay: { ...defaultRuntime().replay, maxBytes: 1024 }, upstream: 'per-client', lingerSeconds: 0 };
    const file = { replay: { maxBytes: 1024 }, upstream: 'per-client', lingerSeconds: 0, outageSeconds: 5, maxStreams: 20 };
    const values = runtimeToForm(runtime, file);
    expect(values).toMatchObject({ outageSeconds: '5', maxStreams: '20', replayMaxBytes: '1024', lingerSeconds: '0', upstream: 'per-client', replayMaxEvents: '' });
    expect(checkForm(values)).toEqual({ ok: true, runtime, block: file });
    // Without the file's block, the settings that differ from the defaults stand for it.
    expect(checkForm(runtimeToForm(runtime))).toMatchObject({ ok: true, runtime });
  });

  it('keeps the settings the file spells out, defaults included, and adds only what the user sets', () => {
    const file = { heartbeatSeconds: 15, upstream: 'shared', outageSeconds: 30, replay: { maxAgeSeconds: 3600 } };
    const values = runtimeToForm({ ...defaultRuntime(), outageSeconds: 30 }, file);
    expect(values).toMatchObject({ heartbeatSeconds: '15', outageSeconds: '30', replayMaxAgeSeconds: '3600', lingerSeconds: '' });
    expect(checkForm(values)).toMatchObject({ ok: true, block: file });
    expect(isDirty(values, values)).toBe(false);
    const checked = checkForm({ ...values, maxStreams: '50' });
    expect(checked).toMatchObject({ ok: true, block: { ...file, maxStreams: 50 } });
  });

  it('writes a choice that differs from the default, and removes it when moved back (unless the file said so)', () => {
    expect(checkForm({ ...defaults(), upstream: 'per-client' })).toMatchObject({ ok: true, block: { upstream: 'per-client' } });
    const perClient = runtimeToForm({ ...defaultRuntime(), upstream: 'per-client' }, { upstream: 'per-client' });
    expect(checkForm({ ...perClient, upstream: 'shared' })).toMatchObject({ ok: true, block: {} });
  });

  it('refuses invalid new settings at their field with the shared reader\'s own message', () => {
    const cases = [
      { field: 'outageSeconds', key: 'outageSeconds', typed: '-1', raw: -1 },
      { field: 'outageSeconds', key: 'outageSeconds', typed: '3601', raw: 3601 },
      { field: 'maxStreams', key: 'maxStreams', typed: '0', raw: 0 },
      { field: 'maxStreams', key: 'maxStreams', typed: '2.5', raw: 2.5 },
      { field: 'lingerSeconds', key: 'lingerSeconds', typed: 'soon', raw: 'soon' },
      { field: 'replay.maxBytes', key: 'replayMaxBytes', typed: '2000000000', raw: 2_000_000_000 },
    ] as const;
    for (const c of cases) {
      const checked = checkForm({ ...defaults(), [c.key]: c.typed });
      const [name, sub] = c.field.split('.') as [string, string | undefined];
      const shared = readRuntime({ 'x-gateway': sub ? { [name]: { [sub]: c.raw } } : { [name]: c.raw } }).problems;
      expect(shared, c.field).toHaveLength(1);
      expect(checked.ok ? {} : checked.errors, `${c.field} = ${c.typed}`).toEqual({ [c.field]: shared[0]?.message });
      expect(firstErrorField(checked.ok ? {} : checked.errors)).toBe(c.field);
    }
  });

  it('reads numbers with separators', () => {
    expect(parseCount('10_000')).toBe(10000);
    expect(parseCount(' 4,194,304 ')).toBe(4194304);
    expect(parseCount('12x')).toBe('12x');
    expect(parseCount('')).toBe('');
  });

  it('round-trips every security type through the form', () => {
    const runtimes: ApiRuntime[] = [
      { ...defaultRuntime(), security: { type: 'jwt', algorithm: 'HS256', secret: 'a-very-long-secret-value', issuer: 'me' } },
      { ...defaultRuntime(), security: { type: 'jwt', algorithm: 'HS256', secret: 'a-very-long-secret-value', requireExp: false } },
      { ...defaultRuntime(), security: { type: 'jwt', algorithm: 'RS256', publicKey: '-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----', audience: 'you' } },
      { ...defaultRuntime(), security: { type: 'basic', users: [{ username: 'ann', password: 'pw' }] } },
      { ...defaultRuntime(), security: { type: 'apiKey', in: 'query', name: 'key', keys: ['12345678'] }, upstream: 'shared', lingerSeconds: 0, retryMs: 0 },
    ];
    for (const runtime of runtimes) expect(checkForm(runtimeToForm(runtime))).toMatchObject({ ok: true, runtime });
  });

  it('is unchanged when the same settings would be written, whatever the inactive forms hold', () => {
    const baseline = runtimeToForm(defaultRuntime(), { heartbeatSeconds: 15 });
    expect(isDirty({ ...baseline, apiKey: { in: 'query', name: 'x', keys: ['typed'] } }, baseline)).toBe(false);
    expect(isDirty({ ...baseline, heartbeatSeconds: ' 15 ' }, baseline)).toBe(false);
    expect(isDirty({ ...baseline, heartbeatSeconds: '' }, baseline), 'emptied: the key leaves the file').toBe(true);
    expect(isDirty({ ...baseline, securityType: 'apiKey' }, baseline)).toBe(true);
  });

  it('puts host field errors on the form and keeps the rest for an alert', () => {
    const mapped = mapHostFields([
      { field: 'security.keys', message: 'too short' },
      { field: 'upstream', message: 'bad mode' },
      { field: 'mystery', message: 'what' },
    ]);
    expect(mapped.errors).toEqual({ 'security.keys': 'too short', upstream: 'bad mode' });
    expect(mapped.unmapped).toEqual(['mystery: what']);
  });
});
