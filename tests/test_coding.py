"""The coder on hand-built UD v2 parses (fast; the same rules on real Stanza parses: test_coding_real.py)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from eventcoder.coding import (
    EVENT_COLUMNS,
    CodingOptions,
    ReferenceContext,
    code_document,
    code_sentence,
    sentence_from_conllu,
)
from eventcoder.dictionaries import load_dictionaries

ROOT = Path(__file__).resolve().parents[1]
VALIDATION = ROOT / "src" / "eventcoder" / "resources" / "dictionaries-validation"
DAY = date(2005, 1, 1)


@pytest.fixture(scope="module")
def vdicts():
    return load_dictionaries([VALIDATION])


def P(table: str, index: int = 0, doc_id: str = "doc"):  # noqa: N802
    return sentence_from_conllu(table, doc_id, index)


def P10(rows):  # noqa: N802
    """A parse from (id, form, lemma, upos, xpos, head, deprel) rows: for tests that need the xpos."""
    return P("\n".join("\t".join([i, f, lem, u, x, "_", h, d, "_", "_"]) for i, f, lem, u, x, h, d in rows))


def triples(coding):
    return sorted(e.triple() for e in coding.events)


def dyads(coding):
    """The (source code, target code) pairs of a coding's events, sorted."""
    return sorted((e.source.code, e.target.code) for e in coding.events)


# --- actors ---------------------------------------------------------------------------------------------------

def test_title_apposition_and_date_restricted_person(shared_dicts):
    s = P("""
    1 Russian Russian ADJ 5 amod
    2 National National PROPN 4 compound
    3 Security Security PROPN 4 compound
    4 Council Council PROPN 5 compound
    5 Secretary Secretary PROPN 6 compound
    6 Igor Igor PROPN 8 nsubj
    7 Ivanov Ivanov PROPN 6 flat
    8 criticized criticize VERB 0 root
    9 Israel Israel PROPN 8 obj
    """)
    c = code_sentence(s, DAY, shared_dicts, trace=True)
    assert triples(c) == [("RUSGOVMIL", "111", "ISR")]
    src = c.events[0].source
    assert src.actor_id == "IGOR_IVANOV" and src.text.endswith("Igor Ivanov") and src.start_char == 0
    # in 1995 Ivanov's entry has no code in force (its periods start later): the nearest period's code is
    # used, and the trace says so
    c95 = code_sentence(s, date(1995, 1, 1), shared_dicts, trace=True)
    assert triples(c95) == [("RUSGOV", "111", "ISR")]
    assert c95.events[0].source.actor_id == "IGOR_IVANOV"
    assert any("no code on the date; nearest period: RUSGOV" in h.describe() for h in c95.trace.hits)


def test_possessive_and_agent_composed_with_country(shared_dicts):
    s = P("""
    1 Russia Russia PROPN 3 nmod:poss
    2 's 's PART 1 case
    3 president president NOUN 4 nsubj
    4 met meet VERB 0 root
    5 Iranian Iranian ADJ 6 amod
    6 police police NOUN 4 obj
    """)
    c = code_sentence(s, DAY, shared_dicts)
    assert triples(c) == [("RUSGOV", "040", "IRNCOP")]
    e = c.events[0]
    assert (e.source.country, e.source.agent, e.target.country, e.target.agent) == ("RUS", "GOV", "IRN", "COP")
    assert e.target.text == "Iranian police" and s.text[e.target.start_char:e.target.end_char] == "Iranian police"


def test_the_russian_foreign_minister(shared_dicts):
    s = P("""
    1 The the DET 4 det
    2 Russian Russian ADJ 4 amod
    3 foreign foreign ADJ 4 amod
    4 minister minister NOUN 5 nsubj
    5 criticized criticize VERB 0 root
    6 Iran Iran PROPN 5 obj
    """)
    assert triples(code_sentence(s, DAY, shared_dicts)) == [("RUSGOV", "111", "IRN")]


def test_coordination_gives_two_actors(shared_dicts):
    s = P("""
    1 Iran Iran PROPN 4 nsubj
    2 and and CCONJ 3 cc
    3 Russia Russia PROPN 1 conj
    4 condemned condemn VERB 0 root
    5 Israel Israel PROPN 4 obj
    """)
    assert triples(code_sentence(s, DAY, shared_dicts)) == [("IRN", "111", "ISR"), ("RUS", "111", "ISR")]


def test_shared_modifiers_in_coordination(vdicts):
    s = P("""
    1 Lawmakers lawmaker NOUN 7 nsubj
    2 and and CCONJ 3 cc
    3 officials official NOUN 1 conj
    4 in in ADP 5 case
    5 Arnor Arnor PROPN 3 nmod
    6 and and CCONJ 7 cc
    7 welcomed welcome VERB 0 root
    8 Gondor Gondor PROPN 7 obj
    """.replace("6 and and CCONJ 7 cc", "6 , , PUNCT 7 punct"))
    c = code_sentence(s, date(1995, 1, 4), vdicts)
    assert triples(c) == [("ARNGOV", "050", "GON"), ("ARNLEG", "050", "GON")]


def test_agent_without_actor_makes_no_event(vdicts):
    s = P("""
    1 Clerics cleric NOUN 2 nsubj
    2 condemned condemn VERB 0 root
    3 Gondor Gondor PROPN 2 obj
    """)
    c = code_sentence(s, DAY, vdicts, trace=True)
    assert c.events == ()
    assert any(m.code.startswith("---") for m in c.trace.mentions)
    assert "unknown" in c.trace.reason


# --- verbs and patterns ----------------------------------------------------------------------------------------

RESTORE = """
1 Arnor Arnor PROPN 3 nsubj
2 is be AUX 3 cop
3 about about ADJ 0 root
4 to to PART 5 mark
5 restore restore VERB 3 xcomp
6 full full ADJ 8 amod
7 diplomatic diplomatic ADJ 8 amod
8 ties tie NOUN 5 obj
9 with with ADP 10 case
10 Gondor Gondor PROPN 8 nmod
11 . . PUNCT 3 punct
"""


def test_pattern_xcomp_subject_and_evidence(vdicts):
    c = code_sentence(P(RESTORE), date(1995, 1, 1), vdicts, trace=True)
    assert triples(c) == [("ARN", "050", "GON")]
    e = c.events[0]
    assert e.pattern_id in ("RESTORE:2", "RESTORE:4") and e.block_id == "RESTORE"
    assert (e.verb_lemma, e.verb_index) == ("restore", 5)
    assert c.trace.sentence_idx == 0 and e.sentence_idx == 0
    assert e.source.text == "Arnor" and e.target.text == "Gondor"
    assert set(e.row()) == set(EVENT_COLUMNS)
    verb = c.trace.verbs[0]
    assert any(p.matched for p in verb.patterns) and any(not p.matched and p.why for p in verb.patterns)


def test_paired_code_and_base_code(vdicts):
    s = P("""
    1 Bree Bree PROPN 3 compound
    2 President President PROPN 3 compound
    3 Romendacil Romendacil PROPN 4 nsubj
    4 arrived arrive VERB 0 root
    5 in in ADP 6 case
    6 Gondor Gondor PROPN 4 obl
    7 on on ADP 8 case
    8 Monday Monday PROPN 4 obl
    """)
    c = code_sentence(s, date(1995, 1, 17), vdicts)
    assert triples(c) == [("BREGOV", "042", "GON"), ("GON", "043", "BREGOV")]
    assert [e.paired for e in c.events] == [False, True]
    assert all(e.pattern_id is None for e in c.events)


def test_compound_marker_reciprocal(vdicts):
    s = P("""
    1 Gondor Gondor PROPN 5 nsubj
    2 and and CCONJ 3 cc
    3 Osgiliath Osgiliath PROPN 1 conj
    4 have have AUX 5 aux
    5 postponed postpone VERB 0 root
    6 their their PRON 7 nmod:poss
    7 meeting meeting NOUN 5 obj
    """)
    c = code_sentence(s, date(1995, 1, 2), vdicts)
    assert triples(c) == [("GON", "120", "OSG"), ("OSG", "120", "GON")]
    assert {e.pattern_id for e in c.events} == {"DELAY:1"}


def test_possessor_of_a_title_inside_a_name(vdicts):
    # "Gondor's Prime Minister Falastur" with Gondor the possessor of "Minister", a compound of the name
    s = P("""
    1 Gondor Gondor PROPN 4 nmod:poss
    2 's 's PART 1 case
    3 Prime Prime PROPN 4 compound
    4 Minister Minister PROPN 5 compound
    5 Falastur Falastur PROPN 6 nsubj
    6 criticized criticize VERB 0 root
    7 Mordor Mordor PROPN 6 obj
    """)
    assert dyads(code_sentence(s, date(1995, 1, 1), vdicts)) == [("GONGOV", "MOR")]


@pytest.mark.parametrize("first", ["1 Indian Indian ADJ 4 amod", "1 Indian Indian ADJ 5 advmod"])
def test_coordinated_country_adjectives_make_two_actors(shared_dicts, first):
    # "Indian and Chinese troops clashed": INDMIL and CHNMIL, each against the other (also when the parser
    # hung "Indian" on the verb, repair 21)
    s = P(f"""
    {first}
    2 and and CCONJ {3 if first.endswith("amod") else 4} cc
    3 Chinese Chinese ADJ {1 if first.endswith("amod") else 4} {"conj" if first.endswith("amod") else "amod"}
    4 troops troops NOUN 5 nsubj
    5 clashed clash VERB 0 root
    6 in in ADP 7 case
    7 Ladakh Ladakh PROPN 5 obl
    """)
    assert dyads(code_sentence(s, date(2020, 6, 1), shared_dicts)) == [("CHNMIL", "INDMIL"), ("INDMIL", "CHNMIL")]


def test_agent_with_explicit_plurals_is_not_matched_by_lemma(vdicts):
    # the validation agents' "POLICE {}" has no plural: "Gondor's polices" (lemma police) is no GONCOP
    rows = """
    1 Arnor Arnor PROPN 2 nsubj
    2 criticized criticize VERB 0 root
    3 Gondor Gondor PROPN 5 nmod:poss
    4 's 's PART 3 case
    5 {} police NOUN 2 obj
    """
    assert dyads(code_sentence(P(rows.format("polices")), date(1995, 1, 1), vdicts)) == [("ARN", "GON")]
    assert dyads(code_sentence(P(rows.format("police")), date(1995, 1, 1), vdicts)) == [("ARN", "GONCOP")]


def test_agent_borrows_from_of_in_from_for_phrases_only(shared_dicts):
    # "its ambassador to Iran" is not Iran's ambassador; "a spokesman for the Iranian government" is
    s = P("""
    1 Britain Britain PROPN 2 nsubj
    2 recalled recall VERB 0 root
    3 its its PRON 4 nmod:poss
    4 ambassador ambassador NOUN 2 obj
    5 to to ADP 6 case
    6 Iran Iran PROPN 4 nmod
    """)
    assert dyads(code_sentence(s, date(2012, 1, 1), shared_dicts)) == [("GBR", "IRN")]
    t = P("""
    1 A a DET 2 det
    2 spokesman spokesman NOUN 7 nsubj
    3 for for ADP 6 case
    4 the the DET 6 det
    5 Iranian Iranian ADJ 6 amod
    6 government government NOUN 2 nmod
    7 criticized criticize VERB 0 root
    8 Israel Israel PROPN 7 obj
    """)
    # the spokesman adds no code of his own (overrides/phoenix-agents.yaml): he is the government's
    assert dyads(code_sentence(t, date(2012, 1, 1), shared_dicts)) == [("IRNGOV", "ISR")]


def test_conjunct_without_an_actor_of_its_own_holds_one(vdicts):
    # "The information ministry of Gondor and the Nasgul said ...": the ministry's phrase names Gondor
    s = P("""
    1 The the DET 3 det
    2 information information NOUN 3 compound
    3 ministry ministry NOUN 9 nsubj
    4 of of ADP 5 case
    5 Gondor Gondor PROPN 3 nmod
    6 and and CCONJ 8 cc
    7 the the DET 8 det
    8 Nasgul Nasgul PROPN 3 conj
    9 criticized criticize VERB 0 root
    10 Mordor Mordor PROPN 9 obj
    """)
    assert ("GON", "MOR") in dyads(code_sentence(s, date(1995, 1, 1), vdicts))


def test_noun_phrase_pattern_with_a_participle_parsed_as_a_verb(vdicts):
    # {IMPROVED &TIETYPES RELATIONS} on "abandon improved economic relations" with improved -obj-> relations
    s = P10([("1", "Arnor", "Arnor", "PROPN", "NNP", "3", "nsubj"),
             ("2", "will", "will", "AUX", "MD", "3", "aux"),
             ("3", "abandon", "abandon", "VERB", "VB", "0", "root"),
             ("4", "improved", "improve", "VERB", "VBN", "3", "xcomp"),
             ("5", "economic", "economic", "ADJ", "JJ", "6", "amod"),
             ("6", "relations", "relation", "NOUN", "NNS", "4", "obj"),
             ("7", "with", "with", "ADP", "IN", "8", "case"),
             ("8", "Gondor", "Gondor", "PROPN", "NNP", "6", "nmod")])
    c = code_sentence(s, date(1995, 1, 1), vdicts)
    assert triples(c) == [("ARN", "1952", "GON")]
    assert c.events[0].pattern_id is not None


def test_a_present_participle_is_not_passive(vdicts):
    # "Arnor is acting on a resolution" with Arnor nsubj:pass and "is" aux:pass
    s = P10([("1", "Arnor", "Arnor", "PROPN", "NNP", "3", "nsubj:pass"),
             ("2", "is", "be", "AUX", "VBZ", "3", "aux:pass"),
             ("3", "acting", "act", "VERB", "VBG", "0", "root"),
             ("4", "on", "on", "ADP", "IN", "6", "case"),
             ("5", "a", "a", "DET", "DT", "6", "det"),
             ("6", "resolution", "resolution", "NOUN", "NN", "3", "obl"),
             ("7", "with", "with", "ADP", "IN", "8", "case"),
             ("8", "Gondor", "Gondor", "PROPN", "NNP", "6", "nmod")])
    assert triples(code_sentence(s, date(1995, 1, 1), vdicts)) == [("ARN", "057", "GON")]


def test_multiword_verb(vdicts):
    s = P("""
    1 Soldiers soldier NOUN 5 nsubj
    2 from from ADP 3 case
    3 Gondor Gondor PROPN 1 nmod
    4 have have AUX 5 aux
    5 cordoned cordon VERB 0 root
    6 off off ADP 5 compound:prt
    7 the the DET 8 det
    8 roads road NOUN 5 obj
    9 into into ADP 10 case
    10 Mordor Mordor PROPN 8 nmod
    """)
    c = code_sentence(s, date(1995, 1, 1), vdicts, trace=True)
    assert triples(c) == [("GONMIL", "144", "MOR")]
    assert "CORDON OFF" in c.trace.verbs[0].verb_entry


def test_passive_voice(shared_dicts):
    s = P("""
    1 Israel Israel PROPN 3 nsubj:pass
    2 was be AUX 3 aux:pass
    3 attacked attack VERB 0 root
    4 by by ADP 5 case
    5 Hamas Hamas PROPN 3 obl:agent
    """)
    c = code_sentence(s, DAY, shared_dicts)
    assert triples(c) == [("PSEREBHMS", "190", "ISR")]
    assert c.events[0].how.startswith("passive")


def test_passive_subject_is_matched_as_the_object(shared_dicts):
    # "The sanctions on Iran were lifted by the European Union": LIFT's '* SANCTIONS' (085), as in the active
    s = P("""
    1 The the DET 2 det
    2 sanctions sanction NOUN 7 nsubj:pass
    3 on on ADP 4 case
    4 Iran Iran PROPN 2 nmod
    5 were be AUX 7 aux:pass
    6 finally finally ADV 7 advmod
    7 lifted lift VERB 0 root
    8 by by ADP 11 case
    9 the the DET 11 det
    10 European European PROPN 11 amod
    11 Union Union PROPN 7 obl:agent
    """)
    c = code_sentence(s, date(2016, 1, 1), shared_dicts)
    assert [e.cameo_code for e in c.events] == ["085"] and c.events[0].pattern_id is not None


def test_passive_without_agent_makes_no_event(shared_dicts):
    s = P("""
    1 Israel Israel PROPN 3 nsubj:pass
    2 was be AUX 3 aux:pass
    3 attacked attack VERB 0 root
    """)
    c = code_sentence(s, DAY, shared_dicts, trace=True)
    assert c.events == () and "no source" in c.trace.reason


def test_negation_makes_no_event(shared_dicts):
    s = P("""
    1 Israel Israel PROPN 4 nsubj
    2 did do AUX 4 aux
    3 not not PART 4 advmod
    4 attack attack VERB 0 root
    5 Hamas Hamas PROPN 4 obj
    """)
    c = code_sentence(s, DAY, shared_dicts, trace=True)
    assert c.events == () and "negated" in c.trace.reason


