"""The intake over REST with the real servers: questions, skipping, danger, summary, advice."""
import pytest

pytestmark = pytest.mark.integration


def _texts(replies):
    return [r.get("text") or "" for r in replies]


def _cards(replies):
    return [r["custom"] for r in replies if (r.get("custom") or {}).get("type") == "service_card"]


def test_intake_from_start_to_advice(servers):
    s = "it-triage-full"
    first = _texts(servers.say(s, "/start_triage"))
    assert any("paar korte vragen" in t for t in first)
    assert first[-1].startswith("Waar gaat je vraag over?")
    assert _texts(servers.say(s, "Zorgen voor een naaste"))[-1] == "Voor wie zoek je hulp?"
    assert "Hoe oud is die persoon" in _texts(servers.say(s, "voor mijn moeder"))[-1]
    assert "Hoe snel" in _texts(servers.say(s, "65 jaar of ouder"))[-1]
    replies = _texts(servers.say(s, "sla over"))  # urgency skipped
    assert "Krijg je al hulp" in replies[-1]
    assert "Hoe wil je het liefst contact?" in _texts(servers.say(s, "nee"))[-1]
    assert "welke wijk" in _texts(servers.say(s, "Langsgaan"))[-1]  # only asked to find a place nearby
    summary = _texts(servers.say(s, "Osseveld"))
    joined = "\n".join(summary)
    assert "Dit heb ik begrepen" in joined and "zorgen voor een naaste" in joined and "Osseveld" in joined
    assert summary[-1] == "Klopt dit?"
    advice = servers.say(s, "/affirm")
    assert _cards(advice)[0]["service"]["id"] == "stedelijk-knooppunt-mantelzorg"
    assert "Mijn advies" in " ".join(_texts(advice))
    why = " ".join(_texts(servers.say(s, "/why")))
    assert "mantelzorg" in why.lower()


def test_danger_in_the_middle_of_the_intake_comes_first_and_pauses_it(servers):
    s = "it-triage-danger"
    servers.say(s, "/start_triage")
    assert _texts(servers.say(s, "geld"))[-1] == "Voor wie zoek je hulp?"
    replies = servers.say(s, "mijn vriend slaat me en ik durf niet naar huis")
    texts = _texts(replies)
    assert "0800-2000" in texts[0]
    assert not any(t.startswith(("Voor wie", "Waar gaat je vraag")) for t in texts)
    # resuming keeps what was already answered: the next question is the one after "geld"
    resumed = _texts(servers.say(s, "/start_triage"))
    assert "verder met de vragen" in " ".join(resumed) and resumed[-1] == "Voor wie zoek je hulp?"


def test_stop_ends_the_intake(servers):
    s = "it-triage-stop"
    servers.say(s, "/start_triage")
    assert any("ik stop met de vragen" in t for t in _texts(servers.say(s, "/stop")))
    assert "Wegwijzer" in " ".join(_texts(servers.say(s, "hallo")))


def test_correction_of_an_earlier_answer(servers):
    s = "it-triage-correct"
    servers.say(s, "/start_triage")
    servers.say(s, "geld")
    servers.say(s, "voor mezelf")
    replies = _texts(servers.say(s, "nee ik bedoelde voor mijn moeder"))
    assert "aangepast" in " ".join(replies)
    assert "Hoe oud is die persoon" in replies[-1]
