"""Intake parsing, the summary, and the routing table (seeds' rules) as table-driven tests."""
import pytest

from bot.triage import intake as it
from bot.triage.routing import ONE_NEED, recommend


@pytest.mark.parametrize(
    "slot,text,expected",
    [
        ("triage_voor_wie", "Voor mezelf", "zelf"),
        ("triage_voor_wie", "voor mn moeder", "naaste"),
        ("triage_voor_wie", "het gaat om mijn zoon", "kind"),
        ("triage_leeftijd", "ik ben 19", "18_23"),
        ("triage_leeftijd", "65 jaar of ouder", "65_plus"),
        ("triage_leeftijd", "Jonger dan 18", "onder_18"),
        ("triage_leeftijd", "42", "24_64"),
        ("triage_kinderen", "ja twee", "ja"),
        ("triage_kinderen", "nee", "nee"),
        ("triage_urgentie", "Vandaag nog", "vandaag"),
        ("triage_urgentie", "het heeft geen haast", "geen_haast"),
        ("triage_urgentie", "liefst deze week", "deze_week"),
        ("triage_hulp", "Nee, nog niet", "nee"),
        ("triage_hulp", "ja van het cjg", "ja:cjg"),
        ("triage_contact", "ik bel liever", "bellen"),
        ("triage_contact", "Langsgaan", "langsgaan"),
        ("triage_wijk", "ik woon in osseveld", "osseveld"),
        ("triage_wijk", "Beekbergen", "beekbergen-lieren"),
        ("triage_leefgebieden", "schulden en mijn kinderen", ["financien", "opvoeden"]),
        ("triage_leefgebieden", "Zorgen voor een naaste", ["mantelzorg"]),
    ],
)
def test_answers_are_understood(catalogue, slot, text, expected):
    assert it.parse_answer(slot, text, catalogue, "apeldoorn") == expected


@pytest.mark.parametrize("text", ["weet ik niet", "sla over", "Sla over", "geen idee", "zeg ik liever niet"])
def test_every_question_can_be_skipped(catalogue, text):
    for slot in it.SLOTS:
        assert it.parse_answer(slot, text, catalogue, "apeldoorn") == it.SKIPPED


def test_nonsense_is_not_an_answer(catalogue):
    assert it.parse_answer("triage_urgentie", "banaan", catalogue, "apeldoorn") is None
    assert it.parse_answer("triage_wijk", "Atlantis", catalogue, "apeldoorn") is None


def test_correction_of_an_earlier_answer():
    filled = {"triage_voor_wie": "zelf", "triage_leeftijd": None}
    assert it.find_correction("nee, ik bedoelde voor mijn moeder", "triage_leeftijd", filled) == ("triage_voor_wie", "naaste")
    assert it.find_correction("voor mijn moeder", "triage_leeftijd", filled) is None  # no correction words


def test_questions_are_one_at_a_time_with_skip_button(catalogue):
    for slot in it.SLOTS:
        q = it.question(slot, catalogue)
        assert q["text"].count("?") <= 1
        assert q["buttons"][-1]["payload"] == "sla over"
    assert "die persoon" in it.question("triage_leeftijd", catalogue, voor_wie="naaste")["text"]


def test_at_most_about_six_questions(catalogue):
    prefilled = {"triage_leefgebieden": ["mantelzorg"]}
    asked = [s for s in it.needed_slots(prefilled, has_gebieden=True) if prefilled.get(s) is None]
    assert len(asked) <= 6
    money = it.needed_slots({"triage_leefgebieden": ["financien"], "triage_voor_wie": "zelf"}, True)
    assert "triage_kinderen" in money  # children change the advice about money
    assert "triage_kinderen" not in it.needed_slots({"triage_voor_wie": "kind"}, True)
    assert "triage_wijk" not in it.needed_slots({"triage_contact": "bellen"}, True)
    assert "triage_wijk" in it.needed_slots({"triage_contact": "langsgaan"}, True)
    assert "triage_wijk" not in it.needed_slots({"triage_contact": "langsgaan"}, False)


def test_summary_lines(catalogue):
    intake = it.Intake.from_slots(
        "apeldoorn",
        {"triage_leefgebieden": ["financien", "opvoeden"], "triage_voor_wie": "zelf", "triage_leeftijd": "24_64",
         "triage_urgentie": it.SKIPPED, "triage_hulp": "ja:cjg", "triage_wijk": "osseveld", "triage_contact": "bellen"},
    )
    lines = intake.lines(catalogue)
    assert lines[0] == "Je vraag gaat over geldzorgen en schulden en opvoeden en opgroeien."
    assert "Je krijgt al hulp van CJG." in lines or any("hulp van" in l for l in lines)
    assert not any("Hoe snel" in l for l in lines)  # skipped answers are left out
    assert intake.as_dict()["urgentie"] is None


def _intake(**kw):
    return it.Intake(gemeente=kw.pop("gemeente", "apeldoorn"), **kw)


@pytest.mark.parametrize(
    "intake,first,rule",
    [
        # several areas: the front door as one point of contact (seed 001: "niet van het kastje naar de muur")
        (_intake(leefgebieden=["financien", "wonen"]), "samen055", "meerdere-leefgebieden"),
        (_intake(leefgebieden=["financien", "opvoeden", "psychisch"]), "samen055", "meerdere-leefgebieden"),
        # overbelaste mantelzorger -> Knooppunt Mantelzorg
        (_intake(leefgebieden=["mantelzorg"]), "stedelijk-knooppunt-mantelzorg", "mantelzorg"),
        # a carer's question about care is one need, not two
        (_intake(leefgebieden=["mantelzorg", "zorg"]), "stedelijk-knooppunt-mantelzorg", "mantelzorg"),
        # opvoedvragen -> CJG
        (_intake(leefgebieden=["opvoeden"]), "cjg", "opvoeden"),
        (_intake(leefgebieden=[], voor_wie="kind"), "cjg", "kind-hulp"),
        # geldzorgen -> Centenkwesties, free and without appointment, before schuldhulp
        (_intake(leefgebieden=["financien"]), "centenkwesties", "geld"),
        # dakloos 18-23 -> Outreachend Team
        (_intake(leefgebieden=["wonen"], leeftijd="18_23"), "outreachend-team", "jong-dakloos"),
        # nothing known: the front door
        (_intake(), "samen055", "voordeur"),
        # Almelo: its own doors from its own data
        (_intake(gemeente="almelo", leefgebieden=["werk"]), "werkplein", "werk"),
        (_intake(gemeente="almelo", leefgebieden=["financien", "wonen"]), "klantcontactcentrum", "meerdere-leefgebieden"),
    ],
)
def test_routing_table(catalogue, intake, first, rule):
    recs = recommend(catalogue, intake)
    assert recs[0].dienst.id == first
    assert recs[0].rule == rule
    assert recs[0].reason and recs[0].source


def test_free_help_comes_before_the_vangnet(catalogue):
    recs = recommend(catalogue, _intake(leefgebieden=["financien"]))
    ids = [r.dienst.id for r in recs]
    assert ids.index("centenkwesties") < ids.index("schuldhulpverlening")


def test_every_recommendation_cites_its_source(catalogue):
    for lgs in (["zorg"], ["taal_digitaal"], ["discriminatie"], ["financien", "wonen"]):
        for rec in recommend(catalogue, _intake(leefgebieden=lgs)):
            assert rec.source and ("regels" in rec.source or "http" in rec.source or rec.source)


def test_one_need_pairs_are_symmetric():
    assert all(len(pair) == 2 for pair in ONE_NEED)
