"""Re-creating the shipped dictionary sets from the PETRARCH / CAMEO sources.

``build_shipped(shared, package_dir)`` writes the built-in set (``resources/dictionaries``) and the
validation set (``resources/dictionaries-validation``: the fictional ``PETR_Validate_*`` dictionaries of
the PETRARCH validation suite). Run it with ``python -m eventcoder.dictionaries.shipped ../shared``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from eventcoder.dictionaries.petrarch_import import ImportResult, import_petrarch, write_codebook
from eventcoder.dictionaries.petrarch_lines import ImportLog
from eventcoder.dictionaries.petrarch_misc import convert_codebook

# PETRARCH's negation (UD-PETRARCH, PETRgraph.py): a negated verb's code c becomes the code whose value in
# PETRARCH's internal coding ontology (PETRARCH-2 utilities.convert_code) is c's minus 0xFFFF, and a
# negated code with no such code makes no event. These are the codes for which one exists.
_PICO = "PETRARCH internal coding ontology: value of {0} = value of {1} - 0xFFFF"
PETRARCH_NEGATION: tuple[tuple[str, str, str], ...] = tuple(
    (code, negated, _PICO.format(negated, code)) for code, negated in (
        ("010", "011"), ("015", "016"),
        ("060", "121"), ("061", "1211"), ("062", "1212"),
        ("080", "124"), ("081", "1241"), ("082", "1242"), ("0841", "1242"), ("0842", "1242"),
        ("085", "1244"), ("086", "1245"), ("087", "1246")))
# The built-in set: PETRARCH's table, with CAMEO's own refusal for a release or return (PETRARCH's ontology
# gives 0841 and 0842 the value of 082 by mistake, so they negate to 1242) and the sub-codes of each yield.
_SAME = "the negation of its parent code"
NEGATION: tuple[tuple[str, str, str], ...] = tuple(
    row for row in PETRARCH_NEGATION if row[0] not in ("0841", "0842")) + (
    ("0811", "1241", _SAME), ("0812", "1241", _SAME), ("0813", "1241", _SAME), ("0814", "1241", _SAME),
    ("084", "1243", "CAMEO: 1243 refuse to release persons or property"),
    ("0841", "1243", "CAMEO: 1243 refuse to release persons or property"),
    ("0842", "1243", "CAMEO: 1243 refuse to release persons or property"),
    ("0861", "1245", _SAME), ("0862", "1245", _SAME), ("0863", "1245", _SAME),
    ("0871", "1246", _SAME), ("0872", "1246", _SAME), ("0873", "1246", _SAME), ("0874", "1246", _SAME))
# The validation suite's own ontology (UD-PETRARCH validate/PETR_Validate_Internal_Coding_Ontology_1_01.txt)
# gives its fictional 110 and 170 the values 0xFFFF + 0x0080 (050) and 0xFFFF + 0x0087 (057), so that
# negating them gives 050 and 057.
VALIDATION_NEGATION = PETRARCH_NEGATION + (
    ("110", "050", "PETR_Validate_Internal_Coding_Ontology_1_01.txt: 110 = 0xFFFF + 0x0080 (050)"),
    ("170", "057", "PETR_Validate_Internal_Coding_Ontology_1_01.txt: 170 = 0xFFFF + 0x0087 (057)"))


def phoenix_sources(shared: Path) -> dict[str, object]:
    d = shared / "data" / "petrarch" / "dictionaries"
    return {"verbs": d / "CAMEO.2.0.txt",
            "actors": [d / "Phoenix.Countries.actors.txt", d / "Phoenix.International.actors.txt",
                       d / "Phoenix.MilNonState.actors.txt"],
            "agents": d / "Phoenix.agents.txt", "discards": d / "Phoenix.discards.txt",
            "issues": d / "Phoenix.IssueCoding.txt"}


def validation_sources(shared: Path) -> dict[str, object]:
    d = shared / "data" / "petrarch" / "validation"
    return {"verbs": d / "PETR_Validate_verbs_2_02.txt", "actors": [d / "PETR_Validate_actors_2_02.txt"],
            "agents": d / "PETR_Validate_agents_2_02.txt", "discards": d / "PETR_Validate_discards_2_02.txt"}


def build_codebook(shared: Path, out: Path) -> ImportLog:
    log = ImportLog()
    cameo = shared / "data" / "cameo"
    plover = shared / "data" / "plover" / "CAMEO2PLOVER-2021.txt"
    rows = convert_codebook(cameo / "CAMEO.eventcodes.txt", cameo / "CAMEO.goldsteinscale.txt", plover, log)
    write_codebook(rows, [cameo / "CAMEO.eventcodes.txt", cameo / "CAMEO.goldsteinscale.txt", plover], out,
                   note="Goldstein: GDELT's CAMEO.goldsteinscale.txt; QuadClass: GDELT's 1-4 by root code "
                        "(01-05 verbal coop., 06-09 material coop., 10-14 verbal conflict, 15-20 material conflict).")
    return log


def validation_extra_codes(verbs_yaml: Path, codebook_yaml: Path, out: Path) -> list[str]:
    """The validation suite's verb file uses codes that are not CAMEO on purpose (e.g. 212, 075A): list
    them as data in an extra codebook so that the set validates and every other code is still checked."""
    import re

    known = set(re.findall(r'code: "([^"]+)"', codebook_yaml.read_text(encoding="utf-8")))
    used: set[str] = set()
    for code in re.findall(r'code: "([^"]+)"', verbs_yaml.read_text(encoding="utf-8")):
        used.update(p for p in code.split(":") if p and p not in ("---", "###"))
    extra = sorted(used - known)
    rows = [{"code": c, "name": "validation-suite code (not CAMEO)", "root": c[:2]} for c in extra]
    write_codebook(rows, [verbs_yaml], out, note="codes used by the PETRARCH validation suite's fictional "
                                                 "dictionaries that are not CAMEO codes")
    return extra


def build_shipped(shared: Path, package_dir: Path) -> tuple[ImportResult, ImportResult]:
    builtin = package_dir / "resources" / "dictionaries"
    builtin.mkdir(parents=True, exist_ok=True)
    build_codebook(shared, builtin / "codebook.yaml")
    full = import_petrarch(**phoenix_sources(shared), out=builtin, codebook=builtin / "codebook.yaml",  # type: ignore[arg-type]
                           name="phoenix", description="PETRARCH-2 CAMEO.2.0 verbs and Phoenix actors, agents, "
                                                       "discards and issues, with the CAMEO/PLOVER codebook",
                           intent=True, negation=NEGATION)
    validation = package_dir / "resources" / "dictionaries-validation"
    result = import_petrarch(**validation_sources(shared), out=validation,  # type: ignore[arg-type]
                             codebook=builtin / "codebook.yaml", name="petrarch-validation", check_codes=False,
                             description="the fictional dictionaries of the PETRARCH validation suite",
                             negation=VALIDATION_NEGATION)
    validation_extra_codes(validation / "verbs.yaml", validation / "codebook.yaml",
                           validation / "codebook-validation-extra.yaml")
    return full, result


if __name__ == "__main__":  # pragma: no cover
    shared_dir = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared")
    for res in build_shipped(shared_dir, Path(__file__).resolve().parents[1]):
        print(res.out, res.counts, f"{len(res.problems)} report lines")
