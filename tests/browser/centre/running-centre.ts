import { test as base } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCentre } from '../../../server/centre-app.js';
import { HA_LONG_UNITS } from '../../../shared/domain/catalogue/seed/ha-long-units.js';
import { EnrollmentService } from '../../../server/enrollment/enrollment-service.js';
import { CentreCatalogue } from '../../../server/catalogue/centre-catalogue.js';
import { StaffService } from '../../../server/staff/staff-service.js';
import { SqliteStorage } from '../../../server/storage/sqlite-storage.js';
import type { CentreStorage } from '../../../server/storage/storage.js';
import { enrollDesk } from '../../server/dashboard/support/enroll.js';
import { appendCityHistory, cityHistory, deskIdOf } from '../../server/dashboard/support/city-history.js';

// A real centre for the browser: the Fastify app on a fresh SQLite folder, listening on loopback, on a
// fixed clock (Wednesday 25/11/2026 10:00 in Hạ Long), seeded through the real append path with a
// fabricated city — 28 of the 33 units with a desk, three months of dossiers — and the desks' last
// syncs spread so that two are stale (Hà Tu, Hồng Gai); a second desk of Hồng Gai was enrolled and never synced.

export const CENTRE_NOW = Date.parse('2026-11-25T03:00:00Z');
export const STAFF = { username: 'giamdoc.trungtam', password: 'mat-khau-trung-tam-2026' };

/** Units left without a desk (their lines must show zeros). */
export const UNITS_WITHOUT_DESK = ['06658', '06661', '06682', '07057', '07063'];

export interface RunningCentre {
  url: string;
  storage: CentreStorage;
}

export const test = base.extend<{ centre: RunningCentre }>({
  // The page agrees with the centre on the time (nothing on the dashboard may read the machine's clock).
  page: async ({ page }, use) => {
    await page.clock.install({ time: CENTRE_NOW });
    await use(page);
  },
  // eslint-disable-next-line no-empty-pattern
  centre: async ({}, use) => {
    const dataDir = await mkdtemp(join(tmpdir(), 'centre-dashboard-'));
    const storage = new SqliteStorage(join(dataDir, 'centre.sqlite'));
    const now = () => CENTRE_NOW;
    try {
      await new StaffService(storage, now).create({ ...STAFF, role: 'admin' });
      const units = HA_LONG_UNITS.map((u) => u.gsoCode).filter((code) => !UNITS_WITHOUT_DESK.includes(code));
      const enrollment = new EnrollmentService(storage, now, new CentreCatalogue(storage));
      for (const code of units) await enrollDesk(enrollment, code, deskIdOf(code));
      await appendCityHistory(storage, cityHistory({ units, perUnitPerDay: 3, fromDay: '2026-09-01', lastMs: CENTRE_NOW, seed: 2026 }), {
        recordedAt: new Date(CENTRE_NOW).toISOString(),
      });
      // Most desks synced within the hour; two went quiet days ago; a second desk enrolled at Hồng Gai never synced.
      for (const [i, code] of units.entries()) {
        const ago = code === '06664' ? 3 * 86_400_000 : code === '06691' ? 30 * 3_600_000 : (i % 6) * 7 * 60_000;
        await storage.dashboard.noteDeviceSync(deskIdOf(code), new Date(CENTRE_NOW - ago).toISOString());
      }
      await enrollDesk(enrollment, '06691', 'desk-06691-2', 2);
      const { app } = await createCentre({ storage, blobDir: join(dataDir, 'blobs'), now, logger: false });
      await app.listen({ port: 0, host: '127.0.0.1' });
      try {
        await use({ url: `http://127.0.0.1:${(app.server.address() as { port: number }).port}`, storage });
      } finally {
        await app.close();
      }
    } finally {
      await storage.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  },
});

export { expect } from '@playwright/test';
