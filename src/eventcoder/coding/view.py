"""A read-only view of a parsed sentence with the indexes the coder needs (children, keys, subtrees).

Built once per sentence; all indices are the 1-based UD word indices (``0`` is the root).
"""

from __future__ import annotations

from eventcoder.parse.sentence import ParsedSentence, Word

NOMINAL = frozenset({"NOUN", "PROPN", "PRON", "NUM", "X", "SYM"})
PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers", "it", "its", "they", "them", "their", "theirs"})
NEGATIONS = frozenset({"not", "n't", "never", "no"})
MODALS = frozenset({"will", "would", "shall", "should", "may", "might", "can", "could", "must", "wo", "ca"})


# names of months and weekdays: "on Saturday", "in March" say when, not to whom
TIME_NAMES = frozenset({"january", "february", "march", "april", "may", "june", "july", "august", "september",
                        "october", "november", "december", "monday", "tuesday", "wednesday", "thursday",
                        "friday", "saturday", "sunday", "jan.", "feb.", "aug.", "sept.", "oct.", "nov.",
                        "dec.", "today", "yesterday", "tomorrow", "tonight"})

class SentenceView:
    __slots__ = ("sentence", "words", "n", "children", "upper", "lemma_upper", "keys", "_subtrees", "_conjuncts")

    def __init__(self, sentence: ParsedSentence) -> None:
        self.sentence = sentence
        self.words: tuple[Word, ...] = sentence.words
        self.n = len(self.words)
        children: list[list[int]] = [[] for _ in range(self.n + 1)]
        for w in self.words:
            if 0 <= w.head <= self.n:
                children[w.head].append(w.index)
        self.children = children
        # index 0 is a dummy so that upper[i] is word i
        self.upper = ("",) + tuple(w.text.upper() for w in self.words)
        self.lemma_upper = ("",) + tuple((w.lemma or w.text).upper() for w in self.words)
        keys: set[str] = set()
        keys.update(self.upper)
        keys.update(self.lemma_upper)
        self.keys = keys
        self._subtrees: dict[tuple[int, frozenset[str]], list[int]] = {}
        self._conjuncts: dict[int, tuple[int, ...]] = {}

    def word(self, i: int) -> Word:
        return self.words[i - 1]

    def deprel(self, i: int) -> str:
        return self.words[i - 1].deprel

    def base_rel(self, i: int) -> str:
        return self.words[i - 1].deprel.split(":", 1)[0]

    def head(self, i: int) -> int:
        return self.words[i - 1].head

    def kids(self, i: int, *rels: str) -> list[int]:
        """Children of ``i`` whose deprel (full, or its base before ``:``) is one of ``rels``."""
        out = []
        for c in self.children[i]:
            rel = self.words[c - 1].deprel
            if rel in rels or rel.split(":", 1)[0] in rels:
                out.append(c)
        return out

    def kids_exact(self, i: int, *rels: str) -> list[int]:
        return [c for c in self.children[i] if self.words[c - 1].deprel in rels]

    def marks(self, i: int) -> set[str]:
        """The lower-cased words marking clause ``i`` ("to", "after", "against" ...)."""
        return {self.words[c - 1].text.lower() for c in self.children[i] if self.words[c - 1].deprel == "mark"}

    def distance(self, a: int, b: int) -> int:
        """The number of dependency arcs between words ``a`` and ``b``."""
        up: dict[int, int] = {}
        k, n = a, 0
        while k and k not in up:
            up[k] = n
            k, n = self.head(k), n + 1
        k, n = b, 0
        seen: set[int] = set()
        while k and k not in seen:
            if k in up:
                return up[k] + n
            seen.add(k)
            k, n = self.head(k), n + 1
        return len(up) + n  # not connected (a broken parse): farther than anything connected

    def subtree(self, i: int, exclude: frozenset[str] = frozenset()) -> list[int]:
        """Word indices of the subtree of ``i`` in sentence order, not descending into children whose
        deprel (full or base) is in ``exclude``."""
        key = (i, exclude)
        hit = self._subtrees.get(key)
        if hit is not None:
            return hit
        out: list[int] = []
        stack = [i]
        while stack:
            k = stack.pop()
            out.append(k)
            for c in self.children[k]:
                rel = self.words[c - 1].deprel
                if rel in exclude or rel.split(":", 1)[0] in exclude:
                    continue
                stack.append(c)
        out.sort()
        self._subtrees[key] = out
        return out

    def conjuncts(self, i: int) -> list[int]:
        """``i`` and the words coordinated with it (its ``conj`` children, recursively), in order. A
        coordination with no conjunction anywhere in it ("the proposal, a senior official told Reuters") is a
        misparsed apposition or clause, not a list: its ``conj`` words are left out; so is a conjunct with a
        preposition of its own other than ``i``'s."""
        hit = self._conjuncts.get(i)
        if hit is not None:
            return list(hit)
        out = [i]
        stack = [i]
        case = self._case_words(i)
        while stack:
            k = stack.pop()
            for c in self.children[k]:
                if self.words[c - 1].deprel == "conj":
                    own = self._case_words(c)
                    if own and own != case:
                        continue  # "talks between Ethiopia and Tigrayan forces in Pretoria": another phrase
                    out.append(c)
                    stack.append(c)
        if len(out) > 1:
            out.sort()
            if not self._has_conjunction(out[0], out[-1]):
                out = [i]
        self._conjuncts[i] = tuple(out)
        return out

    def _case_words(self, i: int) -> tuple[str, ...]:
        return tuple(self.upper[c] for c in self.children[i] if self.words[c - 1].deprel == "case")

    def _has_conjunction(self, first: int, last: int) -> bool:
        return any(self.words[k - 1].deprel == "cc" or self.words[k - 1].upos == "CCONJ"
                   for k in range(first + 1, last))

    def unlinked_conjuncts(self, i: int) -> list[int]:
        """The ``conj`` children of ``i`` that :meth:`conjuncts` leaves out (no conjunction: "Salaheddine
        Sidhoum, Algeria's leading human rights activist, staged"): most often a misparsed apposition."""
        conj = [c for c in self.children[i] if self.words[c - 1].deprel == "conj"]
        return conj if conj and not self._has_conjunction(i, conj[-1]) else []

    def is_negated(self, i: int) -> int | None:
        """The index of a negation word attached to ``i`` (``not``, ``n't``, ``never``), else None."""
        for c in self.children[i]:
            w = self.words[c - 1]
            if w.deprel in ("advmod", "neg", "aux", "det") and (w.lemma or "").lower() in NEGATIONS | {"n't"} \
                    and w.text.lower() in ("not", "n't", "never", "nt"):
                return c
        return None

    def modal(self, i: int) -> str | None:
        for c in self.children[i]:
            w = self.words[c - 1]
            if w.deprel == "aux" and w.text.lower() in MODALS:
                return (w.lemma or w.text).lower()
        return None

    def span_text(self, first: int, last: int) -> str:
        s = self.sentence
        a, b = self.words[first - 1].start_char, self.words[last - 1].end_char
        return s.text[a - s.start_char:b - s.start_char] if s.start_char <= a <= b <= s.end_char else \
            " ".join(w.text for w in self.words[first - 1:last])


# prepositions of a topic: what is talked, agreed or fought about ("discussed tensions over Taiwan")
TOPIC_PREPOSITIONS = frozenset({"over", "about", "on", "regarding", "concerning"})


def in_topic_phrase(view: SentenceView, k: int, verb: int) -> bool:
    """Whether word ``k`` lies in a topic phrase of ``verb`` (a phrase with "over", "about", "on" ... on the
    way up from ``k`` to the verb)."""
    for _ in range(view.n):
        if k == verb or not 1 <= k <= view.n:
            return False
        if any(view.word(c).text.lower() in TOPIC_PREPOSITIONS for c in view.kids(k, "case")):
            return True
        k = view.head(k)
    return False
