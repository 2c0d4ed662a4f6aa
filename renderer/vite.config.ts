import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * Builds the renderer into <repo>/dist/renderer. `base: './'` because Electron loads the files from
 * disk (file://), and the web server serves the same files at `/`.
 * `import.meta.dirname` (not node:path/url) keeps this file free of Node imports; Vite fills it in
 * when it bundles the config.
 */

// The CSP <meta> in index.html is for the built app (Electron over file://). The dev server needs an
// inline React Refresh preamble, which that policy rightly blocks, so dev serves the page without it.
const stripCspInDev: Plugin = {
  name: 'sse-studio:strip-csp-in-dev',
  apply: 'serve',
  transformIndexHtml: (html) => html.replace(/\s*<meta http-equiv="Content-Security-Policy"[^>]*>/, ''),
};

// monaco-yaml's worker (through monaco-worker-manager) imports `monaco-editor/esm/vs/...`; monaco-editor
// 0.57's exports map serves `monaco-editor/<path>` from esm/vs/ instead, so that path is aliased to the file.
const monacoEsm = `${import.meta.dirname}/../node_modules/monaco-editor/esm/vs/`;

export default defineConfig({
  root: import.meta.dirname,
  base: './',
  plugins: [react(), stripCspInDev],
  resolve: {
    alias: [{ find: /^monaco-editor\/esm\/vs\//, replacement: monacoEsm }],
  },
  // Module workers: Monaco's and our validation workers split code (the parser loads on demand).
  worker: { format: 'es' },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    // MUI + React in one chunk is ~800 kB minified; it is loaded from disk or 127.0.0.1, not a network.
    // Monaco's core (~2.7 MB) and the AsyncAPI parser (~2.2 MB, in its worker) are bigger, but load
    // only when a Design page opens (dynamic import), never with the app's first screen.
    chunkSizeWarningLimit: 3000,
  },
  server: {
    host: '127.0.0.1',
    // `SSE_STUDIO_HOST=http://127.0.0.1:<ui port> npm run dev:renderer`, then open the dev URL with the
    // printed `#token=...` fragment: calls and events go to the running `sse-studio serve`.
    proxy: process.env.SSE_STUDIO_HOST ? { '/api': { target: process.env.SSE_STUDIO_HOST, changeOrigin: true } } : {},
  },
});
