import InputAdornment from '@mui/material/InputAdornment';
import TextField from '@mui/material/TextField';
import type { RuntimeField } from './runtime-form.ts';
import { MONO_FONT } from '../theme.ts';
import { fieldTestId } from './field-ids.ts';

/**
 * One runtime setting typed as text (numbers too: what was typed stays, even when it is wrong). The
 * error replaces the hint under the field; `data-field` lets Save move the focus here.
 */
export interface SettingFieldProps {
  field: RuntimeField;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
  hint?: string;
  unit?: string;
  placeholder?: string;
  numeric?: boolean;
  mono?: boolean;
  multiline?: boolean;
  disabled?: boolean;
  /** When two inputs belong to one setting (JWT issuer and audience are both `security`). */
  testId?: string;
}

export function SettingField({ field, label, value, onChange, error, hint, unit, placeholder, numeric, mono, multiline, disabled, testId: ownTestId }: SettingFieldProps) {
  const testId = ownTestId ?? fieldTestId(field);
  return (
    <TextField
      data-field={field}
      label={label}
      value={value}
      placeholder={placeholder}
      disabled={disabled ?? false}
      error={Boolean(error)}
      helperText={error ?? hint ?? ' '}
      onChange={(e) => onChange(e.target.value)}
      multiline={multiline ?? false}
      minRows={multiline ? 4 : undefined}
      slotProps={{
        input: unit ? { endAdornment: <InputAdornment position="end">{unit}</InputAdornment> } : {},
        inputLabel: { shrink: true },
        htmlInput: {
          'data-testid': testId,
          spellCheck: false,
          autoComplete: 'off',
          ...(numeric ? { inputMode: 'numeric' } : {}),
          style: mono || numeric || multiline ? { fontFamily: MONO_FONT, fontSize: multiline ? '0.78rem' : undefined } : undefined,
        },
        formHelperText: { 'data-testid': `${testId}-helper` } as object,
      }}
    />
  );
}
