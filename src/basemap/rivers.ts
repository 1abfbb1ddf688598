/**
 * Rivers for the basemap from GSHHG's WDBII lines (src/basemap/data/gshhg.json): the data has
 * no names, and a river is many pieces (cut at every confluence). A river is named along its
 * whole course: the pieces on the shortest paths, through the network, between the places it
 * is known to pass (`near` in labels.json) get its name, and all of them form one feature, so
 * the map shows each river as one continuous, named line rather than loose labelled stretches.
 */
import type { Feature, Position } from 'geojson';

export type RiverLine = { level: number; line: Position[] };
export type RiverName = { en: string; ar: string; near: [number, number][] };

const dist = (a: Position, b: Position) =>
  Math.hypot((a[0]! - b[0]!) * Math.cos((((a[1]! + b[1]!) / 2) * Math.PI) / 180), a[1]! - b[1]!);
const length = (l: Position[]) => l.reduce((s, p, i) => (i ? s + dist(l[i - 1]!, p) : 0), 0);
/** Pieces whose ends are this close (degrees) meet: the data's pieces are cut at bin edges. */
const JOIN = 0.01;
/**
 * Ends further apart than JOIN but closer than this (degrees, ~10 km) are bridged by a straight
 * line when a named river's course needs it: WDBII stops where a river widens into a reservoir
 * (as rivers do behind a dam) and carries on after it.
 */
const GAP = 0.1;
/** A `near` place names a river passing within this distance (degrees, ~15 km). */
const NEAR = 0.15;

/** Indices of the pieces on the shortest path (by length) between piece `from` and piece `to`. */
function path(
  lines: RiverLine[],
  meets: number[][],
  gaps: number[][],
  end: (k: number) => Position,
  from: number,
  to: number,
): { pieces: number[]; bridges: Position[][] } {
  const n = lines.length * 2;
  const best = new Array<number>(n).fill(Infinity);
  const via = new Array<number>(n).fill(-1);
  const done = new Array<boolean>(n).fill(false);
  best[2 * from] = 0;
  best[2 * from + 1] = 0;
  for (;;) {
    let u = -1;
    for (let k = 0; k < n; k++) if (!done[k] && best[k]! < Infinity && (u < 0 || best[k]! < best[u]!)) u = k;
    if (u < 0) return { pieces: [], bridges: [] };
    if (u >> 1 === to) {
      const pieces = [to];
      const bridges: Position[][] = [];
      for (let k = u; via[k]! >= 0; k = via[k]!) {
        const v = via[k]!;
        pieces.push(v >> 1);
        if (v >> 1 !== k >> 1 && dist(end(v), end(k)) >= JOIN) bridges.push([end(v), end(k)]);
      }
      return { pieces: [...new Set(pieces)], bridges };
    }
    done[u] = true;
    const relax = (v: number, w: number) => {
      if (best[u]! + w < best[v]!) {
        best[v] = best[u]! + w;
        via[v] = u;
      }
    };
    relax(u ^ 1, length(lines[u >> 1]!.line));
    for (const v of meets[u]!) if (!done[v]) relax(v, 0);
    // A bridge costs more than its length, so the course follows the data wherever it can.
    for (const v of gaps[u]!) if (!done[v]) relax(v, dist(end(u), end(v)) * 3);
  }
}

function nearestPiece(lines: RiverLine[], at: Position): number {
  let best = -1;
  let d = NEAR;
  lines.forEach((l, i) => {
    for (const p of l.line) {
      const e = dist(p, at);
      if (e < d) {
        d = e;
        best = i;
      }
    }
  });
  return best;
}

/**
 * Pieces split where another piece ends on or near them (within GAP), so the network has a node
 * there: a river's double-lined banks (WDBII level 0) run on for a hundred kilometres, and the
 * single line above them ends beside their middle, not at their end.
 */
export function splitAtJunctions(lines: RiverLine[]): RiverLine[] {
  const cuts = lines.map(() => new Set<number>());
  lines.forEach((a, i) => {
    for (const e of [a.line[0]!, a.line[a.line.length - 1]!])
      lines.forEach((b, j) => {
        if (i === j) return;
        let best = -1;
        let d = GAP;
        b.line.forEach((p, k) => {
          const x = dist(p, e);
          if (x < d) {
            d = x;
            best = k;
          }
        });
        if (best > 0 && best < b.line.length - 1) cuts[j]!.add(best);
      });
  });
  return lines.flatMap((l, i) => {
    const at = [...cuts[i]!].sort((a, b) => a - b);
    const out: RiverLine[] = [];
    let from = 0;
    for (const k of [...at, l.line.length - 1]) {
      if (k > from) out.push({ level: l.level, line: l.line.slice(from, k + 1) });
      from = k;
    }
    return out;
  });
}

/** One feature per named river (all its pieces), and the unnamed pieces, each its own feature. */
export function namedRivers(pieces: RiverLine[], names: RiverName[]): Feature[] {
  const lines = splitAtJunctions(pieces);
  // Nodes are piece ends (piece i joins nodes 2i and 2i+1); ends closer than JOIN meet.
  const end = (k: number) => {
    const l = lines[k >> 1]!.line;
    return k & 1 ? l[l.length - 1]! : l[0]!;
  };
  const meets = Array.from({ length: lines.length * 2 }, (_, u) =>
    Array.from({ length: lines.length * 2 }, (_, v) => v).filter(
      (v) => v >> 1 !== u >> 1 && dist(end(u), end(v)) < JOIN,
    ),
  );
  const gaps = Array.from({ length: lines.length * 2 }, (_, u) =>
    Array.from({ length: lines.length * 2 }, (_, v) => v).filter(
      (v) => v >> 1 !== u >> 1 && dist(end(u), end(v)) >= JOIN && dist(end(u), end(v)) < GAP,
    ),
  );
  const owner = new Map<number, RiverName>();
  const bridges = new Map<RiverName, Position[][]>();
  for (const r of names) {
    const ends = r.near.map((p) => nearestPiece(lines, p)).filter((i) => i >= 0);
    for (let i = 0; i < ends.length; i++)
      for (let j = i + 1; j < ends.length; j++) {
        const p = path(lines, meets, gaps, end, ends[i]!, ends[j]!);
        for (const k of p.pieces) if (!owner.has(k)) owner.set(k, r);
        bridges.set(r, [...(bridges.get(r) ?? []), ...p.bridges]);
      }
    for (const k of ends) if (!owner.has(k)) owner.set(k, r);
  }
  // Each named river carries an id (its place in labels.json, from 1), kept in every tile it is
  // cut into, so the map can tell one river from two stretches with the same name.
  const named: Feature[] = names.flatMap((r, i) => {
    const parts = [
      ...lines.filter((_, i) => owner.get(i) === r).map((l) => l.line),
      ...(bridges.get(r) ?? []),
    ];
    return parts.length
      ? [
          {
            type: 'Feature' as const,
            id: i + 1,
            properties: { name_en: r.en, name_ar: r.ar, level: 1 },
            geometry: { type: 'MultiLineString' as const, coordinates: parts },
          },
        ]
      : [];
  });
  const rest: Feature[] = lines
    .filter((_, i) => !owner.has(i))
    .map((l) => ({
      type: 'Feature' as const,
      properties: { level: l.level },
      geometry: { type: 'LineString' as const, coordinates: l.line },
    }));
  return [...named, ...rest];
}
