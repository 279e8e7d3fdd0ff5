import { afterEach, describe, expect, it } from 'vitest';
import type { DossierEvent } from '../../../shared/domain/dossier/events.js';
import { CentreCatalogue } from '../../../server/catalogue/centre-catalogue.js';
import { DashboardService } from '../../../server/dashboard/dashboard-service.js';
import { lookupDossier } from '../../../server/lookup/lookup-service.js';
import type { CentreStorage } from '../../../server/storage/storage.js';
import { appendEntries } from '../../../server/sync/append-entries.js';
import { prepareEvent } from '../../../server/sync/prepare-event.js';
import { FakeDevice, HONG_GAI_UNIT } from '../support/fabricate-events.js';
import { STORAGE_KINDS } from './support/storages.js';

// A dossier turned back at the counter (form 02 instead of form 01) was not received: the city's
// dashboard counts it on the day the citizen brought the papers, and the public lookup finds it by the
// code the desk issued then. Events written before the rule (a code on form 02) are counted the same way.

const NOW_MS = Date.parse('2026-11-25T03:00:00Z'); // Wednesday 25/11/2026 10:00 in Hạ Long
const FORM_02_DAY = '2026-11-23';
const RETURN_DAY = '2026-11-24';

async function push(storage: CentreStorage, desk: FakeDevice, events: readonly DossierEvent[]) {
  const prepared = events.map((e) => {
    const result = prepareEvent(e as unknown as Record<string, unknown>);
    if (!result.ok) throw new Error(result.message);
    return result.prepared;
  });
  return storage.transaction((tx) => appendEntries(tx, { deviceId: desk.deviceId, unitGso: desk.unit.gsoCode }, prepared, [], new Date(NOW_MS).toISOString()));
}

for (const kind of STORAGE_KINDS) {
  describe.skipIf(!kind.available)(`a dossier turned back at the counter, at the centre on ${kind.name}`, () => {
    let storage: CentreStorage | undefined;
    afterEach(async () => {
      if (storage !== undefined) await kind.dispose(storage);
    });

    it('counts in the dashboard from its return, and the lookup finds the code issued then', async () => {
      storage = await kind.open();
      const service = new DashboardService(storage.dashboard, new CentreCatalogue(storage), () => NOW_MS);
      const desk = new FakeDevice('desk-06691-1', HONG_GAI_UNIT); // Monday 23/11 09:00
      const accepted = desk.receive();
      const turnedBack = desk.turnBack();
      const writtenBefore = desk.turnBack({ code: '000.15.20.H49-261123-1003' });
      expect(await push(storage, desk, [accepted, turnedBack, writtenBefore])).toMatchObject({ rejected: [] });
      const inPerson = async (day: string) => (await service.tally(day)).total.receivedByChannel.inPerson;
      expect(await inPerson(FORM_02_DAY)).toBe(1);
      expect((await service.tally(FORM_02_DAY)).total.supplementsRequested).toBe(2);
      expect((await service.bieu06({ from: '2026-11-01', to: '2026-11-30' }, null)).form.total.received.total).toBe(1);

      desk.wait(24); // Tuesday: both citizens bring the papers; the desk issues the first one its code
      const issued = '000.15.20.H49-261124-1001';
      const outcome = await push(storage, desk, [desk.receiveSupplement(turnedBack.dossierId, issued), desk.receiveSupplement(writtenBefore.dossierId)]);
      expect(outcome).toMatchObject({ rejected: [] });
      expect(outcome.stored).toHaveLength(2);

      expect(await inPerson(FORM_02_DAY)).toBe(1);
      expect(await inPerson(RETURN_DAY)).toBe(2);
      const formTwoDay = await service.bieu06({ from: FORM_02_DAY, to: FORM_02_DAY }, null);
      expect(formTwoDay.form.total.received.total).toBe(1);
      const returnDay = await service.bieu06({ from: RETURN_DAY, to: RETURN_DAY }, null);
      expect(returnDay.form.total.received).toMatchObject({ total: 3, directOrPostal: 2, carriedOver: 1 });

      expect(await lookupDossier(storage, new CentreCatalogue(storage), issued.toLowerCase())).toMatchObject({ code: issued, status: 2 });
      expect(await lookupDossier(storage, new CentreCatalogue(storage), '000.15.20.H49-261123-1003')).toMatchObject({ code: '000.15.20.H49-261123-1003', status: 2 });
    });
  });
}
