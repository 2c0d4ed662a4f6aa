/// <reference lib="webworker" />
import { parseApiText } from '../../../shared/asyncapi/read-text.ts';
import { readParsedDesign } from '../design/read-design.ts';
import { sseProblems } from './sse-problems.ts';
import type { DocumentCheck, ValidationRequest } from './validation-protocol.ts';

// Reads each text off the page's thread: syntax and SSE API problems, and the forms' model.
const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<ValidationRequest>) => {
  const { seq, text, fileName } = event.data;
  const started = performance.now();
  // One parse for both: the text is read the way the project reads it, then for the forms.
  const parsed = parseApiText(text, fileName);
  const problems = sseProblems(parsed);
  const reading = readParsedDesign(parsed);
  const answer: DocumentCheck = { seq, problems, reading, ms: performance.now() - started };
  scope.postMessage(answer);
};
