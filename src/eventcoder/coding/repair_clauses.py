"""Clause-level parse repairs (docs/algorithm.md, section 0.1): subjects, objects and agents of verbs the
parser attached to the wrong word. Each function edits ``words`` in place and says whether it changed
something; ``repair.repair`` applies them in order."""

from __future__ import annotations

from dataclasses import replace

from eventcoder.coding.repair_parts import AGAINST_WITH, POSSESSIVE_MARKS, children_of, dominates, has_case, subtree
from eventcoder.parse.sentence import Word


def possessive_gerund(words: list[Word]) -> bool:
    """Repair 24: "condemned the Indian army's firing across the Line of Control" with "firing" parsed as an
    adverbial clause whose subject is "army 's": a gerund with a possessive subject is a noun phrase, the
    object of a verb that has none; its subject is its possessor. Edits ``words``; True when changed."""
    changed = False
    for g in list(words):
        if g.xpos != "VBG" or g.deprel not in ("advcl", "ccomp", "xcomp") or not 1 <= g.head <= len(words):
            continue
        subjects = [w for w in words if w.head == g.index and w.deprel == "nsubj"]
        if len(subjects) != 1 or any(w.head == g.head and w.deprel == "obj" for w in words):
            continue
        subject = subjects[0]
        if subject.index < g.index and any(w.head == subject.index and w.deprel == "case"
                                           and w.text in POSSESSIVE_MARKS for w in words):
            words[g.index - 1] = replace(g, deprel="obj")
            words[subject.index - 1] = replace(subject, deprel="nmod:poss")
            changed = True
    return changed


def object_participle(words: list[Word]) -> bool:
    """Repair 25: "freed 300 schoolgirls abducted by gunmen" with "abducted" parsed as the verb's ``xcomp``
    (as in "found them abducted"): a past participle right after the verb's object, with a ``by`` agent
    and no subject or auxiliary of its own, is a reduced relative clause of that object (``acl``).
    Edits ``words``; True when changed."""
    changed = False
    if not any(w.deprel == "xcomp" and w.xpos == "VBN" for w in words):
        return False  # nothing to repair, the common case (known without building the tree)
    children = children_of(words)
    for p in list(words):
        if p.deprel != "xcomp" or p.xpos != "VBN" or not 1 <= p.head <= len(words):
            continue
        kids = [words[k - 1] for k in children.get(p.index, ())]
        if any(w.deprel in ("nsubj", "nsubj:pass", "aux", "aux:pass", "cop", "mark") for w in kids) or not any(
                w.deprel in ("obl", "obl:agent") and has_case(words, children, w.index, ("by",)) for w in kids):
            continue
        objects = [w for w in words if w.head == p.head and w.deprel == "obj" and w.index < p.index]
        if len(objects) != 1:
            continue
        obj = objects[0]
        between = range(obj.index + 1, p.index)
        if all(dominates(words, obj.index, k) for k in between):
            words[p.index - 1] = replace(p, head=obj.index, deprel="acl")
            changed = True
    return changed


# prepositions of a verb's phrase that a participle's noun may carry ("sanctions on settlers accused of ...")
PHRASE_PREPOSITIONS = frozenset({"on", "upon", "against", "for", "with"})


def participle_on_a_phrase(words: list[Word]) -> bool:
    """Repair 32: "imposed sanctions on Israeli settlers accused of violence" with "settlers" parsed as the
    subject of "accused", an adverbial clause: a noun with a preposition of its own is no subject; a past
    participle with no auxiliary after it is a reduced relative clause of that noun (``acl``), and the noun
    is what it was, a phrase of the verb the participle hung on (``obl``). Edits ``words``; True when
    changed."""
    changed = False
    if not any(w.xpos == "VBN" and w.deprel in ("advcl", "ccomp", "conj", "parataxis") for w in words):
        return False  # nothing to repair, the common case (known without building the tree)
    children = children_of(words)
    for p in list(words):
        if p.xpos != "VBN" or p.deprel not in ("advcl", "ccomp", "conj", "parataxis") \
                or not 1 <= p.head <= len(words):
            continue
        kids = [words[k - 1] for k in children.get(p.index, ())]
        subjects = [w for w in kids if w.deprel in ("nsubj", "nsubj:pass")]
        if len(subjects) != 1 or any(w.deprel in ("aux", "aux:pass", "cop", "mark") for w in kids):
            continue
        noun = subjects[0]
        if noun.index > p.index or noun.upos not in ("NOUN", "PROPN") or not any(
                words[c - 1].deprel == "case" and words[c - 1].text.lower() in PHRASE_PREPOSITIONS
                for c in children.get(noun.index, ())):
            continue  # not "as the opposition threatened", "Up to 100 Albanians demonstrated"
        verbal = words[p.head - 1].upos in ("VERB", "AUX", "ADJ")
        words[noun.index - 1] = replace(noun, head=p.head, deprel="obl" if verbal else "nmod")
        words[p.index - 1] = replace(p, head=noun.index, deprel="acl")
        changed = True
    return changed


