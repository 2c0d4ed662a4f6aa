import type { FieldError } from '../../../shared/result.ts';
import { MALFORM_KINDS, type FaultPlan, type MalformKind } from '../../../shared/model/mock.ts';

/**
 * The fault injection form: text fields and checkboxes in, a FaultPlan out (times in seconds on
 * screen, ms in the plan). Fields start empty: a placeholder is a hint, never a value, so a ticked
 * fault whose required field is empty is an error at that field (only jitter and the status body are
 * optional, and say so). The form only checks that numbers are numbers; limits are the host's
 * (`mock.faults.set` answers `invalid_fault` with `fields`), and its messages go back to the field
 * they name. Pure.
 */
export interface FaultForm {
  /** '' = every topic of the API. */
  topic: string;
  dropAfterOn: boolean;
  dropAfterEvents: string;
  dropEveryOn: boolean;
  dropEverySeconds: string;
  dropProbabilityOn: boolean;
  dropProbability: string;
  stallOn: boolean;
  stallAfterEvents: string;
  /** Ignored while `stallUntilCleared`. */
  stallSeconds: string;
  stallUntilCleared: boolean;
  latencyOn: boolean;
  latencyMs: string;
  jitterMs: string;
  bandwidthOn: boolean;
  bytesPerSecond: string;
  statusOn: boolean;
  statusCode: string;
  statusBody: string;
  contentTypeOn: boolean;
  contentType: string;
  malform: MalformKind[];
  malformEvery: string;
}

export type FaultField = Exclude<keyof FaultForm, `${string}On` | 'stallUntilCleared'>;
export type FaultErrors = Partial<Record<FaultField, string>>;

export const EMPTY_FAULT_FORM: FaultForm = {
  topic: '',
  dropAfterOn: false,
  dropAfterEvents: '',
  dropEveryOn: false,
  dropEverySeconds: '',
  dropProbabilityOn: false,
  dropProbability: '',
  stallOn: false,
  stallAfterEvents: '',
  stallSeconds: '',
  stallUntilCleared: false,
  latencyOn: false,
  latencyMs: '',
  jitterMs: '',
  bandwidthOn: false,
  bytesPerSecond: '',
  statusOn: false,
  // A select shows a real choice, not a hint.
  statusCode: '503',
  statusBody: '',
  contentTypeOn: false,
  contentType: '',
  malform: [],
  malformEvery: '',
};

/** Hints shown in empty fields: examples, never values. */
export const FAULT_PLACEHOLDERS: Partial<Record<FaultField, string>> = {
  dropAfterEvents: 'e.g. 10',
  dropEverySeconds: 'e.g. 5',
  dropProbability: 'e.g. 0.05',
  stallAfterEvents: 'e.g. 0',
  stallSeconds: 'e.g. 5',
  latencyMs: 'e.g. 200',
  jitterMs: 'e.g. 50',
  bytesPerSecond: 'e.g. 1024',
  contentType: 'e.g. text/plain',
  malformEvery: 'e.g. 1',
};

export const STATUS_CODES = ['204', '401', '404', '500', '502', '503'] as const;

export type FormResult = { ok: true; plan: FaultPlan } | { ok: false; errors: FaultErrors };

export function formToPlan(form: FaultForm): FormResult {
  const errors: FaultErrors = {};
  const num = (field: FaultField, text: string, integer = false): number | undefined => {
    const value = Number(text.trim());
    if (text.trim() === '') {
      errors[field] = 'Required: enter a number.';
      return undefined;
    }
    if (!Number.isFinite(value)) {
      errors[field] = 'Enter a number.';
      return undefined;
    }
    if (integer && !Number.isInteger(value)) {
      errors[field] = 'Enter a whole number.';
      return undefined;
    }
    return value;
  };
  const plan: FaultPlan = {};
  const drop: NonNullable<FaultPlan['drop']> = {};
  if (form.dropAfterOn) assign(drop, 'afterEvents', num('dropAfterEvents', form.dropAfterEvents, true));
  if (form.dropEveryOn) assign(drop, 'everyMs', seconds(num('dropEverySeconds', form.dropEverySeconds)));
  if (form.dropProbabilityOn) assign(drop, 'probability', num('dropProbability', form.dropProbability));
  if (Object.keys(drop).length) plan.drop = drop;
  if (form.stallOn) {
    const afterEvents = num('stallAfterEvents', form.stallAfterEvents, true);
    const ms = form.stallUntilCleared ? undefined : seconds(num('stallSeconds', form.stallSeconds));
    plan.stall = { ...(afterEvents ? { afterEvents } : {}), ...(ms !== undefined ? { ms } : {}) };
  }
  if (form.latencyOn) {
    const ms = num('latencyMs', form.latencyMs);
    const jitterMs = form.jitterMs.trim() === '' ? undefined : num('jitterMs', form.jitterMs);
    if (ms !== undefined) plan.latency = { ms, ...(jitterMs ? { jitterMs } : {}) };
  }
  if (form.bandwidthOn) {
    const bytesPerSecond = num('bytesPerSecond', form.bytesPerSecond, true);
    if (bytesPerSecond !== undefined) plan.bandwidth = { bytesPerSecond };
  }
  if (form.statusOn) {
    const code = num('statusCode', form.statusCode, true);
    if (code !== undefined) plan.status = { code, ...(form.statusBody.trim() ? { body: form.statusBody } : {}) };
  }
  if (form.contentTypeOn) {
    if (form.contentType.trim() === '') errors.contentType = 'Required: enter a content type.';
    else plan.contentType = form.contentType.trim();
  }
  if (form.malform.length) {
    const everyEvents = num('malformEvery', form.malformEvery, true);
    plan.malform = { kinds: MALFORM_KINDS.filter((k) => form.malform.includes(k)), ...(everyEvents && everyEvents > 1 ? { everyEvents } : {}) };
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, plan };
}

