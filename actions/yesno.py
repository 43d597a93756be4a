"""One place that decides what "ja" and "nee" mean: it depends on what was just offered.

The `aanbod` slot names the open offer ("triage", "handoff", "samenvatting"); it is set by the
action that asks and cleared here. Keeping this out of the dialogue rules avoids a featurised
slot in every rule.
"""
from __future__ import annotations

from typing import List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

YES = {"triage": "action_triage_start", "handoff": "handoff_form", "samenvatting": "action_triage_advice"}
NO = {"triage": "utter_anything_else", "handoff": "action_handoff_declined", "samenvatting": "action_triage_ask_correction"}


def _last_bot_action(tracker: Tracker) -> str:
    for event in reversed(tracker.events):
        if event.get("event") == "action" and event.get("name") not in ("action_listen", None):
            return event["name"]
    return ""


class ActionJa(Action):
    def name(self) -> Text:
        return "action_ja"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        offer = tracker.get_slot("aanbod")
        if offer in YES:
            return [SlotSet("aanbod", None), FollowupAction(YES[offer])]
        dispatcher.utter_message(response="utter_ask_question")
        return []


class ActionNee(Action):
    def name(self) -> Text:
        return "action_nee"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        offer = tracker.get_slot("aanbod")
        if offer in NO:
            return [SlotSet("aanbod", None), FollowupAction(NO[offer])]
        if _last_bot_action(tracker) == "utter_anything_else":
            dispatcher.utter_message(response="utter_goodbye")
        else:
            dispatcher.utter_message(response="utter_anything_else")
        return []
