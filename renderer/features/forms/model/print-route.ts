import { isFormNumber, type FormNumber } from './form-labels.js';

// The print view's address in the app's hash routes: `#/in/<form>/<dossierId>` for forms 01–05 and
// `#/in/06?from=yyyy-MM-dd&to=yyyy-MM-dd` for the log book ("in" is Vietnamese for print).

export interface PrintRoute {
  form: FormNumber;
  dossierId?: string;
  from?: string;
  to?: string;
}

const ROUTE = /^#\/in\/(\d{2})(?:\/([^/?#]+))?\/?(?:\?(.*))?$/u;

/** The print route a location hash names, or null when it names another screen. */
export function parsePrintRoute(hash: string): PrintRoute | null {
  const match = ROUTE.exec(hash);
  if (match === null) return null;
  const [, form = '', dossierId, query = ''] = match;
  if (!isFormNumber(form)) return null;
  const params = new URLSearchParams(query);
  const route: PrintRoute = { form };
  if (dossierId !== undefined) route.dossierId = decodeURIComponent(dossierId);
  const from = params.get('from');
  const to = params.get('to');
  if (from) route.from = from;
  if (to) route.to = to;
  return route;
}

/** The hash of a print route, for links and buttons elsewhere in the app ("In giấy tiếp nhận"). */
export function printRouteHash(route: PrintRoute): string {
  if (route.form === '06') {
    const params = new URLSearchParams();
    if (route.from) params.set('from', route.from);
    if (route.to) params.set('to', route.to);
    const query = params.toString();
    return `#/in/06${query ? `?${query}` : ''}`;
  }
  return `#/in/${route.form}/${encodeURIComponent(route.dossierId ?? '')}`;
}
