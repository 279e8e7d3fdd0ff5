import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// The release workflow's fuse check (scripts/check-fuses.mjs) against fabricated executables: bytes
// around a fuse wire laid out as Electron's (the sentinel, the wire's version, its length, one byte per
// fuse). No Electron binary exists here; the wire format is what @electron/fuses reads in a real one.

const ROOT = resolve(import.meta.dirname, '../..');
const SCRIPT = join(ROOT, 'scripts/check-fuses.mjs');
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const ON = 0x31;
const OFF = 0x30;
const wanted = (createRequire(import.meta.url)(join(ROOT, 'build/electron-builder.config.cjs')) as { electronFuses: Record<string, boolean> })
  .electronFuses;
// The wire's order (FuseV1Options); LoadBrowserProcessSpecificV8Snapshot is not configured, left off.
const ORDER = [
  'runAsNode',
  'enableCookieEncryption',
  'enableNodeOptionsEnvironmentVariable',
  'enableNodeCliInspectArguments',
  'enableEmbeddedAsarIntegrityValidation',
  'onlyLoadAppFromAsar',
  'loadBrowserProcessSpecificV8Snapshot',
  'grantFileProtocolExtraPrivileges',
];

const dir = mkdtempSync(join(tmpdir(), 'fuses-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function fakeExecutable(name: string, fuses: Record<string, boolean>): string {
  const wire = ORDER.map((fuse) => (fuses[fuse] ? ON : OFF));
  const bytes = Buffer.concat([Buffer.alloc(4096, 0x90), Buffer.from(SENTINEL, 'ascii'), Buffer.from([1, wire.length, ...wire]), Buffer.alloc(4096, 0x90)]);
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

function check(path: string) {
  return spawnSync(process.execPath, [SCRIPT, path], { cwd: ROOT, encoding: 'utf8' });
}

describe('scripts/check-fuses.mjs', () => {
  it('passes a binary sealed as the installer config asks', () => {
    const result = check(fakeExecutable('sealed', wanted));
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`(${Object.keys(wanted).length} checked)`);
  });

  it('fails a binary that can still run as Node or take the inspector, naming each fuse', () => {
    const result = check(fakeExecutable('open', { ...wanted, runAsNode: true, enableNodeCliInspectArguments: true }));
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('runAsNode: wanted off, the binary has ENABLE');
    expect(result.stderr).toContain('enableNodeCliInspectArguments: wanted off, the binary has ENABLE');
    expect(result.stderr).not.toContain('onlyLoadAppFromAsar');
  });

  it('fails a file that is not an Electron binary, saying so', () => {
    const path = join(dir, 'not-electron');
    writeFileSync(path, Buffer.alloc(1024, 0x41));
    const result = check(path);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Cannot read the fuses');
  });
});
