import { describe, expect, it } from 'vitest';
import type { AppointmentPreview } from '../../../../shared/contract/dossiers.js';
import { memoryDraftStorage } from '../../../../renderer/features/intake/store/draft-storage.js';
import { EMPTY_DRAFT } from '../../../../renderer/features/intake/store/intake-draft.js';
import { createIntakeStore } from '../../../../renderer/features/intake/store/intake-store.js';
import { acceptedDossier, birthRegistration } from '../../support/dossier-fixtures.js';
import { createScriptedBackend, deferred, fail, ok } from '../../support/scripted-backend.js';

const QR_LINE = '022190000123||Trần Thị B|05061990|Nữ|Tổ 1, Khu 2, Phường Hồng Gai, Thành phố Hạ Long, Quảng Ninh|10052021';
const TODAY = () => new Date('2026-11-23T02:00:00Z');
const PREVIEW: AppointmentPreview = { appointmentAt: '2026-11-23T10:00:00.000Z', limitText: 'Trong ngày', calendarNote: null };

function setup(drafts = memoryDraftStorage()) {
  const backend = createScriptedBackend({
    'dossiers.previewAppointment': () => ok(PREVIEW),
    'dossiers.receive': () => ok(acceptedDossier().detail),
    'dossiers.refuse': () => ok(acceptedDossier().detail),
    'catalogue.procedures': () => ok({ sectors: [{ id: 'ho-tich', name: 'Hộ tịch' }] as never, procedures: [birthRegistration()] }),
  });
  const store = createIntakeStore(backend, { drafts, now: TODAY });
  return { store, backend, drafts };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('intake: the CCCD QR line', () => {
  it('fills ID, name, birth date, sex and address from a scanned line', () => {
    const { store } = setup();
    expect(store.getState().scanCccd(QR_LINE)).toBe(true);
    const { draft, idInput, scanMessage } = store.getState();
    expect(idInput).toBe('022190000123');
    expect(draft.applicant).toMatchObject({
      idNumber: '022190000123',
      fullName: 'Trần Thị B',
      birthDate: '05/06/1990',
      sex: 'female',
      address: 'Tổ 1, Khu 2, Phường Hồng Gai, Thành phố Hạ Long, Quảng Ninh',
    });
    expect(scanMessage).toContain('Trần Thị B');
  });

  it('shows why a bad line was refused and empties the field for a rescan', () => {
    const { store } = setup();
    expect(store.getState().scanCccd('022190000123||Trần Thị B|05061990')).toBe(false);
    expect(store.getState().scanError).toMatch(/không đủ 7 trường/);
    expect(store.getState().idInput).toBe('');
  });

  it('asks for a rescan when two scans arrive joined (the field was not cleared), not for a bad issue date', () => {
    const { store } = setup();
    expect(store.getState().scanCccd(`${QR_LINE}\n${QR_LINE}`)).toBe(false);
    expect(store.getState().scanError).toMatch(/^Quét lại/);
    expect(store.getState().scanError).not.toMatch(/Ngày cấp/);
    expect(store.getState().idInput).toBe('');
    expect(store.getState().draft.applicant.fullName).toBe('');
  });

  it('never writes the raw QR line to the saved draft, even while the scanner is still typing', () => {
    const drafts = memoryDraftStorage();
    const saved: string[] = [];
    const spy = { ...drafts, save: (d: typeof EMPTY_DRAFT) => (saved.push(JSON.stringify(d)), drafts.save(d)) };
    const { store } = setup(spy);
    for (let i = 1; i <= QR_LINE.length; i += 1) store.getState().setIdInput(QR_LINE.slice(0, i));
    store.getState().scanCccd(QR_LINE);
    expect(saved.length).toBeGreaterThan(0);
    for (const text of saved) {
      expect(text).not.toContain('|');
      expect(text).not.toContain('10052021');
    }
    expect(drafts.saved?.applicant.fullName).toBe('Trần Thị B');
  });

  it('warns when the ID digits disagree with the birth year typed by hand', async () => {
    const { idNumberWarnings } = await import('../../../../renderer/features/intake/store/applicant-checks.js');
    const applicant = { ...EMPTY_DRAFT.applicant, idNumber: '022190000123', birthDate: '05/06/1985', sex: 'female' as const };
    expect(idNumberWarnings(applicant, [])).toEqual(['Chữ số thứ năm và thứ sáu của số định danh không khớp với năm sinh.']);
    expect(idNumberWarnings({ ...applicant, birthDate: '05/06/1990' }, [])).toEqual([]);
    expect(idNumberWarnings({ ...applicant, sex: 'male', birthDate: '05/06/1990' }, ['x'])).toEqual(['Chữ số thứ tư của số định danh (giới tính) không khớp với giới tính.', 'x']);
  });
});

describe('intake: procedure, checklist and the live appointment', () => {
  it('asks the core for procedures as the officer types, keeping only the latest answer', async () => {
    const { store, backend } = setup();
    const slow = deferred<ReturnType<typeof ok<{ sectors: never[]; procedures: never[] }>>>();
    backend.script['catalogue.procedures'] = (args) => (args.text === 'k' ? slow.promise : ok({ sectors: [], procedures: [birthRegistration()] }));
    const first = store.getState().searchProcedures('k');
    await store.getState().searchProcedures('khai sinh');
    slow.resolve(ok({ sectors: [], procedures: [] }));
    await first;
    expect(store.getState().procedureOptions.map((p) => p.id)).toEqual(['ho-tich.dang-ky-khai-sinh']);
  });

  it('lays out the chosen procedure’s checklist and previews the appointment, again when the channel changes', async () => {
    const { store, backend } = setup();
    store.getState().chooseProcedure(birthRegistration());
    await settle();
    const docs = store.getState().draft.documents;
    const procedure = birthRegistration();
    // Nothing starts ticked: a required paper counts as received only once the officer has seen it.
    for (const doc of procedure.documents) expect(docs[doc.id]?.received).toBe(false);
    expect(store.getState().appointment).toMatchObject({ status: 'ready', appointmentAt: PREVIEW.appointmentAt, limitText: 'Trong ngày' });
    store.getState().setChannel(2);
    await settle();
    expect(backend.callsOf('dossiers.previewAppointment')).toEqual([
      { procedureId: procedure.id, channel: 1 },
      { procedureId: procedure.id, channel: 2 },
    ]);
  });

  it('drops a preview that answers after a newer one was asked', async () => {
    const { store, backend } = setup();
    const slow = deferred<ReturnType<typeof ok<AppointmentPreview>>>();
    backend.script['dossiers.previewAppointment'] = (args) => (args.channel === 1 ? slow.promise : ok({ appointmentAt: '2026-11-24T10:00:00.000Z', limitText: 'x', calendarNote: null }));
    store.getState().chooseProcedure(birthRegistration());
    store.getState().setChannel(3);
    await settle();
    slow.resolve(ok(PREVIEW));
    await settle();
    expect(store.getState().appointment.appointmentAt).toBe('2026-11-24T10:00:00.000Z');
  });

  it('starts form 02 from the required papers not ticked', () => {
    const { store } = setup();
    const procedure = birthRegistration();
    store.getState().chooseProcedure(procedure);
    const required = procedure.documents.filter((d) => d.required);
    for (const doc of required) store.getState().setDocument(doc.id, { received: true });
    store.getState().setDocument(required[0]!.id, { received: false });
    store.getState().openDecision('supplement');
    expect(store.getState().draft.supplementItems).toBe(required[0]!.name);
  });
});

describe('intake: submitting', () => {
  function fillValid(store: ReturnType<typeof setup>['store']) {
    store.getState().scanCccd(QR_LINE);
    store.getState().setApplicant('phone', '0912 345 678');
    store.getState().chooseProcedure(birthRegistration());
    for (const doc of birthRegistration().documents.filter((d) => d.required)) store.getState().setDocument(doc.id, { received: true });
  }

  it('refuses to accept with a required paper unticked, naming it, without sending', async () => {
    const { store, backend } = setup();
    fillValid(store);
    const [first, second] = birthRegistration().documents.filter((d) => d.required);
    store.getState().setDocument(first!.id, { received: false });
    expect(await store.getState().submit()).toBeNull();
    expect(store.getState().submitError?.code).toBe('papers_missing');
    expect(store.getState().submitError?.message).toContain(first!.name);
    expect(store.getState().submitError?.message).not.toContain(second!.name);
    expect(backend.callsOf('dossiers.receive')).toHaveLength(0);
    store.getState().openDecision('supplement');
    expect(store.getState().draft.supplementItems).toBe(first!.name);
  });

  it('checks the form before sending and names each field', async () => {
    const { store, backend } = setup();
    store.getState().setApplicant('phone', '12');
    store.getState().setApplicant('birthDate', '31/02/1990');
    expect(await store.getState().submit()).toBeNull();
    const errors = store.getState().fieldErrors;
    expect(errors.procedureId).toBe('Hãy chọn thủ tục hành chính.');
    expect(errors['applicant.fullName']).toBe('Họ và tên người nộp không được để trống.');
    expect(errors['applicant.phone']).toBe('Số điện thoại không hợp lệ.');
    expect(errors['applicant.birthDate']).toMatch(/ngày\/tháng\/năm/);
    expect(backend.callsOf('dossiers.receive')).toHaveLength(0);
  });

  it('puts a bad count on its checklist row', async () => {
    const { store } = setup();
    fillValid(store);
    const doc = birthRegistration().documents.find((d) => d.required)!;
    store.getState().setDocument(doc.id, { count: '0' });
    await store.getState().submit();
    expect(store.getState().fieldErrors[`documents.${doc.id}`]).toBe('Số lượng ít nhất là 1.');
  });

  it('sends the typed values as the contract wants them, then starts afresh', async () => {
    const { store, backend, drafts } = setup();
    fillValid(store);
    store.getState().setSets('2');
    const outcome = await store.getState().submit();
    expect(outcome?.decision).toBe('accept');
    const sent = backend.callsOf('dossiers.receive')[0]!;
    expect(sent).toMatchObject({
      procedureId: 'ho-tich.dang-ky-khai-sinh',
      channel: 1,
      applicant: { fullName: 'Trần Thị B', idNumber: '022190000123', birthDate: '1990-06-05', sex: 'female', phone: '0912 345 678', email: null },
      owner: null,
      sets: 2,
      intake: 'accepted',
    });
    expect(sent.documents?.length).toBe(birthRegistration().documents.filter((d) => d.required).length);
    expect(store.getState().draft).toEqual(EMPTY_DRAFT);
    expect(drafts.saved).toBeNull();
  });

  it('keeps every value when the core refuses, with the message near the cause', async () => {
    const { store, backend } = setup();
    backend.script['dossiers.receive'] = () => fail('invalid_argument', 'Tham số không hợp lệ — applicant.email: Địa chỉ thư điện tử không hợp lệ.');
    fillValid(store);
    const before = store.getState().draft;
    expect(await store.getState().submit()).toBeNull();
    expect(store.getState().draft).toBe(before);
    expect(store.getState().fieldErrors['applicant.email']).toBe('Địa chỉ thư điện tử không hợp lệ.');
    expect(store.getState().submitError?.code).toBe('invalid_argument');
  });

  it('requests a supplement (form 02) with the listed papers and reason', async () => {
    const { store, backend } = setup();
    fillValid(store);
    store.getState().openDecision('supplement');
    store.getState().setDecisionText('supplementItems', 'Giấy chứng sinh\n\n  Văn bản ủy quyền  ');
    expect(await store.getState().submit()).toBeNull();
    expect(store.getState().fieldErrors['supplement.reason']).toBe('Lý do không được để trống.');
    store.getState().setDecisionText('supplementReason', 'Thiếu giấy chứng sinh');
    expect((await store.getState().submit())?.decision).toBe('supplement');
    expect(backend.callsOf('dossiers.receive')[0]).toMatchObject({
      intake: 'supplement_requested',
      supplement: { items: ['Giấy chứng sinh', 'Văn bản ủy quyền'], reason: 'Thiếu giấy chứng sinh' },
    });
  });

  it('refuses (form 03) only with a reason', async () => {
    const { store, backend } = setup();
    fillValid(store);
    store.getState().openDecision('refuse');
    expect(await store.getState().submit()).toBeNull();
    expect(store.getState().fieldErrors.reason).toBe('Lý do từ chối không được để trống.');
    store.getState().setDecisionText('refuseReason', 'Không thuộc thẩm quyền');
    expect((await store.getState().submit())?.decision).toBe('refuse');
    expect(backend.callsOf('dossiers.refuse')[0]).toMatchObject({ reason: 'Không thuộc thẩm quyền', applicant: { fullName: 'Trần Thị B' } });
  });
});

describe('intake: the draft survives a restart', () => {
  it('saves every change and a new store picks it up', () => {
    const drafts = memoryDraftStorage();
    const first = setup(drafts).store;
    first.getState().setApplicant('fullName', 'Nguyễn Văn Đức');
    first.getState().chooseProcedure(birthRegistration());
    first.getState().setNotes('Hẹn gọi lại');

    const second = setup(drafts).store;
    expect(second.getState().draft.applicant.fullName).toBe('Nguyễn Văn Đức');
    expect(second.getState().draft.procedure?.id).toBe('ho-tich.dang-ky-khai-sinh');
    expect(second.getState().draft.notes).toBe('Hẹn gọi lại');
    expect(second.getState().procedureQuery).toBe(birthRegistration().name);
  });

  it('is forgotten by reset', () => {
    const drafts = memoryDraftStorage();
    const { store } = setup(drafts);
    store.getState().setApplicant('fullName', 'Nguyễn Văn Đức');
    expect(drafts.saved).not.toBeNull();
    store.getState().reset();
    expect(drafts.saved).toBeNull();
  });
});
