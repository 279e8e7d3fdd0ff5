import { describe, expect, it } from 'vitest';
import { parseRoute, printHash, routeHash } from '../../../renderer/app/routing/routes.js';

const ID = '01JABCDEFGHJKMNPQRSTVWXYZ0';

describe('hash routes', () => {
  it('reads each screen', () => {
    expect(parseRoute('')).toEqual({ name: 'worklist' });
    expect(parseRoute('#/ho-so')).toEqual({ name: 'worklist' });
    expect(parseRoute('#/tiep-nhan')).toEqual({ name: 'intake' });
    expect(parseRoute(`#/ho-so/${ID}`)).toEqual({ name: 'dossier', dossierId: ID });
    expect(parseRoute(`#/ho-so/${ID}/tra-ket-qua`)).toEqual({ name: 'handback', dossierId: ID });
    expect(parseRoute(`#/in/01/${ID}`)).toEqual({ name: 'print' });
    expect(parseRoute('#/in/06?from=2026-11-01&to=2026-11-30')).toEqual({ name: 'print' });
    expect(parseRoute('#/bao-cao')).toEqual({ name: 'reports' });
    expect(parseRoute('#/thong-tin')).toEqual({ name: 'about' });
    expect(parseRoute('#/dong-bo')).toEqual({ name: 'syncSettings' });
    expect(parseRoute('#/lich-lam-viec')).toEqual({ name: 'calendar' });
  });

  it('falls back to the work list for anything unknown, including a malformed dossier id', () => {
    expect(parseRoute('#/ho-so/not-an-id')).toEqual({ name: 'worklist' });
    expect(parseRoute('#/khac')).toEqual({ name: 'worklist' });
  });

  it('writes the routes it reads', () => {
    for (const route of [{ name: 'intake' }, { name: 'dossier', dossierId: ID }, { name: 'handback', dossierId: ID }, { name: 'about' }, { name: 'syncSettings' }] as const) {
      expect(parseRoute(routeHash(route))).toEqual(route);
    }
    expect(printHash('01', ID)).toBe(`#/in/01/${ID}`);
  });
});
