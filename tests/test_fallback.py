from bot.dialogue.fallback import ask_affirmation_messages, give_up_messages, suggestions


def test_suggestions_are_readable_and_skip_small_talk(catalogue):
    ranking = [
        {"name": "nlu_fallback", "confidence": 0.5},
        {"name": "greet", "confidence": 0.3},
        {"name": "vraag_geld", "confidence": 0.25},
        {"name": "vraag_wonen", "confidence": 0.2},
        {"name": "vraag_werk", "confidence": 0.1},
    ]
    assert suggestions(ranking, catalogue) == [
        {"title": "Geldzorgen en schulden", "payload": "/vraag_geld"},
        {"title": "Wonen en overlast", "payload": "/vraag_wonen"},
    ]


def test_ask_affirmation_bedoel_je(catalogue):
    messages = ask_affirmation_messages([{"name": "vraag_mantelzorg", "confidence": 0.4}], catalogue)
    assert "Bedoel je: Zorgen voor een naaste?" in messages[0]["text"]
    assert messages[0]["buttons"][-1]["payload"] == "/out_of_scope"  # Rasa's "no" for the affirmation step


def test_give_up_is_never_a_dead_end():
    buttons = [b["payload"] for m in give_up_messages("Samen055") for b in m.get("buttons", [])]
    assert "/human_request" in buttons and "/dont_know_where" in buttons
