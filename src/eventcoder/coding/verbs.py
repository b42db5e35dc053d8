"""Verbs: which words are dictionary verbs, their pattern regions, and their source and target phrases."""

from __future__ import annotations

from collections.abc import Callable

from eventcoder.coding.actors import (
    ATTACK_NOUNS,
    LOCATIVE,
    Mentions,
    broker_agent,
    first_mentions_in,
    in_locative_phrase,
    mentions_at,
)
from eventcoder.coding.event import Mention
from eventcoder.coding.repair_clauses import ADJECTIVAL_PARTICIPLES, READY_PARTICIPLES
from eventcoder.coding.repair_parts import quantity_noun
from eventcoder.coding.view import TIME_NAMES, SentenceView
from eventcoder.dictionaries import CompiledDictionaries
from eventcoder.dictionaries.model import VerbBlock, VerbForm

VERB_UPOS = frozenset({"VERB"})
# relations of the verb's children that are not part of its post-verb pattern region
POST_SKIP = frozenset({"nsubj", "nsubj:pass", "csubj", "csubj:pass", "punct", "parataxis", "conj", "cc",
                       "advcl", "discourse", "vocative", "list", "reparandum", "dep"})
PRE_SKIP = frozenset({"punct", "parataxis", "advcl", "conj", "cc", "discourse", "vocative", "list"})
TEMPORAL = frozenset({"obl:tmod", "obl:npmod", "nmod:tmod", "obl:unmarked", "nmod:unmarked"})
SUBJECT = ("nsubj", "csubj")
OBJECT = ("obj", "iobj")

Resolver = Callable[[int], list[Mention]]
# adjunct clauses controlled by the governor's subject ("..., killing five", "after meeting X", "to help")
SUBJECT_CONTROL_MARKS = frozenset({"to", "after", "before", "while", "when", "by", "since", "without", "upon",
                                   "in", "on", "despite"})
# nouns of statements whose participle speaks for the one who issued them ("issued a statement condemning")
STATEMENT_NOUNS = frozenset({"statement", "declaration", "letter", "resolution", "communique", "message", "note",
                             "report", "decree", "appeal", "ultimatum", "petition", "motion", "proclamation"})
# verbs whose object is what is talked about, not who is talked to
TOPIC_VERBS = frozenset({"discuss", "debate", "negotiate", "consider", "review"})
# go-betweens and routes ("held talks through Turkish mediators", "sent aid via Jordan") are no targets
INTERMEDIARY = frozenset({"through", "via"})
# prepositions of circumstance ("after talks in Addis Ababa"): a place inside their phrase is no target
CIRCUMSTANCE = frozenset({"after", "before", "during", "following", "since", "until", "despite", "amid"})
# conditions whose subject a threat is addressed to ("... unless Israel rescinded its annexation")
CONDITION_MARKS = frozenset({"if", "unless"})
# ... and by its object ("warned the US against selling arms", "prevented X from entering")
OBJECT_CONTROL_MARKS = frozenset({"against", "from"})


def lookup_verb(view: SentenceView, dicts: CompiledDictionaries, i: int) -> tuple[VerbBlock, VerbForm,
                                                                                    tuple[int, ...]] | None:
    """The dictionary verb for word ``i`` and the extra words of a multiword verb. A verb entry written
    as the surface word ("LEFT") wins over one found by lemma ("leave"); multiword verbs first."""
    w = view.word(i)
    text, lemma = w.text.lower(), (w.lemma or w.text).lower()
    refs = list(dicts.verbs_by_lemma.get(text, ()))
    if lemma != text and not _misspelled_s_form(text, lemma):
        refs += dicts.verbs_by_lemma.get(lemma, ())
    refs += dicts.verbs_by_form.get(text, ())
    refs = list(dict.fromkeys(refs))
    refs.sort(key=lambda r: -(len(dicts.blocks[r.block].verbs[r.verb].before)
                              + len(dicts.blocks[r.block].verbs[r.verb].after)))
    for ref in refs:
        block = dicts.blocks[ref.block]
        verb = block.verbs[ref.verb]
        extra = _multiword(view, i, verb)
        if extra is not None:
            return block, verb, extra
    return None


