"""Event places: where an event happened, from its sentence, the article's dateline or the article's main place.

The rule, in order (the first that gives a place wins):

1. ``source="verb"``: a *locative* place name attached to the event's verb ("met **in Tehran**").
2. ``source="sentence"``: another clause-level locative place name in the sentence ("Speaking **in Tehran**,
   he said ..."), nearest to the verb first.
3. ``source="dateline"``: the article's dateline ("TEHRAN (Fars News Agency)-").
4. ``source="sentence"``, weak: a locative that modifies a noun inside one of the verb's own arguments
   ("arrested five men in Baghdad", where parsers often attach the place to "men" rather than to the verb). It is
   used only without a dateline, because such a locative may describe the noun rather than the event
   ("pointed to the conditions in Iraq").
5. ``source="article"``: the article's most mentioned place (clause-level locative mentions first, then all
   mentions, a headline mention counting as one, then the earliest). A non-locative name counts only when it
   is a country, an admin1 region or a city of >= 100,000 people ("Ali" or "Obama" are people, not towns).
6. ``None``.

A place name is *locative* when its phrase carries a locative preposition (``case`` in/at/near/from/inside/...),
directly or through a conjunction, apposition or a place noun ("in Iraq and Afghanistan", "in the city of
Basra", "in Tehran's Azadi Square"). Only locatives modifying a clause (``obl``/``advmod``, or a copular
predicate) place the event firmly; a locative modifying a noun ("conditions in Iraq") is only step 4, and a name
without a locative preposition is an actor or a metonym for a government ("cooperation between Tehran and
Moscow", "Moscow believes ...") and is never an event place by itself (it only counts as an article mention).

Names are runs of PROPN words that are, as a whole, a gazetteer name (so "Tehran University" or "Ali Larijani"
give no place). An ambiguous name is resolved by :func:`rank_matches`: the actors'
countries (unless another reading is 20 times as populous), then the article's dateline country, then
country > city > admin1, main name > alternate name, population. "Paris, Texas" and "KABUL, Afghanistan" are
narrowed by the qualifier after the comma. ``precision`` is the kind of the place chosen: a country's point
(its population-weighted centre) only ever comes with ``precision="country"``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Literal

from eventcoder.parse.sentence import ParsedSentence, Word
from eventcoder.resolve.dates import MONTHS, WEEKDAYS
from eventcoder.resolve.gazetteer import Gazetteer, NameMatch, Place, rank_matches
from eventcoder.resolve.names import name_key

PlacePrecision = Literal["city", "admin1", "country"]
PlaceSource = Literal["verb", "sentence", "dateline", "article"]

LOCATIVE_CASES = frozenset({"in", "at", "near", "inside", "outside", "within", "around", "across", "throughout",
                            "into", "from", "off", "beside", "along", "outskirts", "nearby"})
PLACE_NOUNS = frozenset({"city", "town", "village", "capital", "province", "region", "district", "state", "country",
                         "area", "suburb", "outskirts", "port", "border", "county", "neighborhood", "neighbourhood",
                         "governorate", "territory", "island", "republic", "municipality", "camp"})
_DATE_WORDS = frozenset((*WEEKDAYS, *MONTHS))
_CONNECTORS = frozenset({"and", "of", "de", "del", "da", "do", "dos", "la", "el", "al", "upon", "on", "sur"})


@dataclass(frozen=True, slots=True)
class EventPlace:
    """Where an event happened. ``text`` is the name as written; ``name`` the gazetteer's; ``country`` alpha-3."""

    text: str
    name: str
    country: str
    admin1: str | None
    lat: float
    lon: float
    geonameid: int | None
    precision: PlacePrecision
    source: PlaceSource

    @classmethod
    def of(cls, place: Place, text: str, source: PlaceSource) -> EventPlace:
        return cls(text, place.name, place.country, place.admin1, place.lat, place.lon, place.geonameid,
                   place.kind, source)


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A place name in a sentence: its words (1-based, contiguous), readings and syntactic role.

    ``locative``: the name sits in a locative phrase; ``predicate``: the clause head that phrase modifies (None for
    non-locatives and for locatives that modify a noun).
    """

    text: str
    indices: tuple[int, ...]
    head: int
    matches: tuple[NameMatch, ...]
    locative: bool
    predicate: int | None


def _kids(sentence: ParsedSentence, index: int) -> list[Word]:
    return [w for w in sentence.words if w.head == index]


def _locative_role(sentence: ParsedSentence, head: int) -> tuple[bool, int | None]:
    """(locative?, the clause head it modifies) for a place name whose head word is ``head``."""
    w = sentence.word(head)
    for _ in range(6):
        cases = {c.text.lower() for c in _kids(sentence, w.index) if c.deprel in ("case", "fixed")}
        parent = sentence.word(w.head) if w.head else None
        if cases & LOCATIVE_CASES:
            rel = w.deprel.split(":")[0]
            if rel in ("obl", "advmod", "advcl") and parent is not None:
                return True, parent.index
            if w.head == 0 or any(c.deprel == "cop" for c in _kids(sentence, w.index)):
                return True, w.index  # "The meeting was in Tehran": the predicate itself
            return True, None  # modifies a noun
        if parent is None:
            return False, None
        rel = w.deprel.split(":")[0]
        place_noun = parent.lemma.lower() in PLACE_NOUNS or parent.upos == "PROPN"
        if cases and not (cases <= {"of"} and place_noun):
            return False, None  # "between Tehran and Moscow", "with Tehran", "of Moscow"
        if rel in ("conj", "appos", "flat") or (
                (rel in ("compound", "nmod") or w.deprel == "nmod:poss") and place_noun):
            w = parent
            continue
        return False, None
    return False, None


def find_mentions(sentence: ParsedSentence, gazetteer: Gazetteer, skip_before: int = -1) -> tuple[PlaceMention, ...]:
    """The place names of a sentence, left to right (words starting before char ``skip_before`` are skipped)."""
    words = sentence.words
    n = len(words)
    spans: list[tuple[int, int]] = []  # 0-based [start, end)
    i = 0
    while i < n:
        w = words[i]
        if w.upos != "PROPN" or not w.text[:1].isupper() or w.start_char < skip_before:
            i += 1
            continue
        j = i + 1
        while j < n and _in_name(words[j]):
            j += 1
        # "Bosnia and Herzegovina", "Rio de Janeiro": a connector joins two runs when the whole is one name.
        while j + 1 < n and words[j].text.lower() in _CONNECTORS and _in_name(words[j + 1]):
            k = j + 2
            while k < n and _in_name(words[k]):
                k += 1
            if k - i <= gazetteer.max_words and gazetteer.has_key(name_key(" ".join(x.text for x in words[i:k]))):
                j = k
            else:
                break
        # The whole run must be one name: "Tehran University" and "Ali Larijani" are no places.
        if j - i <= gazetteer.max_words and gazetteer.has_key(name_key(" ".join(x.text for x in words[i:j]))):
            spans.append((i, j))
        i = j
    mentions = []
    for start, end in spans:
        indices = tuple(range(start + 1, end + 1))
        key = name_key(" ".join(w.text for w in words[start:end]))
        head = next((x for x in indices if not indices[0] <= words[x - 1].head <= indices[-1]), indices[0])
        locative, predicate = _locative_role(sentence, head)
        a = words[start].start_char - sentence.start_char
        b = words[end - 1].end_char - sentence.start_char
        text = sentence.text[a:b] if 0 <= a < b <= len(sentence.text) else " ".join(w.text for w in words[start:end])
        mentions.append(PlaceMention(text, indices, head, gazetteer.lookup_key(key), locative, predicate))
    return _apply_qualifiers(sentence, tuple(mentions))


def _in_name(w: Word) -> bool:
    """A word that continues a run of name words: a capitalised PROPN that is no weekday or month name."""
    return w.upos == "PROPN" and w.text[:1].isupper() and w.text.lower() not in _DATE_WORDS


def _apply_qualifiers(sentence: ParsedSentence, mentions: tuple[PlaceMention, ...]) -> tuple[PlaceMention, ...]:
    """Narrow "Paris, Texas" / "Tripoli, Lebanon" to the readings inside the qualifying region or country."""
    out = list(mentions)
    for k in range(len(out) - 1):
        m, q = out[k], out[k + 1]
        if q.indices[0] != m.indices[-1] + 2 or sentence.word(m.indices[-1] + 1).text != ",":
            continue
        narrowed = tuple(x for x in m.matches if any(_within(x.place, r.place) for r in q.matches))
        if narrowed:
            out[k] = PlaceMention(m.text, m.indices, m.head, narrowed, m.locative, m.predicate)
            out[k + 1] = PlaceMention(q.text, q.indices, q.head, q.matches, False, None)  # the qualifier
    return tuple(out)


def _within(place: Place, region: Place) -> bool:
    if region.kind == "country":
        return place.country == region.country and place.kind != "country"
    if region.kind == "admin1":
        return place.country == region.country and place.admin1 == region.name and place.kind == "city"
    return False


# --- datelines -------------------------------------------------------------------------------------------------

_CAPS_WORD = r"[A-Z][A-Z'’.\-]*[A-Z]\.?"
_DATELINE = re.compile(
    rf"(?<![A-Z])(?P<name>{_CAPS_WORD}(?: {_CAPS_WORD}){{0,3}})"
    r"(?P<qual>,\s*[A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*){0,2})?"
    r"(?:,?\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)?"
    r"\s*(?:\(|[-–—:])"
)
_TITLE_DATELINE = re.compile(
    r"^\W{0,3}(?P<name>[A-Z][a-z]+(?: [A-Z][a-z]+){0,2})(?P<qual>)"
    r"(?:\s*\([^)]{2,40}\)\s*[-–—:]|,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}\b)"
)
_DATELINE_WINDOW = 200
_METONYM_MIN_POPULATION = 100_000
_NON_NAME = re.compile(r"[^\w.’']+")
_MAX_JUNK = 40


@dataclass(frozen=True, slots=True)
class Dateline:
    """The article's dateline place and the character offset (in the document) where the dateline ends."""

    place: Place
    text: str
    end_char: int


