import type { DossierEvent } from '../../../shared/domain/dossier/events.js';
import { CITY_WIDE_SCOPE, type CentreStorage } from '../../../server/storage/storage.js';
import { appendEntries } from '../../../server/sync/append-entries.js';
import { FakeDevice, HONG_GAI_UNIT } from '../support/fabricate-events.js';
import { prepared } from './storage-suite.js';

// Many writers push at once while a reader pulls in a loop with its cursor, as a desk would. Each
// writer stalls a random moment inside its transaction, so commits finish out of start order. The
// reader's final set must equal everything committed: a row skipped because it committed after a
// higher-numbered one was read would be lost to that desk forever.

export interface ConcurrencyReport {
  committed: number;
  readerSaw: number;
  duplicatesSeen: number;
  missing: string[];
  pulls: number;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function concurrentWritersAndReader(
  storage: CentreStorage,
  options: { writers: number; batchesPerWriter: number; eventsPerBatch: number },
): Promise<ConcurrencyReport> {
  const committed = new Set<string>();
  const seen: string[] = [];
  let done = false;
  let pulls = 0;

  const reader = (async () => {
    let after = 0;
    for (;;) {
      const finished = done;
      const page = await storage.pull([HONG_GAI_UNIT.gsoCode, CITY_WIDE_SCOPE], after, 200, null);
      pulls += 1;
      for (const row of page) seen.push((JSON.parse(row.body) as { id: string }).id);
      if (page.length > 0) after = page.at(-1)!.seq;
      // One more pass after the writers finished, so the last commits are read too.
      if (finished && page.length === 0) return;
      if (page.length === 0) await pause(1);
    }
  })();

  const writers = Array.from({ length: options.writers }, async (_, w) => {
    const device = new FakeDevice(`desk-${w}`, HONG_GAI_UNIT);
    for (let b = 0; b < options.batchesPerWriter; b += 1) {
      const events: DossierEvent[] = device.dossier(options.eventsPerBatch - 1);
      await storage.transaction(async (tx) => {
        // Hold the transaction open a random while before appending, so commit order shuffles.
        await pause(Math.random() * 8);
        const outcome = await appendEntries(tx, { deviceId: device.deviceId, unitGso: HONG_GAI_UNIT.gsoCode }, prepared(events), [], new Date().toISOString());
        await pause(Math.random() * 4);
        return outcome;
      });
      for (const e of events) committed.add(e.id);
    }
  });
  await Promise.all(writers);
  done = true;
  await reader;

  const seenSet = new Set(seen);
  return {
    committed: committed.size,
    readerSaw: seenSet.size,
    duplicatesSeen: seen.length - seenSet.size,
    missing: [...committed].filter((id) => !seenSet.has(id)),
    pulls,
  };
}