def test_negation_table_recodes_a_negated_verb(shared_dicts, vdicts):
    # the built-in set's table (PETRARCH's ontology): a negated statement is "decline comment" (011)
    s = P("""
    1 Israel Israel PROPN 4 nsubj
    2 did do AUX 4 aux
    3 not not PART 4 advmod
    4 comment comment VERB 0 root
    5 on on ADP 6 case
    6 Iran Iran PROPN 4 obl
    """)
    c = code_sentence(s, DAY, shared_dicts, trace=True)
    assert triples(c) == [("ISR", "011", "IRN")]
    e = c.events[0]
    assert e.negated and "negated ('not': 010 -> 011)" in e.how
    # the validation set's ontology gives its fictional 110 the negation 050 ("didn't clash over efforts")
    s = P("""
    1 Arnor Arnor PROPN 4 nsubj
    2 did do AUX 4 aux
    3 n't not PART 4 advmod
    4 clash clash VERB 0 root
    5 over over ADP 6 case
    6 efforts effort NOUN 4 obl
    7 of of ADP 8 case
    8 Gondor Gondor PROPN 6 nmod
    """)
    assert triples(code_sentence(s, DAY, vdicts)) == [("ARN", "050", "GON")]
    assert shared_dicts.negation["087"] == "1246" and "110" not in shared_dicts.negation


def test_negation_table_is_read_from_the_set_manifest(tmp_path):
    (tmp_path / "dictionaries.yaml").write_text(
        'kind: set\nversion: 1\nname: "t"\nextends: builtin\nnegation:\n'
        '  - {code: "190", negated: "0871"}\n', encoding="utf-8")
    d = load_dictionaries([tmp_path])  # an overlay adds to the built-in set's table
    assert d.negation["190"] == "0871" and d.negation["010"] == "011"
    (tmp_path / "dictionaries.yaml").write_text(
        'kind: set\nversion: 1\nname: "t"\nextends: builtin\nnegation:\n'
        '  - {code: "19x", negated: "0871"}\n', encoding="utf-8")
    with pytest.raises(Exception, match="dictionaries.yaml:6: negation code '19x' must be a CAMEO code"):
        load_dictionaries([tmp_path])


def test_conjoined_verbs_share_the_subject(shared_dicts):
    s = P("""
    1 Israel Israel PROPN 2 nsubj
    2 attacked attack VERB 0 root
    3 Gaza Gaza PROPN 2 obj
    4 and and CCONJ 5 cc
    5 arrested arrest VERB 2 conj
    6 Hamas Hamas PROPN 7 compound
    7 leaders leader NOUN 5 obj
    """)
    c = code_sentence(s, DAY, shared_dicts)
    assert [e.source.code for e in c.events] == ["ISR", "ISR"]
    assert {e.target.code for e in c.events} == {"PSEGZA", "PSEREBHMS"}
    assert c.events[1].how.startswith("conj")


def test_transformation_want_to_attack(shared_dicts):
    s = P("""
    1 Iran Iran PROPN 2 nsubj
    2 wants want VERB 0 root
    3 to to PART 4 mark
    4 attack attack VERB 2 xcomp
    5 Israel Israel PROPN 4 obj
    """)
    c = code_sentence(s, DAY, shared_dicts, trace=True)
    assert triples(c) == [("IRN", "138", "ISR")]
    assert c.events[0].how == "transformation T6"


def test_said_that_x_attacked_y(shared_dicts):
    s = P("""
    1 Russia Russia PROPN 2 nsubj
    2 said say VERB 0 root
    3 that that SCONJ 5 mark
    4 Israel Israel PROPN 5 nsubj
    5 attacked attack VERB 2 ccomp
    6 Iran Iran PROPN 5 obj
    """)
    c = code_sentence(s, DAY, shared_dicts)
    # T3: a (b . ATTACK) SAY = a b 112; the reported attack is kept beside the accusation
    assert triples(c) == [("ISR", "190", "IRN"), ("RUS", "112", "ISR")]


def test_no_fallback_code(shared_dicts):
    # 'cooked' is not in the verb dictionary: no 010 (or any) event is invented
    s = P("""
    1 Iran Iran PROPN 2 nsubj
    2 cooked cook VERB 0 root
    3 for for ADP 4 case
    4 Israel Israel PROPN 2 obl
    """)
    c = code_sentence(s, DAY, shared_dicts, trace=True)
    assert c.events == ()
    assert "is in the verb dictionary" in c.trace.reason and "cooked" in c.trace.reason


def test_null_code_and_discard(vdicts):
    s = P("""
    1 Arnor Arnor PROPN 2 nsubj
    2 launched launch VERB 0 root
    3 Gondor Gondor PROPN 2 obj
    """)
    c = code_sentence(s, date(1995, 1, 1), vdicts, trace=True)
    assert c.events == () and "null code" in c.trace.reason
    discard_words = next(d.words for d in vdicts.discards if d.level == "sentence" and d.words[-1] != "LATER")
    table = "\n".join(f"{k + 1} {w.lower()} {w.lower()} NOUN {1 if k else 0} {'compound' if k else 'root'}"
                      for k, w in enumerate(discard_words))
    d = code_sentence(P(table), date(1995, 1, 1), vdicts, trace=True)
    assert d.events == () and d.trace.discarded_by


def test_time_discard_drops_only_its_own_clause(shared_dicts):
    # "1988" (a Phoenix discard) dates the clause it is in: the main verb still codes
    s = P("""
    1 Libya Libya PROPN 2 nsubj
    2 accused accuse VERB 0 root
    3 Britain Britain PROPN 2 obj
    4 of of SCONJ 5 mark
    5 bombing bomb VERB 2 advcl
    6 a a DET 7 det
    7 plane plane NOUN 5 obj
    8 in in ADP 9 case
    9 1988 1988 NUM 5 obl
    """)
    c = code_sentence(s, date(2000, 1, 1), shared_dicts, trace=True)
    assert [(e.source.code, e.target.code) for e in c.events] == [("LBY", "GBR")]
    assert c.trace.discarded_by is None
    # in the main clause it drops the main verb's events
    t = P("""
    1 In in ADP 2 case
    2 1988 1988 NUM 4 obl
    3 Libya Libya PROPN 4 nsubj
    4 accused accuse VERB 0 root
    5 Britain Britain PROPN 4 obj
    """)
    d = code_sentence(t, date(2000, 1, 1), shared_dicts, trace=True)
    assert d.events == ()
    assert "'1988' dates its clause in the past" in d.trace.verbs[0].outcome
    # an article published in 1988 reports its own year: no discard
    assert code_sentence(t, date(1988, 6, 1), shared_dicts).events



def test_history_phrase_after_time_preposition_dates_only_its_clause(shared_dicts):
    # "during World War Two" (a Phoenix sentence discard) is a time expression: like "in 1988" it drops the
    # clause it dates, not the sentence
    s = P("""
    1 Libya Libya PROPN 2 nsubj
    2 accused accuse VERB 0 root
    3 Britain Britain PROPN 2 obj
    4 of of SCONJ 5 mark
    5 bombing bomb VERB 2 advcl
    6 a a DET 7 det
    7 plane plane NOUN 5 obj
    8 during during ADP 11 case
    9 World World PROPN 10 compound
    10 War War PROPN 11 compound
    11 Two Two PROPN 5 obl
    """)
    c = code_sentence(s, date(2000, 1, 1), shared_dicts, trace=True)
    assert [(e.source.code, e.target.code) for e in c.events] == [("LBY", "GBR")]
    assert c.trace.discarded_by is None
    # the same phrase not governed by a time preposition still discards the whole sentence
    t = P("""
    1 Libya Libya PROPN 2 nsubj
    2 accused accuse VERB 0 root
    3 Britain Britain PROPN 2 obj
    4 of of ADP 7 case
    5 World World PROPN 6 compound
    6 War War PROPN 7 compound
    7 Two Two PROPN 2 obl
    """)
    d = code_sentence(t, date(2000, 1, 1), shared_dicts, trace=True)
    assert d.events == () and "WORLD WAR TWO" in (d.trace.discarded_by or "")



def test_first_part_of_a_longer_personal_name_is_not_the_dictionary_person(shared_dicts):
    # "ABDULLAH" is a king (of Saudi Arabia or Jordan) in the Phoenix dictionaries; "Abdullah Ocalan" is
    # someone else, not an actor of those dictionaries: no event
    s = P("""
    1 Turkey Turkey PROPN 2 nsubj
    2 criticized criticize VERB 0 root
    3 Abdullah Abdullah PROPN 2 obj
    4 Ocalan Ocalan PROPN 3 flat
    """)
    c = code_sentence(s, date(2005, 1, 1), shared_dicts, trace=True)
    assert c.events == ()
    # alone (or with a name suffix) the name is the dictionary's person
    for extra in ("", "5 II II PROPN 3 flat"):
        t = P(f"""
        1 Turkey Turkey PROPN 2 nsubj
        2 criticized criticize VERB 0 root
        3 Abdullah Abdullah PROPN 2 obj
        {extra}
        """.replace("5 II", "4 II"))
        targets = [e.target.code[:3] for e in code_sentence(t, date(2005, 1, 1), shared_dicts).events]
        assert targets in (["SAU"], ["JOR"])



@pytest.mark.parametrize(("verb", "lemma", "noun", "code"), [
    ("mounted", "mount", "invasion", "192"),
    ("mounted", "mount", "offensive", "190"),
    ("violated", "violate", "ban", "128"),
    ("upgraded", "upgrade", "ties", "050"),
    ("accepted", "accept", "demands", "080"),
    ("suspended", "suspend", "ties", "160"),
    ("suspended", "suspend", "membership", "160"),
    ("severed", "sever", "relations", "160"),
    ("froze", "freeze", "talks", "164"),
    ("downgraded", "downgrade", "relations", "160"),
    ("deployed", "deploy", "warships", "154"),
    ("massed", "mass", "forces", "154"),
])
def test_object_patterns_added_to_shipped_verb_blocks(shared_dicts, verb, lemma, noun, code):
    # verbs_eventcoder.yaml: MOUNT, VIOLATE, UPGRADE and EMBRACE blocks with more object patterns
    s = P(f"""
    1 Israel Israel PROPN 2 nsubj
    2 {verb} {lemma} VERB 0 root
    3 an a DET 4 det
    4 {noun} {noun if noun == "membership" else noun.rstrip("s") if noun != "ties" else "tie"} NOUN 2 obj
    5 against against ADP 6 case
    6 Lebanon Lebanon PROPN 4 nmod
    """)
    assert triples(code_sentence(s, date(2000, 1, 1), shared_dicts)) == [("ISR", code, "LBN")]


def test_a_state_speaking_of_itself_is_no_target(shared_dicts):
    # "Kim Jong Un warned that North Korea would respond": no PRKGOV -> PRK warning
    s = P("""
    1 Kim Kim PROPN 4 nsubj
    2 Jong Jong PROPN 1 flat
    3 Un Un PROPN 1 flat
    4 warned warn VERB 0 root
    5 that that SCONJ 9 mark
    6 North North PROPN 7 compound
    7 Korea Korea PROPN 9 nsubj
    8 would would AUX 9 aux
    9 respond respond VERB 4 ccomp
    """)
    assert code_sentence(s, date(2019, 1, 1), shared_dicts).events == ()
    # ... but its rebels speaking of the government are a domestic dyad
    t = P("""
    1 Kurdish Kurdish ADJ 2 amod
    2 rebels rebel NOUN 3 nsubj
    3 warned warn VERB 0 root
    4 that that SCONJ 8 mark
    5 the the DET 7 det
    6 Turkish Turkish ADJ 7 amod
    7 government government NOUN 8 nsubj
    8 failed fail VERB 3 ccomp
    """)
    assert [e.target.code for e in code_sentence(t, date(2019, 1, 1), shared_dicts).events] == ["TURGOV"]


def test_relative_clause_parsed_as_a_conjunct_shares_no_subject(shared_dicts):
    # "The UN condemned Sudan, where fighting between the army and rebels has killed thousands" with
    # "fighting" a conjunct of "condemned": the UN does not fight
    s = P("""
    1 The the DET 2 det
    2 UN UN PROPN 3 nsubj
    3 condemned condemn VERB 0 root
    4 Sudan Sudan PROPN 3 obj
    5 , , PUNCT 7 punct
    6 where where ADV 7 advmod
    7 fighting fight VERB 3 conj
    8 between between ADP 10 case
    9 the the DET 10 det
    10 army army NOUN 7 obl
    """)
    assert all(e.source.code != "IGOUNO" or e.cameo_code[:2] != "19"
               for e in code_sentence(s, date(2024, 3, 8), shared_dicts).events)


def test_each_others_possessions_are_reciprocal(shared_dicts):
    # "India and Canada expelled each other's diplomats"
    s = P("""
    1 India India PROPN 4 nsubj
    2 and and CCONJ 3 cc
    3 Canada Canada PROPN 1 conj
    4 expelled expel VERB 0 root
    5 each each DET 8 det
    6 other other ADJ 8 amod
    7 's 's PART 6 case
    8 diplomats diplomat NOUN 4 obj
    """)
    assert dyads(code_sentence(s, date(2023, 10, 1), shared_dicts)) == [("CAN", "IND"), ("IND", "CAN")]


def test_goal_of_an_object_reached_through_of(shared_dicts):
    # "approved the deployment of police officers to Haiti": Haiti, through "of police officers"
    s = P("""
    1 Kenya Kenya PROPN 2 nsubj
    2 approved approve VERB 0 root
    3 the the DET 4 det
    4 deployment deployment NOUN 2 obj
    5 of of ADP 7 case
    6 police police NOUN 7 compound
    7 officers officer NOUN 4 nmod
    8 to to ADP 9 case
    9 Haiti Haiti PROPN 7 nmod
    """)
    assert [e.target.code for e in code_sentence(s, date(2023, 10, 1), shared_dicts).events] == ["HTI"]


def test_go_between_of_a_deal_is_no_party(shared_dicts):
    # "Saudi Arabia and Iran agreed to restore relations under a deal brokered by China": the two with each
    # other, not with China
    s = P("""
    1 Saudi Saudi PROPN 2 compound
    2 Arabia Arabia PROPN 5 nsubj
    3 and and CCONJ 4 cc
    4 Iran Iran PROPN 2 conj
    5 agreed agree VERB 0 root
    6 to to PART 7 mark
    7 restore restore VERB 5 xcomp
    8 diplomatic diplomatic ADJ 9 amod
    9 relations relation NOUN 7 obj
    10 under under ADP 12 case
    11 a a DET 12 det
    12 deal deal NOUN 7 obl
    13 brokered broker VERB 12 acl
    14 by by ADP 15 case
    15 China China PROPN 13 obl:agent
    """)
    assert sorted({e.target.code for e in code_sentence(s, date(2023, 3, 10), shared_dicts).events}) == ["IRN", "SAU"]


def test_said_that_x_must_act_is_a_demand(shared_dicts):
    # "Russia said Ukraine must withdraw its troops": RUS 106 (demand withdrawal) UKR, and no withdrawal
    s = P("""
    1 Russia Russia PROPN 2 nsubj
    2 said say VERB 0 root
    3 Ukraine Ukraine PROPN 5 nsubj
    4 must must AUX 5 aux
    5 withdraw withdraw VERB 2 ccomp
    6 its its PRON 7 nmod:poss
    7 troops troop NOUN 5 obj
    8 from from ADP 10 case
    9 the the DET 10 det
    10 border border NOUN 5 obl
    """)
    c = code_sentence(s, date(2014, 1, 1), shared_dicts, trace=True)
    assert triples(c) == [("RUS", "106", "UKR")] and "demand ('must': 010 -> 106)" in c.events[0].how
    # without the modal it is a statement (and the reported withdrawal its own event)
    t = P("""
    1 Russia Russia PROPN 2 nsubj
    2 said say VERB 0 root
    3 Ukraine Ukraine PROPN 4 nsubj
    4 withdrew withdraw VERB 2 ccomp
    5 from from ADP 6 case
    6 Crimea Crimea PROPN 4 obl
    """)
    assert ("RUS", "010", "UKR") in triples(code_sentence(t, date(2014, 1, 1), shared_dicts))
    # PETRARCH-2's convention (intent off) keeps the statement
    assert triples(code_sentence(s, date(2014, 1, 1), shared_dicts, options=CodingOptions(intent=False)))[0][1] \
        == "010"


def test_particle_pattern_is_not_another_verbs_infinitive_to(shared_dicts):
    # ORDER is in OVERSEE_MANAGE, whose '* TO' [030] is no "ordered French troops to leave": ORDER's 100
    s = P("""
    1 Mali Mali PROPN 2 nsubj
    2 ordered order VERB 0 root
    3 French French ADJ 4 amod
    4 troops troops NOUN 2 obj
    5 to to PART 6 mark
    6 leave leave VERB 2 xcomp
    7 the the DET 8 det
    8 country country NOUN 6 obj
    """)
    assert triples(code_sentence(s, date(2022, 1, 1), shared_dicts)) == [("MLI", "100", "FRAMIL")]


