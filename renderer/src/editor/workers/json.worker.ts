// Monaco's JSON language service (schema validation, completion, hover for .json documents).
import 'monaco-editor/languages/features/json/json.worker.js';
