"""Shared glue between rasa_sdk and the `bot` library."""
from __future__ import annotations

import json
from typing import Any, Dict, List, Optional

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.catalogue.loader import Catalogue, load_catalogue
from bot.config import settings
from bot.dialogue.context import resolve_gemeente


def catalogue() -> Catalogue:
    return load_catalogue()


def gemeente_of(tracker: Tracker) -> str:
    """Gemeente from this message's channel metadata, else the session's, else the default."""
    metadata = tracker.latest_message.get("metadata") or {}
    session = tracker.get_slot("session_started_metadata") or {}
    return resolve_gemeente(
        [metadata.get("gemeente"), tracker.get_slot("gemeente"), session.get("gemeente") if isinstance(session, dict) else None],
        catalogue(),
        settings().default_gemeente,
    )


def send(dispatcher: CollectingDispatcher, messages: List[Dict[str, Any]]) -> None:
    for message in messages:
        if "custom" in message:
            dispatcher.utter_message(json_message=message["custom"])
        else:
            dispatcher.utter_message(text=message.get("text"), buttons=message.get("buttons") or [])


def last_advice(tracker: Tracker) -> Optional[Dict[str, Any]]:
    raw = tracker.get_slot("laatste_advies")
    if isinstance(raw, dict):
        return raw
    if isinstance(raw, str):
        try:
            return json.loads(raw)
        except json.JSONDecodeError:
            return None
    return None