def test_content_of_an_allegation_is_no_event(shared_dicts):
    # "rejected accusations that Russia interfered in the US election": no interference is reported
    s = P("""
    1 Iran Iran PROPN 2 nsubj
    2 rejected reject VERB 0 root
    3 accusations accusation NOUN 2 obj
    4 that that SCONJ 6 mark
    5 Russia Russia PROPN 6 nsubj
    6 attacked attack VERB 3 acl:relcl
    7 Israel Israel PROPN 6 obj
    """)
    c = code_sentence(s, date(2019, 1, 1), shared_dicts, trace=True)
    assert not any(e.cameo_code.startswith("19") for e in c.events)
    assert "not a reported fact" in next(v.outcome for v in c.trace.verbs if v.text == "attacked")


def test_agreeing_to_act_is_an_intention_to_cooperate(shared_dicts):
    # "agreed to share information" (the complement does not code): 030, not the cooperation itself (050)
    s = P("""
    1 Turkey Turkey PROPN 3 nsubj
    2 has have AUX 3 aux
    3 agreed agree VERB 0 root
    4 to to PART 5 mark
    5 share share VERB 3 xcomp
    6 information information NOUN 5 obj
    7 with with ADP 8 case
    8 Greece Greece PROPN 5 obl
    """)
    c = code_sentence(s, date(2000, 1, 1), shared_dicts)
    assert triples(c) == [("TUR", "030", "GRC")] and "'agreed' + infinitive: 050 -> 030" in c.events[0].how
    # "agreed to US mediation": AGREE "* (TO &MEDIATION)" (verbs_eventcoder.yaml) is 038
    t = P("""
    1 Israel Israel PROPN 2 nsubj
    2 agreed agree VERB 0 root
    3 to to ADP 5 case
    4 US US PROPN 5 compound
    5 mediation mediation NOUN 2 obl
    """)
    assert triples(code_sentence(t, date(2000, 1, 1), shared_dicts)) == [("ISR", "038", "USA")]



def test_agents_of_unknown_country_take_the_sentences_only_state(shared_dicts):
    # "Police arrested Egyptian protesters": police belongs to the only state named
    arrested = """
    1 Police police NOUN 2 nsubj
    2 arrested arrest VERB 0 root
    3 Egyptian Egyptian ADJ 4 amod
    4 protesters protester NOUN 2 obj
    """
    s = P(arrested)
    c = code_sentence(s, date(2000, 1, 1), shared_dicts, trace=True)
    assert [(e.source.code, e.target.code) for e in c.events] == [("EGYCOP", "EGYOPP")]
    assert "the sentence's only country" in (c.events[0].source.resolved_from or "")
    # two states named: the police stay unknown, no event
    t = P(arrested + """
    5 and and CCONJ 7 cc
    6 Libyan Libyan ADJ 7 amod
    7 diplomats diplomat NOUN 4 conj
    """)
    assert code_sentence(t, date(2000, 1, 1), shared_dicts).events == ()
    # a named person the dictionaries lack may be a foreigner: no event
    u = P("""
    1 Archbishop Archbishop PROPN 3 compound
    2 Sipho Sipho PROPN 3 compound
    3 Ndlovu Ndlovu PROPN 4 nsubj
    4 condemned condemn VERB 0 root
    5 Nigeria Nigeria PROPN 4 obj
    """)
    assert code_sentence(u, date(2000, 1, 1), shared_dicts).events == ()
    # an unknown target of a state's actor is domestic: "Rwandan rebels denounced the president"
    v = P("""
    1 Rwandan Rwandan ADJ 2 amod
    2 rebels rebel NOUN 3 nsubj
    3 denounced denounce VERB 0 root
    4 the the DET 5 det
    5 president president NOUN 3 obj
    """)
    assert [(e.source.code, e.target.code) for e in code_sentence(v, date(2000, 1, 1), shared_dicts).events] \
        == [("RWAREB", "RWAGOV")]
    # ... but "foreign troops" are not the state's, nor the place's
    w = P("""
    1 Rwandan Rwandan ADJ 2 amod
    2 rebels rebel NOUN 3 nsubj
    3 attacked attack VERB 0 root
    4 foreign foreign ADJ 5 amod
    5 troops troops NOUN 3 obj
    6 in in ADP 7 case
    7 Kigali Kigali PROPN 3 obl
    """)
    assert code_sentence(w, date(2000, 1, 1), shared_dicts).events == ()



def test_repairs_closing_reporting_clause_parsed_as_a_relative_clause(shared_dicts):
    # "..., Palestinian officials and US witnesses said." with officials a conjunct of the object and
    # "said" its acl:relcl: the speakers are no targets of the demolition
    s = P("""
    1 Israeli Israeli ADJ 2 amod
    2 army army NOUN 3 compound
    3 bulldozers bulldozer NOUN 4 nsubj
    4 demolished demolish VERB 0 root
    5 Palestinian Palestinian ADJ 6 amod
    6 homes home NOUN 4 obj
    7 and and CCONJ 9 cc
    8 civilian civilian ADJ 9 amod
    9 buildings building NOUN 6 conj
    10 , , PUNCT 15 punct
    11 Palestinian Palestinian ADJ 12 amod
    12 officials official NOUN 9 conj
    13 and and CCONJ 14 cc
    14 witnesses witness NOUN 12 conj
    15 said say VERB 12 acl:relcl
    16 . . PUNCT 4 punct
    """)
    c = code_sentence(s, date(2003, 1, 1), shared_dicts, trace=True)
    assert triples(c) == [("ISRMIL", "1712", "PSE")]
    said = next(w for w in c.trace.words if w.text == "said")
    assert (said.deprel, said.head) == ("parataxis", 4)
    assert next(w for w in c.trace.words if w.text == "officials").deprel == "nsubj"


def test_repairs_closing_reporting_clause_with_the_comma_on_the_noun(shared_dicts):
    # "..., witnesses said." with the comma attached to "witnesses" (a conjunct of the object)
    s = P("""
    1 Israel Israel PROPN 2 nsubj
    2 attacked attack VERB 0 root
    3 Hamas Hamas PROPN 2 obj
    4 , , PUNCT 5 punct
    5 witnesses witness NOUN 3 conj
    6 said say VERB 5 acl:relcl
    7 . . PUNCT 2 punct
    """)
    c = code_sentence(s, date(2019, 1, 1), shared_dicts, trace=True)
    assert next(w for w in c.trace.words if w.text == "said").deprel == "parataxis"


def test_misspelled_es_form_is_no_form_of_the_verb(vdicts):
    # "Ethiopia departes from Libya": the lemmatizer reads depart, but "departes" is no form of DEPART
    rows = """
    1 Ethiopia Ethiopia PROPN 2 nsubj
    2 {} depart VERB 0 root
    3 from from ADP 4 case
    4 Libya Libya PROPN 2 obl
    """
    assert code_sentence(P(rows.format("departes")), date(1995, 1, 1), vdicts).events == ()
    assert triples(code_sentence(P(rows.format("departs")), date(1995, 1, 1), vdicts)) == [("ETH", "040", "LBY")]


def test_negated_statement_is_no_accusation(shared_dicts):
    # "Russia did not say Ukraine attacked the convoy": no T3 accusation from a statement not made
    s = P("""
    1 Russia Russia PROPN 4 nsubj
    2 did do AUX 4 aux
    3 not not PART 4 advmod
    4 say say VERB 0 root
    5 Ukraine Ukraine PROPN 6 nsubj
    6 attacked attack VERB 4 ccomp
    7 Georgia Georgia PROPN 6 obj
    """)
    assert ("RUS", "112", "UKR") not in triples(code_sentence(s, date(2019, 1, 1), shared_dicts))


def test_repairs_closing_reporting_clause_parsed_as_a_conjunct(shared_dicts):
    # "..., Thai police here said on Monday." with "said" a conjunct of the main verb and police under
    # "days": police is the subject of said, which says nothing about the Burmese troops
    s = P("""
    1 Burmese Burmese PROPN 2 compound
    2 troops troops NOUN 3 nsubj
    3 attacked attack VERB 0 root
    4 Karen Karen PROPN 5 compound
    5 guerrillas guerrilla NOUN 3 obj
    6 after after ADP 8 case
    7 five five NUM 8 nummod
    8 days day NOUN 3 obl
    9 , , PUNCT 13 punct
    10 Thai Thai ADJ 11 amod
    11 police police NOUN 8 nmod
    12 here here ADV 13 advmod
    13 said say VERB 3 conj
    14 . . PUNCT 3 punct
    """)
    c = code_sentence(s, date(1990, 1, 1), shared_dicts, trace=True)
    assert not any(e.target.code == "THACOP" for e in c.events)
    police = next(w for w in c.trace.words if w.text == "police")
    assert (police.deprel, police.head) == ("nsubj", 13)


def test_repairs_title_and_name_parsed_as_two_conjuncts_and_mutual_intent(shared_dicts):
    # "Putin and Chinese leader Xi Jinping pledged to deepen their partnership during talks in Moscow":
    # "leader" and "Xi" two conjuncts of Putin; the complement's coordinated subjects act on each other
    s = P("""
    1 Putin Putin PROPN 7 nsubj
    2 and and CCONJ 4 cc
    3 Chinese Chinese ADJ 4 amod
    4 leader leader NOUN 1 conj
    5 Xi Xi PROPN 1 conj
    6 Jinping Jinping PROPN 5 flat
    7 pledged pledge VERB 0 root
    8 to to PART 9 mark
    9 deepen deepen VERB 7 xcomp
    10 their their PRON 11 nmod:poss
    11 partnership partnership NOUN 9 obj
    12 in in ADP 13 case
    13 Moscow Moscow PROPN 9 obl
    """)
    c = code_sentence(s, date(2023, 3, 21), shared_dicts)
    assert dyads(c) == [("CHNGOV", "RUSGOV"), ("RUSGOV", "CHNGOV")]


def test_repairs_name_split_from_its_common_noun(shared_dicts):
    # "[Boko] [Haram militants] abducted": two subjects, a name and the noun phrase right after it
    s = P("""
    1 Boko Boko PROPN 4 nsubj
    2 Haram Haram PROPN 3 compound
    3 militants militant NOUN 4 nsubj
    4 abducted abduct VERB 0 root
    5 schoolgirls schoolgirl NOUN 4 obj
    6 in in ADP 7 case
    7 Nigeria Nigeria PROPN 4 obl
    """)
    assert [e.source.code for e in code_sentence(s, date(2019, 1, 1), shared_dicts).events] == ["NGAREBUAF"]
    # but "called [Israel] [a terrorist state]" stays two phrases
    t = P("""
    1 Erdogan Erdogan PROPN 2 nsubj
    2 called call VERB 0 root
    3 Israel Israel PROPN 2 obj
    4 a a DET 6 det
    5 terrorist terrorist ADJ 6 amod
    6 state state NOUN 2 obj
    """)
    assert [e.target.code for e in code_sentence(t, date(2019, 1, 1), shared_dicts).events] == ["ISR"]


def test_repairs_noun_headed_sentence_with_participle_and_with_phrase(shared_dicts):
    # "Hundreds of Palestinians clashed with Israeli troops" parsed as a noun with an acl participle
    s = P10([("1", "Hundreds", "hundred", "NOUN", "NNS", "0", "root"),
             ("2", "of", "of", "ADP", "IN", "3", "case"),
             ("3", "Palestinians", "Palestinian", "NOUN", "NNPS", "1", "nmod"),
             ("4", "clashed", "clash", "VERB", "VBN", "1", "acl"),
             ("5", "with", "with", "ADP", "IN", "7", "case"),
             ("6", "Israeli", "Israeli", "ADJ", "JJ", "7", "amod"),
             ("7", "troops", "troops", "NOUN", "NNS", "4", "obl")])
    assert ("PSE", "ISRMIL") in dyads(code_sentence(s, date(2019, 1, 1), shared_dicts))


def test_repairs_noun_headed_sentence_with_acl_verb_and_place_on_the_object(shared_dicts):
    # the parse of "Thousands of protesters demonstrated against the government in Cairo on Friday."
    s = P("""
    1 Thousands thousand NOUN 0 root
    2 of of ADP 3 case
    3 protesters protester NOUN 1 nmod
    4 demonstrated demonstrate VERB 1 acl
    5 against against ADP 7 case
    6 the the DET 7 det
    7 government government NOUN 4 obl
    8 in in ADP 9 case
    9 Cairo Cairo PROPN 7 nmod
    10 . . PUNCT 1 punct
    """)
    from eventcoder.coding.repair import repair

    fixed = repair(s).words
    assert (fixed[3].head, fixed[3].deprel, fixed[0].head, fixed[0].deprel) == (0, "root", 4, "nsubj")
    assert fixed[9].head == 4  # the final full stop follows the verb
    # the place phrase hung on the object still says whose protesters and government these are
    c = code_sentence(s, date(2015, 1, 1), shared_dicts, trace=True)
    assert triples(c) == [("EGYOPP", "141", "EGYGOV")]
    # a reduced passive is left alone: "Hundreds of people killed in the attack"
    t = P("""
    1 Hundreds hundred NOUN 0 root
    2 of of ADP 3 case
    3 people people NOUN 1 nmod
    4 killed kill VERB 1 acl
    5 in in ADP 7 case
    6 the the DET 7 det
    7 attack attack NOUN 4 obl
    """)
    assert [w.deprel for w in repair(t).words] == [w.deprel for w in t.words]
    # the verb hung on the noun inside the quantity phrase: "Hundreds of students protested ..."
    u = P("""
    1 Hundreds hundred NOUN 0 root
    2 of of ADP 3 case
    3 students student NOUN 1 nmod
    4 protested protest VERB 3 acl
    5 against against ADP 7 case
    6 the the DET 7 det
    7 government government NOUN 4 obl
    """)
    assert [(w.head, w.deprel) for w in repair(u).words][:4] == [(4, "nsubj"), (3, "case"), (1, "nmod"), (0, "root")]



def test_armed_group_adjective_still_names_the_group(shared_dicts):
    # "Ukrainian forces shelled rebel positions near Donetsk": the positions are the rebels' (and, the
    # sentence naming only Ukraine, Ukrainian rebels); "a military operation" stays no actor
    s = P("""
    1 Ukrainian Ukrainian ADJ 2 amod
    2 forces force NOUN 3 nsubj
    3 shelled shell VERB 0 root
    4 rebel rebel ADJ 5 amod
    5 positions position NOUN 3 obj
    6 near near ADP 7 case
    7 Donetsk Donetsk PROPN 5 nmod
    """)
    assert triples(code_sentence(s, date(2015, 1, 1), shared_dicts)) == [("UKRMIL", "190", "UKRREB")]
    t = P("""
    1 Ukraine Ukraine PROPN 2 nsubj
    2 launched launch VERB 0 root
    3 a a DET 5 det
    4 military military ADJ 5 amod
    5 operation operation NOUN 2 obj
    """)
    assert not any("MIL" in m.code for m in code_sentence(t, date(2015, 1, 1), shared_dicts, trace=True).trace.mentions)



def test_pattern_word_object_is_not_the_target(shared_dicts):
    # SEND '* &MILITARY' [154] uses "troops": they are what is sent, Mali is the target
    s = P("""
    1 France France PROPN 2 nsubj
    2 sent send VERB 0 root
    3 troops troop NOUN 2 obj
    4 to to ADP 5 case
    5 Mali Mali PROPN 2 obl
    """)
    assert triples(code_sentence(s, date(2019, 1, 1), shared_dicts)) == [("FRA", "154", "MLI")]
    # with no better target the pattern's word stays the target: CIRCULATE '* PROTESTER' [175]
    t = P("""
    1 Egyptian Egyptian ADJ 2 amod
    2 police police NOUN 3 nsubj
    3 dispersed disperse VERB 0 root
    4 the the DET 5 det
    5 protesters protester NOUN 3 obj
    """)
    assert triples(code_sentence(t, date(2019, 1, 1), shared_dicts)) == [("EGYCOP", "175", "EGYOPP")]
    # the actor's own troops ("its troops", through the pronoun) are not the target either; negated, the
    # withdrawal is CAMEO's refusal to de-escalate (the built-in negation table: 0874 -> 1246)
    rows = """
    1 Russia Russia PROPN {v} nsubj
    {neg}
    {v} {verb} withdraw VERB 0 root
    {n} its its PRON {t} nmod:poss
    {t} troops troop NOUN {v} obj
    {f} from from ADP {g} case
    {g} Syria Syria PROPN {v} obl
    """
    u = P(rows.format(v=2, neg="", verb="withdrew", n=3, t=4, f=5, g=6))
    assert triples(code_sentence(u, date(2019, 1, 1), shared_dicts)) == [("RUS", "0874", "SYR")]
    w = P(rows.format(v=4, neg="2 did do AUX 4 aux\n    3 not not PART 4 advmod", verb="withdraw",
                      n=5, t=6, f=7, g=8))
    c = code_sentence(w, date(2019, 1, 1), shared_dicts)
    assert triples(c) == [("RUS", "1246", "SYR")] and c.events[0].negated


