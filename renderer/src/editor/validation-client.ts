import type { DesignReading } from '../design/design-model.ts';
import DocumentCheckWorker from './document-check.worker.ts?worker';
import { latestOnly } from './latest-only.ts';
import ParserWorker from './parser.worker.ts?worker';
import type { DocumentCheck, EditorProblem, ParserCheck, ValidationRequest } from './validation-protocol.ts';

export interface ValidationResult {
  /** Text version of the latest document check. */
  seq: number;
  sse: EditorProblem[];
  asyncapi: EditorProblem[];
  /** The forms' reading of the latest checked text. */
  reading: DesignReading | undefined;
  /** Why spec validation is not running, when it is not. */
  unavailable: string | undefined;
  /** 'pending' until the parser worker first answers; then whether it runs. */
  parser: 'pending' | 'on' | 'off';
}

/** The two validation workers of one open document; `validate(text)` returns at once. */
export function createValidator(fileName: string, onResult: (result: ValidationResult) => void): { validate(text: string): number; dispose(): void } {
  let seq = 0;
  let current: ValidationResult = { seq: 0, sse: [], asyncapi: [], reading: undefined, unavailable: undefined, parser: 'pending' };
  const update = (next: Partial<ValidationResult>) => {
    current = { ...current, ...next };
    onResult(current);
  };
  const documents = latestOnly<ValidationRequest, DocumentCheck>(new DocumentCheckWorker({ name: 'document-check' }), (a) => update({ seq: a.seq, sse: a.problems, reading: a.reading }));
  const parser = latestOnly<ValidationRequest, ParserCheck>(new ParserWorker({ name: 'asyncapi-parser' }), (a) =>
    'unavailable' in a ? update({ asyncapi: [], unavailable: a.unavailable, parser: 'off' }) : update({ asyncapi: a.problems, unavailable: undefined, parser: 'on' }),
  );
  return {
    validate(text: string) {
      seq += 1;
      documents.send({ seq, text, fileName });
      parser.send({ seq, text, fileName });
      return seq;
    },
    dispose() {
      documents.dispose();
      parser.dispose();
    },
  };
}
