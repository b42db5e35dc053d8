"""Coder rules for news constructions, on real parses of the built-in model (seventh session)."""

from __future__ import annotations

from datetime import date

import pytest

from eventcoder.coding import code_document

DAY = date(2019, 6, 1)
SENTENCES = {
    "own_forces": "Somali forces killed 30 al-Shabaab militants in an operation in central Somalia, the "
                  "government said.",
    "rebels_accused": "Somali officials said al-Shabaab militants attacked a military base near Mogadishu.",
    "its_troops": "France will withdraw its troops from Niger by the end of the year, President Emmanuel Macron "
                  "said.",
    "condition": "Russia threatened to retaliate if NATO deploys troops in Ukraine.",
    "adjectives": "Indian and Chinese troops clashed along their disputed Himalayan border, leaving several "
                  "soldiers injured.",
    "pledge": "Japan pledged $500 million in aid to the Philippines.",
    "chain": "Chinese President Xi Jinping called on the United States to stop arming Taiwan.",
    "drills": "The Chinese navy held live-fire drills near Taiwan on Monday.",
    "mediate": "Egypt and Qatar are mediating talks between Israel and Hamas on a ceasefire in Gaza.",
    "hundreds": "Hundreds of Palestinians demonstrated in Ramallah on Friday against the Israeli blockade of Gaza.",
    "reduced_passive": "Yemen's Houthis released 15 Saudi prisoners in a swap brokered by the Red Cross.",
    "dateline": "KABUL (Reuters) - Taliban fighters attacked a police checkpoint in northern Afghanistan on "
                "Tuesday, killing five officers, a provincial official said.",
    "dateline_subject": "BEIJING - China on Monday lodged a formal protest with Japan over the release of "
                        "treated water.",
    "speaking_in": "Speaking in Brussels, NATO Secretary General Jens Stoltenberg urged allies to send more air "
                   "defence systems to Ukraine.",
    "gerund": "Pakistan's Foreign Office strongly condemned the Indian army's firing across the Line of Control.",
    "during": "Greece and Turkey pledged to improve relations during a visit by Turkish President Recep Tayyip "
              "Erdogan to Athens.",
    "execute": "Saudi Arabia executed a Yemeni man convicted of drug smuggling.",
    "hand_over": "Sweden handed over an Iranian prisoner to Tehran in exchange for two Swedish citizens.",
    "own_possessor": "King Abdullah reiterated Jordan's support for an independent Palestinian state.",
    "tens_of_thousands": "Tens of thousands of Armenians protested in Yerevan against the government's handling "
                         "of the conflict.",
    "ukrainians": "Ukrainians protested in Kyiv against the government.",
    "phone": "French President Emmanuel Macron spoke by phone with Iranian President Masoud Pezeshkian on Tuesday.",
    "deal": "Iran signed a deal with Russia to build nuclear plants.",
    "tariffs": "U.S. President Donald Trump imposed tariffs on Chinese goods worth $200 billion.",
    "neutralised": "The Turkish army neutralized five PKK terrorists in northern Iraq.",
    "niger_delta": "Nigerian troops attacked militants in the Niger Delta.",
    "saudi_led": "Saudi-led coalition warplanes struck Houthi positions in Yemen's capital Sanaa.",
    "backed": "Russian-backed separatists shelled Ukrainian government positions near Donetsk.",
    "reason": "Russia threatened to retaliate because NATO deploys troops in Ukraine.",
    "called_for": "Spain's prime minister called for dialogue with Morocco.",
    "speaker_took_part": "The Kremlin said Putin and Macron had discussed Ukraine by phone.",
    "mediated_truce": "Egypt mediated a truce between Israel and Islamic Jihad.",
    "brokered": "Saudi Arabia and Iran agreed to restore diplomatic ties in a deal brokered by China.",
    "own_opposition": "Cuba released 53 political prisoners as part of a deal with the United States.",
    "on_a_visit": "Indian Prime Minister Narendra Modi arrived in Tokyo on Monday on a three-day visit to Japan.",
    "spokesman_for": "A spokesman for the Iranian government criticized Saudi Arabia.",
    "hamas_spokesman": "A Hamas spokesman said the group rejected the Israeli proposal.",
    "state_department": "A State Department spokeswoman condemned the attack on the Saudi oil facility.",
    "joint_drills": "Russian and Chinese warships held joint naval exercises in the East China Sea.",
    "slammed": "China slammed the United States over its arms sales to Taiwan.",
    "ceasefire_violated": "The Indian army said Pakistani troops violated the ceasefire along the Line of Control.",
    "began_drills": "South Korea and the United States began joint military drills on Monday.",
    "staged_drills": "China staged military drills near Taiwan.",
    "demanded_lift": "Iran demanded that the United States lift sanctions.",
    "demand_noun": "The United Nations reiterated its demand that Israel ease restrictions on Palestinian workers.",
    "talks_in_vienna": "Iran and world powers resumed nuclear talks in Vienna on Monday.",
    "delivered_missiles": "The United States delivered Patriot missiles to Poland.",
    "attack_by": "Five Egyptian soldiers were killed in an attack by militants in the Sinai Peninsula on Saturday.",
    "pkk_attack": "Three Turkish soldiers were wounded in a PKK attack in northern Iraq.",
    "signed_by": "The agreement was signed by the foreign ministers of Armenia and Azerbaijan.",
    "when_shelled": "At least 20 people were killed when Russian forces shelled a residential building in Kyiv.",
    "serbs_rallied": "Tens of thousands of Serbs rallied in Belgrade against the government.",
    "apposition": "Jordan's King Abdullah, a close U.S. ally, warned Israel against annexing the West Bank.",
    "telephoned": "French President Emmanuel Macron telephoned Iranian President Hassan Rouhani on Saturday.",
    "g7": "The G7 leaders condemned Russia.",
    "refused_withdraw": "Russia refused to withdraw its troops from Ukraine.",
    "western": "Turkey threatened to expel 10 Western ambassadors.",
    "filed_protest": "The Philippines filed a diplomatic protest against China.",
    "the_group": "The Israeli military said it struck Hezbollah targets in southern Lebanon overnight. The group "
                 "responded by firing rockets at northern Israel.",
    "the_country": "Iran test-fired a new missile on Monday. The country has repeatedly threatened Israel.",
    "pro_russian": "Pro-Russian separatists attacked Ukrainian troops near Donetsk.",
    "past_passive": "Anti-government protesters in Amman demonstrated outside the US embassy.",
    "accused_of": "Sudan's army accused the Rapid Support Forces of attacking civilians in Darfur.",
    "agreed_sanctions": "The European Union agreed a new package of sanctions against Russia.",
    "pro_democracy": "Pro-democracy activists in Hong Kong called on Britain to intervene.",
    "comma_apposition": "Sheikh Mohammed bin Abdulrahman Al Thani, Qatar's prime minister, said Israel and Hamas "
                        "were close to a deal.",
    "the_island": "Taiwan reported 20 Chinese military aircraft near the island. The island's defence ministry "
                  "accused Beijing of provocation.",
    "denied_that": "Russia denied that its troops had attacked Ukrainian positions near Donetsk.",
    "denied_gerund": "Iran denied supplying weapons to the Houthi rebels in Yemen.",
    "interfered": "The Chinese foreign ministry denied that Beijing had interfered in Australia's domestic politics.",
    "korean_names": "Kim Jong Un invited South Korean President Moon Jae-in to visit Pyongyang.",
    "leader_kim": "South Korean President Moon Jae-in met North Korean leader Kim Jong Un at Panmunjom.",
    "ltte": "The LTTE rejected the government's offer of talks.",
    "urged_release": "Germany's Chancellor Angela Merkel urged Russia to release the Ukrainian sailors.",
    "called_lift": "The United Nations called on Israel to lift its blockade of Gaza.",
    "urged_talks": "Egypt urged Ethiopia to resume negotiations over the dam.",
    "demanded_lift_bare": "Iran demanded the United States lift sanctions.",
    "rallied_against": "Thousands of Israelis rallied in Tel Aviv against Prime Minister Benjamin Netanyahu.",
    "fired_by": "The Saudi-led coalition said it intercepted a ballistic missile fired by Yemen's Houthi rebels.",
    "military_council": "Sudanese protesters rejected the military council's offer to form a joint transitional "
                        "body.",
    "which_backs": "Russia, which backs Assad, blocked a U.N. resolution on humanitarian aid to Syria.",
    "house_arrest": "Sudan's Prime Minister Abdalla Hamdok was placed under house arrest by the military.",
    "swap_at_home": "The Afghan government and the Taliban exchanged prisoners for the first time.",
    "mbz": "Israeli Prime Minister Naftali Bennett met Crown Prince Mohammed bin Zayed in Abu Dhabi.",
    "speaking_at": "Speaking at a news conference in Moscow, Lavrov said Russia would respond to any NATO "
                   "expansion.",
    "told_journalists": "Pompeo told journalists in Riyadh that Iran was behind the attack.",
    "goal_conjunct": "NATO will deploy four battalions to the Baltic states and Poland, Secretary General Jens "
                     "Stoltenberg said.",
    "stoltenberg": "Jens Stoltenberg criticized Russia.",
    "carried_out": "Israel carried out airstrikes on Hezbollah targets in southern Lebanon.",
    "called_violation": "Ukraine's foreign minister called Russia's annexation of Crimea a violation of "
                        "international law.",
    "arms_exports": "Germany suspended arms exports to Saudi Arabia after the killing of Jamal Khashoggi.",
    "congo": "Rwanda accused Congo of supporting Hutu rebels.",
    "accused_of_failing": "Erdogan accused the European Union of failing to keep its promises on migrants.",
    "topic": "In a phone call, Putin and Erdogan discussed tensions over Syria.",
    "between_own": "Indian Prime Minister Narendra Modi agreed to resume dialogue between India and Pakistan.",
    "lifting": "Russia called for the lifting of sanctions against Iran.",
    "could": "Iran could retaliate against Israel, a senior official warned.",
    "expected_to": "Chinese President Xi Jinping is expected to visit Pakistan next month.",
    "in_firing": "An Indian soldier was killed in Pakistani firing along the Line of Control.",
    "shot_dead_by": "A Palestinian was shot dead by Israeli forces during a raid in the West Bank.",
    "designated": "The United States designated the Houthis as a terrorist organization.",
    "possessor_of_own": "The leader of Lebanon's Hezbollah movement threatened Israel with war.",
    "irgc_chief": "The chief of Iran's Revolutionary Guards warned the United States against any attack.",
    "own_side_target": "Japan and the Philippines signed a defence pact allowing Japanese troops to train in the "
                       "Philippines.",
    "proper_noun_adjectives": "Ethiopian and Sudanese troops clashed along the disputed border.",
    "adjectives_apart": "Greek and Turkish foreign ministers met in Athens to discuss maritime disputes.",
    "failed_to_agree": "Serbia and Kosovo failed to agree on license plates.",
    "seized_part": "Russian troops seized part of the Ukrainian town of Bakhmut.",
    "took_part": "Syrian troops took part in the offensive against ISIS.",
    "detained_ahead": "Ugandan authorities detained opposition leader Bobi Wine ahead of the elections.",
    "took_place": "The talks between Russia and Ukraine took place in Istanbul.",
    "took_to_court": "The Philippines took China to court over the South China Sea.",
    # eleventh session
    "as_clause_on_object": "Turkey lifted a curfew in Diyarbakir province, the scene of clashes last month, as "
                           "police in Istanbul cracked down on Kurdish activists.",
    "as_clause_on_object_2": "Jordan eased restrictions in the Jordan Valley on Monday, the site of protests last "
                             "week, as authorities in Syria cracked down on Palestinian refugees.",
    "latin_american": "Venezuela expelled diplomats from seven Latin American countries that questioned the "
                      "election result.",
    "no_conjunction": "Hamas rejected the latest Israeli ceasefire proposal, a senior official told Reuters.",
    "pact_allowing": "Japan and the Philippines signed a defence pact allowing troops to be deployed on each "
                     "other's soil.",
    "drone_attack": "Russia launched a massive missile and drone attack on Ukraine's energy infrastructure "
                    "overnight.",
    "met_to_discuss": "Iran's foreign minister met his Saudi counterpart in Riyadh to discuss the war in Gaza.",
    "between_and_in": "African Union mediators brokered talks between Ethiopia and Tigrayan forces in Pretoria.",
    "called_on_to": "Lebanon's caretaker prime minister called on the international community to pressure Israel "
                    "to stop its attacks.",
    "called_on_france": "Lebanon called on France to pressure Israel to stop its attacks.",
    "impeached_deputy": "The Kenyan parliament impeached Deputy President Rigathi Gachagua on Tuesday.",
    "vowed_retaliation": "Iran's supreme leader vowed harsh retaliation against Israel after the killing of Hamas "
                         "leader Ismail Haniyeh in Tehran.",
    "met_unknown_in": "Argentina's President Javier Milei met Elon Musk in Texas.",
    "accused_of_plotting": "Croatian President Franjo Tudjman accused Serbia of plotting to seize Croatian "
                           "territory.",
    "place_in_place": "Hutu militiamen massacred hundreds of Tutsi civilians in a church in Rwanda.",
    "protested_to": "Japan protested to China over its nuclear test.",
    "pulled_out": "Syrian troops pulled out of Beirut's southern suburbs, witnesses said.",
    "lifted_embargo": "The European Union lifted its arms embargo on South Africa.",
    "beat_outside": "Haitian soldiers beat protesters outside the national palace.",
    "rallied_to_protest": "Tens of thousands of Pakistanis rallied in Lahore to protest U.S. drone strikes.",
    "sent_warplanes": "The Chinese military sent 30 warplanes into Taiwan's air defence zone on Monday.",
    "arrested_in_raids": "Israeli forces arrested 20 Palestinians in overnight raids across the West Bank.",
    "south_ossetia": "Georgian forces launched an attack on the breakaway region of South Ossetia.",
    "karabakh": "Turkey sent troops to Nagorno-Karabakh.",
    "warm_welcome": "The Emir of Qatar gave a warm welcome to the Iranian president in Doha.",
    "wto": "The head of the WTO criticized the United States over its tariffs.",
    "g20": "The G20 urged Russia to end the war.",
    "settlers_accused": "Britain imposed sanctions on Israeli settlers accused of violence against Palestinians.",
    "students_demonstrated": "Thousands of students demonstrated in Jakarta demanding the resignation of the "
                             "president.",
    "hundreds_called": "Hundreds of opposition supporters called for the resignation of the president in Kenya.",
    "dozens_defected": "Dozens of Venezuelan soldiers defected to Colombia on Saturday.",
    "opposed_to": "Iraqi Sunni fundamentalists opposed to the US presence in Iraq have begun joining the insurgency.",
    # review of the eleventh session's rules: what they must leave alone
    "insurgent_ambush": "An insurgent ambush killed five Afghan soldiers.",
    "rebel_offensive": "Government troops repelled a rebel offensive in Darfur.",
    "talks_in": "Putin held talks in Beijing on Tuesday.",
    "official_told": "Hamas rejected the latest ceasefire proposal, a senior Egyptian official told Reuters.",
    "decided_to": "Iraq decided to expel the U.S. ambassador.",
    "voted_to": "The Israeli cabinet voted to impose sanctions on the Palestinian Authority.",
    "plans_to": "Russia plans to deploy more troops to the Belarusian border.",
    "seeks_to": "Iran seeks to expand trade ties with China.",
    "jets": "Israeli jets struck Hamas positions overnight.",
    "air_defences": "Ukrainian air defences destroyed 30 Russian drones on Tuesday.",
    "overnight": "Ukrainian forces shot down 20 Russian drones overnight.",
    "shot_dead_during": "A Palestinian man was shot dead by Israeli troops during a raid in Nablus, according to "
                        "the Palestinian health ministry.",
    "pakistani_taliban": "The Pakistani Taliban claimed responsibility for the suicide bombing in Peshawar.",
    "tigrayan_rebels": "Ethiopia's government signed a peace deal with Tigrayan rebels in Pretoria.",
    "martial_law": "The Ethiopian government declared martial law on Tuesday night.",
    "prepared_martial_law": "Iraq's interim government announced that it is prepared to impose martial law.",
    "missiles_dnipro": "At least 12 people were killed when Russian missiles hit an apartment building in Dnipro.",
    "swedish_embassy": "Protesters stormed the Swedish embassy in Baghdad and set it on fire.",
    "suspended_funding": "The World Bank suspended funding to Uganda over its anti-gay law.",
    "imf_loans": "The IMF suspended loans to Sri Lanka.",
}


