// A small PNG reader for comparing screenshots: 8-bit RGB or RGBA, not interlaced (what Chromium
// writes). Returns RGBA pixels; throws, naming the problem, on anything else.

import { inflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Decodes a PNG buffer to `{ width, height, rgba }` (4 bytes a pixel, rows top to bottom). */
export function decodePng(buf) {
  if (buf.length < 8 || !buf.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG file (bad signature)');
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat = [];
  for (let at = 8; at + 8 <= buf.length;) {
    const length = buf.readUInt32BE(at);
    const type = buf.toString('latin1', at + 4, at + 8);
    const data = buf.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      const [depth, colour, , , interlace] = data.subarray(8, 13);
      if (depth !== 8) throw new Error(`PNG bit depth ${depth}: only 8 is read`);
      if (interlace !== 0) throw new Error('interlaced PNG: not read');
      channels = { 2: 3, 6: 4 }[colour];
      if (!channels) throw new Error(`PNG colour type ${colour}: only RGB (2) and RGBA (6) are read`);
    } else if (type === 'IDAT') {
      idat.push(data);
    } else if (type === 'IEND') {
      break;
    }
    at += 12 + length;
  }
  if (!channels) throw new Error('PNG without an IHDR chunk');
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  if (raw.length !== height * (stride + 1)) throw new Error(`PNG data is ${raw.length} bytes, expected ${height * (stride + 1)}`);
  const out = Buffer.alloc(width * height * 4);
  let prev = Buffer.alloc(stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = Buffer.from(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)));
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? line[i - channels] : 0;
      const b = prev[i];
      const c = i >= channels ? prev[i - channels] : 0;
      let add;
      switch (filter) {
        case 0: add = 0; break;
        case 1: add = a; break;
        case 2: add = b; break;
        case 3: add = (a + b) >> 1; break;
        case 4: {
          const p = a + b - c;
          const pa = Math.abs(p - a);
          const pb = Math.abs(p - b);
          const pc = Math.abs(p - c);
          add = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
          break;
        }
        default: throw new Error(`PNG row ${y}: unknown filter ${filter}`);
      }
      line[i] = (line[i] + add) & 0xff;
    }
    for (let x = 0; x < width; x++) {
      for (let k = 0; k < 4; k++) out[(y * width + x) * 4 + k] = k < channels ? line[x * channels + k] : 255;
    }
    prev = line;
  }
  return { width, height, rgba: out };
}

/**
 * Compares two decoded images of the same size: the share of pixels where some channel differs by
 * more than `threshold`, and the bounding box of those pixels.
 */
export function diffImages(a, b, threshold = 32) {
  if (a.width !== b.width || a.height !== b.height) {
    return { sameSize: false, ratio: 1, box: null, count: Math.max(a.width * a.height, b.width * b.height) };
  }
  let count = 0;
  const box = { left: Infinity, top: Infinity, right: -1, bottom: -1 };
  for (let p = 0; p < a.width * a.height; p++) {
    let differs = false;
    for (let k = 0; k < 4; k++) if (Math.abs(a.rgba[p * 4 + k] - b.rgba[p * 4 + k]) > threshold) differs = true;
    if (differs) {
      count++;
      const x = p % a.width;
      const y = Math.floor(p / a.width);
      box.left = Math.min(box.left, x);
      box.top = Math.min(box.top, y);
      box.right = Math.max(box.right, x);
      box.bottom = Math.max(box.bottom, y);
    }
  }
  return { sameSize: true, count, ratio: count / (a.width * a.height), box: count ? box : null };
}
