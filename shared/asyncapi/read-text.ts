import { parseDocumentText, type ParsedText } from './document-text.ts';

/**
 * Parses a document file's text keeping positions. YAML is read by the yaml library (JSON is YAML);
 * a `.json` file must also be strict JSON, since YAML forgives what JSON tools reject (trailing
 * commas, unquoted keys, comments).
 */
export function parseApiText(text: string, fileName?: string): ParsedText {
  if (!text.trim()) {
    return { data: undefined, problems: [{ path: [], line: 1, column: 1, message: 'The file is empty: write an AsyncAPI document (asyncapi, info, servers, channels).' }], locate: () => undefined };
  }
  const parsed = parseDocumentText(text);
  if (parsed.problems.length || !fileName?.toLowerCase().endsWith('.json')) return parsed;
  const jsonProblem = strictJsonProblem(text);
  return jsonProblem ? { ...parsed, data: undefined, problems: [jsonProblem] } : parsed;
}

function strictJsonProblem(text: string): ParsedText['problems'][number] | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch (err) {
    // V8 says either "... in JSON at position N" or 'Unexpected token X, "<the whole text>" is not valid JSON'.
    const message = (err as Error).message;
    const at = /^(.*?) in JSON at position (\d+)/s.exec(message);
    const short = at?.[1] ?? message.replace(/, ".*" is not valid JSON$/s, '');
    const { line, column } = at ? lineAndColumn(text, Number(at[2])) : { line: 1, column: 1 };
    return { path: [], line, column, message: `Not valid JSON: ${short}.` };
  }
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}
