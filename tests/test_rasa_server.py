"""The Rasa start-up fix: one validator for action-server responses, same verdicts as Rasa's own."""
import jsonschema
import pytest
from rasa.core.actions.action import RemoteAction

from bot import rasa_server

VALID = [
    {"events": [], "responses": []},
    {"events": [{"event": "slot", "name": "gemeente", "value": "apeldoorn"}], "responses": [{"text": "Hoi"}]},
    {"events": [{"event": "action", "name": "action_listen"}, {"event": "pause"}]},
]
INVALID = [
    {"events": [{"event": "no_such_event"}]},
    {"events": "not a list"},
    {"events": [{"name": "gemeente"}]},  # an event without its type
]


@pytest.mark.parametrize("response", VALID)
def test_valid_responses_pass_like_rasa(response):
    jsonschema.validate(response, RemoteAction.action_response_format_spec())  # Rasa's own check
    assert rasa_server._validate_action_result(None, response) is True


@pytest.mark.parametrize("response", INVALID)
def test_invalid_responses_fail_like_rasa(response):
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(response, RemoteAction.action_response_format_spec())
    with pytest.raises(jsonschema.ValidationError, match="Failed to validate Action server response"):
        rasa_server._validate_action_result(None, response)


def test_the_schema_is_checked_once_not_per_response(monkeypatch):
    rasa_server.action_response_validator.cache_clear()
    cls = type(rasa_server.action_response_validator())
    calls = []
    original = cls.check_schema
    monkeypatch.setattr(cls, "check_schema", classmethod(lambda c, s: calls.append(1) or original(s)))
    rasa_server.action_response_validator.cache_clear()
    for _ in range(20):
        rasa_server._validate_action_result(None, VALID[1])
    assert len(calls) == 1


def test_apply_patches_replaces_rasas_method(monkeypatch):
    monkeypatch.setattr(RemoteAction, "_validate_action_result", RemoteAction._validate_action_result)
    rasa_server.apply_patches()
    assert RemoteAction._validate_action_result is rasa_server._validate_action_result
