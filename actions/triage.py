"""The intake form (`triage_form`): Rasa glue over bot.triage."""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import catalogue, gemeente_of, send
from bot.dialogue.context import question_text
from bot.routing.router import INTENT_LEEFGEBIED, Router
from bot.triage import intake as it
from bot.triage.routing import advice_messages, recommend

INTRO = "Ik stel je een paar korte vragen. Dan weet ik beter waar je terechtkunt. Je kunt elke vraag overslaan."
WHY_ASKED = {
    "triage_leefgebieden": "Ik vraag dit om de plek te vinden die het best bij je vraag past.",
    "triage_voor_wie": "Voor kinderen en volwassenen zijn er soms andere plekken.",
    "triage_leeftijd": "Sommige hulp is er voor een leeftijd, bijvoorbeeld voor jongeren tot 23 jaar.",
    "triage_kinderen": "Als er kinderen thuis zijn, kan het CJG of het wijkteam ook helpen.",
    "triage_urgentie": "Als het snel moet, zoek ik een plek waar je meteen terechtkunt.",
    "triage_hulp": "Dan stuur ik je niet naar een plek waar je al bent.",
    "triage_wijk": "Dan kan ik een plek dichtbij zoeken.",
    "triage_contact": "Dan zoek ik een plek die past bij hoe jij contact wilt.",
}
QUESTION_INTENTS = {"org_wat", "org_contact", "org_afspraak", "org_verwijzing", "org_locatie", *INTENT_LEEFGEBIED}


def _filled(tracker: Tracker) -> Dict[str, Any]:
    return {slot: tracker.get_slot(slot) for slot in it.SLOTS}


class ActionTriageStart(Action):
    """Start (or resume, or correct one answer of) the intake."""

    def name(self) -> Text:
        return "action_triage_start"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        events: List[EventType] = [SlotSet("aanbod", None)]
        change = next(tracker.get_latest_entity_values("triage_wijzig"), None)
        if change in it.SLOTS:
            dispatcher.utter_message(text="Oké, dat pas ik aan.")
            return events + [SlotSet(change, None)]
        filled = _filled(tracker)
        if any(v is not None for v in filled.values()) and not tracker.get_slot("triage_samenvatting"):
            dispatcher.utter_message(text="We gaan verder met de vragen.")
            return events
        # a new intake: start clean, but use what the resident already told us
        events += [SlotSet(slot, None) for slot in it.SLOTS] + [SlotSet("triage_samenvatting", None)]
        dispatcher.utter_message(text=INTRO)
        words = question_text(tracker.events)
        areas = it.parse_leefgebieden(words, catalogue()) if words else None
        if areas:
            events.append(SlotSet("triage_leefgebieden", areas))
        events.append(SlotSet("triage_vraag", words[:300] if words else None))
        return events


def _make_ask_action(slot: str) -> type:
    class AskAction(Action):
        def name(self) -> Text:
            return f"action_ask_{slot}"

        async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
            send(dispatcher, [it.question(slot, catalogue(), tracker.get_slot("triage_voor_wie"))])
            return []

    AskAction.__name__ = f"ActionAsk_{slot}"
    return AskAction


ASK_ACTIONS = [_make_ask_action(slot) for slot in it.SLOTS]
globals().update({cls.__name__: cls for cls in ASK_ACTIONS})


