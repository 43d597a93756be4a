import json

from bot.channels.rest import MAX_BODY_BYTES, parse_request


def _body(obj) -> bytes:
    return json.dumps(obj).encode()


def test_valid_request():
    payload, problem = parse_request(_body({"sender": "a", "message": "hoi", "metadata": {"gemeente": "almelo"}}))
    assert problem is None
    assert payload == {"sender": "a", "message": "hoi", "metadata": {"gemeente": "almelo"}}


def test_missing_message_is_empty_not_an_error():
    payload, problem = parse_request(_body({"sender": "a"}))
    assert problem is None and payload["message"] == ""


def test_malformed_json_gets_a_dutch_explanation():
    payload, problem = parse_request(b'{"sender": "a", "message": ')
    assert payload is None and "Ongeldige JSON" in problem


def test_non_object_json():
    assert "JSON-object" in parse_request(b"[1, 2]")[1]


def test_sender_is_required_and_bounded():
    assert "sender" in parse_request(_body({"message": "hoi"}))[1]
    assert "sender" in parse_request(_body({"sender": "x" * 500, "message": "hoi"}))[1]
    assert "sender" in parse_request(_body({"sender": "   ", "message": "hoi"}))[1]


def test_message_must_be_text():
    assert "tekst" in parse_request(_body({"sender": "a", "message": {"x": 1}}))[1]


def test_metadata_must_be_an_object():
    assert "metadata" in parse_request(_body({"sender": "a", "message": "x", "metadata": "almelo"}))[1]


def test_body_size_limit():
    assert "te groot" in parse_request(b"x" * (MAX_BODY_BYTES + 1))[1]


def test_invalid_utf8():
    assert "Ongeldige JSON" in parse_request(b"\xff\xfe\xfa")[1]
