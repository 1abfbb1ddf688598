/**
 * A small writer for PMTiles v3 archives (https://github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md).
 * Pure: tiles in, bytes out. Tiles are clustered (data in tile-id order), identical
 * tiles are stored once, runs of identical consecutive tiles share one entry, and the
 * root directory holds every entry (small archives only: it must fit in 16 KiB).
 */
import { gzipSync } from 'node:zlib';
import { zxyToTileId } from 'pmtiles';

export interface TileInput {
  z: number;
  x: number;
  y: number;
  /** The tile's bytes, already compressed as `tileCompression` says. */
  data: Uint8Array;
}

export interface ArchiveOptions {
  /** 1 MVT, 2 PNG, … (spec TileType). */
  tileType: 1;
  /** 1 none, 2 gzip (spec Compression). */
  tileCompression: 1 | 2;
  minZoom: number;
  maxZoom: number;
  bounds: [number, number, number, number];
  center: [number, number, number];
  metadata: Record<string, unknown>;
}

interface Entry {
  tileId: number;
  offset: number;
  length: number;
  runLength: number;
}

const HEADER_BYTES = 127;
const ROOT_MAX = 16384 - HEADER_BYTES;

function varint(out: number[], n: number): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`pmtiles: cannot encode ${n} as a varint`);
  while (n >= 0x80) {
    out.push((n % 0x80) | 0x80);
    n = Math.floor(n / 0x80);
  }
  out.push(n);
}

/** Serialises a directory as the spec says: count, then each column of deltas/values. */
export function serializeDirectory(entries: Entry[]): Uint8Array {
  const out: number[] = [];
  varint(out, entries.length);
  let last = 0;
  for (const e of entries) {
    varint(out, e.tileId - last);
    last = e.tileId;
  }
  for (const e of entries) varint(out, e.runLength);
  for (const e of entries) varint(out, e.length);
  entries.forEach((e, i) => {
    const prev = entries[i - 1];
    varint(out, i > 0 && prev && e.offset === prev.offset + prev.length ? 0 : e.offset + 1);
  });
  return Uint8Array.from(out);
}

/** Deterministic gzip: no file name, no time stamp. */
export function gzip(data: Uint8Array | string): Uint8Array {
  const z = gzipSync(typeof data === 'string' ? Buffer.from(data, 'utf8') : data, { level: 9 });
  z[9] = 255; // OS byte "unknown": the same bytes on every platform
  return new Uint8Array(z.buffer, z.byteOffset, z.byteLength);
}

export function writePmtiles(tiles: TileInput[], options: ArchiveOptions): Uint8Array {
  const sorted = tiles
    .map((t) => ({ ...t, tileId: zxyToTileId(t.z, t.x, t.y) }))
    .sort((a, b) => a.tileId - b.tileId);
  const entries: Entry[] = [];
  const chunks: Uint8Array[] = [];
  const seen = new Map<string, { offset: number; length: number }>();
  let dataLength = 0;
  for (let i = 0; i < sorted.length; i++) {
    const t = sorted[i]!;
    if (i > 0 && sorted[i - 1]!.tileId === t.tileId)
      throw new Error(`pmtiles: tile ${t.z}/${t.x}/${t.y} given twice`);
    const key = Buffer.from(t.data).toString('base64');
    let at = seen.get(key);
    if (!at) {
      at = { offset: dataLength, length: t.data.byteLength };
      seen.set(key, at);
      chunks.push(t.data);
      dataLength += t.data.byteLength;
    }
    const prev = entries[entries.length - 1];
    if (prev && prev.offset === at.offset && prev.tileId + prev.runLength === t.tileId) prev.runLength++;
    else entries.push({ tileId: t.tileId, offset: at.offset, length: at.length, runLength: 1 });
  }
  const root = gzip(serializeDirectory(entries));
  if (root.byteLength > ROOT_MAX)
    throw new Error(
      `pmtiles: root directory is ${root.byteLength} bytes; this writer supports up to ${ROOT_MAX} (no leaf directories)`,
    );
  const metadata = gzip(JSON.stringify(options.metadata));

  const rootOffset = HEADER_BYTES;
  const metadataOffset = rootOffset + root.byteLength;
  const dataOffset = metadataOffset + metadata.byteLength;
  const total = dataOffset + dataLength;
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  out.set(new TextEncoder().encode('PMTiles'), 0);
  out[7] = 3;
  const u64 = (at: number, n: number) => view.setBigUint64(at, BigInt(n), true);
  u64(8, rootOffset);
  u64(16, root.byteLength);
  u64(24, metadataOffset);
  u64(32, metadata.byteLength);
  u64(40, dataOffset); // no leaf directories: offset anywhere, length 0
  u64(48, 0);
  u64(56, dataOffset);
  u64(64, dataLength);
  u64(72, sorted.length);
  u64(80, entries.length);
  u64(88, chunks.length);
  out[96] = 1; // clustered
  out[97] = 2; // internal compression: gzip
  out[98] = options.tileCompression;
  out[99] = options.tileType;
  out[100] = options.minZoom;
  out[101] = options.maxZoom;
  const e7 = (n: number) => Math.round(n * 1e7);
  view.setInt32(102, e7(options.bounds[0]), true);
  view.setInt32(106, e7(options.bounds[1]), true);
  view.setInt32(110, e7(options.bounds[2]), true);
  view.setInt32(114, e7(options.bounds[3]), true);
  out[118] = options.center[2];
  view.setInt32(119, e7(options.center[0]), true);
  view.setInt32(123, e7(options.center[1]), true);
  out.set(root, rootOffset);
  out.set(metadata, metadataOffset);
  let at = dataOffset;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}
