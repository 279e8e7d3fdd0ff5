import { describe, expect, it } from 'vitest';
import { PROCEDURES } from '../../../shared/domain/catalogue/seed/procedures.js';
import { parsePullEntry, pullEntrySchema } from '../../../shared/sync/schemas.js';
import { FakeDevice, HONG_GAI_UNIT } from '../../server/support/fabricate-events.js';

// The desk checks each pulled entry with parsePullEntry (cheaper than the union schema on the hot
// path); it must accept exactly what pullEntrySchema accepts, and give the same value.

const peer = new FakeDevice('desk-peer', HONG_GAI_UNIT);
const [received, note] = peer.dossier(1) as [ReturnType<FakeDevice['receive']>, ReturnType<FakeDevice['note']>];
const event = { kind: 'event', event: received };
const reference = { kind: 'reference', reference: { type: 'catalogue.procedure', record: PROCEDURES[0] } };
const calendar = { kind: 'reference', reference: { type: 'calendar.year', record: { year: 2027, holidays: [{ date: '2027-01-01', name: 'Tết Dương lịch' }], makeUpDays: [] } } };

const candidates: [string, unknown][] = [
  ['an event', event],
  ['a note', { kind: 'event', event: note }],
  ['a procedure change', reference],
  ['a calendar year', calendar],
  ['null', null],
  ['an array', [event]],
  ['a string', 'event'],
  ['no kind', { event: received }],
  ['an unknown kind', { kind: 'dossier', event: received }],
  ['an event under the reference key', { kind: 'reference', event: received }],
  ['a reference under the event key', { kind: 'event', reference: reference.reference }],
  ['an extra key', { ...event, extra: 1 }],
  ['both bodies', { kind: 'event', event: received, reference: reference.reference }],
  ['an event with an extra field', { kind: 'event', event: { ...received, extra: true } }],
  ['an event with a broken clock stamp', { kind: 'event', event: { ...received, hlc: 'yesterday' } }],
  ['an event with a bad payload', { kind: 'event', event: { ...note, payload: { text: 42 } } }],
  ['an event of an unknown type', { kind: 'event', event: { ...note, type: 'dossier.teleported' } }],
  ['a calendar holiday outside its year', { kind: 'reference', reference: { type: 'calendar.year', record: { year: 2027, holidays: [{ date: '2026-01-01', name: 'x' }], makeUpDays: [] } } }],
  ['an inherited body', Object.assign(Object.create({ event: received }) as object, { kind: 'event', other: 1 })],
];

describe('parsePullEntry', () => {
  it.each(candidates)('agrees with pullEntrySchema on %s', (_name, raw) => {
    const reference = pullEntrySchema.safeParse(raw);
    const parsed = parsePullEntry(raw);
    if (reference.success) expect(parsed).toEqual(reference.data);
    else expect(parsed).toBeNull();
  });

  it('accepts the valid ones (the cases above are not all refusals)', () => {
    expect(candidates.filter(([, raw]) => parsePullEntry(raw) !== null).map(([name]) => name)).toEqual(['an event', 'a note', 'a procedure change', 'a calendar year']);
  });
});
