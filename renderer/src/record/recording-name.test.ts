import { describe, expect, it } from 'vitest';
import { defaultRecordingName } from './recording-name.ts';

describe('default recording name', () => {
  it('is the topic path as a plain name plus the time', () => {
    expect(defaultRecordingName('/prices/{symbol}', new Date(2026, 0, 1, 9, 5))).toBe('prices-0905');
    expect(defaultRecordingName('/a/B c', new Date(2026, 0, 1, 14, 30))).toBe('a-b-c-1430');
    expect(defaultRecordingName(undefined, new Date(2026, 0, 1, 0, 0))).toBe('stream-0000');
  });
});
