"""The safety reply. Which level applies is decided in NLU (bot.nlp.components.MessageScreen)."""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.common import catalogue, send
from bot.safety.replies import ACUUT, HUISELIJK, SUICIDE, safety_messages

INTENT_LEVEL = {"gevaar_acuut": ACUUT, "gevaar_suicide": SUICIDE, "gevaar_huiselijk": HUISELIJK}


class ActionSafetyReply(Action):
    def name(self) -> Text:
        return "action_safety_reply"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[EventType]:
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        screen = tracker.latest_message.get("wegwijzer_safety") or {}
        level = screen.get("level") or INTENT_LEVEL.get(intent, ACUUT)
        send(dispatcher, safety_messages(catalogue(), level, acute=bool(screen.get("acute"))))
        return []
