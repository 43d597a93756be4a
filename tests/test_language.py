"""Every resident-facing text is B1 Dutch (thresholds and reasons in bot/dialogue/language.py)."""
import pytest

from bot.dialogue.language import (
    MAX_MEAN_SENTENCE_WORDS,
    MIN_MEAN_FLESCH_DOUMA,
    check_text,
    explain_jargon,
    resident_texts,
    summary,
)


@pytest.fixture(scope="module")
def checks():
    return [(where, check_text(text)) for where, text in resident_texts() if not where.endswith(":button")]


def test_there_is_a_lot_to_check(checks):
    assert len(checks) > 300  # domain, every service's answers, safety, fallback


def test_every_message_is_b1(checks):
    bad = [f"{w}: {c.problems}: {c.text}" for w, c in checks if c.problems]
    assert not bad, "\n".join(bad[:30]) + f"\n... {len(bad)} in total"


def test_average_readability_and_sentence_length(checks):
    s = summary(c for _, c in checks)
    assert s["mean_flesch_douma"] >= MIN_MEAN_FLESCH_DOUMA
    assert s["mean_sentence_words"] <= MAX_MEAN_SENTENCE_WORDS


def test_buttons_are_short():
    long_buttons = [(w, t) for w, t in resident_texts() if w.endswith(":button") and len(t) > 45]
    assert not long_buttons


def test_checker_catches_bad_text():
    hard = check_text(
        "Teneinde uw aanvraag voor een maatwerkvoorziening in behandeling te kunnen nemen, dient u zich te wenden "
        "tot de voorliggende voorzieningen die de gemeente in het kader van de Wmo beschikbaar stelt."
    )
    assert any("Flesch-Douma" in p for p in hard.problems)
    assert any("sentence" in p for p in hard.problems)
    assert any("jargon" in p for p in hard.problems)
    assert any("formal" in p for p in hard.problems)


def test_jargon_is_explained_automatically():
    text = explain_jargon("Je kunt hiervoor naar het Wmo-loket.")
    assert "De Wmo is de wet voor hulp en ondersteuning thuis." in text
    assert not check_text(text).problems
    assert explain_jargon("Je hebt een besluit nodig, een indicatie.") == "Je hebt een besluit nodig, een indicatie."
