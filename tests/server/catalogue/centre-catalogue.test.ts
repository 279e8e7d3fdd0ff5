import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { CentreCatalogue, UNCATALOGUED_PROCEDURE_NAME, UNCATALOGUED_SECTOR } from '../../../server/catalogue/centre-catalogue.js';
import { PostgresStorage } from '../../../server/storage/postgres-storage.js';
import { SqliteStorage } from '../../../server/storage/sqlite-storage.js';
import type { CentreStorage } from '../../../server/storage/storage.js';
import { publishReference } from '../../../server/sync/reference-service.js';
import type { Procedure } from '../../../shared/domain/catalogue/procedure.js';
import { PROCEDURES } from '../../../shared/domain/catalogue/seed/procedures.js';
import { makeTempDir } from '../../support/temp-dir.js';

// The centre's catalogue: the seed overlaid with what administrators published, read back from the
// database, so two centre processes on one database (two catalogues, each with its own memory) name a
// procedure alike — the one that did not publish it included.

const NOW = Date.parse('2026-11-25T03:00:00Z');
const KHAI_SINH = PROCEDURES.find((p) => p.id === 'ho-tich.dang-ky-khai-sinh')!;

const newProcedure: Procedure = {
  ...KHAI_SINH,
  id: 'ho-tich.thu-tuc-moi',
  code: 'HL.HT.901',
  name: 'Thủ tục mới do trung tâm công bố',
  sectorId: 'linh-vuc-moi',
  version: 1,
};

/** Two handles on one database: what two centre processes hold. */
type OpenTwo = () => Promise<{ first: CentreStorage; second: CentreStorage; close(): Promise<void> }>;

function defineCatalogueSuite(openTwo: OpenTwo): void {
  it('names a GSO code by the unit that held it on the date asked: a new unit may reuse a former one', async () => {
    const { first, close } = await openTwo();
    try {
      const catalogue = new CentreCatalogue(first);
      // 06652 was Hà Phong's until 30/6/2025, Hà Tu's (the new ward) from 1/7/2025; 06685 Trần Hưng Đạo's, then Hồng Gai's.
      expect([catalogue.unitName('06652', '2025-06-30'), catalogue.unitName('06652', '2025-07-01')]).toEqual(['Phường Hà Phong', 'Phường Hà Tu']);
      expect([catalogue.unitName('06685', '2025-03-10'), catalogue.unitName('06685', '2026-11-25')]).toEqual(['Phường Trần Hưng Đạo', 'Phường Hồng Gai']);
      // A code no unit holds today (a former unit's desk not yet moved) names the last unit that held it.
      expect(catalogue.unitName('06691', '2026-11-25')).toBe('Phường Hồng Gai');
      expect(catalogue.unitName('06664', '2026-11-25')).toBe('Phường Hà Tu');
    } finally {
      await close();
    }
  });

  it('names seed procedures, sectors and units by id, and gives a neutral label to what it does not know', async () => {
    const { first, close } = await openTwo();
    try {
      const catalogue = new CentreCatalogue(first);
      await catalogue.refresh();
      expect(catalogue.procedureName(KHAI_SINH.id)).toBe('Đăng ký khai sinh');
      expect(catalogue.sectorName(catalogue.sectorIdOf(KHAI_SINH.id))).toBe('Hộ tịch');
      expect(catalogue.unitName('06691', '2025-03-10')).toBe('Phường Hồng Gai');
      expect(catalogue.unitName('99999', '2026-11-25')).toBe('Đơn vị 99999');
      expect(catalogue.procedureName('khong-co-that')).toBe(UNCATALOGUED_PROCEDURE_NAME);
      expect(catalogue.sectorIdOf('khong-co-that')).toBe(UNCATALOGUED_SECTOR.id);
      expect(catalogue.sectorName(UNCATALOGUED_SECTOR.id)).toBe(UNCATALOGUED_SECTOR.name);
      expect(catalogue.procedure('khong-co-that')).toBeUndefined();
    } finally {
      await close();
    }
  });

  it('a procedure published through one process is known and named by the other, and the latest version wins', async () => {
    const { first, second, close } = await openTwo();
    try {
      const publisher = new CentreCatalogue(first);
      const other = new CentreCatalogue(second);
      await other.refresh();
      expect(other.procedure(newProcedure.id)).toBeUndefined();

      await publishReference(first, { type: 'catalogue.procedure', record: newProcedure }, () => NOW);
      // Not in the other's memory until it reads the log again.
      expect(other.procedure(newProcedure.id)).toBeUndefined();
      await other.refresh();
      expect(other.procedureName(newProcedure.id)).toBe('Thủ tục mới do trung tâm công bố');
      // A sector only a published procedure names is shown by its id (the administrator's word).
      expect(other.sectorName(other.sectorIdOf(newProcedure.id))).toBe('linh-vuc-moi');

      // Renamed twice, and a seed procedure overridden: after a refresh, the last publication is what shows.
      await publishReference(first, { type: 'catalogue.procedure', record: { ...newProcedure, name: 'Tên lần hai', version: 2 } }, () => NOW);
      await publishReference(first, { type: 'catalogue.procedure', record: { ...newProcedure, name: 'Tên lần ba', version: 3 } }, () => NOW);
      await publishReference(first, { type: 'catalogue.procedure', record: { ...KHAI_SINH, name: 'Đăng ký khai sinh (sửa đổi)', version: 2 } }, () => NOW);
      await Promise.all([other.refresh(), other.refresh()]);
      expect(other.procedureName(newProcedure.id)).toBe('Tên lần ba');
      expect(other.procedureName(KHAI_SINH.id)).toBe('Đăng ký khai sinh (sửa đổi)');
      await publisher.refresh();
      expect(publisher.procedureName(newProcedure.id)).toBe('Tên lần ba');

      // A calendar year in the same city-wide stream changes no name.
      await publishReference(first, { type: 'calendar.year', record: { year: 2027, holidays: [], makeUpDays: [] } }, () => NOW);
      await other.refresh();
      expect(other.procedureName(newProcedure.id)).toBe('Tên lần ba');
    } finally {
      await close();
    }
  });
}

describe('the centre catalogue on SQLite', { timeout: 30_000 }, () => {
  defineCatalogueSuite(async () => {
    const dir = makeTempDir('centre-catalogue-');
    const path = join(dir.path, 'centre.sqlite');
    const first = new SqliteStorage(path);
    const second = new SqliteStorage(path);
    return {
      first,
      second,
      async close() {
        await second.close();
        await first.close();
        dir.remove();
      },
    };
  });
});

const url = process.env.DATABASE_URL;
const schemas: string[] = [];

describe.skipIf(url === undefined)('the centre catalogue on PostgreSQL', { timeout: 60_000 }, () => {
  afterAll(async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    for (const schema of schemas) await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.end();
  });

  defineCatalogueSuite(async () => {
    const schema = `t_${randomBytes(6).toString('hex')}`;
    schemas.push(schema);
    const first = await PostgresStorage.open({ connectionString: url!, schema, maxConnections: 4 });
    const second = await PostgresStorage.open({ connectionString: url!, schema, maxConnections: 4 });
    return {
      first,
      second,
      async close() {
        await second.close();
        await first.close();
      },
    };
  });
});
