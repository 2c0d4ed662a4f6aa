import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { parse } from 'yaml';
import { MONO_FONT } from '../theme.ts';

interface SchemaFieldProps {
  testId: string;
  label: string;
  /** Pretty JSON from the document ('' when absent). */
  value: string;
  /** Called with the parsed value (undefined for an empty field) whenever the text parses. */
  onChange(value: unknown): void;
  hint: string;
  disabled?: boolean;
  /** Extra check on the parsed value; a message keeps it from being applied. */
  check?: (value: unknown) => string | undefined;
}

/**
 * A small JSON/YAML text area for a JSON Schema or examples. What the user types is kept while it
 * does not parse; each parsable version goes into the document at once.
 */
export function SchemaField({ testId, label, value, onChange, hint, disabled, check }: SchemaFieldProps) {
  const [typed, setTyped] = useState<string | undefined>();
  const [error, setError] = useState<string>();
  return (
    <TextField
      label={label}
      value={typed ?? value}
      multiline
      minRows={3}
      maxRows={12}
      disabled={disabled ?? false}
      error={Boolean(error)}
      helperText={error ?? hint}
      onFocus={() => setTyped(value)}
      onBlur={() => {
        setTyped(undefined);
        setError(undefined);
      }}
      onChange={(e) => {
        const next = e.target.value;
        setTyped(next);
        if (!next.trim()) {
          setError(undefined);
          onChange(undefined);
          return;
        }
        let parsed: unknown;
        try {
          parsed = parse(next);
        } catch (err) {
          setError(`Not valid JSON or YAML yet: ${(err as Error).message.split('\n')[0] ?? ''}`);
          return;
        }
        const problem = check?.(parsed);
        setError(problem);
        if (!problem) onChange(parsed);
      }}
      slotProps={{ htmlInput: { 'data-testid': testId, spellCheck: false, style: { fontFamily: MONO_FONT, fontSize: '0.78rem' } } }}
    />
  );
}
