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
 * does not parse, also after the field loses focus (with its error), until it is fixed or the
 * document's value changes; each parsable version goes into the document at once.
 */
export function SchemaField({ testId, label, value, onChange, hint, disabled, check }: SchemaFieldProps) {
  const [focused, setFocused] = useState(false);
  // What the user typed, and the document's value at the time.
  const [typed, setTyped] = useState<{ text: string; over: string } | undefined>();
  const [error, setError] = useState<string>();
  const keep = typed !== undefined && (focused || typed.over === value);
  const shownError = keep ? error : undefined;
  return (
    <TextField
      label={label}
      value={keep ? typed.text : value}
      multiline
      minRows={3}
      maxRows={12}
      disabled={disabled ?? false}
      error={Boolean(shownError)}
      helperText={shownError ?? hint}
      onFocus={() => {
        setFocused(true);
        if (keep) return;
        setTyped({ text: value, over: value });
        setError(undefined);
      }}
      onBlur={() => {
        setFocused(false);
        if (error && typed) setTyped({ text: typed.text, over: value });
        else setTyped(undefined);
      }}
      onChange={(e) => {
        const next = e.target.value;
        setTyped({ text: next, over: value });
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
      slotProps={{
        htmlInput: { 'data-testid': testId, spellCheck: false, style: { fontFamily: MONO_FONT, fontSize: '0.78rem' } },
        formHelperText: { 'data-testid': `${testId}-helper` } as object,
      }}
    />
  );
}
