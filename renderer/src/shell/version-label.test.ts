import { describe, expect, it } from 'vitest';
import { versionLabel } from './version-label.ts';

describe('versionLabel', () => {
  it('prefixes a bare version with v once', () => {
    expect(versionLabel('1.0.0')).toBe('v1.0.0');
    expect(versionLabel('v2')).toBe('v2');
    expect(versionLabel('V3.1')).toBe('V3.1');
    expect(versionLabel('beta')).toBe('beta');
  });
});
