import sharp from 'sharp';
import { deflateSync } from 'node:zlib';

// One scanned page made ready for a PDF: downscaled to fit A4 at 200 dpi (what a reader needs to read
// a stamp and a signature, a sixth of a 600 dpi scan's pixels) and compressed. A photo or a grey scan
// becomes a JPEG (quality 75); a bilevel scan (black text on white) is also tried as 1-bit pixels
// deflated — PNG's lossless compression, embedded directly as a PDF image — and the smaller one is kept.

/** A4 at 200 dpi, in pixels (short side × long side). */
export const A4_PIXELS = { short: 1654, long: 2339 } as const;
export const JPEG_QUALITY = 75;
// A page counts as bilevel when almost no pixel of the scan is a mid-tone (anti-aliased edges of a
// "grey" text scan are; a photo or a stamp in colour is not bilevel).
const MID_TONE_LOW = 64;
const MID_TONE_HIGH = 192;
const MAX_MID_TONE_SHARE = 0.03;

export type PreparedPage =
  | { kind: 'jpeg'; bytes: Buffer; width: number; height: number }
  | { kind: 'bilevel'; deflated: Buffer; width: number; height: number };

const SWAPS_SIDES = new Set([5, 6, 7, 8]); // EXIF orientations that turn the picture a quarter

/** How many pages an image file holds (multi-page TIFF; 1 for everything else). */
export async function imagePageCount(path: string): Promise<number> {
  const meta = await sharp(path).metadata();
  return meta.pages ?? 1;
}

type PageKind = 'colour' | 'grey' | 'bilevel';

// A colour scan of a black-and-white paper is still black and white: decide from the pixels, not the
// file's colour space. A pixel is "colourful" when its channels differ clearly (a red stamp, a photo).
const CHROMA = 40;
const MAX_COLOURFUL_SHARE = 0.001;

function classify(pixels: Buffer, channels: number): PageKind {
  const count = Math.floor(pixels.length / channels);
  let colourful = 0;
  let mid = 0;
  for (let i = 0; i < count; i += 1) {
    const at = i * channels;
    const r = pixels[at] ?? 0;
    let grey = r;
    if (channels >= 3) {
      const g = pixels[at + 1] ?? 0;
      const b = pixels[at + 2] ?? 0;
      if (Math.max(r, g, b) - Math.min(r, g, b) > CHROMA) colourful += 1;
      grey = (r * 299 + g * 587 + b * 114) / 1000;
    }
    if (grey > MID_TONE_LOW && grey < MID_TONE_HIGH) mid += 1;
  }
  if (colourful / Math.max(count, 1) > MAX_COLOURFUL_SHARE) return 'colour';
  return mid / Math.max(count, 1) <= MAX_MID_TONE_SHARE ? 'bilevel' : 'grey';
}

// 1 bit per pixel, rows padded to a byte, 0 = black (PDF DeviceGray with BitsPerComponent 1).
function packBits(grey: Buffer, width: number, height: number): Buffer {
  const rowBytes = Math.ceil(width / 8);
  const packed = Buffer.alloc(rowBytes * height);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      if ((grey[y * width + x] ?? 0) >= 128) packed[y * rowBytes + (x >> 3)]! |= 0x80 >> (x & 7);
    }
  }
  return packed;
}

export async function preparePage(path: string, page: number): Promise<PreparedPage> {
  const meta = await sharp(path, { page }).metadata();
  const swapped = SWAPS_SIDES.has(meta.orientation ?? 1);
  const width = (swapped ? meta.height : meta.width) ?? 1;
  const height = (swapped ? meta.width : meta.height) ?? 1;
  const landscape = width > height;
  const box = landscape ? { width: A4_PIXELS.long, height: A4_PIXELS.short } : { width: A4_PIXELS.short, height: A4_PIXELS.long };

  const scaled = (kernel: 'lanczos3' | 'nearest', grey: boolean) => {
    const base = sharp(path, { page })
      .rotate()
      .resize({ ...box, fit: 'inside', withoutEnlargement: true, kernel })
      .flatten({ background: '#ffffff' });
    return grey ? base.greyscale() : base;
  };
  // Nearest-neighbour sampling adds no mid-tones or colours of its own: it shows what the scan is.
  const sample = await scaled('nearest', false).raw().toBuffer({ resolveWithObject: true });
  const kind = classify(sample.data, sample.info.channels);
  const grey = kind !== 'colour';

  const jpeg = await scaled('lanczos3', grey).jpeg({ quality: JPEG_QUALITY, mozjpeg: true }).toBuffer({ resolveWithObject: true });
  const jpegPage: PreparedPage = { kind: 'jpeg', bytes: jpeg.data, width: jpeg.info.width, height: jpeg.info.height };
  if (kind !== 'bilevel') return jpegPage;

  const smooth = await scaled('lanczos3', true).raw().toBuffer({ resolveWithObject: true });
  const deflated = deflateSync(packBits(smooth.data, smooth.info.width, smooth.info.height), { level: 9 });
  return deflated.length < jpeg.data.length ? { kind: 'bilevel', deflated, width: smooth.info.width, height: smooth.info.height } : jpegPage;
}
