import { defineConfig } from 'vitest/config';

// One vitest project per layer, so each runs in the environment its code is written for.
export default defineConfig({
  test: {
    // Builds the programs tests start as child processes (the centre, the core's process entries), once
    // per run and only when their sources changed: children run `node` on JavaScript, not tsx.
    globalSetup: ['tests/support/build-entries.global.ts'],
    projects: [
      { test: { name: 'shared', include: ['tests/shared/**/*.test.ts'], environment: 'node' } },
      { test: { name: 'core', include: ['tests/electron/core/**/*.test.ts'], environment: 'node' } },
      { test: { name: 'webhost', include: ['tests/electron/webhost/**/*.test.ts'], environment: 'node' } },
      { test: { name: 'main', include: ['tests/electron/main/**/*.test.ts', 'tests/electron/preload/**/*.test.ts'], environment: 'node' } },
      { test: { name: 'contract', include: ['tests/contract/**/*.test.ts'], environment: 'node' } },
      { test: { name: 'renderer', include: ['tests/renderer/**/*.test.ts', 'tests/renderer/**/*.test.tsx'], environment: 'node' } },
      { test: { name: 'server', include: ['tests/server/**/*.test.ts'], environment: 'node' } },
      // Desk cores against a real centre process on loopback (fault proxy, kills): slow by nature.
      { test: { name: 'sync', include: ['tests/sync/**/*.test.ts'], environment: 'node', testTimeout: 120_000, hookTimeout: 60_000 } },
      { test: { name: 'tooling', include: ['tests/guardrails/**/*.test.ts', 'tests/build/**/*.test.ts'], environment: 'node', testTimeout: 120_000 } },
    ],
  },
});
