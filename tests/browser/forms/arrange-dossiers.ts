import type { CommandName } from '../../../shared/contract/command-names.js';
import type { CommandArgs, CommandResult } from '../../../shared/contract/commands.js';
import type { DossierDetail } from '../../../shared/contract/dossiers.js';
import { suggestedNewAppointment } from '../../../shared/domain/calendar/reschedule.js';
import { SEED_WORK_CALENDAR } from '../../../shared/domain/calendar/seed-calendar.js';
import { addDaysToLocalDate, instantOfLocal } from '../../../shared/domain/calendar/vietnam-time.js';
import { dispatch } from '../../../electron/core/dispatch.js';
import type { DeskCore } from '../../../electron/core/start-core.js';

// Dossiers in every state a form records, made through the real core the web host serves (the same
// session: the supervisor initialised here is the officer the page reads as). All people are fabricated.

export async function call<N extends CommandName>(core: DeskCore, name: N, args: CommandArgs<N>): Promise<CommandResult<N>> {
  const envelope = await dispatch(core.handlers, name, args, { transport: 'in-process' }, { error: () => undefined });
  if (!envelope.ok) throw new Error(`${name} failed: ${envelope.error.code} ${envelope.error.message}`);
  return envelope.value as CommandResult<N>;
}

export const WARD = { unitGsoCode: '06691', unitName: 'Phường Hồng Gai', agencyId: '000.15.20.H49', station: 1 } as const;
export const RECEIVING_OFFICER = 'Lê Thị Thu Hà';

export const APPLICANT = {
  fullName: 'Nguyễn Thị Đức Hạnh',
  idNumber: '022190000123',
  birthDate: '1990-06-05',
  sex: 'female' as const,
  address: 'Tổ 1, Khu 2, Phường Hồng Gai, Thành phố Hạ Long',
  phone: '0912345678',
  email: 'hanh.nguyen@example.com',
};

const OTHER_APPLICANTS = ['Trần Văn Bình', 'Phạm Thị Cúc', 'Hoàng Văn Dũng', 'Vũ Thị Én'] as const;

const BIRTH_PROCEDURE = 'ho-tich.dang-ky-khai-sinh';

const BIRTH_PAPERS = [
  { itemId: 'to-khai', name: 'Tờ khai đăng ký khai sinh (theo mẫu)', form: 'original' as const, count: 1 },
  { itemId: 'giay-chung-sinh', name: 'Giấy chứng sinh', form: 'original' as const, count: 1 },
  { itemId: 'giay-to-tuy-than', name: 'Căn cước công dân của cha, mẹ', form: 'copy' as const, count: 2 },
];

export async function initialiseDesk(core: DeskCore): Promise<void> {
  await call(core, 'setup.initialise', {
    unitGsoCode: WARD.unitGsoCode,
    agencyId: WARD.agencyId,
    station: WARD.station,
    supervisor: { username: 'lethuha', fullName: RECEIVING_OFFICER, password: 'mat-khau-thu-nghiem' },
  });
}

/** Accepted at the desk: the receipt (form 01) applies. The child's mother applies; the child is the owner. */
export function receiveBirthRegistration(core: DeskCore, receivedAt?: string, applicantName: string = APPLICANT.fullName): Promise<DossierDetail> {
  return call(core, 'dossiers.receive', {
    procedureId: BIRTH_PROCEDURE,
    channel: 1,
    applicant: { ...APPLICANT, fullName: applicantName },
    owner: { kind: 'citizen', name: 'Nguyễn Minh An' },
    documents: BIRTH_PAPERS,
    sets: 1,
    ...(receivedAt === undefined ? {} : { receivedAt }),
  });
}

export const SUPPLEMENT = {
  items: ['Giấy chứng sinh (bản chính)', 'Văn bản ủy quyền có chứng thực'],
  reason: 'Hồ sơ thiếu giấy chứng sinh; người nộp không phải cha, mẹ của trẻ.',
};

export function receiveWithSupplementAtIntake(core: DeskCore): Promise<DossierDetail> {
  return call(core, 'dossiers.receive', {
    procedureId: BIRTH_PROCEDURE,
    channel: 1,
    applicant: APPLICANT,
    owner: null,
    documents: BIRTH_PAPERS.slice(0, 1),
    intake: 'supplement_requested',
    supplement: SUPPLEMENT,
  });
}

export const REFUSAL_REASON = 'Việc khai sinh cho trẻ thuộc thẩm quyền của UBND nơi cư trú của cha, mẹ (Phường Bãi Cháy).';

export function refuseAtIntake(core: DeskCore): Promise<DossierDetail> {
  return call(core, 'dossiers.refuse', { procedureId: BIRTH_PROCEDURE, channel: 1, applicant: APPLICANT, reason: REFUSAL_REASON });
}

export const DELAY_REASON = 'Cần xác minh thông tin nơi sinh với cơ sở y tế.';

/**
 * Received, sent for processing, then an apology with a new date two working days after the first.
 * A same-day procedure is due today, so the apology is late: the supervisor (the session) approves it.
 */
export async function receiveAndReschedule(core: DeskCore): Promise<DossierDetail> {
  const received = await receiveBirthRegistration(core);
  const forwarded = await call(core, 'dossiers.forward', { dossierId: received.state.id, to: { kind: 'officer', name: 'Đỗ Văn Hộ Tịch' }, note: '' });
  const hint = forwarded.reschedule;
  if (hint === null) throw new Error('the dossier cannot be rescheduled');
  const later = suggestedNewAppointment(hint.suggestedAt, hint.suggestedAt, SEED_WORK_CALENDAR);
  return call(core, 'dossiers.reschedule', { dossierId: received.state.id, reason: DELAY_REASON, newAppointmentAt: later, approveLate: hint.late });
}

export const FORWARDED_TO = { officer: 'Đỗ Văn Hộ Tịch', agency: 'Phòng Tư pháp Thành phố Hạ Long' } as const;

/** The whole road of form 05: received, forwarded twice, result back, handed back. */
export async function processToHandBack(core: DeskCore): Promise<DossierDetail> {
  const received = await receiveBirthRegistration(core);
  const dossierId = received.state.id;
  await call(core, 'dossiers.forward', { dossierId, to: { kind: 'officer', name: FORWARDED_TO.officer }, note: 'Chuyển cán bộ tư pháp - hộ tịch' });
  await call(core, 'dossiers.forward', { dossierId, to: { kind: 'agency', name: FORWARDED_TO.agency }, note: 'Xin ý kiến' });
  await call(core, 'dossiers.recordResult', { dossierId, summary: 'Giấy khai sinh bản chính số 123/2026', outcome: 'approved' });
  return call(core, 'dossiers.handBack', { dossierId, collector: { kind: 'applicant' } });
}

/**
 * Back-entered dossiers (logged on paper during an outage) on chosen days, so a date range can be
 * checked: `daysAgo` are Vietnam dates counted back from today.
 */
export async function receiveOnDays(core: DeskCore, today: string, daysAgo: readonly number[]): Promise<DossierDetail[]> {
  const received: DossierDetail[] = [];
  for (const [index, days] of daysAgo.entries()) {
    const at = instantOfLocal(addDaysToLocalDate(today, -days), '09:30');
    received.push(await receiveBirthRegistration(core, at, OTHER_APPLICANTS[index % OTHER_APPLICANTS.length]));
  }
  return received;
}
