import { describe, expect, it } from 'vitest';
import { EMPTY_FAULT_FORM, formToPlan, placeServerErrors, planToForm } from './fault-form.ts';

describe('fault form', () => {
  it('makes an empty plan from an untouched form', () => {
    expect(formToPlan(EMPTY_FAULT_FORM)).toEqual({ ok: true, plan: {} });
  });

  it('turns every section into the plan, seconds into ms', () => {
    const result = formToPlan({
      ...EMPTY_FAULT_FORM,
      dropAfterOn: true,
      dropAfterEvents: '3',
      dropEveryOn: true,
      dropEverySeconds: '2.5',
      dropProbabilityOn: true,
      dropProbability: '0.1',
      stallOn: true,
      stallAfterEvents: '4',
      stallSeconds: '5',
      latencyOn: true,
      latencyMs: '100',
      jitterMs: '20',
      bandwidthOn: true,
      bytesPerSecond: '2048',
      statusOn: true,
      statusCode: '503',
      statusBody: 'down',
      contentTypeOn: true,
      contentType: ' text/plain ',
      malform: ['bom', 'bogus-retry'],
      malformEvery: '3',
    });
    expect(result).toEqual({
      ok: true,
      plan: {
        drop: { afterEvents: 3, everyMs: 2500, probability: 0.1 },
        stall: { afterEvents: 4, ms: 5000 },
        latency: { ms: 100, jitterMs: 20 },
        bandwidth: { bytesPerSecond: 2048 },
        status: { code: 503, body: 'down' },
        contentType: 'text/plain',
        malform: { kinds: ['bogus-retry', 'bom'], everyEvents: 3 },
      },
    });
  });

  it('stalls until cleared when the tester says so, whatever the seconds field holds', () => {
    expect(formToPlan({ ...EMPTY_FAULT_FORM, stallOn: true, stallAfterEvents: '0', stallUntilCleared: true })).toEqual({ ok: true, plan: { stall: {} } });
    expect(planToForm({ stall: {} }).stallUntilCleared).toBe(true);
  });

  it('never takes a value from a placeholder: a ticked fault with empty fields is an error at each required field', () => {
    // Issue 12: ticking Stall with empty fields applied "stall for 5000 ms" from a grey "5".
    expect(formToPlan({ ...EMPTY_FAULT_FORM, stallOn: true })).toEqual({
      ok: false,
      errors: { stallAfterEvents: 'Required: enter a number.', stallSeconds: 'Required: enter a number.' },
    });
    for (const [on, field] of [
      ['dropAfterOn', 'dropAfterEvents'],
      ['dropEveryOn', 'dropEverySeconds'],
      ['dropProbabilityOn', 'dropProbability'],
      ['latencyOn', 'latencyMs'],
      ['bandwidthOn', 'bytesPerSecond'],
      ['contentTypeOn', 'contentType'],
    ] as const) {
      const result = formToPlan({ ...EMPTY_FAULT_FORM, [on]: true });
      expect(result.ok, on).toBe(false);
      if (!result.ok) expect(result.errors[field], on).toMatch(/^Required/);
    }
    const malformed = formToPlan({ ...EMPTY_FAULT_FORM, malform: ['bom'] });
    expect(malformed.ok ? undefined : malformed.errors.malformEvery).toMatch(/^Required/);
    // Optional fields say so and may stay empty.
    expect(formToPlan({ ...EMPTY_FAULT_FORM, latencyOn: true, latencyMs: '100' })).toEqual({ ok: true, plan: { latency: { ms: 100 } } });
    expect(formToPlan({ ...EMPTY_FAULT_FORM, statusOn: true })).toEqual({ ok: true, plan: { status: { code: 503 } } });
  });

  it('says which fields are not numbers, and leaves limits to the host', () => {
    expect(formToPlan({ ...EMPTY_FAULT_FORM, dropAfterOn: true, dropAfterEvents: 'x', latencyOn: true, latencyMs: '' })).toEqual({
      ok: false,
      errors: { dropAfterEvents: 'Enter a number.', latencyMs: 'Required: enter a number.' },
    });
    const result = formToPlan({ ...EMPTY_FAULT_FORM, dropAfterOn: true, dropAfterEvents: '2.5', dropProbabilityOn: true, dropProbability: '7' });
    expect(result).toEqual({ ok: false, errors: { dropAfterEvents: 'Enter a whole number.' } });
  });

  it('reads a plan back into the form', () => {
    const plan = { drop: { everyMs: 3000 }, stall: { ms: 5000 }, malform: { kinds: ['bom' as const] } };
    const back = formToPlan(planToForm(plan, '/prices'));
    expect(back).toEqual({ ok: true, plan: { drop: { everyMs: 3000 }, stall: { ms: 5000 }, malform: { kinds: ['bom'] } } });
    expect(planToForm(plan, '/prices').topic).toBe('/prices');
  });

  it('places the host field errors at the fields they name', () => {
    expect(
      placeServerErrors([
        { field: 'plan.drop.probability', message: 'between 0 and 1' },
        { field: 'scope.topic', message: 'no such topic' },
        { field: 'plan.malform.kinds.1', message: 'unknown kind' },
        { field: 'plan.somethingNew', message: 'odd' },
      ]),
    ).toEqual({ byField: { dropProbability: 'between 0 and 1', topic: 'no such topic', malform: 'unknown kind' }, other: ['plan.somethingNew: odd'] });
  });
});
