"""Small, general repairs of parser errors that would otherwise split or mislabel a noun phrase.

Applied to every sentence before coding (the trace shows the repaired parse). Each repair only changes
relations that UD does not allow as parsed:

1. A possessor: a noun followed by ``'s`` / ``'`` (``case``) and attached to a following noun under another
   relation becomes ``nmod:poss`` of that noun ("Russia 's president", Russia parsed as ``nsubj`` of
   president); so does one parsed as a sibling of the possessed phrase under the same relation ("Eriador
   's largest party launched" with two subjects).
2. Split names: two or more adjacent nominal siblings with the same core relation (``nsubj``, ``obj``,
   ``iobj``, ``nsubj:pass``) -- a verb has one subject and one direct object -- become one phrase: the
   earlier words attach to the last one as ``compound`` ("Secretary Igor Ivanov criticized" parsed with
   three subjects).
4. Flat coordination: same-relation siblings ("Mordor, Rohan, Arnor and Bree" as four ``nsubj`` of one
   verb; a second ``nmod``/``obl`` without its own preposition after a comma) separated only by commas or
   a conjunction become ``conj`` of the first.
5. A noun's ``nsubj`` before it, without a copula (a nominal predicate needs one), is a ``compound``
   ("Bree President Romendacil" with President as ``nsubj`` of Romendacil).
6. A ``flat`` name part after a comma is a conjunct ("Mordor, Rohan, Arnor": Rohan parsed flat).
9. A verb parsed as a ``conj`` of the nouns before it ("Mordor, Rohan and Bree welcomed ...", the nouns
   heading the clause) takes their place, and they become its subject.
15. A sentence headed by a noun without a copula whose verb was parsed as a subjectless ``acl`` of it
   ("Thousands of protesters demonstrated against the government"; past tense, or with an object or an
   ``against`` or ``with`` phrase, so not a reduced passive), or as a finite ``acl:relcl`` (any, under a number:
   "Tens of thousands of X rallied") with neither subject nor relative word ("French Assembly president
   Laurent Fabius held talks with ..."), is a clause: the verb
   heads it and the noun is its subject.
19. The subject of a subjectless reported clause parsed as an indirect object of the verb of saying
   ("The Kremlin said [Putin and Macron] had discussed Ukraine") is that clause's subject.
18. A verb without a subject whose subject was parsed as the subject of an adjective or participle
   clause (``advcl``) before it ("Militants loyal to the Islamic State group beheaded ..."): the noun is the
   verb's subject and the adjective modifies it.
17. A second subject or object with a preposition of its own modifies the one before it ("Thousands of
   Palestinians marched" with two subjects): core arguments have no preposition.
16. A "that" clause parsed as an ``advcl`` of an earlier verb is the clausal complement (``ccomp``) of the
   verb written right before "that" when that verb has neither object nor complement ("issued a
   declaration demanding that the Turkish government provide ...").
7d. A name after a comma parsed as a conjunct of a modifier, in a coordination without any conjunction, is
   an apposition of the phrase ("The president of Afghanistan, Ashraf Ghani, rejected ...").
10. A verb with two subjects and, between them, a subjectless clausal complement ("Arnor on Thursday signed
   ..., officials said") or an unmarked finite ``advcl`` ("The Philippines and France agree that disputes
   ... should be resolved", both subjects under "resolved"): the first subject is that verb's.
8. An ``xcomp`` has no subject of its own: a ``nsubj`` of it between the governing verb and it is the
   governing verb's object ("asked Pakistan to stop ...", object control).
7. A conjunct attached to a ``flat``/``compound`` part of a noun phrase belongs to the phrase's head
   ("Old foe Gondor and Osgiliath": Osgiliath conj of Gondor, a flat part under foe); a name conjunct of a
   common noun written right after a name inside that noun's phrase coordinates with that name
   ("officials in Arnor and Gondor" with Gondor a conjunct of officials); a conjunct attached to a
   possessor across the possessed noun belongs to that noun ("Colombia's government and FARC rebels").
11. A place phrase between a subject and its verb belongs to the subject ("Rebels in the Ivory Coast on
   Wednesday dismissed ..." with "in the Ivory Coast" as ``obl`` of dismissed): an ``in``/``from`` phrase
   with a proper name, not a month or weekday, right after the subject, becomes its ``nmod``.
10b. A verb's second subject right before a finite clause of that verb with no subject of its own is that
   clause's subject ("20 people were killed when Russian missiles struck a building").
12. A ``flat`` name part far from its head ("Iran 's religious leader Ayatollah Ruhollah Khomeini" with
   Ruhollah and Khomeini ``flat`` under Iran): a name is contiguous, so it joins the name before it (the
   previous word, or that word's own ``flat`` head).
14. A subject before a verb that has none, attached across that verb to its clausal complement which
   has a subject of its own ("The Philippines and France agree that disputes ... should be resolved" with
   Philippines under "resolved"), is the verb's subject.
3b. A passive subject whose verb has only a perfect ``have`` as auxiliary (no ``be``/``get``) is an active
   subject ("Soldiers from Gondor have cordoned off the roads" with Soldiers ``nsubj:pass``).
3d. So is the passive subject of a sentence's root participle (or past tense) with no auxiliary and no
   ``by`` agent, in a sentence that ends with a full stop ("Spain's prime minister called for dialogue ...", tagged as
   a headline's "Minister called ..."): a passive needs "be" or "get" in running text.
20. A closing reporting clause parsed as a subjectless relative clause of a noun right after a comma
   ("... in southern Gaza on Sunday, Palestinian officials and US witnesses said." with officials a
   conjunct of the object): the noun is the verb's subject and the verb a ``parataxis`` of the root.
20b. The same clause parsed as a conjunct of the main verb (with no conjunction) whose speakers' noun, right
   after a comma and before it, hangs on a phrase of the main clause ("... after five days of fighting,
   Thai police here said on Monday." with police under "days").
21. An adjective parsed as an ``advmod`` of the verb right before "and" + an adjective modifying the verb's
   subject or object ("Indian and Chinese troops clashed") modifies that noun, its conjunct the second; so
   does a capitalised country adjective parsed as a proper noun heading the phrase, with the noun its
   conjunct ("Russian and Chinese warships held ...").
22. An "of" phrase right after a quantity noun ("Hundreds of Palestinians") parsed on the verb is the noun's.
23. A wire dateline opening an article ("KABUL (Reuters) - ") hangs on the root: it is no argument.
24. A gerund with a possessive subject ("condemned the Indian army's firing") is the verb's object.
25. A past participle with a ``by`` agent parsed as the ``xcomp`` of a verb, right after its object ("freed
   300 schoolgirls abducted by gunmen"), is a reduced relative clause of the object.
7e. A noun with "a"/"an" set off by commas, parsed as the only conjunct of a phrase with no conjunction, is
   an apposition ("Jordan's King Abdullah, a close U.S. ally, warned Israel": one party, not two).
7f. A noun phrase set off by commas right between a subject and its verb, parsed as part of another phrase,
   is the subject's apposition ("Sheikh Mohammed bin Abdulrahman Al Thani, Qatar's prime minister, said").
2b. A title and the name right after it parsed as two conjuncts of one phrase ("Putin and [Chinese leader]
   [Xi Jinping]") are one phrase.
3c. A present participle (VBG) is never passive: its ``nsubj:pass`` and ``aux:pass`` are a subject and an
   auxiliary ("Ethiopia is acting on a resolution", a progressive parsed as a passive).
13. "X is opposed to Y", "X is allied with Y", "X is prepared to impose ...", "X was engaged in ...": the
   participle is an adjective, not a passive (no ``by`` agent; a ``to``/``with``/``in`` phrase, or for
   prepared / determined / poised an infinitive): the subject acts and the phrase is its object (for
   engaged, it stays a prepositional phrase).
3. Passive clauses: a verb with an ``aux:pass`` (or an ``aux`` "be"/"get" on a past participle, VBN,
   which the parser often labels plain ``aux``) has a passive subject (``nsubj`` -> ``nsubj:pass``) and
   its ``by`` phrase is the agent (``obl`` -> ``obl:agent``).
26. A short lower-case word written right after a proper noun and a hyphen ("Moon Jae-in") is a name part.
27. An "against"/"with" phrase hung on a place name of the verb modifies the verb ("rallied in Tel Aviv
   against Netanyahu").
28. A finite verb right after a relative clause of the root noun is the main verb ("Russia, which backs
   Assad, blocked ...").
29. A "by" phrase on the last phrase (or the adjective) of a passive verb with no agent is its agent ("placed
   under house arrest by the military", "shot dead by Israeli forces").
30. A common noun right before "overnight", "today", "tonight" or "yesterday", parsed as a ``compound`` of
   it with the time word after a verb that has no object, is the verb's object ("shot down 20 Russian drones
   overnight").
31. Words before a verb with no subject parsed as the determiner and ``compound`` of its object, across the
   verb, are its subject ("[The IMF] suspended loans to Sri Lanka"): a noun phrase does not span its verb.
32. A noun with a preposition (on, against, for ...) parsed as the subject of a past participle with no
   auxiliary is the verb's phrase and the participle its ``acl`` ("sanctions on settlers accused of ...").
"""

