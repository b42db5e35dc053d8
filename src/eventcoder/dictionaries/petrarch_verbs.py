"""Converting a PETRARCH-2 verb dictionary (``CAMEO.2.0.txt``) to YAML-ready data.

Sections: synsets (``&NAME`` then ``+MEMBER`` lines), verb blocks (``--- MEANING [CODE] ---``, verb
lines, ``- PATTERN [CODE]`` lines) and transformations (``~ a (a b ATTACK) SAY = a b 015``).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from eventcoder.dictionaries.model import PrepPhrase, Word
from eventcoder.dictionaries.patterns import PatternError, parse_code, parse_pattern
from eventcoder.dictionaries.petrarch_lines import ImportLog, phrase_words, read_lines

_BLOCK = re.compile(r"^---\s*(?P<name>[^\s\[]+)\s*(?:\[(?P<code>[^\]]*)\])?\s*(?:---\s*)*$")
_PATTERN_CODE = re.compile(r"\[([^\[\]]*)\]\s*$")
_VERB_CODE = re.compile(r"\[([^\[\]]*)\]\s*$")


def _verb_line(text: str, file: str, number: int, log: ImportLog) -> dict[str, Any] | None:
    if ";" in text:
        text, _, comment = text.partition(";")
        log.warning(file, number, f"TABARI ';' comment {comment.strip()!r} removed")
    code = None
    m = _VERB_CODE.search(text)
    if m:
        code = m[1].strip()
        text = text[:m.start()]
        try:
            main, paired = parse_code(code)
        except PatternError as exc:
            log.error(file, number, f"{exc}; verb not converted")
            return None
        if paired is not None:
            code = f"{main}:{paired}"
    forms_text = None
    if "{" in text:
        if "}" not in text:
            log.error(file, number, "missing '}'; verb not converted")
            return None
        forms_text = text[text.find("{") + 1:text.find("}")]
        text = text[:text.find("{")]
    words_text = text.strip()
    if not words_text or " " in words_text:
        log.error(file, number, f"cannot read verb {words_text!r}; not converted")
        return None
    row: dict[str, Any] = {}
    parts = [p for p in words_text.split("_") if p]
    heads = [k for k, p in enumerate(parts) if p.startswith("+")]
    if len(parts) > 1 and not heads:
        log.warning(file, number, f"multiword verb {words_text!r} has no '+' on its verb; the first word is used")
        heads = [0]
    head = heads[0] if heads else 0
    if len(heads) > 1:
        log.error(file, number, f"multiword verb {words_text!r} has several '+'; not converted")
        return None
    words = [p.lstrip("+").upper() for p in parts]
    row["lemma"] = words[head]
    if head:
        row["before"] = words[:head]
    if words[head + 1:]:
        row["after"] = words[head + 1:]
    if forms_text is not None:
        forms = []
        for form in forms_text.split():
            fparts = [p for p in form.split("_") if p]
            fheads = [k for k, p in enumerate(fparts) if p.startswith("+")] or ([head] if len(fparts) > 1 else [0])
            fh = fheads[0]
            fwords = [p.lstrip("+").upper() for p in fparts]
            if fwords[:fh] != words[:head] or fwords[fh + 1:] != words[head + 1:]:
                log.warning(file, number, f"form {form!r} has other particles than {words_text!r}; its verb "
                            f"{fwords[fh]!r} is kept")
            forms.append(fwords[fh])
        row["forms"] = forms
    if code is not None:
        row["code"] = code
    return row


def convert_verb_file(path: Path, log: ImportLog, codes: set[str] | None = None) -> dict[str, Any]:
    """``{"synsets": [...], "blocks": [...], "transformations": [...]}`` ready to write. With ``codes`` (the
    codebook), a pattern or verb whose code is not in it is reported and not converted."""
    file = path.name
    synsets: list[dict[str, Any]] = []
    synset_names: dict[str, int] = {}
    blocks: list[dict[str, Any]] = []
    block_ids: dict[str, int] = {}
    transformations: list[dict[str, Any]] = []
    current_synset: dict[str, Any] | None = None
    block: dict[str, Any] | None = None
    in_synset = False
    for raw in read_lines(path, log):
        text = raw.text
        if text.startswith("+") and in_synset and current_synset is not None:
            words, plural = phrase_words(text[1:])
            if not words:
                log.error(file, raw.number, "empty synset member; not converted")
                continue
            name = " ".join(words)
            current_synset["members"].append(name if plural else {"text": name, "plural": False})
            continue
        in_synset = False
        if text.startswith("&"):
            label = text.split()[0]
            noplural = label.endswith("_")
            name = label.rstrip("_").upper()
            if name in synset_names:
                log.warning(file, raw.number, f"synset {name} is defined again (first at line "
                            f"{synset_names[name]}); the members are merged")
                current_synset = next(s for s in synsets if s["id"] == name)
            else:
                synset_names[name] = raw.number
                current_synset = {"id": name, "source": f"{file}:{raw.number}", "plural": not noplural,
                                  "members": []}
                synsets.append(current_synset)
            in_synset = True
            continue
        if text.startswith("~"):
            transformations.append({"id": f"T{len(transformations) + 1}", "source": f"{file}:{raw.number}",
                                    "rule": " ".join(text[1:].split())})
            continue
        if text.startswith("---"):
            m = _BLOCK.match(text)
            if not m:
                log.error(file, raw.number, f"cannot read block header {text!r}; its lines join the previous block")
                continue
            name = m["name"].upper()
            code = (m["code"] or "---").strip()
            try:
                main, paired = parse_code(code)
                code = main if paired is None else f"{main}:{paired}"
            except PatternError:
                log.error(file, raw.number, f"block code [{code}] is not a code; the block uses the null code ---")
                code = "---"
            n = block_ids.get(name, 0) + 1
            block_ids[name] = n
            bid = name if n == 1 else f"{name}~{n}"
            if n > 1:
                log.warning(file, raw.number, f"block {name} is defined again; converted as {bid}")
            block = {"id": bid, "source": f"{file}:{raw.number}", "code": code, "verbs": [], "patterns": []}
            blocks.append(block)
            continue
        is_pattern = text.startswith("-")
        if not is_pattern and text.startswith("*"):
            log.warning(file, raw.number, "pattern line without the leading '-'; read as a pattern")
            is_pattern = True
            text = "- " + text
        if block is None:
            log.error(file, raw.number, f"line outside any verb block: {text!r}; not converted")
            continue
        if is_pattern:
            _pattern_line(block, text, raw.number, raw.comment, file, log)
        else:
            verb = _verb_line(text, file, raw.number, log)
            if verb is not None:
                verb["source"] = f"{file}:{raw.number}"
                block["verbs"].append(verb)
    _drop_shadowed(blocks, file, log)
    _drop_unusable(blocks, {s["id"] for s in synsets}, codes, file, log)
    _limit_idioms(blocks)
    for block in blocks:
        for k, pat in enumerate(block["patterns"], start=1):
            pat["id"] = f"{block['id']}:{k}"
    return {"synsets": synsets, "blocks": blocks, "transformations": transformations}


def _pattern_line(block: dict[str, Any], text: str, number: int, comment: str, file: str,
                  log: ImportLog) -> None:
    m = _PATTERN_CODE.search(text)
    if not m:
        log.error(file, number, f"pattern {text!r} has no [code]; not converted")
        return
    body = " ".join(text[1:m.start()].split())
    fixed = " ".join(re.sub(r"_?\*_?", " * ", body).split())
    if fixed != body:
        log.warning(file, number, f"'*' joined to a word in '{body}'; read as '{fixed}'")
        body = fixed
    try:
        main, paired = parse_code(m[1])
        parse_pattern(body)
    except PatternError as exc:
        log.error(file, number, f"{exc} in pattern {text.strip()!r}; not converted")
        return
    row: dict[str, Any] = {"pattern": body, "code": main if paired is None else f"{main}:{paired}",
                           "source": f"{file}:{number}"}
    if comment:
        row["comment"] = comment
    block["patterns"].append(row)


def _drop_shadowed(blocks: list[dict[str, Any]], file: str, log: ImportLog) -> None:
    """PETRARCH-2 stores a pattern under its words, so of two identical patterns in a block the later one
    wins; the earlier could never match. It is dropped and reported."""
    for block in blocks:
        last: dict[str, int] = {}
        for k, pat in enumerate(block["patterns"]):
            last[pat["pattern"]] = k
        kept = []
        for k, pat in enumerate(block["patterns"]):
            winner = block["patterns"][last[pat["pattern"]]]
            if last[pat["pattern"]] != k:
                line = int(pat["source"].rsplit(":", 1)[1])
                same = ("same code" if winner["code"] == pat["code"]
                        else f"code {winner['code']} instead of {pat['code']}")
                log.warning(file, line, f"pattern '{pat['pattern']}' in block {block['id']} is repeated at "
                            f"{winner['source']} ({same}); PETRARCH-2 uses the later one, this one is dropped")
                continue
            kept.append(pat)
        block["patterns"] = kept


def _drop_unusable(blocks: list[dict[str, Any]], synsets: set[str], codes: set[str] | None, file: str,
                   log: ImportLog) -> None:
    """A pattern naming an undefined synset can never match (PETRARCH-2 looks for the literal '&NAME'); a
    code missing from the codebook cannot be coded. Both are reported and not converted."""
    special = {"---", "###", ""}
    for block in blocks:
        kept = []
        for pat in block["patterns"]:
            line = int(pat["source"].rsplit(":", 1)[1])
            missing = [t for t in re.findall(r"&[A-Z0-9_\-]+", pat["pattern"]) if t.rstrip("_") not in synsets]
            unknown = [c for c in pat["code"].split(":") if codes is not None and c not in special and c not in codes]
            if missing:
                log.error(file, line, f"pattern '{pat['pattern']}' uses undefined synset {missing[0]}; not converted")
            elif unknown:
                log.error(file, line, f"pattern '{pat['pattern']}' has code {unknown[0]} that is not in the codebook; "
                          "not converted")
            else:
                kept.append(pat)
        block["patterns"] = kept


# Verbs whose patterns in CAMEO.2.0.txt are idioms of that verb alone: "take part", "hold talks", "make a
# visit", "come under fire", "go on trial", "look into", "drop charges", "lift sanctions", "call for". Their
# blocks group them with verbs that share only the literal sense ("capture", "detain", "cause", "arrive",
# "travel", "seem", "plummet", "rise", "phone"), where the idiom means something else ("seized part of the
# town" is not 030, "restricted rallies" not 141, "prices rose after the sanctions" not 085).
IDIOM_VERBS = frozenset({"TAKE", "HOLD", "MAKE", "COME", "GO", "LOOK", "DROP", "LIFT", "CALL"})
# a particle right after the verb makes a phrasal verb of the commented verb alone ("give up", "hit out",
# "step down", "push out"), whichever verb it was written for
PARTICLES = frozenset({"UP", "OUT", "OFF", "DOWN", "BACK", "AWAY", "OVER", "ASIDE", "FORWARD", "AHEAD"})


def _limit_idioms(blocks: list[dict[str, Any]]) -> None:
    """CAMEO.2.0.txt comments each pattern with the verb it was written for (``- * PART [030] ; TAKE``) and
    PETRARCH-2 applies it to every verb of the block. A pattern that is an idiom of its verb (a verb of
    ``IDIOM_VERBS``, or a particle right after the verb) is limited to that verb: ``verbs: [TAKE]``."""
    for block in blocks:
        lemmas = {v["lemma"] for v in block["verbs"]}
        if len(lemmas) < 2:
            continue
        for pat in block["patterns"]:
            verb = pat.get("comment", "")
            if verb not in lemmas:
                continue
            post = parse_pattern(pat["pattern"])[1]
            first = post[0] if post else None
            phrasal = (isinstance(first, Word) and first.words[0] in PARTICLES) or \
                (isinstance(first, PrepPhrase) and not first.objects and first.prep in PARTICLES)
            if verb in IDIOM_VERBS or phrasal:
                pat["verbs"] = [verb]
