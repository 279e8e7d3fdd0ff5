// A restored desk core in its own process: it starts on a data folder with a staged restore and reports
// the copy-back of the backup's scans on stdout, one JSON line each, so a test can kill it mid-copy.
// RESTORE_SCAN_PAUSE_MS slows each scan's copy so the kill lands in the middle.
import { startCore } from '../../../../../electron/core/start-core.js';

const dataDir = process.env.RESTORE_DATA_DIR!;
const pauseMs = Number(process.env.RESTORE_SCAN_PAUSE_MS ?? 0);
const core = startCore(
  { appName: 'test', version: '0.0.0-test', dataDir },
  { now: () => Date.parse('2026-11-24T02:00:00Z'), scanRestoreOptions: { beforeScanCopy: () => new Promise((resolve) => setTimeout(resolve, pauseMs)) } },
);
core.events.subscribe((name, payload) => {
  if (name === 'backup.progress') process.stdout.write(`${JSON.stringify(payload)}\n`);
});