from __future__ import annotations

from dataclasses import replace

from eventcoder.coding.repair_clauses import (
    active_passive_subjects,
    adjectival_participles,
    agent_on_a_phrase,
    later_subject_of_clause,
    object_participle,
    participle_on_a_phrase,
    phrase_off_a_place,
    possessive_gerund,
    reported_subject_as_object,
    subject_of_adjective_clause,
    verb_after_relative_clause,
)
from eventcoder.coding.repair_parts import (
    AGAINST_WITH,
    CORE,
    NOMINAL,
    POSSESSIVE_MARKS,
    adjective_coordination,
    children_of,
    comma_apposition,
    coordinate,
    detach_dateline,
    dominates,
    first_word,
    has_case,
    hyphenated_name_parts,
    indefinite_apposition,
    inner_conjunct,
    merge,
    possessum_under_possessor,
    prepositional_core_argument,
    quantity_noun,
    quantity_phrase,
    span,
    split_conjunct_names,
    subject_across_verb,
    subtree,
    time_word_object,
    verb_takes_noun_place,
)
from eventcoder.coding.view import TIME_NAMES
from eventcoder.parse.sentence import ParsedSentence

# relative pronouns and adverbs: a clause with one is a relative clause, not a misattached main verb
FINITE = frozenset({"VBD", "VBZ", "VBP"})
RELATIVE_WORDS = frozenset({"who", "whom", "whose", "which", "that", "where", "when", "why"})
# verbs of a closing reporting clause ("..., officials said.")
REPORTING = frozenset({"say", "report", "add", "announce", "state", "claim", "confirm", "write", "note"})


