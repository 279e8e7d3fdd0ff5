import { crossCheckIdNumber, decodeIdNumber, normaliseIdDigits } from '../../../../shared/domain/cccd/id-number.js';
import { parseTypedDate } from '../../../ui/format-date.js';
import type { IntakeDraft } from './intake-draft.js';

/**
 * Warnings next to the ID field, recomputed as the officer types: the ID's digits against the birth
 * date and sex on screen (whether they came from a scan or the keyboard), plus notes from the scan.
 */
export function idNumberWarnings(applicant: IntakeDraft['applicant'], scanNotes: readonly string[]): string[] {
  const decoded = decodeIdNumber(normaliseIdDigits(applicant.idNumber));
  const digits =
    decoded === null
      ? []
      : crossCheckIdNumber(decoded, {
          birthDate: parseTypedDate(applicant.birthDate),
          sex: applicant.sex === '' ? null : applicant.sex,
        }).map((w) => w.message);
  return [...digits, ...scanNotes];
}
