"""Real servers, real HTTP: the assistant answers in Dutch and survives bad input."""
import pytest
import requests

pytestmark = pytest.mark.integration


def _texts(replies):
    return " ".join(r.get("text") or "" for r in replies)


def test_greeting_in_dutch(servers):
    replies = servers.say("it-greet", "hallo")
    assert "Wegwijzer" in _texts(replies) and "Wat is je vraag?" in _texts(replies)


@pytest.mark.parametrize(
    "name,message,expected",
    [
        ("empty", "", "geen woorden"),
        ("whitespace", "   ", "geen woorden"),
        ("emoji", "😀🙈🎉", "geen woorden"),
        ("html", "<script>alert(1)</script><b></b>", "geen woorden"),
        ("html-with-text", "<p>hallo <b>daar</b></p>", "Wegwijzer"),
        ("long", "ik heb een vraag over geld " * 400, "lang"),
    ],
)
def test_bad_input_gets_a_polite_reply(servers, name, message, expected):
    replies = servers.say(f"it-bad-{name}", message)
    assert replies, f"no reply for {name}"
    assert expected in _texts(replies)


def test_ten_thousand_characters(servers):
    message = ("x" * 9) + " "
    replies = servers.say("it-10k", message * 1000)
    assert len(message * 1000) == 10_000
    assert replies and all("text" in r or "custom" in r for r in replies)


@pytest.mark.parametrize(
    "body,status,fragment",
    [
        (b'{"sender": "x", "message": ', 400, "Ongeldige JSON"),
        (b"[]", 400, "JSON-object"),
        (b'{"message": "hoi"}', 400, "sender"),
        (b'{"sender": "x", "message": 5}', 400, "tekst"),
    ],
)
def test_malformed_requests_get_a_clear_error(servers, body, status, fragment):
    response = requests.post(f"{servers.rasa}/webhooks/rest/webhook", data=body, timeout=10)
    assert response.status_code == status
    assert fragment in response.json()["error"]


def test_server_stays_up_after_bad_input(servers):
    requests.post(f"{servers.rasa}/webhooks/rest/webhook", data=b"\xff\xfe", timeout=10)
    assert requests.get(f"{servers.rasa}/webhooks/rest/", timeout=5).json() == {"status": "ok"}
    assert "Wegwijzer" in _texts(servers.say("it-after", "goedemorgen"))


def test_status_shows_the_spacy_pipeline(servers):
    status = requests.get(f"{servers.web}/health", timeout=5).json()
    pipeline = status["spacy_pipeline"]
    assert pipeline["requested"] == "nl_core_news_sm"
    if pipeline["fallback"]:
        assert pipeline["name"] != "nl_core_news_sm"
