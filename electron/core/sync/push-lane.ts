import { PUSH_MAX_EVENTS } from '../../../shared/sync/protocol.js';
import type { CentreClient } from './centre-client.js';
import type { LaneReport } from './lane-report.js';
import { settledLater } from './settled-later.js';
import type { SyncRepository } from './sync-repository.js';

export interface PushContext {
  repo: SyncRepository;
  /** Events per request (at most the protocol's PUSH_MAX_EVENTS). */
  batch: number;
  now(): number;
  report: LaneReport;
}

/**
 * Push: the oldest waiting events first, a batch at a time, with the next batch on its way while
 * the centre stores the one before (two in flight). Answers are recorded in order; a failure leaves
 * the unrecorded batches waiting, to go again (the centre then reports them as duplicates).
 */
export async function pushAll(client: CentreClient, context: PushContext): Promise<void> {
  const { repo, now } = context;
  const limit = Math.min(context.batch, PUSH_MAX_EVENTS);
  // A dossier whose code was reissued goes first, whole, in one request (sync-repository.ts says why).
  const reissued = repo.reissuedBatch(limit);
  if (reissued !== null) {
    const answer = await client.pushJson(reissued.json);
    repo.recordPushOutcome([...answer.value.stored, ...answer.value.duplicates], answer.value.rejected, new Date(now()).toISOString());
  }
  // Events the centre asked to send again later (their dossier's creation had not reached it, e.g. it
  // was in a batch still on its way) go once more at the end of the round; others wait for the next.
  if ((await pushWaiting(client, context, limit)) > 0) await pushWaiting(client, context, limit);
}

/** One pass over the waiting events; returns how many the centre refused as retryable. */
async function pushWaiting(client: CentreClient, { repo, now, report }: PushContext, limit: number): Promise<number> {
  const total = repo.counts().waitingEvents;
  let done = 0;
  let afterSeq = 0;
  let retryable = 0;
  // If an answer fails, the batch sent after it settles unobserved and simply goes again next time.
  let inFlight: { ids: string[]; answer: ReturnType<CentreClient['pushJson']> } | null = null;
  for (;;) {
    const batch = repo.waitingBatch(afterSeq, limit);
    const sent = batch === null ? null : { ids: batch.ids, answer: settledLater(client.pushJson(batch.json)) };
    if (inFlight !== null) {
      const answer = await inFlight.answer;
      report.noteSkew(answer);
      const { stored, duplicates, rejected } = answer.value;
      retryable += repo.recordPushOutcome([...stored, ...duplicates], rejected, new Date(now()).toISOString());
      done += inFlight.ids.length;
      report.progress({ phase: 'push', done, total });
    }
    inFlight = sent;
    if (batch === null) break;
    afterSeq = batch.lastSeq;
  }
  return retryable;
}
