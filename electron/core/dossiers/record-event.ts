import { CommandError } from '../../../shared/contract/errors.js';
import { parseDossierEvent } from '../../../shared/domain/dossier/event-schemas.js';
import type { DossierEvent, DossierEventPayloads, DossierEventType } from '../../../shared/domain/dossier/events.js';
import { foldDossier, foldIncrementally, sortsAfter } from '../../../shared/domain/dossier/fold.js';
import { checkEvent } from '../../../shared/domain/dossier/lifecycle.js';
import type { DossierState } from '../../../shared/domain/dossier/state.js';
import type { DeviceClockRepository } from './device-clock-repository.js';
import type { EventLogRepository } from './event-log-repository.js';
import type { ProjectionRepository } from './projection-repository.js';

export interface EventRecorderDeps {
  log: EventLogRepository;
  clock: DeviceClockRepository;
  projections: ProjectionRepository;
  deviceId: string;
  newId(): string;
}

export interface NewEvent<T extends DossierEventType> {
  dossierId: string;
  type: T;
  officerId: string;
  occurredAt: string;
  nowMs: number;
  /** Built from the current state, so payloads can carry facts like the previous appointment. */
  payload(state: DossierState | null): DossierEventPayloads[T];
}

/**
 * Appends one local event and rewrites the dossier's projections. Must run inside a write
 * transaction: the lifecycle check, the counter, the log and the projections commit together or not at all.
 */
export function recordEvent<T extends DossierEventType>(deps: EventRecorderDeps, spec: NewEvent<T>): DossierState {
  const current = foldDossier(deps.log.eventsOf(spec.dossierId));
  const { deviceSeq, hlc } = deps.clock.next(deps.deviceId, spec.nowMs);
  const candidate = {
    id: deps.newId(),
    dossierId: spec.dossierId,
    type: spec.type,
    payload: spec.payload(current),
    officerId: spec.officerId,
    deviceId: deps.deviceId,
    deviceSeq,
    hlc,
    occurredAt: spec.occurredAt,
  };
  const parsed = parseDossierEvent(candidate);
  if (!parsed.ok) throw new CommandError('invalid_argument', `Dữ liệu không hợp lệ — ${parsed.issues.slice(0, 5).join('; ')}`);
  const event: DossierEvent = parsed.event;
  checkEvent(current, event);
  deps.log.append(event, new Date(spec.nowMs).toISOString());
  const next = sortsAfter(current, event) ? foldIncrementally(current, event) : foldDossier(deps.log.eventsOf(spec.dossierId))!;
  deps.projections.write(next);
  return next;
}
