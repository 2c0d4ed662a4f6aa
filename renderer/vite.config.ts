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

export default defineConfig({
  root: import.meta.dirname,
  base: './',
  plugins: [react(), stripCspInDev],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    // MUI + React in one chunk is ~600 kB minified; it is loaded from disk or 127.0.0.1, not a network.
    chunkSizeWarningLimit: 1500,
  },
  server: {
    host: '127.0.0.1',
    // `SSE_STUDIO_HOST=http://127.0.0.1:<ui port> npm run dev:renderer`, then open the dev URL with the
    // printed `#token=...` fragment: calls and events go to the running `sse-studio serve`.
    proxy: process.env.SSE_STUDIO_HOST ? { '/api': { target: process.env.SSE_STUDIO_HOST, changeOrigin: true } } : {},
  },
});