def test_object_of_no_known_country_gives_way_to_a_known_actor_in_its_phrase(shared_dicts):
    # "army reservists" are agents of no known country: the war against Iraq names the target
    s = P("""
    1 Britain Britain PROPN 2 nsubj
    2 mobilized mobilize VERB 0 root
    3 army army NOUN 4 compound
    4 reservists reservist NOUN 2 obj
    5 for for ADP 8 case
    6 a a DET 8 det
    7 possible possible ADJ 8 amod
    8 war war NOUN 4 nmod
    9 against against ADP 10 case
    10 Iraq Iraq PROPN 8 nmod
    """)
    c = code_sentence(s, date(2003, 1, 1), shared_dicts)
    assert dyads(c) == [("GBR", "IRQ")] and "object's phrase" in c.events[0].how
    # ... but not to a place: "fired tear gas at protesters outside parliament in Athens" (the protesters
    # take Greece's code, step 4b)
    t = P("""
    1 Greek Greek ADJ 2 amod
    2 police police NOUN 3 nsubj
    3 fired fire VERB 0 root
    4 tear tear NOUN 5 compound
    5 gas gas NOUN 3 obj
    6 at at ADP 7 case
    7 protesters protester NOUN 5 nmod
    8 outside outside ADP 9 case
    9 parliament parliament NOUN 5 nmod
    10 in in ADP 11 case
    11 Athens Athens PROPN 9 nmod
    """)
    assert dyads(code_sentence(t, date(2019, 1, 1), shared_dicts)) == [("GRCCOP", "GRCOPP")]
    # the arrested leader (a pattern word, APPREHEND '* LEADER') is the target, not the city; forces deployed
    # are not: where they go is
    rows = """
    1 {subj} {subj} PROPN 2 nsubj
    2 {verb} {lemma} VERB 0 root
    3 the the DET 5 det
    4 {mod} {mod} NOUN 5 compound
    5 {noun} {nlemma} NOUN 2 obj
    6 {prep} {prep} ADP 7 case
    7 {place} {place} PROPN 2 obl
    """
    u = P(rows.format(subj="Police", verb="arrested", lemma="arrest", mod="opposition", noun="leader",
                      nlemma="leader", prep="in", place="Istanbul"))
    assert dyads(code_sentence(u, date(2019, 1, 1), shared_dicts)) == [("TURCOP", "TUROPP")]
    w = P(rows.format(subj="China", verb="deployed", lemma="deploy", mod="navy", noun="warships",
                      nlemma="warship", prep="near", place="Taiwan"))
    assert dyads(code_sentence(w, date(2019, 1, 1), shared_dicts)) == [("CHN", "TWN")]
    # only a goal phrase names the better target: not "gunmen attacking a US base", not "with the help of
    # US aircraft"
    x = P("""
    1 Israeli Israeli ADJ 2 amod
    2 troops troops NOUN 3 nsubj
    3 killed kill VERB 0 root
    4 gunmen gunman NOUN 3 obj
    5 attacking attack VERB 4 acl
    6 a a DET 8 det
    7 US US PROPN 8 compound
    8 base base NOUN 5 obj
    9 with with ADP 11 case
    10 the the DET 11 det
    11 help help NOUN 3 obl
    12 of of ADP 14 case
    13 US US PROPN 14 compound
    14 aircraft aircraft NOUN 11 nmod
    """)
    assert not any(e.target.code.startswith("USA") for e in code_sentence(x, date(2019, 1, 1), shared_dicts).events)


# --- references ------------------------------------------------------------------------------------------------

def test_pronoun_resolved_from_previous_sentence(shared_dicts):
    first = P("""
    1 Iranian Iranian ADJ 2 amod
    2 President President PROPN 3 compound
    3 Ahmadinejad Ahmadinejad PROPN 4 nsubj
    4 arrived arrive VERB 0 root
    5 in in ADP 6 case
    6 Moscow Moscow PROPN 4 obl
    """, 0)
    second = P("""
    1 He he PRON 2 nsubj
    2 criticized criticize VERB 0 root
    3 Israel Israel PROPN 2 obj
    """, 1)
    codings = code_document([first, second], DAY, shared_dicts, trace=True)
    ev = codings[1].events
    assert [e.triple() for e in ev] == [(codings[0].trace.mentions[0].code, "111", "ISR")]
    assert ev[0].source.resolved_from and ev[0].source.text == "He"
    # alone, the pronoun has no antecedent: no event rather than a wrong one
    alone = code_sentence(second, DAY, shared_dicts, trace=True)
    assert alone.events == () and any("not resolved" in n for n in alone.trace.notes)


def test_ambiguous_pronoun_is_not_resolved(shared_dicts):
    ctx = ReferenceContext()
    first = P("""
    1 Iran Iran PROPN 2 nsubj
    2 met meet VERB 0 root
    3 Russia Russia PROPN 2 obj
    """)
    from eventcoder.coding.actors import find_mentions
    from eventcoder.coding.view import SentenceView
    ctx.advance(0, find_mentions(SentenceView(first), shared_dicts, DAY).all())
    second = P("""
    1 It it PRON 2 nsubj
    2 criticized criticize VERB 0 root
    3 Israel Israel PROPN 2 obj
    """, 1)
    c = code_sentence(second, DAY, shared_dicts, trace=True, context=ctx)
    assert c.events == () and any("2 candidate" in n for n in c.trace.notes)


def test_two_sides(shared_dicts):
    first = P("""
    1 Iran Iran PROPN 2 nsubj
    2 met meet VERB 0 root
    3 Russia Russia PROPN 2 obj
    """)
    second = P("""
    1 The the DET 3 det
    2 two two NUM 3 nummod
    3 sides side NOUN 4 nsubj
    4 criticized criticize VERB 0 root
    5 Israel Israel PROPN 4 obj
    """, 1)
    codings = code_document([first, second], DAY, shared_dicts)
    assert sorted(e.triple() for e in codings[1].events) == [("IRN", "111", "ISR"), ("RUS", "111", "ISR")]


def test_require_dyad_option(shared_dicts):
    from eventcoder.coding import CodingOptions

    s = P("""
    1 Iran Iran PROPN 2 nsubj
    2 protested protest VERB 0 root
    """)
    c = code_sentence(s, DAY, shared_dicts, trace=True)
    assert c.events == () and "no target" in c.trace.reason
    loose = code_sentence(s, DAY, shared_dicts, options=CodingOptions(require_dyad=False))
    assert [e.triple() for e in loose.events] == [("IRN", "140", "---")]


def test_pattern_trace_says_why(vdicts):
    c = code_sentence(P(RESTORE), date(1995, 1, 1), vdicts, trace=True)
    whys = {p.pattern_id: p.why for p in c.trace.verbs[0].patterns}
    assert "RELATIONS" in whys["RESTORE:1"]  # a word the sentence lacks
    assert whys["RESTORE:2"].startswith("matched")


def test_possessive_pronoun_with_agent(shared_dicts):
    first = P("""
    1 Iran Iran PROPN 2 nsubj
    2 protested protest VERB 0 root
    3 Israel Israel PROPN 2 obj
    """)
    second = P("""
    1 Its its PRON 2 nmod:poss
    2 government government NOUN 3 nsubj
    3 criticized criticize VERB 0 root
    4 Israel Israel PROPN 3 obj
    """, 1)
    codings = code_document([first, second], DAY, shared_dicts)
    ev = codings[1].events
    assert ev == ()  # 'Its': two candidate countries in the previous sentence (IRN, ISR): not resolved
    solo = P("""
    1 Iran Iran PROPN 2 nsubj
    2 protested protest VERB 0 root
    """)
    codings = code_document([solo, second], DAY, shared_dicts)
    assert [e.triple() for e in codings[1].events] == [("IRNGOV", "111", "ISR")]
    assert codings[1].events[0].source.resolved_from


def test_parse_repairs(shared_dicts):
    # three "subjects" (a split name), a possessor labelled nsubj, a passive labelled as active
    split = P("""
    1 Secretary Secretary PROPN 4 nsubj
    2 Igor Igor PROPN 4 nsubj
    3 Ivanov Ivanov PROPN 4 nsubj
    4 criticized criticize VERB 0 root
    5 Israel Israel PROPN 4 obj
    """)
    c = code_sentence(split, DAY, shared_dicts)
    assert [e.source.actor_id for e in c.events] == ["IGOR_IVANOV"]
    poss = P("""
    1 Russia Russia PROPN 3 nsubj
    2 's 's PART 3 case
    3 president president NOUN 4 nsubj
    4 met meet VERB 0 root
    5 Iranian Iranian ADJ 6 amod
    6 police police NOUN 4 obj
    """)
    assert triples(code_sentence(poss, DAY, shared_dicts)) == [("RUSGOV", "040", "IRNCOP")]
    passive = P("""
    1 Israel Israel PROPN 3 nsubj
    2 was be AUX 3 aux:pass
    3 attacked attack VERB 0 root
    4 by by ADP 5 case
    5 Hamas Hamas PROPN 3 obl
    """)
    assert triples(code_sentence(passive, DAY, shared_dicts)) == [("PSEREBHMS", "190", "ISR")]


def test_repairs_title_before_a_name_with_its_own_part_and_a_place_before_the_verb(shared_dicts):
    # "President [Yoweri] Museveni": two subjects, the first with a flat part of its own
    title = P("""
    1 President President PROPN 5 nsubj
    2 Yoweri Yoweri PROPN 1 flat
    3 Museveni Museveni PROPN 5 nsubj
    4 has have AUX 5 aux
    5 threatened threaten VERB 0 root
    6 Ugandan Ugandan ADJ 7 amod
    7 rebels rebel NOUN 5 obj
    """)
    assert triples(code_sentence(title, date(2005, 6, 1), shared_dicts)) == [("UGAGOV", "130", "UGAREB")]
    # "Rebels in the Ivory Coast on Wednesday dismissed ...": the place phrase parsed as the verb's obl
    place = P("""
    1 Rebels rebel NOUN 8 nsubj
    2 in in ADP 5 case
    3 the the DET 5 det
    4 Ivory ivory ADJ 5 amod
    5 Coast Coast PROPN 8 obl
    6 on on ADP 7 case
    7 Wednesday Wednesday PROPN 8 obl
    8 criticized criticize VERB 0 root
    9 France France PROPN 8 obj
    """)
    assert triples(code_sentence(place, date(2005, 6, 1), shared_dicts)) == [("CIVREB", "111", "FRA")]
    # a month between subject and verb is a time, not a place
    month = P("""
    1 Rebels rebel NOUN 4 nsubj
    2 in in ADP 3 case
    3 March March PROPN 4 obl
    4 criticized criticize VERB 0 root
    5 France France PROPN 4 obj
    """)
    assert code_sentence(month, date(2005, 6, 1), shared_dicts).events == ()


def test_repairs_flat_name_parts_hung_far_from_the_name(shared_dicts):
    # "Iran 's religious leader Ayatollah Ruhollah Khomeini": Ruhollah and Khomeini flat under Iran
    s = P("""
    1 Iran Iran PROPN 4 nmod:poss
    2 's 's PART 1 case
    3 religious religious ADJ 4 amod
    4 leader leader NOUN 5 compound
    5 Ayatollah Ayatollah PROPN 8 nsubj
    6 Ruhollah Ruhollah PROPN 1 flat
    7 Khomeini Khomeini PROPN 1 flat
    8 rejected reject VERB 0 root
    9 Iraq Iraq PROPN 8 obj
    """)
    c = code_sentence(s, date(1985, 1, 1), shared_dicts)
    assert [e.source.actor_id for e in c.events] == ["AYATOLLAH_RUHOLLAH_KHOMEINI"]
    # a part whose previous word hangs below it is left alone (no cycle)
    t = P("""
    1 Abu Abu PROPN 4 nsubj
    2 Musab Musab PROPN 3 flat
    3 al al PROPN 1 flat
    4 attacked attack VERB 0 root
    5 Iraq Iraq PROPN 4 obj
    """)
    from eventcoder.coding.repair import repair

    assert [(w.head, w.deprel) for w in repair(t).words[:3]] == [(4, "nsubj"), (3, "flat"), (1, "flat")]


def test_repairs_adjectival_participle_opposed_to(shared_dicts):
    # "Israel is opposed to French mediation": not a passive without an agent (ten-column rows: VBN)
    rows = [("1", "Israel", "Israel", "PROPN", "NNP", "3", "nsubj:pass"),
            ("2", "is", "be", "AUX", "VBZ", "3", "aux:pass"),
            ("3", "opposed", "oppose", "VERB", "VBN", "0", "root"),
            ("4", "to", "to", "ADP", "IN", "6", "case"),
            ("5", "French", "French", "ADJ", "JJ", "6", "amod"),
            ("6", "mediation", "mediation", "NOUN", "NN", "3", "obl")]
    s = P10(rows)
    assert [(e.source.code, e.target.code) for e in code_sentence(s, DAY, shared_dicts).events] == [("ISR", "FRA")]


def test_repairs_passive_subject_of_a_perfect_active(vdicts):
    # "Soldiers from Gondor have cordoned off Mordor" with Soldiers parsed nsubj:pass (no be/get)
    s = P("""
    1 Soldiers soldier NOUN 5 nsubj:pass
    2 from from ADP 3 case
    3 Gondor Gondor PROPN 1 nmod
    4 have have AUX 5 aux
    5 cordoned cordon VERB 0 root
    6 off off ADP 5 compound:prt
    7 Mordor Mordor PROPN 5 obj
    """)
    assert triples(code_sentence(s, DAY, vdicts)) == [("GONMIL", "144", "MOR")]


def test_repairs_subject_attached_across_its_verb(vdicts):
    # "The Philippines and France agree that disputes should be resolved": Philippines under "resolved"
    s = P("""
    1 The the DET 2 det
    2 Philippines Philippines PROPN 8 nsubj:pass
    3 and and CCONJ 4 cc
    4 France France PROPN 2 conj
    5 agree agree VERB 0 root
    6 that that SCONJ 8 mark
    7 disputes dispute NOUN 8 nsubj:pass
    8 resolved resolve VERB 5 ccomp
    """)
    assert triples(code_sentence(s, DAY, vdicts)) == [("FRA", "050", "PHL"), ("PHL", "050", "FRA")]


def test_surname_of_a_person_named_earlier_in_the_article(shared_dicts):
    first = P("""
    1 Igor Igor PROPN 2 flat
    2 Ivanov Ivanov PROPN 3 nsubj
    3 arrived arrive VERB 0 root
    """, index=0)
    second = P("""
    1 Ivanov Ivanov PROPN 2 nsubj
    2 criticized criticize VERB 0 root
    3 Iran Iran PROPN 2 obj
    """, index=1)
    alone = code_sentence(second, date(2007, 1, 28), shared_dicts)
    assert alone.events == ()  # "Ivanov" alone is not in the dictionaries
    codings = code_document([first, second], date(2007, 1, 28), shared_dicts)
    assert [e.triple() for e in codings[1].events] == [("RUSGOVMIL", "111", "IRN")]
    assert codings[1].events[0].source.actor_id == "IGOR_IVANOV"


def test_country_possessor_recodes_another_countrys_office(shared_dicts):
    # the parser put the possessor at the head of the phrase; repaired, and NATIONAL SECURITY COUNCIL
    # (a USAGOV entry) becomes Iran's
    s = P("""
    1 Iran Iran PROPN 9 nsubj
    2 's 's PART 1 case
    3 National National ADJ 5 amod
    4 Security Security PROPN 5 compound
    5 Council Council PROPN 6 compound
    6 Secretary Secretary PROPN 1 flat
    7 Ali Ali PROPN 6 flat
    8 Larijani Larijani PROPN 7 flat
    9 criticized criticize VERB 0 root
    10 Israel Israel PROPN 9 obj
    """)
    assert [e.triple() for e in code_sentence(s, date(2007, 1, 28), shared_dicts).events] == [("IRNGOV", "111", "ISR")]


def test_second_subject_with_its_own_conjunction_is_a_conjunct(shared_dicts):
    # "Iran and Russia criticized Israel" parsed with two nsubj (the "and" attached to Russia)
    s = P("""
    1 Iran Iran PROPN 4 nsubj
    2 and and CCONJ 3 cc
    3 Russia Russia PROPN 4 nsubj
    4 criticized criticize VERB 0 root
    5 Israel Israel PROPN 4 obj
    """)
    got = sorted(e.triple() for e in code_sentence(s, DAY, shared_dicts).events)
    assert got == [("IRN", "111", "ISR"), ("RUS", "111", "ISR")]


