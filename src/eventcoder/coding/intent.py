"""Stated intentions: "Portugal will support Turkey", "Syria is willing to withdraw its troops".

CAMEO codes a future or offered action as an intention, not as the action: cooperation announced for
later is root 03 (Express intent to cooperate), a conflictual action announced for later is root 13
(Threaten). ``intent_marker`` finds the word that makes a verb's action a stated intention;
``intent_code`` gives the CAMEO code of that intention for the code the verb would otherwise get (None
when the code has no intention form: statements, appeals, demands, rejections, threats themselves).
The mapping follows the CAMEO 1.1b3 codebook's own pairs (071 economic aid -> 0331 intent to provide
economic aid, 19x conventional attack -> 1384 threaten conventional attack, ...).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from eventcoder.coding.view import SentenceView

if TYPE_CHECKING:
    from eventcoder.coding.coder import _Frame

# modal auxiliaries that announce an action ("will", "would" in reported speech, "may", "might", "could": "Iran
# could retaliate against Israel" is no attack)
INTENT_MODALS = frozenset({"will", "would", "shall", "may", "might", "could", "'ll"})
# predicates whose infinitive complement is an announced action: "is willing / ready / prepared to",
# "plans / intends to", "is expected / likely / due to", "seeks / wants / aims / hopes to"; and verbs of
# commitment ("agreed to provide aid", "vowed to attack"), whose complement's intention is more specific than
# their own code (COMMITMENTS: it replaces their event)
COMMITMENTS = frozenset({"agree", "promise", "pledge", "vow", "offer", "undertake", "threaten", "prepare"})
# ... of which these commit to cooperation: a forceful action agreed to or offered is not a threat ("Mexico
# agreed to deploy troops to its border under a deal with the United States"): its intention is 030
COOPERATIVE_COMMITMENTS = frozenset({"agree", "promise", "pledge", "offer", "undertake"})
INTENT_HEADS = frozenset({"willing", "ready", "prepared", "determined", "poised", "set", "plan", "intend",
                          "expect", "likely", "due", "seek", "want", "aim", "hope", "wish", "strive", "endeavor",
                          "endeavour"}) \
    | COMMITMENTS

# the longest prefix of the code that is listed wins
_INTENT: dict[str, str] = {
    # 04 consult -> 036 meet or negotiate, 045 mediate -> 039
    "04": "036", "045": "039",
    # 05 diplomatic cooperation -> 032; 057 sign formal agreement -> 030
    "05": "032", "057": "030",
    # 06 material cooperation -> 031
    "06": "031",
    # 07 provide aid -> 033 and its sub-codes
    "07": "033", "071": "0331", "072": "0332", "073": "0333", "074": "0334",
    # 08 yield -> 035 and its sub-codes; 083 political reform -> 034
    "08": "035", "081": "0351", "082": "0352", "083": "034", "084": "0353", "085": "0354", "086": "0355",
    "087": "0356",
    # 14 protest -> 133 threaten political dissent
    "14": "133",
    # 15 exhibit military posture -> 138 threaten military force
    "15": "138",
    # 16 reduce relations -> 131 threaten non-force and its sub-codes
    "16": "131", "161": "1313", "162": "1311", "163": "1312", "164": "134", "165": "135", "166": "136",
    # 17 coerce -> 130; administrative sanctions / expulsion -> 132; arrests and repression -> 137
    "17": "130", "172": "132", "173": "137", "174": "132", "175": "137",
    # 18 unconventional violence -> 1383; 19 conventional force -> 1384, blockade 1381, occupation 1382
    "18": "1383", "19": "1384", "191": "1381", "192": "1382",
    # 20 mass violence -> 1383, weapons of mass destruction -> 1385
    "20": "1383", "204": "1385",
}


def intent_code(code: str, threat: bool = False, cooperative: bool = False) -> str | None:
    """The intention form of a CAMEO code, or None when it has none. With ``threat`` (the action was
    *threatened*), a threat: the code's own threat form (13x), else 130 (Threaten, not specified). With
    ``cooperative`` (agreed to, offered: COOPERATIVE_COMMITMENTS), a forceful action is no threat: 030."""
    hit = _longest_prefix(_INTENT, code)
    if hit is not None:
        if cooperative and hit.startswith("13"):
            return "030"
        return hit if not threat or hit.startswith("13") else "130"
    return "130" if threat and not code.startswith("13") else None


def _longest_prefix(table: dict[str, str], code: str) -> str | None:
    """The value of the longest 4-, 3- or 2-character prefix of ``code`` that ``table`` lists."""
    for n in (4, 3, 2):
        hit = table.get(code[:n])
        if hit is not None and len(code) >= n:
            return hit
    return None


def intent_marker(view: SentenceView, i: int) -> tuple[str, int] | None:
    """The word (text, index) that makes verb ``i``'s action a stated intention: its own modal auxiliary
    (not with a perfect "would have"), or, for an infinitive complement (``xcomp``, or a subjectless
    to-clause), the modal of its governor or the governor itself when that is "willing", "ready", "plans",
    "agreed", "vowed" ..."""
    own = _modal(view, i)
    if own is not None:
        return own
    g = view.head(i)
    infinitive = view.deprel(i) == "xcomp" or (view.deprel(i) == "advcl" and "to" in view.marks(i))
    if not infinitive or not g:
        return None
    lemma = (view.word(g).lemma or view.word(g).text).lower()
    if lemma in INTENT_HEADS:
        return view.word(g).text.lower(), g
    return _modal(view, g)


def _modal(view: SentenceView, i: int) -> tuple[str, int] | None:
    kids = [view.word(c) for c in view.children[i] if view.word(c).deprel == "aux"]
    if any((w.lemma or w.text).lower() == "have" for w in kids):
        return None  # "would have signed": a counterfactual past, not an announcement
    for w in kids:
        if w.text.lower() in INTENT_MODALS or (w.lemma or "").lower() in INTENT_MODALS:
            return w.text.lower(), w.index
    return None


# modals that make a reported clause a demand ("Russia said Ukraine must withdraw its troops")
DEONTIC_MODALS = frozenset({"must", "should", "ought"})
# the demand (10x) for the action demanded, by the longest listed prefix of its code (the codebook's names)
_DEMAND: dict[str, str] = {
    # 041-046 consult -> 108 demand meeting, negotiation; 045 mediate -> 105 demand mediation (not a bare
    # 040: the base code of verbs of motion, "ordered French troops to leave the country")
    "041": "108", "042": "108", "043": "108", "044": "108", "046": "108", "045": "105",
    # 05 diplomatic cooperation -> 102 demand policy support; 06 cooperation -> its demand
    "05": "102", "061": "1011", "062": "1012", "063": "1013", "064": "1014",
    # 07 aid -> 103 and its sub-codes
    "07": "103", "071": "1031", "072": "1032", "073": "1033", "074": "1034",
    # 08 yield: reform -> 104 (and sub-codes), the easings -> 105x, withdrawal -> 106, ceasefire -> 107
    "083": "104", "0831": "1041", "0832": "1042", "0833": "1043", "0834": "1044",
    "081": "1051", "082": "1052", "084": "1053", "085": "1054", "086": "1055", "087": "1056",
    "0871": "107", "0874": "106",
}


# the appeal (02x) for the action appealed for ("urged Russia to release the sailors": 0253), by the longest
# listed prefix of its code: the 02 category's own sub-codes (the codebook's names)
_APPEAL: dict[str, str] = {
    "041": "026", "042": "026", "043": "026", "044": "026", "046": "026", "045": "028", "037": "027", "057": "027",
    "05": "022", "061": "0211", "062": "0212", "063": "0213", "064": "0214",
    "07": "023", "071": "0231", "072": "0232", "073": "0233", "074": "0234",
    "083": "024", "0831": "0241", "0832": "0242", "0833": "0243", "0834": "0244",
    "081": "0251", "082": "0252", "084": "0253", "085": "0254", "086": "0255", "087": "0256",
}


def appeal_code(code: str) -> str:
    """The CAMEO appeal (02x) for an action with ``code`` ("020" when none is more specific)."""
    return _longest_prefix(_APPEAL, code) or "020"


def deontic_marker(view: SentenceView, i: int) -> tuple[str, int] | None:
    """The modal ("must", "should", "ought") that makes verb ``i``'s action something demanded."""
    for c in view.children[i]:
        w = view.word(c)
        if w.deprel == "aux" and ((w.lemma or "").lower() in DEONTIC_MODALS or w.text.lower() in DEONTIC_MODALS):
            return w.text.lower(), c
    return None


