import { execFileSync } from 'node:child_process';

// poppler-utils reads back what Chromium printed: the text as a reader would copy it, the page sizes.

/**
 * The PDF's text in reading order (each block of the header on its own, not interleaved with its
 * neighbour as -layout would), NFC-normalised (Vietnamese may come back decomposed), whitespace collapsed.
 */
export function pdfText(file: string): string {
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).normalize('NFC').replace(/\s+/gu, ' ');
}

export interface PdfPageSize {
  widthPt: number;
  heightPt: number;
}

/** The size of each page in points (A4 portrait is 595 × 842). */
export function pdfPageSizes(file: string): PdfPageSize[] {
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', '999', file], { encoding: 'utf8' });
  return [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gmu)].map((m) => ({ widthPt: Number(m[1]), heightPt: Number(m[2]) }));
}

/** Writes one PNG per page next to the PDF (<name>-1.png, …), to look at. */
export function pdfToPngs(file: string): void {
  execFileSync('pdftoppm', ['-png', '-r', '80', file, file.replace(/\.pdf$/u, '')]);
}

/** Vietnam wall-clock fields of an instant, computed with the tz database (independently of the app). */
export function vietnamParts(instant: string): { date: string; time: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Asia/Ho_Chi_Minh',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(instant))
      .map((part) => [part.type, part.value]),
  );
  return { date: `${parts.day}/${parts.month}/${parts.year}`, time: `${parts.hour}:${parts.minute}` };
}

/** How form 01 and its siblings write an instant: '09 giờ 05 phút, ngày 23/11/2026'. */
export function hourMinuteDay(instant: string): string {
  const { date, time } = vietnamParts(instant);
  const [hour, minute] = time.split(':');
  return `${hour} giờ ${minute} phút, ngày ${date}`;
}

/** The base names of the fonts the PDF embeds, without the subset tag ('AAAAAA+Tinos-Bold' → 'Tinos-Bold'). */
export function pdfFontNames(file: string): string[] {
  const listing = execFileSync('pdffonts', [file], { encoding: 'utf8' });
  // Two header lines, then one font a line, its name first.
  const names = listing.split('\n').slice(2).map((line) => line.split(/\s+/u)[0] ?? '').filter((name) => name !== '');
  return [...new Set(names.map((name) => name.replace(/^[A-Z]{6}\+/u, '')))].sort();
}
