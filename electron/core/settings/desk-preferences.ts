import type { DeskPreferences } from '../../../shared/contract/preferences.js';
import { DEFAULT_CSV_DIALECT, isCsvDialect, type CsvDialect } from '../../../shared/domain/reports/csv-dialect.js';
import type { SettingsRepository } from './settings-repository.js';

// The desk's preferences for what it prints and exports: its phone number for citizens (none until a
// supervisor sets it) and its CSV dialect (Vietnamese Excel until a supervisor chooses otherwise).

const CSV_DIALECT_KEY = 'export.csvDialect';
const PHONE_KEY = 'desk.phone';

export function readCsvDialect(settings: SettingsRepository): CsvDialect {
  const stored = settings.get(CSV_DIALECT_KEY);
  return isCsvDialect(stored) ? stored : DEFAULT_CSV_DIALECT;
}

export function writeCsvDialect(settings: SettingsRepository, dialect: CsvDialect): void {
  settings.set(CSV_DIALECT_KEY, dialect);
}

export function readDeskPreferences(settings: SettingsRepository): DeskPreferences {
  const phone = settings.get(PHONE_KEY);
  return { phone: phone === null || phone === '' ? null : phone, csvDialect: readCsvDialect(settings) };
}

/** Writes what is given (undefined leaves a preference as it is; a null phone clears it). */
export function writeDeskPreferences(settings: SettingsRepository, change: { phone?: string | null; csvDialect?: CsvDialect }): void {
  if (change.phone !== undefined) settings.set(PHONE_KEY, change.phone ?? '');
  if (change.csvDialect !== undefined) writeCsvDialect(settings, change.csvDialect);
}
