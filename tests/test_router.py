"""Routing table: which door for which question, following the seeds' rules."""
import pytest

from bot.routing.router import INTENT_LEEFGEBIED, Router, leefgebieden_in


@pytest.fixture(scope="module")
def apeldoorn(catalogue):
    return Router(catalogue, "apeldoorn")


@pytest.fixture(scope="module")
def almelo(catalogue):
    return Router(catalogue, "almelo")


@pytest.mark.parametrize(
    "intent,text,expected,rule",
    [
        # a named service wins
        ("org_wat", "wat doet centenkwesties", "centenkwesties", None),
        # a broad question goes to the front door, as one place
        ("dont_know_where", "ik weet niet waar ik moet beginnen", "samen055", "voordeur-breed"),
        # several life areas at once go to the front door too
        ("vraag_geld", "ik heb schulden, mijn puber spijbelt en ik ben al maanden depressief", "samen055", "voordeur-breed"),
        # clear questions go to the specific free door
        ("vraag_mantelzorg", "ik ben overbelast als mantelzorger", "stedelijk-knooppunt-mantelzorg", None),
        ("vraag_geld", "ik wil gratis advies over geld zonder afspraak", "centenkwesties", None),
        ("vraag_opvoeden", "ik heb een opvoedvraag", "cjg", None),
        ("vraag_discriminatie", "ik word gediscrimineerd", "artikel-1-discriminatie", None),
        # no specific words: the gemeente's standard door for the leefgebied
        ("vraag_geld", "", "centenkwesties", "standaard"),
        ("vraag_mantelzorg", "", "stedelijk-knooppunt-mantelzorg", "standaard"),
        ("vraag_taal", "", "taalhuis", "standaard"),
    ],
)
def test_apeldoorn_routing(apeldoorn, intent, text, expected, rule):
    advice = apeldoorn.advise(intent, text)
    assert advice.dienst.id == expected
    if rule:
        assert advice.rule == rule
    assert advice.reason  # every recommendation carries its reason


def test_homeless_young_adult_goes_to_outreach(apeldoorn):
    advice = apeldoorn.advise("vraag_wonen", "ik ben 20 en heb geen slaapplek meer, ik ben dakloos", leeftijd=20)
    assert advice.dienst.id == "outreachend-team"


def test_age_filter_excludes_services_for_other_ages(apeldoorn):
    advice = apeldoorn.advise("vraag_wonen", "ik ben dakloos en zoek opvang", leeftijd=45)
    assert advice.dienst.id != "outreachend-team"


def test_safety_services_are_not_routine_answers(apeldoorn):
    advice = apeldoorn.advise("vraag_psychisch", "ik voel me somber")
    assert advice.dienst.laag.value != "noodhulp"


def test_almelo_uses_its_own_doors(almelo):
    assert almelo.advise("dont_know_where", "").dienst.id == "klantcontactcentrum"
    assert almelo.advise("vraag_werk", "").dienst.id == "werkplein"
    # household help is maatwerk: either the Wmo-loket, or the service itself whose card says
    # how to apply (never a vangnet door without its way in)
    door = almelo.advise("vraag_zorg", "ik heb hulp nodig in het huishouden").dienst
    assert door.id in {"wmo-loket", "hulp-bij-het-huishouden"}
    if door.laag.value == "vangnet":
        assert door.toegang_uitleg and "Klantcontactcentrum" in door.toegang_uitleg


def test_every_leefgebied_intent_routes_somewhere_in_every_gemeente(catalogue):
    for gemeente in catalogue.local_gemeenten():
        router = Router(catalogue, gemeente)
        for intent in INTENT_LEEFGEBIED:
            advice = router.advise(intent, "")
            assert catalogue.service(gemeente, advice.dienst.id) is not None


def test_leefgebieden_detection(catalogue):
    areas = leefgebieden_in("ik heb schulden en mijn puber spijbelt steeds", catalogue)
    assert {"financien", "opvoeden"} <= set(areas)
    # general words ("moeder", "hulp") point at no area on their own
    assert leefgebieden_in("mijn moeder heeft hulp nodig", catalogue, core_only=True) == {}


def test_dont_know_where_with_one_clear_area_routes_to_that_area(apeldoorn):
    advice = apeldoorn.advise("dont_know_where", "ik weet niet waar ik heen moet met mijn schulden")
    assert advice.dienst.id != "samen055" and "financien" in advice.dienst.leefgebieden


def test_age_from_text():
    from bot.dialogue.context import age_from_text

    assert age_from_text("ik ben 19 en heb geen huis") == 19
    assert age_from_text("mijn zoon van 15 spijbelt") == 15
    assert age_from_text("ik kom 100 euro tekort") is None
    assert age_from_text("ik heb 3 kinderen") is None


def test_vague_questions_go_to_the_front_door_even_with_the_service_model(apeldoorn):
    for text in ["ik heb hulp nodig", "ik zit met van alles en weet niet bij wie ik moet zijn"]:
        assert apeldoorn.advise("dont_know_where", text).dienst.id == "samen055"


