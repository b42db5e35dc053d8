"""Actor mentions: dictionary phrases found in a sentence, grouped into noun phrases and composed.

1. Phrase matching: left to right, the longest actor or agent name starting at each word (surface words,
   or lemmas for names that may be inflected); an actor wins a tie with an agent.
2. Each match is attached to the head of its noun phrase: from the match's own head word, climb while
   the relation is noun-phrase internal (``compound``, ``flat``, ``amod``, ``det``, ``nummod``, ``fixed``).
3. A noun phrase with an actor codes that actor: the actor whose span holds the phrase head if any, else
   the first actor, or (with no agent) a later one whose code extends it ("North Korean leader Kim Jong Un":
   PRKGOV); every agent of the phrase is composed with it in order (PETRARCH ``~``: ``[~GOV]``
   appended, ``[NGO~]`` prepended; an agent code already present is not repeated).
   A country possessor re-codes an office or institution coded for another country ("Iran's National
   Security Council", entry USAGOV -> IRNGOV), and is part of one of its own ("Lebanon's Hezbollah"); a bare
   country code is not re-coded ("Iran's ally Syria").
4. A phrase with agents but no actor takes its actor from a possessor or ``of/in/from/for`` modifier
   (``nmod:poss``, ``nmod``, ``appos``): "Russia's president", "the government of Gondor", "soldiers from
   Gondor", "the Prime Minister, Igor Ivanov"; that modifier is then part of the mention. Failing that,
   from the other conjuncts of its coordination ("Danish media and government"). Failing that it is an
   unknown-actor mention (``---GOV``): it is shown in the trace but never makes an event.
6. A bare surname of a person the dictionaries named in full earlier in the article ("Igor Ivanov" ...
   "Ivanov stressed") is that person (unless two actors of the article share the surname).
5. Coordination: each conjunct is its own mention, and a modifier that is itself coordinated gives one
   mention per actor ("lawmakers in Arnor and Gondor" -> ARNLEG, GONLEG).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from eventcoder.coding.event import UNKNOWN, Mention
from eventcoder.coding.view import SentenceView
from eventcoder.dictionaries import CompiledDictionaries
from eventcoder.dictionaries.compiled import PhraseIndex

# agent codes of armed and radical groups: their adjective ("rebel positions") still names them
GROUP_AGENTS = ("REB", "UAF", "RAD", "INS")
TIGHT = frozenset({"compound", "flat", "amod", "det", "nummod", "fixed", "goeswith", "compound:prt", "flat:name",
                   "nmod:desc",
                   "nmod:npmod", "obl:npmod"})
LOOSE = frozenset({"nmod:poss", "nmod", "appos"})
# the prepositions of a modifier that names whose an agent is ("soldiers from Gondor", "a spokesman for the
# government"; not "a stronghold on the Thai border", "the ambassador to Iran")
OWNER_PREPOSITIONS = frozenset({"OF", "IN", "FROM", "FOR"})
# adjectives whose phrase names the group an agent belongs to ("militants loyal to ...", "linked to ...")
ALLEGIANCE = frozenset({"loyal", "link", "linked", "affiliate", "affiliated", "ally", "allied", "align",
                        "aligned", "belong", "belonging"})
# descendants not searched when looking for the first actor inside a phrase
CLAUSAL = frozenset({"acl:relcl", "parataxis", "punct", "advcl", "ccomp", "nsubj", "csubj", "discourse",
                     "vocative", "list", "reparandum", "dep", "conj", "cc"})


@dataclass(frozen=True, slots=True)
class PhraseHit:
    """A dictionary phrase found in the sentence (trace evidence)."""

    kind: str  # "actor" | "agent"
    first: int
    last: int
    text: str
    start_char: int
    end_char: int
    entry_id: str
    code: str  # the actor's code on the date ("---" null actor), or the agent code
    all_codes: tuple[str, ...]
    attach: str = ""  # agents: suffix|prefix
    head: int = 0  # the head word of the match
    np_head: int = 0  # the noun phrase it belongs to
    dated: bool = False  # an actor whose code depends on the date
    nearest: str = ""  # no code on the date: the period whose code was used instead

    def describe(self) -> str:
        extra = f" (codes on the date: {', '.join(self.all_codes)})" if self.dated else ""
        if self.nearest:
            extra = f" (no code on the date; nearest period: {self.nearest})"
        sign = f" [{self.attach}]" if self.kind == "agent" else ""
        return (f"{self.kind} {self.text!r} [{self.start_char}:{self.end_char}] -> {self.entry_id} -> "
                f"{self.code}{sign}{extra}")


@dataclass
class Mentions:
    """The actor mentions of a sentence. ``by_head``: noun-phrase head -> its mentions (several when a
    modifier is coordinated); ``consumed``: phrase heads merged into another mention."""

    hits: list[PhraseHit] = field(default_factory=list)
    by_head: dict[int, tuple[Mention, ...]] = field(default_factory=dict)
    consumed: set[int] = field(default_factory=set)
    order: list[int] = field(default_factory=list)  # heads, by the first word of their first mention

    def all(self) -> list[Mention]:
        return [m for h in self.order for m in self.by_head[h]]


# "Russian-backed separatists" are not Russia's: the country backs them (unlike "Saudi-led forces")
BACKING = frozenset({"back", "backed", "support", "supported", "sponsor", "sponsored", "fund", "funded", "arm",
                     "armed", "train", "trained", "inspire", "inspired"})


# prefixes of a side taken: "pro-Russian" (not "anti-": an "anti-Gondor parade" is aimed at Gondor)
SIDING = frozenset({"PRO"})


def _backer(view: SentenceView, h: PhraseHit) -> bool:
    """An actor written before "-backed" ("Russian-backed", "Iranian-sponsored") or after "pro-"
    ("pro-Russian separatists"): it names who backs the phrase, or whom it sides with, not whose it is,
    so it is no mention of the phrase."""
    f = h.first
    if h.kind == "actor" and ((f >= 3 and view.upper[f - 1] == "-" and view.upper[f - 2] in SIDING) or (
            f >= 2 and view.upper[f - 1][:-1] in SIDING and view.upper[f - 1].endswith("-"))):
        return True
    k = h.last + 1
    if view.upper[h.last].endswith("-") and k <= view.n:
        return (view.word(k).lemma or "").lower() in BACKING or view.upper[k].lower() in BACKING
    if k + 1 <= view.n and view.upper[k] == "-":
        return (view.word(k + 1).lemma or "").lower() in BACKING or view.upper[k + 1].lower() in BACKING
    return False


def _unhyphened(token: str) -> str:
    return token[:-1] if len(token) > 1 and token.endswith("-") else token


def find_hits(view: SentenceView, dicts: CompiledDictionaries, day: date | None,
              aliases: Mapping[str, tuple[str, str] | None] | None = None) -> list[PhraseHit]:
    # the tokenizer sometimes keeps a compound's hyphen on the name ("Saudi-" + "led coalition")
    tokens = [_unhyphened(w.text.lower()) for w in view.words]
    lemmas = [_unhyphened((w.lemma or w.text).lower()) for w in view.words]
    hits: list[PhraseHit] = []
    i = 0
    n = view.n
    actor_index, agent_index = dicts.actor_index, dicts.agent_index
    a_keys, g_keys = _starts(actor_index), _starts(agent_index)
    while i < n:
        tok, lem = tokens[i], lemmas[i]
        nxt = (tokens[i + 1], lemmas[i + 1]) if i + 1 < n else ("", "")
        am = actor_index.longest(tokens, i, lemmas) if _may_start(a_keys, tok, lem, nxt) else None
        gm = agent_index.longest(tokens, i, lemmas) if _may_start(g_keys, tok, lem, nxt) else None
        if am is None and gm is None:
            i += 1
            continue
        if am is not None and (gm is None or am.length >= gm.length):
            actor = dicts.actors[am.target]
            codes = actor.codes_on(day)
            near = actor.nearest_code(day) if not codes else None
            if near is not None:
                codes = (near.code,)
            first, last = i + 1, i + am.length
            if _acronym_as_name_part(view, first, last):
                i = last  # "Kim Jong Un" does not name the UN
                continue
            if _part_of_longer_name(view, first, last, actor_index, tokens, lemmas):
                i = last  # "Abdullah Ocalan" is not the "ABDULLAH" of the dictionary
                continue
            hits.append(PhraseHit("actor", first, last, view.span_text(first, last),
                                  view.word(first).start_char, view.word(last).end_char, actor.id,
                                  codes[0] if codes else UNKNOWN, codes, "", _span_head(view, first, last),
                                  dated=any(c.dated for c in actor.codes),
                                  nearest=near.describe() if near is not None else ""))
            i = last
        else:
            assert gm is not None
            agent = dicts.agents[gm.target]
            first, last = i + 1, i + gm.length
            hits.append(PhraseHit("agent", first, last, view.span_text(first, last),
                                  view.word(first).start_char, view.word(last).end_char, agent.id, agent.code,
                                  (agent.code,), agent.attach, _span_head(view, first, last)))
            i = last
    if aliases:
        hits = _alias_hits(view, hits, aliases)
    return hits


NAME_PARTS = frozenset({"flat", "compound", "nmod:desc"})


def _acronym_as_name_part(view: SentenceView, first: int, last: int) -> bool:
    """Whether a short dictionary name (UN, US, EU) is matched by a title-case word that continues a
    personal name ("Kim Jong Un", parsed with Un as the head of Kim and Jong, or as their ``flat`` part):
    acronyms are written in capitals."""
    w = view.word(first)
    if first != last or len(w.text) > 3 or w.text.isupper() or not w.text[:1].isupper():
        return False
    head = view.head(first)
    if w.deprel in ("flat", "compound") and 1 <= head <= view.n and view.word(head).upos == "PROPN":
        return True
    return any(view.deprel(c) in NAME_PARTS and c < first and view.word(c).upos == "PROPN"
               for c in view.children[first])


_NAME_SUFFIXES = frozenset({"i", "ii", "iii", "iv", "v", "vi", "jr", "jr.", "sr", "sr."})


def _part_of_longer_name(view: SentenceView, first: int, last: int, actor_index: PhraseIndex, tokens: list[str],
                         lemmas: list[str]) -> bool:
    """Whether the proper-noun name at ``first..last`` is only the first part of a longer personal name: the
    next word is a capitalised proper noun joined to it by ``flat`` (how UD writes "Abdullah Ocalan") and
    neither a name suffix ("II", "Jr.") nor the start of another dictionary name. Such a name is another
    person than the dictionary entry for its first part (section 2 of docs/algorithm.md)."""
    if last >= view.n:
        return False
    nxt = view.word(last + 1)
    if nxt.deprel != "flat" or not first <= nxt.head <= last or nxt.upos != "PROPN" or not nxt.text[:1].isupper():
        return False
    if nxt.text.lower() in _NAME_SUFFIXES:
        return False
    if any(view.word(k).upos != "PROPN" for k in range(first, last + 1)):
        return False
    return actor_index.longest(tokens, last, lemmas) is None


def _alias_hits(view: SentenceView, hits: list[PhraseHit],
                aliases: Mapping[str, tuple[str, str] | None]) -> list[PhraseHit]:
    """A bare surname of a person named in full earlier in the article ("Igor Ivanov" ... "Ivanov said"); an
    ambiguous surname (None) is skipped."""
    covered = {k for h in hits for k in range(h.first, h.last + 1)}
    extra = []
    for w in view.words:
        if w.index in covered or w.upos != "PROPN" or not w.text[:1].isupper():
            continue
        found = aliases.get(w.text.lower())
        if found is None:
            continue
        entry_id, code = found
        extra.append(PhraseHit("actor", w.index, w.index, w.text, w.start_char, w.end_char, entry_id, code, (code,),
                               "", w.index))
    return sorted(hits + extra, key=lambda h: h.first) if extra else hits


# words that end an organisation's name, never a person's surname
_NOT_SURNAMES = frozenset({
    "council", "ministry", "party", "front", "army", "committee", "union", "court", "bank", "agency",
    "organization", "organisation", "assembly", "parliament", "government", "forces", "force", "movement",
    "league", "association", "company", "group", "house", "office", "department", "republic", "state", "states",
    "kingdom", "nations", "authority", "police", "guard", "guards", "brigade", "brigades", "corps", "institute",
    "university", "commission", "congress", "senate", "cabinet", "federation", "alliance", "coalition", "navy",
    "command", "service", "services", "administration", "region", "province", "city", "news", "television"})


def learn_surnames(view: SentenceView, hits: Sequence[PhraseHit], dicts: CompiledDictionaries,
                   aliases: dict[str, tuple[str, str] | None]) -> None:
    """Record the surnames of people the dictionaries named in full in this sentence (a multiword actor
    name ending in a capitalised proper noun that is not itself a dictionary name); a surname shared by
    two different actors is ambiguous and dropped."""
    for h in hits:
        if h.kind != "actor" or h.code == UNKNOWN or h.last == h.first:
            continue
        last = view.word(h.last)
        low = last.text.lower()
        if last.upos != "PROPN" or not last.text[:1].isupper() or low in _NOT_SURNAMES or len(low) < 3:
            continue
        if any(view.word(k).upos != "PROPN" for k in range(h.first, h.last + 1)):
            continue
        if dicts.actor_index.longest([low], 0, [low]) or dicts.agent_index.longest([low], 0, [low]):
            continue
        value = (h.entry_id, h.code)
        if low in aliases and aliases[low] is not None and aliases[low] != value:
            aliases[low] = None
        elif low not in aliases:
            aliases[low] = value


_STARTS: dict[int, tuple[object, tuple[set[str], set[tuple[str, str]]]]] = {}


def _starts(index) -> tuple[set[str], set[tuple[str, str]]]:  # type: ignore[no-untyped-def]
    """Words that are a whole name, and the first two words of longer names, of a phrase index (surface
    and lemma tables together): a cheap test before the longest-match look-up."""
    hit = _STARTS.get(id(index))
    if hit is not None and hit[0] is index:
        return hit[1]
    single: set[str] = set()
    pairs: set[tuple[str, str]] = set()
    for table in (index.surface, index.lemma):
        for first, cands in table.items():
            for words, _ in cands:
                if len(words) == 1:
                    single.add(first)
                else:
                    pairs.add((first, words[1]))
    if len(_STARTS) > 16:
        _STARTS.clear()
    _STARTS[id(index)] = (index, (single, pairs))
    return single, pairs


def _may_start(keys: tuple[set[str], set[tuple[str, str]]], tok: str, lem: str, nxt: tuple[str, str]) -> bool:
    single, pairs = keys
    if tok in single or lem in single:
        return True
    n_tok, n_lem = nxt
    return ((tok, n_tok) in pairs or (tok, n_lem) in pairs or (lem, n_tok) in pairs
            or (lem, n_lem) in pairs)


def _span_head(view: SentenceView, first: int, last: int) -> int:
    """The word of a dictionary phrase that the rest of the sentence attaches to: the last word whose head
    is outside the phrase, a content word first (the agent "AMBASSADOR TO" is headed by ambassador)."""
    heads = [k for k in range(first, last + 1) if not (first <= view.head(k) <= last)]
    content = [k for k in heads if view.word(k).upos not in ("ADP", "PART", "DET", "PUNCT", "CCONJ", "SCONJ")]
    return (content or heads or [last])[-1]


def _np_head(view: SentenceView, k: int) -> int:
    seen = 0
    while view.deprel(k) in TIGHT and view.head(k) != 0 and seen < view.n:
        k = view.head(k)
        seen += 1
    return k


@dataclass
class _Group:
    head: int
    actors: list[PhraseHit] = field(default_factory=list)
    agents: list[PhraseHit] = field(default_factory=list)
    countries: list[tuple[PhraseHit, int]] = field(default_factory=list)  # (actor hit, its phrase head)
    borrowed: bool = False


def find_mentions(view: SentenceView, dicts: CompiledDictionaries, day: date | None,
                  aliases: Mapping[str, tuple[str, str] | None] | None = None) -> Mentions:
    raw = [h for h in find_hits(view, dicts, day, aliases) if not _backer(view, h)]
    covered = {k for h in raw for k in range(h.first, h.last + 1)}
    # an agent word used as an adjective of a noun that is no actor is no actor either ("his official visit",
    # "a military operation"); "military leaders" keeps it (leaders is an agent), and so do the armed groups
    # whose name is the adjective ("rebel positions", "militant camps": the rebels' and militants')
    raw = [h for h in raw if not (h.kind == "agent" and h.first == h.last and view.word(h.first).upos == "ADJ"
                                  and view.deprel(h.first) == "amod" and view.head(h.first) not in covered
                                  and not h.code.startswith(GROUP_AGENTS))]
    hits: list[PhraseHit] = []
    groups: dict[int, _Group] = {}
    # a phrase that the parser ended inside an actor's name belongs to the name's phrase ("the rebel
    # Kurdistan Workers' Party" with "Workers" a possessor: "rebel" hangs on it, not on Party)
    in_name = {k: _np_head(view, h.head) for h in raw if h.kind == "actor" for k in range(h.first, h.last + 1)}
    shared: list[PhraseHit] = []  # "Indian and Chinese troops": the second adjective's actor shares the noun
    for h in raw:
        np = _np_head(view, h.head)
        if np in in_name and not h.first <= np <= h.last:
            np = in_name[np]
        coordinated = h.kind == "actor" and h.first == h.last and view.word(h.head).upos == "ADJ" \
            and view.deprel(h.head) == "conj" and view.deprel(view.head(h.head)) == "amod"
        if coordinated:
            np = _np_head(view, view.head(h.head))
        elif h.kind == "actor" and h.first == h.last and h.first > 2 and view.word(h.head).upos == "ADJ" \
                and view.deprel(h.head) == "amod" and view.word(h.first - 1).upos == "CCONJ" \
                and view.word(h.first - 2).upos == "ADJ" and view.deprel(h.first - 2) == "amod" \
                and view.head(h.first - 2) == view.head(h.head):
            coordinated = True  # both adjectives on the noun, "and" between them
        h = replace(h, np_head=np)
        if coordinated and h.code != UNKNOWN:
            shared.append(h)
        hits.append(h)
        if h.kind == "actor" and h.code == UNKNOWN:
            continue  # a null actor (e.g. a place that is not an actor)
        g = groups.setdefault(np, _Group(np))
        (g.actors if h.kind == "actor" else g.agents).append(h)
    out = Mentions(hits=hits)
    # 3. the main actor of phrases that have one
    for g in groups.values():
        if g.actors:
            own = [a for a in g.actors if a.first <= g.head <= a.last]
            main = (own or g.actors)[0]
            if not own and not g.agents:  # "North Korean leader Kim Jong Un": the person (PRKGOV) says more
                main = next((a for a in g.actors if a.code.startswith(main.code) and len(a.code) > len(main.code)
                             and main.code != UNKNOWN), main)
            g.countries = [(main, g.head)]
            g.countries += [(a, g.head) for a in g.actors if a in shared and a is not g.countries[0][0]]
    # 3b. a country possessor re-codes an institution or office of another country ("Iran's National
    # Security Council", an entry coded USAGOV -> IRNGOV); a bare country code is kept ("Iran's ally Syria")
    for g in groups.values():
        if not g.countries:
            continue
        main = g.countries[0][0]
        for c in view.children[g.head]:
            donor = groups.get(c)
            if view.deprel(c) != "nmod:poss" or donor is None or not donor.actors:
                continue
            country = donor.actors[0].code
            if len(country) == 3 and len(main.code) > 3 and not main.code.startswith(country):
                _recode_country(g, country, c, out)
            elif len(country) == 3 and len(main.code) > 3 and not donor.agents:
                out.consumed.add(c)  # "the leader of Lebanon's Hezbollah movement": Lebanon adds nothing
            break
    # 3c. a one-word name with "of" and another country is that country's ("King Hassan of Morocco" when the
    # dictionary's HASSAN is Jordan's prince, "the Albanians of southern Serbia")
    for g in groups.values():
        if not g.countries or not g.countries[0][0].first == g.countries[0][0].last == g.head:
            continue
        main = g.countries[0][0]
        for c in view.kids_exact(g.head, "nmod"):
            donor = groups.get(c)
            if donor is None or donor.agents or not donor.actors or \
                    not any(view.upper[k] == "OF" for k in view.kids(c, "case")):
                continue
            country = donor.actors[0].code
            if country[:3] != main.code[:3] and main.code != UNKNOWN:
                _recode_country(g, country, c, out)
            break
    # 4. agent-only phrases borrow from a possessor / of-in-from modifier / apposition, or the phrase of an
    # adjective of allegiance ("militants loyal to the Islamic State group", "rebels linked to al-Qaeda")
    for g in sorted(groups.values(), key=lambda g: g.head):
        if g.actors or not g.agents:
            continue
        # the possessor may hang on a title inside the name ("Iraq's Prime Minister Falastur": Iraq on Minister)
        # a possessive pronoun owns the agent ("its troops from Niger" are not Niger's): no "from" phrase
        pronoun_owner = any(view.word(c).upos == "PRON" for c in view.kids(g.head, "nmod:poss"))
        loose = [c for k in [g.head, *(a.head for a in g.agents if a.head != g.head)]
                 for c in view.children[k] if view.deprel(c) in LOOSE and (
                     view.deprel(c) != "nmod" or (not pronoun_owner and (
                         not view.kids(c, "case")
                         or any(view.upper[p] in OWNER_PREPOSITIONS for p in view.kids(c, "case")))))]
        loose += [o for c in view.children[g.head] if view.base_rel(c) in ("amod", "acl")
                  and (view.word(c).lemma or "").lower() in ALLEGIANCE for o in view.kids(c, "obl")]
        for c in loose:
            donors = [k for k in view.conjuncts(c) if k in groups and groups[k].actors]
            if donors:
                for k in donors:
                    g.countries.extend(groups[k].countries)
                    out.consumed.add(k)
                if all(not a.code for a in g.agents):  # "a spokesman for the Iranian government": IRNGOV
                    g.agents = [*groups[donors[0]].agents, *g.agents]
                g.borrowed = True
                break
    # ... or from the other conjuncts of its coordination
    for g in groups.values():
        if g.countries or not g.agents:
            continue
        first = g.head
        while view.deprel(first) == "conj" and view.head(first) != 0:
            first = view.head(first)
        for k in view.conjuncts(first):
            other = groups.get(k)
            if other is None or other is g or not other.countries:
                continue
            if other.borrowed or (other.actors and all(a.last < other.head for a in other.actors)):
                g.countries = list(other.countries)
                # agents written before the first conjunct's head are shared too ("Danish Islamist media")
                if k == first and k < g.head:
                    shared = [a for a in other.agents if a.last < other.head]
                    g.agents = shared + g.agents
                break
    for g in groups.values():
        if g.head in out.consumed:
            continue
        if not g.countries and view.lemma_upper[g.head].lower() in ATTACK_NOUNS and all(
                a.last < g.head and view.lemma_upper[a.head].lower() in WEAPONS for a in g.agents):
            continue  # "launched a drone attack on Ukraine's grid": a weapon of no one's is no party to it
        mentions = tuple(_compose(view, dicts, g, country, chead) for country, chead in g.countries) if g.countries \
            else ((_compose(view, dicts, g, None, 0),) if g.agents else ())
        if mentions:
            out.by_head[g.head] = mentions
    out.order = sorted(out.by_head, key=lambda h: min(m.first for m in out.by_head[h]))
    return out


def _recode_country(g: _Group, country: str, donor: int, out: Mentions) -> None:
    """Steps 3b and 3c: the phrase's main actor takes ``country`` in place of its own first three letters;
    the phrase at ``donor`` that named the country is part of this mention from now on."""
    main, chead = g.countries[0]
    g.countries[0] = (replace(main, code=country + main.code[3:]), chead)
    g.actors = [g.countries[0][0] if a is main else a for a in g.actors]
    out.consumed.add(donor)


def _compose(view: SentenceView, dicts: CompiledDictionaries, g: _Group, actor: PhraseHit | None,
             actor_head: int) -> Mention:
    code = actor.code if actor is not None else UNKNOWN
    agent_codes = []
    for ag in g.agents:
        agent = dicts.agent(ag.entry_id)
        if agent is None:
            continue
        if actor is None:
            code = code + agent.code if agent.attach == "suffix" else agent.code + code
        else:
            code = dicts.combine_agent(code, agent)
        agent_codes.append(agent.code)
    words = [g.head] + [h.first for h in g.actors + g.agents] + [h.last for h in g.actors + g.agents]
    if actor is not None:
        words += [actor.first, actor.last]
    first, last = min(words), max(words)
    country = UNKNOWN if actor is None else actor.code[:3]
    return Mention(text=view.span_text(first, last), code=code, country=country, agent="".join(agent_codes),
                   actor_id=actor.entry_id if actor else None, agent_ids=tuple(a.entry_id for a in g.agents),
                   head=g.head, first=first, last=last, start_char=view.word(first).start_char,
                   end_char=view.word(last).end_char)


def mentions_at(view: SentenceView, ms: Mentions, word: int) -> list[Mention]:
    """The mentions of the phrase headed by ``word`` and of its conjuncts."""
    out: list[Mention] = []
    for k in view.conjuncts(word):
        out.extend(ms.by_head.get(k, ()))
    return out


LOCATIVE = frozenset({"in", "at", "near", "inside", "within", "throughout", "across", "around", "outside",
                      "during", "along", "beside", "behind", "above"})  # not "under": "under a deal with X"


def below(view: SentenceView, k: int, top: int) -> Iterator[int]:
    """``k`` and its heads up to ``top`` (not included), or to the root: the phrases ``k`` sits in."""
    seen = 0
    while k not in (top, 0) and seen < view.n:
        yield k
        k, seen = view.head(k), seen + 1


def in_locative_phrase(view: SentenceView, k: int, root: int) -> bool:
    """Whether ``k`` sits in a locative phrase ("in Osgiliath") below ``root``."""
    return any(view.deprel(c) == "case" and view.word(c).text.lower() in LOCATIVE
               for j in below(view, k, root) for c in view.children[j])


def first_mentions_in(view: SentenceView, ms: Mentions, root: int, exclude: frozenset[str] = CLAUSAL,
                      after: int = 0, places: bool = True, own: bool = False) -> list[Mention]:
    """The first mention-bearing phrase (by its first word) inside the phrase rooted at ``root`` (the
    root's own conjuncts included), with the phrases coordinated with it. A phrase inside a locative
    prepositional phrase ("ties with X in Y") is taken only if there is no other, and never with
    ``places=False`` (a subject: "an explosion near Samarra killed" has no actor); the go-between of a
    participle clause inside the phrase never ("ties ... in a deal brokered by China"; but "hostages held by
    Boko Haram" is about Boko Haram). With ``own``, only the phrase of ``root`` itself is searched, not its
    conjuncts'; a "conjunct" with no conjunction, a misparsed apposition, is searched after the root."""
    best: tuple[bool, int] | None = None
    best_head = 0
    tops = [root] if own else view.conjuncts(root)
    if len(tops) == 1 and not own:  # an apposition misparsed as a coordination names the same actor (not one
        # that heads a clause of its own: "the proposal, a senior Egyptian official told Reuters")
        tops += [c for c in view.unlinked_conjuncts(root) if not view.kids(c, "acl")][:1]
    for top in tops:
        for k in view.subtree(top, exclude):
            if k in ms.by_head:
                f = min(m.first for m in ms.by_head[k])
                if f < after:
                    continue
                if broker_agent(view, k, top):
                    continue  # "ties ... in a deal brokered by China": the go-between is not the phrase's actor
                if in_adverbial_clause(view, k, top):
                    continue  # "eased measures ..., as Croatia cracked down on X": another clause's actor
                key = (in_locative_phrase(view, k, top), f)
                if key[0] and not places:
                    continue  # a place is not the actor of the phrase ("an explosion near Samarra")
                if best is None or key < best:
                    best, best_head = key, k
        if best is not None:
            break
    if best is None:
        return []
    return mentions_at(view, ms, best_head)



# nouns of an armed attack: their agent ("by militants", "a PKK attack") did what a passive verb reports; a
# weapon or force that only modifies one ("a drone attack on X", "a police raid") is no party to the event
ATTACK_NOUNS = frozenset({"attack", "strike", "airstrike", "ambush", "raid", "bombing", "assault", "offensive",
                          "shelling", "bombardment", "onslaught", "firing", "gunfire", "fire", "crossfire"})
# agent words that name a weapon, not a party ("a drone attack", but "a rebel offensive" is the rebels')
WEAPONS = frozenset({"drone", "jet", "warplane", "helicopter", "gunship", "missile", "rocket", "artillery", "mortar",
                     "tank", "defense", "defence"})
# conjunctions that open an adverbial clause (not "with supporting dissidents", "to end the war")
SUBORDINATORS = frozenset({"AS", "BECAUSE", "WHILE", "WHEN", "WHENEVER", "AFTER", "BEFORE", "SINCE", "ALTHOUGH",
                           "THOUGH", "IF", "UNLESS", "UNTIL", "WHEREAS", "ONCE"})


def in_adverbial_clause(view: SentenceView, k: int, top: int) -> bool:
    """Whether ``k`` sits in a clause hung on a noun of the phrase of ``top`` that opens with a conjunction
    ("measures in Y, as authorities cracked down on X", "sanctions ... because Z attacked X"): an adverbial
    clause the parser attached to the noun. Its actors belong to its own verb, not to the phrase."""
    return any(view.deprel(j) == "acl" and any(view.upper[c] in SUBORDINATORS for c in view.kids(j, "mark"))
               for j in below(view, k, top))


# verbs whose "by" agent is a go-between ("a deal brokered by China"), not a party (unlike "a bill signed by
# the minister")
BROKERING = frozenset({"broker", "mediate", "facilitate", "sponsor", "arrange", "host", "negotiate"})


def broker_agent(view: SentenceView, k: int, top: int) -> bool:
    """Whether ``k`` is the ``by`` agent of a participle clause inside the phrase of ``top`` ("a deal
    brokered by China", "talks mediated by Qatar")."""
    for j in below(view, k, top):
        head = view.head(j)
        if view.deprel(head) in ("acl", "acl:relcl") and (view.word(head).lemma or "").lower() in BROKERING \
                and (view.deprel(j) == "obl:agent" or (view.base_rel(j) == "obl" and any(
                    view.upper[c] == "BY" for c in view.kids(j, "case")))):
            return True
    return False
