import Box from '@mui/material/Box';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import Typography from '@mui/material/Typography';
import type { RuntimeFormState } from './useRuntimeForm.ts';
import { useStudio } from '../studio/StudioContext.tsx';
import { MONO_FONT } from '../theme.ts';
import { FormSection } from './FormSection.tsx';

/** Which gateway listeners serve the API: plain HTTP (HTTP/1.1, h2c) and HTTPS (HTTP/2 over TLS). */
export function TransportsSection({ form }: { form: RuntimeFormState }) {
  const { host } = useStudio();
  const { transports } = form.values;
  const error = form.error('transports');
  const toggle = (key: 'http' | 'https', on: boolean) => form.update('transports', (v) => ({ ...v, transports: { ...v.transports, [key]: on } }));
  const option = (key: 'http' | 'https', label: string, detail: string, url: string | null) => (
    <FormControlLabel
      sx={{ alignItems: 'flex-start', mr: 4 }}
      control={<Checkbox size="small" checked={transports[key]} onChange={(e) => toggle(key, e.target.checked)} sx={{ mt: -0.5 }} slotProps={{ input: { 'data-testid': `runtime-transport-${key}` } as object }} />}
      label={
        <Box>
          <Typography variant="body2" sx={{ fontWeight: 600 }}>
            {label}
          </Typography>
          <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>
            {detail}
          </Typography>
          <Typography variant="caption" color={url ? 'text.secondary' : 'warning.main'} sx={{ display: 'block', fontFamily: MONO_FONT }}>
            {url ?? 'this listener is off in this Studio'}
          </Typography>
        </Box>
      }
    />
  );
  return (
    <FormSection testId="runtime-section-transports" title="Transports" description="The gateway listeners that serve this API. Browsers use HTTP/2 only over HTTPS, where many streams share one connection.">
      <Box data-field="transports" sx={{ display: 'flex', flexWrap: 'wrap', rowGap: 1 }}>
        {option('http', 'HTTP', 'HTTP/1.1 and h2c', host.gatewayUrl)}
        {option('https', 'HTTPS', 'HTTP/2 and HTTP/1.1 over TLS', host.gatewayHttpsUrl)}
      </Box>
      {error && (
        <FormHelperText error data-testid="runtime-transports-helper" sx={{ mx: 0 }}>
          {error}
        </FormHelperText>
      )}
    </FormSection>
  );
}
