// JSON schemas of the dashboard's routes (the centre refuses a route without one). Queries are plain
// strings, checked by dashboard-params.ts so a bad date gets a Vietnamese sentence rather than ajv's
// English; answers are the shapes of dashboard-types.ts, closed (no extra keys ever leave the centre).

type Schema = Record<string, unknown>;

const str: Schema = { type: 'string' };
const int: Schema = { type: 'integer' };
const num: Schema = { type: 'number' };
const nullable = (type: 'string' | 'number' | 'integer'): Schema => ({ type: [type, 'null'] });
const array = (items: Schema): Schema => ({ type: 'array', items });

/** A closed object whose every property is required. */
export const obj = (properties: Record<string, Schema>): Schema => ({
  type: 'object',
  properties,
  required: Object.keys(properties),
  additionalProperties: false,
});

/** A query of optional short strings (dates, codes): parsing and messages are the handler's. */
export const query = (...names: string[]): Schema => ({
  type: 'object',
  properties: Object.fromEntries(names.map((name) => [name, { type: 'string', maxLength: 40 }])),
  additionalProperties: false,
});

const period = obj({ from: str, to: str });
const unit = { gsoCode: str, name: str, unitId: str, former: { type: 'boolean' }, foldedUnder: nullable('string'), note: nullable('string') };
const countBy: Schema = { type: 'string', enum: ['received', 'present'] };

const dailyTally = obj({
  receivedByChannel: obj({ inPerson: int, online: int, postal: int }),
  resultsReady: int,
  handedBack: int,
  withdrawn: int,
  supplementsRequested: int,
  feesVnd: int,
  overdue: int,
  dueWithin24h: int,
  ratings: obj({ very_satisfied: int, satisfied: int, not_satisfied: int, not_rated: int }),
});

export const tallyViewSchema = obj({
  day: str,
  asOf: str,
  units: array(obj({ ...unit, tally: dailyTally, desks: int })),
  total: dailyTally,
});

const bieu06Row = obj({
  sectorId: str,
  sectorName: str,
  received: obj({ total: int, online: int, directOrPostal: int, carriedOver: int }),
  settled: obj({ total: int, early: int, onTime: int, late: int }),
  pending: obj({ total: int, withinTime: int, overdue: int }),
});

export const bieu06ViewSchema = obj({
  period,
  countBy,
  unit: { anyOf: [obj(unit), { type: 'null' }] },
  form: obj({ period, rows: array(bieu06Row), total: bieu06Row }),
  units: array(obj({ ...unit, row: bieu06Row })),
  unitsTotal: bieu06Row,
  problems: array(str),
});

const onlineShareLine = obj({ ...unit, online: int, directOrPostal: int, share: nullable('number'), belowTarget: { type: 'boolean' } });

export const onlineShareViewSchema = obj({ period, countBy, target: num, units: array(onlineShareLine), total: onlineShareLine });

const satisfactionLine = obj({
  key: str,
  label: str,
  counts: obj({ ratings: int, verySatisfied: int, satisfied: int, notSatisfied: int, declined: int }),
  rates: obj({ verySatisfied: nullable('number'), satisfied: nullable('number'), notSatisfied: nullable('number') }),
});

export const satisfactionViewSchema = obj({ period, countBy, unitLines: array(obj(unit)), units: array(satisfactionLine), total: satisfactionLine });

export const overdueViewSchema = obj({
  asOf: str,
  total: int,
  truncated: { type: 'boolean' },
  rows: array(
    obj({
      code: nullable('string'),
      unitGsoCode: str,
      unitName: str,
      procedureName: str,
      sectorName: str,
      appointmentAt: str,
      status: int,
      statusLabel: str,
      overdueFor: str,
    }),
  ),
});

// One desk as the desks page and the fleet page both list it.
const deskLine = {
  deviceId: str,
  name: str,
  unitGsoCode: str,
  unitName: str,
  station: int,
  enrolledAt: str,
  revokedAt: nullable('string'),
  lastSyncAt: nullable('string'),
  state: { type: 'string', enum: ['ok', 'stale', 'never', 'revoked'] },
};

export const desksViewSchema = obj({
  asOf: str,
  staleAfterHours: int,
  desks: array(obj(deskLine)),
  unitsWithoutDesk: array(obj(unit)),
});

export const fleetViewSchema = obj({
  asOf: str,
  staleAfterDays: int,
  newestVersion: nullable('string'),
  unit: nullable('string'),
  desks: array(
    obj({
      ...deskLine,
      appVersion: nullable('string'),
      reportedAt: nullable('string'),
      clockOffsetMs: nullable('integer'),
      eventsWaiting: nullable('integer'),
      scansWaiting: nullable('integer'),
      lastError: nullable('string'),
      crashCount: int,
      stale: { type: 'boolean' },
      outdated: { type: 'boolean' },
    }),
  ),
  crashes: array(obj({ deviceId: str, deskName: str, unitName: str, id: str, occurredAt: str, kind: str, where: str, message: str, appVersion: str, os: str })),
});

export const overviewViewSchema = obj({
  generatedAt: str,
  tally: tallyViewSchema,
  bieu06: bieu06ViewSchema,
  onlineShare: onlineShareViewSchema,
  satisfaction: satisfactionViewSchema,
  overdue: overdueViewSchema,
  desks: desksViewSchema,
});

/** A route that answers with a file or a page: the body is bytes or text, not JSON. */
export const fileResponse = (description: string): Schema => ({ 200: { description, type: 'string' } });