/** A plan back into the form (to edit what is active). */
export function planToForm(plan: FaultPlan, topic = ''): FaultForm {
  const form: FaultForm = { ...EMPTY_FAULT_FORM, topic };
  if (plan.drop?.afterEvents !== undefined) Object.assign(form, { dropAfterOn: true, dropAfterEvents: String(plan.drop.afterEvents) });
  if (plan.drop?.everyMs !== undefined) Object.assign(form, { dropEveryOn: true, dropEverySeconds: String(plan.drop.everyMs / 1000) });
  if (plan.drop?.probability !== undefined) Object.assign(form, { dropProbabilityOn: true, dropProbability: String(plan.drop.probability) });
  if (plan.stall)
    Object.assign(form, {
      stallOn: true,
      stallAfterEvents: String(plan.stall.afterEvents ?? 0),
      stallSeconds: plan.stall.ms === undefined ? '' : String(plan.stall.ms / 1000),
      stallUntilCleared: plan.stall.ms === undefined,
    });
  if (plan.latency) Object.assign(form, { latencyOn: true, latencyMs: String(plan.latency.ms), jitterMs: String(plan.latency.jitterMs ?? '') });
  if (plan.bandwidth) Object.assign(form, { bandwidthOn: true, bytesPerSecond: String(plan.bandwidth.bytesPerSecond) });
  if (plan.status) Object.assign(form, { statusOn: true, statusCode: String(plan.status.code), statusBody: plan.status.body ?? '' });
  if (plan.contentType !== undefined) Object.assign(form, { contentTypeOn: true, contentType: plan.contentType });
  if (plan.malform) Object.assign(form, { malform: [...plan.malform.kinds], malformEvery: String(plan.malform.everyEvents ?? 1) });
  return form;
}

const SERVER_FIELD: Record<string, FaultField> = {
  'scope.topic': 'topic',
  'plan.drop': 'dropAfterEvents',
  'plan.drop.afterEvents': 'dropAfterEvents',
  'plan.drop.everyMs': 'dropEverySeconds',
  'plan.drop.probability': 'dropProbability',
  'plan.stall': 'stallSeconds',
  'plan.stall.afterEvents': 'stallAfterEvents',
  'plan.stall.ms': 'stallSeconds',
  'plan.latency': 'latencyMs',
  'plan.latency.ms': 'latencyMs',
  'plan.latency.jitterMs': 'jitterMs',
  'plan.bandwidth': 'bytesPerSecond',
  'plan.bandwidth.bytesPerSecond': 'bytesPerSecond',
  'plan.status': 'statusCode',
  'plan.status.code': 'statusCode',
  'plan.status.body': 'statusBody',
  'plan.contentType': 'contentType',
  'plan.malform': 'malform',
  'plan.malform.kinds': 'malform',
  'plan.malform.everyEvents': 'malformEvery',
};

/**
 * The host's field errors placed at the form's fields (`plan.drop.probability` -> dropProbability;
 * `plan.malform.kinds.2` -> malform); those no field shows stay general.
 */
export function placeServerErrors(fields: readonly FieldError[]): { byField: FaultErrors; other: string[] } {
  const byField: FaultErrors = {};
  const other: string[] = [];
  for (const { field, message } of fields) {
    let key = field;
    while (key && !(key in SERVER_FIELD)) key = key.includes('.') ? key.slice(0, key.lastIndexOf('.')) : '';
    const target = key ? SERVER_FIELD[key] : undefined;
    if (target && !byField[target]) byField[target] = message;
    else other.push(`${field}: ${message}`);
  }
  return { byField, other };
}

function seconds(value: number | undefined): number | undefined {
  return value === undefined ? undefined : Math.round(value * 1000);
}

function assign<K extends string>(target: Partial<Record<K, number>>, key: K, value: number | undefined): void {
  if (value !== undefined) target[key] = value;
}
