// Reads the fuses sealed into a built Electron binary and compares them with what the installer config
// asks for (build/electron-builder.config.cjs, `electronFuses`): a desk whose binary could be turned back
// into a Node runtime or debugged from the command line must not be shipped. Used by the release
// workflow (.github/workflows/desktop-release.yml); tested with a fabricated fuse wire (tests/build).
//   node scripts/check-fuses.mjs <path to the built executable>
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
// A CommonJS package (a dependency of electron-builder) whose enums ESM cannot import by name.
const { FuseV1Options, getCurrentFuseWire } = require('@electron/fuses');
// A fuse's byte on the wire ('0' off, '1' on, 'r' removed), as the package's own FuseState (not exported).
const FuseState = { DISABLE: 0x30, ENABLE: 0x31, REMOVED: 0x72, 0x30: 'DISABLE', 0x31: 'ENABLE', 0x72: 'REMOVED' };

/** The config's camelCase names → the wire's positions. */
const POSITION = {
  runAsNode: FuseV1Options.RunAsNode,
  enableCookieEncryption: FuseV1Options.EnableCookieEncryption,
  enableNodeOptionsEnvironmentVariable: FuseV1Options.EnableNodeOptionsEnvironmentVariable,
  enableNodeCliInspectArguments: FuseV1Options.EnableNodeCliInspectArguments,
  enableEmbeddedAsarIntegrityValidation: FuseV1Options.EnableEmbeddedAsarIntegrityValidation,
  onlyLoadAppFromAsar: FuseV1Options.OnlyLoadAppFromAsar,
  loadBrowserProcessSpecificV8Snapshot: FuseV1Options.LoadBrowserProcessSpecificV8Snapshot,
  grantFileProtocolExtraPrivileges: FuseV1Options.GrantFileProtocolExtraPrivileges,
};

const executable = process.argv[2];
if (!executable) {
  process.stderr.write('usage: node scripts/check-fuses.mjs <built Electron executable>\n');
  process.exit(2);
}
const wanted = require('../build/electron-builder.config.cjs').electronFuses;
let wire;
try {
  wire = await getCurrentFuseWire(executable);
} catch (error) {
  process.stderr.write(`Cannot read the fuses of ${executable}: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
const problems = [];
for (const [name, enabled] of Object.entries(wanted)) {
  const position = POSITION[name];
  if (position === undefined) {
    problems.push(`${name}: unknown to this check (add it to POSITION)`);
    continue;
  }
  const state = wire[position];
  const expected = enabled ? FuseState.ENABLE : FuseState.DISABLE;
  if (state !== expected) problems.push(`${name}: wanted ${enabled ? 'on' : 'off'}, the binary has ${FuseState[state] ?? String(state)}`);
}
if (problems.length > 0) {
  process.stderr.write(`Fuses of ${executable} differ from build/electron-builder.config.cjs:\n  ${problems.join('\n  ')}\n`);
  process.exit(1);
}
process.stdout.write(`Fuses of ${executable} as configured (${Object.keys(wanted).length} checked).\n`);
