// Integration suite: loading @asyncapi/parser takes seconds on a cold start.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateAsyncApiText } from './asyncapi-validator.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../../test/fixtures/asyncapi/import');
const fixture = (name: string) => validateAsyncApiText(readFileSync(path.join(FIXTURES, name), 'utf8'), path.join(FIXTURES, name));
const errors = (problems: Array<{ severity: string }>) => problems.filter((p) => p.severity === 'error');

describe('validateAsyncApiText', () => {
  it('passes the example project file with no problem at all', async () => {
    const text = readFileSync(path.resolve(import.meta.dirname, '../../examples/stock-ticker/stock-ticker.asyncapi.yaml'), 'utf8');
    expect(await validateAsyncApiText(text, 'stock-ticker.asyncapi.yaml')).toMatchObject({ problems: [], api: { name: 'Stock Ticker' } });
  });

  it('turns the parser 0-based ranges into 1-based lines and columns, errors as errors', async () => {
    const result = await validateAsyncApiText('asyncapi: 3.0.0\ninfo:\n  title: No Version\nchannels: {}\n', 'x.yaml');
    expect(result.api).toBeUndefined();
    // The parser's range for `info` starts at 0-based (1, 5): right after "info:" on line 2.
    expect(result.problems).toContainEqual({ line: 2, column: 6, severity: 'error', source: 'asyncapi', code: 'asyncapi-document-resolved', message: '"info" property must have required property "version"' });
    expect(result.problems).toContainEqual(expect.objectContaining({ line: 2, column: 1, severity: 'error', source: 'sse-api', message: expect.stringMatching(/^info.version is the API version/) }));
  });

  it("keeps the parser's warnings as warnings and drops its hints", async () => {
    const { problems } = await fixture('wso2-apim-4.0-sse-2.0.json');
    expect(errors(problems)).toEqual([]);
    expect(problems.filter((p) => p.source === 'asyncapi').map((p) => p.code)).toContain('asyncapi2-operation-operationId');
    expect(problems.map((p) => p.code)).not.toContain('asyncapi-latest-version'); // severity 2 (information)
  });

  it('reports syntax errors alone, with their position', async () => {
    expect((await fixture('broken-yaml-syntax.yaml')).problems).toEqual([{ line: 8, column: 1, severity: 'error', source: 'syntax', message: 'Missing closing "quote' }]);
    expect((await fixture('broken-json-trailing-comma.json')).problems).toEqual([{ line: 4, column: 44, severity: 'error', source: 'syntax', message: 'Not valid JSON: Expected double-quoted property name.' }]);
  });

  it("finds what the parser alone misses and what SSE Studio alone tolerates (WSO2 4.5's unescaped $ref)", async () => {
    const { problems, api } = await fixture('wso2-apim-4.5-sse-3.0.json');
    expect(api?.topics.map((t) => t.path)).toEqual(['/*', '/stocks/{symbol}']);
    expect(errors(problems)).toEqual([expect.objectContaining({ line: 35, column: 17, source: 'asyncapi', code: 'invalid-ref' })]);
  });

  it('checks as a project file: a document with no SSE or HTTP server is an error, not a mock fallback', async () => {
    const { problems, api } = await fixture('official-streetlights-mqtt-3.0.yaml');
    expect(api).toBeUndefined();
    expect(errors(problems)).toEqual([expect.objectContaining({ line: 14, column: 1, source: 'sse-api', message: expect.stringMatching(/protocol: sse/) })]);
    expect(problems.filter((p) => p.source === 'asyncapi' && p.severity === 'error')).toEqual([]);
  });

  it.each(['official-gitter-streaming-2.2.yaml', 'official-streetlights-mqtt-2.5.yaml', 'official-streetlights-mqtt-3.0.yaml', 'official-gitter-streaming-3.0.yaml'])(
    'the re-created official example %s is a valid AsyncAPI document',
    async (name) => {
      expect((await fixture(name)).problems.filter((p) => p.source === 'asyncapi' && p.severity === 'error')).toEqual([]);
    },
  );

  it('lists problems in document order', async () => {
    const { problems } = await fixture('broken-fields-3.0.yaml');
    const positions = problems.map((p) => p.line * 1000 + p.column);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });
});
