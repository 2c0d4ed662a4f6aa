import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { useMemo, useRef, useState, type FormEvent } from 'react';
import type { StudioError } from '../../../shared/result.ts';
import {
  FORM_FIELDS,
  initialValues,
  mapServerError,
  previewBasePath,
  toDraft,
  validateForm,
  withName,
  type FieldMessages,
  type FormField as Field,
  type FormValues,
} from './api-draft-form.ts';
import { useStudio } from '../studio/StudioContext.tsx';
import { MONO_FONT } from '../theme.ts';
import { FormField } from '../widgets/FormField.tsx';

/**
 * Create an API. Errors show at their field as the user types (after they touched it, or after a
 * first submit); the host's answer is mapped onto the same fields. Values are never reset on an error.
 */
export function NewApiForm({ onCreated, onCancel }: { onCreated: (id: string) => void; onCancel: () => void }) {
  const { client, host } = useStudio();
  const [values, setValues] = useState<FormValues>(() => initialValues(host.mockUrl));
  const [touched, setTouched] = useState<Partial<Record<Field, boolean>>>({});
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldMessages>({});
  const [general, setGeneral] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [spec, setSpec] = useState<'3.0' | '2.6'>('3.0');
  const inputs = useRef<Partial<Record<Field, HTMLInputElement | null>>>({});

  const errors = useMemo(() => validateForm(values), [values]);
  const basePath = previewBasePath(values);
  const shownError = (field: Field) => serverErrors[field] ?? (touched[field] || submitted ? errors[field] : undefined);

  const change = (field: Field) => (value: string) => {
    setValues((current) => (field === 'name' ? withName(current, value, Boolean(touched.context)) : { ...current, [field]: value }));
    setTouched((current) => ({ ...current, [field]: true }));
    setServerErrors(({ [field]: _dropped, ...rest }) => rest);
    setGeneral(undefined);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    const firstInvalid = FORM_FIELDS.find((f) => errors[f]);
    if (firstInvalid) {
      inputs.current[firstInvalid]?.focus();
      return;
    }
    setBusy(true);
    const error = await create();
    setBusy(false);
    if (!error) return;
    const mapped = mapServerError(error);
    setServerErrors(mapped.fields);
    setGeneral(mapped.general);
    const firstServer = FORM_FIELDS.find((f) => mapped.fields[f]);
    if (firstServer) inputs.current[firstServer]?.focus();
  };

  /** 3.0: the host writes the document (`apis.create`); 2.6: the page writes it and creates the file. */
  const create = async (): Promise<StudioError | undefined> => {
    const draft = toDraft(values);
    if (spec === '3.0') {
      const result = await client.call('apis.create', draft);
      if (result.ok) onCreated(result.value.id);
      return result.ok ? undefined : result.error;
    }
    // Loaded on demand: it brings the YAML writer, which the app's first screen does not need.
    const { documentFileName, newDocumentText } = await import('../design/new-document.ts');
    const fileName = documentFileName(draft.name, draft.version);
    const result = await client.call('documents.create', { fileName, text: newDocumentText(draft, '2.6') });
    if (result.ok) onCreated(result.value.id);
    if (result.ok || result.error.code !== 'file_exists') return result.ok ? undefined : result.error;
    return { ...result.error, fields: [{ field: 'name', message: `A file named ${fileName} already exists: rename the API or change its version.` }] };
  };

  const field = (name: Field, label: string, extra: { hint?: string; placeholder?: string; mono?: boolean; autoFocus?: boolean } = {}) => (
    <FormField
      testId={`field-${name}`}
      label={label}
      required
      value={values[name]}
      onChange={change(name)}
      onBlur={() => setTouched((t) => ({ ...t, [name]: true }))}
      error={shownError(name)}
      inputRef={(el: HTMLInputElement | null) => {
        inputs.current[name] = el;
      }}
      {...extra}
    />
  );

  return (
    <Paper variant="outlined" component="form" noValidate onSubmit={(e: FormEvent) => void submit(e)} data-testid="new-api-form" sx={{ p: 3, maxWidth: 760 }}>
      <Typography variant="h5" sx={{ mb: 0.5 }}>
        New SSE API
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 3 }}>
        The API is saved as an AsyncAPI {spec} file in the project folder. The gateway serves it at its context and version.
      </Typography>
      {general && (
        <Alert severity="error" data-testid="form-error" sx={{ mb: 2 }}>
          {general}
        </Alert>
      )}
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '2fr 1fr' }, columnGap: 2, rowGap: 1 }}>
        {field('name', 'Name', { placeholder: 'Stock Ticker', autoFocus: true })}
        {field('version', 'Version', { placeholder: '1.0.0', mono: true })}
        {field('context', 'Context', { placeholder: '/stocks', mono: true, hint: 'Path prefix on the gateway; may hold {version}, e.g. /{version}/stocks.' })}
        {field('topic', 'Topic', { mono: true, hint: '"/*" passes every path to the backend.' })}
        <Box sx={{ gridColumn: '1 / -1' }}>
          {field('endpoint', 'Backend endpoint', {
            placeholder: 'http://localhost:8080',
            mono: true,
            hint: host.mockUrl && values.endpoint === host.mockUrl ? 'The built-in mock backend (streams /prices, /counter, /clock).' : 'The SSE server the gateway forwards to.',
          })}
        </Box>
      </Box>
      <Box data-testid="gateway-preview" sx={{ mt: 1, mb: 3, px: 2, py: 1.5, borderRadius: 1, bgcolor: 'rgba(122,162,255,0.07)', border: 1, borderColor: 'rgba(122,162,255,0.25)' }}>
        <Typography variant="overline" color="secondary.main">
          Gateway URL
        </Typography>
        {basePath ? (
          <Typography sx={{ fontFamily: MONO_FONT, fontSize: '0.85rem', wordBreak: 'break-all' }}>
            <span style={{ opacity: 0.6 }}>{host.gatewayUrl ?? ''}</span>
            <span data-testid="gateway-base-path">{basePath}</span>
            <span style={{ opacity: 0.6 }}>{values.topic.trim() === '/' ? '' : values.topic.trim()}</span>
          </Typography>
        ) : (
          <Typography variant="body2" color="text.secondary">
            Enter a valid context and version to see where the gateway will serve the API.
          </Typography>
        )}
      </Box>
      <Box sx={{ display: 'flex', gap: 1.5, justifyContent: 'flex-end', alignItems: 'center' }}>
        <Typography variant="body2" color="text.secondary">
          AsyncAPI
        </Typography>
        <ToggleButtonGroup exclusive size="small" value={spec} onChange={(_, v: '3.0' | '2.6' | null) => v && setSpec(v)} aria-label="AsyncAPI version" sx={{ mr: 'auto' }}>
          <ToggleButton value="3.0" data-testid="new-api-spec-3.0" sx={{ py: 0.25 }}>
            3.0
          </ToggleButton>
          <ToggleButton value="2.6" data-testid="new-api-spec-2.6" sx={{ py: 0.25 }}>
            2.6
          </ToggleButton>
        </ToggleButtonGroup>
        <Button onClick={onCancel} color="inherit" disabled={busy}>
          Cancel
        </Button>
        <Button type="submit" variant="contained" data-testid="create-api-submit" loading={busy}>
          Create API
        </Button>
      </Box>
    </Paper>
  );
}
