// The Monaco bundle, loaded on first use (dynamic import) so the app's main chunk stays lean.
// Core editor + contributions (find, suggest, hover, folding ...) without Monaco's 80 languages:
import 'monaco-editor/internal/common/workers.js';
import * as monaco from 'monaco-editor/editor/editor.api.js';
import 'monaco-editor/languages/definitions/yaml/register.js';
import { jsonDefaults } from 'monaco-editor/languages/features/json/register.js';
import { createWebWorker } from 'monaco-editor/internal/common/workers.js';
import { configureMonacoYaml } from 'monaco-yaml';
import { SCHEMAS } from './asyncapi-schemas.ts';
import { installMonacoEnvironment } from './monaco-environment.ts';

installMonacoEnvironment();

/**
 * monaco-yaml 5.5 still calls `monaco.editor.createWebWorker({ moduleId, label, createData })`, the
 * pre-0.55 signature. Monaco 0.57's public `createWebWorker` wants `{ worker }` and, given neither,
 * starts a plain editor worker: no YAML diagnostics, no schema completion. This factory routes the
 * call to Monaco's internal `createWebWorker`, which asks MonacoEnvironment for the worker by label
 * ('yaml') and hands it `createData` (schemas, options) the way monaco-yaml's worker expects.
 */
const monacoForYaml = {
  ...monaco,
  editor: { ...monaco.editor, createWebWorker: (options: Parameters<typeof createWebWorker>[0]) => createWebWorker(options) },
} as unknown as typeof monaco;

configureMonacoYaml(monacoForYaml, {
  enableSchemaRequest: false,
  hover: true,
  completion: true,
  validate: true,
  schemas: SCHEMAS,
});

jsonDefaults.setDiagnosticsOptions({ validate: true, allowComments: false, enableSchemaRequest: false, schemas: SCHEMAS });

monaco.editor.defineTheme('sse-studio-dark', {
  base: 'vs-dark',
  inherit: true,
  // vs-dark's comment green (#608b4e) is under 4.5:1 on our background; a lighter green of the same hue.
  rules: [{ token: 'comment', foreground: '8fbc7a' }],
  colors: { 'editor.background': '#15171c', 'editorGutter.background': '#15171c', 'editor.lineHighlightBackground': '#1c1f26' },
});

export { monaco };
export type Monaco = typeof monaco;