def code_texts(parser, dicts, texts: dict[str, str], day: date) -> dict[str, list[str]]:
    """Each text parsed by the built-in model and coded on ``day``: its events as sorted triples."""
    docs = parser.parse_many(list(texts.items()))
    return {key: sorted(" ".join(e.triple()) for c in code_document(sentences, day, dicts) for e in c.events)
            for key, sentences in zip(texts, docs, strict=True)}


@pytest.fixture(scope="module")
def coded(builtin_parser, shared_dicts):
    return code_texts(builtin_parser, shared_dicts, SENTENCES, DAY)


def test_a_state_reporting_its_own_forces_action_is_not_accusing_them(coded):
    assert coded["own_forces"] == ["SOMMIL 190 SOMREBUAF"]
    # the statement about another side's attack is still an accusation
    assert any(t.startswith("SOMGOV 112 SOMREB") for t in coded["rebels_accused"]), coded["rebels_accused"]


def test_a_possessive_pronoun_owns_the_agent_not_a_from_phrase(coded):
    assert coded["its_troops"] == ["FRA 0356 NER"]


def test_a_condition_is_not_an_event(coded):
    assert not any(" 154 " in t or t.startswith("IGOWSTNAT") for t in coded["condition"]), coded["condition"]
    assert any(t.startswith("RUS 138") for t in coded["condition"])
    # the same clause as a reason is a reported fact
    assert "IGOWSTNAT 154 UKR" in coded["reason"], coded["reason"]


