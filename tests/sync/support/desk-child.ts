// A desk core in its own process, for the kill tests: it receives dossiers, attaches scans and syncs
// in the background until the parent SIGKILLs it. Started with the environment:
//   DESK_DATA_DIR, DESK_UNIT (hongGai|haKhanh), DESK_STATION, CENTRE_URL, ENROLL_CODE (first start only)
// It prints one line per dossier ("dossier <id>"), and "scan <id>" after attaching a scan, so the parent
// can kill it mid-work.
import { attachScan } from './scans.js';
import { enrollDesk, openSyncDesk, type UnitKey } from './sync-desk.js';

async function main(): Promise<void> {
  const env = (name: string): string => {
    const value = process.env[name];
    if (value === undefined) throw new Error(`${name} is required`);
    return value;
  };
  const desk = await openSyncDesk({
    unit: env('DESK_UNIT') as UnitKey,
    station: Number(env('DESK_STATION')),
    dataDir: env('DESK_DATA_DIR'),
    syncOptions: { debounceMs: 10, pushBatch: 20, pullLimit: 20, pullLimitMax: 20 },
  });
  const status = await desk.call('sync.status', {});
  if (status.centreUrl === null) await enrollDesk(desk, env('CENTRE_URL'), env('ENROLL_CODE'));
  console.log('ready');
  for (let i = 0; ; i += 1) {
    const id = await desk.receiveDossier();
    await desk.call('dossiers.addNote', { dossierId: id, text: `Ghi chú ${i}` });
    const scanned = i % 4 === 1;
    if (scanned) await attachScan(desk, id, 1_500_000 + i);
    console.log(`dossier ${id}`);
    // The parent may aim a kill at the moment a scan joins the upload queue.
    if (scanned) console.log(`scan ${id}`);
    await new Promise((resolve) => setTimeout(resolve, 15));
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
