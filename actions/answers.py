"""Actions that answer questions from the catalogue. Logic lives in `bot.routing` and `bot.dialogue`."""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActionExecuted, EventType, SessionStarted, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.common import catalogue, gemeente_of, last_advice, send
from bot.dialogue import answers
from bot.dialogue.context import age_from_text, entity_values, parse_age, question_text
from bot.routing.router import Router


class ActionSessionStart(Action):
    def name(self) -> Text:
        return "action_session_start"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[EventType]:
        return [SessionStarted(), SlotSet("gemeente", gemeente_of(tracker)), ActionExecuted("action_listen")]


def _advice_slot(gemeente: str, advice: Any) -> Dict[str, Any]:
    return {
        "gemeente": gemeente,
        "dienst": advice.dienst.id,
        "rule": advice.rule,
        "reason": advice.reason,
        "leefgebied": advice.leefgebied,
    }


class ActionAnswerQuestion(Action):
    """First reply to a question: names the door at once (never opens with questions)."""

    def name(self) -> Text:
        return "action_answer_question"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[EventType]:
        gemeente = gemeente_of(tracker)
        cat = catalogue()
        predicted = tracker.latest_message.get("intent") or {}
        intent = predicted.get("name")
        text = question_text(tracker.events)
        age = parse_age(entity_values(tracker.latest_message, "leeftijd")) or age_from_text(text)
        advice = Router(cat, gemeente).advise(intent, text, leeftijd=age, confidence=float(predicted.get("confidence") or 0.0))
        send(dispatcher, answers.advice_messages(cat, gemeente, advice))
        return [
            SlotSet("gemeente", gemeente),
            SlotSet("laatste_advies", _advice_slot(gemeente, advice)),
            SlotSet("aanbod", "triage" if advice.broad else None),
        ]


class ActionAnswerOrganisation(Action):
    def name(self) -> Text:
        return "action_answer_organisation"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[EventType]:
        gemeente = gemeente_of(tracker)
        cat = catalogue()
        router = Router(cat, gemeente)
        text = question_text(tracker.events)
        names = entity_values(tracker.latest_message, "organisatie")
        dienst = router.first_named(names + [text])
        if not dienst:
            send(dispatcher, answers.unknown_organisation_messages())
            return []
        aspect = (tracker.latest_message.get("intent") or {}).get("name") or "org_wat"
        send(dispatcher, answers.organisation_messages(cat, gemeente, dienst, aspect))
        reason = f"Je vroeg naar {dienst.naam}."
        return [SlotSet("laatste_advies", {"gemeente": gemeente, "dienst": dienst.id, "rule": "naam", "reason": reason, "leefgebied": None})]


class ActionMoreInfo(Action):
    def name(self) -> Text:
        return "action_more_info"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[EventType]:
        cat = catalogue()
        # "wat is de stadsbank en hoe kom ik daar": a named service is what they want to know about
        gemeente = gemeente_of(tracker)
        router = Router(cat, gemeente)
        named = router.first_named(entity_values(tracker.latest_message, "organisatie"))
        if named:
            send(dispatcher, answers.organisation_messages(cat, gemeente, named, "org_wat"))
            reason = f"Je vroeg naar {named.naam}."
            return [SlotSet("laatste_advies", {"gemeente": gemeente, "dienst": named.id, "rule": "naam", "reason": reason, "leefgebied": None})]
        advice = last_advice(tracker)
        dienst = cat.service(advice["gemeente"], advice["dienst"]) if advice else None
        if not dienst:
            dispatcher.utter_message(text="Waarover wil je meer weten? Vertel me je vraag in een paar woorden.")
            return []
        send(dispatcher, answers.more_info_messages(cat, advice["gemeente"], dienst))  # type: ignore[index]
        return []


class ActionWhy(Action):
    def name(self) -> Text:
        return "action_why"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[EventType]:
        advice = last_advice(tracker)
        cat = catalogue()
        dienst = cat.service(advice["gemeente"], advice["dienst"]) if advice else None
        send(dispatcher, answers.why_messages(cat, advice.get("reason") if advice else None, dienst))
        return []


class ActionOutOfScopeGemeente(Action):
    def name(self) -> Text:
        return "action_out_of_scope_gemeente"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[EventType]:
        send(dispatcher, answers.out_of_scope_gemeente_messages(catalogue(), gemeente_of(tracker)))
        return []
