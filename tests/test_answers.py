"""Resident-facing answers: door first, honest about unknown facts, buttons for next steps."""
from bot.dialogue import answers
from bot.routing.router import Router


def _texts(messages):
    return " ".join(m.get("text", "") for m in messages)


def test_first_reply_names_the_door_without_asking_first(catalogue):
    advice = Router(catalogue, "apeldoorn").advise("vraag_geld", "ik heb schulden")
    messages = answers.advice_messages(catalogue, "apeldoorn", advice)
    assert messages[0]["text"].startswith("Je kunt terecht bij")
    assert "?" not in messages[0]["text"]
    buttons = [b["title"] for m in messages for b in m.get("buttons", [])]
    assert buttons == ["Meer informatie", "Samen uitzoeken waar ik heen kan", "Met een medewerker praten"]


def test_service_card_payload(catalogue):
    dienst = catalogue.service("apeldoorn", "centenkwesties")
    card = answers.service_card(catalogue, "apeldoorn", dienst, "reden")
    assert card["type"] == "service_card"
    assert card["service"]["id"] == "centenkwesties"
    assert card["service"]["sources"] and card["service"]["access"] == "zonder_afspraak"


def test_broad_advice_offers_to_sort_it_out_together(catalogue):
    advice = Router(catalogue, "apeldoorn").advise("dont_know_where", "")
    messages = answers.advice_messages(catalogue, "apeldoorn", advice)
    assert "met al je vragen" in messages[0]["text"]
    assert any("samen uitzoeken" in m.get("text", "") for m in messages)


def test_unknown_phone_number_is_never_invented(catalogue):
    dienst = catalogue.service("apeldoorn", "centenkwesties")
    text = _texts(answers.organisation_messages(catalogue, "apeldoorn", dienst, "org_contact"))
    assert "heb ik nog niet" in text
    assert not any(ch.isdigit() for ch in text.replace("055", ""))


def test_known_national_number_is_given(catalogue):
    dienst = catalogue.service("apeldoorn", "veilig-thuis")
    assert "0800-2000" in _texts(answers.organisation_messages(catalogue, "apeldoorn", dienst, "org_contact"))


def test_appointment_and_referral_answers_follow_access(catalogue):
    walk_in = catalogue.service("apeldoorn", "centenkwesties")
    assert _texts(answers.organisation_messages(catalogue, "apeldoorn", walk_in, "org_afspraak")).startswith("Nee")
    maatwerk = catalogue.service("apeldoorn", "wmo-hulp-thuis")
    assert _texts(answers.organisation_messages(catalogue, "apeldoorn", maatwerk, "org_verwijzing")).startswith("Ja")
    assert "indicatie" in _texts(answers.organisation_messages(catalogue, "apeldoorn", maatwerk, "org_verwijzing"))


def test_why_quotes_the_source(catalogue):
    advice = Router(catalogue, "apeldoorn").advise("vraag_mantelzorg", "overbelast")
    text = _texts(answers.why_messages(catalogue, advice.reason, advice.dienst))
    assert advice.dienst.naam in text and "kadernota van de gemeente (2021)" in text


def test_out_of_scope_names_the_general_channel(catalogue):
    messages = answers.out_of_scope_gemeente_messages(catalogue, "apeldoorn")
    assert "gemeente Apeldoorn" in messages[0]["text"]
    assert messages[1]["custom"]["type"] == "out_of_scope"
