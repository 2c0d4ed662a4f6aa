import { describe, expect, it } from 'vitest';
import { IdContinuity } from './id-continuity.ts';

const seen = (...ids: string[]) => {
  const c = new IdContinuity();
  for (const id of ids) c.observe(id);
  return c;
};

describe('IdContinuity', () => {
  it('finds no hole when the backend resumes right after the id sent', () => {
    expect(seen('1', '2', '3').holeAfterResume('3', '4')).toBeUndefined();
  });

  it('counts the events skipped when the ids jump forward', () => {
    expect(seen('1', '2', '3').holeAfterResume('3', '9')).toEqual({ missing: 5 });
  });

  it('reports a restarted numbering as a hole of unknown size', () => {
    expect(seen('7', '8', '9').holeAfterResume('9', '1')).toEqual({ missing: undefined });
  });

  it('makes no claim for ids that are not consecutive numbers', () => {
    expect(seen('a1', 'a2', 'a3').holeAfterResume('a3', 'a9')).toBeUndefined();
    expect(seen('1000', '2000', '3000').holeAfterResume('3000', '9000')).toBeUndefined();
    expect(seen('1').holeAfterResume('1', '5')).toBeUndefined();
  });

  it('keeps checking after a resume that jumped', () => {
    const c = seen('1', '2', '3');
    c.observe('9', true);
    c.observe('10');
    expect(c.holeAfterResume('10', '11')).toBeUndefined();
    expect(c.holeAfterResume('10', '14')).toEqual({ missing: 3 });
  });
});
