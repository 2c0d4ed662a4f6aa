/// <reference lib="webworker" />
import type { Parser } from '@asyncapi/parser';
import type { EditorProblem, ParserCheck, ValidationRequest } from './validation-protocol.ts';

/**
 * @asyncapi/parser in its own worker. The parser compiles JSON Schemas with ajv, i.e. `new Function`,
 * which a Content-Security-Policy without 'unsafe-eval' refuses; this worker is the only script
 * that needs it (it has no DOM and talks only to the page), so the host can grant it to this file
 * alone. Without it, the worker says so once and the rest of the editor works as before.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
let parser: Parser | undefined;
let unavailable: string | undefined;

scope.onmessage = (event: MessageEvent<ValidationRequest>) => void check(event.data).then((answer) => scope.postMessage(answer));

async function check({ seq, text, fileName }: ValidationRequest): Promise<ParserCheck> {
  const started = performance.now();
  if (unavailable) return { seq, unavailable, ms: 0 };
  try {
    // Loaded on first use: the bundle compiles schemas while it loads.
    parser ??= new (await import('@asyncapi/parser/browser')).default();
    const diagnostics = await parser.validate(text, { source: fileName });
    const problems: EditorProblem[] = diagnostics
      // 0 = error. 2.x documents also get style warnings (operationId casing ...): left out.
      .filter((d) => d.severity === 0)
      .map((d) => ({
        severity: 'error',
        message: d.message,
        startLine: d.range.start.line + 1,
        startColumn: d.range.start.character + 1,
        endLine: d.range.end.line + 1,
        endColumn: d.range.end.character + 1,
        source: 'asyncapi',
      }));
    return { seq, problems, ms: performance.now() - started };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (err instanceof EvalError || /unsafe-eval|Content Security Policy/i.test(message)) {
      unavailable = "AsyncAPI spec validation is off: this window's Content-Security-Policy does not let the parser worker compile schemas ('unsafe-eval' for that worker).";
      return { seq, unavailable, ms: performance.now() - started };
    }
    return { seq, problems: [{ severity: 'error', message: `The AsyncAPI parser failed: ${message}`, startLine: 1, startColumn: 1, endLine: 1, endColumn: 0, source: 'asyncapi' }], ms: performance.now() - started };
  }
}
