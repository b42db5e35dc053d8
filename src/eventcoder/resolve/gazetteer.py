"""The gazetteer: GeoNames countries, admin1 regions and cities, looked up by name.

The shipped file (``resources/gazetteer/gazetteer.json.gz``, built by ``scripts/build_gazetteer.py``) is loaded by
:func:`load_gazetteer` into an immutable :class:`Gazetteer` value that callers keep and pass around; nothing is
cached in a module global.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Literal

from eventcoder.resolve.names import name_key

PlaceKind = Literal["country", "admin1", "city"]
FORMAT_VERSION = 1
_KIND_RANK = {"country": 0, "city": 1, "admin1": 2}


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry. ``country`` is ISO 3166 alpha-3 (as in CAMEO actor codes); ``admin1`` the region's name.

    The point of a country or an admin1 region is the population-weighted centre of its cities (only meaningful
    at that precision).
    """

    geonameid: int | None
    name: str
    kind: PlaceKind
    country: str
    admin1: str | None
    lat: float
    lon: float
    population: int


@dataclass(frozen=True, slots=True)
class NameMatch:
    """A place a name can refer to; ``main`` is False when the name is only one of its alternate names."""

    place: Place
    main: bool


class Gazetteer:
    """An immutable name index over places. Build one with :func:`load_gazetteer` or :meth:`from_places`."""

    __slots__ = ("_columns", "_countries", "_keys", "_links", "_offsets", "_places", "max_words", "source")

    def __init__(self, columns: Sequence[Sequence], keys: Sequence[str], links: Sequence[int],
                 offsets: Sequence[int], source: str = "") -> None:
        self._columns = tuple(tuple(c) for c in columns)
        self._keys = {k: i for i, k in enumerate(keys)}
        self._links = tuple(links)
        self._offsets = tuple(offsets)
        self._places: dict[int, Place] = {}  # a memo of rows turned into Place values; not observable
        kinds = self._columns[2] if self._columns else ()
        self._countries = {c: r for r, (k, c) in enumerate(zip(kinds, self._columns[3] if kinds else (), strict=True))
                           if k == "country"}
        self.max_words = max((k.count(" ") + 1 for k in keys), default=1)
        self.source = source

    def __setattr__(self, name: str, value: object) -> None:
        if hasattr(self, name):
            raise AttributeError(f"Gazetteer is immutable: cannot set {name}")
        object.__setattr__(self, name, value)

    @classmethod
    def from_places(cls, entries: Iterable[tuple[Place, Sequence[str]]], source: str = "") -> Gazetteer:
        """A gazetteer of ``(place, alternate names)`` pairs (the place's own name is always a main name)."""
        columns: list[list] = [[] for _ in range(8)]
        index: dict[str, set[int]] = {}
        for row, (place, alternates) in enumerate(entries):
            for col, value in zip(columns, (place.geonameid, place.name, place.kind, place.country,
                                            place.admin1 or "", place.lat, place.lon, place.population), strict=True):
                col.append(value)
            index.setdefault(name_key(place.name), set()).add(row)
            for alt in alternates:
                index.setdefault(name_key(alt), set()).add(~row)
        keys, links, offsets = link_names(index)
        return cls(columns, keys, links, offsets, source)

    def __len__(self) -> int:
        return len(self._columns[0]) if self._columns else 0

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and name_key(name) in self._keys

    def has_key(self, key: str) -> bool:
        """Whether an already normalised key (:func:`name_key`) names a place."""
        return key in self._keys

    def _place(self, row: int) -> Place:
        place = self._places.get(row)
        if place is None:
            gid, name, kind, country, admin1, lat, lon, pop = (c[row] for c in self._columns)
            place = Place(gid, name, kind, country, admin1 or None, lat, lon, pop)
            self._places[row] = place
        return place

    def lookup_key(self, key: str) -> tuple[NameMatch, ...]:
        """The places named by a normalised key, main-name matches first."""
        k = self._keys.get(key)
        if k is None:
            return ()
        return tuple(NameMatch(self._place(i if i >= 0 else ~i), i >= 0)
                     for i in self._links[self._offsets[k]:self._offsets[k + 1]])

    def lookup(self, name: str) -> tuple[NameMatch, ...]:
        """The places a name ("Tripoli", "U.S.", "São Paulo") can refer to."""
        return self.lookup_key(name_key(name))

    def country(self, alpha3: str) -> Place | None:
        """The country entry with ISO alpha-3 code ``alpha3``."""
        row = self._countries.get(alpha3)
        return None if row is None else self._place(row)


def link_names(index: dict[str, set[int]]) -> tuple[list[str], list[int], list[int]]:
    """The name index as sorted keys, links and offsets: row ``i`` by its main name, ``~i`` by an alternate.

    A place linked by its main name is not linked again by an alternate spelling of it; main names first.
    """
    keys = sorted(index)
    links: list[int] = []
    offsets = [0]
    for key in keys:
        ids = index[key] - {~i for i in index[key] if i >= 0}
        links.extend(sorted(ids, key=lambda i: (i < 0, i if i >= 0 else ~i)))
        offsets.append(len(links))
    return keys, links, offsets


def shipped_gazetteer_path() -> Path:
    return Path(str(resources.files("eventcoder") / "resources" / "gazetteer" / "gazetteer.json.gz"))


def load_gazetteer(path: str | Path | None = None) -> Gazetteer:
    """Load a gazetteer file (default: the one shipped in the package); ~0.1 s for the shipped one, and
    nothing the next time in the same process (memo keyed by file and modification time)."""
    path = Path(path) if path is not None else shipped_gazetteer_path()
    stat = path.stat()
    return _load(str(path.resolve()), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=2)
def _load(file: str, mtime_ns: int, size: int) -> Gazetteer:
    path = Path(file)
    data = json.loads(gzip.decompress(path.read_bytes()))
    if data.get("format") != FORMAT_VERSION:
        raise ValueError(f"{path}: unsupported gazetteer format {data.get('format')!r}")
    keys = data["name_keys"].split("\n") if data["name_keys"] else []
    return Gazetteer(data["places"], keys, data["name_links"], data["name_offsets"], data.get("source", ""))


def rank_matches(matches: Sequence[NameMatch], countries: Sequence[str] = (), hints: Sequence[str] = (), *,
                 prefer_cities: bool = False, factor: int = 20) -> list[NameMatch]:
    """Order the readings of an ambiguous name, best first.

    A reading in one of ``countries`` (the actors' countries) wins, then one in ``hints`` (e.g. the dateline's
    country), unless another reading is over ``factor`` times as populous (Moscow, Idaho does not beat Moscow
    for a US actor; Tripoli, Lebanon beats Tripoli, Libya for a Lebanese one). Then countries before cities
    before admin1 regions (cities first with ``prefer_cities``, for datelines), main names before alternate
    names, and larger population first.
    """
    if not matches:
        return []
    top = max(m.place.population for m in matches)

    def key(m: NameMatch) -> tuple:
        big = m.place.population * factor >= top
        kind = _KIND_RANK[m.place.kind]
        if prefer_cities and m.place.kind == "city":
            kind = -1
        return (not (big and m.place.country in countries), not (big and m.place.country in hints), kind,
                not m.main, -m.place.population)

    return sorted(matches, key=key)
