"""Step 4 of docs/algorithm.md: which source acts on which target for one coded verb (its frame): the
pairs of its sources and targets, coordinated subjects acting on each other, places and topics that are no
party, and the events made of them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventcoder.coding.actors import LOCATIVE
from eventcoder.coding.event import UNKNOWN, Event, Mention
from eventcoder.coding.owners import NON_STATE
from eventcoder.coding.view import SentenceView, in_topic_phrase
from eventcoder.dictionaries.patterns import parse_code
from eventcoder.parse.sentence import ParsedSentence

if TYPE_CHECKING:
    from eventcoder.coding.coder import CodingOptions, _Frame


# CAMEO roots whose events coordinated subjects do to each other when there is no target: intend to
# cooperate, consult, diplomatic and material cooperation, fight
RECIPROCAL_ROOTS = frozenset({"03", "04", "05", "06", "19"})
RECIPROCAL_UNKNOWN_TARGET = frozenset({"03", "04", "05", "06"})
# ... and those whose place ("met in Washington", "signed a treaty in Paris") is not their target
MEETING_ROOTS = frozenset({"04", "05", "06"})
VISITS = frozenset({"042", "043"})
# intentions that are mutual ("reached an agreement ... after talks in Addis Ababa"), not one-sided ("must
# ensure security in Basra", 0332)
MUTUAL_INTENTS = frozenset({"030", "031", "032", "036", "037", "0356"})  # 0356: de-escalate (a ceasefire)
AGREEMENT_ROOTS = frozenset({"05", "06"})  # where a cooperation was agreed is never its target
# measures a state imposes on, or eases in, its own country: curfews, states of emergency, martial law, bans
# on parties and restrictions on political freedoms (172x) and their easing (081x)
DOMESTIC_MEASURES = frozenset({"1721", "1722", "1723", "1724", "0811", "0812", "0813", "0814"})


def frame_events(view: SentenceView, s: ParsedSentence, f: _Frame, options: CodingOptions) -> list[Event]:
    if f.outcome:
        return []
    main, paired = parse_code(f.code) if f.code else ("", None)
    w = view.word(f.index)
    known_src = [m for m in f.sources if m.known]
    if not f.sources:
        f.outcome = f"no source actor ({f.source_how})"
        return []
    if not known_src:
        f.outcome = "source actor unknown (" + ", ".join(m.code for m in f.sources) + ")"
        return []
    pairs: list[tuple[Mention, Mention]] = []
    how = f.source_how if f.source_how != "subject" else "subject-object"
    if f.compound:
        pairs = [(a, b) for a in known_src for b in known_src if a.code != b.code]
        how = "compound"
    else:
        known_tgt = [m for m in f.targets if m.known]
        # the place of a meeting or an agreement is not its target when the coordinated subjects met each
        # other there ("Israeli and Palestinian negotiators met in Washington"), nor the place where an
        # agreement was signed ("signed a peace deal in Havana"); a visit's is ("arrived in Amman")
        cooperation = main[:2] in MEETING_ROOTS or main[:3] in MUTUAL_INTENTS or main[:4] in MUTUAL_INTENTS
        place_only = cooperation and main not in VISITS and bool(f.targets) and all(
            _place_phrase(view, m) for m in f.targets)
        # "Biden and Xi discussed tensions over Taiwan": what coordinated subjects meet about is no party
        topic_only = cooperation and bool(f.targets) and all(in_topic_phrase(view, m.head, f.index) for m in f.targets)
        # "Japan and the Philippines signed a pact allowing Japanese troops to train ...": a target of one of the
        # coordinated subjects' own countries is no third party
        own_side = len({m.country for m in known_src}) > 1 and bool(known_tgt) and all(
            t.country in {m.country for m in known_src} for t in known_tgt)
        mutual = _mutual_pairs(known_src, same_country=cooperation or paired == main)  # "exchanged prisoners"
        if f.target_how == "each other" and len({m.country for m in known_src}) >= 2:
            # "Armenia and Azerbaijan accused each other": whatever the code, each acts on the others
            pairs = [(a, b) for a in known_src for b in known_src if a.country != b.country]
            how = "coordinated subject, each other"
        elif (not f.targets or place_only or topic_only or own_side
                or (not known_tgt and (main[:2] in RECIPROCAL_UNKNOWN_TARGET or paired == main))) \
                and f.source_how in ("subject", "xcomp", "passive") \
                and (main[:2] in RECIPROCAL_ROOTS or paired == main) and mutual:
            # "Bosnia and Slovenia agreed to a ceasefire": the verb's own coordinated subjects, of different
            # countries, with no target act on each other when the code is an interaction (for agreeing,
            # consulting, diplomatic and material cooperation also when the only target is of no known country:
            # "the Turkish and Greek sides agreed to share information on missing people"; and for meetings
            # and cooperation when the only target is where it happened: "Israeli and Palestinian
            # negotiators met in Washington"); for meeting and mutual cooperation two actors of one country also
            # ("The Sudanese government and rebel groups agreed to a ceasefire"), otherwise only different
            # countries; any code a pattern makes mutual ("* PRISONERS" 0841:0841: "Iran and the United
            # States exchanged prisoners")
            pairs = mutual
            f.target_how = "the other coordinated sources"
            how = "coordinated subject, reciprocal"
        elif not f.targets and (main in DOMESTIC_MEASURES or (f.pattern is not None and f.pattern.code in
                                                               DOMESTIC_MEASURES)) \
                and len({m.country for m in known_src}) == 1 and known_src[0].country not in NON_STATE \
                and known_src[0].code != known_src[0].country:
            # "South Korea's President Yoon declared martial law": its own country (KORGOV 1724 KOR); so is
            # the threat to impose it (132); a country named in the sentence has no span of its own here
            known_tgt = [_unwritten(known_src[0].country, w.start_char, "the acting state's own country")]
            f.target_how = "the acting state's own country"
        elif not known_tgt and not options.require_dyad:
            known_tgt = [_unwritten(UNKNOWN, w.start_char)]
            f.target_how = "none (require_dyad=False)"
        elif not f.targets:
            f.outcome = "no target actor"
            return []
        elif place_only and (main[:2] in AGREEMENT_ROOTS or any(  # "Iran and world powers resumed talks in
                len(view.conjuncts(k)) > 1 for k in view.kids(f.index, "nsubj"))  # Vienna": no party
                or (main[:2] == "04" and f.target_how.startswith("locative")
                    and any(view.word(c).upos == "PROPN" for c in view.kids(f.index, "obj")))):
            # "Milei met Elon Musk in Texas": whom he met is no actor; where is no party to the meeting (but
            # "held talks in Beijing" names no one else)
            f.outcome = "the only target is where it happened (" + ", ".join(m.text for m in f.targets) + ")"
            return []
        elif not known_tgt:
            f.outcome = "target actor unknown (" + ", ".join(m.code for m in f.targets) + ")"
            return []
        if not pairs:  # among several targets not the source's own country ("between India and Pakistan")
            pairs = [(a, b) for a in known_src for b in known_tgt if a.code != b.code
                     and not (len(known_tgt) > 1 and b.code == a.country and not b.agent)]
        if f.target_how not in ("obj", "passive subject", "the other coordinated sources", "each other"):
            how = f"{how}; target from {f.target_how}"
    if not pairs:
        f.outcome = "source and target are the same actor"
        return []
    for note in (f.negation, f.intent):
        if note:
            how = f"{how}; {note}"
    out: list[Event] = []
    pid = f.pattern.id if f.pattern else None
    # a mutual code (a:a) does not make a place act back ("Russian missiles hit a building in Dnipro")
    reciprocal = bool(paired) and paired != "---" and not f.compound and not how.startswith("coordinated subject") \
        and not (paired == main and f.target_how.startswith("locative"))
    for a, b in pairs:
        common = dict(doc_id=s.doc_id, sentence_idx=s.index, cameo_code="", verb_lemma=(w.lemma or w.text).lower(),
                      verb_index=f.index, verb_start_char=w.start_char, verb_end_char=w.end_char,
                      block_id=f.block.id, pattern_id=pid, negated=f.negated, modality=f.modality, how=how)
        if main and main != "---":
            out.append(Event(source=a, target=b, **{**common, "cameo_code": main}))  # type: ignore[arg-type]
        if reciprocal:
            out.append(Event(source=b, target=a, paired=True, **{**common, "cameo_code": paired}))  # type: ignore[arg-type]
    f.outcome = f"{len(out)} event(s)"
    return out


def _unwritten(code: str, at: int, why: str | None = None) -> Mention:
    """A target that no words of the sentence name (the unknown ``---``, the acting state's own country):
    no entry, no span (an empty one at the verb)."""
    return Mention("", code, code, "", None, (), 0, 0, 0, at, at, resolved_from=why)


def _mutual_pairs(sources: list[Mention], same_country: bool) -> list[tuple[Mention, Mention]]:
    """The ordered pairs of coordinated sources that can act on each other: of different countries, or (with
    ``same_country``) of different codes neither of which contains the other (SDNGOV and SDNREB, not IRN
    and IRNGOV)."""
    def apart(a: Mention, b: Mention) -> bool:
        if a.country != b.country:
            return True
        return same_country and not a.code.startswith(b.code) and not b.code.startswith(a.code)
    return [(a, b) for a in sources for b in sources if apart(a, b)]


def _place_phrase(view: SentenceView, m: Mention) -> bool:
    """A bare place in a locative phrase ("in Havana", "at the White House"), not a named party."""
    return not m.agent and any(view.upper[k].lower() in LOCATIVE for k in view.kids(m.head, "case"))
