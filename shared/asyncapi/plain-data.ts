/** Helpers for walking parsed YAML/JSON, where every value is `unknown` until checked. */
export type DocPath = Array<string | number>;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The entries of a mapping whose values are mappings (anything else is skipped). */
export function recordEntries(value: unknown): Array<[string, Record<string, unknown>]> {
  return isRecord(value) ? Object.entries(value).filter((e): e is [string, Record<string, unknown>] => isRecord(e[1])) : [];
}

/** Names of the `{param}` placeholders in a path template, in order, without repeats. */
export function templateParams(template: string): string[] {
  return [...new Set([...template.matchAll(/\{([^{}]+)\}/g)].map((m) => m[1] as string))];
}

/** A deep copy of parsed YAML/JSON (plain data only: no dates, no cycles). */
export function cloneData<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
