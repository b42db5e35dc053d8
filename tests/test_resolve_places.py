"""Event places from hand-built UD v2 parses and the shipped gazetteer."""

from __future__ import annotations

import time

import pytest

from eventcoder.resolve.gazetteer import Gazetteer, Place, load_gazetteer, rank_matches
from eventcoder.resolve.places import ArticlePlaces, find_dateline, find_mentions, resolve_place
from tests.test_resolve_helpers import sent


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer()


# "Speaking in Paris , the minister met Ivanov in Moscow ."
PARIS_MOSCOW = sent("""
Speaking VERB 6 advcl
in ADP 3 case
Paris PROPN 1 obl
, PUNCT 6 punct
the DET 5 det
minister NOUN 6 nsubj
met VERB 0 root
Ivanov PROPN 6 obj
in ADP 10 case
Moscow PROPN 6 obl
. PUNCT 6 punct
""".replace("Speaking VERB 6", "Speaking VERB 7").replace("minister NOUN 6", "minister NOUN 7")
    .replace("met VERB 0", "met VERB 0").replace("Ivanov PROPN 6", "Ivanov PROPN 7")
    .replace("Moscow PROPN 6", "Moscow PROPN 7").replace(", PUNCT 6", ", PUNCT 7").replace(". PUNCT 6", ". PUNCT 7"))

# "He stressed cooperation between Tehran and Moscow ."
METONYMS = sent("""
He PRON 2 nsubj
stressed VERB 0 root
cooperation NOUN 2 obj
between ADP 5 case
Tehran PROPN 3 nmod
and CCONJ 7 cc
Moscow PROPN 5 conj
. PUNCT 2 punct
""")

# "He pointed to the conditions in Iraq and Lebanon ."
NOUN_LOCATIVE = sent("""
He PRON 2 nsubj
pointed VERB 0 root
to ADP 5 case
the DET 5 det
conditions NOUN 2 obl
in ADP 7 case
Iraq PROPN 5 nmod
and CCONJ 9 cc
Lebanon PROPN 7 conj
. PUNCT 2 punct
""", index=1, offset=100)


def _clashes_in(name: str, *, index: int = 0) -> object:
    """ "Clashes erupted in <name> ." (a one-word name)."""
    return sent(f"Clashes NOUN 2 nsubj\nerupted VERB 0 root\nin ADP 4 case\n{name} PROPN 2 obl\n. PUNCT 2 punct",
                index=index)


def test_gazetteer_loads_fast_and_finds_names(gaz):
    start = time.perf_counter()
    again = load_gazetteer()
    assert time.perf_counter() - start < 1.0  # ~0.1 s on an idle core; generous for a busy CI machine
    assert len(again) == len(gaz) > 30_000
    (usa,) = [m.place for m in gaz.lookup("U.S.")]
    assert (usa.country, usa.kind) == ("USA", "country")
    assert {m.place.geonameid for m in gaz.lookup("São Paulo")} == {m.place.geonameid for m in gaz.lookup("Sao Paulo")}
    assert rank_matches(gaz.lookup("Kiev"))[0].place.name == "Kyiv"  # a city before an admin1 region
    assert rank_matches(gaz.lookup("Georgia"))[0].place.kind == "country"
    assert rank_matches(gaz.lookup("Georgia"), ["USA"])[0].place.admin1 == "Georgia"
    with pytest.raises(AttributeError):
        gaz.max_words = 1  # type: ignore[misc]


def test_verb_attached_place_wins_over_a_sentence_place(gaz):
    article = ArticlePlaces.from_document([PARIS_MOSCOW], gaz)
    met = resolve_place(PARIS_MOSCOW, 7, article, ["RUS"])
    assert met is not None
    assert (met.name, met.country, met.source, met.precision, met.text) == ("Moscow", "RUS", "verb", "city", "Moscow")
    speaking = resolve_place(PARIS_MOSCOW, 1, article, ["FRA"])
    assert speaking is not None and (speaking.name, speaking.source) == ("Paris", "verb")
    # A verb with no locative of its own takes the nearest clause-level locative of its sentence.
    minister = resolve_place(PARIS_MOSCOW, 6, article, [])
    assert minister is not None and minister.source == "sentence"


