import type { Cutoff, DocumentForm, Fee, ProcessingLimit, RequiredDocument, ResultDelivery } from '../../procedure.js';

// Building blocks shared by the seed procedures, so each record reads like the national catalogue's
// entry: limit, cut-off, fee, checklist.

export const SAME_DAY: ProcessingLimit = { kind: 'same_day', amount: 1 };
export const workingDays = (amount: number): ProcessingLimit => ({ kind: 'working_days', amount });
export const calendarDays = (amount: number): ProcessingLimit => ({ kind: 'calendar_days', amount });

/**
 * The 15:00 cut-off of same-day certification and civil-status work: received after 15:00 → done
 * the next working day (Nghị định 23/2015/NĐ-CP, Điều 7 for certification; the civil-status
 * procedures in the national catalogue carry the same rule).
 */
export const CUTOFF_15: Cutoff = { time: '15:00' };

export const AT_DESK_POST_OR_ONLINE: ResultDelivery[] = ['desk', 'post', 'electronic'];
export const AT_DESK_OR_POST: ResultDelivery[] = ['desk', 'post'];

export const FREE: Fee = { amountVnd: 0, note: 'Không thu phí, lệ phí.' };

/** Civil-status fees other than the exempt ones are set by the provincial People's Council. */
export const HO_TICH_FEE_SET_BY_PROVINCE: Fee = {
  amountVnd: null,
  note: 'Lệ phí hộ tịch do HĐND tỉnh Quảng Ninh quy định (Thông tư 85/2019/TT-BTC); quản trị viên nhập mức thu đã xác nhận. Miễn cho người thuộc gia đình có công với cách mạng, hộ nghèo, người khuyết tật (Luật Hộ tịch 2014, Điều 11).',
};

interface DocumentOptions {
  readonly count?: number;
  readonly required?: boolean;
  readonly note?: string;
}

export function doc(id: string, name: string, form: DocumentForm, options: DocumentOptions = {}): RequiredDocument {
  const base = { id, name, form, count: options.count ?? 1, required: options.required ?? true };
  return options.note === undefined ? base : { ...base, note: options.note };
}

/** The applicant's identity paper: shown for comparison, not kept. */
export const IDENTITY_SHOWN: RequiredDocument = doc(
  'giay-to-tuy-than',
  'Hộ chiếu, thẻ Căn cước/Căn cước công dân hoặc giấy tờ tùy thân khác có ảnh, còn giá trị sử dụng',
  'original',
  { note: 'Xuất trình để đối chiếu, không nộp lại; không cần nếu thông tin đã khai thác được từ Cơ sở dữ liệu quốc gia về dân cư.' },
);

/** When someone files on the applicant's behalf. */
export const AUTHORISATION: RequiredDocument = doc('van-ban-uy-quyen', 'Văn bản ủy quyền', 'original_or_copy', {
  required: false,
  note: 'Khi người khác nộp thay theo ủy quyền.',
});

/**
 * Civil-status filing by proxy (Nghị định 123/2015/NĐ-CP, Điều 2): not allowed for marriage or
 * parent–child recognition, and close relatives need no certified authorisation.
 */
export const HO_TICH_AUTHORISATION: RequiredDocument = doc('van-ban-uy-quyen', 'Văn bản ủy quyền', 'original_or_copy', {
  required: false,
  note: 'Khi người khác nộp thay; văn bản ủy quyền phải được chứng thực, trừ khi người được ủy quyền là ông, bà, cha, mẹ, con, vợ, chồng, anh, chị, em ruột của người ủy quyền.',
});
