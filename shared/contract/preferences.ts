import { z } from 'zod';
import { canonicalPhone } from '../domain/contact/phone-number.js';
import { CSV_DIALECTS, type CsvDialect } from '../domain/reports/csv-dialect.js';

// What the desk prints and exports besides its unit: the desk's phone number for citizens (on the
// receipts) and the CSV dialect of its exports. Any officer reads them (the forms need the phone); a
// supervisor sets them.

/** The desk's phone for citizens, e.g. "0203 3825 123", stored as digits; null or "" clears it. */
const deskPhoneArg = z
  .string()
  .trim()
  .transform(canonicalPhone)
  .pipe(z.string().regex(/^(\+?\d{8,15})?$/, 'Số điện thoại của bộ phận không hợp lệ.'))
  .nullable()
  .transform((phone) => (phone === '' ? null : phone));

export const preferencesGetArgs = z.strictObject({});
export const preferencesSetArgs = z.strictObject({
  phone: deskPhoneArg.optional(),
  csvDialect: z.enum(CSV_DIALECTS, 'Kiểu CSV phải là excel-vi hoặc rfc4180.').optional(),
});

export interface DeskPreferences {
  phone: string | null;
  csvDialect: CsvDialect;
}
