"""Two-stage fallback actions (readable suggestions, then a person or the front door)."""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, UserUtteranceReverted
from rasa_sdk.executor import CollectingDispatcher

from actions.common import catalogue, gemeente_of, send
from bot.dialogue.fallback import ask_affirmation_messages, ask_rephrase_messages, give_up_messages


class ActionDefaultAskAffirmation(Action):
    def name(self) -> Text:
        return "action_default_ask_affirmation"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[EventType]:
        ranking = tracker.latest_message.get("intent_ranking") or []
        send(dispatcher, ask_affirmation_messages(ranking, catalogue()))
        return []


class ActionDefaultAskRephrase(Action):
    def name(self) -> Text:
        return "action_default_ask_rephrase"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[EventType]:
        send(dispatcher, ask_rephrase_messages())
        return []


class ActionDefaultFallback(Action):
    def name(self) -> Text:
        return "action_default_fallback"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[EventType]:
        door = catalogue().front_door(gemeente_of(tracker))
        send(dispatcher, give_up_messages(door.naam if door else "de gemeente"))
        # forget the misunderstood message so it does not steer the next prediction
        return [UserUtteranceReverted()]
