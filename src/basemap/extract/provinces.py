"""One-off extraction of first-level divisions (provinces, governorates) for the
basemap (run by hand, output committed as src/basemap/data/provinces.json).

Inputs (arguments):
  1. world_map.gpkg from Debian's `qgis-common` (Natural Earth 1:10m admin-1
     "states_provinces", public domain), e.g.
       apt-get download qgis-common && dpkg -x qgis-common_*.deb q
       -> q/usr/share/qgis/resources/data/world_map.gpkg
  2. geonames.mo for Arabic from Debian's `libgeonames-common` (GeoNames names
     tagged `ar`, CC BY 4.0; keyed by GeoNames admin-1 codes such as "IQ.07"),
     as for places.py.
  python3 src/basemap/extract/provinces.py q/.../world_map.gpkg \
    x/usr/share/locale/ar/LC_MESSAGES/geonames.mo > src/basemap/data/provinces.json

Writes only what the map draws, so the archive stays small:
- `boundaries`: the lines between two divisions of the same country (a country's
  outer edge is already drawn from the finer 1:10m borders; drawing it twice at two
  generalisations would show a double line);
- `provinces`: one label anchor per division of the Arab states around the story
  (the point farthest inside its largest part), with English and Arabic names, and
  its outline (outer rings, simplified to ~1 km), so the build can repeat the name
  inside it zoom by zoom as it does country names.
Divisions of Iran, Turkey, Israel and Egypt get lines but no labels: GeoNames tags
Arabic names for only a few of them, and a half-labelled country misleads.

Standard stdlib only: sqlite3 reads the GeoPackage, struct the WKB geometries.
"""
import collections, gettext, json, math, sqlite3, struct, sys

# Wider than the region archive (34-50 E, 27-39 N) so lines run off its edges.
BBOX = (33.0, 26.0, 51.0, 40.0)
LABELLED = ("IRQ", "SYR", "JOR", "KWT", "LBN", "SAU")
# GeoNames admin-1 codes are FIPS 10-4 codes under the ISO country code; Natural
# Earth keeps FIPS with the FIPS country prefix.
FIPS_TO_ISO = {"IZ": "IQ", "SY": "SY", "JO": "JO", "KU": "KW", "LE": "LB", "SA": "SA"}

# Spellings an English-language reader knows, instead of Natural Earth's transliterations.
EN = {
    "IZ01": "Anbar", "IZ02": "Basra", "IZ03": "Muthanna", "IZ04": "Qadisiyah", "IZ05": "Sulaymaniyah",
    "IZ06": "Babil", "IZ07": "Baghdad", "IZ08": "Duhok", "IZ09": "Dhi Qar", "IZ10": "Diyala", "IZ11": "Erbil",
    "IZ12": "Karbala", "IZ13": "Kirkuk", "IZ14": "Maysan", "IZ15": "Nineveh", "IZ16": "Wasit", "IZ17": "Najaf",
    "IZ18": "Salah al-Din",
    "SY01": "Hasakah", "SY02": "Latakia", "SY03": "Quneitra", "SY04": "Raqqa", "SY05": "Suwayda", "SY06": "Daraa",
    "SY07": "Deir ez-Zor", "SY08": "Rif Dimashq", "SY09": "Aleppo", "SY10": "Hama", "SY11": "Homs", "SY12": "Idlib",
    "SY13": "Damascus", "SY14": "Tartus",
    "JO02": "Balqa", "JO09": "Karak", "JO12": "Tafilah", "JO15": "Mafraq", "JO16": "Amman", "JO17": "Zarqa",
    "JO18": "Irbid", "JO19": "Ma'an", "JO20": "Ajloun", "JO21": "Aqaba", "JO22": "Jerash", "JO23": "Madaba",
    "KU02": "Capital", "KU04": "Ahmadi", "KU05": "Jahra", "KU07": "Farwaniya", "KU08": "Hawalli", "KU-MK": "Mubarak Al-Kabeer",
    "LE04": "Beirut", "LE05": "Mount Lebanon", "LE06": "South Lebanon", "LE07": "Nabatieh", "LE08": "Beqaa", "LE09": "North Lebanon",
    "SA05": "Medina", "SA06": "Eastern Province", "SA08": "Qassim", "SA10": "Riyadh", "SA13": "Hail",
    "SA15": "Northern Borders", "SA19": "Tabuk", "SA20": "Al Jawf", "SA14": "Makkah",
}
# Arabic names checked by hand: where GeoNames has none in Arabic script, or tags
# another place's name (IQ.15 carries Mosul, the governorate's capital, not Nineveh).
CURATED_AR = {
    "IZ01": "الأنبار", "IZ11": "أربيل", "IZ15": "نينوى",
    "JO20": "عجلون", "JO22": "جرش", "KU-MK": "مبارك الكبير",
    "SA06": "الشرقية", "SA13": "حائل", "SA15": "الحدود الشمالية",
}
PREFIXES = ("محافظة ", "منطقة ", "إمارة ")
DIACRITICS = {chr(c) for c in range(0x064B, 0x0653)} | {"\u0640", "\u200e", "\u200f"}


