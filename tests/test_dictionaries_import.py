"""The PETRARCH importer: every quirk on small inline files, and counts against the real sources."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from eventcoder.dictionaries import load_dictionaries
from eventcoder.dictionaries.model import Marker, NounPhrase, PrepPhrase, SynsetRef, Word
from eventcoder.dictionaries.petrarch_import import import_petrarch
from tests.conftest import SHARED
from tests.test_dictionaries import load_shipped

ACTORS = """\
# comment line
<!-- PETRARCH VALIDATION SUITE ACTOR DICTIONARY -->
AFGHANISTAN_  [AFG]  # trailing comment
+AFGHAN_
+ISLAMIC_REPUBLIC_OF_AFGHANISTAN
HOJATOLISLAM_SAYYED_ALI_KHAMENEI_  # CountryInfo.txt
+KHAMENEI
+AYATOLLAH_KHAMENEI
\t[IRNGOV 811013-890803]
\t[IRNGOV >19890604] # Supreme Leader
\t[IRNELI]
HOSNI_MUBARAK [EGYMIL 770101-120812] [EGYGOV > 20140608]
BILBO  [HOB < 950601]
\t[HOBGOV 19950601 - 19990815]
IVO_JOSIPOVIC_
JOSIPOVIC_
\t[HRVGOV >20120219]
BAD_DATE
\t[XYZGOV 2004017-20061201]
\t[XYZ]
DOUBLED_CENTURY_
\t[DCX <20030320]
\t[DCXOCC 1920030320-20060520]
UN_ [IGOUNO]
LATER_ONE [AAA]
+KHAMENEI
LIBERATION_TIGERS_OF_TAMIL_EELAM_(LTTE)_ [LKAREB]
DEVELOPMENT_ALTERNATIVES_WITH_WOMEN_FOR_A_NEW_ERA_(DAWN)_ [NGODEV]
DIRECT_ACTION_(GREECE)_ [GRCREB]
MAOIST_COMMUNIST_CENTRE_OF_INDIA_(MCCI)_ [INDREB]
MOVEMENT_FOR_CHANGE_IN_CHAD_INITIATIVE_(MCCI)_ [TCDREB]
BAD_CODE_ONLY_
	[ZZZGOV >201005011]