def find_dateline(text: str, gazetteer: Gazetteer, offset: int = 0) -> Dateline | None:
    """The dateline at the start of ``text`` ("A00150997.jpgTEHRAN (Fars News Agency)-" -> Tehran)."""
    head = text[:_DATELINE_WINDOW]
    for regex in (_TITLE_DATELINE, _DATELINE):
        for m in regex.finditer(head):
            junk = head[:m.start()]
            if len(junk) > _MAX_JUNK or junk.count(" ") > 2:  # a glued file name or credit, not a sentence
                break
            found = _dateline_place(m.group("name"), m.group("qual") or "", gazetteer)
            if found is not None:
                place, name_text = found
                return Dateline(place, name_text, offset + m.end())
    return None


def _dateline_place(name: str, qualifier: str, gazetteer: Gazetteer) -> tuple[Place, str] | None:
    # Junk in front ("AFP BAGHDAD", "JPGTEHRAN"): drop leading words, then ever more letters of the first word.
    words = name.split()
    qual = gazetteer.lookup(qualifier.strip(" ,")) if qualifier else ()
    for w in range(len(words)):
        first, rest = words[w], words[w + 1:]
        for cut in range(max(1, len(first) - 3)):
            candidate = " ".join([first[cut:], *rest])
            matches = [x for x in gazetteer.lookup(candidate) if x.main or len(candidate) > 4]  # not "IRNA"
            if matches:
                narrowed = [x for x in matches if any(_within(x.place, r.place) for r in qual)] or matches
                return rank_matches(narrowed, prefer_cities=True)[0].place, candidate
    return None


