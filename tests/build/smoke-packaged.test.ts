import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The release workflow's start-up check (scripts/smoke-packaged.mjs), run here against Debian's Chromium
// standing in for the packaged desk (both are Chromium with a remote-debugging port): it must find a
// window by its title, and fail, saying what it saw, when the title is not there.

const ROOT = resolve(import.meta.dirname, '../..');
const SCRIPT = join(ROOT, 'scripts/smoke-packaged.mjs');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const PAGE = `data:text/html;charset=utf-8,${encodeURIComponent('<title>Một cửa Hạ Long</title><h1>Một cửa Hạ Long</h1>')}`;

function smoke(title: string, waitMs = 60_000) {
  const profile = mkdtempSync(join(tmpdir(), 'smoke-chromium-'));
  try {
    return spawnSync(process.execPath, [SCRIPT, CHROMIUM, title, '--headless=new', '--no-first-run', `--user-data-dir=${profile}`, PAGE], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, SMOKE_TIMEOUT_MS: String(waitMs) },
    timeout: 90_000,
  });
  } finally {
    // Chromium's helper processes can outlive the browser by a moment and still write to the profile.
    try {
      rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
    } catch {
      // a few files left in the system's temporary folder; the check above is what matters
    }
  }
}

describe('scripts/smoke-packaged.mjs', { timeout: 120_000 }, () => {
  it('finds the window by its title over CDP and quits the app', () => {
    const result = smoke('Một cửa Hạ Long');
    expect(result.stderr).not.toContain('No window');
    expect(result.stdout).toContain('shows "Một cửa Hạ Long"');
    expect(result.status).toBe(0);
  });

  it('fails, naming what it saw, when no window has the title', () => {
    const result = smoke('Ứng dụng khác', 4_000); // a short wait: the title will not come
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('No window titled "Ứng dụng khác" (seen: ["Một cửa Hạ Long"])');
  });
});
