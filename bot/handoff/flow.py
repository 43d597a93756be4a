"""The resident's side of a hand-off: consent, contact details, ticket, confirmation.

Plain Python; `actions/handoff.py` only connects it to Rasa.
"""
from __future__ import annotations

import re
from typing import Any, Dict, List, Optional, Tuple

import phonenumbers

from bot.catalogue.loader import Catalogue
from bot.catalogue.textnorm import fold
from bot.handoff.config import GemeenteHandoff, Team
from bot.triage.intake import SKIPPED, is_skip

KANALEN = {"chat": "Nu chatten", "bellen": "Terugbellen", "email": "Per e-mail", "whatsapp": "Via WhatsApp"}


def consent_messages(team: Team) -> List[Dict[str, Any]]:
    """What is shared, with whom and why, then the question. Two short sentences before it."""
    return [
        {
            "text": f"Ik kan je vraag doorgeven aan een medewerker van {team.naam}. "
            "Ik stuur dan mee wat je hier hebt verteld, met een korte samenvatting. "
            "Zo hoef je je verhaal niet opnieuw te vertellen."
        },
        {
            "text": "Mag ik dat doorsturen?",
            "buttons": [{"title": "Ja, dat mag", "payload": "/affirm"}, {"title": "Nee, liever niet", "payload": "/deny"}],
        },
    ]


def declined_messages(catalogue: Catalogue, gemeente: str) -> List[Dict[str, Any]]:
    """No consent: nothing is sent. Say where they can go themselves."""
    door = catalogue.front_door(gemeente)
    meta = catalogue.gemeenten[gemeente].gemeente
    where = meta.algemeen_kanaal.omschrijving if meta.algemeen_kanaal else f"de gemeente {meta.naam}"
    text = "Goed, ik stuur niets door."
    if door:
        text += f" Je kunt zelf contact opnemen met {door.naam}."
        if door.contact.website:
            text += f" Website: {door.contact.website}"
    text += f" Je kunt ook terecht via {where}."
    return [{"text": text}]


def kanaal_question(team: Team, live: bool) -> Dict[str, Any]:
    options = (["chat"] if live else []) + ["bellen", "email", "whatsapp"]
    text = "Hoe wil je contact?"
    if not live:
        text = "Er is nu geen medewerker om te chatten. Wil je dat we je terugbellen, mailen of appen?"
    return {"text": text, "buttons": [{"title": KANALEN[o], "payload": KANALEN[o]} for o in options]}


def parse_kanaal(text: str, live: bool) -> Optional[str]:
    folded = fold(text)
    if re.search(r"\b(?:chat\w*|nu praten|meteen|direct)\b", folded):
        return "chat" if live else None
    if re.search(r"\b(?:whatsapp|app\b|appen|appje)\b", folded):
        return "whatsapp"
    if re.search(r"\b(?:mail\w*|e-?mail)\b", folded):
        return "email"
    if re.search(r"\b(?:bel\w*|telefo\w*|terugbel\w*)\b", folded):
        return "bellen"
    return None


def parse_phone(text: str) -> Optional[str]:
    """A valid Dutch phone number in E.164 form, or None."""
    for match in phonenumbers.PhoneNumberMatcher(text, "NL"):
        number = match.number
        if phonenumbers.is_valid_number(number) and phonenumbers.region_code_for_number(number) == "NL":
            return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    digits = re.sub(r"[^\d+]", "", text)
    try:
        number = phonenumbers.parse(digits, "NL")
    except phonenumbers.NumberParseException:
        return None
    if phonenumbers.is_valid_number(number):
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    return None


_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}", re.IGNORECASE)


def parse_email(text: str) -> Optional[str]:
    match = _EMAIL.search(text.strip())
    return match.group(0).lower() if match else None


def parse_tijd(text: str) -> Optional[str]:
    folded = fold(text)
    for value, pattern in (
        ("ochtend", r"\b(?:ochtend|morgen\w*|voor de middag|voor 12)\b"),
        ("middag", r"\b(?:middag|na de lunch|na 12)\b"),
        ("avond", r"\b(?:avond|na het eten|na 17|na vijf)\b"),
        ("maakt niet uit", r"\b(?:maakt niet uit|altijd|wanneer ook|geen voorkeur|hele dag)\b"),
    ):
        if re.search(pattern, folded):
            return value
    return None


def parse_naam(text: str) -> Optional[str]:
    """A first name or how to be addressed: letters only, short, no numbers (nothing else is stored)."""
    cleaned = re.sub(r"^(?:ik ben|mijn naam is|noem me|ik heet)\s+", "", text.strip(), flags=re.IGNORECASE)
    cleaned = re.sub(r"[^\w\s'-]", "", cleaned).strip()
    if not cleaned or any(ch.isdigit() for ch in cleaned) or len(cleaned) > 40:
        return None
    return cleaned.split()[0].capitalize()


def handoff_slots(kanaal: Optional[str]) -> List[str]:
    slots = ["handoff_kanaal"]
    if kanaal in ("bellen", "whatsapp"):
        slots.append("handoff_telefoon")
    if kanaal == "email":
        slots.append("handoff_email")
    if kanaal == "bellen":
        slots.append("handoff_tijd")
    slots.append("handoff_naam")
    return slots


