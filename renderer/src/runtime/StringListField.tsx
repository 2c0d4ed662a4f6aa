import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import IconButton from '@mui/material/IconButton';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import type { ReactNode } from 'react';
import type { RuntimeField } from './runtime-form.ts';
import { MONO_FONT } from '../theme.ts';
import { fieldTestId } from './field-ids.ts';
import { AddIcon, DeleteIcon } from '../widgets/icons.tsx';

/** A list of strings (API keys, CORS origins): one input per entry, add and remove; one message for the list. */
export interface StringListFieldProps {
  field: RuntimeField;
  label: string;
  values: string[];
  onChange: (values: string[]) => void;
  error: string | undefined;
  hint?: string;
  placeholder?: string;
  addLabel: string;
  itemLabel: string;
  /** More buttons beside "add" (generate a key, allow any origin ...). */
  actions?: ReactNode;
}

export function StringListField({ field, label, values, onChange, error, hint, placeholder, addLabel, itemLabel, actions }: StringListFieldProps) {
  const testId = fieldTestId(field);
  const set = (i: number, value: string) => onChange(values.map((v, j) => (j === i ? value : v)));
  return (
    <Box data-field={field} data-testid={testId}>
      <FormLabel error={Boolean(error)} sx={{ display: 'block', fontSize: '0.78rem', mb: 0.75 }}>
        {label}
      </FormLabel>
      <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1 }}>
        {values.map((value, i) => (
          <Box key={i} sx={{ display: 'flex', gap: 0.5, alignItems: 'center' }}>
            <TextField
              value={value}
              placeholder={placeholder}
              error={Boolean(error)}
              onChange={(e) => set(i, e.target.value)}
              slotProps={{ htmlInput: { 'data-testid': `${testId}-${i}`, 'aria-label': `${itemLabel} ${i + 1}`, spellCheck: false, autoComplete: 'off', style: { fontFamily: MONO_FONT } } }}
            />
            <Tooltip title={`Remove this ${itemLabel.toLowerCase()}`}>
              <IconButton size="small" aria-label={`Remove ${itemLabel.toLowerCase()} ${i + 1}`} data-testid={`${testId}-remove-${i}`} onClick={() => onChange(values.filter((_, j) => j !== i))}>
                <DeleteIcon fontSize="small" />
              </IconButton>
            </Tooltip>
          </Box>
        ))}
      </Box>
      <Box sx={{ display: 'flex', gap: 1, mt: 0.75, flexWrap: 'wrap' }}>
        <Button size="small" color="secondary" startIcon={<AddIcon fontSize="small" />} data-testid={`${testId}-add`} onClick={() => onChange([...values, ''])}>
          {addLabel}
        </Button>
        {actions}
      </Box>
      <FormHelperText error={Boolean(error)} data-testid={`${testId}-helper`} sx={{ mx: 0 }}>
        {error ?? hint ?? ' '}
      </FormHelperText>
    </Box>
  );
}