# --- the article -----------------------------------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class ArticlePlaces:
    """Article-level place context: the dateline, the place mentions of each sentence, the most mentioned place."""

    gazetteer: Gazetteer = field(repr=False)
    dateline: Dateline | None
    mentions: Mapping[tuple[str, int], tuple[PlaceMention, ...]] = field(repr=False)
    main_place: Place | None
    main_text: str | None

    @classmethod
    def from_document(cls, sentences: Sequence[ParsedSentence], gazetteer: Gazetteer,
                      title: str | None = None) -> ArticlePlaces:
        dateline = None
        if sentences:
            first = sentences[0]
            dateline = find_dateline(first.text, gazetteer, first.start_char)
        skip = dateline.end_char if dateline else -1
        hints = (dateline.place.country,) if dateline else ()
        mentions: dict[tuple[str, int], tuple[PlaceMention, ...]] = {}
        tally: dict[Place, list] = {}
        position = 0
        for s in sentences:
            found = find_mentions(s, gazetteer, skip)
            mentions[(s.doc_id, s.index)] = found
            for m in found:
                if not m.matches:
                    continue
                place = rank_matches(m.matches, (), hints)[0].place
                if m.predicate is None and place.kind == "city" and place.population < _METONYM_MIN_POPULATION:
                    continue  # "Ali", "Obama": a person's name far likelier than a small town used as an actor
                entry = tally.setdefault(place, [0, 0, position, m.text])
                entry[0] += m.predicate is not None
                entry[1] += 1
                position += 1
        if title:  # headline mentions add weight to places the body mentions too
            title_key = " " + name_key(_NON_NAME.sub(" ", title)) + " "
            for place, entry in tally.items():
                if f" {name_key(place.name)} " in title_key or f" {name_key(entry[3])} " in title_key:
                    entry[1] += 1
        main_place = main_text = None
        if tally:
            main_place, entry = min(tally.items(), key=lambda kv: (-kv[1][0], -kv[1][1], kv[1][2]))
            main_text = entry[3]
        return cls(gazetteer, dateline, MappingProxyType(mentions), main_place, main_text)

    @property
    def dateline_end(self) -> int:
        """Document offset where the dateline ends (-1 without one): ``resolve_event_date(..., ignore_before=)``."""
        return self.dateline.end_char if self.dateline is not None else -1

    def sentence_mentions(self, sentence: ParsedSentence) -> tuple[PlaceMention, ...]:
        found = self.mentions.get((sentence.doc_id, sentence.index))
        if found is None:
            found = find_mentions(sentence, self.gazetteer, self.dateline_end)
        return found


