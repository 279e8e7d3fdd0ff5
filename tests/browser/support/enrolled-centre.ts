import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dispatch } from '../../../electron/core/dispatch.js';
import type { DeskCore } from '../../../electron/core/start-core.js';
import { createCentre } from '../../../server/centre-app.js';
import { SqliteStorage } from '../../../server/storage/sqlite-storage.js';

// A real centre on loopback (Fastify on a fresh SQLite folder) that the web host's desk enrolls with
// through its own command, as an administrator's code and the sync settings would: for the screens and
// papers that depend on the desk's enrollment (form 01's QR code opens this centre's status page).

export interface EnrolledCentre {
  url: string;
  close(): Promise<void>;
}

/** `now`: the desk's clock, so the centre agrees with it on the time. */
export async function enrollWithCentre(core: DeskCore, desk: { unitGsoCode: string; station: number }, now: () => number): Promise<EnrolledCentre> {
  const dataDir = await mkdtemp(join(tmpdir(), 'centre-for-desk-'));
  const storage = new SqliteStorage(join(dataDir, 'centre.sqlite'));
  await mkdir(join(dataDir, 'blobs', 'uploads'), { recursive: true });
  const { app, deps } = await createCentre({ storage, blobDir: join(dataDir, 'blobs'), now, logger: false });
  const close = async () => {
    await app.close();
    await storage.close();
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const url = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    const { code } = await deps.enrollment.issueCode({ ...desk, createdBy: 'test' });
    const enrolled = await dispatch(core.handlers, 'sync.enroll', { centreUrl: url, code, deviceName: `Quầy ${desk.station}` }, { transport: 'in-process' }, { error: () => undefined });
    if (!enrolled.ok) throw new Error(`sync.enroll failed: ${enrolled.error.code} ${enrolled.error.message}`);
    return { url, close };
  } catch (error) {
    await close();
    throw error;
  }
}
