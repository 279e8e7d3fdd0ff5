// A desk core in its own process, for the TLS tests: NODE_EXTRA_CA_CERTS (whether the desk trusts the
// city's CA) is read once when a process starts, so each trust setting needs a process of its own.
// Started with the environment:
//   DESK_DATA_DIR, CENTRE_URL, ENROLL_CODE, and optionally DESK_STATION, NODE_EXTRA_CA_CERTS, SMALL_SCAN_BYTES
//   (a second scan, small enough to go in one PUT) and the proxy variables (HTTPS_PROXY, NO_PROXY)
// It enrolls; if the centre accepted it, receives one dossier, attaches one scan (over tus, in parts)
// and syncs once. It prints one JSON line with what happened and exits.
import type { Envelope } from '../../../shared/contract/envelope.js';
import { attachScan } from './scans.js';
import { openSyncDesk } from './sync-desk.js';

export interface TlsDeskOutcome {
  enroll: Envelope<unknown>;
  dossierId?: string;
  scanSha256?: string;
  smallScanSha256?: string;
  status?: unknown;
}

/** Larger than the uploader's one-request size (1 MB), so the scan goes as a resumable tus upload. */
const SCAN_BYTES = 1_300_000;

async function main(): Promise<void> {
  const env = (name: string): string => {
    const value = process.env[name];
    if (value === undefined) throw new Error(`${name} is required`);
    return value;
  };
  const desk = await openSyncDesk({ unit: 'hongGai', station: Number(process.env.DESK_STATION ?? '1'), dataDir: env('DESK_DATA_DIR') });
  try {
    const enroll = await desk.raw('sync.enroll', { centreUrl: env('CENTRE_URL'), code: env('ENROLL_CODE'), deviceName: 'Quầy thử nghiệm TLS' });
    const outcome: TlsDeskOutcome = { enroll };
    if (enroll.ok) {
      outcome.dossierId = await desk.receiveDossier();
      outcome.scanSha256 = await attachScan(desk, outcome.dossierId, SCAN_BYTES);
      const small = process.env.SMALL_SCAN_BYTES;
      if (small !== undefined) outcome.smallScanSha256 = await attachScan(desk, outcome.dossierId, Number(small));
      // A round may end before a scan queued mid-round is sent: sync again until nothing waits (or give up).
      let status = await desk.syncNow();
      for (let round = 0; round < 20 && (status.pendingEvents > 0 || (status.pendingScans ?? 0) > 0) && status.lastError === null; round += 1) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        status = await desk.syncNow();
      }
      outcome.status = status;
    } else {
      outcome.status = await desk.call('sync.status', {});
    }
    console.log(JSON.stringify(outcome));
  } finally {
    desk.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
