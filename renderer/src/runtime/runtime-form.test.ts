import { describe, expect, it } from 'vitest';
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

  it('treats empty optional numbers as unset and empty required ones as errors', () => {
    expect(checkForm({ ...defaults(), eventsPerDay: ' ', retryMs: '' })).toMatchObject({ ok: true, block: {} });
    const checked = checkForm({ ...defaults(), maxEventBytes: '' });
    expect(checked.ok ? {} : checked.errors).toHaveProperty('maxEventBytes');
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
    const baseline = defaults();
    expect(isDirty({ ...baseline, apiKey: { in: 'query', name: 'x', keys: ['typed'] } }, baseline)).toBe(false);
    expect(isDirty({ ...baseline, heartbeatSeconds: ' 15 ' }, baseline)).toBe(false);
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
