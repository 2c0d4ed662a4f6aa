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

/** What the user typed, and the document's value at the time (a change in the document replaces it). */
interface Typed {
  text: string;
  over: string;
}

/**
 * A form field bound to a value in the document. While it has focus it shows what the user types
 * (the document may normalise it, e.g. a 3.0 server drops a trailing "/"); otherwise it follows
 * the document, so an edit in the editor shows up here. A value the document refused (a duplicate
 * topic path) stays in the field with its error after the field loses focus, until the user fixes
 * it or the document's value changes: the field never swaps it for another value silently.
 */
export function SyncedField({ testId, label, value, onChange, validate, hint, placeholder, mono, multiline, disabled, required }: SyncedFieldProps) {
  const [focused, setFocused] = useState(false);
  const [typed, setTyped] = useState<Typed | undefined>();
  const shown = typed && (focused || typed.over === value) ? typed.text : value;
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
      onFocus={() => {
        setFocused(true);
        setTyped({ text: shown, over: value });
      }}
      onBlur={() => {
        setFocused(false);
        // Keep a refused value (and so its error) in view; an accepted one is the document's again.
        setTyped(typed && typed.text !== value && validate?.(typed.text) ? { text: typed.text, over: value } : undefined);
      }}
      onChange={(e) => {
        setTyped({ text: e.target.value, over: value });
        onChange(e.target.value);
      }}
      slotProps={{
        htmlInput: { 'data-testid': testId, spellCheck: false, autoComplete: 'off', style: mono ? { fontFamily: MONO_FONT } : undefined },
        formHelperText: { 'data-testid': `${testId}-helper` } as object,
        // A placeholder is an example, never a value: the label stays above it, never on top of it.
        ...(placeholder ? { inputLabel: { shrink: true } } : {}),
      }}
    />
  );
}