def test_two_country_adjectives_on_one_noun_with_and_between(coded):
    # parsed with both adjectives as amod of "troops" and "and" on the noun (not as conjuncts)
    assert coded["adjectives"] == ["CHNMIL 190 INDMIL", "INDMIL 190 CHNMIL"]


def test_aid_pledged_is_the_intention_to_provide_aid(coded):
    assert coded["pledge"] == ["JPN 033 PHL"]


def test_a_chain_of_uncoded_complements_belongs_to_the_verb_that_coded(coded):
    assert coded["chain"] == ["CHNGOV 020 USA"]


def test_drills_held_and_talks_mediated(coded):
    assert coded["drills"] == ["CHNMIL 150 TWN"]  # not "* FIRE" (hold fire, 0871) in "live-fire"
    assert coded["mediate"] == ["EGY 045 ISR", "EGY 045 PSEREBHMS", "QAT 045 ISR", "QAT 045 PSEREBHMS"]


def test_an_of_phrase_after_a_quantity_noun_is_the_actor(coded):
    # "Palestinians" parsed as an obl of the verb, "Hundreds" its subject
    assert coded["hundreds"] == ["PSE 141 ISR"]


def test_a_participle_with_a_by_phrase_is_a_reduced_passive(coded):
    # "brokered" an acl of "prisoners": the Red Cross acts, not the Saudis
    assert coded["reduced_passive"] == ["NGOHLHIRC 045 SAU", "YEMREB 0841 SAU"]


