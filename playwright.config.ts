import { defineConfig } from '@playwright/test';

// Browsers cannot be downloaded here: the browser project drives Debian's Chromium (TOOLCHAIN.md).
// CHROMIUM_PATH lets a developer on another system point at their own Chromium.
const chromiumLaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};

export default defineConfig({
  outputDir: 'test-results',
  // Two cores are shared with other work: keep the suite light.
  workers: 2,
  forbidOnly: Boolean(process.env.CI),
  reporter: 'list',
  // Assertions wait for what the page shows; on a loaded two-core CI machine 5 s (the default) is
  // sometimes short for a round trip through the core and a centre. A wrong page still fails.
  expect: { timeout: 10_000 },
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      // The renderer in Chromium, served by the real web host with the real core and a fresh SQLite file.
      name: 'browser',
      testDir: 'tests/browser',
      use: {
        browserName: 'chromium',
        launchOptions: chromiumLaunchOptions,
        locale: 'vi-VN',
        viewport: { width: 1280, height: 800 },
      },
    },
    {
      // A real Electron window; its spec launches Electron itself, and skips where no binary can start.
      name: 'electron',
      testDir: 'tests/electron-window',
    },
  ],
});
