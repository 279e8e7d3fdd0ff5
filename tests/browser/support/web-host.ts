import { test as base } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readPackageIdentity } from '../../../electron/core/app/package-version.js';
import { startCore, type DeskCore } from '../../../electron/core/start-core.js';
import { createWebHost, listenOnLoopback } from '../../../electron/webhost/server.js';
import { RunningClock } from '../../support/test-now.js';

export interface RunningWebHost {
  /** Where the page is served, e.g. http://127.0.0.1:41234/ */
  url: string;
  token: string;
  dataDir: string;
  /** The real desk core behind the host, for arranging data and pushing events as the core would. */
  core: DeskCore;
  appVersion: string;
  /** The core's clock: DESK_TEST_NOW (or its fixed default) when the test started, running since. */
  clock: RunningClock;
}

const projectRoot = resolve(import.meta.dirname, '../../..');
const rendererDir = join(projectRoot, 'out/renderer');

/**
 * Each test gets its own web host, in this Playwright worker, with a fresh data folder and token:
 * the real core and SQLite file behind the real HTTP server, serving the built renderer.
 *
 * Core and page share one "now" (tests/support/test-now.ts), never the machine's: the core runs on
 * `deskClock`, and the page's clock is installed at the same instant before anything loads (both then
 * run at the real pace), so what a test arranges "today" is today on screen too, on any date and hour.
 */
export const test = base.extend<{ deskClock: RunningClock; webHost: RunningWebHost }>({
  // Playwright reads the fixture's dependencies from the destructuring pattern; this one has none.
  // eslint-disable-next-line no-empty-pattern
  deskClock: async ({}, use) => {
    await use(new RunningClock());
  },
  page: async ({ page, deskClock }, use) => {
    await page.clock.install({ time: deskClock.now() });
    await use(page);
  },
  webHost: async ({ deskClock }, use) => {
    if (!existsSync(join(rendererDir, 'index.html'))) {
      throw new Error('out/renderer/index.html is missing: run `npm run build:web` first (`npm run test:browser` does).');
    }
    const dataDir = await mkdtemp(join(tmpdir(), 'desk-browser-'));
    const token = randomBytes(24).toString('base64url');
    const identity = readPackageIdentity(join(projectRoot, 'package.json'));
    const core = startCore({ ...identity, dataDir }, { now: deskClock.now });
    const server = createWebHost({ handlers: core.handlers, events: core.events, files: core.attachments, rendererDir, token });
    try {
      const port = await listenOnLoopback(server, 0);
      await use({ url: `http://127.0.0.1:${port}/`, token, dataDir, core, appVersion: identity.version, clock: deskClock });
    } finally {
      // The page's event stream stays open: cut it, or close() would wait for it.
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
      core.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  },
});

export { expect } from '@playwright/test';
