import type { DossierDetail } from '../../../../shared/contract/dossiers.js';
import { openTestDesk, SAMPLE_APPLICANT, type TestDesk } from '../../../support/desk-fixture.js';
import { requiredPapers } from '../../../support/required-papers.js';

// A real desk core (SQLite file, test clock) for the forms' tests: the details they format are the
// ones the core really returns, not hand-made look-alikes.

export const SUPERVISOR_NAME = 'Trần Văn Giám Sát';
/** Monday 23/11/2026, 09:00 in Hạ Long. */
export const MONDAY_MORNING = '2026-11-23T02:00:00Z';
/** Đăng ký thường trú: 7 working days. */
export const RESIDENCE = 'cu-tru.dang-ky-thuong-tru';

export function openDesk(at: string = MONDAY_MORNING): Promise<TestDesk> {
  return openTestDesk({ at });
}

export function receive(desk: TestDesk, options: { receivedAt?: string; fullName?: string } = {}): Promise<DossierDetail> {
  return desk.call('dossiers.receive', {
    procedureId: RESIDENCE,
    channel: 1,
    applicant: { ...SAMPLE_APPLICANT, fullName: options.fullName ?? SAMPLE_APPLICANT.fullName },
    owner: null,
    documents: requiredPapers(RESIDENCE),
    sets: 1,
    ...(options.receivedAt === undefined ? {} : { receivedAt: options.receivedAt }),
  });
}