def test_a_clear_need_in_everyday_words_gets_its_specific_door(apeldoorn):
    advice = apeldoorn.advise("vraag_geld", "de deurwaarder staat steeds voor de deur en ik heb bij tien bedrijven schulden")
    assert advice.dienst.id in {"schuldhulpverlening", "centenkwesties"}
    assert advice.rule == "zoeken" and advice.reason


@pytest.mark.parametrize(
    "intent,text,expected",
    [
        ("vraag_opvoeden", "opvoeding", "cjg"),
        ("vraag_geld", "geldzorgen", "centenkwesties"),
        ("vraag_werk", "werk", "samen055"),
    ],
)
def test_a_question_that_only_names_the_area_goes_to_its_standard_door(apeldoorn, intent, text, expected):
    advice = apeldoorn.advise(intent, text)
    assert advice.dienst.id == expected
    assert advice.rule == "standaard"


def test_an_area_word_that_points_at_one_door_is_not_generic(apeldoorn):
    # "traplift" is a zorg word, but it clearly means a home adaptation, not the general door
    assert apeldoorn.advise("vraag_zorg", "traplift").dienst.id == "woningaanpassing"


def test_a_service_for_young_people_needs_a_young_person(apeldoorn):
    adult = apeldoorn.advise("vraag_geld", "ik heb schulden en krijg steeds brieven van incassobureaus")
    assert adult.dienst.id != "jongerenloket"
    young = apeldoorn.advise("vraag_geld", "ik ben 19, student, en heb schulden bij duo en klarna", leeftijd=19)
    assert young.dienst.id == "jongerenloket"


def test_the_front_door_answers_for_an_area_where_it_is_the_standard_door(almelo):
    # Almelo has no discrimination service: its KCC is the standard door for that area
    advice = almelo.advise("vraag_discriminatie", "ik word op mijn werk gediscrimineerd om mijn afkomst")
    assert advice.dienst.id == "klantcontactcentrum"
    assert advice.rule == "standaard" and "discriminatie" in advice.reason


def test_a_tangled_story_goes_to_the_front_door_even_with_one_area_intent(apeldoorn):
    story = (
        "sinds de scheiding red ik het niet meer, de huur is te hoog, mijn zoon gaat niet meer naar school "
        "en ik ben mijn werk kwijt. ik weet niet meer waar ik moet beginnen"
    )
    advice = apeldoorn.advise("vraag_geld", story)
    assert advice.dienst.id == "samen055" and advice.broad


def test_a_long_lost_story_with_one_area_word_still_goes_to_the_front_door(apeldoorn):
    # the area words see only money ("rekeningen"), but this is a whole life falling apart
    text = "sinds mijn man weg is loopt alles mis, de rekeningen, de kinderen, het huis. ik weet niet welke instantie ik moet bellen"
    advice = apeldoorn.advise("dont_know_where", text)
    assert advice.dienst.id == "samen055" and advice.broad


def test_words_of_other_areas_do_not_make_a_clear_need_tangled(apeldoorn):
    # wheelchair (zorg) and computer (taal/digitaal) words, but the need is volunteering
    text = "ik heb een handicap en zit in een rolstoel, maar ik wil graag vrijwilligerswerk doen op een computer"
    assert leefgebieden_in(text, apeldoorn.catalogue, core_only=True).keys() - {"vrijwilligerswerk"}
    assert apeldoorn._sure_specific(text)
    advice = apeldoorn.advise("vraag_vrijwilligerswerk", text)
    assert not advice.broad and advice.dienst.id != "samen055"


def test_a_young_persons_money_and_work_question_stays_with_youth_services(apeldoorn):
    # for a young person, school, money and work are one need: a youth door, not the front door
    text = "ik ben 17 en wil van school af want ik wil gewoon werken en geld verdienen, kan dat?"
    assert apeldoorn._tangled(leefgebieden_in(text, apeldoorn.catalogue, core_only=True), "jongeren") is False
    advice = apeldoorn.advise("vraag_jongeren", text)
    assert not advice.broad
    # the same words from an adult with a parenting question do count as several areas
    assert apeldoorn._tangled({"financien": 1, "werk": 1, "wonen": 1}, "opvoeden")


def test_a_door_reached_only_by_referral_counts_as_vangnet(almelo, monkeypatch):
    # Almelo's maatschappelijk werk is in the sociale basis, but the wijkteam refers you there:
    # when the service model leans only a little towards it, the wijkteam is the first door
    class Model:
        def rank(self, text, limit=8):
            return [("maatschappelijk-werk", 0.5), ("sociale-wijkteams", 0.35)]

    monkeypatch.setattr("bot.routing.router.service_model", lambda catalogue, gemeente: Model())
    monkeypatch.setattr(almelo.index, "search", lambda *args, **kwargs: [])
    picked = almelo._pick("ik zit niet lekker in mijn vel", "psychisch", None, 0.0)
    assert picked is not None and picked[0].id == "sociale-wijkteams"
