import { monotonicFactory } from 'ulid';
import { formatHlc } from '../../../shared/domain/clock/hlc.js';
import { vietnamDateKey } from '../../../shared/domain/dossier-code/vietnam-date.js';
import type { DossierEvent, DossierEventOf, ProcedureSnapshot, UnitSnapshot } from '../../../shared/domain/dossier/events.js';

// Fabricated, schema-valid dossier events for the centre's tests (no real person: the ID numbers are
// synthetic). A `FakeDevice` issues contiguous counters and increasing clock stamps like a real desk.

export const HONG_GAI_UNIT: UnitSnapshot = { gsoCode: '06691', name: 'Phường Hồng Gai', agencyId: '000.15.20.H49' };
export const HA_KHANH_UNIT: UnitSnapshot = { gsoCode: '06649', name: 'Phường Hà Khánh', agencyId: '000.01.20.H49' };

const PROCEDURE: ProcedureSnapshot = {
  id: 'ho-tich.dang-ky-khai-sinh',
  code: '1.001193',
  name: 'Đăng ký khai sinh',
  sectorId: 'ho-tich',
  sectorName: 'Hộ tịch',
  limit: { kind: 'working_days', amount: 1 },
  cutoff: '15:00',
};

const ulid = monotonicFactory();

/**
 * Codes already fabricated, per agency and day: each code once, dated the Vietnam day of its receipt (the
 * centre refuses another date), serials from station 1's block (1001–1999) and on into the next blocks.
 */
const codesIssued = new Map<string, number>();
function nextCode(agencyId: string, receivedAt: string): string {
  const dateKey = vietnamDateKey(receivedAt);
  const key = `${agencyId}-${dateKey}`;
  const n = codesIssued.get(key) ?? 0;
  codesIssued.set(key, n + 1);
  return `${key}-${1001 + n + Math.floor(n / 999)}`;
}

export class FakeDevice {
  private seq = 0;
  private wallMs: number;

  constructor(
    readonly deviceId: string,
    readonly unit: UnitSnapshot,
    startMs = Date.parse('2026-11-23T02:00:00Z'),
  ) {
    this.wallMs = startMs;
  }

  /** The envelope of the next event: counter +1, clock +1 s. */
  private next(dossierId: string) {
    this.seq += 1;
    this.wallMs += 1000;
    const occurredAt = new Date(this.wallMs).toISOString();
    return {
      id: ulid(this.wallMs),
      dossierId,
      officerId: `officer-${this.deviceId}`,
      deviceId: this.deviceId,
      deviceSeq: this.seq,
      hlc: formatHlc({ wallMs: this.wallMs, counter: 0, node: this.deviceId }),
      occurredAt,
    };
  }

  receive(options: { unit?: UnitSnapshot; fullName?: string; idNumber?: string } = {}): DossierEventOf<'dossier.received'> {
    const envelope = this.next(ulid(this.wallMs + 1000));
    const code = nextCode((options.unit ?? this.unit).agencyId, envelope.occurredAt);
    return {
      ...envelope,
      type: 'dossier.received',
      payload: {
        code,
        unit: options.unit ?? this.unit,
        procedure: PROCEDURE,
        channel: 1,
        applicant: {
          fullName: options.fullName ?? 'Nguyễn Thị Thử Nghiệm',
          idNumber: options.idNumber ?? '022190000123',
          birthDate: '1990-06-05',
          sex: 'female',
          address: 'Tổ 1, Khu 2',
          phone: '0912345678',
          email: null,
        },
        owner: null,
        documents: [{ itemId: 'to-khai', name: 'Tờ khai', form: 'original', count: 1 }],
        sets: 1,
        notes: '',
        receivedAt: envelope.occurredAt,
        appointmentAt: new Date(this.wallMs + 86_400_000).toISOString(),
        backEntered: false,
        intake: 'accepted',
        supplement: null,
      },
    };
  }

  /** Form 02 at the counter: not received, so no code — unless written as events were before that rule. */
  turnBack(options: { code?: string } = {}): DossierEventOf<'dossier.received'> {
    const event = this.receive();
    const supplement = { items: ['Giấy chứng sinh'], reason: 'Thiếu giấy chứng sinh' };
    return { ...event, payload: { ...event.payload, code: options.code ?? null, appointmentAt: null, intake: 'supplement_requested', supplement } };
  }

  /** The citizen brings the papers asked for; a dossier turned back at the counter gets its code now. */
  receiveSupplement(dossierId: string, code?: string): DossierEventOf<'supplement.received'> {
    const envelope = this.next(dossierId);
    const payload = { receivedAt: envelope.occurredAt, newAppointmentAt: new Date(this.wallMs + 86_400_000).toISOString() };
    return { ...envelope, type: 'supplement.received', payload: code === undefined ? payload : { ...payload, code } };
  }

  /** Lets time pass on this device's clock. */
  wait(hours: number): void {
    this.wallMs += hours * 3_600_000;
  }

  note(dossierId: string, text = 'Ghi chú thử nghiệm'): DossierEventOf<'note.added'> {
    return { ...this.next(dossierId), type: 'note.added', payload: { text } };
  }

  forward(dossierId: string): DossierEventOf<'dossier.forwarded'> {
    const envelope = this.next(dossierId);
    return { ...envelope, type: 'dossier.forwarded', payload: { to: { kind: 'agency', name: 'Công chức tư pháp' }, note: '', forwardedAt: envelope.occurredAt } };
  }

  withdraw(dossierId: string): DossierEventOf<'dossier.withdrawn'> {
    const envelope = this.next(dossierId);
    return { ...envelope, type: 'dossier.withdrawn', payload: { reason: 'Công dân rút hồ sơ', withdrawnAt: envelope.occurredAt } };
  }

  /** A dossier with `notes` more events after its creation. */
  dossier(notes: number): DossierEvent[] {
    const created = this.receive();
    return [created, ...Array.from({ length: notes }, (_, i) => this.note(created.dossierId, `Ghi chú ${i + 1}`))];
  }
}
