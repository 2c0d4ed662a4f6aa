import { describe, expect, it } from 'vitest';
import { validateMockConfig } from './mock-validate.ts';

describe('x-mock for a recorded stream', () => {
  it('reads scenario recorded with its file and timing', () => {
    expect(validateMockConfig({ scenario: 'recorded', file: 'recordings/prices.json', timing: 'original' })).toEqual({ value: { scenario: 'recorded', file: 'recordings/prices.json', timing: 'original' }, problems: [] });
  });

  it('needs a file inside the document folder', () => {
    expect(validateMockConfig({ scenario: 'recorded' }).problems.map((p) => p.path)).toEqual([['file']]);
    for (const file of ['../secret.json', '/etc/passwd', 'C:\\x.json', 'a/../../b.json', '']) {
      expect(validateMockConfig({ scenario: 'recorded', file }).problems.map((p) => p.path[0]), file).toContain('file');
    }
  });

  it('timing is original or rate, and only for recorded streams', () => {
    expect(validateMockConfig({ scenario: 'recorded', file: 'r.json', timing: 'fast' }).problems.map((p) => p.path)).toEqual([['timing']]);
    expect(validateMockConfig({ scenario: 'counter', timing: 'rate' }).problems[0]?.message).toBe('file and timing are for scenario: recorded.');
  });
});
