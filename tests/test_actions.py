"""Custom actions with fixture trackers (the RasaHQ financial-demo pattern)."""
import copy
import json
from pathlib import Path

import pytest
from rasa_sdk import Tracker
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.answers import ActionAnswerOrganisation, ActionAnswerQuestion, ActionMoreInfo, ActionOutOfScopeGemeente, ActionWhy
from actions.fallback import ActionDefaultAskAffirmation, ActionDefaultFallback
from actions.safety import ActionSafetyReply

DATA = Path(__file__).parent / "data" / "trackers"


@pytest.fixture
def tracker_data():
    return json.loads((DATA / "question_geld.json").read_text())


def make_tracker(data, **latest):
    data = copy.deepcopy(data)
    data["latest_message"].update(latest)
    if "text" in latest:
        data["events"][-1]["text"] = latest["text"]
        data["events"][-1]["parse_data"]["intent"] = data["latest_message"]["intent"]
    return Tracker.from_dict(data)


@pytest.fixture
def dispatcher():
    return CollectingDispatcher()


def _texts(dispatcher):
    return " ".join(m.get("text") or "" for m in dispatcher.messages)


def _cards(dispatcher):
    return [m["custom"] for m in dispatcher.messages if m.get("custom", {}).get("type") == "service_card"]


async def test_answer_question_names_the_door_and_remembers_it(tracker_data, dispatcher):
    events = await ActionAnswerQuestion().run(dispatcher, make_tracker(tracker_data), {})
    cards = _cards(dispatcher)
    assert cards and cards[0]["service"]["id"] in {"centenkwesties", "schuldhulpverlening", "vroegsignalering-schulden"}
    assert SlotSet("gemeente", "apeldoorn") in events
    advice = next(e for e in events if e["name"] == "laatste_advies")["value"]
    assert advice["dienst"] == cards[0]["service"]["id"] and advice["reason"]


async def test_gemeente_comes_from_channel_metadata(tracker_data, dispatcher):
    tracker = make_tracker(tracker_data, metadata={"gemeente": "Almelo"}, text="ik weet niet waar ik heen moet", intent={"name": "dont_know_where", "confidence": 0.9})
    await ActionAnswerQuestion().run(dispatcher, tracker, {})
    assert _cards(dispatcher)[0]["service"]["id"] == "klantcontactcentrum"


async def test_unknown_gemeente_falls_back_to_default(tracker_data, dispatcher):
    tracker = make_tracker(tracker_data, metadata={"gemeente": "atlantis"}, text="ik weet het niet", intent={"name": "dont_know_where", "confidence": 0.9})
    await ActionAnswerQuestion().run(dispatcher, tracker, {})
    assert _cards(dispatcher)[0]["service"]["id"] == "samen055"


async def test_organisation_question_with_misspelled_entity(tracker_data, dispatcher):
    tracker = make_tracker(
        tracker_data,
        text="moet ik een afspraak maken bij centekwesties",
        intent={"name": "org_afspraak", "confidence": 0.9},
        entities=[{"entity": "organisatie", "value": "centekwesties", "start": 33, "end": 46}],
    )
    await ActionAnswerOrganisation().run(dispatcher, tracker, {})
    assert _texts(dispatcher).startswith("Nee, bij Centenkwesties hoef je geen afspraak te maken")


async def test_unknown_organisation(tracker_data, dispatcher):
    tracker = make_tracker(tracker_data, text="wat doet de stichting blauwe maan", intent={"name": "org_wat", "confidence": 0.9}, entities=[])
    assert await ActionAnswerOrganisation().run(dispatcher, tracker, {}) == []
    assert "ken ik niet" in _texts(dispatcher)


async def test_more_info_and_why_use_the_last_advice(tracker_data, dispatcher):
    data = copy.deepcopy(tracker_data)
    data["slots"]["laatste_advies"] = {"gemeente": "apeldoorn", "dienst": "schuldhulpverlening", "rule": "zoeken", "reason": "Omdat het zo is.", "leefgebied": "financien"}
    await ActionMoreInfo().run(dispatcher, Tracker.from_dict(data), {})
    assert "20 werkdagen" in _texts(dispatcher)
    why = CollectingDispatcher()
    await ActionWhy().run(why, Tracker.from_dict(data), {})
    assert "Omdat het zo is." in _texts(why) and "kadernota van de gemeente" in _texts(why)


