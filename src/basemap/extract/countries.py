"""One-off extraction of a name for every country of the world, for the basemap (run by
hand, output committed as src/basemap/data/world-countries.json).

The story's region has curated names (labels.json); a story anywhere else needs its
countries named too. Inputs (arguments), the same Debian packages as provinces.py:
  1. world_map.gpkg from `qgis-common` (Natural Earth 1:10m admin-0 "countries", public
     domain): the English map name (Natural Earth's short form, "Dem. Rep. Congo"), the
     ISO 3166 code, the outline;
  2. geonames.mo for Arabic from `libgeonames-common` (GeoNames names tagged `ar`, CC BY
     4.0), keyed by ISO 3166 alpha-2 code.
  python3 src/basemap/extract/countries.py q/.../world_map.gpkg \
    x/usr/share/locale/ar/LC_MESSAGES/geonames.mo > src/basemap/data/world-countries.json

Writes, per country, its code, names and one label anchor (the point farthest inside its
largest part); the build repeats the name inside the outline it already has (world-atlas,
the same Natural Earth names) zoom by zoom. A country without an Arabic name in GeoNames
gets none: the map then draws its English name alone.
"""
import gettext, json, sqlite3, sys

from provinces import clean_ar, is_arabic, label_point, read_gpkg_geometry, simplify


def main(gpkg, mo):
    ar_catalog = gettext.GNUTranslations(open(mo, "rb"))._catalog
    db = sqlite3.connect(gpkg)
    rows = db.execute("select NAME, iso_a2, geom from countries where NAME is not null order by NAME").fetchall()
    countries = []
    for name, iso, blob in rows:
        ar = clean_ar(ar_catalog.get(iso, "")) if len(iso) == 2 else ""
        # Simplified to ~2 km first: the search measures every edge, and a large country has 100,000.
        polys = [[simplify(ring, 0.02) for ring in poly] for poly in read_gpkg_geometry(blob)]
        at = [round(c, 2) for c in label_point(polys)]
        countries.append({"iso": iso, "en": name, **({"ar": ar} if ar and is_arabic(ar) else {}), "at": at})
    note = (
        "Every country's Natural Earth map name (public domain), its Arabic name from GeoNames "
        "(CC BY 4.0) where tagged, and a label anchor; extracted by src/basemap/extract/countries.py."
    )
    # One country a line: a change shows as a line in a diff.
    rows = ",\n".join(json.dumps(c, ensure_ascii=False, separators=(",", ":")) for c in countries)
    print(f'{{"note":{json.dumps(note)},\n"countries":[\n{rows}\n]}}')
    print(f"{len(countries)} countries, {sum('ar' in c for c in countries)} with Arabic names", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
