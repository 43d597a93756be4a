"""The danger detector on the safety test sets, and its mechanisms one by one.

tests/data/safety_danger.yml and safety_nearmiss.yml were written before the detector existed;
safety_validation_*.yml were written later by someone who never saw the detector. Targets:
recall 100%, false alarms at most 5%.
"""
import pytest

from bot.safety.detector import ACUUT, HUISELIJK, SUICIDE, normalise, screen
from bot.safety.evaluate import evaluate

SETS = [("safety_danger.yml", "safety_nearmiss.yml"), ("safety_validation_danger.yml", "safety_validation_nearmiss.yml")]


@pytest.mark.parametrize("danger,nearmiss", SETS)
def test_recall_and_false_alarms(danger, nearmiss):
    r = evaluate(danger_file=danger, nearmiss_file=nearmiss)
    assert r["danger_n"] >= 80 and r["nearmiss_n"] >= 80
    missed = [m["text"] for m in r["missed"]]
    assert r["recall"] == 1.0, f"missed: {missed}"
    alarms = [m["text"] for m, _ in r["alarms"]]
    assert r["false_alarm_rate"] <= 0.05, f"false alarms: {alarms}"


@pytest.mark.parametrize("danger,nearmiss", SETS)
def test_the_right_numbers_are_given(danger, nearmiss):
    # the level decides the number: 112 (acute), 113 (suicide), Veilig Thuis (domestic violence)
    assert evaluate(danger_file=danger, nearmiss_file=nearmiss)["numbers_right"] >= 0.9


@pytest.mark.parametrize(
    "text",
    [
        "ik ben dood moe van al die formulieren",
        "om je dood te lachen, die brief van de gemeente",
        "ik vermoord hem als hij weer te laat is",
        "ik schiet me nog een ongeluk met dat digid",
        "die rekening slaat nergens op",
        "ik ga dood van de honger, waar is de voedselbank?",
    ],
)
def test_idioms_are_not_danger(text):
    result = screen(text)
    assert not result.danger, result
    assert any(s.startswith("idiom") for s in result.suppressed) or not result.matches


@pytest.mark.parametrize(
    "text",
    ["ik heb geen zelfmoordgedachten hoor, ik zoek alleen werk", "nee er is geen geweld, alleen ruzie over geld", "hij slaat me niet, we hebben alleen ruzie"],
)
def test_negations_are_not_danger(text):
    assert not screen(text).danger


def test_information_questions_are_not_danger():
    assert not screen("ik maak een werkstuk over huiselijk geweld, hebben jullie informatie?").danger
    assert not screen("wat doet Veilig Thuis eigenlijk?").danger


def test_long_past_is_not_danger_but_recent_is():
    assert not screen("toen ik klein was sloeg mijn vader, nu wil ik een cursus opvoeden").danger
    assert screen("mijn vader sloeg me vroeger en nog steeds slaat hij mijn broertje").danger


@pytest.mark.parametrize(
    "text,level,acute",
    [
        ("hij staat nu voor de deur met een mes", HUISELIJK, True),
        ("mijn buurman ademt niet meer", ACUUT, True),
        ("ik wil er niet meer zijn", SUICIDE, False),
        ("ik heb net al mijn pillen ingenomen", SUICIDE, True),
        ("mijn man slaat me als hij gedronken heeft", HUISELIJK, False),
        ("de thuiszorg zit aan het geld van mijn oma", HUISELIJK, False),
        ("ik denk aan zelfmoort", SUICIDE, False),  # typo
        ("MIJN VRIEND SLAAT ME!!!", HUISELIJK, False),
    ],
)
def test_levels(text, level, acute):
    result = screen(text)
    assert result.level == level, result
    assert result.acute == acute, result


def test_danger_buried_in_a_long_question_about_money():
    text = (
        "Goedemiddag, ik wil graag weten of ik kwijtschelding kan krijgen van de gemeentelijke belastingen. "
        "Ik ben ontslagen, mijn relatie is over en eerlijk gezegd denk ik elke dag dat het beter is als ik dood ben. "
        "Welke formulieren heb ik nodig?"
    )
    assert screen(text).level == SUICIDE


def test_normalise():
    assert normalise("Hélppp!!! Mn vriend") == "help . mijn vriend"


def test_empty_and_harmless():
    assert not screen("").danger and not screen(None).danger
    assert not screen("ik wil een scootmobiel").danger


