// Where the QR code on form 01 sends the citizen: the centre's public status lookup (DESIGN.md, "The
// centre"). A constant until the centre exists; then it becomes a desk setting synced from the centre.
export const LOOKUP_BASE_URL = 'https://motcua.halong.example/v1/lookup/';

/** The status-lookup address of a dossier code, e.g. 'https://…/v1/lookup/000.15.20.H49-261123-1001'. */
export function lookupUrlOf(code: string, base: string = LOOKUP_BASE_URL): string {
  const withSlash = base.endsWith('/') ? base : `${base}/`;
  return `${withSlash}${encodeURIComponent(code)}`;
}
