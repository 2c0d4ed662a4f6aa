import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Chip from '@mui/material/Chip';
import FormControlLabel from '@mui/material/FormControlLabel';
import InputAdornment from '@mui/material/InputAdornment';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState, type ReactNode } from 'react';
import type { ApiSummary, FaultEntry } from '../../../shared/api/contract.ts';
import { describeFaultPlan, MALFORM_KINDS, type MalformKind } from '../../../shared/model/mock.ts';
import { useStudio } from '../studio/StudioContext.tsx';
import { EMPTY_FAULT_FORM, FAULT_PLACEHOLDERS, formToPlan, placeServerErrors, planToForm, STATUS_CODES, type FaultErrors, type FaultField, type FaultForm } from './fault-form.ts';
import type { MockView } from './useMockStatus.ts';
import { MONO_FONT } from '../theme.ts';

/**
 * Fault injection on the mock backend for this API, set before a run (or during one): drops,
 * stalls, latency and jitter, a bandwidth cap, an error status, a wrong content type, malformed
 * frames. The active faults are listed (from the document's x-mock or set here) and can be cleared.
 */
/** Fields that may stay empty (they say so by having no required mark). */
const OPTIONAL_FIELDS: ReadonlySet<FaultField> = new Set(['jitterMs', 'statusBody', 'topic']);

/** The select's value for "every topic" (an empty value would show no text in the field). */
const ALL_TOPICS = '*all*';

const MALFORM_WORDS: Record<MalformKind, string> = {
  'bogus-retry': 'bogus retry: line',
  'missing-blank-line': 'missing blank line',
  'cr-line-ends': 'CR-only line ends',
  bom: 'BOM at the start',
  'huge-event': 'huge event (1 MiB)',
  'invalid-utf8': 'invalid UTF-8 byte',
};

