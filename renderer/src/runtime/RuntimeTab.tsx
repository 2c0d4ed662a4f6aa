import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useRef, type FormEvent } from 'react';
import type { ApiSummary } from '../../../shared/api/contract.ts';
import type { RuntimeFormState } from './useRuntimeForm.ts';
import { CorsSection } from './CorsSection.tsx';
import { focusField } from './field-ids.ts';
import { LimitsSection } from './LimitsSection.tsx';
import { ReplaySection } from './ReplaySection.tsx';
import { RuntimePreview } from './RuntimePreview.tsx';
import { SafetySection } from './SafetySection.tsx';
import { SecuritySection } from './SecuritySection.tsx';
import { TransportsSection } from './TransportsSection.tsx';

/**
 * The API's gateway settings (WSO2 Publisher's "Runtime Configurations", plus the SSE behaviour WSO2
 * does not offer). The form is on the left; on the right, always in view, Save / Reset, the outcome,
 * and the `x-gateway` block Save will write.
 */
export function RuntimeTab({ api, form }: { api: ApiSummary; form: RuntimeFormState }) {
  const root = useRef<HTMLFormElement>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!form.dirty) return;
    const field = await form.save();
    if (field) focusField(root.current, field);
  };
  return (
    <Box component="form" ref={root} noValidate onSubmit={(e: FormEvent) => void submit(e)} data-testid="runtime-form" sx={{ display: 'flex', gap: 3, alignItems: 'flex-start', flexWrap: { xs: 'wrap', lg: 'nowrap' } }}>
      <Box sx={{ flex: '1 1 520px', minWidth: 0 }}>
        <TransportsSection form={form} />
        <SecuritySection form={form} />
        <CorsSection form={form} />
        <LimitsSection form={form} />
        <ReplaySection form={form} />
        <SafetySection form={form} />
      </Box>
      <Paper variant="outlined" sx={{ flex: { xs: '1 1 100%', lg: '0 0 340px' }, position: { lg: 'sticky' }, top: 0, p: 2, bgcolor: 'background.paper', display: 'flex', flexDirection: 'column', gap: 1.5 }}>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
          <Typography data-testid="runtime-status" variant="body2" color={form.dirty ? 'warning.main' : 'text.secondary'} sx={{ flex: 1, fontWeight: form.dirty ? 600 : 400 }}>
            {form.dirty ? 'Unsaved changes' : 'Saved settings'}
          </Typography>
          <Button color="inherit" data-testid="runtime-reset" disabled={!form.dirty || form.saving} onClick={form.reset}>
            Reset
          </Button>
          <Button type="submit" variant="contained" data-testid="runtime-save" disabled={!form.dirty} loading={form.saving}>
            Save
          </Button>
        </Box>
        <Typography variant="caption" color="text.secondary" sx={{ mt: -1 }}>
          {api.deployed ? 'Saving writes the file and redeploys: open streams reconnect.' : 'Saving writes the file; deploy to put it to work.'}
        </Typography>
        {form.notice && (
          <Alert severity={form.notice.severity} data-testid={form.notice.testId} onClose={form.dismissNotice} sx={{ '& .MuiAlert-message': { wordBreak: 'break-word' } }}>
            {form.notice.message}
          </Alert>
        )}
        <RuntimePreview checked={form.checked} file={api.id} />
      </Paper>
    </Box>
  );
}