NEXT_ONE_ [YYY]
"""

AGENTS = """\
!PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON
CONGRESS!PERSON! [~LEG] # substitution marker
PARLIAMENTARY_OPPOSITION {} [~OPP]
ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOVATG]
HUMAN_RIGHTS_BODY  [NGO~]
PARTY [~PTY]
ISLAMIC_EXTREMIST
"""

VERBS = """\
####### SYNONYM SETS #######
&AUXVERB3_
+HAVE
+HAS
&CURRENCY
+DOLLAR
+CASH_
####### VERB PATTERNS #######
---  GRANT   [070]  ---
GRANT
GIVE {GAVE GIVEN GIVING }  # jw  11/14/91
+ASK_FOR {+ASKED_FOR +ASKING_FOR +ASKS_FOR} [020]
RE_+ARREST
SCRAP {SCRAPPING SCRAPS SCRAPPED };shan   8/30/93
TAKE {TOOK TAKEN TAKING TAKES}
- * &CURRENCY                       [071]   # GIVE
- * PART                            [030]   # TAKE
- * UP                              [080]   # GIVE
- * {RELIEF ASSISTANCE}             [073]
- * (TO BORDER) $                   [042:043]
- + * (IN) $                        [075]
- % * (ON ^)                        [:173]
- * AWAY                            [---]
- * BONE                            [###]
- *SCEPTICAL                        [012]
- * DOWN (FROM)                     [080!]
- * &UNDEFINED                      [071]
- * AID                             [070]
- * AID                             [071]
* (TO QUESTION) [110]
---  SAY   [010]---  ---
SAY {SAID SAYING SAYS}
---  ATTACK   [190]  ---
ATTACK
~ a (a b ATTACK) SAY = a b 015
"""

DISCARDS = """\
# Story-level discards are indicated with a '+'.
MONTHS LATER
+World Golf Championships   # pas 26-Feb-2014
BASEBALL_
"""

ISSUES = """\
<ISSUE CATEGORY="EDUCATION" TYPE="ALL">
pre+n:school [EARLY_CHILDHOOD_EDUCATION]
v:teach [TEACHING]
~a head start
~~Armenian genocide
eurozone
</ISSUE>
"""


@pytest.fixture(scope="module")
def converted(tmp_path_factory):
    src = tmp_path_factory.mktemp("src")
    files = {}
    for name, text in [("a.actors.txt", ACTORS), ("b.agents.txt", AGENTS), ("v.verbs.txt", VERBS),
                       ("d.txt", DISCARDS), ("i.txt", ISSUES)]:
        files[name] = src / name
        files[name].write_text(text, encoding="utf-8")
    out = tmp_path_factory.mktemp("out")
    result = import_petrarch(verbs=files["v.verbs.txt"], actors=[files["a.actors.txt"]], agents=files["b.agents.txt"],
                             discards=files["d.txt"], issues=files["i.txt"], out=out)
    report = (out / "import-report.txt").read_text(encoding="utf-8")
    cache = tmp_path_factory.mktemp("cache")
    mp = pytest.MonkeyPatch()
    mp.setenv("EVENTCODER_CACHE", str(cache))
    d = load_dictionaries([out])
    mp.undo()
    return result, report, d


def test_actor_quirks(converted):
    _, report, d = converted
    afg = d.actor("AFGHANISTAN")
    assert {n.text: n.plural for n in afg.names} == {
        "AFGHANISTAN": False, "AFGHAN": False, "ISLAMIC REPUBLIC OF AFGHANISTAN": True}
    assert afg.codes_on(None) == ("AFG",)
    kh = d.actor("HOJATOLISLAM_SAYYED_ALI_KHAMENEI")
    # yymmdd dates, '>' open range, overlapping ranges of one code merged (reported), undated fallback
    assert kh.codes_on(date(2007, 1, 28)) == ("IRNGOV",)
    assert kh.codes_on(date(1981, 10, 12)) == ("IRNELI",)
    assert "overlapping ranges of IRNGOV merged" in report
    mub = d.actor("HOSNI_MUBARAK")  # two codes on the base line, range a-b (until exclusive), '> ' with a space
    assert mub.codes_on(date(2012, 8, 11)) == ("EGYMIL",)
    assert mub.codes_on(date(2012, 8, 12)) == ()
    assert mub.codes_on(date(2014, 6, 8)) == ("EGYGOV",)
    bilbo = d.actor("BILBO")  # '<' and 'yyyymmdd - yyyymmdd' with spaces
    assert bilbo.codes_on(date(1995, 5, 31)) == ("HOB",)
    assert bilbo.codes_on(date(1995, 6, 1)) == ("HOBGOV",)
    # consecutive base lines: the codeless one is read as a synonym (reported)
    jos = d.actor("JOSIPOVIC")
    assert {n.text for n in jos.names} == {"JOSIPOVIC", "IVO JOSIPOVIC"}
    assert "read as a synonym" in report
    # a bad date is a real data error: the code is reported and not converted, the rest is kept
    assert "a.actors.txt:19: date '2004017' is neither yymmdd nor yyyymmdd" in report
    assert d.actor("BAD_DATE").codes_on(None) == ("XYZ",)
    # ... except a century written twice (Phoenix's IRAQ entry), read with the fix reported
    assert "read as [DCXOCC 20030320-20060520] (the century written twice)" in report
    assert d.actor("DOUBLED_CENTURY").codes_on(date(2004, 1, 1)) == ("DCXOCC",)
    # a name defined again later with other codes: PETRARCH-2 keeps the later definition
    assert "KHAMENEI" not in {n.text for n in kh.names}
    assert d.match_actor(["khamenei"])[1].id == "LATER_ONE"
    # a name written with its acronym also stands without it (news writes "(LTTE)" as three tokens); an
    # armed group's acronym of four letters or more stands alone too, a word-like NGO's does not
    ltte = "LIBERATION_TIGERS_OF_TAMIL_EELAM_(LTTE)"
    assert d.match_actor(["liberation", "tigers", "of", "tamil", "eelam"])[1].id == ltte
    assert d.match_actor(["ltte"])[1].id == ltte
    assert d.match_actor(["development", "alternatives", "with", "women", "for", "a", "new", "era"])[2] == ("NGODEV",)
    assert d.match_actor(["dawn"]) is None
    # a country in parentheses is no acronym; an acronym of two groups names neither
    assert d.match_actor(["direct", "action"]) is None
    assert {n.text for n in d.actor("MAOIST_COMMUNIST_CENTRE_OF_INDIA_(MCCI)").names} == {
        "MAOIST COMMUNIST CENTRE OF INDIA (MCCI)", "MAOIST COMMUNIST CENTRE OF INDIA"}
    assert d.match_actor(["mcci"]) is None and "'MCCI' read off the acronyms of several actors" in report
    # an entry whose only code cannot be read is not a synonym of the next one (Phoenix's DAVID_CAMERON_,
    # "[GBRGOV >201005011]", was read as a name of ALAN_JOHNSON_): it is reported and not converted
    assert d.match_actor(["bad", "code", "only"]) is None
    assert "actor 'BAD CODE ONLY' has no code; not converted" in report
    assert {n.text for n in d.actor("NEXT_ONE").names} == {"NEXT ONE"}


def test_agent_quirks(converted):
    _, report, d = converted
    congress = d.agent("CONGRESSMAN")
    assert {n.text for n in congress.names} == {"CONGRESSMAN", "CONGRESSMEN", "CONGRESSWOMAN", "CONGRESSWOMEN",
                                                "CONGRESSPERSON"}
    assert congress.code == "LEG" and congress.attach == "suffix"
    assert [n.text for n in d.agent("PARLIAMENTARY_OPPOSITION").names] == ["PARLIAMENTARY OPPOSITION"]
    assert {n.text for n in d.agent("ATTORNEY_GENERAL").names} == {"ATTORNEY GENERAL", "ATTORNEYS GENERAL"}
    assert {n.text for n in d.agent("PARTY").names} == {"PARTY", "PARTIES"}
    ngo = d.agent("HUMAN_RIGHTS_BODY")
    assert ngo.attach == "prefix" and d.combine_agent("USA", ngo) == "NGOUSA"
    assert d.combine_agent("USA", d.agent("PARTY")) == "USAPTY"
    assert "b.agents.txt:7: agent 'ISLAMIC_EXTREMIST' has no [code]; not converted" in report


def test_verb_quirks(converted):
    _, report, d = converted
    grant = d.block("GRANT")
    assert grant.code == "070"
    verbs = {v.lemma: v for v in grant.verbs}
    assert verbs["GIVE"].forms == ("GAVE", "GIVEN", "GIVING")
    assert verbs["GRANT"].forms == ("GRANTS", "GRANTED", "GRANTING")
    assert (verbs["ASK"].after, verbs["ASK"].forms, verbs["ASK"].code) == (("FOR",), ("ASKED", "ASKING", "ASKS"), "020")
    assert verbs["ARREST"].before == ("RE",)
    assert verbs["SCRAP"].forms == ("SCRAPPING", "SCRAPS", "SCRAPPED")
    assert "TABARI ';' comment" in report
    pats = {p.text: p for p in grant.patterns}
    assert pats["* &CURRENCY"].post == (SynsetRef("&CURRENCY"),)
    assert pats["* {RELIEF ASSISTANCE}"].post == (NounPhrase((Word(("RELIEF",)),), Word(("ASSISTANCE",))),)
    paired = pats["* (TO BORDER) $"]
    assert paired.post == (PrepPhrase("TO", (Word(("BORDER",)),)), Marker("source"))
    assert (paired.code, paired.paired_code) == ("042", "043")
    assert pats["+ * (IN) $"].pre == (Marker("target"),)
    only_paired = pats["% * (ON ^)"]
    assert only_paired.pre == (Marker("compound"),) and only_paired.post == (PrepPhrase("ON", (Marker("skip"),)),)
    assert (only_paired.code, only_paired.paired_code) == ("", "173")
    assert pats["* AWAY"].code == "---" and pats["* BONE"].code == "###"
    # an idiom verb's pattern and a particle after the verb are limited to the verb they were written for
    assert pats["* PART"].verbs == ("TAKE",) and pats["* UP"].verbs == ("GIVE",)
    assert pats["* &CURRENCY"].verbs == () and pats["* AWAY"].verbs == ()  # GIVE's object; no comment
    assert "* SCEPTICAL" in pats and "'*' joined to a word" in report
    assert "v.verbs.txt:26: bad code '080!'" in report
    assert "v.verbs.txt:27: pattern '* &UNDEFINED' uses undefined synset &UNDEFINED; not converted" in report
    assert pats["* AID"].code == "071" and "repeated at" in report  # the later of two identical patterns wins
    assert "* (TO QUESTION)" in pats and "without the leading '-'" in report
    assert all(re.fullmatch(r"GRANT:\d+", p.id) for p in grant.patterns)
    assert all(p.source.file.endswith("verbs.yaml") and p.source.line > 0 for p in grant.patterns)
    assert d.block("SAY").code == "010"  # '[010]---' header
    syn = d.synset_phrases
    assert syn["&AUXVERB3"] == (("HAVE",), ("HAS",))  # label ending '_': no plurals
    assert syn["&CURRENCY"] == (("DOLLAR",), ("DOLLARS",), ("CASH",))  # member ending '_': no plural
    (t,) = d.transformations
    assert (t.outer_source, t.inner_source, t.inner_target) == ("a", "a", "b")
    assert (t.inner_verb, t.outer_verb) == ("ATTACK", "SAY")
    assert (t.result_source, t.result_target, t.result_code) == ("a", "b", "015")
    assert [v.lemma for _, v in d.verbs_for("said")] == ["SAY"]


def test_discards_and_issues(converted):
    _, report, d = converted
    by_text = {" ".join(x.words): x for x in d.discards}
    assert by_text["MONTHS LATER"].level == "sentence" and not by_text["MONTHS LATER"].exact
    assert by_text["WORLD GOLF CHAMPIONSHIPS"].level == "story"
    assert by_text["BASEBALL"].exact
    school = next(i for i in d.issues if i.text == "pre+n:school")
    assert set(school.expansions) == {("PRE", "SCHOOL"), ("PRE", "SCHOOLS"), ("PRE-SCHOOL",), ("PRE-SCHOOLS",)}
    teach = next(i for i in d.issues if i.text == "v:teach")
    assert ("TEACHING",) in teach.expansions and teach.code == "TEACHING"
    assert {i.ignore for i in d.issues if i.ignore} == {"sentence", "story"}
    assert "issue phrase 'eurozone' has no [CODE]; not converted" in report


# ---------------------------------------------------------------- counts against the real sources

PETRARCH = SHARED / "data" / "petrarch" / "dictionaries"


def _content_lines(path: Path) -> list[tuple[int, str]]:
    """Lines that are not blank or comments, counted here independently of the importer."""
    out = []
    for k, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), start=1):
        s = line.split("#", 1)[0].strip()
        if s and not line.lstrip().startswith("<!"):
            out.append((k, s))
    return out


@pytest.fixture(scope="module")
def shared_dicts(tmp_path_factory):
    return load_shipped(tmp_path_factory)


@pytest.fixture(scope="module")
def shipped_report():
    from eventcoder.dictionaries import builtin_dir

    text = (builtin_dir() / "import-report.txt").read_text(encoding="utf-8")
    return text.splitlines()


def _reported(report: list[str], file: str, *needles: str) -> set[int]:
    lines = set()
    for r in report:
        if r.startswith(file + ":") and any(n in r for n in needles):
            lines.add(int(r.split(":")[1]))
    return lines


def test_every_verb_pattern_is_shipped_or_reported(shared_dicts, shipped_report):
    src = [k for k, s in _content_lines(PETRARCH / "CAMEO.2.0.txt") if s.startswith("- ")]
    assert len(src) > 4500
    shipped = {int(p.source_origin.rsplit(":", 1)[1]) for p in _patterns_with_origin(shared_dicts)}
    dropped = _reported(shipped_report, "CAMEO.2.0.txt", "not converted", "this one is dropped")
    assert shipped | dropped >= set(src)
    assert not shipped & dropped
    # every compiled pattern is a converted one, or one of eventcoder's own (no PETRARCH origin) in
    # verbs_eventcoder.yaml
    import yaml

    from eventcoder.dictionaries import builtin_dir

    own = yaml.safe_load((builtin_dir() / "verbs_eventcoder.yaml").read_text(encoding="utf-8"))
    added = sum(1 for b in own["blocks"] for q in b.get("patterns") or [] if "origin" not in q)
    assert added > 0
    assert len(shipped) + added == shared_dicts.counts["patterns"]


def _patterns_with_origin(d):
    from eventcoder.dictionaries import builtin_dir

    text = (builtin_dir() / "verbs.yaml").read_text(encoding="utf-8")
    origins = re.findall(r'pattern: .*origin: "(CAMEO\.2\.0\.txt:\d+)"', text)

    class P:
        def __init__(self, o):
            self.source_origin = o

    return [P(o) for o in origins]


def test_every_actor_line_is_shipped_or_reported(shared_dicts, shipped_report):
    from eventcoder.dictionaries import builtin_dir

    for file in ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt"):
        base = [k for k, s in _content_lines(PETRARCH / file) if not s.startswith(("+", "["))]
        yaml_text = "".join(p.read_text(encoding="utf-8") for p in (builtin_dir() / "actors").glob("*.yaml"))
        shipped = {int(n) for n in re.findall(r'origin: "' + re.escape(file) + r':(\d+)"', yaml_text)}
        merged = _reported(shipped_report, file, "read as a synonym")
        dropped = _reported(shipped_report, file, "not converted")
        assert set(base) <= shipped | merged | dropped | _lines_merged_into(shipped_report, file), file
    assert shared_dicts.counts["actors"] > 18000


def _lines_merged_into(report: list[str], file: str) -> set[int]:
    out = set()
    for r in report:
        m = re.match(re.escape(file) + r":\d+: warning: .* before the next actor at line (\d+)", r)
        if m:
            out.add(int(m[1]))
    return out


def test_agents_discards_counts(shared_dicts, shipped_report):
    agents = [k for k, s in _content_lines(PETRARCH / "Phoenix.agents.txt") if not re.match(r"^!\w+!\s*=", s)]
    not_converted = _reported(shipped_report, "Phoenix.agents.txt", "not converted")
    # every agent line is an entry (macro lines give one entry with several names) or reported; an entry whose
    # every phrase is redefined later is reported as such
    redefined = _reported(shipped_report, "Phoenix.agents.txt", "already defined")
    assert len(agents) - len(not_converted) - len(redefined) <= shared_dicts.counts["agents"] <= len(agents)
    discards = _content_lines(PETRARCH / "Phoenix.discards.txt")
    repeats = _reported(shipped_report, "Phoenix.discards.txt", "kept once")
    assert shared_dicts.counts["discards"] == len(discards) - len(repeats)
