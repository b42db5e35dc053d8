"""Step 5 of docs/algorithm.md: an infinitive complement (or purpose clause) belongs to a verb that coded.

"agreed to provide aid" is the intention to provide aid (the complement's event replaces the verb's);
"vowed to wage war" is only the vow; "called on the US to stop arming Taiwan" is only the appeal (a chain of
complements that did not code leads up to the verb that did).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import TYPE_CHECKING

from eventcoder.coding.intent import appeal_code, demand_code
from eventcoder.coding.verbs import OBJECT_CONTROL_MARKS, purpose_clause
from eventcoder.coding.view import SentenceView

if TYPE_CHECKING:
    from eventcoder.coding.coder import _Frame


# a refusal of an action is CAMEO's rejection of it: to meet or negotiate 125, mediation 126, a settlement 127;
# the others as the set's negation table says (to release persons 1243, to ease sanctions 1244 ...)
REFUSALS = {"04": "125", "036": "125", "045": "126", "039": "126", "037": "127", "057": "127"}

# verbs whose infinitive complement is the action decided, which is coded as done ("voted to expel")
DECISIONS = frozenset({"DECIDE", "VOTE", "RESOLVE", "OPT", "DETERMINE"})


def refusal_code(code: str, negation: Mapping[str, str]) -> str | None:
    """The rejection code (12x) for refusing an action with ``code`` (None: no more specific one than 120)."""
    main = code.partition(":")[0]
    for n in range(len(main), 1, -1):
        if main[:n] in REFUSALS:
            return REFUSALS[main[:n]]
        if main[:n] in negation and negation[main[:n]][:2] == "12":
            return negation[main[:n]]
    return None


def settle_complements(view: SentenceView, frames: list[_Frame], by_index: dict[int, _Frame],
                       notes: list[str], negation: Mapping[str, str] | None = None) -> None:
    """Drop (or let replace) the events of complements of verbs that coded; a plain refusal (120) of an
    action that has a rejection code is that rejection ("refused to negotiate with Hamas": 125), a plain
    appeal (020) or demand (100) the appeal or demand for it ("urged Russia to release the sailors": 0253)."""
    for f in frames:
        gov = by_index.get(complement_of(view, f.index) or -1)
        if gov is None or not gov.events or not f.code or f.code.startswith("---"):
            continue
        base = gov.verb.code or gov.block.code
        if base in ("020", "100") and gov.pattern_words and f.index not in gov.pattern_words \
                and gov.pattern_words <= set(view.subtree(f.index)):
            gov.code = base  # "demanded the United States lift sanctions": the pattern's words (DEMAND's
            # "* SANCTIONS" 1312, written for sanctions demanded) belong to the action, which codes
        if gov.code not in ("120", "020", "100"):
            continue
        if gov.code != "120":  # "urged Russia to release the sailors": the appeal (0253) or demand (1053) for it
            main = f.code.partition(":")[0]
            twin = appeal_code(main) if gov.code == "020" else demand_code(main)
            if twin != gov.code:
                gov.events = [replace(e, cameo_code=twin, how=f"{e.how}; {'appeal' if twin[:2] == '02' else 'demand'}"
                                      f" for {f.code}") for e in gov.events]
                gov.code = twin
                notes.append(f"{view.word(gov.index).text!r} asks for {view.word(f.index).text!r}: {twin}")
            continue
        twin = refusal_code(f.code, negation or {})
        if twin is not None:
            # the parties are those of the action refused ("refused to withdraw its troops from Ukraine": UKR)
            template = gov.events[0]
            pairs = [(e.source, e.target) for e in f.events] or [(e.source, e.target) for e in gov.events]
            gov.events = [replace(template, source=a, target=b, cameo_code=twin, how=f"{template.how}; refusal of "
                                  f"{f.code}") for a, b in dict.fromkeys(pairs)]
            notes.append(f"{view.word(gov.index).text!r} refuses {view.word(f.index).text!r}: {twin}")
    for f in frames:
        gov = by_index.get(complement_of(view, f.index) or -1)
        if f.events and gov is not None and gov.events and f.commitment_of == gov.index \
                and (gov.code[:2] == f.code[:2] or gov.code[:2] not in ("03", "13")):
            # "agreed to provide aid": the intention to provide aid (033) says more than "agree" (050);
            # a threat to do something cooperative stays a threat (the roots must agree)
            notes.append(f"{view.word(f.index).text!r} states what {view.word(gov.index).text!r} commits to: "
                         f"its intention replaces {view.word(gov.index).text!r}'s own events")
            gov.events = []
            gov.outcome = f"replaced by the intention of its complement {view.word(f.index).text!r}"
            continue
        if f.events and gov is not None and gov.events and gov.pattern is None and gov.code == "030" \
                and view.deprel(f.index) == "xcomp" and not gov.outcome.startswith("transformation") \
                and (f.intent or view.lemma_upper[gov.index] in DECISIONS):
            # "plans to deploy troops" (138), "voted to expel U.S. troops" (174): what the verb intends (an
            # intention, with the set's intent convention) or decides says more than its own unspecified
            # intent to cooperate (030)
            notes.append(f"{view.word(f.index).text!r} says what {view.word(gov.index).text!r} intends or "
                         f"decides: it replaces {view.word(gov.index).text!r}'s unspecified 030")
            gov.events = []
            gov.outcome = f"replaced by its complement {view.word(f.index).text!r}"
            continue
        if f.events and (gov is None or not gov.events):  # "called on the US to stop arming Taiwan"
            gov = _coded_governor(view, by_index, complement_of(view, f.index))
        if f.events and gov is not None and gov.events and not gov.outcome.startswith("transformation"):
            notes.append(f"{view.word(f.index).text!r} is the complement of {view.word(gov.index).text!r}, "
                         "which coded: its own events are dropped")
            f.events = []
            f.outcome = f"complement of {view.word(gov.index).text!r}, which coded"


def _coded_governor(view: SentenceView, by_index: dict[int, _Frame], i: int | None) -> _Frame | None:
    """The verb that coded above a chain of complements that did not (at most three verbs up)."""
    for _ in range(3):
        i = complement_of(view, i) if i is not None else None
        if i is None or (i in by_index and by_index[i].events):
            return by_index.get(i) if i is not None else None
    return None


def complement_of(view: SentenceView, i: int) -> int | None:
    """The verb whose infinitive complement ``i`` is: an ``xcomp``, or a subject-less ``to``-clause
    attached to the verb (``advcl``) or to its object (``acl``: "urged X to respond"), or an action the
    verb warns against or prevents ("warned the US against selling arms", "stopped X from entering")."""
    rel, head = view.deprel(i), view.head(i)
    if rel == "xcomp":
        return head
    if rel == "advcl" and view.marks(i) & OBJECT_CONTROL_MARKS:
        return head
    if rel in ("advcl", "acl") and purpose_clause(view, i):
        if rel == "advcl":
            return head
        if view.base_rel(head) in ("obj", "obl", "iobj") and view.head(head):
            return view.head(head)
    return None


def accusation_contents(view: SentenceView, frames: list[_Frame], by_index: dict[int, _Frame]) -> None:
    """What someone is accused, blamed or criticised "of" or "for" is not a reported fact: "Sudan's army
    accused the Rapid Support Forces of attacking civilians" is the accusation only (the gerund hangs on the
    object, or on the verb)."""
    for f in frames:
        if not f.events:
            continue
        # the gerund's own infinitive complement is alleged too ("accused Serbia of plotting to seize Croatian
        # territory"), and the "of" may hang on a word of the gerund's clause ("accused the EU of failing to
        # keep its promises", with "of" on "keep"): the word right before the gerund
        k, seen = f.index, 0
        while view.word(k).xpos != "VBG" and view.deprel(k) == "xcomp" and view.head(k) and seen < 5:
            k, seen = view.head(k), seen + 1
        if view.word(k).xpos != "VBG" or not (
                {view.upper[m] for m in view.kids(k, "mark", "case")}
                | {view.upper[m] for m in view.kids(f.index, "mark")}
                | ({view.upper[k - 1]} if k > 1 else set())) & {"OF", "FOR"}:
            continue
        head = view.head(k)
        gov = by_index.get(head) or (by_index.get(view.head(head)) if view.deprel(k) == "acl"
                                     and view.base_rel(head) == "obj" else None)
        if gov is not None and gov.code[:2] == "11":  # coded or not: an allegation all the same
            f.events = []
            f.outcome = f"what {view.word(gov.index).text!r} alleges: not a reported fact"


# verbs whose clausal complement is denied, not reported
DENIAL_LEMMAS = frozenset({"DENY", "REFUTE"})


def denied_by(view: SentenceView, i: int) -> int | None:
    """The verb of denial whose clausal complement verb ``i`` is ("denied that Beijing had interfered",
    "denied supplying weapons"), else None."""
    head = view.head(i)
    if head and view.deprel(i) in ("ccomp", "xcomp") and view.lemma_upper[head] in DENIAL_LEMMAS:
        return head
    return None


def denied_contents(view: SentenceView, frames: list[_Frame], by_index: dict[int, _Frame], notes: list[str]) -> None:
    """What someone denies is not a reported fact ("The Chinese foreign ministry denied that Beijing had
    interfered in Australia's politics", "Iran denied supplying weapons to the Houthis"); the denial of an
    action that coded is CAMEO's 016 (deny responsibility), by the denier, on the action's target."""
    for f in frames:
        head = denied_by(view, f.index) if f.events else None
        if head is None:
            continue
        content, f.events = f.events, []
        f.outcome = f"denied by {view.word(head).text!r}: not a reported fact"
        gov = by_index.get(head)
        if gov is None or gov.negated or (gov.events and gov.code != "120"):
            continue
        w = view.word(head)
        pairs = {(s.code, e.target.code): (s, e) for s in gov.sources if s.known for e in content
                 if e.target.code != s.code}
        gov.events = [replace(e, source=s, cameo_code="016", verb_lemma=(w.lemma or w.text).lower(), verb_index=head,
                              verb_start_char=w.start_char, verb_end_char=w.end_char, block_id=gov.block.id,
                              pattern_id=None, paired=False, negated=False, modality=gov.modality,
                              how=f"denial of {f.code}")
                      for s, e in pairs.values()]
        if gov.events:
            gov.code, gov.outcome = "016", ""
            notes.append(f"{w.text!r} denies {view.word(f.index).text!r}: 016 (deny responsibility)")


def failed_actions(view: SentenceView, frames: list[_Frame]) -> None:
    """What someone failed to do did not happen: "Serbia and Kosovo failed to agree on license plates" is no
    agreement (the failure itself codes as its verb does: FAIL is 120)."""
    for f in frames:
        head = view.head(f.index)
        if f.events and view.deprel(f.index) == "xcomp" and head and view.lemma_upper[head] == "FAIL":
            f.events = []
            f.outcome = f"not done ({view.word(head).text!r}): not a reported fact"