def test_names_after_commas_parsed_flat_are_conjuncts(shared_dicts):
    # "Iran, Syria, Russia and China criticized Israel": Syria flat under Iran, the rest chained
    s = P("""
    1 Iran Iran PROPN 8 nsubj
    2 , , PUNCT 3 punct
    3 Syria Syria PROPN 1 flat
    4 , , PUNCT 5 punct
    5 Russia Russia PROPN 3 conj
    6 and and CCONJ 7 cc
    7 China China PROPN 5 conj
    8 criticized criticize VERB 0 root
    9 Israel Israel PROPN 8 obj
    """)
    got = sorted(e.source.code for e in code_sentence(s, DAY, shared_dicts).events)
    assert got == ["CHN", "IRN", "RUS", "SYR"]


def test_name_coordinated_with_the_name_inside_an_earlier_phrase(shared_dicts):
    # "officials in Iran and Russia criticized Israel", Russia parsed as a second subject
    s = P("""
    1 officials official NOUN 6 nsubj
    2 in in ADP 3 case
    3 Iran Iran PROPN 1 nmod
    4 and and CCONJ 5 cc
    5 Russia Russia PROPN 6 nsubj
    6 criticized criticize VERB 0 root
    7 Israel Israel PROPN 6 obj
    """)
    got = sorted(e.source.code for e in code_sentence(s, DAY, shared_dicts).events)
    assert got == ["IRNGOV", "RUSGOV"]


def test_coordinated_subjects_without_a_target_act_on_each_other(shared_dicts):
    s = P("""
    1 Bosnia Bosnia PROPN 4 nsubj
    2 and and CCONJ 3 cc
    3 Slovenia Slovenia PROPN 1 conj
    4 agreed agree VERB 0 root
    5 to to ADP 6 case
    6 ceasefire ceasefire NOUN 4 obl
    """)
    got = sorted(e.triple()[::2] for e in code_sentence(s, DAY, shared_dicts).events)
    assert got == [("BIH", "SVN"), ("SVN", "BIH")]
    # one country's actors only: no reciprocal event
    s2 = P("""
    1 Bosnia Bosnia PROPN 4 nsubj
    2 and and CCONJ 3 cc
    3 government government NOUN 1 conj
    4 agreed agree VERB 0 root
    """)
    assert code_sentence(s2, DAY, shared_dicts).events == ()


def test_pronoun_subject_continues_the_previous_subject(shared_dicts):
    first = P("""
    1 Vladimir Vladimir PROPN 2 flat
    2 Putin Putin PROPN 3 nsubj
    3 met meet VERB 0 root
    4 George George PROPN 5 flat
    5 Bush Bush PROPN 3 obj
    """, index=0)
    second = P("""
    1 He he PRON 2 nsubj
    2 criticized criticize VERB 0 root
    3 Israel Israel PROPN 2 obj
    """, index=1)
    day = date(2007, 1, 28)
    putin = code_sentence(first, day, shared_dicts).events[0].source.code
    codings = code_document([first, second], day, shared_dicts, trace=True)
    assert [e.triple() for e in codings[1].events] == [(putin, "111", "ISR")]
    # as an object, the same pronoun has two candidates and stays unresolved
    third = P("""
    1 Israel Israel PROPN 2 nsubj
    2 criticized criticize VERB 0 root
    3 him he PRON 2 obj
    """, index=1)
    assert code_document([first, third], day, shared_dicts)[1].events == ()


def test_subject_of_an_xcomp_is_the_object_of_its_governor(shared_dicts):
    # "The Afghan government asked Pakistan to stop militants", Pakistan parsed as nsubj of "stop"
    s = P("""
    1 The the DET 3 det
    2 Afghan Afghan ADJ 3 amod
    3 government government NOUN 4 nsubj
    4 asked ask VERB 0 root
    5 Pakistan Pakistan PROPN 7 nsubj
    6 to to PART 7 mark
    7 stop stop VERB 4 xcomp
    8 militants militant NOUN 7 obj
    """)
    assert [e.triple() for e in code_sentence(s, DAY, shared_dicts).events] == [("AFGGOV", "020", "PAK")]


def test_verb_parsed_as_conjunct_of_its_subjects(shared_dicts):
    # "Iran, Syria and Russia criticized Israel" with the verb as a conj of Iran, which heads the sentence
    s = P("""
    1 Iran Iran PROPN 0 root
    2 , , PUNCT 3 punct
    3 Syria Syria PROPN 1 conj
    4 and and CCONJ 5 cc
    5 Russia Russia PROPN 1 conj
    6 criticized criticize VERB 1 conj
    7 Israel Israel PROPN 6 obj
    8 . . PUNCT 1 punct
    """)
    got = sorted(e.triple() for e in code_sentence(s, DAY, shared_dicts).events)
    assert got == [("IRN", "111", "ISR"), ("RUS", "111", "ISR"), ("SYR", "111", "ISR")]


def test_name_split_into_two_modifiers_is_one_phrase(shared_dicts):
    # "... ties between South Korea and Japan" with South and Korea two nmod of ties, Japan conj of South
    s = P("""
    1 Iran Iran PROPN 2 nsubj
    2 welcomed welcome VERB 0 root
    3 ties tie NOUN 2 obj
    4 between between ADP 6 case
    5 South South PROPN 3 nmod
    6 Korea Korea PROPN 3 nmod
    7 and and CCONJ 8 cc
    8 Japan Japan PROPN 5 conj
    """)
    assert {e.target.code for e in code_sentence(s, DAY, shared_dicts).events} == {"KOR", "JPN"}


def test_first_of_two_subjects_belongs_to_the_complement_between_them(shared_dicts):
    # "Iran on Monday criticized Israel, officials said" with Iran as a second subject of "said"
    s = P("""
    1 Iran Iran PROPN 7 nsubj
    2 on on ADP 3 case
    3 Monday Monday PROPN 4 obl
    4 criticized criticize VERB 7 ccomp
    5 Israel Israel PROPN 4 obj
    6 officials official NOUN 7 nsubj
    7 said say VERB 0 root
    """)
    assert ("IRN", "111", "ISR") in [e.triple() for e in code_sentence(s, DAY, shared_dicts).events]


def test_year_discards_only_for_earlier_years(shared_dicts):
    s = P("""
    1 Iran Iran PROPN 2 nsubj
    2 criticized criticize VERB 0 root
    3 Israel Israel PROPN 2 obj
    4 in in ADP 5 case
    5 1995 1995 NUM 2 obl
    """)
    assert code_sentence(s, date(1995, 6, 1), shared_dicts).events  # the current year: news
    later = code_sentence(s, date(2007, 1, 29), shared_dicts, trace=True)
    assert later.events == () and "1995" in later.trace.reason  # a past year: Phoenix's discard


# --- stated intentions -----------------------------------------------------------------------------------------

def test_announced_action_is_coded_as_intention(shared_dicts, vdicts):
    from eventcoder.coding import CodingOptions
    from eventcoder.coding.intent import intent_code

    will = P("""
    1 Portugal Portugal PROPN 3 nsubj
    2 will will AUX 3 aux
    3 support support VERB 0 root
    4 Turkey Turkey PROPN 3 obj
    """)
    assert shared_dicts.intent and not vdicts.intent  # the sets' conventions (dictionaries.yaml)
    c = code_sentence(will, DAY, shared_dicts)
    assert triples(c) == [("PRT", "032", "TUR")]
    assert "intent ('will': 050 -> 032)" in c.events[0].how
    # PETRARCH-2's convention: the action's own code
    assert triples(code_sentence(will, DAY, shared_dicts, options=CodingOptions(intent=False))) == [
        ("PRT", "050", "TUR")]
    willing = P("""
    1 Syria Syria PROPN 4 nsubj
    2 is be AUX 4 cop
    3 reportedly reportedly ADV 4 advmod
    4 willing willing ADJ 0 root
    5 to to PART 6 mark
    6 attack attack VERB 4 xcomp
    7 Lebanon Lebanon PROPN 6 obj
    """)
    assert triples(code_sentence(willing, DAY, shared_dicts)) == [("SYR", "1384", "LBN")]
    counterfactual = P("""
    1 Portugal Portugal PROPN 4 nsubj
    2 would would AUX 4 aux
    3 have have AUX 4 aux
    4 supported support VERB 0 root
    5 Turkey Turkey PROPN 4 obj
    """)
    assert triples(code_sentence(counterfactual, DAY, shared_dicts)) == [("PRT", "050", "TUR")]
    # codes without an intention form are kept; sub-codes map to CAMEO's own pairs
    assert intent_code("010") is None and intent_code("130") is None
    assert (intent_code("0871"), intent_code("073"), intent_code("163"), intent_code("042")) == (
        "0356", "0333", "1312", "036")


def test_intent_convention_from_an_overlay_set(tmp_path):
    (tmp_path / "dictionaries.yaml").write_text("kind: set\nversion: 1\nintent: false\n", encoding="utf-8")
    assert load_dictionaries([tmp_path], use_cache=False).intent is False


def test_eventcoder_actor_additions(shared_dicts):
    # actors/eventcoder-additions.yaml: names news text uses that the Phoenix files lack
    s = P("""
    1 The the DET 3 det
    2 European European ADJ 3 amod
    3 Community Community PROPN 4 nsubj
    4 criticized criticize VERB 0 root
    5 Bosnian Bosnian ADJ 6 amod
    6 Serbs Serbs PROPN 4 obj
    """)
    assert triples(code_sentence(s, DAY, shared_dicts)) == [("IGOEUREEC", "111", "BIHSRP")]
    t = P("""
    1 Serb Serb ADJ 2 amod
    2 forces force NOUN 3 nsubj
    3 attacked attack VERB 0 root
    4 Croats Croats PROPN 3 obj
    """)
    assert triples(code_sentence(t, DAY, shared_dicts)) == [("SCGSRBMIL", "190", "HRV")]


def test_infinitive_to_is_not_a_preposition(shared_dicts):
    # ACCLAIM's "* (TO)" [043:042] must not match the "to" of "efforts to improve"
    s = P("""
    1 Officials official NOUN 3 nsubj
    2 U.S. U.S. PROPN 1 compound
    3 praised praise VERB 0 root
    4 Haiti Haiti PROPN 6 nmod:poss
    5 's 's PART 4 case
    6 efforts effort NOUN 3 obj
    7 to to PART 8 mark
    8 improve improve VERB 6 acl
    """)
    assert [e.cameo_code for e in code_sentence(s, DAY, shared_dicts).events] == ["051"]


def test_pronoun_subject_of_a_reported_clause_is_the_speaker(shared_dicts):
    # "Iraq said in a letter to the United Nations that it would ...": two candidates, "it" is the speaker
    s = P("""
    1 Iraq Iraq PROPN 2 nsubj
    2 said say VERB 0 root
    3 in in ADP 5 case
    4 a a DET 5 det
    5 letter letter NOUN 2 obl
    6 to to ADP 9 case
    7 the the DET 9 det
    8 United United PROPN 9 compound
    9 Nations Nations PROPN 5 nmod
    10 that that SCONJ 13 mark
    11 it it PRON 13 nsubj
    12 would would AUX 13 aux
    13 attack attack VERB 2 ccomp
    14 Iran Iran PROPN 13 obj
    """)
    c = code_sentence(s, date(2010, 1, 1), shared_dicts, trace=True)
    # resolved, then SAY + ATTACK transformed (T1); the reported clause, an announced attack, is kept: a threat
    assert triples(c) == [("IRQ", "015", "IRN"), ("IRQ", "1384", "IRN")]
    assert any("the subject of the verb it reports to" in n for n in c.trace.notes)


def test_pattern_on_the_object_beats_one_deep_in_another_clause(shared_dicts):
    # CANCEL's "* &FIGHT" (0871) and "* AID" (162) both match one word: the object wins over "fighting"
    # inside "in line with efforts to end the fighting"
    s = P("""
    1 Japan Japan PROPN 2 nsubj
    2 halted halt VERB 0 root
    3 economic economic ADJ 4 amod
    4 aid aid NOUN 2 obj
    5 to to ADP 6 case
    6 Serbia Serbia PROPN 4 nmod
    7 in in ADP 8 case
    8 line line NOUN 2 obl
    9 with with ADP 10 case
    10 efforts effort NOUN 8 nmod
    11 to to PART 12 mark
    12 end end VERB 10 acl
    13 the the DET 14 det
    14 fighting fighting NOUN 12 obj
    """)
    c = code_sentence(s, date(2010, 1, 1), shared_dicts, trace=True)
    assert triples(c) == [("JPN", "162", "SRB")]
    assert c.trace.verbs[0].pattern_id == "CANCEL:46"


def test_repairs_possessor_parsed_as_a_second_subject(shared_dicts):
    s = P("""
    1 Iran Iran PROPN 5 nsubj
    2 's 's PART 1 case
    3 opposition opposition NOUN 4 compound
    4 party party NOUN 5 nsubj
    5 criticized criticize VERB 0 root
    6 Israel Israel PROPN 5 obj
    """)
    assert [e.source.code for e in code_sentence(s, DAY, shared_dicts).events] == ["IRNOPP"]


def test_agent_word_as_adjective_of_a_non_actor_is_not_an_actor(vdicts):
    # "official" in "his first official visit" is no agent: the target is Gondor, not ---GOV
    s = P("""
    1 Romendacil Romendacil PROPN 2 nsubj
    2 arrived arrive VERB 0 root
    3 in in ADP 4 case
    4 Gondor Gondor PROPN 2 obl
    5 on on ADP 9 case
    6 his his PRON 9 nmod:poss
    7 first first ADJ 9 amod
    8 official official ADJ 9 amod
    9 visit visit NOUN 2 obl
    """)
    assert triples(code_sentence(s, DAY, vdicts)) == [("BRE", "042", "GON"), ("GON", "043", "BRE")]


def test_subjectless_participle_adjunct_takes_the_main_subject(shared_dicts):
    # "Israeli troops raided Gaza, killing Hamas militants" with "killing" parsed as advcl (VBG)
    rows = [("1", "Israeli", "Israeli", "ADJ", "JJ", "2", "amod"),
            ("2", "troops", "troops", "NOUN", "NNS", "3", "nsubj"),
            ("3", "raided", "raid", "VERB", "VBD", "0", "root"),
            ("4", "Gaza", "Gaza", "PROPN", "NNP", "3", "obj"),
            ("5", ",", ",", "PUNCT", ",", "6", "punct"),
            ("6", "killing", "kill", "VERB", "VBG", "3", "advcl"),
            ("7", "Hamas", "Hamas", "PROPN", "NNP", "8", "compound"),
            ("8", "militants", "militant", "NOUN", "NNS", "6", "obj")]
    s = P10(rows)
    c = code_sentence(s, date(2008, 1, 1), shared_dicts)
    kill = [e for e in c.events if e.verb_lemma == "kill"]
    assert [(e.source.code, e.target.code[:9]) for e in kill] == [("ISRMIL", "PSEREBHMS")]
    assert kill[0].how.startswith("adverbial clause")


def test_commitment_to_an_action_is_the_intention_of_that_action(shared_dicts):
    # "Japan agreed to provide aid to Iraq": 033 (intent to provide aid), not AGREE's base 050
    s = P("""
    1 Japan Japan PROPN 2 nsubj
    2 agreed agree VERB 0 root
    3 to to PART 4 mark
    4 provide provide VERB 2 xcomp
    5 aid aid NOUN 4 obj
    6 to to ADP 7 case
    7 Iraq Iraq PROPN 4 obl
    """)
    c = code_sentence(s, date(2010, 1, 1), shared_dicts, trace=True)
    assert triples(c) == [("JPN", "033", "IRQ")]
    assert c.trace.verbs[0].outcome.startswith("replaced by the intention of its complement")


def test_it_is_prepared_to_speaker_and_adjectival_participle(shared_dicts):
    # "Iraq's government announced that it is prepared to attack Iran": "it" is the speaker (an agent
    # mention), "is prepared" is not a passive, and the announced attack is a threat
    rows = [("1", "Iraq", "Iraq", "PROPN", "NNP", "3", "nmod:poss"), ("2", "'s", "'s", "PART", "POS", "1", "case"),
            ("3", "government", "government", "NOUN", "NN", "4", "nsubj"),
            ("4", "announced", "announce", "VERB", "VBD", "0", "root"),
            ("5", "that", "that", "SCONJ", "IN", "8", "mark"), ("6", "it", "it", "PRON", "PRP", "8", "nsubj:pass"),
            ("7", "is", "be", "AUX", "VBZ", "8", "aux:pass"), ("8", "prepared", "prepare", "VERB", "VBN", "4", "ccomp"),
            ("9", "to", "to", "PART", "TO", "10", "mark"), ("10", "attack", "attack", "VERB", "VB", "8", "xcomp"),
            ("11", "Iran", "Iran", "PROPN", "NNP", "10", "obj")]
    s = P10(rows)
    c = code_sentence(s, date(2010, 1, 1), shared_dicts, trace=True)
    # PETRARCH's transformation "a (_ b ATTACK) WANT = a b 138" applies to prepared + attack
    assert triples(c) == [("IRQGOV", "138", "IRN")]
    assert any("the subject of the verb it reports to" in n for n in c.trace.notes)