def clean_ar(s):
    s = "".join(ch for ch in s if ch not in DIACRITICS).strip()
    for p in PREFIXES:
        if s.startswith(p):
            s = s[len(p):]
    return s


def is_arabic(s):
    return all("\u0600" <= ch <= "\u06ff" or ch == " " for ch in s)


def read_wkb(b):
    o = 0

    def take(fmt):
        nonlocal o
        v = struct.unpack_from(fmt, b, o)
        o += struct.calcsize(fmt)
        return v

    def geometry():
        nonlocal o
        e = "<" if b[o] == 1 else ">"
        o += 1
        (kind,) = take(e + "I")
        if kind == 3:  # Polygon
            (n,) = take(e + "I")
            rings = []
            for _ in range(n):
                (m,) = take(e + "I")
                rings.append([take(e + "dd") for _ in range(m)])
            return [rings]
        if kind == 6:  # MultiPolygon
            (n,) = take(e + "I")
            return [p for _ in range(n) for p in geometry()]
        raise ValueError(f"unexpected WKB type {kind}")

    return geometry()


def read_gpkg_geometry(blob):
    # GeoPackage header: "GP", version, flags (bits 1-3 = envelope kind), srs id, envelope.
    envelope = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}[(blob[3] >> 1) & 7]
    return read_wkb(blob[8 + envelope:])


def ring_area(r):
    return sum(r[i][0] * r[i + 1][1] - r[i + 1][0] * r[i][1] for i in range(len(r) - 1)) / 2


def inside_distance(poly, x, y, k):
    """Signed distance (degrees of latitude) from (x, y) to the polygon's edges; > 0 inside."""
    inside, best = False, math.inf
    for ring in poly:
        for (ax, ay), (bx, by) in zip(ring, ring[1:]):
            if (ay > y) != (by > y) and x < (bx - ax) * (y - ay) / (by - ay) + ax:
                inside = not inside
            dx, dy = (bx - ax) * k, by - ay
            t = 0 if dx == dy == 0 else max(0, min(1, ((x - ax) * k * dx + (y - ay) * dy) / (dx * dx + dy * dy)))
            best = min(best, math.hypot((x - ax) * k - t * dx, y - ay - t * dy))
    return best if inside else -best


def label_point(polys):
    """The point farthest inside the largest part, by a grid search refined three times."""
    poly = max(polys, key=lambda p: abs(ring_area(p[0])))
    xs, ys = [p[0] for p in poly[0]], [p[1] for p in poly[0]]
    k = math.cos(math.radians((min(ys) + max(ys)) / 2))
    cx, cy, w, h = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2, max(xs) - min(xs), max(ys) - min(ys)
    best = (-math.inf, cx, cy)
    for _ in range(4):
        for i in range(25):
            for j in range(25):
                x, y = cx - w / 2 + w * (i + 0.5) / 25, cy - h / 2 + h * (j + 0.5) / 25
                d = inside_distance(poly, x, y, k)
                if d > best[0]:
                    best = (d, x, y)
        _, cx, cy = best
        w, h = w / 5, h / 5
    return [round(best[1], 3), round(best[2], 3)]


