"""Run Rasa with our start-up fixes: `python -m bot.rasa_server run ...` takes `rasa`'s own arguments.

Rasa 3.6 checks every action-server response with `jsonschema.validate`, which first checks
the whole events schema against the JSON-Schema meta-schema, on every call. On these machines
that was about 60% of Rasa's time per message (measured with py-spy, see docs/measurements.md).
We build the validator once and keep validating every response against the same schema, with
the same error message.
"""
from __future__ import annotations

import functools
import sys
from typing import Any, Dict, Text


@functools.lru_cache(maxsize=1)
def action_response_validator() -> Any:
    """A validator for Rasa's action-server response schema, built once."""
    from jsonschema.validators import validator_for
    from rasa.core.actions.action import RemoteAction

    schema = RemoteAction.action_response_format_spec()
    cls = validator_for(schema)
    cls.check_schema(schema)  # the part `jsonschema.validate` repeated on every message
    return cls(schema)


def _validate_action_result(self: Any, result: Dict[Text, Any]) -> bool:
    """Drop-in for `RemoteAction._validate_action_result` that reuses one validator."""
    from jsonschema import ValidationError
    from jsonschema.exceptions import best_match
    from rasa.shared.constants import DOCS_BASE_URL

    error = best_match(action_response_validator().iter_errors(result))
    if error is None:
        return True
    assert isinstance(error, ValidationError)
    error.message += (
        ". Failed to validate Action server response from API, make sure your response from the "
        f"Action endpoint is valid. For more information about the format visit {DOCS_BASE_URL}/custom-actions"
    )
    raise error


def apply_patches() -> None:
    from rasa.core.actions.action import RemoteAction

    RemoteAction._validate_action_result = _validate_action_result  # type: ignore[assignment]


def main() -> None:
    apply_patches()
    from rasa.__main__ import main as rasa_main

    sys.argv[0] = "rasa"
    rasa_main()


if __name__ == "__main__":
    main()
