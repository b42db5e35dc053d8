"""Helpers of the parse repairs (``repair.py``): spans and subtrees of a word list, coordination of
same-relation siblings, merging split names, and a verb taking a noun's place."""

from __future__ import annotations

import re
from dataclasses import replace

from eventcoder.parse.sentence import ParsedSentence, Word

CORE = frozenset({"nsubj", "nsubj:pass", "obj", "iobj"})
POSSESSIVE_MARKS = frozenset({"'s", "'", "’s", "’"})
NOMINAL = frozenset({"NOUN", "PROPN", "ADJ", "NUM", "X"})
SEPARATORS = frozenset({",", ";", "and", "or", "&"})
# the prepositions of an opposing party: "rallied against the government", "clashed with Israeli troops"
AGAINST_WITH = ("against", "with")


def children_of(words: list[Word]) -> dict[int, list[int]]:
    """Each word's dependents (0: the root), in sentence order."""
    children: dict[int, list[int]] = {}
    for w in words:
        children.setdefault(w.head, []).append(w.index)
    return children


def has_case(words: list[Word], children: dict[int, list[int]], k: int, preps: tuple[str, ...]) -> bool:
    """Whether phrase ``k`` has one of ``preps`` as its case word ("by", "against" ...)."""
    return any(words[j - 1].deprel == "case" and words[j - 1].text.lower() in preps for j in children.get(k, ()))


def verb_takes_noun_place(words: list[Word], w: Word, h: int, head: int, deprel: str) -> dict[int, list[int]]:
    """Repairs 9 and 15: verb ``w`` takes the place of noun ``h`` (attached to ``head`` as ``deprel``), the
    noun becomes its subject, and the noun's dependents after the verb move to it. Returns the new
    children map."""
    words[w.index - 1] = replace(w, head=head, deprel=deprel)
    words[h - 1] = replace(words[h - 1], head=w.index, deprel="nsubj")
    for j, c in enumerate(words):
        if c.head == h and c.index > w.index:
            words[j] = replace(c, head=w.index)
    return children_of(words)


def dominates(words: list[Word], top: int, k: int) -> bool:
    """Whether ``top`` is ``k`` or one of its ancestors."""
    seen: set[int] = set()
    while 1 <= k <= len(words) and k not in seen:
        if k == top:
            return True
        seen.add(k)
        k = words[k - 1].head
    return False


def subtree(children: dict[int, list[int]], k: int) -> set[int]:
    out = {k}
    stack = [k]
    while stack:
        for c in children.get(stack.pop(), ()):
            if c not in out:
                out.add(c)
                stack.append(c)
    return out


def possessum_under_possessor(words: list[Word], w: Word, pos: Word) -> bool:
    """ "Iran 's National Security Council Secretary ..." parsed with the possessor as the phrase head (the
    possessed noun phrase hangs under Iran as flat/compound): the possessed phrase takes the possessor's
    place in the sentence and the possessor becomes its ``nmod:poss``."""
    n = len(words)
    k = pos.index + 1
    if k > n or words[k - 1].upos not in ("NOUN", "PROPN", "ADJ"):
        return False
    seen = 0
    while words[k - 1].head > pos.index and seen < n:
        k = words[k - 1].head
        seen += 1
    hk = words[k - 1]
    if hk.head != w.index or hk.upos not in ("NOUN", "PROPN") or hk.deprel in ("conj", "appos", "nmod", "acl"):
        return False
    words[k - 1] = replace(hk, head=w.head, deprel=w.deprel)
    for j, c in enumerate(words):
        if c.head == w.index and c.index > k and c.index != pos.index:
            words[j] = replace(c, head=k)
    words[w.index - 1] = replace(w, head=k, deprel="nmod:poss")
    words[pos.index - 1] = replace(pos, head=w.index)
    return True


