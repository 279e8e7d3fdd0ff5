import type { Page } from '@playwright/test';
import { join } from 'node:path';
import { expect } from '../support/web-host.js';
import { pdfPageSizes, pdfText, pdfToPngs } from './pdf-text.js';

// How the form specs print: the print route in Chromium, to PDF as the print dialog would, read back.

export const FORMS_DIR = 'test-results/forms';
const A4 = { short: 595.3, long: 841.9 };

/** Opens the print route, waits until the form is ready to print, and prints it to a PDF; returns its text. */
export async function printToPdf(page: Page, baseUrl: string, route: string, name: string): Promise<{ file: string; text: string }> {
  await page.goto(`${baseUrl}${route}`);
  return printShownForm(page, name);
}

/** Prints the form on screen to test-results/forms/<name>.pdf (and PNGs of its pages); returns its text. */
export async function printShownForm(page: Page, name: string): Promise<{ file: string; text: string }> {
  await expect(page.getByRole('button', { name: 'In', exact: true })).toBeEnabled();
  // Barcodes are data: images; wait until every image has decoded, or the PDF could miss them.
  await expect.poll(() => page.locator('img').evaluateAll((images) => images.every((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0))).toBe(true);
  const file = join(FORMS_DIR, `${name}.pdf`);
  await page.pdf({ path: file, format: 'A4', preferCSSPageSize: true, printBackground: true });
  pdfToPngs(file);
  return { file, text: pdfText(file) };
}

export function expectA4(file: string, pages: number, orientation: 'portrait' | 'landscape'): void {
  const sizes = pdfPageSizes(file);
  expect(sizes).toHaveLength(pages);
  const [width, height] = orientation === 'portrait' ? [A4.short, A4.long] : [A4.long, A4.short];
  for (const size of sizes) {
    expect(size.widthPt).toBeCloseTo(width, 0);
    expect(size.heightPt).toBeCloseTo(height, 0);
  }
}