def test_a_wire_dateline_is_no_argument(coded):
    assert coded["dateline"] == ["AFGREBUAF 190 AFGCOP"]  # not Reuters (MED) as the source
    assert coded["dateline_subject"] == ["CHN 140 JPN"]


def test_the_dateline_pattern():
    from eventcoder.coding.repair_parts import WIRE_DATELINE

    for text in ("KABUL (Reuters) - X", "MOSCOW, March 3 (Reuters) - X", "BEIJING - X", "TEHRAN (FNA)- X",
                 "WASHINGTON, D.C. -- X", "GAZA CITY, Gaza Strip — X"):
        assert WIRE_DATELINE.match(text), text
    for text in ("Iran - Russia ties", "NATO said - X", "The U.S. - X", "US-China talks resumed"):
        assert not WIRE_DATELINE.match(text), text


def test_a_statement_is_not_made_to_the_place_where_it_is_made(coded):
    assert coded["speaking_in"] == ["IGOWSTNAT 020 UKR"]  # no IGOWSTNAT 010 BEL


def test_a_gerund_with_a_possessive_subject_is_the_object(coded):
    assert coded["gerund"] == ["PAKGOV 111 INDMIL"]


def test_a_during_phrase_names_no_party(coded):
    assert coded["during"] == ["GRC 032 TUR", "TUR 032 GRC"]  # each with the other, not with the visitor


def test_execute_is_killing(coded):
    assert coded["execute"] == ["SAU 1823 YEMPPL"]


def test_hand_over_a_prisoner_is_a_release(coded):
    assert coded["hand_over"] == ["SWE 0841 IRN"]


def test_the_sources_own_country_as_the_objects_possessor_gives_way(coded):
    assert coded["own_possessor"] == ["JORGOV 051 PSE"]


def test_a_quantity_noun_modified_by_the_verb_and_demonym_plurals_of_former_soviet_states(coded):
    assert coded["tens_of_thousands"] == ["ARM 140 ARMGOV"]  # "protested" an acl of "thousands"
    assert coded["ukrainians"] == ["UKR 140 UKRGOV"]  # Phoenix: UKRAINIAN_ (no plural), codes USRUKR then UKR


def test_a_phone_call_and_a_deal_signed(coded):
    assert coded["phone"] == ["FRAGOV 041 IRNGOV", "IRNGOV 041 FRAGOV"]
    assert coded["deal"] == ["IRN 057 RUS", "RUS 057 IRN"]


def test_tariffs_imposed_and_militants_neutralized(coded):
    assert coded["tariffs"] == ["USAGOV 163 CHN"]
    assert coded["neutralised"] == ["TURMIL 190 TURREBUAF"]


def test_the_anc_and_former_country_names(builtin_parser, shared_dicts):
    texts = {"anc": "South African President F.W. de Klerk called on the ANC to renounce violence.",
             "zaire": "Zairean troops attacked Rwandan rebels near the border."}
    got = code_texts(builtin_parser, shared_dicts, texts, date(1990, 6, 1))
    assert got["anc"] == ["ZAFGOV 020 ZAFREB"]  # before the 1994 elections, a liberation movement
    assert any(t.startswith("CODMIL ") for t in got["zaire"]), got["zaire"]


def test_a_place_named_after_another_country(coded):
    assert coded["niger_delta"] == ["NGAMIL 190 NGAUAF"]  # not Niger's militants


def test_a_name_the_tokenizer_kept_with_a_compounds_hyphen(coded):
    # tokenized "Saudi-" + "led": the name still codes
    assert [t for t in coded["saudi_led"] if t.startswith("SAU")], coded["saudi_led"]


def test_a_backer_is_not_the_owner(coded):
    assert coded["backed"] == ["UKRREB 190 UKRGOV"]  # not RUSREB


def test_a_root_participle_without_auxiliary_is_active(coded):
    # "called" tagged VBN with its subject nsubj:pass, as in a headline ("Minister called ...")
    assert coded["called_for"] == ["ESPGOV 026 MAR"]
    # a past tense (VBD) with a passive subject and no auxiliary: "protesters ... demonstrated"
    assert coded["past_passive"] == ["JOROPP 141 USAGOV"]


def test_a_speaker_reporting_its_own_part_makes_no_statement(coded):
    assert coded["speaker_took_part"] == ["FRAGOV 041 RUSGOV", "RUSGOV 041 FRAGOV"]  # no RUSGOV 010 FRAGOV


def test_mediating_is_mediation_and_islamic_jihad_is_palestinian_today(coded, builtin_parser, shared_dicts):
    assert coded["mediated_truce"] == ["EGY 045 ISR", "EGY 045 PSEREB"]
    doc = builtin_parser.parse_many([("old", "Islamic Jihad kidnapped two French diplomats in Beirut.")])[0]
    got = [" ".join(e.triple()) for c in code_document(doc, date(1986, 6, 1), shared_dicts) for e in c.events]
    assert got and all(t.startswith("LBNREB ") for t in got), got  # Lebanon's group in the 1980s


def test_the_broker_of_a_deal_inside_the_object_is_no_party(coded):
    assert coded["brokered"] == ["IRN 032 SAU", "SAU 032 IRN"]  # not SAU 032 CHN


