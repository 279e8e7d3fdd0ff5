import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../support/temp-dir.js';
import { prepareCentre, startCentre, type CentreProcess } from './support/centre-process.js';
import { FaultProxy } from './support/fault-proxy.js';
import { centreLog, deskEvents, duplicatesOf, expectedIdsFor, type CentreRow } from './support/inspect.js';
import { attachScan, sha256Of } from './support/scans.js';
import { StaffClient } from './support/staff-client.js';
import { enrollDesk, openSyncDesk, UNITS, type SyncDesk } from './support/sync-desk.js';

// Desks sync through a proxy that drops 30% of requests, cuts some mid-body, answers some with 502
// and stalls others, while they keep receiving dossiers and the centre records results. Every replica
// converges to exactly what it may see: nothing lost, nothing doubled, scans intact.

const FAULTS = { drop: 0.3, cut: 0.1, badGateway: 0.1, stall: 0.05 };

describe('sync through a faulty network', () => {
  const centreDir = makeTempDir('centre-');
  let centre: CentreProcess;
  let proxy: FaultProxy;
  let desks: SyncDesk[] = [];

  beforeAll(async () => {
    const codes = await prepareCentre(centreDir.path, [
      { unitGsoCode: UNITS.hongGai.unitGsoCode, station: 1 },
      { unitGsoCode: UNITS.hongGai.unitGsoCode, station: 2 },
      { unitGsoCode: UNITS.haKhanh.unitGsoCode, station: 1 },
    ]);
    centre = await startCentre({ dataDir: centreDir.path });
    proxy = await new FaultProxy({ upstreamPort: centre.port, cutAfterBytes: [100, 60_000], stallMs: 8_000 }).listen();
    const syncOptions = { requestTimeoutMs: 2_500, stallTimeoutMs: 2_500 };
    desks = await Promise.all([
      openSyncDesk({ unit: 'hongGai', station: 1, syncOptions }),
      openSyncDesk({ unit: 'hongGai', station: 2, syncOptions }),
      openSyncDesk({ unit: 'haKhanh', station: 1, syncOptions }),
    ]);
    // Enrollment happens once, at the counter, on a working line.
    for (const [i, desk] of desks.entries()) await enrollDesk(desk, proxy.url, codes[i]!);
  });

  afterAll(async () => {
    for (const desk of desks) desk.dispose();
    await proxy?.close();
    await centre?.stop();
    centreDir.remove();
  });

  function unitOf(desk: SyncDesk): string {
    return UNITS[desk.unit].unitGsoCode;
  }

  function converged(log: readonly CentreRow[]): boolean {
    return desks.every((desk) => {
      const held = new Set(deskEvents(desk).map((r) => r.id));
      const expected = expectedIdsFor(desk, unitOf(desk), log);
      const allPushed = deskEvents(desk).every((r) => r.origin === 'remote' || r.pushedAt !== null);
      return allPushed && held.size === expected.size && [...expected].every((id) => held.has(id));
    });
  }

  it('every replica converges, with nothing lost or doubled', async () => {
    proxy.setRates(FAULTS);
    const staff = await StaffClient.signIn(centre.url);
    const scans: string[] = [];
    const made: string[] = [];
    const actedOn = new Set<string>();

    // Work goes on while the network misbehaves; each desk syncs after every change (errors expected).
    for (let round = 0; round < 6; round += 1) {
      await Promise.all(
        desks.map(async (desk, i) => {
          const id = await desk.receiveDossier();
          made.push(id);
          await desk.call('dossiers.addNote', { dossierId: id, text: `Vòng ${round}` });
          if (round === 1 && i < 2) scans.push(await attachScan(desk, id, 3 * 1024 * 1024 + i));
          await desk.syncNow();
        }),
      );
      // Centre staff ask for a supplement on each dossier the centre already has (straight to the centre).
      const known = new Set(centreLog(centreDir.path).map((r) => r.dossierId));
      for (const id of made.filter((d) => known.has(d) && !actedOn.has(d))) {
        await staff.record(id, { type: 'supplement.requested', items: ['Bản sao sổ hộ khẩu'], reason: 'Thiếu giấy tờ' });
        actedOn.add(id);
      }
    }

    // Keep syncing, still on the faulty line, until every replica holds exactly what it may see.
    let rounds = 0;
    for (; rounds < 80; rounds += 1) {
      await Promise.all(desks.map((desk) => desk.syncNow()));
      const statuses = await Promise.all(desks.map((desk) => desk.call('sync.status', {})));
      if (statuses.every((s) => s.pendingEvents === 0 && s.pendingScans === 0) && converged(centreLog(centreDir.path))) break;
    }
    console.info('fault proxy:', JSON.stringify(proxy.counters), `— converged after ${rounds + 1} more rounds; centre acted on ${actedOn.size} dossiers`);
    expect(rounds).toBeLessThan(80);
    expect(actedOn.size).toBeGreaterThan(3);
    expect(proxy.counters.dropped + proxy.counters.cut + proxy.counters.badGateway + proxy.counters.stalled).toBeGreaterThan(10);

    const log = centreLog(centreDir.path);
    expect(duplicatesOf(log, (r) => r.id)).toEqual([]);
    // Every desk's counters are all at the centre, 1..n with no gap.
    for (const desk of desks) {
      const seqs = log.filter((r) => r.deviceId === desk.deviceId).map((r) => r.deviceSeq!).sort((a, b) => a - b);
      const local = deskEvents(desk).filter((r) => r.origin === 'local');
      expect(seqs).toEqual(Array.from({ length: local.length }, (_, i) => i + 1));
      expect(duplicatesOf(deskEvents(desk), (r) => r.id)).toEqual([]);
    }
    // Dossiers folded the same on the two Hồng Gai desks.
    for (const id of made) {
      const [one, two] = await Promise.all([desks[0]!.raw('dossiers.get', { id }), desks[1]!.raw('dossiers.get', { id })]);
      expect(one.ok).toBe(two.ok);
      if (one.ok && two.ok) expect(one.value).toMatchObject({ state: (two.value as { state: unknown }).state });
    }
    // The scans arrived whole, once.
    for (const sha of scans) {
      const stored = readFileSync(join(centreDir.path, 'blobs', 'sha256', sha.slice(0, 2), sha));
      expect(sha256Of(stored)).toBe(sha);
    }
  });
});
