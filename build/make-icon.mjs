// Draws build/icon.png (512×512, RGBA) with nothing but Node's zlib, so the icon can be remade on any
// machine: `node build/make-icon.mjs`. A red tile (the colour of the state's public-service signs), a white
// dossier sheet, and a yellow badge with a tick: a dossier received and handled at one desk.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 512;
const SAMPLES = 4; // 4×4 supersampling for smooth edges

// Signed distance to a rounded rectangle (negative inside).
function roundedRect(x, y, left, top, right, bottom, radius) {
  const cx = (left + right) / 2;
  const cy = (top + bottom) / 2;
  const qx = Math.abs(x - cx) - (right - left) / 2 + radius;
  const qy = Math.abs(y - cy) - (bottom - top) / 2 + radius;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
}
const circle = (x, y, cx, cy, r) => Math.hypot(x - cx, y - cy) - r;
// Distance to a segment, minus half the stroke width.
function stroke(x, y, ax, ay, bx, by, width) {
  const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay))) - width / 2;
}

const RED_TOP = [198, 40, 40];
const RED_BOTTOM = [150, 20, 24];
const WHITE = [255, 255, 255];
const LINE = [176, 184, 196];
const YELLOW = [255, 196, 0];
const DARK_RED = [150, 20, 24];

// The shapes from back to front: the colour of the topmost shape containing the point wins.
function colourAt(x, y) {
  if (roundedRect(x, y, 16, 16, 496, 496, 104) > 0) return null;
  let colour = RED_TOP.map((c, i) => Math.round(c + ((RED_BOTTOM[i] - c) * y) / SIZE));
  if (roundedRect(x, y, 132, 92, 352, 392, 22) <= 0) colour = WHITE;
  for (const [top, right] of [[150, 300], [196, 300], [242, 300], [288, 240]]) {
    if (roundedRect(x, y, 172, top, right, top + 18, 9) <= 0) colour = LINE;
  }
  if (circle(x, y, 356, 364, 100) <= 0) colour = WHITE;
  if (circle(x, y, 356, 364, 84) <= 0) colour = YELLOW;
  if (stroke(x, y, 314, 366, 346, 398, 26) <= 0 || stroke(x, y, 346, 398, 402, 332, 26) <= 0) colour = DARK_RED;
  return colour;
}

const rows = Buffer.alloc(SIZE * (1 + SIZE * 4));
for (let y = 0; y < SIZE; y++) {
  const rowStart = y * (1 + SIZE * 4);
  rows[rowStart] = 0; // PNG filter: none
  for (let x = 0; x < SIZE; x++) {
    const sum = [0, 0, 0, 0];
    for (let sy = 0; sy < SAMPLES; sy++) {
      for (let sx = 0; sx < SAMPLES; sx++) {
        const c = colourAt(x + (sx + 0.5) / SAMPLES, y + (sy + 0.5) / SAMPLES);
        if (c === null) continue;
        sum[0] += c[0];
        sum[1] += c[1];
        sum[2] += c[2];
        sum[3] += 1;
      }
    }
    const at = rowStart + 1 + x * 4;
    const covered = sum[3];
    rows[at] = covered ? Math.round(sum[0] / covered) : 0;
    rows[at + 1] = covered ? Math.round(sum[1] / covered) : 0;
    rows[at + 2] = covered ? Math.round(sum[2] / covered) : 0;
    rows[at + 3] = Math.round((255 * covered) / (SAMPLES * SAMPLES));
  }
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bit depth
header[9] = 6; // colour type: RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(rows, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(new URL('./icon.png', import.meta.url), png);
console.log(`build/icon.png: ${SIZE}×${SIZE}, ${png.length} bytes`);
