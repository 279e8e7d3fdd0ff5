import { code128, drawingSVG, qrcode } from 'bwip-js/browser';

// The receipt's machine-readable marks, drawn by bwip-js as SVG and shown through <img src="data:…">:
// the CSP allows data: images but no inline <style>, and an SVG stays sharp on any printer.
// Only the two symbologies are imported, so the bundle leaves the other hundred out.

const svgDataUrl = (svg: string): string => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;

/** Code 128 of the dossier code (no human-readable line: the form prints the code itself, larger). */
export function code128Image(text: string): string {
  return svgDataUrl(code128({ bcid: 'code128', text, height: 10, scale: 2, paddingwidth: 10 }, drawingSVG()));
}

/** QR code of the status-lookup address (BWIPP's default error correction, M: survives a crease or a stamp). */
export function qrCodeImage(text: string): string {
  return svgDataUrl(qrcode({ bcid: 'qrcode', text, scale: 2, padding: 4 }, drawingSVG()));
}
