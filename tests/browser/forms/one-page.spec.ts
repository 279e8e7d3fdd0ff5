import { mkdir } from 'node:fs/promises';
import type { DossierDetail } from '../../../shared/contract/dossiers.js';
import type { DeskCore } from '../../../electron/core/start-core.js';
import { expect, test } from '../support/web-host.js';
import { call, initialiseDesk } from './arrange-dossiers.js';
import { pdfFontNames } from './pdf-text.js';
import { expectA4, FORMS_DIR, printToPdf } from './print-to-pdf.js';

// Every copy of forms 01–05 on one A4 page, in the bundled Tinos (a metric twin of Times New Roman), so
// the paper is the same on every desk whatever fonts its system has — with the longest data a real desk
// meets: a long name and address, and eight papers. The national name and motto are whole on every page.

test.describe.configure({ timeout: 90_000 });

test.beforeAll(async () => {
  await mkdir(FORMS_DIR, { recursive: true });
});

const NATION = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
const MOTTO = 'Độc lập - Tự do - Hạnh phúc';

const LONG_APPLICANT = {
  fullName: 'Tôn Nữ Thị Hoàng Phương Quỳnh Như',
  idNumber: '022190004567',
  birthDate: '1988-12-30',
  sex: 'female' as const,
  address: 'Số 128, Ngõ 45, Đường Nguyễn Văn Cừ, Tổ 7, Khu 5, Phường Hồng Hải, Thành phố Hạ Long, Tỉnh Quảng Ninh',
  phone: '0912345678',
  email: 'tonnuthihoangphuongquynhnhu.1988@example.com',
};

const OWNER = { kind: 'citizen' as const, name: 'Nguyễn Tôn Hoàng Bảo Khánh Minh' };

const EIGHT_PAPERS = [
  { itemId: 'to-khai', name: 'Tờ khai đăng ký khai sinh (theo mẫu ban hành kèm theo Thông tư số 04/2024/TT-BTP)', form: 'original' as const, count: 1 },
  { itemId: 'giay-chung-sinh', name: 'Giấy chứng sinh do Bệnh viện Sản Nhi tỉnh Quảng Ninh cấp', form: 'original' as const, count: 1 },
  { itemId: 'giay-to-tuy-than', name: 'Căn cước công dân của cha, mẹ của trẻ', form: 'copy' as const, count: 2 },
  { itemId: 'ket-hon', name: 'Giấy chứng nhận kết hôn của cha, mẹ của trẻ', form: 'certified_copy' as const, count: 1 },
  { itemId: 'uy-quyen', name: 'Văn bản ủy quyền đi đăng ký khai sinh có chứng thực chữ ký', form: 'original' as const, count: 1 },
  { itemId: 'cu-tru', name: 'Giấy xác nhận thông tin về cư trú của người mẹ', form: 'original' as const, count: 1 },
  { itemId: 'nguoi-lam-chung', name: 'Văn bản cam đoan của người làm chứng về việc sinh', form: 'original' as const, count: 1 },
  { itemId: 'bien-ban', name: 'Biên bản xác nhận việc trẻ sinh ra ngoài cơ sở y tế', form: 'certified_copy' as const, count: 1 },
];

const BIRTH = { procedureId: 'ho-tich.dang-ky-khai-sinh', channel: 1 as const };

function receiveLong(core: DeskCore): Promise<DossierDetail> {
  return call(core, 'dossiers.receive', { ...BIRTH, applicant: LONG_APPLICANT, owner: OWNER, documents: EIGHT_PAPERS, sets: 1, notes: 'Người nộp là bà ngoại của trẻ, có văn bản ủy quyền của cha, mẹ.' });
}