def _misspelled_s_form(text: str, lemma: str) -> bool:
    """A spurious -es ending the lemmatizer read through ("departes" for depart, whose -s form is
    "departs"): the word is no form of that verb. (Not ``regular_verb_forms``: PETRARCH's rule writes -IES
    for every final Y, "plaies", and -S after CH, SH and O.)"""
    if not text.endswith("es") or len(lemma) < 2 or lemma.endswith(("s", "x", "z", "ch", "sh", "o")):
        return False
    third = lemma[:-1] + "ies" if lemma.endswith("y") and lemma[-2] not in "aeiou" else lemma + "s"
    return text != third


def _multiword(view: SentenceView, i: int, verb: VerbForm) -> tuple[int, ...] | None:
    extra: list[int] = []
    if verb.after:
        prt = [c for c in view.kids(i, "compound:prt", "compound") if c > i]
        n = len(verb.after)
        if i + n <= view.n and all(view.upper[i + 1 + k] == verb.after[k] for k in range(n)):
            extra += range(i + 1, i + 1 + n)
        elif n == 1 and any(view.upper[c] == verb.after[0] for c in prt):
            extra += [c for c in prt if view.upper[c] == verb.after[0]][:1]
        else:
            return None
    if verb.before:
        n = len(verb.before)
        if i - n >= 1 and all(view.upper[i - n + k] == verb.before[k] for k in range(n)):
            extra += range(i - n, i)
        else:
            return None
    return tuple(extra)


def post_region(view: SentenceView, i: int, skip: tuple[int, ...] = ()) -> list[int]:
    """Words after the verb in its own clause (see docs/algorithm.md), and the passive subject, which is the
    verb's logical object ("the sanctions were lifted" is `* SANCTIONS`)."""
    out: list[int] = []
    for c in view.kids_exact(i, "nsubj:pass"):
        out.extend(view.subtree(c, frozenset({"punct"})))
    for c in view.children[i]:
        if c < i or view.base_rel(c) in ("nsubj", "csubj"):
            continue
        if view.deprel(c) == "advcl" and purpose_clause(view, c):
            # a purpose clause's own words are its verb's ("met X to discuss the war" is no '* &FIGHT'):
            # only "to" and the verb ("sent troops to help")
            out.extend(k for k in [*view.kids(c, "mark"), c] if k > i)
            continue
        if view.deprel(c) in POST_SKIP:
            continue
        out.extend(k for k in view.subtree(c, frozenset({"punct"})) if k > i)
    return sorted(k for k in set(out) if k not in skip)


def pre_region(view: SentenceView, i: int, skip: tuple[int, ...] = ()) -> list[int]:
    """Words before the verb in its own clause: its dependents before it and, for a verb that shares its
    subject (``xcomp``, ``conj``), the governing verbs and their dependents before it."""
    out: set[int] = set()
    node, depth = i, 0
    while node != 0 and depth < 8:
        if node != i:
            out.add(node)
        for c in view.children[node]:
            if c < i and c != node and view.deprel(c) not in PRE_SKIP:
                out.update(k for k in view.subtree(c, frozenset({"punct"})) if k < i)
        if view.deprel(node) not in ("xcomp", "conj"):
            break
        node = view.head(node)
        depth += 1
    return sorted(k for k in out if k < i and k not in skip)


def is_passive(view: SentenceView, i: int) -> bool:
    return bool(view.kids_exact(i, "nsubj:pass", "aux:pass", "csubj:pass"))