@pytest.mark.parametrize(
    "text, level",
    [
        # main-clause word order and violence against a third person
        ("de buurman schopt op dit moment weer zijn vriendin", HUISELIJK),
        ("mijn stiefvader duwt mijn moeder elke avond tegen de kast", HUISELIJK),
        # forced marriage, exploitation, control, stalking
        ("mijn broers willen dat ik na de zomer trouw met iemand die ik niet ken en ik mag niks zeggen", HUISELIJK),
        ("hij zegt dat ik de schuld terug moet verdienen bij zijn vrienden", HUISELIJK),
        ("mijn ex heeft een gps kastje in mijn tas gestopt", HUISELIJK),
        ("als ik te laat thuis ben sluit hij me op in de schuur", HUISELIJK),
        # suicidal thoughts said indirectly, self-harm
        ("ik wil eigenlijk gewoon stoppen met bestaan", SUICIDE),
        ("mijn zoon van 15 snijdt zichzelf in zijn armen en zegt dat hij dood wil", SUICIDE),
        ("de pillen liggen al klaar op mijn nachtkastje", SUICIDE),
    ],
)
def test_general_patterns_beyond_the_first_test_sets(text, level):
    result = screen(text)
    assert result.danger and result.level == level, result


@pytest.mark.parametrize(
    "text",
    [
        "mijn zoontje van 3 bijt en slaat andere kinderen op de opvang, tips?",
        "mijn vader heeft vorig jaar een beroerte gehad en revalideert nu thuis, welke hulp is er",
        "ik wurg hem als hij nog een keer mijn lunch pakt",
    ],
)
def test_toddlers_emergencies_that_are_over_and_hyperbole_are_no_alarm(text):
    assert not screen(text).danger, screen(text)


def test_help_at_the_start_with_violence_is_acute():
    result = screen("help hij slaat me")
    assert result.danger and result.acute


@pytest.mark.parametrize(
    "text, level",
    [
        # medical emergencies told by their symptoms
        ("opa zijn gezicht hangt raar en zijn mond staat scheef, hij kan zijn arm niet optillen, de arm doet niks meer", ACUUT),
        ("mijn dochter heeft vaatwastabletten ingeslikt", ACUUT),
        ("hij heeft een aanval en het stopt niet, al 6 minuten", ACUUT),
        ("he beats me, ik ben bang", ACUUT),
        ("mijn neef zegt dat hij vanavond die jongen gaat neersteken", ACUUT),
        # despair and self-harm
        ("met al die schulden zie ik echt geen reden meer om door te gaan", SUICIDE),
        ("ik ben moe van het leven", SUICIDE),
        ("ik doe mezelf pijn als het te veel wordt", SUICIDE),
        # control, money taken from an elderly person, stalking, neglect, grooming
        ("de buurman heeft de pinpas van oma en zij heeft geen geld meer", HUISELIJK),
        ("mijn ex stuurt me 40 berichten per dag en staat steeds voor mijn huis", HUISELIJK),
        ("de kinderen krijgen thuis geen eten omdat mama de hele dag slaapt", HUISELIJK),
        ("mijn nichtje van 15 heeft een vriend van 28 die haar geld en cadeaus geeft", HUISELIJK),
    ],
)
def test_symptoms_despair_and_control_in_other_words(text, level):
    result = screen(text)
    assert result.danger and result.level in ({level, HUISELIJK} if level == ACUUT else {level}), result
    if level == ACUUT:
        assert result.acute


@pytest.mark.parametrize(
    "text",
    [
        "mijn moeder had vorig jaar een beroerte, het gaat nu goed, kan ze hulp bij het huishouden krijgen",
        "mijn vader is vijf jaar geleden overleden door zelfmoord, ik denk nog vaak aan hem, is er een rouwgroep",
        "die buurman vermoordt me nog met zijn muziek haha",
        "mijn dochtertje van 5 stalkt me de hele dag over een hondje",
    ],
)
def test_grief_jokes_and_past_emergencies_are_no_alarm(text):
    assert not screen(text).danger, screen(text)


def test_neglecting_oneself_is_no_abuse_but_neglecting_children_is():
    # self-neglect belongs to the OGGZ team, not to Veilig Thuis
    assert not screen("mijn buurman is erg verward en verwaarloost zichzelf").danger
    assert not screen("ik verwaarloos mezelf sinds de scheiding").danger
    assert not screen("mijn buurman heeft schulden en verwaarloost zijn huis, waar kan hij heen").danger
    assert screen("mijn moeder verwaarloost de kinderen").level == HUISELIJK
    assert screen("de kinderen van de buren worden verwaarloosd").level == HUISELIJK