def test_a_states_opposition_is_its_own_in_a_sentence_of_two_states(coded):
    assert coded["own_opposition"] == ["CUB 0841 CUBOPP"]


def test_arriving_on_a_visit_is_a_visit(coded):
    assert coded["on_a_visit"] == ["INDGOV 042 JPN", "JPN 043 INDGOV"]


def test_a_spokesman_has_the_code_of_the_body_he_speaks_for(coded):
    assert coded["spokesman_for"] == ["IRNGOV 111 SAU"]  # not IRNMED (Phoenix's SPOKESMAN was MED)
    # "the group" is Hamas (references.py), so the statement reports Hamas's own rejection (T5)
    assert coded["hamas_spokesman"] == ["PSEREBHMS 120 ISR"]
    assert coded["state_department"] == ["USAGOV 112 SAU"]


def test_two_country_adjectives_share_the_noun_and_a_mutual_code_codes_both_ways(coded):
    # "Russian" parsed as a proper noun with "warships" its conjunct; the exercises' "naval" is no target
    assert coded["joint_drills"] == ["CHNMIL 062 RUSMIL", "RUSMIL 062 CHNMIL"]


def test_slamming_a_country_is_criticism(coded):
    assert coded["slammed"] == ["CHN 111 USA"]


def test_a_reported_use_of_force_of_any_kind_is_an_accusation(coded):
    # T3, a (b . ATTACK) SAY = a b 112: "violated the ceasefire" (196) is an attack like "attacked" (190)
    assert coded["ceasefire_violated"] == ["INDMIL 112 PAKMIL"]


def test_drills_begun_or_staged_are_a_show_of_force(coded):
    assert coded["began_drills"] == ["KOR 062 USA", "USA 062 KOR"]
    assert coded["staged_drills"] == ["CHN 150 TWN"]


def test_an_action_demanded_is_no_event_and_names_the_demand(coded):
    assert coded["demanded_lift"] == ["IRN 1054 USA"]  # the demand to ease sanctions, not 1312 nor Iran's 085
    assert coded["demand_noun"] == ["IGOUNO 100 ISR"]  # not ISR 080 PSELAB: Israel has not eased anything


def test_the_place_of_talks_between_coordinated_parties_is_no_party(coded):
    assert coded["talks_in_vienna"] == []  # not IRN 046 AUT: "world powers" is no known actor


def test_weapons_delivered_are_military_aid(coded):
    assert coded["delivered_missiles"] == ["USA 072 POL"]


def test_the_agent_of_an_attack_phrase_is_the_passive_verbs_source(coded):
    assert coded["attack_by"] == ["EGYUAF 190 EGYMIL"]  # militants placed in the Sinai (Egypt)
    assert coded["pkk_attack"] == ["TURREB 190 TURMIL"]


def test_coordinated_by_agents_act_on_each_other(coded):
    assert coded["signed_by"] == ["ARMGOV 057 AZEGOV", "AZEGOV 057 ARMGOV"]


def test_a_second_subject_before_a_subjectless_clause_is_its_subject(coded):
    # "forces" parsed as a second subject of "killed"
    assert coded["when_shelled"] == ["RUSMIL 190 UKR"]


def test_a_quantity_phrase_heading_the_sentence_is_the_subject_of_its_participle(coded):
    # "rallied" tagged VBN and parsed as a relative clause of "thousands" (repair 15)
    assert coded["serbs_rallied"] == ["SRB 141 SRBGOV"]


def test_an_indefinite_apposition_is_no_second_party(coded):
    assert coded["apposition"] == ["JORGOV 130 ISR"]  # not USA 130 ISR from "a close U.S. ally"


def test_a_time_phrase_is_no_prepositional_pattern(coded):
    # "on Saturday" does not make CALL's "* (ON)" (020, "called on"): a phone call, 041 both ways
    assert coded["telephoned"] == ["FRAGOV 041 IRNGOV", "IRNGOV 041 FRAGOV"]
    assert coded["g7"] == ["IGOGOS 111 RUS"]


def test_a_refusal_of_an_action_is_its_rejection_between_its_parties(coded):
    assert coded["refused_withdraw"] == ["RUS 1246 UKR"]  # the negation of 0874 withdraw, aimed at Ukraine


def test_western_agents_are_not_the_sentences_country(coded):
    assert coded["western"] == []  # not TUR 132 TURGOV: the ambassadors are foreign, of no named country


def test_a_protest_filed_is_a_complaint(coded):
    assert coded["filed_protest"] == ["PHL 110 CHN"]


def test_the_group_refers_to_the_armed_group_named_before(coded):
    assert "LBNREB 194 ISR" in coded["the_group"], coded["the_group"]


def test_the_country_refers_to_the_country_named_before(coded):
    assert coded["the_country"] == ["IRN 130 ISR"]
    assert coded["the_island"] == ["TWNGOV 112 CHN"]


def test_an_apposition_between_subject_and_verb_names_the_speaker(coded):
    # "Qatar's prime minister" parsed under "close" and "Israel" as the indirect object of "said"
    assert coded["comma_apposition"] == ["QATGOV 010 ISR", "QATGOV 010 PSEREBHMS"]


def test_an_actor_after_pro_is_whom_a_group_sides_with(coded):
    assert coded["pro_russian"] == ["UKRREB 190 UKRMIL"]  # not RUSREB: Ukraine's separatists
    # "pro-" before an agent changes nothing; "to intervene" (INTERVENE's 070, aid) makes the appeal 023
    assert coded["pro_democracy"] == ["HKGOPP 023 GBR"]


def test_what_an_actor_is_accused_of_is_no_event(coded):
    # on 2019-06-01 the RSF are still SDNMIL (the army's own): the accusation is then of itself, no event;
    # what matters is that the alleged attack on civilians is not coded as a fact
    assert not any(" 190 " in t for t in coded["accused_of"]), coded["accused_of"]
    # "of" parsed on a word of the gerund's clause ("keep"): the failure (120) is no fact either
    assert coded["accused_of_failing"] == ["TURGOV 112 IGOEUREEC"]


def test_sanctions_agreed_are_imposed(coded):
    assert coded["agreed_sanctions"] == ["IGOEUREEC 163 RUS"]


