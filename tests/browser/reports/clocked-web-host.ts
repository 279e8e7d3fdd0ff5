import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readPackageIdentity } from '../../../electron/core/app/package-version.js';
import { startCore } from '../../../electron/core/start-core.js';
import { createWebHost, listenOnLoopback } from '../../../electron/webhost/server.js';
import { TestClock } from '../../support/desk-fixture.js';
import { testNowMs } from '../../support/test-now.js';
import { test as base, type RunningWebHost } from '../support/web-host.js';

// The web host fixture (support/web-host.ts) with one difference: the core's clock stands still and
// moves only when the test sets it, so a report screen can be shown for a quarter of dossiers that
// happened over weeks, in seconds, with every instant exactly as the story says.

export interface ClockedWebHost extends Omit<RunningWebHost, 'clock'> {
  clock: TestClock;
}

const projectRoot = resolve(import.meta.dirname, '../../..');
const rendererDir = join(projectRoot, 'out/renderer');

export const test = base.extend<{ clockedHost: ClockedWebHost }>({
  // eslint-disable-next-line no-empty-pattern
  clockedHost: async ({}, use) => {
    if (!existsSync(join(rendererDir, 'index.html'))) {
      throw new Error('out/renderer/index.html is missing: run `npm run build:web` first (`npm run test:browser` does).');
    }
    const dataDir = await mkdtemp(join(tmpdir(), 'desk-reports-'));
    const token = randomBytes(24).toString('base64url');
    const identity = readPackageIdentity(join(projectRoot, 'package.json'));
    const clock = new TestClock(testNowMs());
    const core = startCore({ ...identity, dataDir }, { now: clock.now });
    const server = createWebHost({ handlers: core.handlers, events: core.events, rendererDir, token });
    try {
      const port = await listenOnLoopback(server, 0);
      await use({ url: `http://127.0.0.1:${port}/`, token, dataDir, core, appVersion: identity.version, clock });
    } finally {
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
      core.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  },
});

export { expect } from '../support/web-host.js';
