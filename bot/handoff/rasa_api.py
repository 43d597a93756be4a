"""The few Rasa HTTP API calls the staff inbox needs (Rasa runs with --enable-api --auth-token)."""
from __future__ import annotations

import logging
from typing import Any, Dict, Optional
from urllib.parse import quote

import requests

from bot.config import settings

logger = logging.getLogger(__name__)


def api_token() -> str:
    from bot.serve import local_secret

    return settings().rasa_api_token or local_secret("rasa_api_token")


def _post(path: str, body: Dict[str, Any], params: Optional[Dict[str, str]] = None) -> bool:
    try:
        response = requests.post(
            f"{settings().rasa_url}{path}", json=body, params={"token": api_token(), **(params or {})}, timeout=30
        )
    except requests.RequestException as exc:
        logger.warning("Rasa API %s failed: %s", path, type(exc).__name__)
        return False
    if response.status_code >= 300:
        logger.warning("Rasa API %s answered %s", path, response.status_code)
        return False
    return True


def resume(conversation_id: str) -> bool:
    """Hand the conversation back to the bot (Rasa's ConversationResumed event)."""
    return _post(f"/conversations/{quote(conversation_id, safe='')}/tracker/events", {"event": "resume"}, {"include_events": "NONE"})


def relay(conversation_id: str) -> bool:
    """Push waiting staff messages to the resident's channel (socket.io); REST clients poll."""
    return _post(f"/conversations/{quote(conversation_id, safe='')}/execute", {"name": "action_relay_staff_messages"}, {"output_channel": "latest"})
