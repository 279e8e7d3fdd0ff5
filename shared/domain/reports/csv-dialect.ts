// How a CSV export is written. Excel set to Vietnamese (the desks' Windows) reads a list separator ';'
// and a decimal comma: a comma-separated file opens there as one column. Other programs expect
// RFC 4180's comma and decimal point.

export const CSV_DIALECTS = ['excel-vi', 'rfc4180'] as const;
export type CsvDialect = (typeof CSV_DIALECTS)[number];

/** A desk that never chose opens its CSV files in Vietnamese Excel. */
export const DEFAULT_CSV_DIALECT: CsvDialect = 'excel-vi';

export const CSV_DIALECT_LABELS: Readonly<Record<CsvDialect, string>> = {
  'excel-vi': 'Excel tiếng Việt (phân cách ";", số thập phân ",")',
  rfc4180: 'CSV chuẩn (phân cách ",", số thập phân ".")',
};

export interface CsvPunctuation {
  separator: ';' | ',';
  decimal: ',' | '.';
}

export const CSV_PUNCTUATION: Readonly<Record<CsvDialect, CsvPunctuation>> = {
  'excel-vi': { separator: ';', decimal: ',' },
  rfc4180: { separator: ',', decimal: '.' },
};

export function isCsvDialect(value: string | null): value is CsvDialect {
  return (CSV_DIALECTS as readonly (string | null)[]).includes(value);
}
