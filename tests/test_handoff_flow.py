"""Resident side of the hand-off: consent wording, contact details, confirmation, transcript."""
import pytest

from bot.handoff import flow
from bot.handoff.config import GemeenteHandoff, Hours, Team, handoff_config
from bot.triage.intake import SKIPPED


def test_consent_says_what_with_whom_and_why_then_asks():
    messages = flow.consent_messages(Team(id="cjg", naam="CJG"))
    text = messages[0]["text"]
    assert "CJG" in text and "samenvatting" in text and "niet opnieuw" in text
    assert messages[1]["text"] == "Mag ik dat doorsturen?"
    assert [b["payload"] for b in messages[1]["buttons"]] == ["/affirm", "/deny"]


@pytest.mark.parametrize(
    "text,expected",
    [("06-12345678", "+31612345678"), ("mijn nummer is 06 1234 5678", "+31612345678"), ("055 123 4567", "+31551234567"), ("12345", None), ("bel me maar", None)],
)
def test_phone_numbers_are_validated(text, expected):
    assert flow.parse_phone(text) == expected


@pytest.mark.parametrize("text,expected", [("piet@example.nl", "piet@example.nl"), ("Mail: Piet.Jansen@Voorbeeld.nl", "piet.jansen@voorbeeld.nl"), ("piet at example", None)])
def test_email_is_validated(text, expected):
    assert flow.parse_email(text) == expected


def test_live_chat_only_when_a_team_is_online():
    assert flow.parse_kanaal("nu chatten", live=True) == "chat"
    assert flow.parse_kanaal("nu chatten", live=False) is None
    assert "geen medewerker om te chatten" in flow.kanaal_question(Team(id="x", naam="X"), live=False)["text"]
    assert flow.parse_kanaal("Terugbellen", live=False) == "bellen"
    assert flow.parse_kanaal("via whatsapp", live=False) == "whatsapp"


def test_only_the_details_the_channel_needs():
    assert flow.handoff_slots("bellen") == ["handoff_kanaal", "handoff_telefoon", "handoff_tijd", "handoff_naam"]
    assert flow.handoff_slots("email") == ["handoff_kanaal", "handoff_email", "handoff_naam"]
    assert flow.handoff_slots("chat") == ["handoff_kanaal", "handoff_naam"]


def test_name_is_optional_and_minimal():
    assert flow.parse_handoff_answer("handoff_naam", "sla over", live=False) == (SKIPPED, True)
    assert flow.parse_handoff_answer("handoff_naam", "ik heet fatima el amrani", live=False) == ("Fatima", True)
    assert flow.parse_handoff_answer("handoff_naam", "111222333", live=False) == (None, False)


def test_office_hours():
    from datetime import datetime

    from bot.handoff.config import TZ

    hours = Hours(dagen=[0, 1, 2, 3, 4], van="09:00", tot="17:00")
    assert hours.open_at(datetime(2026, 11, 23, 10, 0, tzinfo=TZ))  # Monday 10:00
    assert not hours.open_at(datetime(2026, 11, 23, 18, 0, tzinfo=TZ))
    assert not hours.open_at(datetime(2026, 11, 22, 10, 0, tzinfo=TZ))  # Sunday
    assert not Team(id="x", naam="X", live_chat=None).live_now()


def test_team_for_a_service_and_the_sourced_expectation(catalogue):
    settings = handoff_config().for_gemeente("apeldoorn")
    team, expectation = flow.team_and_expectation(catalogue, "apeldoorn", settings, "schuldhulpverlening")
    assert team.id == "schuldhulp"
    assert "20 werkdagen" in expectation  # from the catalogue, sourced in seed 001
    team, _ = flow.team_and_expectation(catalogue, "apeldoorn", settings, None)
    assert team.id == settings.standaard_team


def test_confirmation_has_the_reference_and_no_invented_promise():
    text = " ".join(m["text"] for m in flow.confirmation_messages("WW-ABC234", Team(id="x", naam="CJG"), "bellen", None))
    assert "WW-ABC234" in text and "belt je" in text
    assert not any(ch.isdigit() for ch in text.replace("WW-ABC234", ""))


def test_transcript_keeps_texts_not_payloads():
    events = [
        {"event": "user", "text": "/start_triage"},
        {"event": "user", "text": "ik heb schulden"},
        {"event": "bot", "text": "Je kunt terecht bij Centenkwesties."},
        {"event": "action", "name": "x"},
    ]
    assert flow.transcript(events) == [{"van": "inwoner", "tekst": "ik heb schulden"}, {"van": "wegwijzer", "tekst": "Je kunt terecht bij Centenkwesties."}]


def test_every_team_and_service_in_the_config_exists(catalogue):
    for gemeente, settings in handoff_config().gemeenten.items():
        assert isinstance(settings, GemeenteHandoff)
        assert settings.standaard_team in {t.id for t in settings.teams}
        for team in settings.teams:
            for dienst in team.diensten:
                assert catalogue.service(gemeente, dienst) is not None, (gemeente, dienst)


def _user(text, intent):
    return {"event": "user", "text": text, "parse_data": {"intent": {"name": intent}}}


def test_the_ticket_question_is_the_residents_need_not_a_form_answer():
    from bot.handoff.flow import resident_question

    events = [
        _user("ik heb schulden en de deurwaarder komt, kan ik iemand spreken?", "human_request"),
        {"event": "bot", "text": "Mag ik dat doorsturen?"},
        _user("/affirm", "affirm"),
        {"event": "active_loop", "name": "handoff_form"},
        _user("Nu chatten", "handoff_kanaal"),
        _user("Sam", "nlu_fallback"),  # a first name is no question, whatever the NLU made of it
        {"event": "active_loop", "name": None},
    ]
    assert resident_question(events) == "ik heb schulden en de deurwaarder komt, kan ik iemand spreken?"
    # a later real question wins; a bare "medewerker" is no question
    events += [_user("hoe werkt de voedselbank", "vraag_geld"), _user("medewerker", "human_request")]
    assert resident_question(events) == "hoe werkt de voedselbank"
    assert resident_question([_user("medewerker", "human_request"), _user("Sam", "inform")]) == ""
