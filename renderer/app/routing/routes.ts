// The app's screens as hash routes, so that Electron's app:// page and the web host's page route alike
// (no server involvement) and Back/Forward work. Paths are Vietnamese, as the officers read them.
//   #/ho-so                         work list          #/tiep-nhan                 intake
//   #/ho-so/<id>                    dossier            #/ho-so/<id>/tra-ket-qua    hand-back and rating
//   #/in/<form>/<id>, #/in/06?…     print view (the forms feature parses its own parameters)
//   #/bao-cao                       reports (supervisors)   #/thong-tin            about the app
//   #/dong-bo                       settings: sync, the desk's unit and station (supervisors)
//   #/lich-lam-viec                 working calendar (supervisors)
//   #/can-bo                        officers' accounts (supervisors)

export type Route =
  | { name: 'worklist' }
  | { name: 'intake' }
  | { name: 'dossier'; dossierId: string }
  | { name: 'handback'; dossierId: string }
  | { name: 'print' }
  | { name: 'reports' }
  | { name: 'syncSettings' }
  | { name: 'calendar' }
  | { name: 'officers' }
  | { name: 'about' };

const DOSSIER = /^\/ho-so\/([0-7][0-9A-HJKMNP-TV-Z]{25})(\/tra-ket-qua)?\/?$/u;

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '').split('?')[0] ?? '';
  if (path === '/tiep-nhan') return { name: 'intake' };
  if (path === '/bao-cao') return { name: 'reports' };
  if (path === '/thong-tin') return { name: 'about' };
  if (path === '/dong-bo') return { name: 'syncSettings' };
  if (path === '/lich-lam-viec') return { name: 'calendar' };
  if (path === '/can-bo') return { name: 'officers' };
  if (path.startsWith('/in/')) return { name: 'print' };
  const dossier = DOSSIER.exec(path);
  if (dossier) return dossier[2] ? { name: 'handback', dossierId: dossier[1]! } : { name: 'dossier', dossierId: dossier[1]! };
  return { name: 'worklist' };
}

export function routeHash(route: Route): string {
  switch (route.name) {
    case 'worklist':
      return '#/ho-so';
    case 'intake':
      return '#/tiep-nhan';
    case 'dossier':
      return `#/ho-so/${route.dossierId}`;
    case 'handback':
      return `#/ho-so/${route.dossierId}/tra-ket-qua`;
    case 'reports':
      return '#/bao-cao';
    case 'about':
      return '#/thong-tin';
    case 'syncSettings':
      return '#/dong-bo';
    case 'calendar':
      return '#/lich-lam-viec';
    case 'officers':
      return '#/can-bo';
    case 'print':
      return '#/in/';
  }
}

/** The print view of a form of one dossier, as the forms feature reads it. */
export function printHash(form: '01' | '02' | '03' | '04' | '05', dossierId: string): string {
  return `#/in/${form}/${encodeURIComponent(dossierId)}`;
}
