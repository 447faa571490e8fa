// Draws Claimmark's toolbar icons (public/icon/*.png and icon.svg) from one shape list,
// so the PNGs the manifest needs and the SVG stay the same picture. Run: node scripts/draw-icons.mjs
import { writeFileSync, mkdirSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

// A page (rounded square) with three lines of text, the middle one highlighted.
const SHAPES = [
  { x: 0, y: 0, w: 1, h: 1, r: 0.2, color: [37, 41, 52] },
  { x: 0.16, y: 0.22, w: 0.56, h: 0.1, r: 0.04, color: [214, 219, 229] },
  { x: 0.12, y: 0.42, w: 0.76, h: 0.18, r: 0.05, color: [255, 196, 61] },
  { x: 0.2, y: 0.48, w: 0.5, h: 0.06, r: 0.03, color: [120, 78, 0] },
  { x: 0.16, y: 0.7, w: 0.46, h: 0.1, r: 0.04, color: [214, 219, 229] },
];

function inside(s, px, py) {
  if (px < s.x || py < s.y || px > s.x + s.w || py > s.y + s.h) return false;
  const cx = Math.min(Math.max(px, s.x + s.r), s.x + s.w - s.r);
  const cy = Math.min(Math.max(py, s.y + s.r), s.y + s.h - s.r);
  return (px - cx) ** 2 + (py - cy) ** 2 <= s.r ** 2;
}

function crc32(buf) {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function png(size) {
  const ss = 4; // supersampling per axis, for smooth edges
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = [0];
    for (let x = 0; x < size; x++) {
      let [r, g, b, a] = [0, 0, 0, 0];
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const px = (x + (sx + 0.5) / ss) / size;
          const py = (y + (sy + 0.5) / ss) / size;
          const top = SHAPES.findLast((s) => inside(s, px, py));
          if (top) {
            r += top.color[0];
            g += top.color[1];
            b += top.color[2];
            a += 255;
          }
        }
      }
      const n = ss * ss;
      const alpha = a / n;
      const k = a ? n * (alpha / 255) : 1;
      row.push(Math.round(r / k), Math.round(g / k), Math.round(b / k), Math.round(alpha));
    }
    rows.push(Buffer.from(row));
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function svg() {
  const rects = SHAPES.map(
    (s) =>
      `  <rect x="${s.x * 128}" y="${s.y * 128}" width="${s.w * 128}" height="${s.h * 128}" rx="${s.r * 128}" fill="rgb(${s.color.join(',')})"/>`,
  );
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 128 128">\n${rects.join('\n')}\n</svg>\n`;
}

mkdirSync('public/icon', { recursive: true });
for (const size of [16, 32, 48, 128]) writeFileSync(`public/icon/${size}.png`, png(size));
writeFileSync('public/icon/icon.svg', svg());