def repair(sentence: ParsedSentence) -> ParsedSentence:
    words = list(sentence.words)
    n = len(words)
    changed = detach_dateline(sentence, words)  # 23. "KABUL (Reuters) - ...": no argument
    changed |= hyphenated_name_parts(words)  # 26. "Moon Jae-in met ...": "in" is a name part
    changed |= verb_after_relative_clause(words)  # 28. "Russia, which backs Assad, blocked ..."
    children = children_of(words)
    # 1. possessors: "X 's N" with X not labelled nmod:poss
    for w in words[:-1]:
        pos = words[w.index]  # the next word
        if pos.text not in POSSESSIVE_MARKS or pos.deprel != "case" or w.deprel == "nmod:poss":
            continue
        if w.upos not in ("NOUN", "PROPN") or pos.head not in (w.index, w.head):
            continue
        h = w.head
        if not (w.index < h <= n) or words[h - 1].upos not in ("NOUN", "PROPN"):
            # "Eriador 's largest party launched": possessor and possessed parsed as two subjects
            sibling = next((k for k in children.get(w.head, ()) if k > pos.index and words[k - 1].deprel == w.deprel
                            and words[k - 1].upos in ("NOUN", "PROPN")
                            and span(children, k, words)[0] == pos.index + 1), None)
            if sibling is not None:
                words[w.index - 1] = replace(w, head=sibling, deprel="nmod:poss")
                words[pos.index - 1] = replace(pos, head=w.index)
                children[w.head].remove(w.index)
                children.setdefault(sibling, []).append(w.index)
                changed = True
                continue
            changed |= possessum_under_possessor(words, w, pos)
            continue
        words[w.index - 1] = replace(w, deprel="nmod:poss")
        words[pos.index - 1] = replace(pos, head=w.index)
        changed = True
    # 21. "[Indian] and Chinese troops clashed": the first adjective parsed as the verb's advmod
    if adjective_coordination(words):
        changed = True
        children = children_of(words)
    # 3. passive clauses: with an aux:pass, the subject is nsubj:pass and a "by" phrase is the agent
    for w in words:
        if not (1 <= w.head <= n):
            continue
        passive_aux = w.deprel == "aux:pass" or (
            w.deprel == "aux" and w.lemma.lower() in ("be", "get") and words[w.head - 1].xpos == "VBN")
        if not passive_aux:
            continue
        for k in children.get(w.head, ()):
            c = words[k - 1]
            if c.deprel == "nsubj":
                words[k - 1] = replace(c, deprel="nsubj:pass")
                changed = True
            elif c.deprel == "obl" and has_case(words, children, k, ("by",)):
                words[k - 1] = replace(c, deprel="obl:agent")
                changed = True
    # 3b/3d. a passive subject that is active: with only a perfect "have" ("Soldiers from Gondor have
    # cordoned off the roads"), or of a sentence's root participle with no auxiliary and no agent
    if active_passive_subjects(words, children):
        changed = True
    # 3c. a present participle is never passive ("Ethiopia is acting on a resolution" with Ethiopia
    # nsubj:pass and "is" aux:pass): "is acting" is a progressive
    for v, kids in list(children.items()) if any(w.xpos == "VBG" for w in words) else ():
        if not (1 <= v <= n) or words[v - 1].xpos != "VBG":
            continue
        for k in kids:
            rel = words[k - 1].deprel
            if rel in ("nsubj:pass", "aux:pass"):
                words[k - 1] = replace(words[k - 1], deprel=rel.split(":")[0])
                changed = True
    # 13. "Israel is opposed to French mediation": an adjectival participle, not a passive
    changed |= adjectival_participles(words, children)
    # 5. a noun's "subject" without a copula is a modifier of it ("President nsubj-> Romendacil")
    for w in words:
        h = w.head
        if w.deprel != "nsubj" or not (w.index < h <= n) or words[h - 1].upos not in ("NOUN", "PROPN"):
            continue
        if w.upos not in ("NOUN", "PROPN", "ADJ"):
            continue
        if any(words[c - 1].deprel in ("cop", "aux", "aux:pass") for c in children.get(h, ())):
            continue
        between = words[w.index:h - 1]
        if any(b.upos in ("CCONJ", "PUNCT", "ADP", "VERB") for b in between):
            continue  # "Arnor and the Gondor ...": a (mis-attached) conjunct, not a modifier
        words[w.index - 1] = replace(w, deprel="compound")
        changed = True
    # 9. "Mordor, Rohan and Bree welcomed ...": the verb parsed as a conjunct of the nouns before it (which
    # then head the clause) takes their place, and they become its subject
    for w in list(words):
        h = w.head
        if w.deprel != "conj" or w.upos != "VERB" or not (1 <= h < w.index) \
                or words[h - 1].upos not in ("NOUN", "PROPN", "PRON"):
            continue
        if any(words[c - 1].deprel in ("nsubj", "nsubj:pass", "csubj") for c in children.get(w.index, ())):
            continue
        between = set(range(h + 1, w.index))
        if not between <= subtree(children, h) - subtree(children, w.index):
            continue
        hw = words[h - 1]
        clause_rel = "ccomp" if hw.deprel in ("nsubj", "nsubj:pass", "obj") else hw.deprel
        children = verb_takes_noun_place(words, w, h, hw.head, clause_rel)
        changed = True
    # 15. "Thousands of protesters demonstrated against the government": a sentence headed by a noun
    # without a copula, whose verb was parsed as an ``acl`` of it, is a clause with that noun as subject
    for w in list(words):
        h = w.head
        relcl = w.deprel == "acl:relcl"
        if w.deprel not in ("acl", "acl:relcl") or w.upos != "VERB" or not (1 <= h < w.index):
            continue
        # VBN: tagged as a participle ("rallied ... against the government")
        finite = w.xpos in FINITE or (w.xpos == "VBN" and any(
            words[c - 1].deprel == "obj"
            or (words[c - 1].deprel == "obl" and has_case(words, children, c, AGAINST_WITH))
            for c in children.get(w.index, ())))
        if words[h - 1].head != 0 and words[h - 1].deprel == "nmod" and words[words[h - 1].head - 1].head == 0:
            h = words[h - 1].head  # "Hundreds of students protested": the verb hangs on "students"
        # "Tens of thousands of Pakistanis rallied in Lahore": a sentence headed by a number has no other verb
        top = words[h - 1]
        finite = finite or (top.head == 0 and (top.upos == "NUM" or quantity_noun(top.lemma)))
        if relcl and (not finite or any(
                "PronType=Rel" in (words[c - 1].feats or "") or words[c - 1].lemma in RELATIVE_WORDS
                for c in children.get(w.index, ()))):
            continue  # a relative clause proper: "the talks that Fabius held"
        if relcl:  # "Chancellor Angela Merkel and President Emmanuel Macron met": the verb under a conjunct
            while words[h - 1].head != 0 and words[h - 1].deprel in ("conj", "flat") and words[h - 1].head < h:
                h = words[h - 1].head
        if words[h - 1].head != 0 or words[h - 1].upos not in ("NOUN", "PROPN", "PRON", "NUM"):
            continue
        kids = [words[c - 1] for c in children.get(w.index, ())]
        if any(k.deprel in ("nsubj", "nsubj:pass", "csubj", "mark", "aux", "aux:pass", "cop") for k in kids) \
                or any(words[c - 1].deprel == "cop" for c in children.get(h, ())):
            continue
        active = w.xpos == "VBD" or relcl or any(k.deprel == "obj" for k in kids) or any(
            k.deprel == "obl" and has_case(words, children, k.index, AGAINST_WITH) for k in kids)
        if not active:
            continue
        children = verb_takes_noun_place(words, w, h, 0, "root")
        changed = True
        break
    if any(w.upos == "VERB" and w.deprel in ("acl", "acl:relcl", "conj", "parataxis") and w.lemma.lower() in REPORTING
           for w in words):
        # 20. "..., Palestinian officials and US witnesses said.": a closing reporting clause parsed as a
        # subjectless relative clause of a noun after a comma (that noun a conjunct or modifier in the main
        # clause): the noun is the verb's subject and the verb a parataxis of the root
        root = next((w.index for w in words if w.head == 0), 0)
        children = children_of(words)
        for w in list(words):
            h = w.head
            if w.deprel not in ("acl", "acl:relcl") or w.upos != "VERB" or w.lemma.lower() not in REPORTING \
                    or not (1 <= h < w.index) or root == 0 or h == root:
                continue
            kids = [words[c - 1] for c in children.get(w.index, ())]
            if any(k.deprel in ("nsubj", "nsubj:pass", "obj", "ccomp", "xcomp", "mark") or k.lemma.lower() in
                   RELATIVE_WORDS for k in kids):
                continue
            first = first_word(children, h, words)
            last = max(k for k in range(w.index, n + 1) if words[k - 1].upos != "PUNCT")
            if first < 2 or words[first - 2].text != "," or span(children, w.index, words)[1] < last:
                continue
            children[words[h - 1].head].remove(h)
            words[h - 1] = replace(words[h - 1], head=w.index, deprel="nsubj")
            children[h].remove(w.index)
            words[w.index - 1] = replace(w, head=root, deprel="parataxis")
            children.setdefault(w.index, []).append(h)
            children.setdefault(root, []).append(w.index)
            changed = True
        # 20b. "..., Thai police here said on Monday." with "said" a conjunct (no "and") or parataxis of the
        # main verb and the speakers' noun attached to a phrase before the comma: that noun is its subject
        for w in list(words):
            if w.deprel not in ("conj", "parataxis") or w.upos != "VERB" or w.lemma.lower() not in REPORTING \
                    or w.head != root:
                continue
            kids = [words[c - 1] for c in children.get(w.index, ())]
            if any(k.deprel in ("nsubj", "nsubj:pass", "obj", "ccomp", "xcomp", "mark", "cc") for k in kids):
                continue
            j = w.index - 1
            while j >= 1 and words[j - 1].upos == "ADV" and words[j - 1].head == w.index:
                j -= 1  # "Thai police here said"
            if j < 1 or words[j - 1].upos not in ("NOUN", "PROPN") or words[j - 1].head == w.index:
                continue
            end_of_name = j
            while words[j - 1].deprel in ("flat", "compound") and 1 <= words[j - 1].head < j \
                    and all(words[k - 1].text != "," for k in range(words[j - 1].head, j)):
                j = words[j - 1].head  # "..., Secretary General Jens Stoltenberg said" (parsed as a conjunct)
            first, last = first_word(children, j, words), span(children, j, words)[1]
            last = j if last == end_of_name else last
            end = max(k for k in range(w.index, n + 1) if words[k - 1].upos != "PUNCT")
            if last != j or first < 2 or words[first - 2].text != "," or span(children, w.index, words)[1] < end:
                continue
            children[words[j - 1].head].remove(j)
            words[j - 1] = replace(words[j - 1], head=w.index, deprel="nsubj")
            children.setdefault(w.index, []).append(j)
            words[w.index - 1] = replace(w, deprel="parataxis")
            changed = True
    # 10. "Arnor on Thursday signed ..., officials said": a verb with two subjects and, between them, a
    # subjectless clausal complement: the first subject is the complement's
    # (also a finite verb parsed as an unmarked ``advcl``, the subjects passive: "The Philippines and France
    # agree that disputes ... should be resolved" with both subjects under "resolved")
    for v, kids in list(children.items()):
        subj = [k for k in kids if words[k - 1].deprel in ("nsubj", "nsubj:pass")]
        if v == 0 or len(subj) != 2:
            continue
        def complement(k: int) -> bool:
            w, kk = words[k - 1], children.get(k, ())
            if any(words[c - 1].deprel in ("nsubj", "nsubj:pass") for c in kk):
                return False
            return w.deprel == "ccomp" or (w.deprel == "advcl" and w.xpos in FINITE
                                           and not any(words[c - 1].deprel == "mark" for c in kk))
        comps = [k for k in kids if subj[0] < k < subj[1] and complement(k)]
        if len(comps) == 1:
            passive = any(words[c - 1].deprel == "aux:pass" for c in children.get(comps[0], ()))
            words[subj[0] - 1] = replace(words[subj[0] - 1], head=comps[0],
                                         deprel="nsubj:pass" if passive else "nsubj")
            children[v].remove(subj[0])
            children.setdefault(comps[0], []).append(subj[0])
            changed = True
    changed |= later_subject_of_clause(words, children)  # 10b. "killed when Russian missiles struck ..."
    # 19. "The Kremlin said Putin and Macron had discussed Ukraine"; 18. "Militants loyal to the Islamic State
    # group beheaded ..."; 29. "was placed under house arrest by the military"
    if reported_subject_as_object(words, children) | subject_of_adjective_clause(words) | agent_on_a_phrase(words):
        children, changed = children_of(words), True
    # 17. "Thousands of Palestinians marched": a second subject (object) with a preposition is a modifier
    changed |= prepositional_core_argument(words, children)
    # 22. "Hundreds of X demonstrated"; 24. "X's firing"; 25. "freed schoolgirls abducted by gunmen"; 27. "in
    # Tel Aviv against Netanyahu"; 30. "shot down 20 drones overnight"; 31. "[The IMF] suspended loans";
    # 32. "sanctions on Israeli settlers accused of violence"
    if quantity_phrase(words) | possessive_gerund(words) | object_participle(words) | phrase_off_a_place(words) \
            | participle_on_a_phrase(words) \
            | time_word_object(words) | subject_across_verb(words):
        children, changed = children_of(words), True
    # 16. "issued a declaration demanding that the Turkish government provide ...": a "that" clause parsed as
    # an advcl of an earlier verb is the complement of the verb written right before "that"
    for w in list(words):
        if w.deprel != "advcl" or w.upos != "VERB":
            continue
        kids = children.get(w.index, [])
        marks = [k for k in kids if words[k - 1].deprel == "mark"]
        if len(marks) != 1 or words[marks[0] - 1].text.lower() != "that" or marks[0] < 2:
            continue
        verb = words[marks[0] - 2]
        if verb.upos != "VERB" or verb.index == w.head or not (w.head < verb.index < w.index) \
                or any(words[c - 1].deprel in ("obj", "ccomp") for c in children.get(verb.index, ())):
            continue
        children[w.head].remove(w.index)
        children.setdefault(verb.index, []).append(w.index)
        words[w.index - 1] = replace(w, head=verb.index, deprel="ccomp")
        changed = True
    # 11. "Rebels in the Ivory Coast on Wednesday dismissed ...": a place phrase right after the subject,
    # parsed as the verb's obl, modifies the subject
    for v, kids in list(children.items()):
        subj = [k for k in kids if words[k - 1].deprel in ("nsubj", "nsubj:pass") and k < v]
        if v == 0 or len(subj) != 1:
            continue
        s_end = span(children, subj[0], words)[1]
        for k in kids:
            o = words[k - 1]
            if o.deprel != "obl" or not (s_end < k < v) or o.upos != "PROPN" or o.lemma.lower() in TIME_NAMES:
                continue
            first = span(children, k, words)[0]
            case = [c for c in children.get(k, ()) if words[c - 1].deprel == "case"]
            if first == s_end + 1 and case and words[case[0] - 1].text.lower() in ("in", "from"):
                words[k - 1] = replace(o, head=subj[0], deprel="nmod")
                children[v].remove(k)
                children.setdefault(subj[0], []).append(k)
                changed = True
            break
    # 14. "The Philippines and France agree that disputes ... should be resolved": a subject before a verb
    # without one, attached across it to that verb's clausal complement, is that verb's subject
    for w in words:
        h = w.head
        if w.deprel not in ("nsubj", "nsubj:pass") or not (w.index < h <= n):
            continue
        v = words[h - 1].head
        if not (w.index < v < h) or words[h - 1].deprel not in ("ccomp", "xcomp", "advcl") \
                or words[v - 1].upos != "VERB":
            continue
        if any(words[c - 1].deprel in ("nsubj", "nsubj:pass", "csubj") for c in children.get(v, ())):
            continue
        if sum(words[c - 1].deprel in ("nsubj", "nsubj:pass") for c in children.get(h, ())) < 2 \
                and words[h - 1].deprel != "xcomp":
            continue  # the complement keeps its only subject: the parse may be right ("..., X said")
        passive = any(words[c - 1].deprel == "aux:pass" for c in children.get(v, ()))
        words[w.index - 1] = replace(w, head=v, deprel="nsubj:pass" if passive else "nsubj")
        children[h].remove(w.index)
        children.setdefault(v, []).append(w.index)
        changed = True
    # 8. an xcomp has no subject of its own: "asked Pakistan to stop" with Pakistan as nsubj of stop is the
    # object of asked (object control)
    for w in words:
        h = w.head
        if w.deprel != "nsubj" or not (w.index < h <= n) or words[h - 1].deprel != "xcomp":
            continue
        g = words[h - 1].head
        if not (1 <= g < w.index) or any(words[c - 1].deprel in ("obj", "iobj") for c in children.get(g, ())):
            continue
        words[w.index - 1] = replace(w, head=g, deprel="obj")
        changed = True
    # 12. a flat name part far from its head joins the name just before it
    for w in words:
        h, prev = w.head, w.index - 1
        if w.deprel != "flat" or not (1 <= h < prev) or words[prev - 1].upos != "PROPN":
            continue
        p = words[prev - 1]
        if p.head == h and p.deprel == "flat":
            continue  # "Ali Akbar Velayati": parts of one name under its first word
        if any(b.text == "," for b in words[h:prev]):
            continue  # after a comma: rule 6 (a conjunct)
        new_head = p.head if p.deprel == "flat" and 1 <= p.head < prev else prev
        if dominates(words, w.index, new_head):
            # the previous word hangs below this one (it heads the name): across a verb with no object, the
            # name is that object ("Kim Jong Un invited South Korean President Moon Jae-in", with Jae a flat
            # part of Jong); otherwise moving would make a cycle
            verb = next((v for v in range(prev - 1, h, -1) if words[v - 1].upos == "VERB"), None)
            if verb is not None and not any(o.head == verb and o.deprel == "obj" for o in words):
                words[w.index - 1] = replace(w, head=verb, deprel="obj")
                changed = True
            continue
        words[w.index - 1] = replace(w, head=new_head)
        changed = True
    # 6. a "flat" name part after a comma is a conjunct ("Mordor, Rohan, Arnor": Rohan flat of Mordor)
    for w in words:
        h = w.head
        if w.deprel == "flat" and 1 <= h < w.index and any(
                b.text == "," and b.upos == "PUNCT" for b in words[h:w.index - 1]):
            words[w.index - 1] = replace(w, deprel="conj")
            changed = True
    # 7. a conjunct attached to a name part belongs to the whole phrase ("Old foe Gondor and Osgiliath":
    # Osgiliath conj of Gondor, which is flat under foe)
    for w in words:
        h = w.head
        if w.deprel != "conj" or not (1 <= h <= n):
            continue
        top = h  # up through every name part ("Chancellor Angela Merkel and ...": Merkel under Angela)
        for _ in range(n):
            hw = words[top - 1]
            if not (hw.deprel in ("flat", "compound") and 1 <= hw.head <= n and hw.head < w.index
                    and words[hw.head - 1].upos in ("NOUN", "PROPN")):
                break
            top = hw.head
        if top != h:
            words[w.index - 1] = replace(w, head=top)
            changed = True
    # 7d. "The president of Afghanistan, Ashraf Ghani, rejected ...": a name after a comma parsed as a conjunct
    # of a modifier, in a coordination with no conjunction at all, is an apposition of the phrase
    for h in range(1, n + 1):
        conj = [c for c in children.get(h, ()) if words[c - 1].deprel == "conj"]
        if not conj or words[h - 1].deprel not in ("nmod", "nmod:poss") or words[h - 1].head < 1:
            continue
        if any(words[x - 1].deprel == "cc" for c in conj for x in subtree(children, c)):
            continue  # "of Arnor, Osgiliath and Gondor": a list
        first = conj[0]
        if words[first - 1].upos != "PROPN" or first < 2 or words[first - 2].text != ",":
            continue
        if any(words[c - 1].upos != "PROPN" or c != first + i for i, c in enumerate(conj)):
            continue  # only a run of name words right after the comma
        top = words[h - 1].head
        words[first - 1] = replace(words[first - 1], head=top, deprel="appos")
        for c in conj[1:]:
            words[c - 1] = replace(words[c - 1], head=first, deprel="flat")
        for x in range(1, n + 1):  # the commas around it go with it
            if words[x - 1].head == h and words[x - 1].text == "," and first - 1 <= x:
                words[x - 1] = replace(words[x - 1], head=first)
        changed = True
    changed |= indefinite_apposition(words, children)  # 7e. "King Abdullah, a close U.S. ally, warned ..."
    changed |= comma_apposition(words, children)  # 7f. "Sheikh Mohammed ..., Qatar's prime minister, said ..."
    # 7c. a conjunct attached to a possessor across the possessed noun belongs to that noun ("Colombia's
    # government and FARC rebels": rebels a conjunct of Colombia)
    for w in words:
        h = w.head
        if w.deprel != "conj" or not (1 <= h < w.index) or words[h - 1].deprel != "nmod:poss":
            continue
        p = words[h - 1].head
        if h < p < w.index and words[p - 1].upos in ("NOUN", "PROPN"):
            words[w.index - 1] = replace(w, head=p)
            changed = True
    # 7b. a name coordinated with a common noun right after the name inside it ("officials in Arnor and
    # Gondor" with Gondor a conjunct of officials) coordinates with that inner name
    for w in words:
        h, k = w.head, w.index
        if w.deprel != "conj" or w.upos != "PROPN" or not (1 <= h < k - 2) or words[h - 1].upos != "NOUN":
            continue
        if words[k - 2].upos != "CCONJ" or words[k - 2].head != k:
            continue
        top = h  # the noun's coordination ("Lawmakers and officials in Arnor": in Arnor under Lawmakers)
        while words[top - 1].deprel == "conj" and 1 <= words[top - 1].head < top:
            top = words[top - 1].head
        inner = inner_conjunct(words, h, k - 1, w)
        if inner is not None and inner != h and dominates(words, top, inner) and words[inner - 1].deprel == "nmod":
            words[k - 1] = replace(w, head=inner)
            changed = True
    if changed:
        children = children_of(words)
    # 4. flat coordination: same-relation siblings separated only by commas / a conjunction
    for kids in list(children.values()):
        changed |= coordinate(words, children, kids)
    # 2. split phrases
    for kids in children.values():
        by_rel: dict[str, list[int]] = {}
        for k in kids:
            w = words[k - 1]
            if w.deprel in CORE and w.upos in NOMINAL:
                by_rel.setdefault(w.deprel, []).append(k)
            elif w.deprel in ("nmod", "obl") and w.upos == "PROPN":
                # "between Minas Tirith and ...": a name split into two nmod (a preposition, if any, before
                # the first word)
                prev = by_rel.get(w.deprel)
                own_case = any(words[c - 1].deprel == "case" and c > k - 1 for c in children.get(k, ()))
                if prev and prev[-1] == k - 1 and not own_case and words[k - 2].upos == "PROPN":
                    prev.append(k)
                else:
                    by_rel[w.deprel] = [k]
        for ks in by_rel.values():
            if len(ks) < 2:
                continue
            run = [ks[0]]
            for k in ks[1:]:
                # the next phrase starts right after the previous one ("Bree [Prime Minister] Romendacil")
                # or right after the previous one's subtree ("President [Yoweri] Museveni", Yoweri flat
                # under President)
                # or a name right before a common noun's phrase without a determiner ("[Boko] [Haram
                # militants] abducted"; not "called [Israel] [a terrorist state]")
                first_k = span(children, k, words)[0]
                if k == run[-1] + 1 or (words[run[-1] - 1].upos == "PROPN" and (
                        words[k - 1].upos == "PROPN" or (words[k - 1].upos == "NOUN"
                                                         and words[first_k - 1].upos != "DET"))
                        and first_k - 1 in (run[-1], span(children, run[-1], words)[1])):
                    run.append(k)
                    continue
                changed |= merge(words, run)
                run = [k]
            changed |= merge(words, run)
    changed |= split_conjunct_names(words)
    if not changed:
        return sentence
    return replace(sentence, words=tuple(words))

