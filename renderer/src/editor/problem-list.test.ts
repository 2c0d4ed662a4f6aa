import { describe, expect, it } from 'vitest';
import { problemRows } from './problem-list.ts';

describe('problems list', () => {
  it('sorts by position and drops the language service duplicate of a syntax error', () => {
    const rows = problemRows([
      { severity: 'warning', message: 'w', line: 9, column: 1, source: 'sse-api' },
      { severity: 'error', message: 'Unexpected scalar', line: 4, column: 3, source: 'yaml' },
      { severity: 'error', message: 'Nested mappings are not allowed', line: 4, column: 3, source: 'syntax' },
    ]);
    expect(rows.map((r) => `${r.line}:${r.source}`)).toEqual(['4:syntax', '9:sse-api']);
  });

  it('drops a schema warning where the AsyncAPI parser already reports an error', () => {
    const rows = problemRows([
      { severity: 'warning', message: 'Incorrect type. Expected one of string, null.', line: 22, column: 14, source: 'yaml' },
      { severity: 'error', message: '"address" property type must be string,null', line: 22, column: 14, source: 'asyncapi' },
    ]);
    expect(rows.map((r) => r.source)).toEqual(['asyncapi']);
  });
});
