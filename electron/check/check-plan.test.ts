import { describe, expect, it } from 'vitest';
import { describePlan, topicPlan } from './check-plan.ts';

describe('drop plan', () => {
  it('has three phases of a third of the events; the second drop is the backend when the mock serves the topic', () => {
    expect(topicPlan(30, true)).toEqual({ steps: ['client-drop', 'backend-drop'], phaseEvents: 10 });
    expect(describePlan(topicPlan(30, false), false)).toBe('client drop after 10 events, then another client drop after 10 more, stop after 10 more (replayed events come on top)');
    expect(describePlan(topicPlan(30, true), true)).toMatch(/^client drop after 10 events, then a backend drop \(the mock restarts\) for topics the mock serves, a client drop for others after 10 more/);
  });

  it('keeps at least three events per phase, enough to see how the source numbers its ids', () => {
    expect(topicPlan(3, true).phaseEvents).toBe(3);
  });
});