class ValidateTriageForm(FormValidationAction):
    def name(self) -> Text:
        return "validate_triage_form"

    async def required_slots(
        self, domain_slots: List[Text], dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[Text]:
        gemeente = gemeente_of(tracker)
        has_gebieden = bool(catalogue().gemeenten[gemeente].gebieden)
        return it.needed_slots(_filled(tracker), has_gebieden)

    async def _validate(self, slot: str, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker) -> Dict[Text, Any]:
        text = str(value or "")
        gemeente = gemeente_of(tracker)
        cat = catalogue()
        parsed = it.parse_answer(slot, text, cat, gemeente)
        if parsed is not None:
            return {slot: parsed}
        correction = it.find_correction(text, slot, _filled(tracker))
        if correction:
            other, new = correction
            dispatcher.utter_message(text="Oké, dat heb ik aangepast.")
            return {other: new, slot: None}
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        if intent == "why":
            dispatcher.utter_message(text=WHY_ASKED[slot])
        elif intent == "bot_challenge":
            dispatcher.utter_message(response="utter_bot_challenge")
        elif intent in QUESTION_INTENTS and (tracker.latest_message.get("intent") or {}).get("confidence", 0) >= 0.6:
            # an unrelated question in the middle: answer it briefly, then go on
            router = Router(cat, gemeente)
            named = router.named(text)
            dienst = named or router.advise(intent, text, confidence=float((tracker.latest_message.get("intent") or {}).get("confidence") or 0.0)).dienst
            dispatcher.utter_message(text=f"Even tussendoor: {dienst.naam}. {dienst.samenvatting}")
            dispatcher.utter_message(text="Dan gaan we verder met de vragen.")
        else:
            dispatcher.utter_message(text=it.REPROMPT[slot])
        return {slot: None}

    async def validate_triage_leefgebieden(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> Dict[Text, Any]:
        return await self._validate("triage_leefgebieden", value, dispatcher, tracker)

    async def validate_triage_voor_wie(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> Dict[Text, Any]:
        return await self._validate("triage_voor_wie", value, dispatcher, tracker)

    async def validate_triage_leeftijd(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> Dict[Text, Any]:
        return await self._validate("triage_leeftijd", value, dispatcher, tracker)

    async def validate_triage_kinderen(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> Dict[Text, Any]:
        return await self._validate("triage_kinderen", value, dispatcher, tracker)

    async def validate_triage_urgentie(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> Dict[Text, Any]:
        return await self._validate("triage_urgentie", value, dispatcher, tracker)

    async def validate_triage_hulp(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> Dict[Text, Any]:
        return await self._validate("triage_hulp", value, dispatcher, tracker)

    async def validate_triage_wijk(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> Dict[Text, Any]:
        return await self._validate("triage_wijk", value, dispatcher, tracker)

    async def validate_triage_contact(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> Dict[Text, Any]:
        return await self._validate("triage_contact", value, dispatcher, tracker)


def intake_of(tracker: Tracker) -> it.Intake:
    slots = {slot: tracker.get_slot(slot) for slot in it.SLOTS}
    return it.Intake.from_slots(gemeente_of(tracker), slots, tracker.get_slot("triage_vraag"))


class ActionTriageSummary(Action):
    """'Dit heb ik begrepen: ...' with a chance to correct."""

    def name(self) -> Text:
        return "action_triage_summary"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        intake = intake_of(tracker)
        lines = intake.lines(catalogue()) or ["Je hebt alle vragen overgeslagen. Dat is goed."]
        dispatcher.utter_message(text="Dit heb ik begrepen:\n" + "\n".join(f"- {line}" for line in lines))
        dispatcher.utter_message(
            text="Klopt dit?",
            buttons=[{"title": "Ja, dat klopt", "payload": "/affirm"}, {"title": "Nee, ik wil iets aanpassen", "payload": "/deny"}],
        )
        return [SlotSet("triage_samenvatting", intake.as_dict()), SlotSet("aanbod", "samenvatting")]


CORRECTABLE = [
    ("Onderwerp", "triage_leefgebieden"),
    ("Voor wie", "triage_voor_wie"),
    ("Leeftijd", "triage_leeftijd"),
    ("Hoe snel", "triage_urgentie"),
    ("Hulp die je al krijgt", "triage_hulp"),
    ("Wijk", "triage_wijk"),
    ("Contact", "triage_contact"),
]


class ActionTriageAskCorrection(Action):
    def name(self) -> Text:
        return "action_triage_ask_correction"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        buttons = [{"title": title, "payload": f'/start_triage{{"triage_wijzig": "{slot}"}}'} for title, slot in CORRECTABLE]
        dispatcher.utter_message(text="Wat wil je aanpassen?", buttons=buttons)
        return []


class ActionTriageAdvice(Action):
    """Ranked recommendations with reasons, from the gemeente's routing rules."""

    def name(self) -> Text:
        return "action_triage_advice"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        cat = catalogue()
        intake = intake_of(tracker)
        recs = recommend(cat, intake)
        send(dispatcher, advice_messages(cat, intake, recs))
        main = recs[0]
        advice = {"gemeente": intake.gemeente, "dienst": main.dienst.id, "rule": main.rule, "reason": main.reason, "leefgebied": None}
        return [
            SlotSet("laatste_advies", advice),
            SlotSet("triage_samenvatting", {**intake.as_dict(), "advies": [r.as_dict() for r in recs]}),
        ]

