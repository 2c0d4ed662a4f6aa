import type { SseApiDraft } from '../../../shared/model/sse-api.ts';
import { DEFAULT_TOPIC } from '../../../shared/model/sse-api.ts';
import { defaultContext, gatewayBasePath } from '../../../shared/model/context.ts';
import { validateContext, validateEndpoint, validateName, validateTopicPath, validateVersion } from '../../../shared/model/validate.ts';
import type { StudioError } from '../../../shared/result.ts';

/**
 * The "New API" form's state, without React: values, which fields the user has touched, and the
 * errors to show. Validation uses the same shared validators as the host, so the page and the file
 * writer agree; the host's `error.fields` are mapped back onto these fields.
 */
export const FORM_FIELDS = ['name', 'context', 'version', 'endpoint', 'topic'] as const;
export type FormField = (typeof FORM_FIELDS)[number];
export type FormValues = Record<FormField, string>;
export type FieldMessages = Partial<Record<FormField, string>>;

export function initialValues(endpoint: string | null): FormValues {
  return { name: '', context: '', version: '1.0.0', endpoint: endpoint ?? '', topic: DEFAULT_TOPIC };
}

const VALIDATORS: Record<FormField, (value: string) => string | undefined> = {
  name: validateName,
  context: validateContext,
  version: validateVersion,
  endpoint: validateEndpoint,
  topic: validateTopicPath,
};

export function validateForm(values: FormValues): FieldMessages {
  const errors: FieldMessages = {};
  for (const field of FORM_FIELDS) {
    const message = VALIDATORS[field](values[field]);
    if (message) errors[field] = message;
  }
  return errors;
}

/**
 * Typing a name fills the context (`Price Feed` -> `/price-feed`) until the user edits the context
 * themselves; from then on the context is theirs.
 */
export function withName(values: FormValues, name: string, contextEdited: boolean): FormValues {
  return contextEdited ? { ...values, name } : { ...values, name, context: name.trim() ? defaultContext(name) : '' };
}

/** Where the gateway will serve the API, or undefined while the context or version is invalid. */
export function previewBasePath(values: FormValues): string | undefined {
  if (validateContext(values.context) || validateVersion(values.version)) return undefined;
  return gatewayBasePath(values.context.trim(), values.version.trim());
}

export function toDraft(values: FormValues): SseApiDraft {
  return { name: values.name, context: values.context, version: values.version, endpoint: values.endpoint, topics: [values.topic] };
}

/** Host field names (`topics.0`) onto form fields; what does not map stays for a general alert. */
export function mapServerError(error: StudioError): { fields: FieldMessages; general: string | undefined } {
  const fields: FieldMessages = {};
  for (const f of error.fields ?? []) {
    const field = f.field.startsWith('topics.') ? 'topic' : f.field;
    if ((FORM_FIELDS as readonly string[]).includes(field)) fields[field as FormField] = f.message;
  }
  const unmapped = (error.fields ?? []).length === 0 || Object.keys(fields).length < (error.fields ?? []).length;
  return { fields, general: unmapped ? error.message : undefined };
}
