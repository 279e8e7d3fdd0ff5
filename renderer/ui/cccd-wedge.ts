import type { ClipboardEvent, KeyboardEvent } from 'react';

// A CCCD field read by a keyboard-wedge scanner: the scanner "types" the card's whole QR line (fields
// joined by '|') and presses Enter; a camera app's line arrives by paste. The one place that tells a
// scanned line from typed digits, for every field that takes a CCCD (intake, hand-back to a delegate);
// what a line means is shared/domain/cccd/parse-cccd-qr.ts, what it fills is each screen's own store.

/** A QR line, not an ID typed by hand: the card's fields are joined by '|'. */
export const isCccdQrLine = (text: string): boolean => text.includes('|');

export interface CccdWedgeOptions {
  /** What the field holds now (the scanner's characters arrive through onChange before its Enter). */
  value: string;
  /** Reads a scanned or pasted QR line into the form; false when it could not (the reason is shown). */
  scan(line: string): boolean;
  /** A line was read. */
  onScanned?(): void;
  /** Enter after digits typed by hand. */
  onTyped?(): void;
}

/** onKeyDown and onPaste for the field. */
export function cccdWedgeHandlers({ value, scan, onScanned, onTyped }: CccdWedgeOptions) {
  return {
    // Enter must not submit anything: it ends the scan.
    onKeyDown(event: KeyboardEvent<HTMLInputElement>): void {
      if (event.key !== 'Enter' || event.ctrlKey || event.metaKey) return;
      event.preventDefault();
      if (!isCccdQrLine(value)) {
        onTyped?.();
        return;
      }
      if (scan(value)) onScanned?.();
      else {
        // "Quét lại": the rescan must replace what is left in the field, not be appended to it.
        const input = event.currentTarget;
        window.setTimeout(() => input.select(), 0);
      }
    },
    onPaste(event: ClipboardEvent<HTMLInputElement>): void {
      const text = event.clipboardData.getData('text');
      if (!isCccdQrLine(text)) return;
      event.preventDefault();
      if (scan(text)) onScanned?.();
    },
  };
}