def simplify(ring, tol):
    """Douglas-Peucker: the ring with every point within `tol` degrees of the kept line dropped."""
    keep = {0, len(ring) - 1}
    todo = [(0, len(ring) - 1)]
    while todo:
        i, j = todo.pop()
        (ax, ay), (bx, by) = ring[i], ring[j]
        best, at = 0.0, None
        for k in range(i + 1, j):
            px, py = ring[k]
            dx, dy = bx - ax, by - ay
            t = 0 if dx == dy == 0 else max(0, min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
            d = math.hypot(px - ax - t * dx, py - ay - t * dy)
            if d > best:
                best, at = d, k
        if at is not None and best > tol:
            keep.add(at)
            todo += [(i, at), (at, j)]
    return [ring[k] for k in sorted(keep)]


def outline(polys):
    """Each part's outer ring, simplified to ~1 km and rounded: enough to tell whether a label
    point is inside the division, at a fraction of the bytes."""
    rings = [[[round(x, 3), round(y, 3)] for x, y in simplify(p[0], 0.01)] for p in polys]
    return [r for r in rings if len(r) >= 4]


def chain(segments):
    """Join undirected segments into as few polylines as possible."""
    ends = collections.defaultdict(list)
    for s in segments:
        ends[s[0]].append(s)
        ends[s[1]].append(s)
    used, lines = set(), []

    def walk(p, line):
        while True:
            nxt = next((s for s in ends[p] if s not in used), None)
            if nxt is None:
                return line
            used.add(nxt)
            p = nxt[1] if nxt[0] == p else nxt[0]
            line.append(p)

    # Start at the ends of open chains (points touching one or three+ segments), then loops.
    starts = sorted(p for p, ss in ends.items() if len(ss) != 2) + sorted(ends)
    for p in starts:
        while any(s not in used for s in ends[p]):
            lines.append(walk(p, [p]))
    return lines


def main(gpkg, mo):
    ar_catalog = gettext.GNUTranslations(open(mo, "rb"))._catalog
    db = sqlite3.connect(gpkg)
    rows = db.execute("select adm0_a3, fips, name, geom from states_provinces order by adm0_a3, fips, name").fetchall()
    owners = collections.defaultdict(set)  # rounded segment -> {(country, division)}
    provinces = []
    for adm0, fips, name, blob in rows:
        polys = read_gpkg_geometry(blob)
        pts = [p for poly in polys for p in poly[0]]
        if not any(BBOX[0] <= x <= BBOX[2] and BBOX[1] <= y <= BBOX[3] for x, y in pts):
            continue
        key = fips or f"{(adm0 or '')[:2]}-{name}"
        if adm0 == "KWT" and not fips:
            key = "KU-MK"  # Mubarak Al-Kabeer (2000) postdates the FIPS list
        for poly in polys:
            for ring in poly:
                r = [(round(x, 4), round(y, 4)) for x, y in ring]
                for a, b in zip(r, r[1:]):
                    if a != b:
                        owners[(min(a, b), max(a, b))].add((adm0, key))
        if adm0 not in LABELLED or key not in EN:
            continue
        at = label_point(polys)
        if not (BBOX[0] + 1 <= at[0] <= BBOX[2] - 1 and BBOX[1] + 1 <= at[1] <= BBOX[3] - 1):
            continue
        tagged = ar_catalog.get(f"{FIPS_TO_ISO[key[:2]]}.{key[2:]}", "") if key[2:].isdigit() else ""
        ar, source = (CURATED_AR[key], "curated") if key in CURATED_AR else (clean_ar(tagged), "libgeonames-common ar")
        if not ar or not is_arabic(ar):
            raise SystemExit(f"{key} {name}: no Arabic name tagged in GeoNames ({tagged!r}); add one to CURATED_AR")
        # Area in km² (equirectangular at each ring's latitude): the style shows small divisions' names later.
        km2 = sum(abs(ring_area(p[0])) * math.cos(math.radians(p[0][0][1])) * 111.32 ** 2 for p in polys)
        provinces.append({"adm0": adm0, "fips": key, "en": EN[key], "ar": ar, "ar_source": source, "at": at, "km2": round(km2, -2), "outline": outline(polys)})

    inner = [s for s, who in owners.items() if len(who) == 2 and len({c for c, _ in who}) == 1]
    lines = [[list(p) for p in line] for line in chain(sorted(inner))]
    json.dump({"provinces": provinces, "boundaries": lines}, sys.stdout, ensure_ascii=False, separators=(",", ":"))
    print()
    print(f"{len(provinces)} labels, {len(lines)} lines, {sum(map(len, lines))} points", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
