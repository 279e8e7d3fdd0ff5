import type { CentreBlobStore } from '../blobs/blob-store.js';
import type { EnrollmentService } from '../enrollment/enrollment-service.js';
import type { StaffService } from '../staff/staff-service.js';
import type { CentreStorage } from '../storage/storage.js';

/** What every route module may use. */
export interface CentreDeps {
  storage: CentreStorage;
  blobs: CentreBlobStore;
  enrollment: EnrollmentService;
  staff: StaffService;
  now(): number;
  /** Requests per minute per client address on the public lookup. */
  lookupPerMinute: number;
}
