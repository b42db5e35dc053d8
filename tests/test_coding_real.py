"""The coder on real parses of the built-in Stanza model (the session fixture ``builtin_parser``)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from eventcoder.coding import code_document

ROOT = Path(__file__).resolve().parents[1]
VALIDATION = ROOT / "src" / "eventcoder" / "resources" / "dictionaries-validation"
DAY = date(2005, 6, 1)

REAL = {
    "ivanov": "Russian National Security Council Secretary Igor Ivanov criticized Israel.",
    "possessive": "Russia's president met Iranian police in Tehran.",
    "minister": "The Russian foreign minister criticized Iran on Monday.",
    "coordination": "Iran and Russia condemned Israel.",
    "passive": "Israel was attacked by Hamas.",
    "want": "Iran wants to attack Israel.",
    "said": "Russia said that Israel attacked Iran.",
    "negated": "Israel did not attack Hamas.",
    "pronoun": "Iranian President Mahmoud Ahmadinejad arrived in Moscow on Monday. He criticized Israel.",
    "ambiguous": "Iran met Russia on Monday. Officials criticized it.",
    "continued": "Iran met Russia on Monday. It criticized Israel.",
    "unknown": "Iran cooked dinner for Israel.",
}
FICTIONAL = {
    "restore": "Arnor is about to restore full diplomatic ties with Gondor.",
    "cordon": "Soldiers from Gondor have cordoned off the roads leading into Mordor.",
    "postpone": "Gondor and Osgiliath have postponed their meeting.",
    "arrive": "Bree President Romendacil arrived in Gondor on Monday.",
    "lawmakers": "Lawmakers in Arnor and Gondor welcomed a resumption of formal diplomatic ties with Eriador.",
}


@pytest.fixture(scope="module")
def parsed(builtin_parser):
    items = [(k, v) for k, v in {**REAL, **FICTIONAL}.items()]
    return dict(zip([k for k, _ in items], builtin_parser.parse_many(items), strict=True))


@pytest.fixture(scope="module")
def vdicts():
    from eventcoder.dictionaries import load_dictionaries

    return load_dictionaries([VALIDATION])


def code(parsed, key, dicts, day=DAY, trace=False):
    return code_document(parsed[key], day, dicts, trace=trace)


def triples(codings):
    return sorted(e.triple() for c in codings for e in c.events)


def test_title_and_dated_person(parsed, shared_dicts):
    codings = code(parsed, "ivanov", shared_dicts)
    ev = [e for c in codings for e in c.events]
    assert [e.triple() for e in ev] == [("RUSGOVMIL", "111", "ISR")]
    assert ev[0].source.actor_id == "IGOR_IVANOV" and ev[0].target.text == "Israel"
    text = REAL["ivanov"]
    assert text[ev[0].verb_start_char:ev[0].verb_end_char] == "criticized"
    assert text[ev[0].target.start_char:ev[0].target.end_char] == "Israel"


def test_possessive_and_agents(parsed, shared_dicts):
    assert triples(code(parsed, "possessive", shared_dicts)) == [("RUSGOV", "040", "IRNCOP")]
    assert triples(code(parsed, "minister", shared_dicts)) == [("RUSGOV", "111", "IRN")]


def test_coordination(parsed, shared_dicts):
    assert triples(code(parsed, "coordination", shared_dicts)) == [("IRN", "111", "ISR"), ("RUS", "111", "ISR")]


def test_passive(parsed, shared_dicts):
    assert triples(code(parsed, "passive", shared_dicts)) == [("PSEREBHMS", "190", "ISR")]


def test_xcomp_and_ccomp_transformations(parsed, shared_dicts):
    assert triples(code(parsed, "want", shared_dicts)) == [("IRN", "138", "ISR")]
    assert triples(code(parsed, "said", shared_dicts)) == [("ISR", "190", "IRN"), ("RUS", "112", "ISR")]


def test_negation_and_unknown_verb_make_no_event(parsed, shared_dicts):
    neg = code(parsed, "negated", shared_dicts, trace=True)
    assert triples(neg) == [] and "negated" in neg[0].trace.reason
    unk = code(parsed, "unknown", shared_dicts, trace=True)
    assert triples(unk) == [] and unk[0].trace.reason


def test_pronoun_resolution(parsed, shared_dicts):
    codings = code(parsed, "pronoun", shared_dicts)
    second = [e for e in codings[-1].events]
    assert [e.triple()[1:] for e in second] == [("111", "ISR")]
    assert second[0].source.code.startswith("IRN") and second[0].source.resolved_from
    amb = code(parsed, "ambiguous", shared_dicts, trace=True)  # an object pronoun, two candidates
    assert [e for e in amb[-1].events] == []
    assert any("not resolved" in n for n in amb[-1].trace.notes)
    # a subject pronoun continues the previous sentence's subject
    cont = code(parsed, "continued", shared_dicts, trace=True)
    assert [e.triple() for e in cont[-1].events] == [("IRN", "111", "ISR")]


@pytest.mark.xfail(strict=True, reason=(
    "parser: 'cordoned off the roads' is parsed with 'off' as a preposition (issue 2/4, open)"
))
def test_fictional_patterns(parsed, vdicts):
    d95 = date(1995, 1, 1)
    assert triples(code(parsed, "restore", vdicts, d95)) == [("ARN", "050", "GON")]
    assert triples(code(parsed, "cordon", vdicts, d95)) == [("GONMIL", "144", "MOR")]
    assert triples(code(parsed, "postpone", vdicts, d95)) == [("GON", "120", "OSG"), ("OSG", "120", "GON")]
    assert triples(code(parsed, "arrive", vdicts, d95)) == [("BREGOV", "042", "GON"), ("GON", "043", "BREGOV")]
    assert triples(code(parsed, "lawmakers", vdicts, d95)) == [("ARNLEG", "050", "ERI"), ("GONLEG", "050", "ERI")]


def _app():
    from eventcoder.cli.evaluate import eval_command
    from eventcoder.cli.explain import explain_command

    app = typer.Typer()
    app.command("explain")(explain_command)
    app.command("eval")(eval_command)
    return app


def test_explain_cli(tmp_path):
    runner = CliRunner()
    r = runner.invoke(_app(), ["explain", FICTIONAL["restore"], "--date", "1995-01-01", "--dictionaries",
                               str(VALIDATION)])
    assert r.exit_code == 0, r.output
    assert "RESTORE" in r.output and "ARN 050 GON" in r.output and "actor mentions" in r.output
    r = runner.invoke(_app(), ["explain", "Arnor cooked dinner.", "--dictionaries", str(VALIDATION), "--json"])
    assert r.exit_code == 0, r.output
    data = json.loads(r.output)
    assert data["sentences"][0]["events"] == [] and data["sentences"][0]["trace"]["reason"]
    r = runner.invoke(_app(), ["explain", "x", "--date", "not a date"])
    assert r.exit_code == 2


def test_eval_cli(tmp_path):
    suite = tmp_path / "suite.xml"
    suite.write_text(f"""<Validation><Environment><Verbfile>PETR_Validate_verbs_2_02.txt</Verbfile>
<Include>DEMO</Include></Environment><Sentences>
<Sentence category="DEMO" date="19950101" id="D-1" evaluate="true">
<EventCoding eventcode="050" sourcecode="ARN" targetcode="GON" />
<Text>{FICTIONAL["restore"]}</Text></Sentence>
<Sentence category="DEMO" date="19950101" id="D-2" evaluate="true">
<EventCoding noevents="True" />
<Text>Arnor cooked dinner.</Text></Sentence>
</Sentences></Validation>""", encoding="utf-8")
    r = CliRunner().invoke(_app(), ["eval", str(suite)])
    assert r.exit_code == 0, r.output
    assert r.output.strip().splitlines()[-1] == "records=2 correct=1 uncoded=0 extra=0 tp=100.0 fp=0.0"
    r = CliRunner().invoke(_app(), ["eval", str(tmp_path / "missing.xml")])
    assert r.exit_code == 2
