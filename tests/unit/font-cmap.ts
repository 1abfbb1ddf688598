/**
 * Which code points a WOFF2 font draws: enough of the WOFF2 container (W3C WOFF2 §5–6)
 * and the OpenType `cmap` table (formats 4 and 12) to answer that in a test, so a label
 * with a letter the subset font lacks fails here instead of showing a blank box.
 */
import { brotliDecompressSync } from 'node:zlib';

function readBase128(b: Uint8Array, pos: { at: number }): number {
  let value = 0;
  for (let i = 0; i < 5; i++) {
    const byte = b[pos.at++]!;
    value = value * 128 + (byte & 0x7f);
    if (!(byte & 0x80)) return value;
  }
  throw new Error('WOFF2: UIntBase128 longer than 5 bytes');
}

/** The decompressed `cmap` table of a WOFF2 font. */
function cmapTable(woff2: Uint8Array): DataView {
  const v = new DataView(woff2.buffer, woff2.byteOffset, woff2.byteLength);
  if (v.getUint32(0) !== 0x774f4632) throw new Error('not a WOFF2 font');
  const numTables = v.getUint16(12);
  const compressedSize = v.getUint32(20);
  const pos = { at: 48 };
  let offset = 0;
  let cmap: { offset: number; length: number } | undefined;
  for (let i = 0; i < numTables; i++) {
    const flags = woff2[pos.at++]!;
    const tagIndex = flags & 0x3f;
    if (tagIndex === 63) pos.at += 4; // an arbitrary tag spelled out
    const transform = flags >> 6;
    const origLength = readBase128(woff2, pos);
    // glyf (10) and loca (11) are transformed unless version 3; other tables unless version 0.
    const transformed = tagIndex === 10 || tagIndex === 11 ? transform !== 3 : transform !== 0;
    const length = transformed ? readBase128(woff2, pos) : origLength;
    if (tagIndex === 0) cmap = { offset, length };
    offset += length;
  }
  if (!cmap) throw new Error('WOFF2: no cmap table');
  const tables = brotliDecompressSync(woff2.subarray(pos.at, pos.at + compressedSize));
  return new DataView(tables.buffer, tables.byteOffset + cmap.offset, cmap.length);
}

/** Every code point the font maps to a glyph other than .notdef. */
export function codePoints(woff2: Uint8Array): Set<number> {
  const t = cmapTable(woff2);
  const out = new Set<number>();
  const n = t.getUint16(2);
  for (let i = 0; i < n; i++) {
    const sub = t.getUint32(4 + i * 8 + 4);
    const format = t.getUint16(sub);
    if (format === 12) {
      const groups = t.getUint32(sub + 12);
      for (let g = 0; g < groups; g++) {
        const [start, end, glyph] = [0, 4, 8].map((k) => t.getUint32(sub + 16 + g * 12 + k)) as [
          number,
          number,
          number,
        ];
        for (let c = start; c <= end; c++) if (glyph + c - start !== 0) out.add(c);
      }
    } else if (format === 4) {
      const segs = t.getUint16(sub + 6) / 2;
      const ends = sub + 14;
      const starts = ends + segs * 2 + 2;
      const deltas = starts + segs * 2;
      const ranges = deltas + segs * 2;
      for (let s = 0; s < segs; s++) {
        const [end, start, delta, range] = [ends, starts, deltas, ranges].map((base) =>
          t.getUint16(base + s * 2),
        ) as [number, number, number, number];
        for (let c = start; c <= end && c !== 0xffff; c++) {
          let glyph: number;
          if (range === 0) glyph = (c + delta) & 0xffff;
          else {
            const g = t.getUint16(ranges + s * 2 + range + (c - start) * 2);
            glyph = g === 0 ? 0 : (g + delta) & 0xffff;
          }
          if (glyph !== 0) out.add(c);
        }
      }
    }
  }
  return out;
}
