// A desk core in its own process that runs one backup of an existing data folder and reports its
// progress on stdout, one JSON line each, so a test can kill it in the middle of the copy.
import { startCore } from '../../../../../electron/core/start-core.js';

const dataDir = process.env.BACKUP_DATA_DIR!;
const at = Date.parse(process.env.BACKUP_AT!);
const core = startCore({ appName: 'test', version: '0.0.0-test', dataDir }, { now: () => at });
core.events.subscribe((name, payload) => {
  if (name === 'backup.progress') process.stdout.write(`${JSON.stringify(payload)}\n`);
});
core.backup
  .run()
  .then((manifest) => {
    process.stdout.write(`${JSON.stringify({ phase: 'complete', name: manifest.name })}\n`);
    core.close();
  })
  .catch((error: unknown) => {
    process.stderr.write(`backup failed: ${String(error)}\n`);
    process.exit(1);
  });