def arg_mentions(view: SentenceView, ms: Mentions, word: int, resolve: Resolver,
                 places: bool = True, owner: bool = False) -> list[Mention]:
    """The actors of an argument phrase: its own mentions (and conjuncts'), a resolved reference, or the
    first actor phrase inside it."""
    found = mentions_at(view, ms, word)
    if found and any(m.known for m in found):
        # a conjunct that is no actor itself may hold one ("the information ministry of Gondor and X")
        for k in view.conjuncts(word):
            if k not in ms.by_head and view.word(k).upos != "PRON":
                found.extend(m for m in first_mentions_in(view, ms, k, places=places, own=True) if m not in found)
        return sorted(found, key=lambda m: m.first)
    ref = resolve(word)  # a pronoun, or an agent with a possessive pronoun ("its government")
    if ref:
        return ref
    if found:
        return found
    inside = first_mentions_in(view, ms, word, places=places)
    if inside:
        return inside
    for k in view.conjuncts(word)[1:]:  # "the Baltic states and Poland": the conjunct that is an actor
        found = [m for m in mentions_at(view, ms, k) if m.known]
        if found:
            return found
    if owner:
        # "its aircraft struck ...": a subject that is no actor acts for the owner its possessive pronoun
        # names (not for objects: "halted his march" is not about himself)
        for c in view.kids_exact(word, "nmod:poss"):
            found = resolve(c)
            if found:
                return found
    return []


