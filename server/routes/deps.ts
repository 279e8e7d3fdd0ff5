import type { CentreBlobStore } from '../blobs/blob-store.js';
import type { CentreCatalogue } from '../catalogue/centre-catalogue.js';
import type { EnrollmentService } from '../enrollment/enrollment-service.js';
import type { StaffService } from '../staff/staff-service.js';
import type { CentreStorage } from '../storage/storage.js';

/**
 * Points where a test may act inside the centre. Never set in production: the only one is wired by
 * cli.ts from an environment variable named for tests (server/README.md, "Tests and benchmark").
 */
export interface CentreTestHooks {
  /** A tus upload's last byte is on disk; it is not yet adopted nor recorded (the kill test dies here). */
  uploadWritten?: () => void;
}

/** What every route module may use. */
export interface CentreDeps {
  storage: CentreStorage;
  blobs: CentreBlobStore;
  enrollment: EnrollmentService;
  staff: StaffService;
  /** Names shown city-wide, by id (seed + published procedures). */
  catalogue: CentreCatalogue;
  now(): number;
  /** Requests per minute per client address on the public lookup. */
  lookupPerMinute: number;
  testHooks: CentreTestHooks;
}
