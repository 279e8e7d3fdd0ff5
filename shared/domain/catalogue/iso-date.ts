import { z } from 'zod';

// A calendar date as it reads on the wall in Vietnam, yyyy-MM-dd. Catalogue validity is by day, not
// by instant: the caller turns an instant into the Vietnam date first. Same-length ISO dates
// compare correctly as strings, which is all the lookups need.
export const IsoDateSchema = z.iso.date({ error: 'Ngày phải có dạng yyyy-MM-dd và có thật.' });

export type IsoDate = z.infer<typeof IsoDateSchema>;

/** Throws a RangeError unless `value` is a real yyyy-MM-dd date (Feb 30 is refused). */
export function assertIsoDate(value: string): asserts value is IsoDate {
  if (!IsoDateSchema.safeParse(value).success) {
    throw new RangeError(`Expected a real calendar date as yyyy-MM-dd, got "${value}"`);
  }
}
