#!/usr/bin/env node
// Regenerates build/icon.png (512x512 RGBA): a rounded indigo square with three white "event" bars
// and a green "live" dot. Plain Node (zlib), no image libraries, no downloads:
//   node build/make-icon.mjs
// electron-builder makes the macOS .icns and Windows .ico from this one PNG.
import { writeFileSync } from 'node:fs';
import { deflateSync, crc32 } from 'node:zlib';

const N = 512;
const clamp = (v) => Math.max(0, Math.min(255, Math.round(v)));
const cover = (distance) => Math.max(0, Math.min(1, 0.5 - distance)); // ~1 px anti-aliasing

function roundedRect(x, y, x0, y0, x1, y1, r) {
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return cover(Math.hypot(x - cx, y - cy) - r);
}

const bars = [
  [120, 392, 176],
  [120, 320, 256],
  [120, 360, 336],
];
const raw = Buffer.alloc(N * (1 + 4 * N));
for (let j = 0; j < N; j++) {
  const rowStart = j * (1 + 4 * N);
  raw[rowStart] = 0; // PNG filter: none
  const t = j / (N - 1);
  for (let i = 0; i < N; i++) {
    const [x, y] = [i + 0.5, j + 0.5];
    const alpha = roundedRect(x, y, 24, 24, 488, 488, 96);
    let [r, g, b] = [63 + 40 * t, 81 - 20 * t, 181 + 20 * t];
    const bar = Math.max(...bars.map(([x0, x1, yc]) => roundedRect(x, y, x0, yc - 22, x1, yc + 22, 22)));
    [r, g, b] = [r + (255 - r) * bar, g + (255 - g) * bar, b + (255 - b) * bar];
    const dot = cover(Math.hypot(x - 392, y - 336) - 30);
    [r, g, b] = [r + (76 - r) * dot, g + (217 - g) * dot, b + (100 - b) * dot];
    raw.set([clamp(r), clamp(g), clamp(b), clamp(255 * alpha)], rowStart + 1 + 4 * i);
  }
}

function chunk(type, data) {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body) >>> 0);
  return Buffer.concat([length, body, crc]);
}

const header = Buffer.alloc(13);
header.writeUInt32BE(N, 0);
header.writeUInt32BE(N, 4);
header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
const out = new URL('./icon.png', import.meta.url);
writeFileSync(out, png);
console.log(`build/icon.png: ${N}x${N} RGBA, ${png.length} bytes`);