def test_leaders_of_the_2020s_are_known_by_name(builtin_parser, shared_dicts):
    texts = {"blinken": "Blinken met Wang Yi in Beijing on Monday.",
             "tokayev": "Tokayev thanked Putin for his support."}
    got = code_texts(builtin_parser, shared_dicts, texts, date(2024, 9, 1))
    assert got["blinken"] == ["USAGOV 040 CHNGOV"]
    assert got["tokayev"] == ["KAZGOV 051 RUSGOV"]


def test_what_an_actor_denies_is_a_denial_not_a_fact(coded):
    # not the attack (190) nor a statement about it (112): CAMEO's deny responsibility, on the action's target
    assert coded["denied_that"] == ["RUS 016 UKR"]
    assert coded["denied_gerund"] == ["IRN 016 YEMREB"]  # not the arms supply (072)
    assert coded["interfered"] == []  # interference is no aid (INTERVENE's 070): nothing to deny in CAMEO


def test_korean_names_written_with_a_hyphen(coded):
    # "Moon Jae-in" (tokenized "Jae - in") is the dictionaries' MOON JAE IN; the name part the parser hung on
    # "Kim Jong" across the verb is its object (repair 12)
    assert coded["korean_names"] == ["PRKGOV 040 KORGOV"]
    # the person says more than the country adjective before the title
    assert coded["leader_kim"] == ["KORGOV 040 PRKGOV"]


def test_an_armed_groups_acronym_names_it(coded):
    assert coded["ltte"] == ["LKAREB 127 LKAGOV"]


def test_an_appeal_or_demand_for_an_action_that_codes_is_its_twin(coded):
    assert coded["urged_release"] == ["DEUGOV 0253 RUS"]  # appeal for release of persons
    assert coded["called_lift"] == ["IGOUNO 0256 ISR"]  # a blockade lifted (0872): de-escalation
    assert coded["urged_talks"] == ["EGY 026 ETH"]  # appeal to meet or negotiate
    # DEMAND's "* SANCTIONS" (1312, sanctions demanded) matched only inside the demanded action: 1054
    assert coded["demanded_lift_bare"] == ["IRN 1054 USA"]


def test_an_against_phrase_hung_on_a_place_belongs_to_the_verb(coded):
    assert coded["rallied_against"] == ["ISR 141 ISRGOV"]  # not "same actor" (ISR in Tel Aviv)


def test_a_participles_own_agent_is_not_its_target(coded):
    # "a missile fired by Yemen's Houthi rebels": the missile is fired, not Yemen (YEMREB 190 YEM before)
    assert not any(" 19" in t for t in coded["fired_by"]), coded["fired_by"]


def test_a_ruling_military_council_is_the_government(coded):
    assert coded["military_council"] == ["SDNOPP 127 SDNGOV"]


def test_a_verb_after_a_relative_clause_is_the_main_verb(coded):
    # parsed with Russia as the root and "blocked" a conjunct of "backs" (repair 28)
    assert coded["which_backs"] == ["RUS 170 IGOUNO"]


def test_a_by_phrase_on_the_last_phrase_of_a_passive_is_its_agent(coded):
    # "under house arrest by the military" (repair 29), and "placed under house arrest" is an arrest (173)
    assert coded["house_arrest"] == ["SDNMIL 173 SDNGOV"]


def test_a_mutual_code_between_a_government_and_its_rebels(coded):
    assert coded["swap_at_home"] == ["AFGGOV 0841 AFGREB", "AFGREB 0841 AFGGOV"]


def test_crown_prince_mohammed_is_no_name_of_one_prince(coded):
    # "Crown Prince Mohammed" was a name of MBS and hid "Mohammed bin Zayed"
    assert coded["mbz"] == ["ISRGOV 040 AREGOV"]


def test_a_statement_has_no_place_and_no_press_for_addressee(coded):
    # Moscow, in the opening participle clause (parsed as a complement of "said"), is no addressee; Russia
    # is the speaker's own state
    assert coded["speaking_at"] == []
    # the journalists told are the audience (SAUMED through "in Riyadh" before); the clause names the target
    assert coded["told_journalists"] == ["USAGOV 010 IRN"]


def test_a_goal_that_is_a_conjunct_of_a_phrase_of_no_actor(coded):
    # "to the Baltic states and Poland" (hung on the battalions): Poland; "will deploy" is a threat (138)
    assert coded["goal_conjunct"] == ["IGOWSTNAT 138 POL"]


def test_nato_secretary_general_2014_2024(coded):
    assert coded["stoltenberg"] == ["IGOWSTNAT 111 RUS"]


def test_what_news_says_is_carried_out_and_called(coded):
    assert coded["carried_out"] == ["ISR 195 LBNREB"]  # "airstrikes" in one word: no event before
    assert coded["called_violation"] == ["UKRGOV 111 RUS"]  # not CALL's phone call (041:041)
    assert coded["arms_exports"] == ["DEU 1622 SAU"]


def test_congo_alone_is_the_drc_since_1997(coded):
    # on 2019-06-01; "Republic of Congo" and "Congo-Brazzaville" stay COG
    assert coded["congo"] == ["RWA 112 COD"]


def test_what_coordinated_subjects_meet_about_is_no_party(coded):
    assert coded["topic"] == ["RUSGOV 040 TURGOV", "TURGOV 040 RUSGOV"]  # not with Syria


def test_among_several_targets_not_the_sources_own_country(coded):
    assert coded["between_own"] == ["INDGOV 036 PAK"]  # not INDGOV 036 IND


def test_a_call_for_lifting_sanctions_is_an_appeal_to_ease_them(coded):
    assert coded["lifting"] == ["RUS 0254 IRN"]  # not CALL's "* (FOR SANCTIONS)" 1312


def test_a_possible_or_expected_action_is_announced_not_done(coded):
    assert coded["could"] == ["IRN 1384 ISR"]  # a threat, not an attack (190)
    assert coded["expected_to"] == ["CHNGOV 036 PAK"]  # the intention to meet, not a visit


