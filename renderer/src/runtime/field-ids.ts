import type { RuntimeField } from './runtime-form.ts';

/** `security.keys` -> `runtime-security-keys`: the e2e hook of a setting; its message is `<id>-helper`. */
export function fieldTestId(field: RuntimeField): string {
  return `runtime-${field.replace(/\./g, '-')}`;
}

/** Moves the focus to the first input of a setting (after Save found something to fix there). */
export function focusField(root: HTMLElement | null, field: RuntimeField): void {
  const wrapper = root?.querySelector(`[data-field="${field}"]`);
  const input = wrapper?.querySelector<HTMLElement>('input:not([type="hidden"]):not([disabled]), textarea:not([aria-hidden="true"]), select');
  input?.focus();
  wrapper?.scrollIntoView({ block: 'center', behavior: 'smooth' });
}
