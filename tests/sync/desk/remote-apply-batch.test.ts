import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DossierEvent } from '../../../shared/domain/dossier/events.js';
import type { PullEntry } from '../../../shared/sync/protocol.js';
import { CalendarRepository } from '../../../electron/core/calendar/calendar-repository.js';
import { ProjectionRepository } from '../../../electron/core/dossiers/projection-repository.js';
import { RemoteApplier } from '../../../electron/core/sync/remote-apply.js';
import { SyncRepository } from '../../../electron/core/sync/sync-repository.js';
import { snapshotDatabase as snapshot } from '../../support/database-snapshot.js';
import { FakeDevice, HONG_GAI_UNIT } from '../../server/support/fabricate-events.js';
import { openSyncDesk, type SyncDesk } from '../support/sync-desk.js';

// A pulled page is applied in one transaction, each touched dossier folded once for the page. These
// tests hold that batch path to the one-event-at-a-time path and to a rebuild from the log, and check
// that a failure part-way through a page leaves neither events nor the cursor behind.

const entries = (events: readonly DossierEvent[]): PullEntry[] => events.map((event) => ({ kind: 'event', event }));

/** Every table a fold writes (the desk's own projections and the reports'), not the log or sync state. */
const PROJECTIONS = {
  only: [
    'dossiers',
    'dossier_day_facts',
    'dossier_documents',
    'dossier_handovers',
    'dossier_ratings',
    'dossier_attachments',
    'dossier_search',
    'report_bieu06',
    'report_waits',
    'report_ratings',
    'report_log_book',
  ],
};

function applierOf(desk: SyncDesk): { applier: RemoteApplier; sync: SyncRepository } {
  const sync = new SyncRepository(desk.core.db);
  return { applier: new RemoteApplier(desk.core.db, { deviceId: desk.deviceId, now: Date.now, calendar: new CalendarRepository(desk.core.db), sync }), sync };
}

/**
 * Three peers' work on five dossiers, interleaved as the centre's sequence would interleave it: one
 * dossier touched many times, another forwarded then noted, one withdrawn, and a note from a peer
 * whose clock is behind (it sorts before events that arrived earlier).
 */
function interleavedWork(): DossierEvent[] {
  const a = new FakeDevice('desk-a', HONG_GAI_UNIT);
  const b = new FakeDevice('desk-b', HONG_GAI_UNIT, Date.parse('2026-11-23T02:00:30Z'));
  const late = new FakeDevice('desk-late', HONG_GAI_UNIT, Date.parse('2026-11-23T01:00:00Z'));
  // Receipts all from one desk (its serial makes the dossier codes); the others act on them.
  const busy = a.receive();
  const forwarded = a.receive();
  const withdrawn = a.receive();
  const quiet = a.receive();
  const events: DossierEvent[] = [busy, forwarded, withdrawn, quiet];
  for (let i = 0; i < 12; i += 1) events.push((i % 2 === 0 ? a : b).note(busy.dossierId, `Ghi chú ${i + 1}`));
  events.push(b.forward(forwarded.dossierId), a.note(forwarded.dossierId, 'Sau khi chuyển'), a.withdraw(withdrawn.dossierId));
  events.push(late.note(busy.dossierId, 'Ghi chú đến muộn, giờ máy chậm'));
  const other = a.dossier(3);
  return [...events, ...other];
}

describe('a pulled page, folded once per dossier', () => {
  let batch: SyncDesk;
  let oneByOne: SyncDesk;

  beforeEach(async () => {
    batch = await openSyncDesk({ unit: 'hongGai', station: 1 });
    oneByOne = await openSyncDesk({ unit: 'hongGai', station: 2 });
  });
  afterEach(() => {
    batch.dispose();
    oneByOne.dispose();
  });

  it('gives the projections of applying the events one by one, and of a rebuild', async () => {
    const work = interleavedWork();
    // One page holding everything, and the same events one page each.
    const { applier, sync } = applierOf(batch);
    const applied = applier.apply(entries(work), String(work.length));
    expect(applied.newEvents).toBe(work.length);
    expect(new Set(applied.touchedDossiers).size).toBe(applied.touchedDossiers.length);
    expect(sync.state('pull.cursor')).toBe(String(work.length));

    const single = applierOf(oneByOne).applier;
    work.forEach((event, i) => single.apply(entries([event]), String(i + 1)));

    const batched = snapshot(batch.core.db, PROJECTIONS);
    expect(batched).toEqual(snapshot(oneByOne.core.db, PROJECTIONS));
    expect(batched.dossiers).toHaveLength(5);
    const busy = await batch.call('dossiers.get', { id: work[0]!.dossierId });
    expect(busy.state.eventCount).toBe(14);
    expect(busy.history[0]!.deviceId).toBe('desk-late');

    await batch.call('dossiers.rebuild', {});
    expect(snapshot(batch.core.db, PROJECTIONS)).toEqual(batched);
  });

  it('split over pages in any cut, and with pages seen twice, ends in the same state', async () => {
    const work = interleavedWork();
    const { applier } = applierOf(batch);
    applier.apply(entries(work), String(work.length));
    const whole = snapshot(batch.core.db, PROJECTIONS);

    const { applier: paged, sync } = applierOf(oneByOne);
    const cuts = [0, 3, 4, 11, 17, 18, work.length];
    for (let i = 1; i < cuts.length; i += 1) {
      const page = entries(work.slice(cuts[i - 1], cuts[i]));
      paged.apply(page, String(cuts[i]));
      // After a crash before the answer was recorded, the same page comes again: nothing changes.
      expect(paged.apply(page, String(cuts[i])).newEvents).toBe(0);
    }
    expect(snapshot(oneByOne.core.db, PROJECTIONS)).toEqual(whole);
    expect(sync.state('pull.cursor')).toBe(String(work.length));
    expect((oneByOne.core.db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n).toBe(work.length);
  });

  it('a failure while folding part-way through a page leaves no event, no projection and no cursor behind; the page then applies whole', async () => {
    const work = interleavedWork();
    const { applier, sync } = applierOf(batch);
    applier.apply(entries(work.slice(0, 4)), '4');
    const before = snapshot(batch.core.db);

    // The third dossier's projection write fails (a full disk, a bug): events are inserted by then.
    const write = ProjectionRepository.prototype.write;
    let calls = 0;
    const failing = vi.spyOn(ProjectionRepository.prototype, 'write').mockImplementation(function (this: ProjectionRepository, state) {
      calls += 1;
      if (calls === 3) throw new Error('disk I/O error');
      write.call(this, state);
    });
    expect(() => applier.apply(entries(work.slice(4)), String(work.length))).toThrow('disk I/O error');
    failing.mockRestore();
    expect(calls).toBe(3);
    expect(snapshot(batch.core.db)).toEqual(before);
    expect(sync.state('pull.cursor')).toBe('4');

    // The agent pulls from the old cursor again: the page applies whole, as if nothing had happened.
    expect(applier.apply(entries(work.slice(4)), String(work.length)).newEvents).toBe(work.length - 4);
    const { applier: clean } = applierOf(oneByOne);
    clean.apply(entries(work), String(work.length));
    expect(snapshot(batch.core.db, PROJECTIONS)).toEqual(snapshot(oneByOne.core.db, PROJECTIONS));
    expect(sync.state('pull.cursor')).toBe(String(work.length));
  });
});
