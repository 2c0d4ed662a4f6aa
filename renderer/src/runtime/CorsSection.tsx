import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import type { RuntimeFormState } from './useRuntimeForm.ts';
import { FormSection } from './FormSection.tsx';
import { StringListField } from './StringListField.tsx';

/** Which web pages (origins) may subscribe from a browser. */
export function CorsSection({ form }: { form: RuntimeFormState }) {
  const origins = form.values.corsOrigins;
  const set = (corsOrigins: string[]) => form.update('cors', (v) => ({ ...v, corsOrigins }));
  const any = origins.some((o) => o.trim() === '*');
  const empty = origins.every((o) => !o.trim());
  return (
    <FormSection testId="runtime-section-cors" title="CORS" description="Browser pages on these origins may subscribe with EventSource or fetch. curl and servers are not affected.">
      <Box sx={{ maxWidth: 520 }}>
        <StringListField
          field="cors"
          label="Allowed origins"
          itemLabel="Origin"
          addLabel="Add origin"
          placeholder="http://localhost:3000"
          values={origins}
          onChange={set}
          error={form.error('cors')}
          hint={any ? '"*" lets any web page subscribe.' : empty ? 'No origin: browsers on other pages are refused.' : 'Scheme, host and port, no path.'}
          actions={
            !any && (
              <Button size="small" color="inherit" data-testid="runtime-cors-any" onClick={() => set(['*'])} sx={{ color: 'text.secondary' }}>
                Allow any origin (*)
              </Button>
            )
          }
        />
      </Box>
    </FormSection>
  );
}
