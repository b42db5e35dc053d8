"""The coder: a parsed sentence, the article's date and the dictionaries in; events and a trace out.

``code_sentence`` and ``code_document`` are pure functions of their arguments. The algorithm is written
down in docs/algorithm.md; the section numbers in comments refer to it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from eventcoder.coding.actors import Mentions, find_mentions, learn_surnames
from eventcoder.coding.complements import accusation_contents, denied_contents, failed_actions, settle_complements
from eventcoder.coding.discards import Discards, find_discards, past_clause_verbs
from eventcoder.coding.event import Event, Mention
from eventcoder.coding.intent import (
    COMMITMENTS,
    COOPERATIVE_COMMITMENTS,
    demanded_action,
    intent_code,
    intent_marker,
    stated_demands,
)
from eventcoder.coding.matching import Matcher, MatchState, PatternIndex, render
from eventcoder.coding.owners import (
    beyond_own_possessor,
    domestic_agents,
    not_own_state,
    place_unknown_agents,
    with_owner,
)
from eventcoder.coding.pairs import frame_events
from eventcoder.coding.references import ReferenceContext, reference_kind, resolve_reference
from eventcoder.coding.repair import repair
from eventcoder.coding.trace import PatternTrial, SentenceCoding, SentenceTrace, VerbTrace
from eventcoder.coding.transform import transform
from eventcoder.coding.verbs import (
    CONDITION_MARKS,
    STATEMENT_ROOTS,
    condition_targets,
    default_targets,
    lookup_verb,
    post_region,
    pre_region,
    subject_of,
)
from eventcoder.coding.view import SentenceView
from eventcoder.dictionaries import CompiledDictionaries
from eventcoder.dictionaries.model import Pattern, VerbBlock, VerbForm
from eventcoder.parse.sentence import ParsedSentence


@dataclass(frozen=True)
class CodingOptions:
    """``require_dyad`` (default True, PETRARCH's default): an event needs a known source and a known
    target. With False, a verb with a known source and no known target makes an event whose target is the
    unknown actor ``---`` (empty span at the verb), as PETRARCH's ``require_dyad = False`` does.
    ``intent``: an action announced for later ("will support", "is willing to withdraw") is coded as
    CAMEO's intention (03x) or threat (13x) for it (``coding/intent.py``) when True, as the action itself
    (PETRARCH-2) when False; None (default) follows the dictionary set (``intent:`` in its
    ``dictionaries.yaml``: true for the built-in set, false for PETRARCH's validation set)."""

    require_dyad: bool = True
    intent: bool | None = None


DEFAULT_OPTIONS = CodingOptions()
_INDEXES: dict[int, tuple[CompiledDictionaries, PatternIndex]] = {}


def _index(dicts: CompiledDictionaries) -> PatternIndex:
    hit = _INDEXES.get(id(dicts))
    if hit is None or hit[0] is not dicts:
        if len(_INDEXES) > 8:
            _INDEXES.clear()
        hit = (dicts, PatternIndex(dicts))
        _INDEXES[id(dicts)] = hit
    return hit[1]


@dataclass
class _Frame:
    """One dictionary verb while the sentence is coded."""

    index: int
    block: VerbBlock
    verb: VerbForm
    extra: tuple[int, ...]
    code: str = ""
    pattern: Pattern | None = None
    pattern_words: frozenset[int] = frozenset()  # the words the pattern matched
    trials: list[PatternTrial] = field(default_factory=list)
    sources: list[Mention] = field(default_factory=list)
    targets: list[Mention] = field(default_factory=list)
    source_how: str = ""
    target_how: str = ""
    compound: bool = False
    negated: bool = False
    modality: str | None = None
    intent: str | None = None  # "intent ('will': 057 -> 030)" when an announced action was re-coded
    negation: str | None = None  # "negated ('not': 010 -> 011)" when the negation table re-coded it
    commitment_of: int | None = None  # the verb of commitment ("agreed to ...") whose event this one replaces
    outcome: str = ""
    events: list[Event] = field(default_factory=list)
    discard: bool = False


def code_sentence(sentence: ParsedSentence, pub_date: date | None, dicts: CompiledDictionaries, *,
                  trace: bool = False, context: ReferenceContext | None = None,
                  options: CodingOptions = DEFAULT_OPTIONS) -> SentenceCoding:
    """Code one sentence. ``trace=True`` also returns the explanation (slower: every pattern tried is
    recorded); ``context`` carries the article's earlier actors for reference resolution (it is read,
    not changed)."""
    return _code(sentence, pub_date, dicts, trace, context, options)[0]


def _code(sentence: ParsedSentence, pub_date: date | None, dicts: CompiledDictionaries, trace: bool,
          context: ReferenceContext | None, options: CodingOptions,
          discards: Discards | None = None) -> tuple[SentenceCoding, list[Mention], SentenceView]:
    coding, ms, view = _code_view(sentence, pub_date, dicts, trace, context, options, discards)
    if context is not None:
        learn_surnames(view, ms.hits, dicts, context.surnames)
    return coding, ms.all(), view


def _code_view(sentence: ParsedSentence, pub_date: date | None, dicts: CompiledDictionaries, trace: bool,
               context: ReferenceContext | None, options: CodingOptions,
               discards: Discards | None) -> tuple[SentenceCoding, Mentions, SentenceView]:
    # 1. discards (the words are those of the parse: repairs do not change them)
    phrases = discards if discards is not None else find_discards(sentence, dicts, pub_date)
    discard = phrases.sentence
    sentence = repair(sentence)
    view = SentenceView(sentence)
    notes: list[str] = []
    ms = find_mentions(view, dicts, pub_date, context.surnames if context is not None else None)
    if discard is not None:
        return _finish(view, pub_date, ms, [], [], notes, trace, discard, "discarded"), ms, view
    all_mentions = ms.all()
    resolved_cache: dict[int, list[Mention]] = {}

    def resolve(word: int) -> list[Mention]:
        if word in resolved_cache:
            return resolved_cache[word]
        out: list[Mention] = []
        if reference_kind(view, word) is not None:
            out, note = resolve_reference(view, word, all_mentions, context)
            if note:
                notes.append(note)
        elif word in ms.by_head and not any(m.known for m in ms.by_head[word]):
            # an agent whose actor is a possessive pronoun: "its government", "their troops"
            poss = [c for c in view.kids_exact(word, "nmod:poss") if reference_kind(view, c) is not None]
            if poss:
                owners, note = resolve_reference(view, poss[0], all_mentions, context)
                if note:
                    notes.append(note)
                out = [with_owner(dicts, m, o) for m in ms.by_head[word] for o in owners]
        resolved_cache[word] = out
        return out

    intent = dicts.intent if options.intent is None else options.intent
    index = _index(dicts)
    matcher = Matcher(view, index)
    frames: list[_Frame] = []
    other_verbs: list[str] = []
    for w in view.words:
        if w.upos != "VERB":
            continue
        found = lookup_verb(view, dicts, w.index)
        if found is None:
            other_verbs.append(w.text)
            continue
        frames.append(_code_verb(view, ms, matcher, index, resolve, w.index, *found, trace=trace,
                                 intent=intent,
                                 negation=dicts.negation))
    if any(f.discard for f in frames):
        f = next(f for f in frames if f.discard)
        return _finish(view, pub_date, ms, frames, other_verbs, notes, trace,
                       f"pattern {f.pattern.id if f.pattern else '?'} (code ###)", "discarded"), ms, view
    for f in frames:
        # 4b. agents of unknown country: the place of the event, else the sentence's only state
        f.sources, f.targets, placed = place_unknown_agents(view, ms, dicts, f.index, f.code, f.sources, f.targets)
        f.sources, f.targets, domestic = domestic_agents(view, all_mentions, dicts, f.index, f.sources, f.targets)
        if (placed or domestic) and f.target_how == "subject of the clausal complement":
            f.targets = not_own_state(f.sources, f.targets)  # "..., the government said": now placed
        notes.extend(n for n in (placed, domestic) if n)
        f.events = frame_events(view, sentence, f, options)
    for f in frames:  # 4c. "rejected accusations that Russia interfered": the content of an allegation
        if f.events and view.deprel(f.index) in ("acl", "acl:relcl") and \
                (view.word(view.head(f.index)).lemma or "").lower() in ALLEGATION_NOUNS and \
                any(view.upper[m] == "THAT" and view.word(m).upos == "SCONJ" for m in view.kids(f.index, "mark")):
            f.events = []
            f.outcome = f"what the {view.word(view.head(f.index)).text!r} say: not a reported fact"
    by_index = {f.index: f for f in frames}
    accusation_contents(view, frames, by_index)  # 4d. "accused X of attacking ..."
    denied_contents(view, frames, by_index, notes)  # 4e. "denied that Beijing had interfered ..."
    failed_actions(view, frames)  # 4f. "failed to agree on ..."
    dated = past_clause_verbs(view, phrases.clause)
    for f in frames:  # 1b. a retrospective time phrase drops the events of its clause's verb
        if f.index in dated and f.events:
            f.events, f.outcome = [], dated[f.index]
    for f in frames:  # 1c. a condition did not happen ("threatened to retaliate if NATO deploys troops")
        if f.events and view.deprel(f.index) == "advcl" and view.marks(f.index) & CONDITION_MARKS:
            f.events, f.outcome = [], "a condition ('if', 'unless'): not a reported fact"
    for f in frames:  # 1d. a demanded action did not happen ("demanded that Israel ease restrictions")
        if f.events and demanded_action(view, by_index, f.index):
            f.events, f.outcome = [], "a demanded action: not a reported fact"
    transform(view, dicts, frames, sentence, notes)
    if intent:
        stated_demands(view, frames, by_index, notes)
    settle_complements(view, frames, by_index, notes, dicts.negation)  # 5. complements of a verb that coded
    events = _dedupe([e for f in frames for e in f.events])
    return _finish(view, pub_date, ms, frames, other_verbs, notes, trace, None, None, events), ms, view


def _code_verb(view: SentenceView, ms: Mentions, matcher: Matcher, index: PatternIndex, resolve,  # type: ignore[no-untyped-def]
               i: int, block: VerbBlock, verb: VerbForm, extra: tuple[int, ...], *, trace: bool,
               intent: bool = True, negation: Mapping[str, str] | None = None) -> _Frame:
    f = _Frame(i, block, verb, extra)
    negation = negation or {}
    f.modality = view.modal(i) or (view.modal(view.head(i)) if view.deprel(i) == "xcomp" and view.head(i) else None)
    # 3. patterns: the one matching the most words wins, then the most specific
    base = verb.code or block.code
    statement = base[:2] in ("01", "10")  # saying or demanding: a reported clause speaks for itself
    reported = {k for c in view.kids_exact(i, "ccomp") if view.kids(c, "nsubj", "nsubj:pass")
                for k in view.subtree(c)} if statement else set()
    pre = post = None
    st_best: MatchState | None = None
    best_key: tuple[int, int, int, int] = (-1, -(10**9), -1, -1)
    for p in block.patterns:
        if p.verbs and verb.lemma not in p.verbs:  # an idiom of one verb of the block ("take part")
            if trace:
                f.trials.append(PatternTrial(p.id, p.text, _code_text(p), False,
                                             f"only for the verb {' or '.join(p.verbs)}, not {verb.lemma}"))
            continue
        if not index.possible(p, view.keys):
            if trace:
                missing = sorted(index.required(p) - view.keys) or [
                    n for n in p.synsets if view.keys.isdisjoint(index.by_first(n))]
                f.trials.append(PatternTrial(p.id, p.text, _code_text(p), False,
                                             f"needs {', '.join(missing)}: not in the sentence"))
            continue
        if pre is None:
            pre, post = pre_region(view, i, extra), post_region(view, i, extra)
        st = MatchState()
        ok = matcher.match(p.pre, pre, st)
        failed_side = "before"
        if ok:
            st_post = MatchState(used=set(st.used), source_at=st.source_at, target_at=st.target_at,
                                 compound=st.compound)
            ok = matcher.match(p.post, post, st_post)
            failed_side = "after"
            if ok:
                st = st_post
            else:
                st.depth, st.failed = st_post.depth, st_post.failed
        if ok and st.compound and len(subject_of(view, ms, i, resolve)[0]) < 2:
            ok = False
            why = "'%' needs a compound (coordinated) subject"
        elif ok and st.used and statement and reported and all(k in reported for k in st.used):
            # "the army said Pakistani troops violated the ceasefire": the reported clause has its subject
            # and speaks for itself; "* &CEASEFIRE" is about what the speaker declares, not reports
            ok = False
            why = "its words are all inside the reported clause, which has its own subject"
        elif ok and st.used and all(view.word(k).upos in FUNCTION_UPOS for k in st.used) \
                and any(view.distance(i, k) > 2 or (view.deprel(k) == "mark" and view.head(k) != i)
                        for k in st.used):
            # a pattern of particles only ("* ON": press on, "* AT": fire at) is about the verb's own
            # particle or phrase, not a preposition deep in another clause ("demanding that X provide
            # information on ...") nor the "to" of another verb's infinitive ("ordered X to leave")
            ok = False
            why = "its only words are particles outside the verb's own phrases"
        elif ok:
            why = "matched words " + " ".join(view.word(k).text for k in sorted(st.used)) if st.used else "matched"
        else:
            why = f"no {render(st.failed)} {failed_side} the verb" if st.failed is not None else "no match"
        if trace:
            f.trials.append(PatternTrial(p.id, p.text, _code_text(p), ok, why))
        if ok:
            # the most words matched, then the words nearest the verb in the tree (the object itself before
            # a word deep in another clause), then the most specific; ties: the first
            # (at equal distance a core argument before an oblique: "closed its border after clashes" is
            # '* BORDER')
            key = (len(st.used), -sum(view.distance(i, k) for k in st.used),
                   int(any(_argument_of(view, i, k) in CORE_ARGS for k in st.used)), index.weight(p))
            if key > best_key:
                f.pattern, st_best, best_key = p, st, key
    if f.pattern is not None:
        f.code = _code_text(f.pattern)
        f.pattern_words = frozenset(st_best.used) if st_best is not None else frozenset()
    else:
        f.code = base
    neg = view.is_negated(i)
    if neg is not None:
        f.negated = True
        if st_best is None or neg not in st_best.used:
            # 3a. a negated code becomes what the set's negation table says ("did not comment": 010 -> 011),
            # else no event
            main = f.code.partition(":")[0]
            turned = negation.get(main)
            if turned is None:
                f.outcome = (f"negated ({view.word(neg).text!r}), no pattern names the negation and the "
                             f"negation table has no entry for {main}: no event")
                return f
            f.negation = f"negated ({view.word(neg).text!r}: {main} -> {turned})"
            f.code = turned
    main, _, _paired = f.code.partition(":")
    if main == "###":
        f.discard = True
        f.outcome = "discard code ###"
        return f
    if main == "---" and not _paired:
        f.outcome = "null code ---: no event"
        return f
    marker = intent_marker(view, i) if intent and not f.negated else None
    threat = marker is not None and (view.word(marker[1]).lemma or "").lower() == "threaten"
    cooperative = marker is not None and (view.word(marker[1]).lemma or "").lower() in COOPERATIVE_COMMITMENTS
    stated = intent_code(main, threat, cooperative) if marker is not None else None
    if marker is not None and stated is not None:  # 3b. an announced action is coded as the intention to do it
        f.intent = f"intent ({marker[0]!r}: {main} -> {stated})"
        f.code = stated
        if marker[1] == view.head(i) and (view.word(marker[1]).lemma or "").lower() in COMMITMENTS:
            f.commitment_of = marker[1]
    elif intent and not f.negated and main[:2] == "05" and (view.word(i).lemma or "").lower() in \
            COOPERATIVE_COMMITMENTS and any(view.word(c).upos == "VERB" for c in view.kids_exact(i, "xcomp")):
        # "agreed to share information": a commitment to act is the intention to cooperate (030), not the
        # cooperation itself (when the complement codes, its own intention replaces this, step 5)
        f.intent = f"intent ({view.word(i).text!r} + infinitive: {main} -> 030)"
        f.code = "030"
    # 4. source and target
    srcs, how, passive = subject_of(view, ms, i, resolve)
    f.source_how = how
    if st_best is not None and st_best.source_at is not None:
        found = _first_at(view, ms, st_best.source_at)
        if found:
            srcs, f.source_how = found, "pattern $"
    f.sources = srcs
    f.compound = bool(st_best is not None and st_best.compound)
    if f.compound:
        f.targets, f.target_how = [], "compound subject"
    elif st_best is not None and st_best.target_at is not None:
        f.targets = _first_at(view, ms, st_best.target_at, scope=st_best.target_scope)
        f.target_how = "pattern +"
    else:
        used = frozenset(st_best.used) if st_best is not None else frozenset()
        places = f.code[:2] not in STATEMENT_ROOTS  # "Speaking in Brussels, ...": Belgium is no addressee
        f.targets, f.target_how = default_targets(view, ms, i, resolve, passive, used, places)
        if used and not any(m.known for m in f.targets):  # no better target than the pattern's own word
            f.targets, f.target_how = default_targets(view, ms, i, resolve, passive, places_too=places)
        if f.target_how == "obj":  # "reiterated Jordan's support for a Palestinian state": not Jordan
            f.targets = beyond_own_possessor(view, ms, srcs, f.targets)
        if f.target_how == "subject of the clausal complement":
            # "Kim Jong Un warned that North Korea would respond", "the Kremlin denied that Russian troops had
            # entered": a state speaking of its own state is no target (the PKK demanding that the Turkish
            # government act is)
            f.targets = not_own_state(srcs, f.targets)
        if not any(m.known for m in f.targets) and _each_other(view, i):
            f.targets, f.target_how = [], "each other"  # "Armenia and Azerbaijan accused each other"
        if not any(m.known for m in f.targets) and f.code[:2] == "13":
            cond = condition_targets(view, ms, i, resolve)  # "threatened to ... unless X does ..."
            if cond:
                f.targets, f.target_how = cond, "subject of the condition"
    return f


CORE_ARGS = frozenset({"nsubj", "nsubj:pass", "obj", "iobj"})


def _argument_of(view: SentenceView, i: int, k: int) -> str:
    """The relation to verb ``i`` of the dependent of ``i`` whose phrase holds word ``k`` ("" if none)."""
    for _ in range(view.n):
        if k == 0:
            return ""
        if view.head(k) == i:
            return view.deprel(k)
        k = view.head(k)
    return ""


def _each_other(view: SentenceView, i: int) -> bool:
    """Whether verb ``i``'s object or prepositional phrase is a reciprocal pronoun ("each other", "one
    another") or its possessor ("each other's diplomats")."""
    for c in view.children[i]:
        if view.base_rel(c) not in ("obj", "iobj", "obl"):
            continue
        pair = {view.upper[k] for k in view.children[c]}
        if (view.upper[c] == "OTHER" and "EACH" in pair) or (view.upper[c] == "ANOTHER" and "ONE" in pair):
            return True
        if {"EACH", "OTHER"} <= pair or any(view.upper[k] == "OTHER" and "EACH" in {
                view.upper[j] for j in view.children[k]} for k in view.children[c]):
            return True  # "expelled each other's diplomats"
    return False


def _first_at(view: SentenceView, ms: Mentions, at: int, scope: int | None = None) -> list[Mention]:
    """The first actor phrase whose first word is at or after ``at`` (inside ``scope``'s phrase)."""
    allowed = set(view.subtree(scope)) if scope else None
    best = None
    for h in ms.order:
        first = min(m.first for m in ms.by_head[h])
        # in scope: the phrase's head, or a word of its span (a name the parser hung on a later noun:
        # "fired rockets at southern Israel overnight" with Israel a compound of "overnight")
        if first >= at and (allowed is None or h in allowed or any(
                k in allowed for m in ms.by_head[h] for k in range(m.first, m.last + 1))):
            best = h
            break
    if best is None:
        return []
    return [m for k in view.conjuncts(best) for m in ms.by_head.get(k, ())]


def _code_text(p: Pattern) -> str:
    return p.code + (f":{p.paired_code}" if p.paired_code else "")


FUNCTION_UPOS = frozenset({"ADP", "PART", "SCONJ", "ADV", "DET", "AUX", "CCONJ"})
# nouns whose "that" clause is a claim, not a reported fact ("accusations that Russia interfered")
ALLEGATION_NOUNS = frozenset({"accusation", "allegation", "claim", "charge", "rumor", "rumour", "speculation",
                              "suggestion", "suspicion", "fear", "denial", "assertion", "insinuation"})


def _dedupe(events: list[Event]) -> list[Event]:
    """One event per source, code and target in a sentence (the first verb's): "The Taliban attacked a base,
    killing 12 soldiers" is one 190, not two."""
    seen: set[tuple[str, str, str]] = set()
    out = []
    for e in events:
        key = (e.source.code, e.cameo_code, e.target.code)
        if key not in seen:
            seen.add(key)
            out.append(e)
    return out


def _finish(view: SentenceView, pub_date: date | None, ms: Mentions, frames: list[_Frame], other_verbs: list[str],
            notes: list[str], trace: bool, discarded_by: str | None, reason: str | None,
            events: list[Event] | None = None) -> SentenceCoding:
    events = events or []
    if not trace:
        return SentenceCoding(tuple(events), None)
    if reason == "discarded":
        reason = f"discarded by {discarded_by}"
    elif not events:
        reason = _why_nothing(view, ms, frames, other_verbs)
    verbs = tuple(_verb_trace(view, f) for f in frames)
    s = view.sentence
    return SentenceCoding(tuple(events), SentenceTrace(
        s.doc_id, s.index, s.text, pub_date.isoformat() if pub_date else None, s.words, tuple(ms.hits),
        tuple(ms.all()), verbs, tuple(other_verbs), tuple(notes), discarded_by, reason))


def _why_nothing(view: SentenceView, ms: Mentions, frames: list[_Frame], other_verbs: list[str]) -> str:
    known = [m for m in ms.all() if m.known]
    if not frames:
        verbs = ", ".join(repr(v) for v in other_verbs) or "none"
        return f"no verb of the sentence is in the verb dictionary (verbs: {verbs})"
    if not known:
        return "no known actor in the sentence" + (
            " (only unknown-actor agents: " + ", ".join(m.text for m in ms.all()) + ")" if ms.all() else "")
    return "; ".join(f"{view.word(f.index).text!r}: {f.outcome}" for f in frames)


def _verb_trace(view: SentenceView, f: _Frame) -> VerbTrace:
    w = view.word(f.index)
    entry = " ".join([*f.verb.before, f.verb.lemma, *f.verb.after]) + f" ({f.verb.source})"
    return VerbTrace(f.index, w.text, w.lemma, w.start_char, w.end_char, f.block.id, entry,
                     f.verb.code or f.block.code, tuple(f.trials), f.pattern.id if f.pattern else None, f.code,
                     tuple(f.sources), tuple(f.targets), f"source: {f.source_how}; target: {f.target_how}",
                     f.outcome, f.negated, f.modality)


def code_document(sentences: Sequence[ParsedSentence], pub_date: date | None, dicts: CompiledDictionaries, *,
                  trace: bool = False, options: CodingOptions = DEFAULT_OPTIONS) -> list[SentenceCoding]:
    """Code the sentences of one article in order. A story-level discard phrase anywhere in the article
    stops it (every sentence gets no events, the trace says why); references are resolved against the
    actors of earlier sentences."""
    found = [find_discards(s, dicts, pub_date) for s in sentences]
    for s, d in zip(sentences, found, strict=True):
        if d.story is not None:
            return [SentenceCoding((), _discard_trace(s, pub_date, d.story) if trace else None) for s in sentences]
    context = ReferenceContext()
    out = []
    for s, d in zip(sentences, found, strict=True):
        coding, mentions, view = _code(s, pub_date, dicts, trace, context, options, d)
        context.advance(s.index, mentions, view)
        out.append(coding)
    return out


def _discard_trace(s: ParsedSentence, pub_date: date | None, why: str) -> SentenceTrace:
    return SentenceTrace(s.doc_id, s.index, s.text, pub_date.isoformat() if pub_date else None, s.words, (), (),
                         (), (), (), f"story: {why}", f"the article is discarded by the story-level {why}")