def test_adjunct_against_doing_is_controlled_by_the_object(shared_dicts):
    # "China warned the United States against selling weapons to Taiwan": the seller is the US
    rows = [("1", "China", "China", "PROPN", "NNP", "2", "nsubj"),
            ("2", "warned", "warn", "VERB", "VBD", "0", "root"),
            ("3", "the", "the", "DET", "DT", "5", "det"), ("4", "United", "United", "PROPN", "NNP", "5", "compound"),
            ("5", "States", "States", "PROPN", "NNP", "2", "obj"),
            ("6", "against", "against", "SCONJ", "IN", "7", "mark"),
            ("7", "attacking", "attack", "VERB", "VBG", "2", "advcl"),
            ("8", "Taiwan", "Taiwan", "PROPN", "NNP", "7", "obj")]
    s = P10(rows)
    c = code_sentence(s, date(2019, 1, 1), shared_dicts, trace=True)
    attack = next(v for v in c.trace.verbs if v.lemma == "attack")
    assert [m.code for m in attack.sources] == ["USA"]
    # the action warned against has not happened: only the warning is an event
    assert triples(c) == [("CHN", "130", "USA")]


def test_agents_of_unknown_country_placed_where_the_event_happened(shared_dicts):
    # "Protesters demonstrated against the government in Cairo": both sides are Egyptian
    s = P("""
    1 Protesters protester NOUN 2 nsubj
    2 demonstrated demonstrate VERB 0 root
    3 against against ADP 5 case
    4 the the DET 5 det
    5 government government NOUN 2 obl
    6 in in ADP 7 case
    7 Cairo Cairo PROPN 2 obl
    """)
    c = code_sentence(s, date(2019, 1, 1), shared_dicts, trace=True)
    assert [(e.source.code[:3], e.target.code) for e in c.events] == [("EGY", "EGYGOV")]
    assert c.events[0].target.resolved_from.startswith("the place of the event: Cairo")
    # a threatened action is a threat, whatever the action
    from eventcoder.coding.intent import intent_code

    assert (intent_code("060", threat=True), intent_code("190", threat=True)) == ("130", "1384")


def test_a_statement_speaks_for_its_issuer(shared_dicts):
    # "Iran issued a statement condemning Israel": the condemnation is Iran's
    s = P("""
    1 Iran Iran PROPN 2 nsubj
    2 issued issue VERB 0 root
    3 a a DET 4 det
    4 statement statement NOUN 2 obj
    5 condemning condemn VERB 4 acl
    6 Israel Israel PROPN 5 obj
    """)
    c = code_sentence(s, DAY, shared_dicts)
    assert [(e.source.code, e.cameo_code[:2], e.target.code) for e in c.events if e.verb_lemma == "condemn"] == [
        ("IRN", "11", "ISR")]


def test_a_place_in_the_subject_is_not_its_actor(shared_dicts):
    # "An explosion near Kabul killed two Iraqi soldiers": Kabul is where, not who
    s = P("""
    1 An a DET 2 det
    2 explosion explosion NOUN 5 nsubj
    3 near near ADP 4 case
    4 Kabul Kabul PROPN 2 nmod
    5 killed kill VERB 0 root
    6 two two NUM 8 nummod
    7 Iraqi Iraqi ADJ 8 amod
    8 soldiers soldier NOUN 5 obj
    """)
    c = code_sentence(s, DAY, shared_dicts, trace=True)
    assert c.events == () and "no source actor" in c.trace.reason


def test_a_meeting_place_does_not_give_its_country_to_the_participants(shared_dicts):
    s = P("""
    1 Colombia Colombia PROPN 3 nmod:poss
    2 's 's PART 1 case
    3 president president NOUN 4 nsubj
    4 met meet VERB 0 root
    5 rebel rebel NOUN 6 compound
    6 leaders leader NOUN 4 obj
    7 in in ADP 8 case
    8 Havana Havana PROPN 4 obl
    """)
    c = code_sentence(s, DAY, shared_dicts, trace=True)
    meet = next(v for v in c.trace.verbs if v.lemma == "meet")
    assert [m.country for m in meet.targets] == ["---"]  # the rebels stay of unknown country
    assert c.events == ()


def test_a_threat_is_made_to_the_subject_of_its_condition(shared_dicts):
    # "Russia threatened to stop negotiations if the United States deploys missiles"
    s = P("""
    1 Russia Russia PROPN 2 nsubj
    2 threatened threaten VERB 0 root
    3 to to PART 4 mark
    4 stop stop VERB 2 xcomp
    5 negotiations negotiation NOUN 4 obj
    6 if if SCONJ 10 mark
    7 the the DET 9 det
    8 United United PROPN 9 compound
    9 States States PROPN 10 nsubj
    10 deploys deploy VERB 4 advcl
    11 missiles missile NOUN 10 obj
    """)
    c = code_sentence(s, DAY, shared_dicts, trace=True)
    assert [(e.source.code, e.cameo_code[:2], e.target.code) for e in c.events] == [("RUS", "13", "USA")]
    assert any("subject of the condition" in v.how for v in c.trace.verbs)
    # no condition, no target: no event rather than a guess
    s2 = P("""
    1 Russia Russia PROPN 2 nsubj
    2 threatened threaten VERB 0 root
    3 to to PART 4 mark
    4 stop stop VERB 2 xcomp
    5 negotiations negotiation NOUN 4 obj
    """)
    assert code_sentence(s2, DAY, shared_dicts).events == ()


def test_coordinated_subjects_agree_with_each_other_when_the_target_is_unknown(shared_dicts):
    # "Turkey and Greece agreed to share information on missing people"
    s = P("""
    1 Turkey Turkey PROPN 4 nsubj
    2 and and CCONJ 3 cc
    3 Greece Greece PROPN 1 conj
    4 agreed agree VERB 0 root
    5 to to PART 6 mark
    6 share share VERB 4 xcomp
    7 information information NOUN 6 obj
    8 on on ADP 10 case
    9 missing miss VERB 10 amod
    10 people people NOUN 7 nmod
    """)
    c = code_sentence(s, DAY, shared_dicts)
    assert dyads(c) == [("GRC", "TUR"), ("TUR", "GRC")]
    assert {e.cameo_code[:2] for e in c.events} <= {"03", "05"}


def test_according_to_is_attribution_not_a_target(shared_dicts):
    # "Serb forces attacked villages, according to the US government": the US reports, it is not attacked
    s = P("""
    1 Serb Serb PROPN 2 compound
    2 forces force NOUN 3 nsubj
    3 attacked attack VERB 0 root
    4 villages village NOUN 3 obj
    5 , , PUNCT 10 punct
    6 according accord VERB 10 case
    7 to to ADP 10 case
    8 the the DET 10 det
    9 US US PROPN 10 compound
    10 government government NOUN 3 obl
    """)
    c = code_sentence(s, DAY, shared_dicts, trace=True)
    attack = next(v for v in c.trace.verbs if v.lemma == "attack")
    assert [m.code for m in attack.targets] == ["---CVL"] and c.events == ()


def test_hyphenated_names_match_when_the_tokenizer_splits_the_hyphen(shared_dicts):
    # UD English tokenization writes "al-Qaeda" as three tokens
    s = P("""
    1 Troops troop NOUN 2 nsubj
    2 killed kill VERB 0 root
    3 al al PROPN 6 compound
    4 - - PUNCT 3 punct
    5 Qaeda Qaeda PROPN 3 flat
    6 leaders leader NOUN 2 obj
    7 in in ADP 8 case
    8 Afghanistan Afghanistan PROPN 2 obl
    """)
    c = code_sentence(s, DAY, shared_dicts, trace=True)
    hit = next(h for h in c.trace.hits if h.entry_id == "AL_QA'IDA")
    assert (hit.first, hit.last) == (3, 5) and hit.code.startswith("IMG")


def test_noun_headed_sentence_with_a_subjectless_relative_clause_verb(shared_dicts):
    # "French president Laurent Fabius held talks with Romania's government", "held" parsed acl:relcl
    s = P10([
        ("1", "French", "French", "ADJ", "JJ", "2", "amod"),
        ("2", "president", "president", "NOUN", "NN", "0", "root"),
        ("3", "Laurent", "Laurent", "PROPN", "NNP", "2", "appos"),
        ("4", "Fabius", "Fabius", "PROPN", "NNP", "3", "flat"),
        ("5", "held", "hold", "VERB", "VBN", "2", "acl:relcl"),
        ("6", "talks", "talk", "NOUN", "NNS", "5", "obj"),
        ("7", "with", "with", "ADP", "IN", "10", "case"),
        ("8", "Romania", "Romania", "PROPN", "NNP", "10", "nmod:poss"),
        ("9", "'s", "'s", "PART", "POS", "8", "case"),
        ("10", "government", "government", "NOUN", "NN", "6", "nmod"),
    ])
    c = code_sentence(s, DAY, shared_dicts)
    assert ("FRA", "04", "ROUGOV") in [(e.source.country, e.cameo_code[:2], e.target.code) for e in c.events]
    # a relative clause proper (it has its relative word) is left alone
    s2 = P10([
        ("1", "talks", "talk", "NOUN", "NNS", "0", "root"),
        ("2", "that", "that", "PRON", "WDT", "4", "obj"),
        ("3", "France", "France", "PROPN", "NNP", "4", "nsubj"),
        ("4", "held", "hold", "VERB", "VBD", "1", "acl:relcl"),
    ])
    from eventcoder.coding.repair import repair

    assert [w.deprel for w in repair(s2).words] == ["root", "obj", "nsubj", "acl:relcl"]


def test_engaged_in_is_not_a_passive(shared_dicts):
    # "Serb forces were engaged in ethnic cleansing against Albanians": 203, done by the forces
    s = P10([
        ("1", "Serb", "Serb", "PROPN", "NNP", "2", "compound"),
        ("2", "forces", "force", "NOUN", "NNS", "4", "nsubj:pass"),
        ("3", "were", "be", "AUX", "VBD", "4", "aux:pass"),
        ("4", "engaged", "engage", "VERB", "VBN", "0", "root"),
        ("5", "in", "in", "ADP", "IN", "7", "case"),
        ("6", "ethnic", "ethnic", "ADJ", "JJ", "7", "amod"),
        ("7", "cleansing", "cleansing", "NOUN", "NN", "4", "obl"),
        ("8", "against", "against", "ADP", "IN", "9", "case"),
        ("9", "Albanians", "Albanian", "PROPN", "NNPS", "4", "obl"),
    ])
    c = code_sentence(s, DAY, shared_dicts)
    assert [(e.source.agent, e.cameo_code, e.target.country) for e in c.events][:1] == [("MIL", "203", "ALB")]
    assert c.events[0].source.text == "Serb forces"


def test_eventcoder_verb_pattern_additions(shared_dicts):
    # "North Korea hacked into computers of South Korea": CAMEO's nearest code for a cyber attack, 171
    s = P("""
    1 North North PROPN 2 compound
    2 Korea Korea PROPN 3 nsubj
    3 hacked hack VERB 0 root
    4 into into ADP 5 case
    5 computers computer NOUN 3 obl
    6 of of ADP 8 case
    7 South South PROPN 8 compound
    8 Korea Korea PROPN 5 nmod
    """)
    assert triples(code_sentence(s, DAY, shared_dicts)) == [("PRK", "171", "KOR")]
    # "The United States speeded up the withdrawal from Panama": the withdrawal itself (0874)
    s = P("""
    1 The the DET 3 det
    2 United United PROPN 3 compound
    3 States States PROPN 4 nsubj
    4 speeded speed VERB 0 root
    5 up up ADP 4 compound:prt
    6 the the DET 7 det
    7 withdrawal withdrawal NOUN 4 obj
    8 from from ADP 9 case
    9 Panama Panama PROPN 7 nmod
    """)
    assert triples(code_sentence(s, DAY, shared_dicts)) == [("USA", "0874", "PAN")]
    # "Sudan shortened the curfew", "Israel's court opened a hearing into ...": the codes chosen
    for rows, lemma, code in (
        ("1 Sudan Sudan PROPN 2 nsubj\n2 shortened shorten VERB 0 root\n3 the the DET 4 det\n"
         "4 curfew curfew NOUN 2 obj", "shorten", "0813"),
        ("1 Israel Israel PROPN 2 nsubj\n2 opened open VERB 0 root\n3 a a DET 4 det\n4 hearing hearing NOUN 2 obj\n"
         "5 into into ADP 6 case\n6 abuses abuse NOUN 4 nmod", "open", "090"),
    ):
        c = code_sentence(P(rows), DAY, shared_dicts, trace=True)
        assert [v.code for v in c.trace.verbs if v.lemma == lemma] == [code]


def test_a_reported_attack_keeps_the_attack_beside_the_accusation(shared_dicts):
    # "Officials of Afghanistan said rebels of Pakistan attacked India": T3 (say + attack = 112) and the attack
    s = P("""
    1 Afghanistan Afghanistan PROPN 2 nsubj
    2 said say VERB 0 root
    3 Pakistan Pakistan PROPN 4 nsubj
    4 attacked attack VERB 2 ccomp
    5 India India PROPN 4 obj
    """)
    got = triples(code_sentence(s, DAY, shared_dicts))
    assert ("AFG", "112", "PAK") in got and any(t[0] == "PAK" and t[1][:2] == "19" and t[2] == "IND" for t in got)
    # an intention is not an event: "Iran wants to attack Israel" is only the threat (T6)
    s2 = P("""
    1 Iran Iran PROPN 2 nsubj
    2 wants want VERB 0 root
    3 to to PART 4 mark
    4 attack attack VERB 2 xcomp
    5 Israel Israel PROPN 4 obj
    """)
    assert triples(code_sentence(s2, DAY, shared_dicts)) == [("IRN", "138", "ISR")]


def test_one_word_name_of_another_country_takes_that_country(shared_dicts):
    # HASSAN in the dictionary is Jordan's prince; "King Hassan of Morocco" is Morocco's
    s = P("""
    1 King King PROPN 2 compound
    2 Hassan Hassan PROPN 5 nsubj
    3 of of ADP 4 case
    4 Morocco Morocco PROPN 2 nmod
    5 criticized criticize VERB 0 root
    6 Israel Israel PROPN 5 obj
    """)
    c = code_sentence(s, date(1990, 1, 1), shared_dicts)
    assert [(e.source.country, e.target.code) for e in c.events] == [("MAR", "ISR")]
    assert c.events[0].source.code.startswith("MAR") and c.events[0].source.actor_id == "HASSAN"
    # the same country: nothing changes ("Putin of Russia")
    s2 = P("""
    1 Putin Putin PROPN 4 nsubj
    2 of of ADP 3 case
    3 Russia Russia PROPN 1 nmod
    4 criticized criticize VERB 0 root
    5 Israel Israel PROPN 4 obj
    """)
    assert [e.source.code[:3] for e in code_sentence(s2, date(2010, 1, 1), shared_dicts).events] == ["RUS"]


def test_the_sentences_only_state_keeps_its_sub_state_code(shared_dicts):
    # in 2000 Serbia is SCGSRB (Serbia within Serbia and Montenegro): agents placed by the one-state rule
    # take SCGSRB, not SCG ("Workers struck against the Serbian labour minister")
    s = P("""
    1 Workers worker NOUN 2 nsubj
    2 protested protest VERB 0 root
    3 against against ADP 7 case
    4 the the DET 7 det
    5 Serbian Serbian ADJ 7 amod
    6 labour labour NOUN 7 compound
    7 minister minister NOUN 2 obl
    """)
    c = code_sentence(s, date(2000, 1, 1), shared_dicts)
    assert [(e.source.code[:6], e.target.code[:6]) for e in c.events] == [("SCGSRB", "SCGSRB")]


def test_subject_of_an_agreeing_verb_parsed_under_its_passive_complement(vdicts):
    # "The Philippines and France agree that disputes should be resolved": both subjects parsed under
    # "resolved", "agree" an advcl; repaired, the two agree with each other (COMPOUND-36 of the suite)
    s = P10([
        ("1", "The", "the", "DET", "DT", "2", "det"),
        ("2", "Philippines", "Philippines", "PROPN", "NNPS", "9", "nsubj:pass"),
        ("3", "and", "and", "CCONJ", "CC", "4", "cc"),
        ("4", "France", "France", "PROPN", "NNP", "2", "conj"),
        ("5", "agree", "agree", "VERB", "VBP", "9", "advcl"),
        ("6", "that", "that", "SCONJ", "IN", "9", "mark"),
        ("7", "disputes", "dispute", "NOUN", "NNS", "9", "nsubj:pass"),
        ("8", "should", "should", "AUX", "MD", "9", "aux"),
        ("9", "resolved", "resolve", "VERB", "VBN", "0", "root"),
    ])
    c = code_sentence(s, DAY, vdicts)
    assert sorted((e.source.code, e.cameo_code, e.target.code) for e in c.events) == [
        ("FRA", "050", "PHL"), ("PHL", "050", "FRA")]