def phrase_off_a_place(words: list[Word]) -> bool:
    """Repair 27: "rallied in Tel Aviv against Prime Minister Benjamin Netanyahu" with the "against" phrase
    parsed as a modifier of Tel Aviv: an "against" or "with" phrase hung on a place name (a proper noun with
    "in" or "at" that modifies a verb) modifies the verb. Edits ``words``; True when changed."""
    changed = False
    if not any(w.deprel == "case" and w.text.lower() in AGAINST_WITH for w in words):
        return False  # nothing to repair, the common case (known without building the tree)
    children = children_of(words)
    for w in list(words):
        h = w.head
        if w.deprel != "nmod" or not 1 <= h <= len(words) or not has_case(words, children, w.index, AGAINST_WITH):
            continue
        place = words[h - 1]
        verb = place.head
        if place.upos != "PROPN" or place.deprel != "obl" or not 1 <= verb <= len(words) \
                or words[verb - 1].upos != "VERB" or not has_case(words, children, h, ("in", "at")):
            continue
        words[w.index - 1] = replace(w, head=verb, deprel="obl")
        changed = True
    return changed


def verb_after_relative_clause(words: list[Word]) -> bool:
    """Repair 28: "Russia, which backs Assad, blocked a U.N. resolution" parsed with Russia as the root and
    "blocked" a conjunct of the relative clause's verb: a finite verb right after the comma that closes a
    relative clause of the sentence's root noun, with no subject and no conjunction of its own, is the main
    verb and the noun its subject. Edits ``words``; True when changed."""
    if not any(w.deprel == "acl:relcl" for w in words):
        return False  # nothing to repair, the common case (known without building the tree)
    children = children_of(words)
    for w in words:
        rel = words[w.head - 1] if 1 <= w.head <= len(words) else None
        if rel is None or w.deprel != "conj" or w.upos != "VERB" or w.xpos not in ("VBD", "VBZ", "VBP") \
                or rel.deprel != "acl:relcl" or not 1 <= rel.head <= len(words) or w.index < 2 \
                or words[w.index - 2].text != "," or rel.index > w.index:
            continue
        noun = words[rel.head - 1]
        if noun.head != 0 or noun.upos not in ("NOUN", "PROPN") or any(
                words[c - 1].deprel in ("cc", "nsubj", "nsubj:pass") for c in children.get(w.index, ())):
            continue
        for c in children.get(noun.index, ()):  # the closing punctuation and what follows the verb
            if c > w.index:
                words[c - 1] = replace(words[c - 1], head=w.index)
        words[w.index - 1] = replace(w, head=0, deprel="root")
        words[noun.index - 1] = replace(noun, head=w.index, deprel="nsubj")
        return True
    return False


# participles that are adjectives with a prepositional object: "is opposed to X", "is allied with X"
ADJECTIVAL_PARTICIPLES = {"oppose": ("to",), "ally": ("with", "to"), "engage": ("in",)}


# ... of which the phrase stays a prepositional phrase (the dictionaries' "* (IN ...)" patterns)
_KEEP_PHRASE = frozenset({"engage"})


# ... and those whose complement is an infinitive: "is prepared / determined / poised to impose"
READY_PARTICIPLES = frozenset({"prepare", "determine", "poise"})