def test_metonyms_and_noun_locatives_fall_back_to_the_dateline(gaz):
    first = sent("TEHRAN PROPN 0 root\n( PUNCT 3 punct\nFNA PROPN 1 appos\n) PUNCT 3 punct\n- PUNCT 1 punct")
    first = type(first)("d", 0, "A00150997.jpgTEHRAN (Fars News Agency)- He spoke.", 0, 50, first.words)
    article = ArticlePlaces.from_document([first, METONYMS, NOUN_LOCATIVE], gaz)
    assert article.dateline is not None and article.dateline.place.name == "Tehran"
    assert [m.locative for m in find_mentions(METONYMS, gaz)] == [False, False]
    assert [(m.locative, m.predicate) for m in find_mentions(NOUN_LOCATIVE, gaz)] == [(True, None), (True, None)]
    for s, verb in ((METONYMS, 2), (NOUN_LOCATIVE, 2)):
        place = resolve_place(s, verb, article, ["IRN", "RUS"])
        assert place is not None
        assert (place.name, place.source, place.text, place.precision) == ("Tehran", "dateline", "TEHRAN", "city")


def test_most_mentioned_place_is_the_last_resort(gaz):
    s1 = _clashes_in("Kandahar")
    s2 = sent("Iran PROPN 2 nsubj\ncondemned VERB 0 root\nthem PRON 2 obj\n. PUNCT 2 punct", index=1)
    article = ArticlePlaces.from_document([s1, s2, METONYMS], gaz, title="Clashes in Kandahar")
    assert article.dateline is None
    place = resolve_place(s2, 2, article, ["IRN"])
    assert place is not None
    assert (place.text, place.country, place.source, place.precision) == ("Kandahar", "AFG", "article", "city")
    assert place.name == "Kandahār"  # the gazetteer's (GeoNames') spelling
    assert resolve_place(s2, 2, ArticlePlaces.from_document([s2], gaz), []) is not None  # Iran, the only mention
    assert resolve_place(s2, 2, ArticlePlaces.from_document([], gaz), []) is None


def test_ambiguous_names_by_actor_country_and_population(gaz):
    tripoli = _clashes_in("Tripoli")
    article = ArticlePlaces.from_document([tripoli], gaz)
    assert resolve_place(tripoli, 2, article, ["LBN"]).country == "LBN"  # type: ignore[union-attr]
    assert resolve_place(tripoli, 2, article, []).country == "LBY"  # type: ignore[union-attr]  # the larger
    paris = _clashes_in("Paris")
    # A US actor does not move Paris to Texas: Paris, France is over 20 times as populous.
    assert resolve_place(paris, 2, ArticlePlaces.from_document([paris], gaz), ["USA"]).country == "FRA"  # type: ignore[union-attr]
    springfield = _clashes_in("Springfield")
    place = resolve_place(springfield, 2, ArticlePlaces.from_document([springfield], gaz), ["USA"])
    assert place is not None and place.admin1 == "Missouri"  # the most populous Springfield
    texas = sent("Clashes NOUN 2 nsubj\nerupted VERB 0 root\nin ADP 4 case\nParis PROPN 2 obl\n, PUNCT 6 punct\n"
                 "Texas PROPN 4 appos\n. PUNCT 2 punct")
    place = resolve_place(texas, 2, ArticlePlaces.from_document([texas], gaz), [])
    assert place is not None and (place.name, place.admin1) == ("Paris", "Texas")


def test_country_mentions_have_country_precision(gaz):
    s = _clashes_in("Iran")
    place = resolve_place(s, 2, ArticlePlaces.from_document([s], gaz), [])
    assert place is not None
    assert (place.name, place.country, place.precision, place.geonameid) == ("Iran", "IRN", "country", 130758)
    assert 25 < place.lat < 40 and 44 < place.lon < 63


def test_names_inside_longer_proper_names_are_not_places(gaz):
    s = sent("Ali PROPN 3 nsubj\nLarijani PROPN 1 flat\nspoke VERB 0 root\nat ADP 6 case\nTehran PROPN 6 compound\n"
             "University PROPN 3 obl")
    assert find_mentions(s, gaz) == ()


def test_datelines(gaz):
    cases = {
        "A00150997.jpgTEHRAN (Fars News Agency)- Supreme Leader": ("Tehran", "IRN"),
        "BAGHDAD (Reuters) - Gunmen killed": ("Baghdad", "IRQ"),
        "TRIPOLI, Lebanon (AP) — Clashes": ("Tripoli", "LBN"),
        "Photo: AFP KABUL, Afghanistan (AP) - A bomb": ("Kabul", "AFG"),
        "Tehran, Jan 29, IRNA -- Iran said": ("Tehran", "IRN"),
    }
    for text, (name, country) in cases.items():
        d = find_dateline(text, gaz)
        assert d is not None and (d.place.name, d.place.country) == (name, country), text
    assert find_dateline("The president said in TEHRAN - no dateline", gaz) is None
    assert find_dateline("UNITED NATIONS (AP) - The council", gaz) is None