def span(children: dict[int, list[int]], k: int, words: list[Word] | None = None) -> tuple[int, int]:
    """First and last word of ``k``'s subtree; with ``words``, punctuation attached far away (a final full
    stop hung on the subject) does not count."""
    lo = hi = k
    stack = [k]
    while stack:
        x = stack.pop()
        lo, hi = min(lo, x), max(hi, x)
        stack.extend(c for c in children.get(x, ()) if words is None or words[c - 1].deprel != "punct"
                     or abs(c - x) == 1)
    return lo, hi


def coordinate(words: list[Word], children: dict[int, list[int]], kids: list[int]) -> bool:
    changed = False
    kids = sorted(kids)
    first: dict[str, int] = {}  # relation -> the first conjunct of the current run
    last: dict[str, int] = {}
    for k in kids:
        w = words[k - 1]
        rel = w.deprel
        if rel not in CORE and rel not in ("nmod", "obl"):
            continue
        if w.upos not in NOMINAL and w.upos != "PRON":
            first.pop(rel, None)
            continue
        if rel in CORE and any(words[c - 1].deprel == "case" for c in children.get(k, ())):
            continue  # a prepositional phrase mislabelled as a subject or object is no conjunct of one
        prev = last.get(rel)
        last[rel] = k
        if prev is None:
            first[rel] = k
            continue
        has_case = any(words[c - 1].deprel == "case" for c in children.get(k, ()))
        if rel in ("nmod", "obl") and has_case:
            first[rel] = k
            continue
        # the words between the two phrases, and the conjunct's own leading cc/punct ("Arnor [and] Gondor"
        # with "and" attached to Gondor): only commas and conjunctions, and at least one of them
        prev_end = span(children, prev, words)[1]
        gap = range(prev_end + 1, span(children, k, words)[0])
        own = [c for c in children.get(k, ()) if c < k and words[c - 1].deprel in ("cc", "punct")]
        lead = span(children, k, words)[0]  # a conjunction that opens the phrase, hung on a modifier of it
        while lead < k and lead not in own and words[lead - 1].upos in ("PUNCT", "CCONJ") \
                and words[lead - 1].text.lower() in SEPARATORS:  # ("The Turkish [and] Greek sides")
            own.append(lead)
            lead += 1
        trailing = [prev_end] if prev_end != prev and words[prev_end - 1].deprel in ("cc", "punct") else []
        separators = [*trailing, *gap, *own]
        if not separators or not all(words[g - 1].upos in ("PUNCT", "CCONJ")
                                     and words[g - 1].text.lower() in SEPARATORS for g in separators):
            first[rel] = k
            continue
        head = first[rel]
        inner = inner_conjunct(words, prev, prev_end, w)
        if inner is not None:  # "the ambassadors of Arnor, Osgiliath [and Gondor]": Gondor joins Arnor
            head = inner
        words[k - 1] = replace(w, head=head, deprel="conj")
        for g in [*gap, *own]:
            gw = words[g - 1]
            if gw.upos == "CCONJ":
                words[g - 1] = replace(gw, head=k, deprel="cc")
        changed = True
    return changed


def inner_conjunct(words: list[Word], prev: int, prev_end: int, w: Word) -> int | None:
    """When the earlier phrase is a common noun that ends in a name ("officials in Arnor") and the new
    conjunct is a name, the name coordinates with that inner name (the first of its conjuncts)."""
    e = prev_end
    while e > prev and words[e - 1].upos in ("PUNCT", "CCONJ"):
        e -= 1
    if e == prev or w.upos != "PROPN" or words[e - 1].upos != "PROPN" or words[prev - 1].upos == "PROPN":
        return None
    while words[e - 1].deprel in ("conj", "flat", "compound") and prev < words[e - 1].head < e:
        e = words[e - 1].head
    if words[e - 1].upos != "PROPN":
        return None
    return e


def merge(words: list[Word], run: list[int]) -> bool:
    if len(run) < 2:
        return False
    last = run[-1]
    merged = set(run[:-1])
    for k in run[:-1]:
        words[k - 1] = replace(words[k - 1], head=last, deprel="compound")
    for j, c in enumerate(words):  # the phrase's preposition and conjuncts belong to its new head
        if c.head in merged and c.deprel in ("case", "conj", "cc"):
            words[j] = replace(c, head=last)
    return True