def subject_of(view: SentenceView, ms: Mentions, i: int, resolve: Resolver,
               depth: int = 0) -> tuple[list[Mention], str, bool]:
    """(source mentions, how, passive) for verb ``i``. The subject of an active verb; the ``by`` agent of
    a passive one. A verb without a subject takes it from its controller (xcomp: the governor's object if
    it has one, else its subject), from the verb it is coordinated with (conj), from the noun an
    ``acl`` participle modifies, or, for a subjectless -ing or to-infinitive adjunct (``advcl``), from the
    active verb it modifies."""
    passive = is_passive(view, i)
    if passive:
        agents = view.kids_exact(i, "obl:agent") or [c for c in view.kids(i, "obl")
                                                     if any(view.upper[k] == "BY" for k in view.kids(c, "case"))]
        if agents:
            return arg_mentions(view, ms, agents[0], resolve), "passive", True
        attackers = _attack_phrase_agent(view, ms, i)
        if attackers:  # "Five soldiers were killed in an attack by militants", "... in a PKK attack"
            return attackers, "passive (the attack's agent)", True
        return [], "passive without an agent", True
    subj = view.kids(i, *SUBJECT) if not passive else []
    if subj:
        return arg_mentions(view, ms, subj[0], resolve, places=False, owner=True), "subject", passive
    if depth >= 5:
        return [], "none", passive
    rel, gov = view.deprel(i), view.head(i)
    if gov == 0:
        return [], "none", passive
    if rel == "xcomp":
        objs = view.kids(gov, "obj", "iobj")
        if objs and (view.word(objs[0]).lemma or "").lower() not in STATEMENT_NOUNS:
            return arg_mentions(view, ms, objs[0], resolve), "xcomp (object control)", passive
        subj = view.kids(gov, "nsubj", "csubj")  # nsubj:pass too: "X was seen to break ..."
        if subj:
            return arg_mentions(view, ms, subj[0], resolve), "xcomp", passive
        src, _, _ = subject_of(view, ms, gov, resolve, depth + 1)
        return src, "xcomp", passive
    if rel == "conj" and view.word(gov).upos in ("VERB", "AUX", "ADJ"):
        if any(view.word(c).text.lower() in ("where", "when", "which", "who", "whom")
               or "PronType=Rel" in (view.word(c).feats or "") for c in view.children[i]):
            return [], "none", passive  # "..., where fighting ... has killed thousands": no shared subject
        src, how, gov_passive = subject_of(view, ms, gov, resolve, depth + 1)
        if gov_passive and not passive:
            return [], "none", passive
        return src, "conj" if how == "subject" else f"conj+{how}", passive
    if rel == "acl" and view.word(i).xpos == "VBN":
        agents = [c for c in view.kids(i, "obl") if _preposition(view, c) == "by"]
        if agents:  # a reduced passive: "a swap brokered by the Red Cross", "an attack carried out by X"
            return arg_mentions(view, ms, agents[0], resolve), "passive (participle)", True
        if not view.kids(i, "obj", "xcomp", "ccomp") and view.lemma_upper[i] not in INTRANSITIVE_ACTS \
                and view.lemma_upper[i].lower() not in ADJECTIVES and view.head(view.head(i)) != 0:
            # "settlers accused of violence": the noun is the one accused (but "students demonstrated in
            # Jakarta" and "Hundreds of supporters called for ...", a clause the parser hung on its subject,
            # the sentence's root, did what the verb says)
            return [], "passive (participle) without an agent", True
    if rel == "acl":
        # the modified noun's own actors (not one inside this clause: "troops attacking Israel")
        found = mentions_at(view, ms, gov) or resolve(gov)
        k = gov  # "Tens of thousands of Armenians protested" (an acl of "thousands"): its "of" phrase
        while not found and quantity_noun(view.word(k).lemma):
            of = [c for c in view.kids_exact(k, "nmod") if _preposition(view, c) == "of"]
            if not of:
                break
            k = of[0]
            found = mentions_at(view, ms, k)
        noun = (view.word(gov).lemma or view.word(gov).text).lower()
        if not any(m.known for m in found) and noun in STATEMENT_NOUNS and view.deprel(gov) == "obj":
            # "the PKK issued a declaration demanding ...": the statement speaks for its issuer
            src, how, gov_passive = subject_of(view, ms, view.head(gov), resolve, depth + 1)
            if src and not gov_passive:
                return src, f"issuer of the {noun}", passive
        return found, "acl", passive
    if rel == "advcl" and not passive and (view.word(i).xpos == "VBG" or purpose_clause(view, i)) \
            and view.word(gov).upos == "VERB":
        marks = view.marks(i)
        if marks & OBJECT_CONTROL_MARKS:
            # "warned the US against selling arms", "stopped X from entering": the governor's object
            objs = view.kids(gov, "obj")
            if objs:
                return arg_mentions(view, ms, objs[0], resolve), "adverbial clause (object control)", passive
            return [], "none", passive
        if marks - SUBJECT_CONTROL_MARKS:
            return [], "none", passive
        addressee = _addressee(view, gov) if purpose_clause(view, i) else None
        found = arg_mentions(view, ms, addressee, resolve) if addressee is not None else []
        if addressee is not None and (found or view.lemma_upper[gov].lower() in APPEAL_VERBS):
            # "called on the international community to pressure Israel": the one appealed to does it (an
            # object that is no actor, "pushed tanks into Gaza to encircle ...", leaves it to the subject)
            return found, "adverbial clause (object control)", passive
        # "police opened fire, killing one person", "after meeting X": a subjectless participle or
        # infinitive adjunct is done by the subject of the verb it modifies (unless that verb is passive)
        src, how, gov_passive = subject_of(view, ms, gov, resolve, depth + 1)
        if gov_passive:
            return [], "none", passive
        return src, "adverbial clause" if how == "subject" else f"adverbial clause+{how}", passive
    return [], "none", passive


# verbs of acts done, not suffered: a past participle of one on a noun is active ("students demonstrated")
INTRANSITIVE_ACTS = frozenset({"DEMONSTRATE", "PROTEST", "MARCH", "RALLY", "GATHER", "RIOT", "CLASH", "FLEE",
                               "ARRIVE", "RETURN", "PARTICIPATE", "CONVERGE", "ASSEMBLE", "FIGHT", "STRIKE",
                               "MUTINY", "REBEL", "PARADE", "PICKET", "SIT", "MOVE", "GO", "COME", "WALK"})
