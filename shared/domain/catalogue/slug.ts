import { z } from 'zod';

// Stable identifiers of catalogue records: lower-case ASCII words joined by '-' or '.', so they are
// safe in URLs, SQL keys and file names, and never change when a display name is corrected.
export const SlugSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:[.-][a-z0-9]+)*$/u, { error: 'Mã định danh chỉ gồm chữ thường không dấu, chữ số, "-" và ".".' });
