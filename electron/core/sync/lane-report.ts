import type { SyncProgress } from '../../../shared/contract/events.js';
import type { Timed } from './centre-client.js';

/** What a push or pull tells the round as answers arrive: the centre's clock, and how far it has come. */
export interface LaneReport {
  noteSkew(answer: Timed<unknown>): void;
  progress(progress: SyncProgress): void;
}
