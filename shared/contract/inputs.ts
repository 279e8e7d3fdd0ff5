import { z } from 'zod';

// Building blocks for command arguments: trimmed text, dates and ids as the officer types them.

export const localDateArg = z.iso.date({ error: 'Ngày phải có dạng yyyy-MM-dd và có thật.' });
export const instantArg = z.iso.datetime({ offset: true, error: 'Thời điểm phải theo ISO 8601 (ví dụ 2026-11-29T08:30:00Z).' });
export const ulidArg = z.string().regex(/^[0-7][0-9A-HJKMNP-TV-Z]{25}$/, 'Mã hồ sơ nội bộ không hợp lệ.');

export const requiredTextArg = (max: number, what: string) =>
  z
    .string()
    .trim()
    .min(1, `${what} không được để trống.`)
    .max(max, `${what} quá dài (tối đa ${max} ký tự).`);

export const optionalTextArg = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Quá dài (tối đa ${max} ký tự).`)
    .optional()
    .transform((s) => (s === undefined || s === '' ? null : s));

export const stationArg = z.int('Số quầy phải là số nguyên.').min(1, 'Số quầy từ 1 đến 9.').max(9, 'Số quầy từ 1 đến 9.');
export const gsoCodeArg = z.string().regex(/^\d{5}$/, 'Mã đơn vị hành chính (GSO) phải gồm đúng 5 chữ số.');