QUESTIONS = {
    "handoff_telefoon": {"text": "Op welk nummer kunnen we je bellen of appen?"},
    "handoff_email": {"text": "Op welk e-mailadres kunnen we je mailen?"},
    "handoff_tijd": {
        "text": "Wanneer kunnen we je het beste bellen?",
        "buttons": [{"title": t, "payload": t} for t in ("Ochtend", "Middag", "Avond", "Maakt niet uit")],
    },
    "handoff_naam": {
        "text": "Hoe mogen we je noemen? Alleen je voornaam is genoeg. Je mag dit overslaan.",
        "buttons": [{"title": "Sla over", "payload": "sla over"}],
    },
}
REPROMPTS = {
    "handoff_kanaal": "Kies hoe je contact wilt: terugbellen, e-mail of WhatsApp.",
    "handoff_telefoon": "Dat nummer klopt niet. Typ een Nederlands telefoonnummer, bijvoorbeeld 06 12345678.",
    "handoff_email": "Dat e-mailadres klopt niet. Typ het zo: naam@voorbeeld.nl",
    "handoff_tijd": "Typ ochtend, middag of avond. Of 'maakt niet uit'.",
    "handoff_naam": "Typ alleen je voornaam, of 'sla over'.",
}


def parse_handoff_answer(slot: str, text: str, live: bool) -> Tuple[Optional[Any], bool]:
    """(value, understood). The name question may be skipped; the contact details may not."""
    if slot == "handoff_naam":
        if is_skip(text):
            return SKIPPED, True
        value = parse_naam(text)
        return value, value is not None
    parser = {"handoff_kanaal": lambda t: parse_kanaal(t, live), "handoff_telefoon": parse_phone, "handoff_email": parse_email, "handoff_tijd": parse_tijd}[slot]
    value = parser(text)
    if value is None and slot == "handoff_tijd" and is_skip(text):
        return "maakt niet uit", True
    return value, value is not None


def confirmation_messages(ticket_id: str, team: Team, kanaal: str, expectation: Optional[str]) -> List[Dict[str, Any]]:
    if kanaal == "chat":
        return [
            {"text": f"Ik heb je vraag doorgegeven aan {team.naam}. Je nummer is {ticket_id}."},
            {"text": "Een medewerker komt zo bij je in dit gesprek. Je kunt alvast verder typen."},
        ]
    how = {"bellen": "belt je", "email": "mailt je", "whatsapp": "stuurt je een bericht"}[kanaal]
    text = f"Dank je. Ik heb je vraag doorgegeven aan {team.naam}. Je nummer is {ticket_id}. Een medewerker {how}."
    messages = [{"text": text}]
    if expectation:
        messages.append({"text": expectation})
    return messages


# intents whose message states the resident's need (form answers, "ja", a name are not)
QUESTION_PREFIXES = ("vraag_", "org_", "gevaar_")
QUESTION_INTENTS = {"dont_know_where", "nlu_fallback", "start_triage"}


def resident_question(events: List[Dict[str, Any]]) -> str:
    """The resident's own words for their need, for the ticket summary.

    The latest message that asked a question; a request for a person counts when it says more
    than "medewerker" ("ik heb schulden, kan ik iemand spreken?"). Form answers such as a first
    name or "Nu chatten" never do.
    """
    in_form = False
    candidates = []
    for event in events:
        if event.get("event") == "active_loop":
            in_form = bool(event.get("name"))
        elif event.get("event") == "user" and not in_form:
            candidates.append(event)  # an answer inside a form (a name, "Nu chatten") is no question
    for event in reversed(candidates):
        text = (event.get("text") or "").strip()
        if not text or text.startswith("/"):
            continue
        intent = (((event.get("parse_data") or {}).get("intent") or {}).get("name")) or ""
        if intent.startswith(QUESTION_PREFIXES) or intent in QUESTION_INTENTS:
            return text
        if intent == "human_request" and len(text.split()) >= 5:
            return text
    return ""


def transcript(events: List[Dict[str, Any]], limit: int = 16) -> List[Dict[str, str]]:
    """The last messages of the conversation (texts only; the store redacts them)."""
    out = []
    for event in events:
        if event.get("event") == "user" and (event.get("text") or "").strip() and not event["text"].startswith("/"):
            out.append({"van": "inwoner", "tekst": event["text"]})
        elif event.get("event") == "bot" and (event.get("text") or "").strip():
            out.append({"van": "wegwijzer", "tekst": event["text"]})
    return out[-limit:]


def team_and_expectation(catalogue: Catalogue, gemeente: str, settings: GemeenteHandoff, dienst_id: Optional[str]) -> Tuple[Team, Optional[str]]:
    """Which team receives the ticket, and the sourced or configured expectation to tell the resident."""
    team = settings.team_for(dienst_id)
    dienst = catalogue.service(gemeente, dienst_id) if dienst_id else None
    expectation = team.verwachting
    if dienst and dienst.verwachting and dienst.id in team.diensten:
        expectation = dienst.verwachting
    return team, expectation