def resolve_place(sentence: ParsedSentence, verb_index: int, article: ArticlePlaces,
                  actor_countries: Sequence[str] = ()) -> EventPlace | None:
    """The place of the event whose verb is word ``verb_index`` (1-based) of ``sentence``; see the module doc.

    ``actor_countries`` are ISO alpha-3 codes; CAMEO actor codes may be passed as they are ("IRNGOV" counts as IRN).
    """
    actor_countries = tuple({c[:3].upper() for c in actor_countries})
    hints: tuple[str, ...] = ()
    if article.dateline is not None:
        hints = (article.dateline.place.country,)
    elif article.main_place is not None:
        hints = (article.main_place.country,)
    mentions = article.sentence_mentions(sentence)
    candidates = [m for m in mentions if m.predicate is not None and m.matches]
    if candidates:
        candidates.sort(key=lambda m: (m.predicate != verb_index, min(abs(i - verb_index) for i in m.indices)))
        best = candidates[0]
        place = rank_matches(best.matches, actor_countries, hints)[0].place
        return EventPlace.of(place, best.text, "verb" if best.predicate == verb_index else "sentence")
    if article.dateline is not None:
        return EventPlace.of(article.dateline.place, article.dateline.text, "dateline")
    weak = [m for m in mentions if m.locative and m.matches and _argument_of(sentence, m.head, verb_index)]
    if weak:
        best = min(weak, key=lambda m: min(abs(i - verb_index) for i in m.indices))
        place = rank_matches(best.matches, actor_countries, hints)[0].place
        return EventPlace.of(place, best.text, "sentence")
    if article.main_place is not None and article.main_text is not None:
        return EventPlace.of(article.main_place, article.main_text, "article")
    return None


def _argument_of(sentence: ParsedSentence, index: int, verb_index: int) -> bool:
    """Whether word ``index`` lies inside a nominal dependent of the verb (not inside another clause)."""
    w = sentence.word(index)
    for _ in range(len(sentence.words)):
        if w.head == verb_index:
            return True
        if w.head == 0 or w.deprel.split(":")[0] in ("acl", "advcl", "ccomp", "xcomp", "parataxis", "csubj"):
            return False
        w = sentence.word(w.head)
    return False