def test_the_agent_of_a_killing_in_firing_or_by_a_phrase_of_the_adjective(coded):
    assert coded["in_firing"] == ["PAK 190 INDMIL"]  # "in Pakistani firing" as "in a PKK attack"
    assert coded["shot_dead_by"] == ["ISRMIL 190 PSE"]  # "by Israeli forces" parsed under "dead" (repair 29)


def test_a_group_designated_a_terrorist_organisation_is_blacklisted(coded):
    assert coded["designated"] == ["USA 160 YEMREB"]  # NAME's base code is ---: no event before


def test_a_country_possessor_of_its_own_actor_adds_nothing(coded):
    # the phrase's first actor was the possessor, LBN and IRN
    assert coded["possessor_of_own"] == ["LBNREB 130 ISR"]
    assert coded["irgc_chief"] == ["IRNMIL 130 USA"]


def test_a_target_of_a_coordinated_subjects_own_country_is_no_third_party(coded):
    # the pact's clause names Japanese troops (JPNMIL): JPN 062 JPNMIL and PHL 062 JPNMIL before
    assert coded["own_side_target"] == ["JPN 062 PHL", "PHL 062 JPN"]


def test_coordinated_country_adjectives_parsed_as_proper_nouns_share_the_noun(coded):
    # "Sudanese" a proper noun compound; "foreign" between "Turkish" and the noun (repair 21)
    assert coded["proper_noun_adjectives"] == ["ETHMIL 190 SDNMIL", "SDNMIL 190 ETHMIL"]
    assert coded["adjectives_apart"] == ["GRCGOV 040 TURGOV", "TURGOV 040 GRCGOV"]


def test_what_someone_failed_to_do_did_not_happen(coded):
    assert coded["failed_to_agree"] == []  # was SRB 050 KSV and back


def test_an_idiom_of_one_verb_is_not_a_pattern_of_its_synonyms(coded):
    # TAKE's "* PART" (030) is in a block with SEIZE, HOLD's "* ELECTIONS" (0341) in one with DETAIN
    assert coded["seized_part"] == ["RUSMIL 192 UKR"]  # was RUSMIL 030 UKR
    assert coded["took_part"] == ["SYRMIL 030 IMGMUSISI"]
    assert coded["detained_ahead"] == ["UGAGOV 173 UGAOPP"]  # was UGAGOV 0341 UGAOPP
    assert coded["took_place"] == []  # was RUS 171 TUR and UKR 171 TUR
    assert coded["took_to_court"] == ["PHL 115 CHN"]


def test_a_plan_or_decision_is_coded_as_what_is_planned_or_decided(coded):
    # PLAN, SEEK, DECIDE and VOTE have CAMEO's unspecified 030: each coded 030 before
    assert coded["decided_to"] == ["IRQ 174 USAGOV"]  # a decision is the action
    assert coded["voted_to"] == ["ISRGOV 163 PSEGOV"]
    assert coded["plans_to"] == ["RUS 138 BLR"]  # a plan is the intention (deploying troops: 154 -> 138)
    assert coded["seeks_to"] == ["IRN 031 CHN"]  # what is sought too (trade: 061 -> 031)


def test_jets_drones_and_air_defences_are_the_military(coded):
    assert coded["jets"] == ["ISRMIL 193 PSEREBHMS"]  # was ISR 193 PSEREBHMS
    assert coded["air_defences"] == ["UKRMIL 190 RUSMIL"]  # British spelling of AIR DEFENSE; was UKR 190 RUS


def test_a_noun_parsed_as_a_compound_of_overnight_is_the_object(coded):
    assert coded["overnight"] == ["UKRMIL 190 RUSMIL"]  # repair 30; no target before


def test_a_by_agent_right_after_the_adjective_of_a_passive(coded):
    assert coded["shot_dead_during"] == ["ISRMIL 190 PSEPPL"]  # repair 29: "during a raid" after it


def test_armed_groups_of_the_2020s(coded):
    assert coded["pakistani_taliban"] == ["PAKREB 015 PAK"]  # was AFGREB (Afghanistan's Taliban)
    assert coded["tigrayan_rebels"] == ["ETHGOV 057 ETHREB", "ETHREB 057 ETHGOV"]  # was ZAFREB (placed in Pretoria)


def test_a_domestic_measure_with_no_target_is_on_the_states_own_country(coded):
    assert coded["martial_law"] == ["ETHGOV 1724 ETH"]  # no target before
    assert coded["prepared_martial_law"] == ["IRQGOV 132 IRQ"]  # announced: the threat, as PLOVER's gold


def test_a_place_hit_does_not_act_back_and_towns_of_recent_wars_are_known(coded):
    # Dnipro was unknown (no target); HIT's "&WEAPON *" is the mutual 193:193, but a place does not fire back
    assert coded["missiles_dnipro"] == ["RUS 193 UKR"]


def test_a_demonym_phoenix_lacks(coded):
    assert coded["swedish_embassy"] == ["IRQOPP 190 SWEGOV"]  # "Swedish" unknown: the embassy was Baghdad's, IRQGOV


def test_funding_and_loans_suspended_are_economic_aid_stopped(coded):
    assert coded["suspended_funding"] == ["IGOUNODEVWBK 1621 UGA"]  # SUSPEND's base code is ---: none before
    # repair 31: "The IMF" parsed as a determiner and compound of "loans", across the verb
    assert coded["imf_loans"] == ["IGOBUSIMF 1621 LKA"]


def test_a_clause_opened_by_a_conjunction_on_the_object_is_not_the_objects_phrase(coded):
    # the parser hangs "as police ... cracked down on X" on the object: X is not what was lifted or eased
    assert coded["as_clause_on_object"] == ["TURCOP 170 TURKUROPP"]  # was also TUR 0813 TURKUROPP
    assert coded["as_clause_on_object_2"] == []  # was JOR 080 PSEREF


def test_world_regions_are_actors(coded):
    assert coded["latin_american"] == ["VEN 161 LAMGOV"]  # "American" alone was USAGOV


def test_a_coordination_without_a_conjunction_is_no_list(coded):
    # "proposal, a senior official" (parsed as conj) gave a second target ISRGOV
    assert coded["no_conjunction"] == ["PSEREBHMS 120 ISR"]


def test_material_cooperation_of_coordinated_subjects_with_an_unknown_target_is_reciprocal(coded):
    assert coded["pact_allowing"] == ["JPN 062 PHL", "PHL 062 JPN"]  # the troops (---MIL) blocked it


