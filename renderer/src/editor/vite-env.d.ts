// Vite's `?worker` imports: the default export constructs the bundled worker (a module worker).
declare module '*?worker' {
  const WorkerConstructor: new (options?: { name?: string }) => Worker;
  export default WorkerConstructor;
}

// monaco-editor 0.57 ships this module without types; it creates a worker proxy the way Monaco's own
// language services do (first message wakes the worker, the second carries `createData`).
declare module 'monaco-editor/internal/common/workers.js' {
  import type { editor } from 'monaco-editor/editor/editor.api.js';
  export function createWebWorker<T extends object>(options: {
    moduleId?: string;
    label?: string;
    createData?: unknown;
    createWorker?: () => Worker;
    host?: Record<string, (...args: unknown[]) => unknown>;
    keepIdleModels?: boolean;
  }): editor.MonacoWebWorker<T>;
}

declare module '@asyncapi/parser/browser' {
  import { Parser } from '@asyncapi/parser';
  export default Parser;
}