def demand_code(code: str | None) -> str:
    """The CAMEO demand (10x) for an action with ``code`` (None: an action the dictionaries do not code)."""
    return (_longest_prefix(_DEMAND, code) if code is not None else None) or "100"


def stated_demands(view: SentenceView, frames: list[_Frame], by_index: dict[int, _Frame],
                   notes: list[str]) -> None:
    """5a. "Russia said Ukraine must withdraw its troops": a plain statement (010) whose reported clause has
    "must", "should" or "ought" is a demand to that clause's subject (10x for the action demanded), and the
    demanded action is no event; a plain demand (100) of an action in the subjunctive is the demand for
    that action ("Iran demanded that the United States lift sanctions": 1054)."""
    for f in frames:
        if f.events and f.code == "100":  # "demanded that the United States lift sanctions": 1054
            inner = next((by_index[c] for c in view.kids_exact(f.index, "ccomp") if c in by_index
                          and demanded_action(view, by_index, c)), None)
            code = demand_code(inner.code.partition(":")[0]) if inner is not None and inner.code else "100"
            if code != "100":
                f.events = [replace(e, cameo_code=code, how=f"{e.how}; demand of {inner.code}") for e in f.events]
                notes.append(f"{view.word(f.index).text!r}: a demand that {view.word(inner.index).text!r} ({code})")
            continue
        if not f.events or f.code != "010" or f.target_how != "subject of the clausal complement" \
                or f.outcome.startswith("transformation"):
            continue
        for c in view.kids_exact(f.index, "ccomp"):
            marker = deontic_marker(view, c)
            if marker is None:
                continue
            inner = by_index.get(c)
            acted = inner.code.partition(":")[0] if inner is not None and not inner.negated else None
            code = demand_code(acted)
            note = f"demand ({marker[0]!r}: 010 -> {code})"
            f.events = [replace(e, cameo_code=code, how=f"{e.how}; {note}") for e in f.events]
            f.intent = note
            if inner is not None and inner.events:
                inner.events = []
                inner.outcome = f"demanded by {view.word(f.index).text!r} ({marker[0]!r}): not an event"
            notes.append(f"{view.word(f.index).text!r} + {marker[0]!r}: a demand")
            break


