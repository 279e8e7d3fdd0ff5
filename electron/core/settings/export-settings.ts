import { DEFAULT_CSV_DIALECT, isCsvDialect, type CsvDialect } from '../../../shared/domain/reports/csv-dialect.js';
import type { SettingsRepository } from './settings-repository.js';

// The desk's choice of CSV dialect: the one a supervisor last exported with, Vietnamese Excel until then.

const CSV_DIALECT_KEY = 'export.csvDialect';

export function readCsvDialect(settings: SettingsRepository): CsvDialect {
  const stored = settings.get(CSV_DIALECT_KEY);
  return isCsvDialect(stored) ? stored : DEFAULT_CSV_DIALECT;
}

export function writeCsvDialect(settings: SettingsRepository, dialect: CsvDialect): void {
  settings.set(CSV_DIALECT_KEY, dialect);
}
