import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { MONO_FONT } from '../theme.ts';

interface SyncedFieldProps {
  testId: string;
  label: string;
  /** The value in the document. */
  value: string;
  onChange(value: string): void;
  /** Fix-it message for the value being shown. */
  validate?: (value: string) => string | undefined;
  hint?: string;
  placeholder?: string;
  mono?: boolean;
  multiline?: boolean;
  disabled?: boolean;
  required?: boolean;
}

/**
 * A form field bound to a value in the document. While it has focus it shows what the user types
 * (the document may normalise it, e.g. a 3.0 server drops a trailing "/"); otherwise it follows
 * the document, so an edit in the editor shows up here.
 */
export function SyncedField({ testId, label, value, onChange, validate, hint, placeholder, mono, multiline, disabled, required }: SyncedFieldProps) {
  const [typed, setTyped] = useState<string | undefined>();
  const shown = typed ?? value;
  const error = validate?.(shown);
  return (
    <TextField
      label={label}
      value={shown}
      required={required ?? false}
      disabled={disabled ?? false}
      placeholder={placeholder}
      multiline={multiline ?? false}
      minRows={multiline ? 2 : undefined}
      maxRows={multiline ? 6 : undefined}
      error={Boolean(error)}
      helperText={error ?? hint ?? ' '}
      onFocus={() => setTyped(value)}
      onBlur={() => setTyped(undefined)}
      onChange={(e) => {
        setTyped(e.target.value);
        onChange(e.target.value);
      }}
      slotProps={{
        htmlInput: { 'data-testid': testId, spellCheck: false, autoComplete: 'off', style: mono ? { fontFamily: MONO_FONT } : undefined },
        formHelperText: { 'data-testid': `${testId}-helper` } as object,
      }}
    />
  );
}
