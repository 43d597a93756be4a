from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.nlp.components import ML_DANGER_MIN_PROBABILITY, NO_TEXT_INTENT, MessageCleaner, MessageScreen
from bot.nlp.danger_component import DANGER_KEY


def _message(text, intent="greet", confidence=0.9):
    m = Message(data={TEXT: text})
    m.set(INTENT, {"name": intent, "confidence": confidence})
    m.set(INTENT_RANKING_KEY, [{"name": intent, "confidence": confidence}])
    return m


def test_cleaner_strips_html_before_tokenisation():
    m = Message(data={TEXT: "<b>ik heb</b> schulden"})
    MessageCleaner().process([m])
    assert m.get(TEXT) == "ik heb schulden"
    assert m.get("wegwijzer_clean")["had_html"]


def test_screen_forces_no_text_for_emoji_and_empty():
    for text in ["", "😀😀", "...", "   "]:
        m = _message(text, "vraag_geld")
        MessageScreen().process([m])
        assert m.get(INTENT)["name"] == NO_TEXT_INTENT, text
        assert m.get(INTENT_RANKING_KEY)[0]["name"] == NO_TEXT_INTENT


def test_screen_maps_meaningful_emoji():
    m = _message("👍", "no_text")
    MessageScreen().process([m])
    assert m.get(INTENT)["name"] == "affirm"


def test_screen_keeps_ml_prediction_for_real_text_and_payloads():
    for text in ["ik heb schulden", "/vraag_geld"]:
        m = _message(text, "vraag_geld", 0.8)
        MessageScreen().process([m])
        assert m.get(INTENT) == {"name": "vraag_geld", "confidence": 0.8}


def test_detector_overrides_ml_for_danger():
    m = _message("mijn man slaat me en ik durf niet naar huis", "vraag_wonen", 0.9)
    MessageScreen().process([m])
    assert m.get(INTENT)["name"] == "gevaar_huiselijk"
    assert m.get("wegwijzer_safety")["source"] == "detector"
    assert "wegwijzer_safety" in m.as_dict(only_output_properties=True)


def _scored(text, probability, level, intent="vraag_psychisch", confidence=0.6):
    m = Message(data={TEXT: text})
    m.set(INTENT, {"name": intent, "confidence": confidence})
    m.set(INTENT_RANKING_KEY, [{"name": intent, "confidence": confidence}, {"name": "vraag_taal", "confidence": 0.1}])
    m.set(DANGER_KEY, {"probability": probability, "level": level})
    return m


def test_a_sure_danger_classifier_decides_when_the_rules_are_silent():
    m = _scored("ik kan niet meer, ik stop ermee voorgoed", 0.85, "suicide")
    MessageScreen().process([m])
    assert m.get(INTENT)["name"] == "gevaar_suicide"
    assert m.get("wegwijzer_safety")["source"] == "ml"
    assert m.get("wegwijzer_safety")["acute"] is False


def test_an_acute_level_from_the_classifier_gives_112():
    m = _scored("mn vader zakt in elkaar en zegt niks meer", 0.9, "acuut")
    MessageScreen().process([m])
    assert m.get(INTENT)["name"] == "gevaar_acuut"
    assert m.get("wegwijzer_safety")["acute"] is True


def test_the_danger_classifier_is_overruled_for_an_idiom_or_negation():
    for text in ["ik ben echt dood moe van al die formulieren", "ik heb geen zelfmoordgedachten hoor, ik zoek alleen werk"]:
        m = _scored(text, 0.8, "suicide", intent="gevaar_suicide", confidence=0.8)
        MessageScreen().process([m])
        assert m.get(INTENT)["name"] == "vraag_taal", text
        assert m.get("wegwijzer_safety") is None


