import { describe, expect, it } from 'vitest';
import { code128Image, qrCodeImage } from '../../../../renderer/features/forms/model/barcode-images.js';

const svgOf = (dataUrl: string): string => decodeURIComponent(dataUrl.replace(/^data:image\/svg\+xml;charset=utf-8,/u, ''));

describe('the receipt’s barcode and QR code', () => {
  it('are SVG data URLs (allowed by img-src data:), with no style element the CSP would refuse', () => {
    for (const image of [code128Image('000.15.20.H49-261123-1001'), qrCodeImage('https://motcua.halong.example/v1/lookup/x')]) {
      expect(image).toMatch(/^data:image\/svg\+xml;charset=utf-8,/u);
      const svg = svgOf(image);
      expect(svg).toMatch(/^<svg [^>]*viewBox="0 0 \d+ \d+"/u);
      expect(svg).toContain('<path');
      expect(svg).not.toMatch(/<style|<script/u);
    }
  });

  it('draw a different barcode for a different code, and a square QR code', () => {
    expect(code128Image('000.15.20.H49-261123-1001')).not.toBe(code128Image('000.15.20.H49-261123-1002'));
    const [, width, height] = /viewBox="0 0 (\d+) (\d+)"/u.exec(svgOf(qrCodeImage('https://motcua.halong.example/v1/lookup/x'))) ?? [];
    expect(width).toBe(height);
  });

  it('grow the QR code with the length of the address it holds', () => {
    const side = (text: string) => Number(/viewBox="0 0 (\d+)/u.exec(svgOf(qrCodeImage(text)))?.[1]);
    expect(side(`https://motcua.halong.example/v1/lookup/${'9'.repeat(120)}`)).toBeGreaterThan(side('https://x.example/1'));
  });
});