def first_word(children: dict[int, list[int]], k: int, words: list[Word]) -> int:
    """The first word of ``k``'s phrase that is no punctuation (the comma before an apposition or a conjunct
    often hangs on it)."""
    first, last = span(children, k, words)
    while first < last and words[first - 1].upos == "PUNCT":
        first += 1
    return first


def adjective_coordination(words: list[Word]) -> bool:
    """Repair 21: "[Indian] and Chinese troops clashed" with the first adjective parsed as an ``advmod`` of
    the verb, or as a proper noun heading the phrase with the noun its conjunct ("Russian and Chinese
    warships"): it modifies the noun, and the second adjective is its conjunct. Edits ``words``; True when
    something changed."""
    changed = False
    for w in words[:-2]:
        cc, second = words[w.index], words[w.index + 1]
        if w.upos != "ADJ" or w.deprel != "advmod" or cc.upos != "CCONJ" or second.upos != "ADJ" \
                or second.deprel != "amod" or cc.head not in (second.index, second.head):
            continue
        noun = words[second.head - 1]
        if noun.index <= second.index or noun.head != w.head or noun.upos not in ("NOUN", "PROPN"):
            continue
        words[w.index - 1] = replace(w, head=noun.index, deprel="amod")
        words[second.index - 1] = replace(second, head=w.index, deprel="conj")
        words[cc.index - 1] = replace(cc, head=second.index)
        changed = True
    # "[Russian] and Chinese warships held ...", with "Russian" parsed as a proper noun heading the phrase and
    # "warships" its conjunct: two capitalised adjectives (demonyms) of one noun
    for w in words[:-3]:
        cc, second = words[w.index], words[w.index + 1]
        if cc.upos != "CCONJ" or w.upos not in ("ADJ", "PROPN") or second.upos not in ("ADJ", "PROPN"):
            continue
        noun = words[second.head - 1] if second.index < second.head <= len(words) else words[w.index + 2]
        if any(words[k - 1].head != noun.index for k in range(second.index + 1, noun.index)):
            continue  # only the noun's own modifiers between ("Greek and Turkish foreign ministers")
        if not (w.text[:1].isupper() and w.text[-1:].islower() and w.upos in ("ADJ", "PROPN")
                and second.text[:1].isupper() and second.upos in ("ADJ", "PROPN")
                and second.deprel in ("amod", "compound") and second.text.lower().endswith(DEMONYM_ENDINGS)
                and second.head == noun.index and cc.upos == "CCONJ" and noun.upos == "NOUN"
                and noun.head == w.index and noun.deprel == "conj" and w.text.lower().endswith(DEMONYM_ENDINGS)):
            continue  # ("Ethiopian and Sudanese troops", with Sudanese a proper noun compound, too)
        if any(k.head == w.index and k.index not in (cc.index, noun.index) for k in words):
            continue
        words[noun.index - 1] = replace(noun, head=w.head, deprel=w.deprel)
        words[w.index - 1] = replace(w, upos="ADJ", head=noun.index, deprel="amod")
        words[second.index - 1] = replace(second, upos="ADJ", head=w.index, deprel="conj")
        words[cc.index - 1] = replace(cc, head=second.index)
        changed = True
    return changed


# endings of country adjectives: Russian, Chinese, British, Iraqi, French, Thai, Greek
DEMONYM_ENDINGS = ("an", "ese", "ish", "i", "ch", "ai", "ek", "ic")


QUANTITY_NOUNS = frozenset({"hundred", "thousand", "dozen", "score", "million", "ten", "tens"})


def quantity_noun(lemma: str | None) -> bool:
    """"hundreds", "thousands", "dozens", "tens" ... (by lemma, plural or not)."""
    return (lemma or "").lower().rstrip("s") in QUANTITY_NOUNS


