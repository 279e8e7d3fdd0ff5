import { z } from 'zod';
import {
  lineTextProblem,
  multilineTextProblem,
  normaliseMultilineText,
  normaliseName,
  type TextProblem,
} from '../domain/text/normalise-name.js';

// Building blocks for command arguments: free text, dates and ids as the officer types them.

export const localDateArg = z.iso.date({ error: 'Ngày phải có dạng yyyy-MM-dd và có thật.' });
export const instantArg = z.iso.datetime({ offset: true, error: 'Thời điểm phải theo ISO 8601 (ví dụ 2026-11-29T08:30:00Z).' });
export const ulidArg = z.string().regex(/^[0-7][0-9A-HJKMNP-TV-Z]{25}$/, 'Mã hồ sơ nội bộ không hợp lệ.');

/** One line (names, addresses, a paper's name) or several (notes, reasons: line breaks kept). */
export type TextKind = 'line' | 'multiline';

function textProblemMessage(what: string, problem: TextProblem): string {
  switch (problem) {
    case 'line_break':
      return `${what} phải viết trên một dòng (không xuống dòng).`;
    case 'bidi':
      return `${what} chứa ký tự đảo chiều văn bản (bidi) không được phép; hãy gõ lại.`;
    case 'control':
      return `${what} chứa ký tự điều khiển không in được (thường do sao chép từ phần mềm khác); hãy gõ lại.`;
  }
}

/**
 * Free text as it is stored (shared/domain/text/normalise-name.ts: NFC, single spaces, trimmed,
 * invisible characters dropped), or why it is refused: a line break inside one line, a control or a
 * bidi character — named after the field, `what`.
 */
export function checkedText(raw: string, kind: TextKind, what: string): { ok: true; text: string } | { ok: false; message: string } {
  const problem = kind === 'line' ? lineTextProblem(raw) : multilineTextProblem(raw);
  if (problem !== null) return { ok: false, message: textProblemMessage(what, problem) };
  return { ok: true, text: kind === 'line' ? normaliseName(raw) : normaliseMultilineText(raw) };
}

// The only schema for free text: normalised before the length checks, so "  An  " is 2 letters.
export const freeText = (kind: TextKind, what: string) =>
  z.string().transform((raw, ctx) => {
    const checked = checkedText(raw, kind, what);
    if (checked.ok) return checked.text;
    ctx.addIssue({ code: 'custom', message: checked.message });
    return z.NEVER;
  });

const tooLong = (what: string, max: number) => `${what} quá dài (tối đa ${max} ký tự).`;

/** One line the officer must fill. */
export const requiredTextArg = (max: number, what: string) =>
  freeText('line', what).pipe(z.string().min(1, `${what} không được để trống.`).max(max, tooLong(what, max)));

/** One line that may be left out, null or empty: null then. */
export const optionalTextArg = (max: number, what: string) =>
  freeText('line', what)
    .pipe(z.string().max(max, tooLong(what, max)))
    .nullish()
    .transform((s) => (s === undefined || s === null || s === '' ? null : s));

/** Several lines the officer must fill (a reason, a result). */
export const requiredMultilineTextArg = (max: number, what: string) =>
  freeText('multiline', what).pipe(z.string().min(1, `${what} không được để trống.`).max(max, tooLong(what, max)));

/** Several lines that may be left out: '' then. */
export const optionalMultilineTextArg = (max: number, what: string) =>
  freeText('multiline', what)
    .pipe(z.string().max(max, tooLong(what, max)))
    .default('');

export const stationArg = z.int('Số quầy phải là số nguyên.').min(1, 'Số quầy từ 1 đến 9.').max(9, 'Số quầy từ 1 đến 9.');
export const gsoCodeArg = z.string().regex(/^\d{5}$/, 'Mã đơn vị hành chính (GSO) phải gồm đúng 5 chữ số.');
