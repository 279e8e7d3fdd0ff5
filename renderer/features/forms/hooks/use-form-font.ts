import { useEffect, useState } from 'react';
import latin400 from '@fontsource/tinos/files/tinos-latin-400-normal.woff2';
import latin400Italic from '@fontsource/tinos/files/tinos-latin-400-italic.woff2';
import latin700 from '@fontsource/tinos/files/tinos-latin-700-normal.woff2';
import latin700Italic from '@fontsource/tinos/files/tinos-latin-700-italic.woff2';
import vietnamese400 from '@fontsource/tinos/files/tinos-vietnamese-400-normal.woff2';
import vietnamese400Italic from '@fontsource/tinos/files/tinos-vietnamese-400-italic.woff2';
import vietnamese700 from '@fontsource/tinos/files/tinos-vietnamese-700-normal.woff2';
import vietnamese700Italic from '@fontsource/tinos/files/tinos-vietnamese-700-italic.woff2';

// The forms' font, bundled: Tinos, a metric twin of Times New Roman (the font Decree 30/2020/NĐ-CP sets
// for administrative documents), so a form breaks its lines and pages the same on every desk whatever
// fonts the system has. Only the two subsets a Vietnamese form needs ship (Latin, and Vietnamese's
// letters and marks), woff2 only, each a file beside the bundle (font-src 'self'; nothing from the web).

/** The character ranges of each subset, as Google Fonts cuts them (@fontsource/tinos/unicode.json). */
const LATIN = 'U+0000-00FF, U+0131, U+0152-0153, U+02BB-02BC, U+02C6, U+02DA, U+02DC, U+0304, U+0308, U+0329, U+2000-206F, U+20AC, U+2122, U+2191, U+2193, U+2212, U+2215, U+FEFF, U+FFFD';
const VIETNAMESE = 'U+0102-0103, U+0110-0111, U+0128-0129, U+0168-0169, U+01A0-01A1, U+01AF-01B0, U+0300-0301, U+0303-0304, U+0308-0309, U+0323, U+0329, U+1EA0-1EF9, U+20AB';

/** The family name print-forms.css asks for first. */
export const FORM_FONT_FAMILY = 'Tinos';

const FACES: readonly { url: string; weight: '400' | '700'; style: 'normal' | 'italic'; unicodeRange: string }[] = [
  { url: latin400, weight: '400', style: 'normal', unicodeRange: LATIN },
  { url: latin400Italic, weight: '400', style: 'italic', unicodeRange: LATIN },
  { url: latin700, weight: '700', style: 'normal', unicodeRange: LATIN },
  { url: latin700Italic, weight: '700', style: 'italic', unicodeRange: LATIN },
  { url: vietnamese400, weight: '400', style: 'normal', unicodeRange: VIETNAMESE },
  { url: vietnamese400Italic, weight: '400', style: 'italic', unicodeRange: VIETNAMESE },
  { url: vietnamese700, weight: '700', style: 'normal', unicodeRange: VIETNAMESE },
  { url: vietnamese700Italic, weight: '700', style: 'italic', unicodeRange: VIETNAMESE },
];

let loading: Promise<void> | null = null;

/**
 * Adds the faces to the document and loads every one of them (about 100 kB, from the app itself), once.
 * All are loaded up front rather than on first use, so nothing prints while a face is still coming:
 * Chromium would set that text in a fallback font of other widths.
 */
function loadFormFont(): Promise<void> {
  loading ??= Promise.all(
    FACES.map((face) => {
      const fontFace = new FontFace(FORM_FONT_FAMILY, `url(${face.url}) format('woff2')`, { weight: face.weight, style: face.style, unicodeRange: face.unicodeRange, display: 'block' });
      document.fonts.add(fontFace);
      return fontFace.load();
    }),
  ).then(() => undefined);
  return loading;
}

/**
 * True once the forms' font is loaded (or has failed to load, when the system's serif stands in: a
 * form printed in another font is better than no form).
 */
export function useFormFontReady(): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let current = true;
    const settle = () => {
      if (current) setReady(true);
    };
    loadFormFont().then(settle, settle);
    return () => {
      current = false;
    };
  }, []);
  return ready;
}
