"""The held-out report separates messages that also occur in the training data."""
from pathlib import Path

from bot.evaluation.heldout import report
from bot.evaluation.overlap import in_training, near_training, normalise, texts_in


def test_normalise_strips_annotations_case_and_outer_punctuation():
    assert normalise("  Wat doet [Samen 055](organisatie)?? ") == "wat doet samen 055"
    assert normalise('Hoe bereik ik [CJG]{"entity": "organisatie"}') == "hoe bereik ik cjg"


def test_texts_in_reads_examples_blocks_and_plain_lists(tmp_path: Path):
    nlu = tmp_path / "nlu.yml"
    nlu.write_text('nlu:\n- intent: groet\n  examples: |\n    - Hallo daar!\n    - goedemorgen\n', encoding="utf-8")
    routing = tmp_path / "routing.yml"
    routing.write_text('voorbeelden:\n  cjg:\n    - "Mijn kind luistert niet"\n', encoding="utf-8")
    known = texts_in([nlu, routing])
    assert in_training("hallo daar", known)
    assert in_training("mijn kind luistert niet.", known)
    assert not in_training("mijn kind luistert niet naar mij", known)


def test_the_real_training_data_is_read():
    # "geldzorgen" is a lookup entry in data/nlu/lookups.yml; a made-up sentence is not there.
    assert in_training("Geldzorgen")
    assert not in_training("zqx deze zin staat nergens in de trainingsdata zqx")


def test_report_gives_accuracy_without_overlapping_messages():
    rows = [
        {"leefgebied": "geld", "ok": True, "in_training": True},
        {"leefgebied": "geld", "ok": False, "in_training": False},
        {"leefgebied": "geld", "ok": True, "in_training": False},
    ]
    text = report(rows)
    assert "1 of 3 messages also occur" in text
    assert "1/2 = 50.0%" in text
    assert "without" not in report([{"leefgebied": "geld", "ok": True, "in_training": False}])


def test_near_copies_count_as_seen(tmp_path: Path):
    routing = tmp_path / "routing.yml"
    routing.write_text('voorbeelden:\n  cjg:\n    - "mijn zoon van 8 luistert nooit en slaat met de deuren"\n    - "geldzorgen"\n', encoding="utf-8")
    known = texts_in([routing])
    # one word changed out of nine: a near copy
    assert near_training("mijn zoon van 9 luistert nooit en slaat met de deuren", known)
    # the same topic in other words is not
    assert not near_training("ons kind doet nooit wat we zeggen en gooit deuren dicht", known)
    # short messages only count when they are the same
    assert near_training("Geldzorgen!", known) and not near_training("geldzorgen thuis", known)
