// Draws src/publish/assets/favicon.ico from the same shapes as report-icon.svg (a rounded square
// with the caravan mark), at 16 and 32 pixels, as 32-bit BMP images in one ICO file, so browsers
// that ask for /favicon.ico without reading the page get our mark. Run: node scripts/favicon.mjs
import { writeFileSync } from 'node:fs';

const FILL = [0x7a, 0x2e, 0x12];
// The SVG's path in its 64-unit viewBox: segments stroked 4 units wide in white.
const SEGMENTS = [
  [14, 44, 50, 44],
  [18, 44, 24, 30],
  [24, 30, 40, 30],
  [40, 30, 46, 44],
  [26, 30, 29, 22],
  [29, 22, 35, 22],
  [35, 22, 38, 30],
];

function distanceToSegment(px, py, [x1, y1, x2, y2]) {
  const dx = x2 - x1;
  const dy = y2 - y1;
  const t = Math.max(0, Math.min(1, ((px - x1) * dx + (py - y1) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (x1 + t * dx), py - (y1 + t * dy));
}

function insideRoundedSquare(x, y) {
  const r = 12;
  const cx = Math.min(Math.max(x, r), 64 - r);
  const cy = Math.min(Math.max(y, r), 64 - r);
  return x >= 0 && x <= 64 && y >= 0 && y <= 64 && Math.hypot(x - cx, y - cy) <= r;
}

/** RGBA rows, top first, with 4×4 supersampling for smooth edges. */
function draw(size) {
  const out = new Uint8Array(size * size * 4);
  const n = 4;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let cover = 0;
      let white = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const u = ((x + (sx + 0.5) / n) * 64) / size;
          const v = ((y + (sy + 0.5) / n) * 64) / size;
          if (!insideRoundedSquare(u, v)) continue;
          cover++;
          if (SEGMENTS.some((s) => distanceToSegment(u, v, s) <= 2)) white++;
        }
      }
      const i = (y * size + x) * 4;
      const w = cover ? white / cover : 0;
      for (let c = 0; c < 3; c++) out[i + c] = Math.round(FILL[c] * (1 - w) + 255 * w);
      out[i + 3] = Math.round((cover / (n * n)) * 255);
    }
  }
  return out;
}

/** One ICO image: BITMAPINFOHEADER, BGRA rows bottom first, then an all-zero AND mask. */
function bmpImage(size) {
  const rgba = draw(size);
  const maskRow = Math.ceil(size / 32) * 4;
  const buf = Buffer.alloc(40 + size * size * 4 + maskRow * size);
  buf.writeUInt32LE(40, 0);
  buf.writeInt32LE(size, 4);
  buf.writeInt32LE(size * 2, 8); // colour rows plus mask rows, as ICO requires
  buf.writeUInt16LE(1, 12);
  buf.writeUInt16LE(32, 14);
  buf.writeUInt32LE(0, 16);
  buf.writeUInt32LE(size * size * 4 + maskRow * size, 20);
  let at = 40;
  for (let y = size - 1; y >= 0; y--) {
    for (let x = 0; x < size; x++) {
      const i = (y * size + x) * 4;
      buf[at++] = rgba[i + 2];
      buf[at++] = rgba[i + 1];
      buf[at++] = rgba[i];
      buf[at++] = rgba[i + 3];
    }
  }
  return buf;
}

const sizes = [16, 32];
const images = sizes.map(bmpImage);
const header = Buffer.alloc(6 + 16 * sizes.length);
header.writeUInt16LE(0, 0);
header.writeUInt16LE(1, 2);
header.writeUInt16LE(sizes.length, 4);
let offset = header.length;
sizes.forEach((size, k) => {
  const e = 6 + 16 * k;
  header[e] = size;
  header[e + 1] = size;
  header.writeUInt16LE(1, e + 4);
  header.writeUInt16LE(32, e + 6);
  header.writeUInt32LE(images[k].length, e + 8);
  header.writeUInt32LE(offset, e + 12);
  offset += images[k].length;
});
writeFileSync(new URL('../src/publish/assets/favicon.ico', import.meta.url), Buffer.concat([header, ...images]));
