import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// One build serves Electron's app:// protocol and the loopback web host alike, both under a strict CSP
// (script-src 'self'; style-src 'self'): relative asset URLs, no inline scripts, styles as files.
export default defineConfig({
  root: import.meta.dirname,
  base: './',
  plugins: [react()],
  // The browser tests' hooks (renderer/app/components/RenderFaultProbe.tsx); the Electron build defines it false.
  define: { __DESK_TEST_HOOKS__: 'true' },
  build: {
    outDir: resolve(import.meta.dirname, '../out/renderer'),
    emptyOutDir: true,
    // Inlined assets would become data: URLs that font-src 'self' refuses; keep every asset a file.
    assetsInlineLimit: 0,
    target: 'es2023',
  },
});
