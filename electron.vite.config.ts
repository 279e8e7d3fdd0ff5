// electron-vite builds the three bundles into out/: main (ES module), preload (CommonJS, because the
// window is sandboxed) and the renderer. `npm run build:web` builds the same renderer with
// renderer/vite.config.ts for the web host; keep the renderer options below in step with it.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// electron-vite bundles this file before loading it and rewrites import.meta.url (not import.meta.dirname).
const root = fileURLToPath(new URL('.', import.meta.url));
const at = (path: string): string => resolve(root, path);

export default defineConfig({
  main: {
    build: {
      outDir: at('out/main'),
      // package.json dependencies (better-sqlite3 and its native .node file, zod, …) stay in node_modules.
      externalizeDeps: true,
      // core-entry: the desk core's own process (utilityProcess.fork), beside main's index.js; its Electron entry.
      rolldownOptions: { input: { index: at('electron/main/index.ts'), 'core-entry': at('electron/main/core-utility-entry.ts') } },
    },
  },
  preload: {
    build: {
      outDir: at('out/preload'),
      // A sandboxed preload can require only 'electron': everything else is bundled in.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: at('electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: at('renderer'),
    base: './',
    plugins: [react()],
    // No test hooks in the app (RenderFaultProbe.tsx): the branch that reads this is removed from the bundle.
    define: { __DESK_TEST_HOOKS__: 'false' },
    build: {
      outDir: at('out/renderer'),
      emptyOutDir: true,
      // Inlined assets would become data: URLs that font-src 'self' refuses; keep every asset a file.
      assetsInlineLimit: 0,
      target: 'es2023',
      rolldownOptions: { input: { index: at('renderer/index.html') } },
    },
  },
});
