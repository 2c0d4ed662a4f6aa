// monaco-yaml's language service. It imports `monaco-editor/esm/vs/editor/editor.worker.js`, a path
// monaco-editor 0.57's exports map no longer serves: renderer/vite.config.ts aliases it.
import 'monaco-yaml/yaml.worker.js';
