import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PROCEDURES } from '../../../shared/domain/catalogue/seed/procedures.js';
import { CATALOGUE_UNITS } from '../../../shared/domain/catalogue/seed/units.js';
import type { Unit } from '../../../shared/domain/catalogue/unit.js';
import type { PulledEntry } from '../../../shared/sync/protocol.js';
import { parsePullEntry } from '../../../shared/sync/schemas.js';
import { CalendarRepository } from '../../../electron/core/calendar/calendar-repository.js';
import { RemoteApplier } from '../../../electron/core/sync/remote-apply.js';
import { SyncRepository } from '../../../electron/core/sync/sync-repository.js';
import { FakeDevice, HONG_GAI_UNIT } from '../../server/support/fabricate-events.js';
import { openSyncDesk, type SyncDesk } from '../support/sync-desk.js';

// A desk trusts no unit change it pulls: one it cannot read (a bad GSO code, an unbounded name) or one
// that conflicts with its catalogue (another unit's agency identifier, a successor it lacks) is left
// out with its reason for the sync status — and the page's other reference changes and events apply.

const unit = (id: string): Unit => CATALOGUE_UNITS.find((u) => u.id === id)!;
const HA_TU = unit('quang-ninh-2025-phuong-ha-tu');
const HONG_GAI_2025 = unit('quang-ninh-2025-phuong-hong-gai');

/** The page as the centre's JSON would carry it, read as the desk reads it. */
const page = (raw: unknown[]): PulledEntry[] =>
  raw.map((entry) => {
    const parsed = parsePullEntry(JSON.parse(JSON.stringify(entry)));
    if (parsed === null) throw new Error('the page would have stalled');
    return parsed;
  });

describe('a pulled unit change the desk cannot accept', () => {
  let desk: SyncDesk;
  let applier: RemoteApplier;
  let sync: SyncRepository;

  beforeEach(async () => {
    desk = await openSyncDesk({ unit: 'hongGai', station: 1 });
    sync = new SyncRepository(desk.core.db);
    applier = new RemoteApplier(desk.core.db, { deviceId: desk.deviceId, now: () => Date.parse('2026-11-25T02:00:00Z'), calendar: new CalendarRepository(desk.core.db), sync });
  });
  afterEach(() => desk.dispose());

  it('is refused with a named cause; the other changes and the events of the page apply', async () => {
    const peer = new FakeDevice('desk-peer', HONG_GAI_UNIT);
    const [received] = peer.dossier(1);
    const renamed = { ...PROCEDURES[0]!, name: 'Thủ tục đã đổi tên', version: 2 };
    const corrected: Unit = { ...HA_TU, name: 'Phường Hà Tu (đã hiệu đính)' };
    const applied = applier.apply(
      page([
        { kind: 'reference', reference: { type: 'catalogue.unit', record: { ...HA_TU, gsoCode: '6652', name: 'x'.repeat(500) } } },
        { kind: 'reference', reference: { type: 'catalogue.unit', record: { ...HONG_GAI_2025, agencyId: HA_TU.agencyId } } },
        { kind: 'reference', reference: { type: 'catalogue.unit', record: { ...HONG_GAI_2025, validTo: '2027-01-01', successorIds: ['khong-co'] } } },
        { kind: 'reference', reference: { type: 'catalogue.procedure', record: renamed } },
        { kind: 'event', event: received },
        { kind: 'reference', reference: { type: 'catalogue.unit', record: corrected } },
      ]),
      '6',
    );
    expect(applied).toMatchObject({ newEvents: 1, references: 2 });
    expect(sync.state('pull.cursor')).toBe('6');
    const units = await desk.call('catalogue.units', {});
    expect(units.find((u) => u.id === HA_TU.id)).toEqual(corrected);
    expect(units.find((u) => u.id === HONG_GAI_2025.id)).toEqual(HONG_GAI_2025);
    expect((await desk.call('catalogue.procedures', {})).procedures.find((p) => p.id === renamed.id)?.name).toBe('Thủ tục đã đổi tên');
    expect((await desk.call('dossiers.get', { id: received!.dossierId })).state.status).toBeGreaterThan(0);

    const warning = (await desk.call('sync.status', {})).catalogueWarning ?? '';
    expect(warning).toContain(`Thay đổi danh mục đơn vị "${HA_TU.id}" không hợp lệ — gsoCode: Mã đơn vị hành chính (GSO) phải gồm đúng 5 chữ số.`);
    expect(warning).toContain(`"${HONG_GAI_2025.id}" không hợp lệ — Mã định danh cơ quan ${HA_TU.agencyId} đã là của Phường Hà Tu`);
    expect(warning).toContain('Đơn vị kế thừa "khong-co" không có trong danh mục.');
  });
});