async def test_more_info_about_a_named_service_answers_about_that_service(tracker_data, dispatcher):
    data = copy.deepcopy(tracker_data)
    data["slots"]["laatste_advies"] = {"gemeente": "apeldoorn", "dienst": "schuldhulpverlening", "rule": "zoeken", "reason": "x", "leefgebied": "financien"}
    tracker = make_tracker(
        data,
        text="wat is centenkwesties en hoe kom ik daar",
        intent={"name": "more_info", "confidence": 0.6},
        entities=[{"entity": "organisatie", "value": "centenkwesties", "start": 7, "end": 21}],
    )
    events = await ActionMoreInfo().run(dispatcher, tracker, {})
    assert "Centenkwesties" in _texts(dispatcher) and "20 werkdagen" not in _texts(dispatcher)
    assert next(e for e in events if e["name"] == "laatste_advies")["value"]["dienst"] == "centenkwesties"


async def test_why_without_advice(tracker_data, dispatcher):
    await ActionWhy().run(dispatcher, make_tracker(tracker_data), {})
    assert "nog geen advies" in _texts(dispatcher)


async def test_out_of_scope_gemeente(tracker_data, dispatcher):
    await ActionOutOfScopeGemeente().run(dispatcher, make_tracker(tracker_data), {})
    assert "niet mee helpen" in _texts(dispatcher)


async def test_two_stage_fallback_actions(tracker_data, dispatcher):
    tracker = make_tracker(
        tracker_data,
        intent={"name": "nlu_fallback", "confidence": 0.4},
        intent_ranking=[{"name": "nlu_fallback", "confidence": 0.4}, {"name": "vraag_wonen", "confidence": 0.35}, {"name": "vraag_geld", "confidence": 0.3}],
    )
    await ActionDefaultAskAffirmation().run(dispatcher, tracker, {})
    assert [b["title"] for b in dispatcher.messages[0]["buttons"]][:2] == ["Wonen en overlast", "Geldzorgen en schulden"]
    give_up = CollectingDispatcher()
    events = await ActionDefaultFallback().run(give_up, tracker, {})
    assert "Samen055" in _texts(give_up) and events and events[0]["event"] == "rewind"


@pytest.mark.parametrize(
    "intent,number",
    [("gevaar_acuut", "112"), ("gevaar_suicide", "0800-0113"), ("gevaar_huiselijk", "0800-2000")],
)
async def test_safety_reply_comes_first_with_the_number(tracker_data, dispatcher, intent, number):
    tracker = make_tracker(tracker_data, intent={"name": intent, "confidence": 1.0})
    await ActionSafetyReply().run(dispatcher, tracker, {})
    assert number in dispatcher.messages[0]["text"]
    assert not dispatcher.messages[0].get("buttons")  # the safety reply stands alone


@pytest.mark.parametrize(
    "offer,yes,no",
    [
        ("triage", "action_triage_start", "utter_anything_else"),
        ("handoff", "handoff_form", "action_handoff_declined"),
        ("samenvatting", "action_triage_advice", "action_triage_ask_correction"),
    ],
)
async def test_yes_and_no_follow_the_open_offer(tracker_data, offer, yes, no):
    from actions.yesno import ActionJa, ActionNee

    data = copy.deepcopy(tracker_data)
    data["slots"]["aanbod"] = offer
    events = await ActionJa().run(CollectingDispatcher(), Tracker.from_dict(data), {})
    assert FollowupAction(yes) in events and SlotSet("aanbod", None) in events
    events = await ActionNee().run(CollectingDispatcher(), Tracker.from_dict(data), {})
    assert FollowupAction(no) in events


async def test_yes_without_an_offer_asks_for_the_question(tracker_data, dispatcher):
    from actions.yesno import ActionJa

    assert await ActionJa().run(dispatcher, make_tracker(tracker_data), {}) == []
    assert dispatcher.messages[0]["response"] == "utter_ask_question"


async def test_broad_question_opens_the_intake_offer(tracker_data, dispatcher):
    tracker = make_tracker(tracker_data, text="ik weet niet waar ik moet beginnen", intent={"name": "dont_know_where", "confidence": 0.9})
    events = await ActionAnswerQuestion().run(dispatcher, tracker, {})
    assert SlotSet("aanbod", "triage") in events
