"""Transformations (section 6 of docs/algorithm.md): ``a (b c INNER) OUTER = x y CODE`` over a verb and its
clausal complement, applied to the coder's verb frames after each verb has coded."""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventcoder.coding.complements import denied_by
from eventcoder.coding.event import Event, Mention
from eventcoder.coding.owners import not_own_state
from eventcoder.coding.view import SentenceView
from eventcoder.dictionaries import CompiledDictionaries
from eventcoder.parse.sentence import ParsedSentence

if TYPE_CHECKING:
    from eventcoder.coding.coder import _Frame


def _verb_code(dicts: CompiledDictionaries, lemma: str) -> str | None:
    found = dicts.verbs_for(lemma)
    if not found:
        return None
    block, verb = found[0]
    return (verb.code or block.code).partition(":")[0]


def transform(view: SentenceView, dicts: CompiledDictionaries, frames: list[_Frame], s: ParsedSentence,
               notes: list[str]) -> None:
    """6. Transformations: ``a (b c INNER) OUTER = x y CODE`` over a verb and its clausal complement."""
    if not dicts.transformations:
        return
    by_index = {f.index: f for f in frames}
    # deepest pairs first: "announced that it is prepared to attack" is T6 on prepared + attack, then the
    # statement about it
    for inner in sorted(frames, key=lambda f: -_depth(view, f.index)):
        if view.deprel(inner.index) not in ("ccomp", "xcomp") or denied_by(view, inner.index) is not None:
            continue  # "denied that its troops attacked ...": a denial (016), not a statement
        outer = by_index.get(view.head(inner.index))
        if outer is None or not outer.sources or outer.negation:
            continue  # "Russia did not say Ukraine attacked ...": no accusation
        for t in dicts.transformations:
            if not _verb_is(dicts, outer, t.outer_verb):
                continue
            if t.result_code == "Q" and inner.outcome.startswith("transformation"):
                continue  # the inner verb's own transformation already says what it is
            if t.inner_verb != "Q" and not _verb_is(dicts, inner, t.inner_verb):
                continue
            a = [m for m in outer.sources if m.known]
            b: list[Mention] = []
            own_subject = inner.source_how in ("subject", "passive")
            if t.inner_source == "_" and own_subject:
                continue
            if t.inner_source == t.outer_source and own_subject and \
                    {m.code for m in inner.sources} != {m.code for m in a}:
                if t.result_code == "Q" and inner.events and a and \
                        {m.code for m in a} < {m.code for m in inner.sources}:
                    # "the Kremlin said Putin and Erdogan had discussed Syria": the speaker reports an event
                    # it took part in, which the reported event itself records
                    notes.append(f"transformation {t.id} ({t.text}) on {view.word(outer.index).text!r} + "
                                 f"{view.word(inner.index).text!r}: the speaker is one of the reported subjects")
                    outer.events = []
                    outer.outcome = f"transformation {t.id}: the reported event, of which the speaker is a subject"
                    break
                continue
            if t.inner_source not in ("_", ".", t.outer_source):
                b = [m for m in inner.sources if m.known]
            if t.inner_target not in (".", "_"):
                if t.inner_target == t.outer_source:
                    continue
                b = b or [m for m in inner.targets if m.known]
            vars_ = {t.outer_source: a}
            if b:
                vars_[t.inner_target if t.inner_target not in (".", "_") else t.inner_source] = b
            src, tgt = vars_.get(t.result_source, []), vars_.get(t.result_target, [])
            if not a or not src or not tgt:
                continue
            code = inner.code.partition(":")[0] if t.result_code == "Q" else t.result_code
            if not code or code == "---":
                continue
            w = view.word(outer.index)
            # a statement about an event ("officials said Taliban fighters attacked a checkpoint") is
            # coded as the statement's own event (112, an accusation) and the reported event is kept;
            # an intention or attempt ("wants to attack") did not happen, and "Q" re-codes the event itself
            reported = t.result_code != "Q" and (outer.verb.code or outer.block.code)[:2] == "01"
            # a state reporting what its own forces did ("Somali forces killed 30 militants, the government
            # said") is not accusing them
            events = [Event(s.doc_id, s.index, x, y, code, (w.lemma or w.text).lower(), outer.index, w.start_char,
                            w.end_char, outer.block.id, outer.pattern.id if outer.pattern else None,
                            negated=outer.negated, modality=outer.modality, how=f"transformation {t.id}")
                      for x in src for y in (not_own_state([x], tgt) if reported else tgt) if x.code != y.code]
            if not events:
                continue
            notes.append(f"transformation {t.id} ({t.text}) on {w.text!r} + {view.word(inner.index).text!r}")
            outer.events = events
            if not reported:
                inner.events = []
            outer.outcome = f"transformation {t.id}: {len(events)} event(s)"
            if not reported:
                inner.outcome = f"replaced by transformation {t.id}"
            break


def _depth(view: SentenceView, i: int) -> int:
    d = 0
    while i and d < view.n:
        i, d = view.head(i), d + 1
    return d


def _verb_is(dicts: CompiledDictionaries, f: _Frame, name: str) -> bool:
    if f.verb.lemma.upper() == name.upper():
        return True
    code = _verb_code(dicts, name)
    if code is None or not f.code:
        return False
    own = f.code.partition(":")[0]
    # a verb named by its code stands for its CAMEO root when that code is the root's own ("ATTACK" is
    # 190: any use of force, 19x, as "violated the ceasefire" 196 or "shelled" 195); a violent root for
    # all three (18 assault, 19 fight, 20 mass violence: "said militants had killed civilians", 202)
    if own == code or not (len(code) == 3 and code.endswith("0")):
        return own == code
    return own[:2] == code[:2] or (code[:2] in VIOLENT_ROOTS and own[:2] in VIOLENT_ROOTS)


VIOLENT_ROOTS = frozenset({"18", "19", "20"})