# participles that are adjectives of their noun, which acts ("fundamentalists opposed to the US presence")
ADJECTIVES = frozenset(ADJECTIVAL_PARTICIPLES) | READY_PARTICIPLES
# verbs whose addressee does what their purpose clause says: "called on X to ...", "urged X to ..."
APPEAL_VERBS = frozenset({"call", "appeal", "prevail"})
OBJECT_CONTROL_VERBS = frozenset({"urge", "ask", "tell", "order", "force", "persuade", "encourage", "invite",
                                  "press", "pressure", "push", "instruct", "compel", "advise", "implore", "beg",
                                  "exhort", "request", "require", "oblige"})


def _addressee(view: SentenceView, gov: int) -> int | None:
    """The phrase of the one that verb ``gov`` appeals to: its "on"/"to" phrase for call, appeal, prevail
    ("called on X", "appealed to X"), its object for urge, ask, order ..."""
    lemma = (view.word(gov).lemma or "").lower()
    if lemma in APPEAL_VERBS:
        ons = [c for c in view.kids(gov, "obl") if _preposition(view, c) in ("on", "upon", "to")
               and view.lemma_upper[c].lower() not in TIME_NAMES]  # not "called on Sunday to ..."
        return ons[0] if ons else None
    if lemma in OBJECT_CONTROL_VERBS:
        objs = view.kids(gov, "obj")
        return objs[0] if objs else None
    return None


def _attack_phrase_agent(view: SentenceView, ms: Mentions, i: int) -> list[Mention]:
    """The agent of an "in an attack" phrase of passive verb ``i``: its ``by`` phrase ("killed in an attack
    by militants") or the actor that modifies the noun ("wounded in a PKK attack", "in an Israeli air
    strike")."""
    for c in view.kids(i, "obl"):
        if _preposition(view, c) != "in" or (view.word(c).lemma or "").lower() not in ATTACK_NOUNS:
            continue
        by = [k for k in view.kids(c, "nmod") if _preposition(view, k) == "by"]
        found = mentions_at(view, ms, by[0]) if by else mentions_at(view, ms, c)
        if found:
            return found
    return []


def _preposition(view: SentenceView, c: int) -> str:
    case = view.kids(c, "case")
    return view.word(case[0]).text.lower() if case else ""


def attribution(view: SentenceView, c: int) -> bool:
    """A phrase that says who reports the event ("according to the US government"), never its target."""
    case = view.kids(c, "case")
    first = min(case) if case else c
    return view.upper[first] == "ACCORDING" or (
        first > 1 and view.upper[first - 1] == "ACCORDING" and view.upper[first] == "TO")


def purpose_clause(view: SentenceView, c: int) -> bool:
    """An infinitive clause without a subject of its own ("... to supply Gondor")."""
    return not view.kids(c, "nsubj", "csubj") and any(view.upper[k] == "TO" for k in view.kids(c, "mark"))


# CAMEO roots of statements: what is said where ("Speaking in Brussels, Stoltenberg urged ...") is not said
# to that place (a demand or appeal about a place is addressed to it: "demanding a ceasefire in Syria")
STATEMENT_ROOTS = frozenset({"01"})


