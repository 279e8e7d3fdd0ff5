import type { DossierEvent } from '../../shared/domain/dossier/events.js';
import { foldDossier } from '../../shared/domain/dossier/fold.js';
import type { DashboardProjectionTx } from './dashboard-store.js';
import { dashboardRowOf, type DashboardDossierRow } from './dossier-facts.js';

// The dashboard's projection is rewritten, for every dossier a transaction touches, from the fold of
// ALL the events the log holds for it — never patched — so it equals a rebuild whatever order events
// arrived in (desks push late, the centre's own events interleave). Dossiers have tens of events, so
// refolding them is cheap next to the write itself.

/** Bump when the fold or the facts change meaning: the centre then rebuilds the projection at start. */
// 2: a dossier turned back at the counter is received on its return, not when form 02 was issued.
// 3: rows keep the procedure's id instead of the desk's unit, sector and procedure names (schema step 6).
export const DASHBOARD_PROJECTION_VERSION = 3;

export interface ProjectionInput {
  /** The dossiers to project. */
  dossierIds: readonly string[];
  /**
   * Dossiers this transaction created (its insert, not another's, made their row): the log can hold
   * no other event of theirs, so they are folded from `events` alone and have nothing to clear.
   */
  created?: ReadonlySet<string>;
  /** Events this transaction stored, already parsed: not read back nor parsed again. */
  events?: readonly { event: DossierEvent; body: string }[];
}

export async function projectDossiers(tx: DashboardProjectionTx, input: ProjectionInput): Promise<void> {
  const { dossierIds } = input;
  if (dossierIds.length === 0) return;
  const created = input.created ?? new Set<string>();
  const inHand = new Map<string, DossierEvent[]>();
  const parsed = new Map<string, DossierEvent>();
  for (const { event, body } of input.events ?? []) {
    parsed.set(body, event);
    const list = inHand.get(event.dossierId);
    if (list === undefined) inHand.set(event.dossierId, [event]);
    else list.push(event);
  }

  const known = dossierIds.filter((id) => !created.has(id));
  const bodies = await tx.eventBodiesOf(known);
  const rows: DashboardDossierRow[] = [];
  for (const id of dossierIds) {
    const events = created.has(id) ? (inHand.get(id) ?? []) : (bodies.get(id) ?? []).map((body) => parsed.get(body) ?? (JSON.parse(body) as DossierEvent));
    const state = foldDossier(events);
    const row = state === null ? null : dashboardRowOf(state);
    if (row !== null) rows.push(row);
  }
  await tx.replaceDashboardRows(known, rows);
}