def adjectival_participles(words: list[Word], children: dict[int, list[int]]) -> bool:
    """Repair 13: "X is opposed to Y", "X is allied with Y", "X is prepared to impose ...": the participle
    is an adjective, not a passive (no ``by`` agent; a ``to``/``with``/``in`` phrase, or for prepared /
    determined / poised an infinitive): the subject acts and the phrase is its object (for engaged, it
    stays a prepositional phrase). Edits ``words``; True when changed."""
    changed = False
    for w in words:
        prep = ADJECTIVAL_PARTICIPLES.get(w.lemma.lower())
        ready = w.lemma.lower() in READY_PARTICIPLES
        if (prep is None and not ready) or w.xpos != "VBN":
            continue
        kids = [words[k - 1] for k in children.get(w.index, ())]
        if not any(c.deprel in ("aux:pass", "aux") and c.lemma.lower() == "be" for c in kids) \
                or any(c.deprel == "obl:agent" for c in kids):
            continue
        objs = [c for c in kids if c.deprel == "obl" and prep is not None and has_case(words, children, c.index, prep)]
        if not objs and not (ready and any(c.deprel == "xcomp" for c in kids)):
            continue
        for c in kids:
            if c.deprel == "nsubj:pass":
                words[c.index - 1] = replace(c, deprel="nsubj")
            elif c.deprel == "aux:pass":
                words[c.index - 1] = replace(c, deprel="cop")
        if objs and w.lemma.lower() not in _KEEP_PHRASE:
            words[objs[0].index - 1] = replace(objs[0], deprel="obj")
        changed = True
    return changed


def later_subject_of_clause(words: list[Word], children: dict[int, list[int]]) -> bool:
    """Repair 10b: "20 people were killed when Russian missiles struck a building" with "missiles" a second
    subject of "killed": a verb's second subject right before a finite clause of that verb which has no
    subject of its own is that clause's subject. Edits ``words`` and ``children``; True when changed."""
    changed = False
    for v, kids in list(children.items()):
        subj = [k for k in kids if words[k - 1].deprel in ("nsubj", "nsubj:pass")]
        if not 1 <= v <= len(words) or len(subj) != 2:
            continue
        later = subj[1]
        end = max(subtree(children, later))
        clauses = [k for k in kids if k > later and words[k - 1].xpos in ("VBD", "VBZ", "VBP")
                   and words[k - 1].deprel in ("advcl", "ccomp", "conj")
                   and not any(words[c - 1].deprel in ("nsubj", "nsubj:pass", "csubj") for c in children.get(k, ()))
                   and all(dominates(words, later, j) or dominates(words, k, j) for j in range(end + 1, k))]
        if len(clauses) != 1 or later < v:
            continue
        k = clauses[0]
        words[later - 1] = replace(words[later - 1], head=k, deprel="nsubj")
        children[v].remove(later)
        children.setdefault(k, []).append(later)
        changed = True
    return changed


def active_passive_subjects(words: list[Word], children: dict[int, list[int]]) -> bool:
    """Repairs 3b and 3d: a passive subject with no passive auxiliary is active when its verb has only a
    perfect "have" ("Soldiers from Gondor have cordoned off the roads"), or when the verb is the root
    participle of a sentence ending with a full stop and has no auxiliary (none misattached between
    the two either) and no ``by`` agent ("Spain's prime minister called for dialogue")."""
    n = len(words)
    full_stop = bool(words) and words[-1].text in (".", "!")
    changed = False
    for v, kids in children.items():
        if not (1 <= v <= n):
            continue
        subj = [k for k in kids if words[k - 1].deprel == "nsubj:pass"]
        auxes = [words[k - 1] for k in kids if words[k - 1].deprel in ("aux", "aux:pass", "cop")]
        if len(subj) != 1:
            continue
        perfect = bool(auxes) and all(a.deprel == "aux" and a.lemma.lower() == "have" for a in auxes)
        bare_root = (full_stop and not auxes and words[v - 1].deprel == "root" and words[v - 1].xpos in ("VBN", "VBD")
                     and subj[0] < v and not any(w.lemma.lower() in ("be", "get") for w in words[subj[0]:v - 1])
                     and not any(words[k - 1].deprel == "obl:agent" or (
                         words[k - 1].deprel == "obl" and has_case(words, children, k, ("by",))) for k in kids))
        if perfect or bare_root:
            words[subj[0] - 1] = replace(words[subj[0] - 1], deprel="nsubj")
            changed = True
    return changed


