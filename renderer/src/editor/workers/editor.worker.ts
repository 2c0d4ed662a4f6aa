// Monaco's base worker (diffs, links, word completion), bundled by Vite: nothing is fetched.
import 'monaco-editor/editor/editor.worker.js';