def test_small_hand_built_gazetteer():
    g = Gazetteer.from_places([(Place(1, "Alpha", "city", "AAA", None, 1.0, 2.0, 10), ["Alfa"]),
                               (Place(2, "Alfa", "city", "BBB", None, 3.0, 4.0, 5), [])])
    assert [m.main for m in g.lookup("alfa")] == [True, False]
    assert rank_matches(g.lookup("Alfa"))[0].place.geonameid == 2  # a main name beats an alternate one


def test_locatives_through_conjunctions_and_place_nouns(gaz):
    # "Bombs exploded in Kabul and Kandahar ." / "Troops entered the northern city of Basra ." (entered ... in)
    conj = sent("Bombs NOUN 2 nsubj\nexploded VERB 0 root\nin ADP 4 case\nKabul PROPN 2 obl\nand CCONJ 6 cc\n"
                "Kandahar PROPN 4 conj\n. PUNCT 2 punct")
    assert [(m.text, m.locative, m.predicate) for m in find_mentions(conj, gaz)] == [
        ("Kabul", True, 2), ("Kandahar", True, 2)]
    city_of = sent("Troops NOUN 2 nsubj\nfought VERB 0 root\nin ADP 6 case\nthe DET 6 det\nnorthern ADJ 6 amod\n"
                   "city NOUN 2 obl\nof ADP 8 case\nBasra PROPN 6 nmod\n. PUNCT 2 punct")
    place = resolve_place(city_of, 2, ArticlePlaces.from_document([city_of], gaz), ["IRQ"])
    assert place is not None and (place.country, place.source, place.text) == ("IRQ", "verb", "Basra")


def test_person_names_do_not_make_an_article_place(gaz):
    ali = sent("Ali PROPN 2 nsubj\nsaid VERB 0 root\nno INTJ 2 obj")  # "Ali" is also a small town in India
    assert [m.text for m in find_mentions(ali, gaz)] == ["Ali"]
    assert ArticlePlaces.from_document([ali], gaz).main_place is None


def test_cameo_actor_codes_count_as_their_country(gaz):
    tripoli = _clashes_in("Tripoli")
    place = resolve_place(tripoli, 2, ArticlePlaces.from_document([tripoli], gaz), ["LBNGOV", "IGOUNO"])
    assert place is not None and place.country == "LBN"


def test_shipped_gazetteer_is_attributed(gaz):
    from eventcoder.resolve.gazetteer import shipped_gazetteer_path

    folder = shipped_gazetteer_path().parent
    assert "GeoNames" in gaz.source and "CC BY 4.0" in gaz.source
    assert "CC BY 4.0" in (folder / "ATTRIBUTION.md").read_text(encoding="utf-8")
    assert shipped_gazetteer_path().stat().st_size < 4_000_000


def test_a_noun_level_locative_is_used_only_without_a_dateline(gaz):
    # "Police arrested five men in Baghdad ." with "in Baghdad" attached to "men", as parsers often do.
    s = sent("Police NOUN 2 nsubj\narrested VERB 0 root\nfive NUM 4 nummod\nmen NOUN 2 obj\nin ADP 6 case\n"
             "Baghdad PROPN 4 nmod\n. PUNCT 2 punct", index=1, offset=30)
    place = resolve_place(s, 2, ArticlePlaces.from_document([s], gaz), [])
    assert place is not None and (place.name, place.source) == ("Baghdad", "sentence")
    dateline = sent("WASHINGTON PROPN 0 root\n( PUNCT 3 punct\nAP PROPN 1 appos\n) PUNCT 3 punct\n- PUNCT 1 punct")
    dateline = type(dateline)("d", 0, "WASHINGTON (AP) - Officials said.", 0, 29, dateline.words)
    place = resolve_place(s, 2, ArticlePlaces.from_document([dateline, s], gaz), [])
    assert place is not None and (place.name, place.country, place.source) == ("Washington", "USA", "dateline")


def test_a_name_run_stops_at_dates_and_lowercase_words(gaz):
    # Taggers mark "Sunday" and even "yesterday" PROPN: "in Tehran Sunday" is still Tehran.
    s = sent("Crowds NOUN 2 nsubj\ngathered VERB 0 root\nin ADP 4 case\nTehran PROPN 2 obl\nSunday PROPN 2 obl\n"
             "yesterday PROPN 2 advmod")
    assert [m.text for m in find_mentions(s, gaz)] == ["Tehran"]