def quantity_phrase(words: list[Word]) -> bool:
    """Repair 22: "Hundreds of Palestinians demonstrated" with "Palestinians" parsed as an ``obl`` of the verb:
    the "of" phrase right after a quantity noun belongs to it (its ``nmod``)."""
    changed = False
    for q in words[:-2]:
        of = words[q.index]
        if not quantity_noun(q.lemma) or of.text.lower() != "of" or of.deprel != "case" \
                or not q.index < of.head <= len(words):
            continue
        x = words[of.head - 1]
        if x.head == q.head and x.head != 0 and x.deprel in ("obl", "obj", "nmod"):
            words[x.index - 1] = replace(x, head=q.index, deprel="nmod")
            changed = True
    return changed


def prepositional_core_argument(words: list[Word], children: dict[int, list[int]]) -> bool:
    """Repair 17: "Thousands of Palestinians marched" with two subjects: a second subject (object) with a
    preposition of its own is a modifier of the one before it (core arguments have no preposition). Edits
    ``words`` and ``children``; True when something changed."""
    changed = False
    for w in list(words):
        if w.deprel not in CORE or not (1 <= w.head <= len(words)):
            continue
        if not any(words[c - 1].deprel == "case" and words[c - 1].upos == "ADP" and c < w.index
                   for c in children.get(w.index, ())):
            continue
        prev = [k for k in children.get(w.head, ()) if k < w.index and words[k - 1].deprel == w.deprel
                and words[k - 1].upos in NOMINAL]
        if prev:
            children[w.head].remove(w.index)
            children.setdefault(prev[-1], []).append(w.index)
            words[w.index - 1] = replace(w, head=prev[-1], deprel="nmod")
            changed = True
    return changed


def indefinite_apposition(words: list[Word], children: dict[int, list[int]]) -> bool:
    """Repair 7e: "Jordan's King Abdullah, a close U.S. ally, warned Israel" with "ally" parsed as a conjunct
    of the name: a noun with "a" / "an" set off by commas, in a coordination with no conjunction, is an
    apposition (the same party described), not a second party. Edits ``words``; True when changed."""
    changed = False
    for h, kids in list(children.items()):
        conj = [c for c in kids if words[c - 1].deprel == "conj"]
        if len(conj) != 1 or not 1 <= h <= len(words):
            continue
        c = conj[0]
        if words[c - 1].upos != "NOUN" or c < 3 or words[c - 1].deprel != "conj" or not any(
                words[d - 1].deprel == "det" and words[d - 1].text.lower() in ("a", "an")
                for d in children.get(c, ())) \
                or any(words[x - 1].deprel == "cc" for k in kids for x in subtree(children, k) if k > h):
            continue
        span_words = [x for x in subtree(children, c) if words[x - 1].upos != "PUNCT"]
        first, last = min(span_words), max(span_words)
        if first < 2 or words[first - 2].text != "," or last >= len(words) or words[last].text != ",":
            continue
        words[c - 1] = replace(words[c - 1], deprel="appos")
        changed = True
    return changed


def comma_apposition(words: list[Word], children: dict[int, list[int]]) -> bool:
    """Repair 7f: "Sheikh Mohammed bin Abdulrahman Al Thani, Qatar's prime minister, said ..." with the phrase
    between the commas hung on a word of the reported clause: a noun phrase set off by commas right between
    a subject and its verb is the subject's apposition. Edits ``words`` and ``children``; True when
    changed."""
    changed = False
    n = len(words)
    for s_word in list(words):
        v = s_word.head
        if s_word.deprel not in ("nsubj", "nsubj:pass") or not (s_word.index < v <= n):
            continue
        end = max(x for x in subtree(children, s_word.index) if x < v)
        if end + 2 >= v or words[end].text != "," or words[v - 2].text != ",":
            continue
        inner = range(end + 2, v - 1)  # the words between the two commas
        heads = [x for x in inner if not (end + 2 <= words[x - 1].head <= v - 2)]
        if len(heads) != 1 or words[heads[0] - 1].upos not in ("NOUN", "PROPN") \
                or words[heads[0] - 1].head == s_word.index:
            continue
        h = heads[0]
        children[words[h - 1].head].remove(h)
        words[h - 1] = replace(words[h - 1], head=s_word.index, deprel="appos")
        children.setdefault(s_word.index, []).append(h)
        changed = True
    return changed


