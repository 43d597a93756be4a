"""REST channel at /webhooks/rest/webhook that never crashes and never loses a message.

Rasa's RestInput answers malformed JSON with a bare 400/500 and silently drops a
message whose processing fails. This subclass validates the request, answers
problems in clear Dutch, and always returns a reply for a valid message.
"""
from __future__ import annotations

import json
import logging
from typing import Any, Awaitable, Callable, Dict, List, Optional, Tuple

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.channels.sanitize import BSN_NOTE, LONG_MESSAGE_NOTE, clean

logger = logging.getLogger(__name__)

MAX_BODY_BYTES = 64_000
MAX_SENDER_CHARS = 128

SORRY = "Sorry, er ging iets mis bij mij. Probeer het nog een keer, of typ 'medewerker' om met iemand te praten."


def _error(status: int, message: str) -> HTTPResponse:
    return response.json({"error": message}, status=status)


def parse_request(body: bytes) -> Tuple[Optional[Dict[str, Any]], Optional[str]]:
    """(payload, None) for a usable request, or (None, why not) in Dutch."""
    if len(body) > MAX_BODY_BYTES:
        return None, f"Het bericht is te groot (maximaal {MAX_BODY_BYTES // 1000} kB)."
    try:
        payload = json.loads(body.decode("utf-8") or "null")
    except (UnicodeDecodeError, json.JSONDecodeError):
        return None, 'Ongeldige JSON. Stuur bijvoorbeeld: {"sender": "id", "message": "hallo"}.'
    if not isinstance(payload, dict):
        return None, 'Stuur een JSON-object, bijvoorbeeld: {"sender": "id", "message": "hallo"}.'
    sender = payload.get("sender")
    if not isinstance(sender, str) or not sender.strip() or len(sender) > MAX_SENDER_CHARS:
        return None, f"Geef een 'sender' mee: een tekst van 1 tot {MAX_SENDER_CHARS} tekens."
    message = payload.get("message", "")
    if message is None:
        message = ""
    if not isinstance(message, str):
        return None, "Het veld 'message' moet tekst zijn."
    metadata = payload.get("metadata")
    if metadata is not None and not isinstance(metadata, dict):
        return None, "Het veld 'metadata' moet een JSON-object zijn."
    return {"sender": sender.strip(), "message": message, "metadata": metadata or {}}, None


class WegwijzerRestInput(RestInput):
    @classmethod
    def name(cls) -> str:
        return "rest"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        bp = Blueprint("wegwijzer_rest", __name__)

        @bp.route("/", methods=["GET"])
        async def health(request: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @bp.route("/poll", methods=["GET"])
        async def poll(request: Request) -> HTTPResponse:
            """Messages from a staff member waiting for this resident (live hand-off)."""
            from bot.handoff.live import pending

            sender = (request.args.get("sender") or "").strip()
            if not sender or len(sender) > MAX_SENDER_CHARS:
                return _error(400, "Geef een 'sender' mee.")
            return response.json([{"recipient_id": sender, **m} for m in pending(sender)])

        @bp.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            payload, problem = parse_request(request.body or b"")
            if problem:
                return _error(400, problem)
            assert payload is not None
            cleaned = clean(payload["message"])
            metadata = dict(payload["metadata"])
            if cleaned.truncated:
                metadata["wegwijzer_truncated"] = True
            collector = CollectingOutputChannel()
            try:
                await on_new_message(
                    UserMessage(cleaned.text, collector, payload["sender"], input_channel=self.name(), metadata=metadata)
                )
            except Exception:  # the resident must still get an answer
                logger.exception("processing a REST message failed (sender %s)", payload["sender"][:8])
                collector.messages.append({"recipient_id": payload["sender"], "text": SORRY})
            from bot.handoff.live import after_message

            extras = [{"recipient_id": payload["sender"], **e} for e in after_message(payload["sender"], cleaned.text, bot_replied=bool(collector.messages))]
            # a safety reply first; what a staff member said earlier before the bot's answer
            staff = [e for e in extras if (e.get("custom") or {}).get("type") == "staff_message"]
            collector.messages[:0] = [e for e in extras if e not in staff] + staff
            if cleaned.truncated:
                collector.messages.insert(0, {"recipient_id": payload["sender"], "text": LONG_MESSAGE_NOTE})
            if cleaned.had_bsn:
                collector.messages.insert(0, {"recipient_id": payload["sender"], "text": BSN_NOTE})
            return response.json(collector.messages)

        return bp
