import type { SyncStatus } from '../../../../shared/contract/events.js';
import { isEncryptedOrLoopbackCentreUrl } from '../../../../shared/sync/centre-url.js';
import { lookupPagePath } from '../../../../shared/sync/protocol.js';

// Where the QR code on form 01 sends the citizen: the public status page of the centre this desk is
// enrolled with (DESIGN.md, "The centre"). A desk with no such centre prints no QR code: a code holding
// only the dossier code would open nothing on a citizen's phone, and the Code 128 barcode beside it
// already gives the desk's own scanner the code.

/**
 * The centre whose status page will know this desk's dossiers, or null: not enrolled, revoked (its
 * dossiers no longer reach the centre), or an address sync refuses to use (http:// to another machine).
 */
export function lookupCentreOf(status: SyncStatus): string | null {
  const { centreUrl, revoked } = status;
  if (centreUrl === undefined || centreUrl === null || revoked === true) return null;
  return isEncryptedOrLoopbackCentreUrl(centreUrl) ? centreUrl : null;
}

/** The status page of a dossier, e.g. 'https://motcua.halong.gov.vn/tra-cuu/000.15.20.H49-261123-1001'. */
export function lookupUrlOf(code: string, centreUrl: string): string {
  // Resolved like the sync client's own paths (from the centre's root), so both reach the same server.
  return new URL(lookupPagePath(code), centreUrl.trim()).toString();
}