def demanded_action(view: SentenceView, by_index: dict[int, _Frame], i: int) -> bool:
    """Whether verb ``i`` is an action demanded, not done: a mandative subjunctive clause, or the present
    tense clause of a verb that coded a demand ("Iran demanded that the United States lifts sanctions")."""
    if subjunctive(view, i):
        return True
    gov = by_index.get(view.head(i))
    return view.deprel(i) == "ccomp" and gov is not None and gov.code[:2] == "10" and _that_clause(view, i) \
        and view.word(i).xpos in ("VB", "VBP", "VBZ") and not view.kids(i, "aux", "aux:pass")


def _that_clause(view: SentenceView, i: int) -> bool:
    """Whether verb ``i`` heads a clause of a verb or noun (``ccomp``, ``acl``) with a subject of its own and
    no conjunction other than "that"."""
    return view.deprel(i) in ("ccomp", "acl") and bool(view.kids(i, "nsubj", "nsubj:pass")) \
        and not {view.upper[m] for m in view.kids(i, "mark")} - {"THAT"}


def subjunctive(view: SentenceView, i: int) -> bool:
    """Whether verb ``i`` heads a mandative subjunctive clause, an action demanded, not done: a "that"
    clause (or one without "that") whose verb is the bare form with a subject of its own and no modal
    ("demanded that Israel ease restrictions", "insisted the minister resign"), or whose passive "be" is
    bare ("urged that the killers be punished")."""
    if not _that_clause(view, i):
        return False
    auxes = [view.word(a) for a in view.kids(i, "aux", "aux:pass")]
    if auxes:
        return all(a.text.lower() == "be" for a in auxes)
    # the bare form, or a plural present with a singular subject ("that Israel ease"; "eases" is indicative)
    return view.word(i).xpos == "VB" or (view.word(i).xpos == "VBP" and all(
        view.word(k).xpos in ("NN", "NNP") and not view.kids(k, "conj") for k in view.kids(i, "nsubj")))