def test_name_conjunct_of_a_common_noun_joins_the_name_inside_it(vdicts):
    # "Lawmakers and officials in Arnor and Gondor welcomed ...", Gondor parsed as a conjunct of officials
    s = P("""
    1 Lawmakers lawmaker NOUN 8 nsubj
    2 and and CCONJ 3 cc
    3 officials official NOUN 1 conj
    4 in in ADP 5 case
    5 Arnor Arnor PROPN 1 nmod
    6 and and CCONJ 7 cc
    7 Gondor Gondor PROPN 3 conj
    8 welcomed welcome VERB 0 root
    9 Eriador Eriador PROPN 8 obj
    """)
    c = code_sentence(s, DAY, vdicts)
    assert sorted(e.source.code for e in c.events) == ["ARNGOV", "ARNLEG", "GONGOV", "GONLEG"]


def test_pattern_target_phrase_holds_a_name_hung_on_a_later_noun(shared_dicts):
    # "Hamas fired rockets at southern Israel overnight", Israel parsed as a compound of "overnight":
    # the '* ROCKET (AT +)' target is still Israel
    s = P("""
    1 Hamas Hamas PROPN 2 nsubj
    2 fired fire VERB 0 root
    3 rockets rocket NOUN 2 obj
    4 at at ADP 6 case
    5 southern southern ADJ 6 amod
    6 Israel Israel PROPN 7 compound
    7 overnight overnight NOUN 2 obl:unmarked
    """)
    c = code_sentence(s, DAY, shared_dicts)
    assert [(e.source.code[:3], e.cameo_code[:2], e.target.code) for e in c.events] == [("PSE", "19", "ISR")]


def test_coordinated_subjects_meet_each_other_not_the_place(shared_dicts):
    # "Israel and Egypt met in Washington": a meeting of the two, not with the United States
    s = P("""
    1 Israel Israel PROPN 4 nsubj
    2 and and CCONJ 3 cc
    3 Egypt Egypt PROPN 1 conj
    4 met meet VERB 0 root
    5 in in ADP 6 case
    6 Washington Washington PROPN 4 obl
    """)
    c = code_sentence(s, DAY, shared_dicts)
    assert dyads(c) == [("EGY", "ISR"), ("ISR", "EGY")]


def test_each_other_makes_the_coordinated_subjects_act_on_each_other(shared_dicts):
    # "Armenia and Azerbaijan accused each other": any code, each subject against the other
    s = P("""
    1 Armenia Armenia PROPN 4 nsubj
    2 and and CCONJ 3 cc
    3 Azerbaijan Azerbaijan PROPN 1 conj
    4 accused accuse VERB 0 root
    5 each each DET 6 det
    6 other other ADJ 4 obj
    """)
    c = code_sentence(s, date(2010, 1, 1), shared_dicts)
    assert sorted((e.source.code, e.cameo_code[:2], e.target.code) for e in c.events) == [
        ("ARM", "11", "AZE"), ("AZE", "11", "ARM")]
    assert all(e.how.startswith("coordinated subject, each other") for e in c.events)


def test_the_pope(shared_dicts):
    s = P("""
    1 Pope Pope PROPN 2 compound
    2 Francis Francis PROPN 3 nsubj
    3 met meet VERB 0 root
    4 Iraq Iraq PROPN 6 nmod:poss
    5 's 's PART 4 case
    6 cleric cleric NOUN 3 obj
    """)
    assert triples(code_sentence(s, date(2021, 3, 6), shared_dicts)) == [("VATGOV", "040", "IRQREL")]


def test_name_with_a_possessive_ending_and_a_that_clause_parsed_as_advcl(shared_dicts):
    # "The rebel Kurdistan Workers' Party issued a declaration demanding that the Turkish government
    # provide information on ...": the party's name as the tokenizer splits it, "rebel" hung inside it,
    # the "that" clause repaired to the complement of "demanding", and "* ON" (press on: 190) not matched
    # by the "on" deep inside that clause
    s = P("""
    1 The the DET 4 det
    2 rebel rebel ADJ 4 amod
    3 Kurdistan Kurdistan PROPN 4 compound
    4 Workers worker PROPN 6 nmod:poss
    5 ' 's PART 4 case
    6 Party Party PROPN 7 nsubj
    7 issued issue VERB 0 root
    8 a a DET 9 det
    9 declaration declaration NOUN 7 obj
    10 demanding demand VERB 7 xcomp
    11 that that SCONJ 15 mark
    12 the the DET 14 det
    13 Turkish Turkish ADJ 14 amod
    14 government government NOUN 15 nsubj
    15 provide provide VERB 7 advcl
    16 information information NOUN 15 obj
    17 on on ADP 18 case
    18 safety safety NOUN 15 obl
    """)
    c = code_sentence(s, date(2000, 1, 1), shared_dicts, trace=True)
    assert ("TURREB", "100", "TURGOV") in triples(c)
    assert all(e.cameo_code[:2] != "19" for e in c.events)
    assert [m.text for m in c.trace.mentions][0] == "rebel Kurdistan Workers ' Party"


def test_conjunct_of_a_possessor_and_the_place_of_an_agreement(shared_dicts):
    # (a single signer: "Colombia signed a peace deal in Havana" makes no event with Cuba)
    one = P("""
    1 Colombia Colombia PROPN 2 nsubj
    2 signed sign VERB 0 root
    3 a a DET 5 det
    4 peace peace NOUN 5 compound
    5 deal deal NOUN 2 obj
    6 in in ADP 7 case
    7 Havana Havana PROPN 2 obl
    """)
    lone = code_sentence(one, date(2016, 1, 1), shared_dicts, trace=True)
    assert lone.events == () and "where it happened" in lone.trace.reason
    # "Colombia's government and FARC rebels signed a peace deal in Havana": rebels parsed as a conjunct of
    # the possessor Colombia; Havana is where the deal was signed, not a party to it
    s = P("""
    1 Colombia Colombia PROPN 3 nmod:poss
    2 's 's PART 1 case
    3 government government NOUN 7 nsubj
    4 and and CCONJ 6 cc
    5 FARC FARC PROPN 6 compound
    6 rebels rebel NOUN 1 conj
    7 signed sign VERB 0 root
    8 a a DET 10 det
    9 peace peace NOUN 10 compound
    10 deal deal NOUN 7 obj
    11 in in ADP 12 case
    12 Havana Havana PROPN 7 obl
    """)
    c = code_sentence(s, date(2016, 1, 1), shared_dicts, trace=True)
    sign = next(v for v in c.trace.verbs if v.lemma == "sign")
    assert sorted(m.code for m in sign.sources) == ["COLGOV", "COLREB"]
    # the two signed it with each other (one country, different codes), not with Cuba
    assert dyads(c) == [("COLGOV", "COLREB"), ("COLREB", "COLGOV")]


def test_thousands_of_x_as_two_subjects(shared_dicts):
    # "Thousands of Palestinians marched": "Palestinians" parsed as a second nsubj with its own "of"
    s = P("""
    1 Thousands thousand NOUN 4 nsubj
    2 of of ADP 3 case
    3 Palestinians Palestinian PROPN 4 nsubj
    4 protested protest VERB 0 root
    5 against against ADP 6 case
    6 Israel Israel PROPN 4 obl
    """)
    assert [(e.source.code, e.target.code) for e in code_sentence(s, DAY, shared_dicts).events] == [("PSE", "ISR")]


def test_agent_with_a_preposition_and_the_target_inside_the_patterns_object(shared_dicts):
    # "Britain recalled its ambassador to Iran": the agent AMBASSADOR TO is headed by "ambassador"; the
    # object is the pattern's own word ('* AMBASSADOR', 161) and the target is Iran inside its phrase
    s = P("""
    1 Britain Britain PROPN 2 nsubj
    2 recalled recall VERB 0 root
    3 its its PRON 4 nmod:poss
    4 ambassador ambassador NOUN 2 obj
    5 to to ADP 6 case
    6 Iran Iran PROPN 4 nmod
    """)
    c = code_sentence(s, DAY, shared_dicts)
    assert [(e.source.code, e.cameo_code, e.target.country) for e in c.events] == [("GBR", "161", "IRN")]


def test_a_possessive_pronoun_subject_acts_for_the_speaker(shared_dicts):
    # "The Israeli military said its aircraft struck a Hamas camp": "its" is the speaker, the aircraft act
    # for it; the reported strike is kept beside the statement (T1)
    s = P("""
    1 The the DET 3 det
    2 Israeli Israeli ADJ 3 amod
    3 military military NOUN 4 nsubj
    4 said say VERB 0 root
    5 its its PRON 6 nmod:poss
    6 aircraft aircraft NOUN 7 nsubj
    7 struck strike VERB 4 ccomp
    8 a a DET 10 det
    9 Hamas Hamas PROPN 10 compound
    10 camp camp NOUN 7 obj
    """)
    c = code_sentence(s, DAY, shared_dicts, trace=True)
    assert any(e.source.code == "ISRMIL" and e.cameo_code[:2] == "19" and e.target.code.startswith("PSE")
               for e in c.events)
    assert any("the subject of the verb it reports to" in n for n in c.trace.notes)


def test_a_place_inside_a_circumstance_is_no_party(shared_dicts):
    # "Sudan and Egypt reached an agreement after talks in Addis Ababa": each with the other, not Ethiopia
    s = P("""
    1 Sudan Sudan PROPN 4 nsubj
    2 and and CCONJ 3 cc
    3 Egypt Egypt PROPN 1 conj
    4 reached reach VERB 0 root
    5 an a DET 6 det
    6 agreement agreement NOUN 4 obj
    7 after after ADP 8 case
    8 talks talk NOUN 6 nmod
    9 in in ADP 11 case
    10 Addis Addis PROPN 11 compound
    11 Ababa Ababa PROPN 8 nmod
    """)
    c = code_sentence(s, date(2013, 1, 1), shared_dicts)
    assert dyads(c) == [("EGY", "SDN"), ("SDN", "EGY")]
    # the same phrase attached to the verb: no target from it
    s2 = P("""
    1 Sudan Sudan PROPN 2 nsubj
    2 protested protest VERB 0 root
    3 after after ADP 4 case
    4 talks talk NOUN 2 obl
    5 in in ADP 7 case
    6 Addis Addis PROPN 7 compound
    7 Ababa Ababa PROPN 4 nmod
    """)
    assert code_sentence(s2, date(2013, 1, 1), shared_dicts).events == ()


def test_an_object_pronoun_is_not_its_own_clauses_subject(shared_dicts):
    # "Saudi Arabia cut ties with Qatar, accusing it of supporting terrorism": "it" is Qatar
    s = P10([
        ("1", "Saudi", "Saudi", "PROPN", "NNP", "2", "compound"),
        ("2", "Arabia", "Arabia", "PROPN", "NNP", "3", "nsubj"),
        ("3", "cut", "cut", "VERB", "VBD", "0", "root"),
        ("4", "ties", "tie", "NOUN", "NNS", "3", "obj"),
        ("5", "with", "with", "ADP", "IN", "6", "case"),
        ("6", "Qatar", "Qatar", "PROPN", "NNP", "4", "nmod"),
        ("7", ",", ",", "PUNCT", ",", "8", "punct"),
        ("8", "accusing", "accuse", "VERB", "VBG", "3", "advcl"),
        ("9", "it", "it", "PRON", "PRP", "8", "obj"),
    ])
    c = code_sentence(s, date(2017, 6, 5), shared_dicts, trace=True)
    assert ("SAU", "QAT") in [(e.source.code, e.target.code) for e in c.events if e.verb_lemma == "accuse"]
    assert any("not its own clause's subject" in n for n in c.trace.notes)


def test_talks_through_mediators_are_between_the_subjects(shared_dicts):
    # "Israel and Syria held talks through Turkish mediators": the mediators are no target
    s = P("""
    1 Israel Israel PROPN 4 nsubj
    2 and and CCONJ 3 cc
    3 Syria Syria PROPN 1 conj
    4 held hold VERB 0 root
    5 talks talk NOUN 4 obj
    6 through through ADP 8 case
    7 Turkish Turkish ADJ 8 amod
    8 mediators mediator NOUN 4 obl
    """)
    c = code_sentence(s, DAY, shared_dicts)
    assert dyads(c) == [("ISR", "SYR"), ("SYR", "ISR")]


def test_kurds_take_the_place_of_their_protest(shared_dicts):
    # the Kurds have no state: the place of the protest gives them one
    s = P("""
    1 Kurds Kurd PROPN 2 nsubj
    2 demonstrated demonstrate VERB 0 root
    3 in in ADP 4 case
    4 Istanbul Istanbul PROPN 2 obl
    5 against against ADP 7 case
    6 the the DET 7 det
    7 government government NOUN 2 obl
    """)
    assert [(e.source.code, e.target.code) for e in code_sentence(s, DAY, shared_dicts).events] == [
        ("TURKUR", "TURGOV")]


def test_a_short_name_inside_a_personal_name_is_not_the_acronym(shared_dicts):
    # "Kim Jong Un met ...": "Un" is not the UN (parsed as the head of Kim and Jong)
    s = P("""
    1 Kim Kim PROPN 3 compound
    2 Jong Jong PROPN 3 compound
    3 Un Un PROPN 4 nsubj
    4 met meet VERB 0 root
    5 Moon Moon PROPN 4 obj
    """)
    c = code_sentence(s, date(2018, 4, 27), shared_dicts, trace=True)
    assert all(h.entry_id != "UN" for h in c.trace.hits)
    assert [h.entry_id for h in c.trace.hits] == ["KIM_JONG_UN"]
    # written in capitals it is the UN
    s2 = P("""
    1 The the DET 2 det
    2 UN UN PROPN 3 nsubj
    3 condemned condemn VERB 0 root
    4 Israel Israel PROPN 3 obj
    """)
    assert [e.source.code for e in code_sentence(s2, DAY, shared_dicts).events] == ["IGOUNO"]


def test_agents_placed_by_a_place_in_the_passive_subject(shared_dicts):
    # "Israel's embassy in Cairo was attacked by protesters": Egyptian protesters
    s = P("""
    1 Israel Israel PROPN 3 nmod:poss
    2 's 's PART 1 case
    3 embassy embassy NOUN 7 nsubj:pass
    4 in in ADP 5 case
    5 Cairo Cairo PROPN 3 nmod
    6 was be AUX 7 aux:pass
    7 attacked attack VERB 0 root
    8 by by ADP 9 case
    9 protesters protester NOUN 7 obl:agent
    """)
    c = code_sentence(s, DAY, shared_dicts)
    assert [(e.source.code, e.target.code) for e in c.events] == [("EGYOPP", "ISRGOV")]


def test_receiving_a_minister_and_conducting_drills(shared_dicts):
    for rows, code in (
        ("1 Egypt Egypt PROPN 2 nsubj\n2 received receive VERB 0 root\n3 Sudanese Sudanese ADJ 5 amod\n"
         "4 foreign foreign ADJ 5 amod\n5 minister minister NOUN 2 obj", "043"),
        ("1 China China PROPN 2 nsubj\n2 conducted conduct VERB 0 root\n3 drills drill NOUN 2 obj\n"
         "4 near near ADP 5 case\n5 Taiwan Taiwan PROPN 2 obl", "150"),
    ):
        c = code_sentence(P(rows), DAY, shared_dicts)
        assert [e.cameo_code for e in c.events][:1] == [code]


def test_militants_loyal_to_a_group_are_that_groups(shared_dicts):
    # "Militants loyal to the Islamic State group beheaded a Japanese journalist", parsed with "loyal" as an
    # adverbial clause holding the subject
    s = P("""
    1 Militants militant NOUN 2 nsubj
    2 loyal loyal ADJ 8 advcl
    3 to to ADP 7 case
    4 the the DET 7 det
    5 Islamic Islamic ADJ 7 amod
    6 State State PROPN 7 compound
    7 group group NOUN 2 obl
    8 beheaded behead VERB 0 root
    9 a a DET 11 det
    10 Japanese Japanese ADJ 11 amod
    11 journalist journalist NOUN 8 obj
    """)
    c = code_sentence(s, date(2015, 1, 30), shared_dicts)
    assert [(e.source.code[:3], e.target.code) for e in c.events] == [("IMG", "JPNMED")]


