import { useEffect, useRef, useState } from 'react';
import { createValidator, type ValidationResult } from '../editor/validation-client.ts';

const EMPTY: ValidationResult = { seq: 0, sse: [], asyncapi: [], reading: undefined, unavailable: undefined, parser: 'pending' };

/** Reads and validates the text in workers whenever it changes; the newest answers win. */
export function useValidation(fileName: string, text: string, enabled: boolean): ValidationResult {
  const [result, setResult] = useState<ValidationResult>(EMPTY);
  const validator = useRef<ReturnType<typeof createValidator> | undefined>(undefined);
  useEffect(() => {
    const created = createValidator(fileName, setResult);
    validator.current = created;
    return () => {
      created.dispose();
      validator.current = undefined;
    };
  }, [fileName]);
  useEffect(() => {
    if (enabled) validator.current?.validate(text);
  }, [text, enabled]);
  return result;
}