def reported_subject_as_object(words: list[Word], children: dict[int, list[int]]) -> bool:
    """Repair 19: "The Kremlin said Putin and Macron had discussed Ukraine": the subject of a reported clause
    parsed as an indirect object of the verb of saying (the clause has no subject of its own) is that
    clause's subject. Edits ``words`` and ``children``; True when changed."""
    changed = False
    for w in list(words):
        if w.deprel != "iobj" or not (1 <= w.head < w.index):
            continue
        comps = [c for c in children.get(w.head, ()) if c > w.index and words[c - 1].deprel == "ccomp"
                 and not any(words[x - 1].deprel in ("nsubj", "nsubj:pass", "mark") for x in children.get(c, ()))]
        if len(comps) != 1:
            continue
        c = comps[0]
        end = max(subtree(children, w.index))
        if any(words[x - 1].deprel not in ("aux", "aux:pass", "cop", "advmod", "punct") or words[x - 1].head != c
               for x in range(end + 1, c)):
            continue
        passive = any(words[x - 1].deprel == "aux:pass" for x in children.get(c, ()))
        children[w.head].remove(w.index)
        children.setdefault(c, []).append(w.index)
        words[w.index - 1] = replace(w, head=c, deprel="nsubj:pass" if passive else "nsubj")
        changed = True
    return changed


def subject_of_adjective_clause(words: list[Word]) -> bool:
    """Repair 18: "Militants loyal to the Islamic State group beheaded ...": a subjectless verb whose subject
    was parsed as the subject of an adjective (or participle) clause before it takes it, and the adjective
    modifies it. Edits ``words``; True when changed."""
    changed = False
    if not any(w.deprel == "advcl" and w.index < w.head for w in words):
        return False  # nothing to repair, the common case (known without building the tree)
    children = children_of(words)
    for w in list(words):
        if w.upos != "VERB" or any(words[c - 1].deprel in ("nsubj", "nsubj:pass", "csubj")
                                   for c in children.get(w.index, ())):
            continue
        for a in list(children.get(w.index, ())):
            aw = words[a - 1]
            if aw.deprel != "advcl" or a > w.index or aw.upos not in ("ADJ", "VERB"):
                continue
            akids = children.get(a, [])
            if any(words[c - 1].deprel in ("cop", "aux", "aux:pass", "mark") for c in akids):
                continue
            subj = [c for c in akids if words[c - 1].deprel == "nsubj" and c < a]
            if len(subj) != 1:
                continue
            s0 = subj[0]
            words[s0 - 1] = replace(words[s0 - 1], head=w.index, deprel="nsubj")
            words[a - 1] = replace(aw, head=s0, deprel="amod" if aw.upos == "ADJ" else "acl")
            children = children_of(words)
            changed = True
            break
    return changed


def agent_on_a_phrase(words: list[Word]) -> bool:
    """Repair 29: "Hamdok was placed under house arrest by the military" with the "by" phrase parsed as a
    modifier of "arrest": a "by" phrase hung on the last prepositional phrase (or right after the
    adjective: "shot dead by Israeli forces during a raid") of a passive verb that has no agent is the
    verb's agent (``obl:agent``). Edits ``words``; True when changed."""
    changed = False
    if not any(w.deprel == "case" and w.text.lower() == "by" for w in words):
        return False  # nothing to repair, the common case (known without building the tree)
    children = children_of(words)
    for v in words:
        kids = children.get(v.index, ())
        if v.upos != "VERB" or not any(words[c - 1].deprel in ("aux:pass", "nsubj:pass") for c in kids) \
                or any(words[c - 1].deprel == "obl:agent" for c in kids):
            continue
        for o in kids:  # a phrase of the verb, or its adjective ("shot dead by Israeli forces")
            if words[o - 1].deprel not in ("obl", "xcomp") or o < v.index:
                continue
            adjective = words[o - 1].deprel == "xcomp"
            for b in children.get(o, ()):
                # the last phrase of a prepositional phrase or adjective; or right after the adjective
                # ("shot dead by Israeli troops during a raid")
                if words[b - 1].deprel in ("nmod", "obl") and has_case(words, children, b, ("by",)) \
                        and (max(subtree(children, b)) == max(subtree(children, o))
                             or (adjective and min(subtree(children, b)) == o + 1)):
                    words[b - 1] = replace(words[b - 1], head=v.index, deprel="obl:agent")
                    changed = True
    return changed