const ARRANGE: Record<'01' | '02' | '03' | '04' | '05', (core: DeskCore) => Promise<DossierDetail>> = {
  '01': receiveLong,
  '02': (core) =>
    call(core, 'dossiers.receive', {
      ...BIRTH,
      applicant: LONG_APPLICANT,
      owner: OWNER,
      documents: EIGHT_PAPERS.slice(0, 1),
      intake: 'supplement_requested',
      supplement: {
        items: EIGHT_PAPERS.map((paper) => paper.name),
        reason: 'Người nộp không phải cha, mẹ của trẻ và chưa xuất trình giấy chứng sinh bản chính; cần bổ sung đủ giấy tờ theo quy định trước khi tiếp nhận.',
      },
    }),
  '03': (core) =>
    call(core, 'dossiers.refuse', {
      ...BIRTH,
      applicant: LONG_APPLICANT,
      reason:
        'Việc đăng ký khai sinh cho trẻ thuộc thẩm quyền của Ủy ban nhân dân cấp xã nơi cư trú của cha hoặc mẹ của trẻ (Phường Bãi Cháy, Thành phố Hạ Long), không thuộc thẩm quyền của Ủy ban nhân dân Phường Hồng Gai; đề nghị công dân liên hệ Bộ phận tiếp nhận và trả kết quả của Phường Bãi Cháy.',
    }),
  '04': async (core) => {
    const received = await receiveLong(core);
    const forwarded = await call(core, 'dossiers.forward', { dossierId: received.state.id, to: { kind: 'officer', name: 'Đỗ Nguyễn Hoàng Văn Hộ Tịch' }, note: '' });
    const hint = forwarded.reschedule;
    if (hint === null) throw new Error('the dossier cannot be rescheduled');
    return call(core, 'dossiers.reschedule', {
      dossierId: received.state.id,
      reason: 'Cần xác minh thông tin nơi sinh của trẻ với Bệnh viện Sản Nhi tỉnh Quảng Ninh và thông tin cư trú của người mẹ với Công an Phường Hồng Hải trước khi đăng ký.',
      newAppointmentAt: hint.suggestedAt,
      approveLate: hint.late,
    });
  },
  '05': async (core) => {
    const received = await receiveLong(core);
    const dossierId = received.state.id;
    await call(core, 'dossiers.forward', { dossierId, to: { kind: 'officer', name: 'Đỗ Nguyễn Hoàng Văn Hộ Tịch' }, note: 'Chuyển công chức tư pháp - hộ tịch thẩm định hồ sơ' });
    await call(core, 'dossiers.forward', { dossierId, to: { kind: 'agency', name: 'Phòng Tư pháp Thành phố Hạ Long, Tỉnh Quảng Ninh' }, note: 'Xin ý kiến về việc xác định nơi sinh của trẻ' });
    await call(core, 'dossiers.recordResult', { dossierId, summary: 'Giấy khai sinh bản chính số 123/2026/KS và 02 bản sao trích lục khai sinh', outcome: 'approved' });
    return call(core, 'dossiers.handBack', { dossierId, collector: { kind: 'applicant' } });
  },
};

/** Copies each form prints: form 01 has two (the citizen's and the desk's), the others one. */
const COPIES = { '01': 2, '02': 1, '03': 1, '04': 1, '05': 1 } as const;

for (const form of ['01', '02', '03', '04', '05'] as const) {
  test(`form ${form}: each copy on one A4 page in the bundled Tinos, with the national name and motto whole`, async ({ page, webHost }) => {
    await initialiseDesk(webHost.core);
    // The desk's phone set by the supervisor: one more line on the receipt, which must still fit.
    await call(webHost.core, 'preferences.set', { phone: '0203 3825 123' });
    const dossier = await ARRANGE[form](webHost.core);

    const { file, text } = await printToPdf(page, webHost.url, `#/in/${form}/${dossier.state.id}`, `form-${form}-long`);

    // The sheet's own text is set in the bundled font (loaded, not a system fallback of the same name)…
    const loaded = await page.evaluate(() => [...document.fonts].filter((face) => face.status === 'loaded').map((face) => `${face.family} ${face.weight} ${face.style}`));
    expect(loaded).toEqual(expect.arrayContaining(['Tinos 400 normal', 'Tinos 700 normal']));
    expect(pdfFontNames(file).every((name) => /^Tinos(-|$)/u.test(name)), pdfFontNames(file).join(', ')).toBe(true);
    // …every copy fits its page…
    expectA4(file, COPIES[form], 'portrait');
    // …and the national name and motto are whole on each, inside the printable width.
    expect(text.split(NATION).length - 1).toBe(COPIES[form]);
    expect(text.split(MOTTO).length - 1).toBe(COPIES[form]);
    if (form === '01') expect(text.split('Điện thoại liên hệ của Bộ phận tiếp nhận và trả kết quả: 02033825123').length - 1).toBe(2);
    if (form === '02' || form === '03') expect(text).toContain('số điện thoại 02033825123');
    await page.emulateMedia({ media: 'print' });
    const overflowing = await page.locator('.form-header__nation-name, .form-header__motto').evaluateAll((lines) =>
      lines.flatMap((line) => {
        const sheet = line.closest('.form-sheet')!.getBoundingClientRect();
        const box = line.getBoundingClientRect();
        return box.left >= sheet.left - 0.5 && box.right <= sheet.right + 0.5 ? [] : [`${line.textContent} ${box.left.toFixed(1)}–${box.right.toFixed(1)} / ${sheet.left.toFixed(1)}–${sheet.right.toFixed(1)}`];
      }),
    );
    expect(overflowing).toEqual([]);
  });
}
