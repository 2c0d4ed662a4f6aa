import Box from '@mui/material/Box';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import type { RuntimeField } from './runtime-form.ts';
import { fieldTestId } from './field-ids.ts';

/** A setting with a few values, each with a one-line explanation of what it does (radio buttons). */
export interface Choice<T extends string> {
  value: T;
  label: string;
  description?: string;
  /** Shown under the choice while it is selected (a setting that only applies to it). */
  extra?: ReactNode;
}

export function ChoiceField<T extends string>({ field, label, value, choices, onChange, error, row }: { field: RuntimeField; label: string; value: T; choices: Choice<T>[]; onChange: (value: T) => void; error: string | undefined; row?: boolean }) {
  const testId = fieldTestId(field);
  return (
    <Box data-field={field}>
      <FormLabel error={Boolean(error)} sx={{ display: 'block', fontSize: '0.78rem', mb: 0.25 }} id={`${testId}-label`}>
        {label}
      </FormLabel>
      <RadioGroup row={row ?? false} aria-labelledby={`${testId}-label`} value={value} onChange={(e) => onChange(e.target.value as T)} sx={row ? { gap: 1 } : { gap: 0.5 }}>
        {choices.map((c) => (
          <Box key={c.value}>
            <FormControlLabel
              value={c.value}
              control={<Radio size="small" slotProps={{ input: { 'data-testid': `${testId}-${c.value}` } as object }} />}
              sx={{ alignItems: c.description ? 'flex-start' : 'center', mr: row ? 2 : 0, '& .MuiRadio-root': c.description ? { mt: -0.5 } : {} }}
              label={
                <Box>
                  <Typography variant="body2" sx={{ fontWeight: 600 }}>
                    {c.label}
                  </Typography>
                  {c.description && (
                    <Typography variant="caption" color="text.secondary" sx={{ display: 'block', lineHeight: 1.45 }}>
                      {c.description}
                    </Typography>
                  )}
                </Box>
              }
            />
            {c.extra && value === c.value && <Box sx={{ pl: 4, pt: 1.5, maxWidth: 320 }}>{c.extra}</Box>}
          </Box>
        ))}
      </RadioGroup>
      {error && (
        <FormHelperText error data-testid={`${testId}-helper`} sx={{ mx: 0 }}>
          {error}
        </FormHelperText>
      )}
    </Box>
  );
}