# a wire dateline: "KABUL (Reuters) - ", "MOSCOW, March 3 (Reuters) - ", "BEIJING - ", "TEHRAN (FNA)- "
WIRE_DATELINE = re.compile(
    r"^[A-Z][A-Z'.\-]+(?: [A-Z][A-Z'.\-]+){0,3}(?:, [A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?)?"
    r"(?:,? [A-Z][a-z]{2,8}\.? \d{1,2}(?:, \d{4})?)?(?: ?\([^()]{1,40}\))? ?(?:--?|–|—) ")


def detach_dateline(sentence: ParsedSentence, words: list[Word]) -> bool:
    """Repair 23: the words of a wire dateline opening an article ("KABUL (Reuters) - Taliban fighters
    attacked ...") are no argument of the sentence: they hang on its root as ``dep`` (the parser made
    "Reuters" a subject). Edits ``words``; True when something changed."""
    m = WIRE_DATELINE.match(sentence.text) if sentence.index == 0 else None
    if m is None:
        return False
    end = sentence.start_char + m.end()
    inside = {w.index for w in words if w.end_char <= end}
    if not inside or len(inside) == len(words):
        return False
    root = next((w.index for w in words if w.head == 0 and w.index not in inside), None)
    if root is None:  # the root is a dateline word: the main clause's top word takes its place
        tops = [w for w in words if w.index not in inside and w.head in inside]
        if not tops:
            return False
        root = next((w.index for w in tops if w.upos in ("VERB", "AUX")), tops[0].index)
    original = list(words)
    for w in original:
        if w.index in inside:
            words[w.index - 1] = replace(w, head=root, deprel="dep")
        elif w.index == root:
            words[w.index - 1] = replace(w, head=0, deprel="root")
        elif w.head in inside:
            # "BEIJING - China on Monday lodged ...": China, an apposition of the dateline's name, takes its
            # place (the subject)
            top = original[w.head - 1]
            while top.head in inside:
                top = original[top.head - 1]
            loose = w.deprel in ("appos", "flat", "conj", "dep", "list", "parataxis", "compound")
            outside = top.head not in (0, w.index)
            words[w.index - 1] = replace(w, head=top.head if outside else root,
                                         deprel=top.deprel if loose and outside else w.deprel)
    return True


def hyphenated_name_parts(words: list[Word]) -> bool:
    """Repair 26: "Moon Jae-in", "Ban Ki-moon": a short lower-case word written right after a proper noun and
    a hyphen (the tokenizer splits "Jae-in" into three tokens) is part of the name, not a preposition that
    marks the next verb ("in met": Moon Jae-in met Kim Jong Un). Participles and adjectives stay what they
    are ("Saudi-led", "Iranian-backed"). Edits ``words``; True when something changed."""
    changed = False
    for k in range(2, len(words)):
        name, dash, part = words[k - 2], words[k - 1], words[k]
        if name.upos != "PROPN" or dash.text != "-" or not part.text.isalpha() or not part.text.islower() \
                or len(part.text) > 5 or part.upos in ("VERB", "ADJ", "AUX") \
                or (name.end_char, dash.end_char) != (dash.start_char, part.start_char):
            continue
        if part.head != name.index or part.deprel != "flat":
            for w in words:  # what hung on the part hangs on the name
                if w.head == part.index:
                    words[w.index - 1] = replace(w, head=name.index)
            words[k] = replace(words[k], head=name.index, deprel="flat", upos="PROPN")
            changed = True
    return changed


