"""Hand-off to a person: consent, contact details, ticket, live takeover. Logic in bot.handoff."""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import ActionExecuted, ConversationPaused, EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import catalogue, gemeente_of, last_advice, send
from bot.handoff import flow
from bot.handoff.config import handoff_config
from bot.handoff.outbox import notify
from bot.handoff.store import get_store
from bot.triage.intake import SKIPPED

HANDOFF_SLOTS = ["handoff_kanaal", "handoff_telefoon", "handoff_email", "handoff_tijd", "handoff_naam"]


def _dienst_id(tracker: Tracker) -> Optional[str]:
    advice = last_advice(tracker)
    return advice.get("dienst") if advice else None


def _team(tracker: Tracker):  # type: ignore[no-untyped-def]
    gemeente = gemeente_of(tracker)
    return flow.team_and_expectation(catalogue(), gemeente, handoff_config().for_gemeente(gemeente), _dienst_id(tracker))


class ActionHumanRequest(Action):
    """Offer a hand-off: say what is shared, with whom and why, and ask permission."""

    def name(self) -> Text:
        return "action_human_request"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        team, _ = _team(tracker)
        send(dispatcher, flow.consent_messages(team))
        return [SlotSet("aanbod", "handoff")] + [SlotSet(s, None) for s in HANDOFF_SLOTS]


class ActionHandoffDeclined(Action):
    def name(self) -> Text:
        return "action_handoff_declined"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        send(dispatcher, flow.declined_messages(catalogue(), gemeente_of(tracker)))
        return [SlotSet("aanbod", None)]


class ActionAskHandoffKanaal(Action):
    def name(self) -> Text:
        return "action_ask_handoff_kanaal"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        team, _ = _team(tracker)
        send(dispatcher, [flow.kanaal_question(team, team.live_now())])
        return []


def _make_ask(slot: str) -> type:
    class Ask(Action):
        def name(self) -> Text:
            return f"action_ask_{slot}"

        async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
            send(dispatcher, [flow.QUESTIONS[slot]])
            return []

    Ask.__name__ = f"ActionAsk_{slot}"
    return Ask


ASK_ACTIONS = [_make_ask(s) for s in ("handoff_telefoon", "handoff_email", "handoff_tijd", "handoff_naam")]
globals().update({cls.__name__: cls for cls in ASK_ACTIONS})


class ValidateHandoffForm(FormValidationAction):
    def name(self) -> Text:
        return "validate_handoff_form"

    async def required_slots(
        self, domain_slots: List[Text], dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[Text]:
        return flow.handoff_slots(tracker.get_slot("handoff_kanaal"))

    async def _validate(self, slot: str, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker) -> Dict[Text, Any]:
        team, _ = _team(tracker)
        parsed, ok = flow.parse_handoff_answer(slot, str(value or ""), team.live_now())
        if ok:
            return {slot: parsed}
        dispatcher.utter_message(text=flow.REPROMPTS[slot])
        return {slot: None}

    async def validate_handoff_kanaal(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> Dict[Text, Any]:
        return await self._validate("handoff_kanaal", value, dispatcher, tracker)

    async def validate_handoff_telefoon(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> Dict[Text, Any]:
        return await self._validate("handoff_telefoon", value, dispatcher, tracker)

    async def validate_handoff_email(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> Dict[Text, Any]:
        return await self._validate("handoff_email", value, dispatcher, tracker)

    async def validate_handoff_tijd(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> Dict[Text, Any]:
        return await self._validate("handoff_tijd", value, dispatcher, tracker)

    async def validate_handoff_naam(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> Dict[Text, Any]:
        return await self._validate("handoff_naam", value, dispatcher, tracker)


def _had_danger(tracker: Tracker) -> bool:
    return any(
        e.get("event") == "user" and (e.get("parse_data") or {}).get("wegwijzer_safety") for e in tracker.events
    )


class ActionHandoffCreate(Action):
    """Create the ticket, tell the resident the reference and what to expect; pause for live chat."""

    def name(self) -> Text:
        return "action_handoff_create"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        gemeente = gemeente_of(tracker)
        team, expectation = _team(tracker)
        kanaal = tracker.get_slot("handoff_kanaal") or "bellen"
        if kanaal == "chat" and not team.live_now():
            kanaal = "bellen"  # the team closed while the resident was answering
        summary = tracker.get_slot("triage_samenvatting") or {
            "gemeente": gemeente,
            "vraag": (tracker.get_slot("triage_vraag") or flow.resident_question(tracker.events))[:300] or None,
        }
        advice = last_advice(tracker)
        if advice:
            summary = {**summary, "laatste_advies": {k: advice.get(k) for k in ("dienst", "reason")}}
        naam = tracker.get_slot("handoff_naam")
        contact = {
            "kanaal": kanaal,
            "telefoon": tracker.get_slot("handoff_telefoon"),
            "email": tracker.get_slot("handoff_email"),
            "tijd": tracker.get_slot("handoff_tijd"),
            "naam": None if naam == SKIPPED else naam,
        }
        store = get_store()
        ticket = store.create_ticket(
            gemeente=gemeente,
            team=team.id,
            dienst=_dienst_id(tracker),
            summary=summary,
            transcript=flow.transcript(tracker.events),
            contact=contact,
            mode={"chat": "live", "bellen": "terugbellen", "email": "email", "whatsapp": "whatsapp"}[kanaal],
            conversation_id=tracker.sender_id,
            channel=tracker.get_latest_input_channel(),
            urgent=_had_danger(tracker),
        )
        notify(store, store.get(ticket.id), "ticket_aangemaakt")
        send(dispatcher, flow.confirmation_messages(ticket.id, team, kanaal, None if kanaal == "chat" else expectation))
        dispatcher.utter_message(json_message={"type": "handoff", "ticket": ticket.id, "team": team.naam, "mode": ticket.mode})
        events: List[EventType] = [SlotSet("aanbod", None), SlotSet("handoff_ticket", ticket.id)]
        events += [SlotSet(s, None) for s in HANDOFF_SLOTS]
        if kanaal == "chat":
            events.append(ConversationPaused())
        return events


class ActionRelayStaffMessages(Action):
    """Run by the staff inbox (Rasa HTTP API, output_channel=latest) to push staff messages."""

    def name(self) -> Text:
        return "action_relay_staff_messages"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        # run from outside a turn (HTTP API): end with action_listen so that the next resident
        # message is predicted normally (Rasa does not add it after /execute; cf. rasa#5645)
        listen = [ActionExecuted("action_listen")]
        # REST residents fetch their messages themselves (poll or next reply); push only to sockets
        if tracker.get_latest_input_channel() != "socketio":
            return listen
        for message in get_store().pending_for_resident(tracker.sender_id):
            who = message["author"] or "Medewerker"
            dispatcher.utter_message(text=f"{who}: {message['text']}" if message["direction"] == "medewerker" else message["text"])
        return listen