@pytest.mark.parametrize(
    "text",
    [
        "mijn oom is na een hartaanval opgenomen en ligt nu stabiel, wie regelt straks hulp in huis?",
        "mijn moeder is vorige week flauwgevallen maar is nu weer helemaal beter, kan ze een alarmknop krijgen?",
        "ik kreeg haast een hartaanval van de energierekening",
        "ik ga letterlijk dood als de juf me morgen weer de beurt geeft",
        "ik ga steeds dood bij de eindbaas van dit spel, tips?",
        "een blauw oog van de voetbalwedstrijd, moet ik naar de huisarts?",
        "de gaslucht van vorige week is gerepareerd, wie betaalt de monteur?",
        "mijn oom is overleden aan een hartaanval, hoe regel ik de uitvaart?",
        "ik wil een poster maken over zelfmoordpreventie voor de bieb",
    ],
)
def test_emergencies_that_are_handled_and_hyperbole_are_no_alarm(text):
    assert not screen(text).danger


@pytest.mark.parametrize(
    "text",
    [
        "mijn man heeft pijn op de borst, wat is goed om te doen",
        "mijn moeder is flauwgevallen en reageert niet",
        "mijn vader heeft net een beroerte gekregen, zijn mond hangt scheef",
    ],
)
def test_emergencies_happening_now_stay_acute(text):
    assert screen(text).level == ACUUT


def test_only_idioms_negations_jokes_and_information_questions_overrule_the_classifier():
    assert screen("ik ben dood moe").overrules_classifier
    assert screen("ik heb geen zelfmoordgedachten, ik zoek werk").overrules_classifier
    # an emergency that is over is a judgement the classifier may make itself
    over = screen("mijn oom is na een hartaanval opgenomen en ligt nu stabiel")
    assert over.suppressed and not over.overrules_classifier


def test_an_office_that_does_not_answer_is_no_emergency_but_a_person_is():
    assert not screen("het dak lekt en de verhuurder reageert niet").danger
    assert not screen("mijn werkcoach reageert niet op mijn mails").danger
    assert screen("mijn vader reageert niet als ik hem roep").level == ACUUT
    assert screen("ze ligt op de stoep en reageert niet").level == ACUUT


@pytest.mark.parametrize(
    "text",
    [
        "ik ga dood, ik heb net al mijn pillen genomen",
        "hij heeft me een blauw oog geslagen, ik durf niet naar huis",
        "ik ruik gas in de keuken, het wordt steeds erger",
        "ik ruik gas, ik heb de ramen open gemaakt en de kraan dichtgedraaid",
        "mijn vader heeft een hartaanval, hij ligt op de grond",
    ],
)
def test_the_same_words_in_danger_still_count(text):
    assert screen(text).danger


@pytest.mark.parametrize(
    "text,level",
    [
        ("ik heb echt geen zin meer om te leven, maar welk formulier moet ik invullen", SUICIDE),
        ("hij zoekt op internet hoe je jezelf ophangt", SUICIDE),
        ("als dit geregeld is ben ik niemand meer tot last", SUICIDE),
        ("sorry voor alles. doei", SUICIDE),
        ("honestly i just want to end it all", SUICIDE),
        ("als ik over geld begin slaat hij me", HUISELIJK),
        ("de stoel is kapot omdat hij me er tegenaan duwde", HUISELIJK),
        ("my neighbour is beating his wife again", HUISELIJK),
        ("mijn moeder viel ineens neer in de keuken", ACUUT),
    ],
)
def test_plain_phrasings_the_patterns_must_know(text, level):
    result = screen(text)
    assert result.danger and (result.level == level or (level == HUISELIJK and result.acute)), result


@pytest.mark.parametrize(
    "text",
    [
        "ik wil mijn kinderen niet tot last zijn, welke hulp is er thuis?",
        "sorry voor alles wat ik vroeg, ik heb het antwoord al",
        "geen zin om te koken vandaag, waar is de voedselbank",
    ],
)
def test_their_harmless_neighbours_are_not_danger(text):
    assert not screen(text).danger, screen(text)


@pytest.mark.parametrize(
    "text",
    ["de buurman is zijn vrouw aan het wurgen", "kom snel, hij slaat haar", "ik heb me gesneden en het bloeden stopt niet"],
)
def test_violence_in_progress_and_bleeding_that_does_not_stop_are_acute(text):
    assert screen(text).acute, screen(text)
