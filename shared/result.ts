/** Errors are data: a machine `code` for programs and a `message` that tells a person what to do. */
export interface StudioError {
  code: string;
  message: string;
  /** Per-field problems, for forms (field name -> message). */
  fields?: FieldError[];
}

export interface FieldError {
  field: string;
  message: string;
}

export type Result<T, E = StudioError> = { ok: true; value: T } | { ok: false; error: E };

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });
export const fail = (code: string, message: string, fields?: FieldError[]): { ok: false; error: StudioError } => ({
  ok: false,
  error: fields ? { code, message, fields } : { code, message },
});
