import TextField from '@mui/material/TextField';
import type { Ref } from 'react';
import { MONO_FONT } from '../theme.ts';

/** A labelled text field whose error (or hint) shows under it; `data-testid` sits on the input itself. */
export interface FormFieldProps {
  testId: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  error: string | undefined;
  hint?: string;
  placeholder?: string;
  required?: boolean;
  mono?: boolean;
  autoFocus?: boolean;
  inputRef?: Ref<HTMLInputElement>;
}

export function FormField({ testId, label, value, onChange, onBlur, error, hint, placeholder, required, mono, autoFocus, inputRef }: FormFieldProps) {
  return (
    <TextField
      label={label}
      value={value}
      required={required ?? false}
      autoFocus={autoFocus ?? false}
      placeholder={placeholder}
      error={Boolean(error)}
      helperText={error ?? hint ?? ' '}
      onChange={(e) => onChange(e.target.value)}
      onBlur={onBlur}
      inputRef={inputRef}
      slotProps={{
        htmlInput: { 'data-testid': testId, spellCheck: false, autoComplete: 'off', style: mono ? { fontFamily: MONO_FONT } : undefined },
        formHelperText: { 'data-testid': `${testId}-helper` } as object,
        // A placeholder is an example, never a value: the label stays above it, never on top of it.
        ...(placeholder ? { inputLabel: { shrink: true } } : {}),
      }}
    />
  );
}