def split_conjunct_names(words: list[Word]) -> bool:
    """2b. "Putin and [Chinese leader] [Xi Jinping]": a title and the name right after it parsed as two
    conjuncts (no comma or conjunction between them) are one phrase."""
    heads = [w.head for w in words if w.deprel == "conj" and w.upos in ("NOUN", "PROPN")]
    if len(heads) == len(set(heads)):
        return False  # no phrase with two nominal conjuncts
    children = children_of(words)
    changed = False
    for kids in list(children.values()):
        conjs = [k for k in kids if words[k - 1].deprel == "conj" and words[k - 1].upos in ("NOUN", "PROPN")]
        for a, b in zip(conjs, conjs[1:], strict=False):
            first_b = span(children, b, words)[0]
            if words[first_b - 1].upos == "PROPN" and words[b - 1].upos == "PROPN" \
                    and span(children, a, words)[1] + 1 == first_b:
                changed |= merge(words, [a, b])
    return changed


# time words that head no noun phrase of their own ("20 Russian drones overnight" parsed with "drones" a
# compound of "overnight")
TIME_WORDS = frozenset({"overnight", "today", "tonight", "yesterday"})
# ... and the relations of such a time word after its verb (not a subject: "Protesters today marched")
TIME_WORD_RELS = frozenset({"obj", "obl", "obl:tmod", "obl:unmarked", "obl:npmod", "advmod", "nmod:tmod"})


def time_word_object(words: list[Word]) -> bool:
    """Repair 30: a common noun right before a time word ("shot down 20 Russian drones overnight") parsed as
    a ``compound`` of it, the time word hanging after a verb with no object: the noun is the verb's object
    (with the words before it that hung on the time word) and the time word an ``obl:tmod``."""
    changed = False
    for t in words[1:]:
        if t.text.lower() not in TIME_WORDS or not t.index > t.head >= 1 or t.deprel not in TIME_WORD_RELS:
            continue
        noun, verb = words[t.index - 2], words[t.head - 1]
        if noun.upos != "NOUN" or noun.deprel != "compound" or noun.head != t.index or verb.upos != "VERB" \
                or any(w.head == verb.index and w.deprel == "obj" and w.index != t.index for w in words):
            continue
        words[noun.index - 1] = replace(noun, head=verb.index, deprel="obj")
        words[t.index - 1] = replace(t, deprel="obl:tmod")
        for w in words[verb.index:noun.index - 1]:  # "20 Russian" hung on the time word: the noun's
            if w.head == t.index:
                words[w.index - 1] = replace(w, head=noun.index)
        changed = True
    return changed


def subject_across_verb(words: list[Word]) -> bool:
    """Repair 31: "The IMF suspended loans to Sri Lanka" with "The" and "IMF" parsed as a determiner and a
    ``compound`` of "loans", across the verb: a noun phrase does not span its verb, so the words before a
    verb with no subject that hang on its object are its subject (the last noun heads them)."""
    changed = False
    crossing = {words[k - 1].index for c in words if c.deprel == "compound" and c.head > c.index + 1
                for k in range(c.index + 1, c.head) if words[k - 1].upos == "VERB"}
    for v in (words[k - 1] for k in sorted(crossing)):  # usually none: nothing to build
        if any(w.head == v.index and w.deprel.startswith("nsubj") for w in words):
            continue
        obj = next((w for w in words if w.head == v.index and w.deprel == "obj" and w.index > v.index), None)
        if obj is None:
            continue
        before = [w for w in words if w.head == obj.index and w.index < v.index]
        nouns = [w for w in before if w.deprel == "compound" and w.upos in ("PROPN", "NOUN")]
        if not nouns or any(w.deprel not in ("compound", "det", "amod") for w in before):
            continue
        head = nouns[-1]
        words[head.index - 1] = replace(head, head=v.index, deprel="nsubj")
        for w in before:
            if w is not head:
                words[w.index - 1] = replace(w, head=head.index)
        changed = True
    return changed
