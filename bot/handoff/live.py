"""Live hand-off at the channel: while a person has taken over, the bot is paused.

The channels call `after_message` for every resident message: if the conversation has an
open live ticket, the message goes to the staff inbox, and danger still gets the safety reply
at once (the paused bot cannot give it). Staff messages waiting for the resident are returned
so REST clients receive them with their next message or by polling.
"""
from __future__ import annotations

import logging
from typing import Any, Dict, List

from bot.catalogue.loader import load_catalogue
from bot.handoff.store import get_store
from bot.safety.detector import screen
from bot.safety.replies import safety_messages

logger = logging.getLogger(__name__)


def staff_text(message: Dict[str, Any]) -> str:
    if message["direction"] == "medewerker":
        return f"{message['author'] or 'Medewerker'}: {message['text']}"
    return message["text"]


def after_message(conversation_id: str, text: str, bot_replied: bool) -> List[Dict[str, Any]]:
    """Extra messages for the resident (safety reply, waiting staff messages)."""
    try:
        store = get_store()
        ticket = store.live_ticket_for(conversation_id)
        extra: List[Dict[str, Any]] = []
        if ticket and not bot_replied and text.strip() and not text.startswith("/"):
            store.add_message(ticket["id"], "inwoner", text)
            result = screen(text)
            if result.danger:
                store.mark_urgent(ticket["id"])
                store.add_message(ticket["id"], "notitie", f"Veiligheidssignaal ({result.level}): de inwoner kreeg meteen de noodnummers.")
                extra += [m for m in safety_messages(load_catalogue(), result.level, result.acute)[:1]]
        staff = [{"text": staff_text(m), "custom": {"type": "staff_message", "author": m["author"]}} for m in store.pending_for_resident(conversation_id)]
        return extra + staff
    except Exception:  # the hand-off store must never break the chat
        logger.exception("live hand-off check failed")
        return []


def pending(conversation_id: str) -> List[Dict[str, Any]]:
    return [{"text": staff_text(m), "author": m["author"], "created_at": m["created_at"]} for m in get_store().pending_for_resident(conversation_id)]