export function FaultPanel({ api, mock }: { api: ApiSummary; mock: MockView }) {
  const { client } = useStudio();
  const [form, setForm] = useState<FaultForm>(EMPTY_FAULT_FORM);
  const [errors, setErrors] = useState<FaultErrors>({});
  const [message, setMessage] = useState<{ severity: 'success' | 'error' | 'info'; text: string; more?: string[] }>();
  const [busy, setBusy] = useState(false);
  // The mock's status (polled by the viewer) lists the active faults: one request for both.
  const faults: FaultEntry[] | undefined = mock.status?.faults.filter((f) => !f.scope.apiId || f.scope.apiId === api.id);

  const set = (patch: Partial<FaultForm>) => {
    setForm((f) => ({ ...f, ...patch }));
    const cleared = Object.keys(patch).filter((k) => k in errors);
    if (cleared.length) setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !cleared.includes(k))));
  };

  const apply = async () => {
    const built = formToPlan(form);
    if (!built.ok) {
      setErrors(built.errors);
      setMessage({ severity: 'error', text: 'Fix the marked fields.' });
      return;
    }
    if (Object.keys(built.plan).length === 0) {
      setMessage({ severity: 'info', text: 'Tick at least one fault to inject.' });
      return;
    }
    setBusy(true);
    const result = await client.call('mock.faults.set', { scope: { apiId: api.id, ...(form.topic ? { topic: form.topic } : {}) }, plan: built.plan });
    setBusy(false);
    if (!result.ok) {
      const placed = placeServerErrors(result.error.fields ?? []);
      setErrors(placed.byField);
      setMessage({ severity: 'error', text: result.error.message, ...(placed.other.length ? { more: placed.other } : {}) });
      return;
    }
    setErrors({});
    setMessage({ severity: 'success', text: `Active on ${form.topic || 'every topic of this API'}: ${describeFaultPlan(result.value.plan).join(', ')}. New and open connections follow it.` });
    mock.refresh();
  };

  const clear = async () => {
    setBusy(true);
    const result = await client.call('mock.faults.clear', { scope: { apiId: api.id } });
    setBusy(false);
    if (!result.ok) return setMessage({ severity: 'error', text: result.error.message });
    setMessage({
      severity: 'success',
      text: `Cleared ${result.value.cleared} fault plan${result.value.cleared === 1 ? '' : 's'}${result.value.released ? `; ${result.value.released} stalled connection${result.value.released === 1 ? '' : 's'} released` : ''}.`,
    });
    mock.refresh();
  };

  const field = (name: FaultField, label: string, extra: { width?: number; unit?: string; disabled?: boolean; select?: readonly string[] } = {}) => (
    <TextField
      label={label}
      value={form[name] as string}
      onChange={(e) => set({ [name]: e.target.value } as Partial<FaultForm>)}
      error={Boolean(errors[name])}
      disabled={extra.disabled}
      required={!extra.select && !OPTIONAL_FIELDS.has(name)}
      placeholder={FAULT_PLACEHOLDERS[name]}
      select={Boolean(extra.select)}
      sx={{ width: extra.width ?? 120 }}
      slotProps={{
        inputLabel: { shrink: true },
        htmlInput: { 'data-testid': `fault-${name}`, spellCheck: false, 'aria-invalid': Boolean(errors[name]), 'aria-describedby': errors[name] ? `fault-${name}-helper` : undefined },
        ...(extra.unit ? { input: { endAdornment: <InputAdornment position="end">{extra.unit}</InputAdornment> } } : {}),
      }}
    >
      {extra.select?.map((v) => (
        <MenuItem key={v} value={v}>
          {v}
        </MenuItem>
      ))}
    </TextField>
  );
  /** The errors of a section's fields, under it, at full width (narrow fields would wrap them word by word). */
  const fieldErrors = (...names: FaultField[]) =>
    names
      .filter((n) => errors[n])
      .map((n) => (
        <Typography key={n} id={`fault-${n}-helper`} variant="caption" color="error" data-testid={`fault-${n}-helper`} sx={{ display: 'block' }}>
          {errors[n]}
        </Typography>
      ));
  /** A checkbox with its label; `title`: the label is a section's title. */
  const toggle = (name: keyof FaultForm, label: string, title = false) => (
    <FormControlLabel
      sx={{ mr: 2, '& .MuiFormControlLabel-label': title ? { typography: 'subtitle2' } : { fontSize: '0.82rem' } }}
      control={
        <Checkbox
          size="small"
          checked={form[name] as boolean}
          onChange={(e) => set({ [name]: e.target.checked } as Partial<FaultForm>)}
          slotProps={{ input: { 'data-testid': `fault-${name}` } as object }}
        />
      }
      label={label}
    />
  );

  if (!mock.served) {
    return (
      <Box data-testid="fault-panel" sx={{ p: 2 }}>
        <Alert severity="info" data-testid="fault-not-mock">
          {mock.reason} Fault injection works on the mock backend: point the API&apos;s endpoint at the mock ({mock.status?.url ?? 'sse-studio serve starts it'}) to use it.
        </Alert>
      </Box>
    );
  }

  return (
    <Box data-testid="fault-panel" sx={{ display: 'grid', gridTemplateColumns: { xs: 'minmax(0,1fr)', lg: 'minmax(0, 1fr) 320px' }, gap: 2, p: 2 }}>
      <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1.5 }}>
        <Box sx={{ display: 'flex', gap: 1.5, alignItems: 'flex-start', flexWrap: 'wrap' }}>
          <TextField
            select
            label="Applies to"
            value={form.topic || ALL_TOPICS}
            onChange={(e) => set({ topic: e.target.value === ALL_TOPICS ? '' : e.target.value })}
            error={Boolean(errors.topic)}
            helperText={errors.topic ?? 'open and future connections'}
            sx={{ width: 260 }}
            slotProps={{ htmlInput: { 'data-testid': 'fault-topic' }, formHelperText: { 'data-testid': 'fault-topic-helper' } as object }}
          >
            <MenuItem value={ALL_TOPICS}>Every topic of {api.name}</MenuItem>
            {api.topics.map((t) => (
              <MenuItem key={t.path} value={t.path} sx={{ fontFamily: MONO_FONT }}>
                {t.path}
              </MenuItem>
            ))}
          </TextField>
          <Typography variant="body2" color="text.secondary" sx={{ flex: 1, minWidth: 240, pt: 0.5 }}>
            Set faults before a run and watch the viewer: drops show as reconnects in its timeline, stalls as gaps in its chart, malformed frames in the raw bytes of an event. Limits are checked by
            the mock; errors come back at their fields.
          </Typography>
        </Box>
        <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(290px, 1fr))', gap: 1.5 }}>
          <Section title="Drop the connection">
            <Row>
              {toggle('dropAfterOn', 'after N events')}
              {field('dropAfterEvents', 'N', { width: 150, unit: 'events', disabled: !form.dropAfterOn })}
            </Row>
            <Row>
              {toggle('dropEveryOn', 'every T seconds')}
              {field('dropEverySeconds', 'T', { width: 150, unit: 's', disabled: !form.dropEveryOn })}
            </Row>
            <Row>
              {toggle('dropProbabilityOn', 'with probability p')}
              {field('dropProbability', 'p (0 to 1)', { width: 150, unit: '/ev', disabled: !form.dropProbabilityOn })}
            </Row>
            {fieldErrors('dropAfterEvents', 'dropEverySeconds', 'dropProbability')}
          </Section>
          <Section title="Stall (send nothing)" on={toggle('stallOn', 'Stall (send nothing)', true)}>
            <Row>
              {field('stallAfterEvents', 'after N events', { width: 130, disabled: !form.stallOn })}
              {field('stallSeconds', 'for', { width: 110, unit: 's', disabled: !form.stallOn || form.stallUntilCleared })}
            </Row>
            <FormControlLabel
              sx={{ '& .MuiFormControlLabel-label': { fontSize: '0.78rem' } }}
              disabled={!form.stallOn}
              control={
                <Checkbox
                  size="small"
                  checked={form.stallUntilCleared}
                  onChange={(e) => set({ stallUntilCleared: e.target.checked })}
                  slotProps={{ input: { 'data-testid': 'fault-stallUntilCleared' } as object }}
                />
              }
              label="until cleared"
            />
            {fieldErrors('stallAfterEvents', 'stallSeconds')}
          </Section>
          <Section title="Latency and jitter" on={toggle('latencyOn', 'Latency and jitter', true)}>
            <Row>
              {field('latencyMs', 'latency', { width: 130, unit: 'ms', disabled: !form.latencyOn })}
              {field('jitterMs', '± jitter', { width: 120, unit: 'ms', disabled: !form.latencyOn })}
            </Row>
            {fieldErrors('latencyMs', 'jitterMs')}
          </Section>
          <Section title="Bandwidth cap" on={toggle('bandwidthOn', 'Bandwidth cap', true)}>
            <Row>{field('bytesPerSecond', 'per connection', { width: 170, unit: 'B/s', disabled: !form.bandwidthOn })}</Row>
            {fieldErrors('bytesPerSecond')}
          </Section>
          <Section title="Answer with a status" on={toggle('statusOn', 'Answer with a status', true)}>
            <Row>
              {field('statusCode', 'status', { width: 100, select: STATUS_CODES, disabled: !form.statusOn })}
              {field('statusBody', 'body (optional)', { width: 170, disabled: !form.statusOn })}
            </Row>
            {fieldErrors('statusCode', 'statusBody')}
          </Section>
          <Section title="Wrong content type" on={toggle('contentTypeOn', 'Wrong content type', true)}>
            <Row>{field('contentType', 'instead of text/event-stream', { width: 230, disabled: !form.contentTypeOn })}</Row>
            {fieldErrors('contentType')}
          </Section>
          <Section title="Malformed frames">
            <Box sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: 1 }}>
              {MALFORM_KINDS.map((kind) => (
                <FormControlLabel
                  key={kind}
                  sx={{ '& .MuiFormControlLabel-label': { fontSize: '0.78rem' } }}
                  control={
                    <Checkbox
                      size="small"
                      checked={form.malform.includes(kind)}
                      onChange={(e) => set({ malform: e.target.checked ? [...form.malform, kind] : form.malform.filter((k) => k !== kind) })}
                      slotProps={{ input: { 'data-testid': `fault-malform-${kind}` } as object }}
                    />
                  }
                  label={MALFORM_WORDS[kind]}
                />
              ))}
            </Box>
            <Row>{field('malformEvery', 'on every N-th event', { width: 160, disabled: form.malform.length === 0 })}</Row>
            {fieldErrors('malform', 'malformEvery')}
          </Section>
        </Box>
        <Box sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
          <Button variant="contained" onClick={() => void apply()} loading={busy} data-testid="fault-apply">
            Apply fault plan
          </Button>
          <Button color="inherit" onClick={() => setForm({ ...EMPTY_FAULT_FORM, topic: form.topic })} data-testid="fault-reset">
            Reset form
          </Button>
        </Box>
        {message && (
          <Alert severity={message.severity} data-testid="fault-message" onClose={() => setMessage(undefined)}>
            {message.text}
            {message.more?.map((m) => (
              <div key={m}>{m}</div>
            ))}
          </Alert>
        )}
      </Box>
      <Box data-testid="fault-active" sx={{ display: 'flex', flexDirection: 'column', gap: 1 }}>
        <Typography variant="overline" color="text.secondary">
          Active faults
        </Typography>
        {faults === undefined && (
          <Typography variant="body2" color="text.secondary">
            Reading…
          </Typography>
        )}
        {faults?.length === 0 && (
          <Typography variant="body2" color="text.secondary" data-testid="fault-none">
            None: the mock streams as the document says.
          </Typography>
        )}
        {faults?.map((f, i) => (
          <Box key={i} data-testid="fault-entry" sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 1 }}>
            <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', mb: 0.5 }}>
              <Typography variant="caption" sx={{ fontFamily: MONO_FONT }}>
                {f.scope.topic ?? (f.scope.apiId ? 'every topic' : 'every stream of the mock')}
              </Typography>
              <Chip size="small" label={f.source === 'document' ? 'x-mock' : 'live'} variant="outlined" />
              <Box sx={{ flex: 1 }} />
              {f.source === 'live' && (
                <Button size="small" color="inherit" onClick={() => setForm(planToForm(f.plan, f.scope.topic ?? ''))}>
                  Edit
                </Button>
              )}
            </Box>
            <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5 }}>
              {describeFaultPlan(f.plan).map((line) => (
                <Chip key={line} size="small" color="warning" label={line} />
              ))}
            </Box>
          </Box>
        ))}
        <Button variant="outlined" color="warning" onClick={() => void clear()} disabled={busy || !faults?.length} data-testid="fault-clear">
          Clear this API&apos;s faults
        </Button>
        <Typography variant="caption" color="text.secondary">
          Clearing also releases stalled connections. Faults written in the document&apos;s x-mock come back when the document changes.
        </Typography>
      </Box>
    </Box>
  );
}

/** A group of fields; with `on`, its title is that checkbox's label (a click on the title ticks it). */
function Section({ title, on, children }: { title: string; on?: ReactNode; children: ReactNode }) {
  return (
    <Box sx={{ border: 1, borderColor: 'divider', borderRadius: 1, px: 1.5, py: 1 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', minHeight: 30 }}>{on ?? <Typography variant="subtitle2">{title}</Typography>}</Box>
      <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1, mt: 0.75 }}>{children}</Box>
    </Box>
  );
}

function Row({ children }: { children: ReactNode }) {
  return <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap', '& .MuiFormControlLabel-root': { width: 160 } }}>{children}</Box>;
}
