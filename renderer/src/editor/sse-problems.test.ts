import { describe, expect, it } from 'vitest';
import { readApiText } from '../../../shared/asyncapi/import-sse-api.ts';
import { parseApiText } from '../../../shared/asyncapi/read-text.ts';
import { sseProblems } from './sse-problems.ts';

const DOC = 'asyncapi: 3.0.0\ninfo:\n  title: Feed\n  version: 1.0.0\nx-context: /a b\nservers:\n  p:\n    host: localhost:1\n    protocol: sse\nchannels:\n  a:\n    address: /a\n';

describe('SSE API problems for the editor', () => {
  it('says what the project reading says, at the same line and column', () => {
    const reading = readApiText(DOC, 'feed.yaml', { fallbackEndpoint: false });
    const problems = sseProblems(parseApiText(DOC, 'feed.yaml'));
    expect(reading.ok).toBe(false);
    if (reading.ok) return;
    expect(problems.filter((p) => p.severity === 'error').map((p) => [p.message, p.startLine, p.startColumn])).toEqual(reading.problems.map((p) => [p.message, p.line, p.column]));
    expect(problems[0]).toMatchObject({ source: 'sse-api', startLine: 5, endColumn: 0 });
  });

  it('reports a syntax error as such', () => {
    expect(sseProblems(parseApiText('asyncapi: 3.0.0\ninfo: [\n', 'x.yaml'))[0]).toMatchObject({ source: 'syntax', severity: 'error' });
  });
});
