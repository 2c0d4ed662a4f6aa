import type { Monaco } from './monaco-setup.ts';

let loading: Promise<Monaco> | undefined;

/** Monaco and its languages, loaded once, on first use. */
export function loadMonaco(): Promise<Monaco> {
  loading ??= import('./monaco-setup.ts').then((m) => {
    // A test hook (read-only use): e2e reads models and markers through window.monaco.
    (window as unknown as { monaco?: Monaco }).monaco = m.monaco;
    return m.monaco;
  });
  return loading;
}