def default_targets(view: SentenceView, ms: Mentions, i: int, resolve: Resolver,
                    passive: bool, pattern_words: frozenset[int] = frozenset(),
                    places_too: bool = True) -> tuple[list[Mention], str]:
    """The target of verb ``i`` when the pattern does not mark one, in this order: the passive subject;
    the direct object phrase (an actor inside it included: "an attack by Osgiliath soldiers"); the
    indirect object; the prepositional phrases of the verb in sentence order (not time expressions, not
    locative ones); the targets of an infinitive complement or purpose clause ("vowed to wage war on X",
    "signed an accord to supply X"); locative phrases ("arrived in X"; not with ``places_too=False``, for
    statements); the subject of a clausal complement
    ("noted that X regretted ..."). An object whose mentions are all agents of no known country gives way
    to a known actor its phrase or a later goal phrase is aimed at ("mobilized army reservists for a war
    against Iraq"), else it is the target before any place ("arrested the opposition leader in Istanbul").
    An object that is itself a word of the matched pattern and an agent of no known country, or of the
    country a pronoun names ("its troops"), is what the verb acts with ("send more troops to Mali" with
    '* &MILITARY'); forces sent or deployed give way to a place too ("deployed warships near Taiwan"); the
    coder calls this again without ``pattern_words`` when nothing better is found ("dispersed the
    protesters")."""
    if passive:
        subj = view.kids_exact(i, "nsubj:pass") or ([view.head(i)] if view.deprel(i) == "acl" else [])
        if subj:
            found = arg_mentions(view, ms, subj[0], resolve)
            if subj[0] == view.head(i):  # "a missile fired by Yemen's Houthi rebels": not the participle's own
                own = set(view.subtree(i))
                found = [m for m in found if m.head not in own]
            if found:
                return found, "passive subject"
    unknown_object: tuple[list[Mention], str] | None = None
    for rel in ("obj", "iobj"):
        for c in view.kids_exact(i, rel):
            found = arg_mentions(view, ms, c, resolve)
            if found and c in pattern_words and all((not m.known or m.resolved_from is not None) and m.head == c
                                                    for m in found):
                # the pattern's own word ("send troops to X": the troops are what is sent; also the actor's
                # own, "withdrew its troops from Syria"); a known actor inside its phrase is the target
                # ("recalled its ambassador to Iran")
                inner = [m for m in first_mentions_in(view, ms, c, after=c + 1) if m.known]
                if inner:
                    return inner, "object's phrase"
                # forces sent or deployed (MIL) may still take a place as target; other agents come first
                if unknown_object is None and not any(m.known for m in found) \
                        and not all(m.agent.startswith("MIL") for m in found):
                    unknown_object = (found, rel)
                continue
            if found and (view.word(i).lemma or "").lower() in TOPIC_VERBS and rel == "obj" \
                    and all(not m.agent and len(m.code) == 3 for m in found):
                continue  # "Putin and Macron discussed Ukraine": a country discussed is the topic
            if found and not places_too and all(m.agent.startswith("MED") for m in found):
                continue  # "Putin told reporters that ...": the press a statement is made to is its audience
            if found and not any(m.known for m in found) and unknown_object is None:
                # agents of no known country ("mobilized army reservists for a war against Iraq"): a later
                # phrase of the verb that names a known actor is the target; else they are (and may still
                # take the country of the place, step 4b)
                inner = _known_inside(view, ms, c)
                if inner:
                    return inner, "object's phrase"
                unknown_object = (found, rel)
                continue
            if found:
                return found, rel
    obls = [c for c in view.children[i] if view.base_rel(c) == "obl" and view.deprel(c) not in TEMPORAL
            and view.deprel(c) != "obl:agent" and not attribution(view, c)
            and _preposition(view, c) not in INTERMEDIARY
            and _preposition(view, c) != "during"]  # a time: "... during a visit by Erdogan" names no party
    locative = [c for c in obls if _preposition(view, c) in LOCATIVE]
    for c in obls:
        if c in locative:
            continue
        if unknown_object is not None:
            # with an object of unknown agents, only a known actor a goal phrase names is a better target
            # ("sent troops to Mali"; not "killed militants with the help of US aircraft")
            goal = _preposition(view, c) in GOAL
            found = ([m for k in view.conjuncts(c) for m in mentions_at(view, ms, k) if m.known]
                     or _known_inside(view, ms, c)) if goal else []  # "to the Baltic states and Poland"
        else:
            found = arg_mentions(view, ms, c, resolve)
        if found and _preposition(view, c) in CIRCUMSTANCE and all(
                not m.agent and m.head != c and in_locative_phrase(view, m.head, c) for m in found):
            continue  # "reached an agreement after talks in Addis Ababa": where the talks were, no party
        if found and all(broker_agent(view, m.head, c) for m in found):
            continue  # "agreed ... under a deal brokered by China": the go-between is no party
        if found:
            return found, "prepositional phrase"
    for c in view.kids_exact(i, "xcomp") + [c for c in view.kids_exact(i, "advcl") if purpose_clause(view, c)]:
        if view.word(c).upos in ("VERB", "NOUN", "ADJ"):
            found, how = default_targets(view, ms, c, resolve, False)
            if found and (unknown_object is None or any(m.known for m in found)):
                return found, f"complement ({how})"
    if unknown_object is not None:
        # not a place: "arrested the opposition leader in Istanbul" is about the leader (who may take the
        # place's country, step 4b)
        return unknown_object
    for c in locative if places_too else ():
        found = arg_mentions(view, ms, c, resolve)
        if found and not all(broker_agent(view, m.head, c) for m in found):
            return found, "locative prepositional phrase"
    for c in view.kids_exact(i, "ccomp"):
        subj = view.kids(c, *SUBJECT, "nsubj:pass")
        found = arg_mentions(view, ms, subj[0], resolve) if subj else []
        if found:
            return found, "subject of the clausal complement"
    for c in view.kids_exact(i, "ccomp"):
        # a statement's clause names no addressee by its places ("Speaking at a news conference in Moscow,
        # Lavrov said ...", with "Speaking" parsed as a complement of "said")
        found, how = default_targets(view, ms, c, resolve, is_passive(view, c), places_too=places_too)
        if found:
            return found, f"clausal complement ({how})"
    return [], "none"


