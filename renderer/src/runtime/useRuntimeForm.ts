import { useCallback, useMemo, useState } from 'react';
import type { ApiSummary, StudioClient } from '../../../shared/api/contract.ts';
import {
  checkForm,
  firstErrorField,
  isDirty,
  mapHostFields,
  runtimeToForm,
  type CheckedForm,
  type RuntimeErrors,
  type RuntimeField,
  type RuntimeFormValues,
} from './runtime-form.ts';

/**
 * The Runtime tab's state machine: values, what the user touched, the host's field errors, saving.
 * It lives in the API page (not the tab), so switching tabs loses nothing typed; an error never
 * resets a value. When the API's settings change underneath (saved, or the file edited on disk),
 * the form follows them unless the user has unsaved edits.
 */
export interface Notice {
  severity: 'success' | 'info' | 'warning' | 'error';
  message: string;
  testId: string;
}

export interface RuntimeFormState {
  values: RuntimeFormValues;
  checked: CheckedForm;
  dirty: boolean;
  saving: boolean;
  notice: Notice | undefined;
  /** The error to show at a field now (host errors at once; the page's own once touched or after Save). */
  error(field: RuntimeField): string | undefined;
  update(field: RuntimeField, change: (values: RuntimeFormValues) => RuntimeFormValues): void;
  /** Saves; resolves to the field to focus when something needs fixing. */
  save(): Promise<RuntimeField | undefined>;
  reset(): void;
  dismissNotice(): void;
}

/** What the form starts from: the settings in force and the block the file writes. */
type OnFile = Pick<ApiSummary, 'runtime' | 'gateway'>;
const formOf = (api: OnFile) => runtimeToForm(api.runtime, api.gateway);
// The block too: the file may spell out a default (or drop one) without changing the settings in force.
const onFileKey = (api: OnFile) => JSON.stringify([api.runtime, api.gateway]);

export function useRuntimeForm(api: ApiSummary, client: StudioClient, onConflict: () => void): RuntimeFormState {
  const [values, setValues] = useState(() => formOf(api));
  const [baselineApi, setBaselineApi] = useState<OnFile>(api);
  const [touched, setTouched] = useState<ReadonlySet<RuntimeField>>(() => new Set());
  const [attempted, setAttempted] = useState(false);
  const [hostErrors, setHostErrors] = useState<RuntimeErrors>({});
  const [notice, setNotice] = useState<Notice>();
  const [saving, setSaving] = useState(false);

  // Adjusting state while rendering (https://react.dev/learn/you-might-not-need-an-effect) when the
  // settings on file changed: follow them, unless that would overwrite the user's unsaved edits.
  if (onFileKey(api) !== onFileKey(baselineApi)) {
    setBaselineApi(api);
    if (!isDirty(values, formOf(baselineApi))) setValues(formOf(api));
  }

  const baseline = useMemo(() => formOf(baselineApi), [baselineApi]);
  const checked = useMemo(() => checkForm(values), [values]);
  const dirty = isDirty(values, baseline);

  const error = (field: RuntimeField) => hostErrors[field] ?? (!checked.ok && (attempted || touched.has(field)) ? checked.errors[field] : undefined);

  const update = useCallback((field: RuntimeField, change: (v: RuntimeFormValues) => RuntimeFormValues) => {
    setValues(change);
    setTouched((t) => (t.has(field) ? t : new Set(t).add(field)));
    setHostErrors(({ [field]: _fixed, ...rest }) => rest);
    setNotice((n) => (n?.severity === 'success' ? undefined : n));
  }, []);

  const save = async (): Promise<RuntimeField | undefined> => {
    setAttempted(true);
    if (!checked.ok) {
      setNotice(checked.other.length ? { severity: 'error', message: checked.other.join(' '), testId: 'runtime-error' } : undefined);
      return firstErrorField(checked.errors);
    }
    setSaving(true);
    const result = await client.call('apis.updateRuntime', { id: api.id, gateway: checked.block });
    setSaving(false);
    if (result.ok) {
      const saved = result.value;
      setBaselineApi(saved);
      setValues(formOf(saved));
      setTouched(new Set());
      setAttempted(false);
      setHostErrors({});
      setNotice({
        severity: 'success',
        testId: 'runtime-saved',
        message: saved.deployed ? `Saved to ${saved.id} and redeployed: open streams reconnect with the new settings.` : `Saved to ${saved.id}. Deploy the API to put the settings to work.`,
      });
      return undefined;
    }
    const { code, message, fields } = result.error;
    if (code === 'invalid_runtime') {
      const mapped = mapHostFields(fields);
      setHostErrors(mapped.errors);
      setNotice({ severity: 'error', testId: 'runtime-error', message: [message, ...mapped.unmapped].join(' ') });
      return firstErrorField(mapped.errors);
    }
    if (code === 'conflict') {
      setNotice({ severity: 'warning', testId: 'runtime-conflict', message: `${message} Your edits are still here: check them against the file and save again.` });
      onConflict();
      return undefined;
    }
    setNotice({ severity: 'error', testId: 'runtime-error', message });
    return undefined;
  };

  const reset = () => {
    setValues(baseline);
    setTouched(new Set());
    setAttempted(false);
    setHostErrors({});
    setNotice(undefined);
  };

  return { values, checked, dirty, saving, notice, error, update, save, reset, dismissNotice: () => setNotice(undefined) };
}
