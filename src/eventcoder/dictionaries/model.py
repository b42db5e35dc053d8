"""The dictionary records as immutable values.

Bulk records (actors, names, codes) are ``NamedTuple``s: immutable, small and fast to unpickle from the
compiled-index cache. Every record keeps ``source`` (``file:line``) so a decision can point at the line of
YAML that caused it.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple


class Source(NamedTuple):
    """Where a record is defined: a YAML file (as given to the loader) and a 1-based line."""

    file: str
    line: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}"


class Name(NamedTuple):
    """A multiword name: upper-case words. ``plural=False`` is PETRARCH's trailing ``_``: match the words
    exactly as written (lower-cased surface tokens), never an inflected form via the lemma."""

    words: tuple[str, ...]
    plural: bool = True

    @property
    def text(self) -> str:
        return " ".join(self.words)


class DatedCode(NamedTuple):
    """An actor code, in force on ``from_ <= day < until`` (either end open when ``None``), as PETRARCH-2
    reads ``[CODE >D]`` (from D), ``[CODE <D]`` (until D) and ``[CODE A-B]`` (from A until B)."""

    code: str
    from_: date | None = None
    until: date | None = None

    @property
    def dated(self) -> bool:
        return self.from_ is not None or self.until is not None

    def in_force(self, day: date) -> bool:
        return (self.from_ is None or day >= self.from_) and (self.until is None or day < self.until)

    def describe(self) -> str:
        if not self.dated:
            return self.code
        lo = self.from_.isoformat() if self.from_ else "..."
        hi = self.until.isoformat() if self.until else "..."
        return f"{self.code} [{lo}, {hi})"


class Actor(NamedTuple):
    id: str
    names: tuple[Name, ...]
    codes: tuple[DatedCode, ...]
    source: Source
    comment: str = ""
    origin: str = ""  # the PETRARCH file:line it was converted from, if any

    def codes_on(self, day: date | None) -> tuple[str, ...]:
        """The codes in force on ``day``: the dated codes whose range holds it, else the undated ones
        (PETRARCH-2/UD-PETRARCH: an undated code is the fallback when no dated code applies). With no
        date, the undated codes, or all codes when every code is dated."""
        undated = tuple(c.code for c in self.codes if not c.dated)
        if day is None:
            return undated or tuple(dict.fromkeys(c.code for c in self.codes))
        dated = tuple(dict.fromkeys(c.code for c in self.codes if c.dated and c.in_force(day)))
        return dated or undated

    def nearest_code(self, day: date | None) -> DatedCode | None:
        """When no code is in force on ``day`` (and none is undated), the dated code whose period is nearest
        to it ("President Obama" in an article dated 2000: his entry's codes start in 2005). The coder uses it
        so that a person named in the text stays an actor of the right country; the trace says so."""
        if day is None or self.codes_on(day) or not self.codes:
            return None

        def gap(c: DatedCode) -> int:
            if c.from_ is not None and day < c.from_:
                return (c.from_ - day).days
            if c.until is not None and day >= c.until:
                return (day - c.until).days + 1
            return 0

        return min(self.codes, key=gap)


class Agent(NamedTuple):
    """A noun/phrase giving an agent code. ``attach='suffix'`` is PETRARCH's ``[~GOV]`` (the code goes after
    the actor's country code: USA + GOV = USAGOV); ``'prefix'`` is ``[NGO~]`` (NGO + USA = NGOUSA)."""

    id: str
    names: tuple[Name, ...]
    code: str
    attach: str
    source: Source
    comment: str = ""
    explicit: int = 0  # names[:explicit] are the phrases as written, the rest their plurals

    @property
    def phrases(self) -> tuple[Name, ...]:
        return self.names[:self.explicit]


class Synset(NamedTuple):
    id: str  # "&CURRENCY"
    members: tuple[Name, ...]
    source: Source


class VerbForm(NamedTuple):
    """A verb of a block: its lemma, optional particle words before/after it (multiword verbs such as
    ``+CORDON_OFF``: lemma CORDON, after (OFF,)), its inflected forms and an optional own code."""

    lemma: str
    before: tuple[str, ...]
    after: tuple[str, ...]
    forms: tuple[str, ...]
    code: str | None
    source: Source


# --- verb-pattern elements (PETRARCH-2 pattern syntax as data) ---

class Word(NamedTuple):
    """A noun head word (``AID``); ``_`` joined words (``REAL_PLEASANT``) are consecutive words."""

    words: tuple[str, ...]


class SynsetRef(NamedTuple):
    name: str  # "&CURRENCY"


class NounPhrase(NamedTuple):
    """``{MOCK ATTACK}``: the last element is the head, the others are modifiers."""

    modifiers: tuple[Word | SynsetRef, ...]
    head: Word | SynsetRef


class PrepPhrase(NamedTuple):
    """``(TO BORDER)``: a preposition and the noun(s)/noun phrases it governs (possibly none)."""

    prep: str
    objects: tuple[Word | SynsetRef | NounPhrase, ...]


class Marker(NamedTuple):
    """``$`` source, ``+`` target, ``^`` skip, ``%`` compound actor, ``|`` alternative."""

    kind: str  # "source" | "target" | "skip" | "compound" | "alt"


Element = Word | SynsetRef | NounPhrase | PrepPhrase | Marker

MARKERS = {"$": "source", "+": "target", "^": "skip", "%": "compound", "|": "alt"}


class Pattern(NamedTuple):
    id: str  # "<block id>:<n>"
    block: str
    text: str  # the pattern as written in YAML, e.g. "* (TO BORDER)"
    pre: tuple[Element, ...]  # elements before the verb '*'
    post: tuple[Element, ...]  # elements after the verb
    code: str  # resulting CAMEO code, "---" null (no event), "###" discard the sentence, "" only a paired code
    paired_code: str | None  # PETRARCH [a:b]: b is the reciprocal event, target -> source
    source: Source
    comment: str = ""
    verbs: tuple[str, ...] = ()  # lemmas of the block this pattern is limited to ("TAKE" for "* PART"); () all

    @property
    def synsets(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(_synsets(self.pre + self.post)))


def _synsets(elements: tuple[Element, ...]) -> list[str]:
    found: list[str] = []
    for el in elements:
        if isinstance(el, SynsetRef):
            found.append(el.name)
        elif isinstance(el, NounPhrase):
            found.extend(_synsets((*el.modifiers, el.head)))
        elif isinstance(el, PrepPhrase):
            found.extend(_synsets(el.objects))
    return found


class VerbBlock(NamedTuple):
    """A verb block. ``extend`` marks a block that adds its verbs and patterns to the block of the same id
    in an earlier file (the loader merges them; it has no code of its own)."""

    id: str
    code: str
    verbs: tuple[VerbForm, ...]
    patterns: tuple[Pattern, ...]
    source: Source
    comment: str = ""
    extend: bool = False


class Transformation(NamedTuple):
    """``~ a (a b ATTACK) SAY = a b 015``: when actor ``a`` SAYs that ``a`` ATTACKed ``b``, code
    ``a b 015``. The verbs are verb lemmas standing for their codes (PETRARCH-2 looks up the verb's code),
    ``Q`` is any code. ``_`` is "absent" and
    ``.`` "anything"; a result code ``Q`` keeps the inner event's code."""

    id: str
    outer_source: str
    inner_source: str
    inner_target: str
    inner_verb: str
    outer_verb: str
    result_source: str
    result_target: str
    result_code: str
    text: str
    source: Source


class Discard(NamedTuple):
    """A phrase that, found in a sentence (``level='sentence'``) or anywhere in a story (``'story'``,
    PETRARCH's ``+``), stops coding. ``exact`` is PETRARCH's trailing ``_`` (the last word must end there),
    otherwise the last word is a stem."""

    id: str
    words: tuple[str, ...]
    level: str
    exact: bool
    source: Source


class IssuePhrase(NamedTuple):
    """An issue phrase (PETRARCH issue syntax: ``n:`` noun forms, ``v:`` verb forms, ``+`` space or hyphen),
    with its expanded word sequences. ``ignore`` is ``'sentence'``/``'story'`` for ``~``/``~~`` phrases."""

    id: str
    category: str
    text: str
    code: str | None
    ignore: str | None
    expansions: tuple[tuple[str, ...], ...]
    source: Source


class CodebookEntry(NamedTuple):
    code: str
    name: str
    goldstein: float | None
    quad_class: int | None
    root: str
    plover_event: str | None
    plover_mode: str | None
    plover_context: str | None
    source: Source