def test_two_titled_names_coordinated_then_a_relative_clause_verb(shared_dicts):
    # "German Chancellor Angela Merkel and French President Emmanuel Macron met in Berlin": the second name
    # hangs under a part of the first, the verb is an acl:relcl of the second
    s = P10([
        ("1", "German", "German", "PROPN", "NNP", "2", "nmod:desc"),
        ("2", "Chancellor", "Chancellor", "PROPN", "NNP", "0", "root"),
        ("3", "Angela", "Angela", "PROPN", "NNP", "2", "flat"),
        ("4", "Merkel", "Merkel", "PROPN", "NNP", "3", "flat"),
        ("5", "and", "and", "CCONJ", "CC", "6", "cc"),
        ("6", "French", "French", "PROPN", "NNP", "7", "compound"),
        ("7", "President", "President", "PROPN", "NNP", "4", "conj"),
        ("8", "Emmanuel", "Emmanuel", "PROPN", "NNP", "7", "flat"),
        ("9", "Macron", "Macron", "PROPN", "NNP", "8", "flat"),
        ("10", "met", "meet", "VERB", "VBD", "7", "acl:relcl"),
        ("11", "in", "in", "ADP", "IN", "12", "case"),
        ("12", "Berlin", "Berlin", "PROPN", "NNP", "10", "obl"),
    ])
    c = code_sentence(s, date(2019, 5, 30), shared_dicts)
    assert dyads(c) == [("DEUGOV", "FRAGOV"), ("FRAGOV", "DEUGOV")]


def test_a_statement_pattern_does_not_match_inside_the_reported_clause(shared_dicts):
    # "The army said Pakistani troops violated the ceasefire": SAY's '* &CEASEFIRE' (0871, declaring a
    # ceasefire) is not matched by the reported clause's words
    s = P("""
    1 The the DET 2 det
    2 army army NOUN 3 nsubj
    3 said say VERB 0 root
    4 Pakistani Pakistani ADJ 5 amod
    5 troops troop NOUN 6 nsubj
    6 violated violate VERB 3 ccomp
    7 the the DET 8 det
    8 ceasefire ceasefire NOUN 6 obj
    """)
    c = code_sentence(s, DAY, shared_dicts, trace=True)
    say = next(v for v in c.trace.verbs if v.lemma == "say")
    assert say.code == "010" and all(e.cameo_code != "0871" for e in c.events)


def test_calling_someone_a_terrorist_state_is_criticism(shared_dicts):
    s = P("""
    1 Erdogan Erdogan PROPN 2 nsubj
    2 called call VERB 0 root
    3 Israel Israel PROPN 2 obj
    4 a a DET 6 det
    5 terrorist terrorist ADJ 6 amod
    6 state state NOUN 2 obj
    """)
    assert triples(code_sentence(s, date(2019, 5, 30), shared_dicts)) == [("TURGOV", "111", "ISR")]


def test_a_forceful_action_agreed_to_is_no_threat(shared_dicts):
    # "Mexico agreed to deploy troops to its border under a deal with the United States": 030, not 138;
    # "under a deal with" is no place
    s = P("""
    1 Mexico Mexico PROPN 2 nsubj
    2 agreed agree VERB 0 root
    3 to to PART 4 mark
    4 deploy deploy VERB 2 xcomp
    5 troops troop NOUN 4 obj
    6 to to ADP 8 case
    7 its its PRON 8 nmod:poss
    8 border border NOUN 5 nmod
    9 under under ADP 11 case
    10 a a DET 11 det
    11 deal deal NOUN 4 obl
    12 with with ADP 15 case
    13 the the DET 15 det
    14 United United PROPN 15 compound
    15 States States PROPN 11 nmod
    """)
    c = code_sentence(s, date(2019, 6, 7), shared_dicts)
    assert [(e.source.code, e.cameo_code, e.target.code) for e in c.events] == [("MEX", "030", "USA")]
    # vowed to, it stays a threat
    s2 = P("""
    1 Mexico Mexico PROPN 2 nsubj
    2 vowed vow VERB 0 root
    3 to to PART 4 mark
    4 attack attack VERB 2 xcomp
    5 Guatemala Guatemala PROPN 4 obj
    """)
    assert [e.cameo_code[:2] for e in code_sentence(s2, DAY, shared_dicts).events] == ["13"]


def test_coordinated_adjectives_of_one_noun_parsed_as_two_subjects(shared_dicts):
    # "The Turkish and Greek sides have agreed ...": "Turkish" and "sides" both nsubj, "and" under Greek
    s = P("""
    1 The the DET 2 det
    2 Turkish Turkish PROPN 6 nsubj
    3 and and CCONJ 4 cc
    4 Greek Greek ADJ 5 amod
    5 sides side NOUN 6 nsubj
    6 agreed agree VERB 0 root
    7 to to PART 8 mark
    8 meet meet VERB 6 xcomp
    """)
    c = code_sentence(s, DAY, shared_dicts)
    assert dyads(c) == [("GRC", "TUR"), ("TUR", "GRC")]


def test_one_event_per_triple_and_the_object_pattern_wins_a_tie(shared_dicts):
    # "The Taliban attacked a base, killing soldiers of Afghanistan": one 190, not two
    s = P10([
        ("1", "Taliban", "Taliban", "PROPN", "NNP", "2", "nsubj"),
        ("2", "attacked", "attack", "VERB", "VBD", "0", "root"),
        ("3", "Afghanistan", "Afghanistan", "PROPN", "NNP", "4", "compound"),
        ("4", "soldiers", "soldier", "NOUN", "NNS", "2", "obj"),
        ("5", ",", ",", "PUNCT", ",", "6", "punct"),
        ("6", "killing", "kill", "VERB", "VBG", "2", "advcl"),
        ("7", "Afghan", "Afghan", "ADJ", "JJ", "8", "amod"),
        ("8", "soldiers", "soldier", "NOUN", "NNS", "6", "obj"),
    ])
    c = code_sentence(s, DAY, shared_dicts)
    assert [e.triple() for e in c.events] == [("AFGREB", "190", "AFGMIL")]
    # "Rwanda closed its border after clashes": '* BORDER' (191) on the object, not '* CLASHES' (0871)
    s2 = P("""
    1 Rwanda Rwanda PROPN 2 nsubj
    2 closed close VERB 0 root
    3 its its PRON 4 nmod:poss
    4 border border NOUN 2 obj
    5 with with ADP 6 case
    6 Burundi Burundi PROPN 4 nmod
    7 after after ADP 8 case
    8 clashes clash NOUN 2 obl
    """)
    assert [e.cameo_code for e in code_sentence(s2, DAY, shared_dicts).events] == ["191"]


def test_a_country_discussed_is_the_topic_and_a_reported_subject_parsed_as_iobj(shared_dicts):
    # "The Kremlin said Putin and Macron had discussed Ukraine": Putin parsed as an iobj of "said"; the
    # two discussed with each other, Ukraine is the topic
    s = P("""
    1 The the DET 2 det
    2 Kremlin Kremlin PROPN 3 nsubj
    3 said say VERB 0 root
    4 Putin Putin PROPN 3 iobj
    5 and and CCONJ 6 cc
    6 Macron Macron PROPN 4 conj
    7 had have AUX 8 aux
    8 discussed discuss VERB 3 ccomp
    9 Ukraine Ukraine PROPN 8 obj
    """)
    c = code_sentence(s, date(2019, 5, 30), shared_dicts)
    discuss = sorted((e.source.code, e.target.code) for e in c.events if e.verb_lemma == "discuss")
    assert discuss == [("FRAGOV", "RUSGOV"), ("RUSGOV", "FRAGOV")]


def test_a_sea_named_after_a_country_is_no_actor(shared_dicts):
    # "North Korea fired a missile into the Sea of Japan": no event against Japan
    s = P("""
    1 Korea Korea PROPN 2 nsubj
    2 fired fire VERB 0 root
    3 missile missile NOUN 2 obj
    4 into into ADP 7 case
    5 the the DET 7 det
    6 Sea Sea PROPN 7 compound
    7 of of ADP 8 case
    8 Japan Japan PROPN 2 obl
    """)
    c = code_sentence(s, DAY, shared_dicts, trace=True)
    assert [h.entry_id for h in c.trace.hits if "Japan" in h.text] == ["WATERS_NAMED_AFTER_COUNTRIES"]
    assert all(e.target.country != "JPN" for e in c.events)


def test_government_and_rebels_of_one_country_agree_with_each_other(shared_dicts):
    # "The Sudanese government and rebel groups agreed to a ceasefire in Darfur": each with the other
    s = P("""
    1 The the DET 3 det
    2 Sudanese Sudanese ADJ 3 amod
    3 government government NOUN 7 nsubj
    4 and and CCONJ 6 cc
    5 rebel rebel NOUN 6 compound
    6 groups group NOUN 3 conj
    7 agreed agree VERB 0 root
    8 to to ADP 10 case
    9 a a DET 10 det
    10 ceasefire ceasefire NOUN 7 obl
    11 in in ADP 12 case
    12 Darfur Darfur PROPN 10 nmod
    """)
    c = code_sentence(s, date(2019, 6, 7), shared_dicts)
    assert dyads(c) == [("SDNGOV", "SDNREB"), ("SDNREB", "SDNGOV")]


def test_an_apposition_parsed_as_a_conjunct_and_a_counterpart(shared_dicts):
    # "The president of Afghanistan, Ashraf Ghani, rejected the Taliban's demand": one source, not two
    s = P("""
    1 The the DET 2 det
    2 president president NOUN 9 nsubj
    3 of of ADP 4 case
    4 Afghanistan Afghanistan PROPN 2 nmod
    5 , , PUNCT 6 punct
    6 Ashraf Ashraf PROPN 4 conj
    7 Ghani Ghani PROPN 4 conj
    8 , , PUNCT 7 punct
    9 rejected reject VERB 0 root
    10 Taliban Taliban PROPN 11 compound
    11 demand demand NOUN 9 obj
    """)
    c = code_sentence(s, date(2019, 5, 30), shared_dicts)
    assert [e.source.code for e in c.events] == ["AFGGOV"]
    # "met his Iraqi counterpart": a government official
    s2 = P("""
    1 Iran Iran PROPN 2 nsubj
    2 met meet VERB 0 root
    3 his his PRON 5 nmod:poss
    4 Iraqi Iraqi ADJ 5 amod
    5 counterpart counterpart NOUN 2 obj
    """)
    assert [e.target.code for e in code_sentence(s2, date(2019, 5, 30), shared_dicts).events] == ["IRQGOV"]


def test_a_participle_with_an_agent_after_the_object_is_a_relative_clause():
    from eventcoder.coding.repair import repair

    rows = [("1", "Troops", "troops", "NOUN", "NNS", "2", "nsubj"),
            ("2", "freed", "free", "VERB", "VBD", "0", "root"),
            ("3", "schoolgirls", "schoolgirl", "NOUN", "NNS", "2", "obj"),
            ("4", "abducted", "abduct", "VERB", "VBN", "2", "xcomp"),
            ("5", "by", "by", "ADP", "IN", "6", "case"),
            ("6", "gunmen", "gunman", "NOUN", "NNS", "4", "obl"),
            ("7", ".", ".", "PUNCT", ".", "2", "punct")]
    fixed = repair(P10(rows)).words
    assert (fixed[3].head, fixed[3].deprel) == (3, "acl")
    # "found them abandoned": no agent, an object predicate stays an xcomp
    kept = repair(P10(rows[:4] + [("5", ".", ".", "PUNCT", ".", "2", "punct")])).words
    assert (kept[3].head, kept[3].deprel) == (2, "xcomp")


def test_a_pattern_made_mutual_codes_coordinated_subjects_on_each_other(shared_dicts):
    s = P10([("1", "Iran", "Iran", "PROPN", "NNP", "5", "nsubj"),
             ("2", "and", "and", "CCONJ", "CC", "4", "cc"),
             ("3", "the", "the", "DET", "DT", "4", "det"),
             ("4", "Ukraine", "Ukraine", "PROPN", "NNP", "1", "conj"),
             ("5", "exchanged", "exchange", "VERB", "VBD", "0", "root"),
             ("6", "prisoners", "prisoner", "NOUN", "NNS", "5", "obj"),
             ("7", ".", ".", "PUNCT", ".", "5", "punct")])
    assert triples(code_sentence(s, date(2019, 6, 1), shared_dicts)) == [("IRN", "0841", "UKR"),
                                                                          ("UKR", "0841", "IRN")]


def test_a_pattern_limited_to_another_verb_of_the_block_is_not_tried(shared_dicts):
    # "* PART" [030] of APPREHEND is written for TAKE (verbs: [TAKE]); SEIZE shares the block
    s = P("""
    1 Russia Russia PROPN 2 nsubj
    2 seized seize VERB 0 root
    3 part part NOUN 2 obj
    4 of of ADP 6 case
    5 the the DET 6 det
    6 Ukraine Ukraine PROPN 3 nmod
    """)
    c = code_sentence(s, DAY, shared_dicts, trace=True)
    assert triples(c) == [("RUS", "171", "UKR")]
    (verb,) = c.trace.verbs
    trial = next(t for t in verb.patterns if t.text == "* PART")
    assert not trial.matched and trial.why == "only for the verb TAKE, not SEIZE"
    took = P("""
    1 Russia Russia PROPN 2 nsubj
    2 took take VERB 0 root
    3 part part NOUN 2 obj
    4 in in ADP 6 case
    5 the the DET 6 det
    6 talks talk NOUN 2 obl
    7 with with ADP 8 case
    8 Ukraine Ukraine PROPN 6 nmod
    """)
    assert [t[1] for t in triples(code_sentence(took, DAY, shared_dicts))] == ["030"]


PLANS_TO_SEND = """
    1 Russia Russia PROPN 2 nsubj
    2 plans plan VERB 0 root
    3 to to PART 4 mark
    4 send send VERB 2 xcomp
    5 troops troops NOUN 4 obj
    6 to to ADP 7 case
    7 Syria Syria PROPN 4 obl
    """


def test_a_plan_gives_way_to_its_complement_only_as_an_intention(shared_dicts):
    s = P(PLANS_TO_SEND)
    assert triples(code_sentence(s, DAY, shared_dicts)) == [("RUS", "138", "SYR")]  # the intention (154 -> 138)
    # PETRARCH-2's convention codes no intentions: the plan stays 030, not a deployment that did not happen
    assert triples(code_sentence(s, DAY, shared_dicts, options=CodingOptions(intent=False))) == [("RUS", "030", "SYR")]
    decided = P(PLANS_TO_SEND.replace("plans plan", "decided decide"))
    assert triples(code_sentence(decided, DAY, shared_dicts, options=CodingOptions(intent=False))) \
        == [("RUS", "154", "SYR")]  # a decision is the action


def test_a_time_word_before_its_verb_keeps_its_noun():
    from eventcoder.coding.repair import repair

    # repair 30 is for a time word after its verb ("shot down 20 drones overnight"), not a subject
    s = P("""
    1 Russian Russian ADJ 2 amod
    2 drones drone NOUN 3 compound
    3 overnight overnight NOUN 4 nsubj
    4 struck strike VERB 0 root
    """)
    assert [(w.head, w.deprel) for w in repair(s).words] == [(2, "amod"), (3, "compound"), (4, "nsubj"), (0, "root")]
    after = P("""
    1 Ukraine Ukraine PROPN 2 nsubj
    2 downed down VERB 0 root
    3 20 20 NUM 6 nummod
    4 Russian Russian ADJ 6 amod
    5 drones drone NOUN 6 compound
    6 overnight overnight NOUN 2 obl:unmarked
    """)
    assert [(w.head, w.deprel) for w in repair(after).words][2:] == [
        (5, "nummod"), (5, "amod"), (2, "obj"), (2, "obl:tmod")]  # the number and adjective go with the noun


def test_a_by_phrase_last_on_the_adjective_of_a_passive_is_its_agent():
    from eventcoder.coding.repair import repair

    s = P("""
    1 He he PRON 3 nsubj:pass
    2 was be AUX 3 aux:pass
    3 found find VERB 0 root
    4 guilty guilty ADJ 3 xcomp
    5 of of ADP 6 case
    6 espionage espionage NOUN 4 obl
    7 by by ADP 9 case
    8 a a DET 9 det
    9 court court NOUN 4 obl
    """)
    court = repair(s).words[8]
    assert (court.head, court.deprel) == (3, "obl:agent")  # the last phrase, as before "right after" was added


def test_a_domestic_measure_of_a_bare_country_has_no_made_up_target(shared_dicts):
    s = P("""
    1 Thailand Thailand PROPN 2 nsubj
    2 declared declare VERB 0 root
    3 martial martial ADJ 4 amod
    4 law law NOUN 2 obj
    """)
    assert code_sentence(s, DAY, shared_dicts).events == ()  # THA 1724 THA would be the same actor
    loose = code_sentence(s, DAY, shared_dicts, options=CodingOptions(require_dyad=False))
    assert [(e.source.code, e.cameo_code, e.target.code) for e in loose.events] == [("THA", "1724", "---")]
