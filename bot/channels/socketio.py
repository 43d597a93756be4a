"""socket.io channel (web widget) with the same input hygiene as the REST channel."""
from __future__ import annotations

import json
import logging
from typing import Any, Awaitable, Callable, Dict

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.socketio import SocketIOInput, SocketIOOutput
from sanic import Blueprint

from bot.channels.sanitize import BSN_NOTE, LONG_MESSAGE_NOTE, clean

logger = logging.getLogger(__name__)


class _CountingOutput(SocketIOOutput):
    """The socket.io output, counting what the bot sends (a paused bot sends nothing)."""

    def __init__(self, inner: SocketIOOutput):
        super().__init__(inner.sio, inner.bot_message_evt)
        self.sent = 0

    async def _send_message(self, socket_id: str, response: Any) -> None:
        self.sent += 1
        await super()._send_message(socket_id, response)


class WegwijzerSocketIOInput(SocketIOInput):
    @classmethod
    def name(cls) -> str:
        return "socketio"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        bp = super().blueprint(on_new_message)
        sio = self.sio
        assert sio is not None

        async def handle_message(sid: str, data: Any) -> None:
            output = SocketIOOutput(sio, self.bot_message_evt)
            if not isinstance(data, dict):
                await sio.emit(self.bot_message_evt, {"text": "Ik kon je bericht niet lezen. Probeer het nog een keer."}, room=sid)
                return
            if self.session_persistence:
                sender = data.get("session_id")
                if not isinstance(sender, str) or not sender:
                    await sio.emit(self.bot_message_evt, {"text": "Je sessie is verlopen. Laad de pagina opnieuw."}, room=sid)
                    return
            else:
                sender = sid
            metadata: Dict[str, Any] = {}
            raw_meta = data.get(self.metadata_key) or {}
            if isinstance(raw_meta, str):
                try:
                    raw_meta = json.loads(raw_meta)
                except json.JSONDecodeError:
                    raw_meta = {}
            if isinstance(raw_meta, dict):
                metadata = raw_meta
            text = data.get("message")
            cleaned = clean(text if isinstance(text, str) else "")
            if cleaned.truncated:
                metadata["wegwijzer_truncated"] = True
                await output.send_text_message(sender, LONG_MESSAGE_NOTE)
            if cleaned.had_bsn:
                await output.send_text_message(sender, BSN_NOTE)
            collector = _CountingOutput(output)
            try:
                await on_new_message(UserMessage(cleaned.text, collector, sender, input_channel=self.name(), metadata=metadata))
            except Exception:
                logger.exception("processing a socket.io message failed")
                await output.send_text_message(sender, "Sorry, er ging iets mis bij mij. Probeer het nog een keer.")
            from bot.handoff.live import after_message

            for extra in after_message(sender, cleaned.text, bot_replied=collector.sent > 0):
                await output.send_text_message(sender, extra["text"])

        # replace Rasa's handler (it crashes on non-dict data and bad metadata)
        sio.on(self.user_message_evt, handle_message, namespace=self.namespace)
        return bp