def test_an_unsure_danger_classifier_is_no_alarm():
    m = _scored("ik heb een vraag over mijn buren", ML_DANGER_MIN_PROBABILITY - 0.05, "huiselijk_geweld", intent="vraag_wonen")
    MessageScreen().process([m])
    assert m.get(INTENT)["name"] == "vraag_wonen"
    assert m.get("wegwijzer_safety") is None


def test_a_short_message_needs_a_surer_classifier():
    m = _scored("tot snel", 0.6, "acuut", intent="goodbye", confidence=0.7)
    MessageScreen().process([m])
    assert m.get(INTENT)["name"] == "goodbye"
    m = _scored("wil slapen voor altijd", 0.9, "suicide")
    MessageScreen().process([m])
    assert m.get(INTENT)["name"] == "gevaar_suicide"


def test_a_danger_intent_alone_is_no_alarm_when_the_danger_classifier_disagrees():
    m = Message(data={TEXT: "wanneer krijgt mijn baby de prikken"})
    m.set(INTENT, {"name": "gevaar_acuut", "confidence": 0.95})
    m.set(INTENT_RANKING_KEY, [{"name": "gevaar_acuut", "confidence": 0.95}, {"name": "vraag_opvoeden", "confidence": 0.04}])
    m.set(DANGER_KEY, {"probability": 0.05, "level": "acuut"})
    MessageScreen().process([m])
    assert m.get(INTENT)["name"] == "vraag_opvoeden"
    assert m.get("wegwijzer_safety") is None


def test_the_catalogue_settles_an_unsure_leefgebied():
    m = Message(data={TEXT: "mijn dochter van 3 heeft elke avond driftbuien"})
    m.set(INTENT, {"name": "nlu_fallback", "confidence": 0.35})
    m.set(
        INTENT_RANKING_KEY,
        [{"name": "nlu_fallback", "confidence": 0.35}, {"name": "vraag_psychisch", "confidence": 0.3}, {"name": "vraag_opvoeden", "confidence": 0.28}],
    )
    MessageScreen().process([m])
    assert m.get(INTENT)["name"] == "vraag_opvoeden"


def test_typing_medewerker_always_reaches_a_person():
    m = _message("Medewerker!", "greet", 0.9)
    MessageScreen().process([m])
    assert m.get(INTENT)["name"] == "human_request"


def test_an_unsure_question_naming_an_organisation_becomes_an_organisation_question():
    m = Message(data={TEXT: "mijn huisarts zei dat er een cjg spreekuur is, hoe werkt dat?"})
    m.set(INTENT, {"name": "nlu_fallback", "confidence": 0.35})
    m.set(
        INTENT_RANKING_KEY,
        [{"name": "nlu_fallback", "confidence": 0.35}, {"name": "more_info", "confidence": 0.3}, {"name": "org_wat", "confidence": 0.25}],
    )
    m.set("entities", [{"entity": "organisatie", "value": "huisarts"}, {"entity": "organisatie", "value": "cjg"}])
    MessageScreen().process([m])
    assert m.get(INTENT)["name"] == "org_wat"
    # a generic word alone ("de gemeente") names no organisation
    g = Message(data={TEXT: "ik heb een vraag aan de gemeente over iets"})
    g.set(INTENT, {"name": "nlu_fallback", "confidence": 0.35})
    g.set(INTENT_RANKING_KEY, [{"name": "nlu_fallback", "confidence": 0.35}, {"name": "org_wat", "confidence": 0.3}])
    g.set("entities", [{"entity": "organisatie", "value": "gemeente"}])
    MessageScreen().process([g])
    assert g.get(INTENT)["name"] == "nlu_fallback"


def test_violence_at_home_happening_now_is_acute_danger_and_keeps_its_level():
    m = _message("help mijn man slaat me nu en hij heeft een mes", "vraag_wonen", 0.9)
    MessageScreen().process([m])
    assert m.get(INTENT)["name"] == "gevaar_acuut"
    safety = m.get("wegwijzer_safety")
    assert safety["acute"] is True and safety["level"] in {"huiselijk_geweld", "acuut"}
