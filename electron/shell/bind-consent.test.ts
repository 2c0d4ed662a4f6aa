import { describe, expect, it } from 'vitest';
import { hostAfterAnswer, isLoopbackHost, planBind } from './bind-consent.ts';

describe('isLoopbackHost', () => {
  it('knows the names and addresses only this machine can reach', () => {
    for (const h of ['127.0.0.1', '127.1.2.3', 'localhost', 'LOCALHOST', '::1', '[::1]']) expect(isLoopbackHost(h), h).toBe(true);
    for (const h of ['0.0.0.0', '::', '192.168.1.5', 'my-laptop.local', '10.0.0.1', '128.0.0.1']) expect(isLoopbackHost(h), h).toBe(false);
  });
});

describe('planBind', () => {
  it('binds without asking when the settings say nothing or name a loopback address', () => {
    expect(planBind('/p', undefined, new Set())).toEqual({ kind: 'bind', host: '127.0.0.1' });
    expect(planBind('/p', 'localhost', new Set())).toEqual({ kind: 'bind', host: 'localhost' });
  });

  it('asks before binding to any other address, with loopback as the default answer', () => {
    const plan = planBind('/p', '0.0.0.0', new Set());
    expect(plan.kind).toBe('ask');
    if (plan.kind !== 'ask') return;
    expect(plan.question.message).toContain('0.0.0.0');
    expect(plan.question.buttons[0]).toBe('Only this machine');
    expect(hostAfterAnswer(plan, 0)).toEqual({ host: '127.0.0.1', approved: false });
    // Escape / closing the dialog gives the cancel id, which is 0 here; any unknown answer stays safe.
    expect(hostAfterAnswer(plan, -1)).toEqual({ host: '127.0.0.1', approved: false });
    expect(hostAfterAnswer(plan, 1)).toEqual({ host: '0.0.0.0', approved: true });
  });

  it('does not ask again for the same project and address once allowed in this run', () => {
    const first = planBind('/p', '0.0.0.0', new Set());
    if (first.kind !== 'ask') throw new Error('expected a question');
    const approved = new Set([first.approvalKey]);
    expect(planBind('/p', '0.0.0.0', approved)).toEqual({ kind: 'bind', host: '0.0.0.0' });
    expect(planBind('/other', '0.0.0.0', approved).kind).toBe('ask');
    expect(planBind('/p', '192.168.1.5', approved).kind).toBe('ask');
  });
});