# prepositions that lead from what the verb acts with to whom it is aimed at ("reservists for a war against
# Iraq", "intelligence to Macedonia", "the withdrawal of forces from Panama"); not "with", "by", "of"
GOAL = frozenset({"to", "against", "on", "into", "toward", "towards", "for", "from"})


def _known_inside(view: SentenceView, ms: Mentions, c: int) -> list[Mention]:
    """A known actor that the phrase of ``c`` (or of its conjuncts) is aimed at: a goal phrase reached
    through goal or "of" phrases only ("the deployment of police officers to Haiti"), not through a clause
    ("killed gunmen attacking a US base": not the base) nor another preposition ("protesters outside
    parliament")."""
    found: list[int] = []
    tops = view.conjuncts(c)  # "photographs and military intelligence to Macedonia"
    stack = list(tops)
    while stack:
        k = stack.pop()
        for d in view.children[k]:
            preps = {view.word(p).text.lower() for p in view.kids(d, "case")}
            if view.base_rel(d) not in ("nmod", "obl") or not preps & (GOAL | {"of"}):
                continue
            # the goal or a conjunct of it ("to the Baltic states and Poland")
            goal = next((g for g in view.conjuncts(d) if g in ms.by_head and any(m.known for m in ms.by_head[g])),
                        None) if preps & GOAL else None
            if goal is not None:
                found.append(goal)
            else:
                stack.append(d)  # "a possible war", "the deployment of police officers": look further in
    if not found:
        return []
    return [m for m in mentions_at(view, ms, min(found)) if m.known]


def condition_targets(view: SentenceView, ms: Mentions, i: int, resolve: Resolver) -> list[Mention]:
    """The subject of a condition on verb ``i`` or on its infinitive complement: the one a threat or an
    ultimatum is made to ("threatened to stop negotiations if the United States goes ahead", "threatened
    a strike unless Israel rescinded ...")."""
    verbs = [i] + [c for c in view.kids_exact(i, "xcomp") if view.word(c).upos == "VERB"]
    for v in verbs:
        for c in view.kids_exact(v, "advcl"):
            if not view.marks(c) & CONDITION_MARKS:
                continue
            subj = view.kids(c, *SUBJECT, "nsubj:pass")
            found = arg_mentions(view, ms, subj[0], resolve, places=False) if subj else []
            if any(m.known for m in found):
                return found
    return []