def test_a_weapon_modifying_an_attack_is_no_target(coded):
    assert coded["drone_attack"] == ["RUS 194 UKR"]  # "drone attack" was an unknown ---MIL target


def test_a_purpose_clauses_object_is_not_the_main_verbs_pattern_word(coded):
    # MEET's '* &FIGHT' (:110) matched "war" inside "to discuss the war": SAUGOV 110 IRNGOV
    assert coded["met_to_discuss"] == ["IRNGOV 040 SAUGOV"]


def test_a_conjunct_with_its_own_preposition_is_another_phrase(coded):
    # "between Ethiopia and Tigrayan forces in Pretoria": Pretoria was parsed as a third conjunct
    assert coded["between_and_in"] == ["IGOAFRAFU 045 ETH", "IGOAFRAFU 045 ETHREB"]


def test_the_one_appealed_to_does_what_the_purpose_clause_says(coded):
    # "called on the international community to pressure Israel": the community (unknown) pressures, not
    # Lebanon (LBNGOV 170 ISR before)
    assert coded["called_on_to"] == []
    assert coded["called_on_france"] == ["LBN 020 FRA"]  # the appeal itself


def test_impeachment_and_a_deputys_rank(coded):
    # IMPEACH was in no block; "Deputy President" was ---COPGOV (Phoenix's DEPUTY is a sheriff's deputy)
    assert coded["impeached_deputy"] == ["KENLEG 173 KENGOV"]


def test_vowed_retaliation_is_a_threat_of_force(coded):
    assert coded["vowed_retaliation"] == ["IRNGOV 138 ISR"]  # VOW had only "* REVENGE"


def test_where_someone_of_no_known_actor_was_met_is_no_party(coded):
    assert coded["met_unknown_in"] == []  # was ARGGOV 040 USA (Texas)


def test_what_a_gerund_of_an_accusation_plans_is_alleged_too(coded):
    assert coded["accused_of_plotting"] == ["HRVGOV 112 SRB"]  # "to seize" was HRVGOV 171 HRV


def test_the_place_of_the_event_may_be_named_inside_a_place_phrase(coded):
    # "in a church in Rwanda": the militiamen and civilians are Rwanda's (no event before)
    assert coded["place_in_place"] == ["RWAUAF 202 RWACVL"]


def test_a_protest_made_to_a_state_is_an_official_complaint(coded):
    assert coded["protested_to"] == ["JPN 114 CHN"]  # was 140, a demonstration


def test_forces_that_pull_out_retreat(coded):
    assert coded["pulled_out"] == ["SYRMIL 0874 LBN"]  # was 040, GO_SOMEWHERE's base code


def test_an_embargo_lifted_eases_sanctions(coded):
    assert coded["lifted_embargo"] == ["IGOEUREEC 085 ZAF"]  # LIFT had no "* EMBARGO": no event


def test_a_pattern_limited_by_an_extension_with_its_id(coded):
    # DESTROY's "* OUTSIDE" (141) is now DESTROY's only: beating protesters outside is no demonstration
    assert coded["beat_outside"] == ["HTIMIL 190 HTIOPP"]


def test_people_who_rally_demonstrate(coded):
    # repair 15 for a sentence headed by a number ("Tens") with its verb parsed as a relative clause; RALLY's
    # own code is 141 (was 150, a show of military force, and no source)
    assert coded["rallied_to_protest"] == ["PAK 141 USAMIL"]


def test_imported_patterns_recoded_or_limited_by_id(coded):
    assert coded["sent_warplanes"] == ["CHNMIL 154 TWNMIL"]  # SEND:47 '* &AIRCRAFT' was 166 (expel)
    assert coded["arrested_in_raids"] == ["ISRMIL 173 PSE"]  # APPREHEND:35 '* (IN RAID)' 1711 is SEIZE's only


def test_breakaway_regions_phoenix_lacks_are_their_countrys(coded):
    assert coded["south_ossetia"] == ["GEOMIL 190 GEO"]  # South Ossetia unknown: no target before
    assert coded["karabakh"] == ["TUR 154 AZE"]  # was TUR 154 TURMIL (the troops themselves)


def test_the_new_rules_leave_parties_and_places_alone(coded):
    # an armed group before an attack noun is its author (only a weapon is dropped: "a drone attack")
    assert coded["insurgent_ambush"] == ["AFGREB 190 AFGMIL"]
    assert coded["rebel_offensive"] == ["SDNMIL 190 SDNREB"]
    # talks held somewhere with no one named: the place stays the target (only "met Elon Musk in Texas" drops it)
    assert coded["talks_in"] == ["RUSGOV 046 CHN"]
    # a conjunct that heads a clause of its own is no apposition of the object
    assert "PSEREBHMS 120 EGYGOV" not in coded["official_told"], coded["official_told"]


def test_a_welcome_given_is_a_visit_hosted(coded):
    assert sorted(coded["warm_welcome"]) == ["IRNGOV 042 QATGOV", "QATGOV 043 IRNGOV"]  # GIVE was 060 with no pattern


def test_international_bodies_by_their_usual_names(coded):
    assert coded["g20"] == ["IGOGOS 0256 RUS"]  # G20 was no actor
    assert coded["wto"] == ["IGOBUSWTO 111 USA"]  # WTO was no actor


def test_a_participle_on_a_phrase_is_done_to_its_noun(coded):
    # repair 32: "settlers" was the subject of "accused"; the settlers then accused the Palestinians
    # (ISRCVL 1123 PSE) and the sanctions had no target
    assert coded["settlers_accused"] == ["GBR 163 ISRCVL"]
    # a participle on the sentence's root noun is its verb (the review of repair 32)
    assert coded["hundreds_called"] == ["KENOPP 0241 KENGOV"]
    assert coded["dozens_defected"] == ["VENMIL 120 COL"]
    # an adjectival participle's noun is the one who opposes (repair 13's participles)
    assert coded["opposed_to"] == ["IRQMUS 110 USA"]
    # a participle of an act done keeps its noun as the one who did it
    assert any(t.startswith("IDNEDU 14") for t in coded["students_demonstrated"]), coded["students_demonstrated"]
