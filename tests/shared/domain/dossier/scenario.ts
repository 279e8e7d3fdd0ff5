import { formatHlc, receive, tick, type Hlc } from '../../../../shared/domain/clock/hlc.js';
import type {
  AttachmentAddedPayload,
  DossierEvent,
  DossierEventOf,
  DossierEventPayloads,
  DossierEventType,
  DossierReceivedPayload,
  DossierRefusedPayload,
} from '../../../../shared/domain/dossier/events.js';

// Builds fabricated, valid dossier events for tests: deterministic ids, per-device counters and
// HLC stamps that follow causality (each device merges the latest stamp it has "seen").

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
let idCounter = 0;

/** A valid ULID-shaped id, strictly increasing within a test run. */
export function fakeUlid(): string {
  idCounter += 1;
  let n = idCounter;
  let tail = '';
  for (let i = 0; i < 24; i += 1) {
    tail = CROCKFORD[n % 32] + tail;
    n = Math.floor(n / 32);
  }
  return `01${tail}`;
}

export const HOUR = 60 * 60 * 1000;
export const DAY = 24 * HOUR;

export const iso = (ms: number): string => new Date(ms).toISOString();
export const addMs = (instant: string, ms: number): string => iso(Date.parse(instant) + ms);

export const UNIT = { gsoCode: '06691', name: 'Phường Hồng Gai', agencyId: '000.00.06.H49' } as const;
export const PROCEDURE = {
  id: 'proc-khai-sinh',
  code: '1.001193',
  name: 'Đăng ký khai sinh',
  sectorId: 'ho-tich',
  sectorName: 'Hộ tịch',
  limit: { kind: 'working_days', amount: 3 },
  cutoff: null,
} as const;
export const APPLICANT = {
  fullName: 'Trần Thị B',
  idNumber: '022190000123',
  birthDate: '1990-06-05',
  sex: 'female',
  address: 'Tổ 1, Khu 2, Phường Hồng Gai',
  phone: '0912345678',
  email: null,
} as const;

export function receivedPayload(at: string, overrides: Partial<DossierReceivedPayload> = {}): DossierReceivedPayload {
  return {
    code: '000.00.06.H49-250305-1001',
    unit: UNIT,
    procedure: PROCEDURE,
    channel: 1,
    applicant: APPLICANT,
    owner: null,
    documents: [{ itemId: 'to-khai', name: 'Tờ khai đăng ký khai sinh', form: 'original', count: 1 }],
    sets: 1,
    notes: '',
    receivedAt: at,
    appointmentAt: addMs(at, 3 * DAY),
    backEntered: false,
    intake: 'accepted',
    supplement: null,
    ...overrides,
  };
}

export function refusedPayload(at: string, overrides: Partial<DossierRefusedPayload> = {}): DossierRefusedPayload {
  return { unit: UNIT, procedure: PROCEDURE, channel: 1, applicant: APPLICANT, reason: 'Không thuộc thẩm quyền của phường.', refusedAt: at, ...overrides };
}

/** A fabricated attachment: a fresh id, a made-up SHA-256, an intake scan of the declaration by default. */
export function attachmentPayload(overrides: Partial<AttachmentAddedPayload> = {}): AttachmentAddedPayload {
  return {
    attachmentId: fakeUlid(),
    blobSha256: 'ab'.repeat(32),
    fileName: 'to-khai.pdf',
    mediaType: 'application/pdf',
    pages: 2,
    sizeBytes: 123_456,
    kind: 'intake',
    checklistItemId: 'to-khai',
    source: 'scan',
    reusedFromDossierId: null,
    ...overrides,
  };
}

export interface AddOptions {
  deviceId?: string;
  officerId?: string;
  /** The device's clock reading; defaults to the business time. */
  nowMs?: number;
  /** Do not merge the latest stamp first: the device has not seen the other devices' events. */
  concurrent?: boolean;
}

export class DossierScenario {
  readonly dossierId: string;
  readonly events: DossierEvent[] = [];
  private readonly clocks = new Map<string, { hlc: Hlc | null; seq: number }>();
  private latest: Hlc | null = null;

  constructor(dossierId: string = fakeUlid()) {
    this.dossierId = dossierId;
  }

  /** A copy that continues independently: the other branch of a network partition. */
  fork(): DossierScenario {
    const copy = new DossierScenario(this.dossierId);
    copy.events.push(...this.events);
    for (const [device, clock] of this.clocks) copy.clocks.set(device, { ...clock });
    copy.latest = this.latest;
    return copy;
  }

  add<T extends DossierEventType>(type: T, at: string, payload: DossierEventPayloads[T], options: AddOptions = {}): DossierEventOf<T> {
    const deviceId = options.deviceId ?? 'desk-1';
    const clock = this.clocks.get(deviceId) ?? { hlc: null, seq: 0 };
    const nowMs = options.nowMs ?? Date.parse(at);
    let seen = clock.hlc;
    if (!options.concurrent && this.latest !== null) seen = seen === null ? { ...this.latest, node: deviceId } : receive(seen, this.latest, nowMs);
    const stamp = tick(seen, nowMs, deviceId);
    clock.hlc = stamp;
    clock.seq += 1;
    this.clocks.set(deviceId, clock);
    if (this.latest === null || formatHlc(stamp) > formatHlc(this.latest)) this.latest = stamp;
    const event = {
      id: fakeUlid(),
      dossierId: this.dossierId,
      type,
      payload,
      officerId: options.officerId ?? 'officer-1',
      deviceId,
      deviceSeq: clock.seq,
      hlc: formatHlc(stamp),
      occurredAt: at,
    } as DossierEventOf<T>;
    this.events.push(event as DossierEvent);
    return event;
  }
}
