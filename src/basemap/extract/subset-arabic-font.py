"""One-off: subset Noto Sans Arabic (npm @fontsource/noto-sans-arabic, OFL) to the Arabic
letters the basemap's labels use, with their presentation forms (MapLibre shapes Arabic
into U+FB50-FDFF / U+FE70-FEFF code points, so those glyphs are what it draws).
Output committed as src/basemap/data/fonts/noto-sans-arabic-basemap.woff2. Needs Debian's
python3-fonttools and python3-brotli:
  /usr/bin/python3 src/basemap/extract/subset-arabic-font.py \
    node_modules/@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-400-normal.woff2
Run it again when src/basemap/data/places.json, provinces.json, labels.json or world-countries.json gains a new Arabic letter
(tests/unit/basemap.test.ts reads the font's character map and fails on a missing letter).
"""
import json, sys, unicodedata
from fontTools import subset

def arabic_letters():
    table = json.load(open("src/basemap/data/places.json", encoding="utf-8"))
    places = [dict(zip(table["columns"], row)) for row in table["rows"]]
    labels = json.load(open("src/basemap/data/labels.json", encoding="utf-8"))
    provinces = json.load(open("src/basemap/data/provinces.json", encoding="utf-8"))["provinces"]
    world = json.load(open("src/basemap/data/world-countries.json", encoding="utf-8"))["countries"]
    names = [p["ar"] for p in places + provinces] + [x["ar"] for k in ("countries", "seas", "lakes", "rivers") for x in labels[k]]
    names += [c["ar"] for c in world if "ar" in c]
    return sorted({ord(c) for n in names for c in n if 0x0600 <= ord(c) <= 0x06FF})

letters = arabic_letters()
wanted = set(letters) | {0x20, 0x200C, 0x200D, 0x200E, 0x200F}
# Presentation forms whose compatibility decomposition uses only letters we draw.
for cp in list(range(0xFB50, 0xFE00)) + list(range(0xFE70, 0xFF00)):
    d = unicodedata.decomposition(chr(cp)).split()
    if d and d[0].startswith("<") and all(int(x, 16) in wanted for x in d[1:]):
        wanted.add(cp)
opts = subset.Options()
opts.flavor = "woff2"
opts.layout_features = ["*"]
opts.name_IDs = ["*"]
opts.notdef_outline = True
font = subset.load_font(sys.argv[1], opts)
s = subset.Subsetter(opts)
s.populate(unicodes=sorted(wanted))
s.subset(font)
font.flavorData = None
subset.save_font(font, "src/basemap/data/fonts/noto-sans-arabic-basemap.woff2", opts)
print(f"{len(letters)} letters, {len(wanted)} code points")
