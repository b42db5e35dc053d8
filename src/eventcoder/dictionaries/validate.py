"""Semantic checks over a whole (merged) dictionary set, reported as ``file:line: message``.

Errors: an unknown CAMEO code, a date range that ends before it starts, two different codes of one
actor in force on the same day, one name given conflicting codes by two entries, a pattern that can
never match (repeated earlier in its block, or in a block without verbs), a synset used but not defined,
a transformation naming an unknown verb block. Warnings: harmless repetitions.
"""

from __future__ import annotations

from collections.abc import Sequence

from eventcoder.dictionaries.model import Actor, Agent, CodebookEntry, DatedCode, Synset, Transformation, VerbBlock
from eventcoder.dictionaries.problems import Problem

SPECIAL_CODES = {"---", "###", ""}


def _overlap(a: DatedCode, b: DatedCode) -> bool:
    lo = max(a.from_ or _MIN, b.from_ or _MIN)
    hi = min(a.until or _MAX, b.until or _MAX)
    return lo < hi


_MIN = __import__("datetime").date.min
_MAX = __import__("datetime").date.max


def check_actors(actors: Sequence[Actor]) -> list[Problem]:
    out: list[Problem] = []
    owners: dict[tuple[str, ...], Actor] = {}
    for actor in actors:
        f, line = actor.source
        dated = [c for c in actor.codes if c.dated]
        for c in dated:
            if c.from_ and c.until and c.from_ >= c.until:
                out.append(Problem(f, line, f"actor {actor.id}: bad date range for {c.code}: from {c.from_} is not "
                                            f"before until {c.until}"))
        for i, a in enumerate(dated):
            for b in dated[i + 1:]:
                if _overlap(a, b):
                    if a.code == b.code:
                        out.append(Problem(f, line, f"actor {actor.id}: overlapping date ranges for {a.code}: "
                                                    f"{a.describe()} and {b.describe()} (merge them into one)"))
                    else:
                        out.append(Problem(f, line, f"actor {actor.id}: two codes in force on the same days: "
                                                    f"{a.describe()} and {b.describe()}", "warning"))
        for name in actor.names:
            prev = owners.get(name.words)
            if prev is not None and prev.id != actor.id:
                if set(prev.codes) != set(actor.codes):
                    out.append(Problem(f, line, f"name {name.text!r} of actor {actor.id} has other codes than the "
                                                f"same name in actor {prev.id} ({prev.source}); override that entry "
                                                "by its id instead"))
                else:
                    out.append(Problem(f, line, f"name {name.text!r} is also in actor {prev.id} ({prev.source})",
                                       "warning"))
            owners[name.words] = actor
    return out


def check_agents(agents: Sequence[Agent]) -> list[Problem]:
    out: list[Problem] = []
    owners: dict[tuple[str, ...], Agent] = {}
    for agent in agents:
        for name in agent.names[:agent.explicit]:
            prev = owners.get(name.words)
            if prev is not None and prev.id != agent.id:
                same = (prev.code, prev.attach) == (agent.code, agent.attach)
                out.append(Problem(agent.source.file, agent.source.line,
                                   f"agent name {name.text!r} ({agent.id}) is also in agent {prev.id} ({prev.source})"
                                   + ("" if same else " with another code"), "warning" if same else "error"))
            owners[name.words] = agent
    return out


def check_verbs(blocks: Sequence[VerbBlock], synsets: dict[str, Synset], transformations: Sequence[Transformation],
                codebook: dict[str, CodebookEntry]) -> list[Problem]:
    out: list[Problem] = []
    have_codebook = bool(codebook)

    def code_ok(code: str | None, file: str, line: int, what: str) -> None:
        if code is None or not have_codebook:
            return
        for part in code.split(":"):
            if part not in SPECIAL_CODES and part not in codebook:
                out.append(Problem(file, line, f"{what}: unknown CAMEO code {part!r}"))

    lemmas = {v.lemma for b in blocks for v in b.verbs}
    for block in blocks:
        code_ok(block.code, block.source.file, block.source.line, f"block {block.id}")
        for verb in block.verbs:
            code_ok(verb.code, verb.source.file, verb.source.line, f"verb {verb.lemma}")
        if not block.verbs and block.patterns:
            out.append(Problem(block.source.file, block.source.line,
                               f"block {block.id} has patterns but no verbs: they can never match"))
        last: dict[tuple[str, tuple[str, ...]], int] = {}
        for k, pat in enumerate(block.patterns):
            last[" ".join(pat.text.upper().split()), pat.verbs] = k
        block_lemmas = {v.lemma for v in block.verbs}
        for k, pat in enumerate(block.patterns):
            f, line = pat.source
            code_ok(pat.code, f, line, f"pattern {pat.id}")
            code_ok(pat.paired_code, f, line, f"pattern {pat.id}")
            for lemma in pat.verbs:
                if lemma not in block_lemmas:
                    have = ", ".join(sorted(block_lemmas))
                    out.append(Problem(f, line, f"pattern {pat.id} is limited to the verb {lemma!r}, which block "
                                                f"{block.id} does not have (its verbs: {have})"))
            later = last[" ".join(pat.text.upper().split()), pat.verbs]
            if later != k:
                out.append(Problem(f, line, f"pattern {pat.id} '{pat.text}' can never match: the same pattern "
                                            f"{block.patterns[later].id} ({block.patterns[later].source}) replaces it"))
            for name in pat.synsets:
                if name not in synsets:
                    out.append(Problem(f, line, f"pattern {pat.id}: synset {name} is used but not defined"))
    for t in transformations:
        for verb in (t.inner_verb, t.outer_verb):
            if verb != "Q" and verb not in lemmas:
                out.append(Problem(t.source.file, t.source.line, f"transformation {t.id}: no verb {verb!r}"))
        if t.result_code != "Q":
            code_ok(t.result_code, t.source.file, t.source.line, f"transformation {t.id}")
    return out


def check_all(*, actors: Sequence[Actor], agents: Sequence[Agent], blocks: Sequence[VerbBlock],
              synsets: dict[str, Synset], transformations: Sequence[Transformation],
              codebook: dict[str, CodebookEntry]) -> list[Problem]:
    return [*check_actors(actors), *check_agents(agents),
            *check_verbs(blocks, synsets, transformations, codebook)]
