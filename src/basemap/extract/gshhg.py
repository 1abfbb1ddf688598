#!/usr/bin/env python3
"""Extracts full-resolution rivers and lakes from GSHHG 2.3.7 for the basemap's coverage
into src/basemap/data/gshhg.json. Run once at development time (again after a story adds a
place elsewhere):

    apt-get install -y gmt gmt-gshhg-full
    npx tsx src/basemap/extract/areas.ts > /tmp/areas.json   # the coverage, from the content
    python3 src/basemap/extract/gshhg.py /tmp/areas.json

Debian's gmt-gshhg-full ships GSHHG as GMT's binned netCDF-4 files (binned_river_f.nc,
binned_GSHHS_f.nc), not the native .b files; GMT's own `gmt coast -M` reads them and prints
the lines of a region as text ("> header" then "lon<TAB>lat" per point), cut at the edges of
GMT's bins. This script chains those pieces back into lines wherever exactly two meet, so a
river between two confluences is one line.

- rivers: WDBII levels 0 (the banks of double-lined rivers, the Tigris through Baghdad), 1
  (permanent major rivers) and 2 (additional major rivers) within the
  box around all covered areas; level is kept so the style can draw the larger ones first.
- lakes: GSHHG level-2 shorelines (lakes) within the areas viewed closely (tile zoom 10 and
  more), closed rings only (a lake cut by the area's edge is left to Natural Earth's lakes).

Coordinates are rounded to 1e-4 degrees (~10 m; GSHHG's full resolution is ~100 m at best).
GSHHG is by Wessel and Smith, released under the LGPL (version 3 or later); see
https://www.soest.hawaii.edu/pwessel/gshhg/.
"""
import json
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def gmt_lines(region, flag):
    out = subprocess.run(
        ['gmt', 'coast', '-R' + '/'.join(str(v) for v in region), '-Df', flag, '-M'],
        check=True, capture_output=True, text=True).stdout
    lines, cur = [], None
    for row in out.splitlines():
        if row.startswith('>'):
            cur = []
            lines.append(cur)
        elif row.strip():
            x, y = row.split()[:2]
            cur.append((round(float(x), 4), round(float(y), 4)))
    return [l for l in lines if len(l) >= 2]


def chain(lines):
    """Joins pieces end to end wherever exactly two pieces meet at a point."""
    lines = [list(l) for l in lines]
    for _ in range(10000):
        ends = defaultdict(list)
        for i, l in enumerate(lines):
            ends[l[0]].append(i)
            ends[l[-1]].append(i)
        joined = False
        for p, ids in sorted(ends.items()):
            if len(ids) != 2 or ids[0] == ids[1]:
                continue
            a, b = lines[ids[0]], lines[ids[1]]
            if a[-1] != p:
                a.reverse()
            if b[0] != p:
                b.reverse()
            lines[ids[0]] = a + b[1:]
            del lines[ids[1]]
            joined = True
            break
        if not joined:
            return lines
    return lines


def dedupe(line):
    return [p for i, p in enumerate(line) if i == 0 or p != line[i - 1]]


def main():
    areas = json.load(open(sys.argv[1]))
    boxes = [a['bbox'] for a in areas['areas']]
    union = [min(b[0] for b in boxes), max(b[2] for b in boxes),
             min(b[1] for b in boxes), max(b[3] for b in boxes)]
    region = [round(union[0] - 0.5, 1), round(union[1] + 0.5, 1),
              round(union[2] - 0.5, 1), round(union[3] + 0.5, 1)]
    rivers = []
    for level in (0, 1, 2):
        for l in chain(gmt_lines(region, f'-I{level}')):
            l = dedupe(l)
            if len(l) >= 2:
                rivers.append({'level': level, 'line': l})
    lakes = []
    seen = set()
    for a in areas['fine']:
        w, s, e, n = a
        for ring in chain(gmt_lines([w, e, s, n], '-W2')):
            ring = dedupe(ring)
            if len(ring) >= 4 and ring[0] == ring[-1] and tuple(ring) not in seen:
                seen.add(tuple(ring))
                lakes.append(ring)
    rivers.sort(key=lambda r: (r['level'], r['line']))
    lakes.sort()
    out = ROOT / 'src/basemap/data/gshhg.json'
    out.write_text(json.dumps({'region': region, 'rivers': rivers, 'lakes': lakes},
                              separators=(',', ':')) + '\n')
    print(f'{len(rivers)} river lines, {len(lakes)} lakes -> {out}')


main()
