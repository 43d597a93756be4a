"""Resident-facing answers built from catalogue entries: short B1 Dutch, one question at a time.

Functions here return plain message dicts (`text`, optional `buttons`, optional `custom`)
so the Rasa actions only dispatch them and the wording is unit-testable.
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional

from bot.catalogue.loader import Catalogue
from bot.catalogue.schema import Dienst, Toegang
from bot.dialogue.language import explain_jargon
from bot.routing.router import Advice

Message = Dict[str, Any]

NEXT_STEP_BUTTONS = [
    {"title": "Meer informatie", "payload": "/more_info"},
    {"title": "Samen uitzoeken waar ik heen kan", "payload": "/start_triage"},
    {"title": "Met een medewerker praten", "payload": "/human_request"},
]

TOEGANG_DEFAULT = {
    Toegang.vrij_toegankelijk: "Je kunt er zonder afspraak terecht.",
    Toegang.zonder_afspraak: "Je kunt er zonder afspraak terecht.",
    Toegang.aanmelden: "Je kunt zelf contact opnemen. Je hebt geen verwijzing nodig.",
    Toegang.verwijzing_of_indicatie: (
        "Hiervoor heb je eerst een verwijzing of een besluit van de gemeente nodig. "
        "Dat heet een indicatie."
    ),
}


def contact_line(dienst: Dienst) -> Optional[str]:
    """Only contact facts that the catalogue has (and sourced); never invented."""
    c = dienst.contact
    parts = []
    if c.telefoon:
        parts.append(f"Bel {c.telefoon}" + (f" ({c.telefoon_label})" if c.telefoon_label else "") + ".")
    if c.website:
        parts.append(f"Kijk ook op {c.website}")
    if c.email:
        parts.append(f"Mail: {c.email}")
    return " ".join(parts) if parts else None


def how_to_get_there(dienst: Dienst) -> str:
    return dienst.toegang_uitleg or TOEGANG_DEFAULT[dienst.toegang]


def sources(catalogue: Catalogue, dienst: Dienst) -> List[str]:
    return [catalogue.source_label(b) for b in dienst.bronnen]


def _plain(messages: List[Message]) -> List[Message]:
    """Explain jargon the first time a message uses it (B1)."""
    return [{**m, "text": explain_jargon(m["text"])} if m.get("text") else m for m in messages]


def service_card(catalogue: Catalogue, gemeente: str, dienst: Dienst, reason: Optional[str] = None) -> Dict[str, Any]:
    """Structured payload for the web widget and the receptionist page."""
    org = catalogue.organisation(gemeente, dienst.organisatie)
    return {
        "type": "service_card",
        "gemeente": gemeente,
        "service": {
            "id": dienst.id,
            "name": dienst.naam,
            "organisation": org.naam if org else dienst.organisatie,
            "summary": dienst.samenvatting,
            "access": dienst.toegang.value,
            "how": how_to_get_there(dienst),
            "layer": dienst.laag.value,
            "contact": dienst.contact.dict(exclude_none=True),
            "locations": [loc.dict(exclude_none=True) for loc in dienst.locaties],
            "opening_hours": [o.omschrijving for o in dienst.openingstijden],
            "sources": sources(catalogue, dienst),
            "to_check": dienst.te_controleren,
        },
        "reason": reason,
    }


def advice_messages(catalogue: Catalogue, gemeente: str, advice: Advice) -> List[Message]:
    """The first reply to a question: names the door at once, then offers next steps."""
    d = advice.dienst
    contact = contact_line(d)
    if advice.broad:
        first = f"Je kunt met al je vragen terecht bij {d.naam}. {d.samenvatting}"
    else:
        first = f"Je kunt terecht bij {d.naam}. {d.samenvatting}"
    second = how_to_get_there(d) + (f" {contact}" if contact else "")
    messages: List[Message] = [
        {"text": first},
        {"text": second},
        {"custom": service_card(catalogue, gemeente, d, advice.reason)},
    ]
    if advice.broad:
        messages.append(
            {
                "text": "Wil je dat we samen uitzoeken wat je nodig hebt? Dan stel ik je een paar korte vragen.",
                "buttons": [
                    {"title": "Ja, samen uitzoeken", "payload": "/start_triage"},
                    {"title": "Met een medewerker praten", "payload": "/human_request"},
                    {"title": "Nee, dank je", "payload": "/deny"},
                ],
            }
        )
    else:
        messages.append({"text": "Wat wil je nu doen?", "buttons": NEXT_STEP_BUTTONS})
    return _plain(messages)


def more_info_messages(catalogue: Catalogue, gemeente: str, dienst: Dienst) -> List[Message]:
    org = catalogue.organisation(gemeente, dienst.organisatie)
    lines = [dienst.beschrijving.strip()]
    if dienst.verwachting:
        lines.append(dienst.verwachting)
    if dienst.meenemen:
        lines.append("Neem mee: " + ", ".join(dienst.meenemen) + ".")
    if dienst.kosten:
        lines.append(f"Kosten: {dienst.kosten}.")
    messages: List[Message] = [{"text": " ".join(lines)}]
    known = contact_line(dienst)
    if known:
        messages.append({"text": known})
    missing = [f for f in ("telefoon", "adres", "openingstijden") if f in dienst.te_controleren]
    if missing and not known:
        who = org.naam if org else dienst.naam
        messages.append(
            {
                "text": f"Het telefoonnummer, adres en de openingstijden van {who} heb ik nog niet. "
                "Een medewerker kan je helpen om contact te krijgen."
            }
        )
    messages.append({"text": "Kan ik nog iets anders voor je doen?", "buttons": [
        {"title": "Met een medewerker praten", "payload": "/human_request"},
        {"title": "Nee, dank je", "payload": "/deny"},
    ]})
    return _plain(messages)


def why_messages(catalogue: Catalogue, advice_reason: Optional[str], dienst: Optional[Dienst]) -> List[Message]:
    if not advice_reason or not dienst:
        return [{"text": "Ik heb je nog geen advies gegeven. Vertel me eerst je vraag."}]
    seed_sources = [b for b in dienst.bronnen if b.seed]
    text = advice_reason
    if seed_sources:
        text += f" Dit staat in {catalogue.source_short(seed_sources[0])}."
    return _plain([{"text": text}])


def organisation_messages(catalogue: Catalogue, gemeente: str, dienst: Dienst, aspect: str) -> List[Message]:
    """Answer a question about a named service: what, contact, appointment, referral, location."""
    contact = contact_line(dienst)
    if aspect == "org_contact":
        if contact:
            text = f"Zo bereik je {dienst.naam}: {contact}"
        else:
            text = (
                f"Het telefoonnummer van {dienst.naam} heb ik nog niet. "
                "Een medewerker kan je helpen om contact te krijgen."
            )
        text += " " + how_to_get_there(dienst)
    elif aspect == "org_afspraak":
        if dienst.toegang in (Toegang.zonder_afspraak, Toegang.vrij_toegankelijk):
            text = f"Nee, bij {dienst.naam} hoef je geen afspraak te maken. {how_to_get_there(dienst)}"
        else:
            text = f"Bij {dienst.naam} neem je eerst contact op. {how_to_get_there(dienst)}"
    elif aspect == "org_verwijzing":
        if dienst.toegang == Toegang.verwijzing_of_indicatie:
            text = f"Ja. {TOEGANG_DEFAULT[Toegang.verwijzing_of_indicatie]} {dienst.naam} kan je daarna helpen."
        else:
            text = f"Nee, voor {dienst.naam} heb je geen verwijzing nodig. {how_to_get_there(dienst)}"
    elif aspect == "org_locatie":
        places = [loc for loc in dienst.locaties if loc.adres]
        if places:
            text = f"{dienst.naam} zit op: " + "; ".join(f"{p.naam}, {p.adres}" for p in places) + "."
        else:
            text = f"Het adres van {dienst.naam} heb ik nog niet. Een medewerker kan je helpen om het te vinden."
        if dienst.openingstijden:
            text += " Open: " + "; ".join(o.omschrijving for o in dienst.openingstijden) + "."
    else:  # org_wat
        text = f"{dienst.naam}: {dienst.samenvatting} {how_to_get_there(dienst)}"
    return _plain([
        {"text": text},
        {"custom": service_card(catalogue, gemeente, dienst)},
        {"text": "Wat wil je nu doen?", "buttons": NEXT_STEP_BUTTONS},
    ])


def unknown_organisation_messages() -> List[Message]:
    return [{"text": "Die organisatie ken ik niet. Vertel in een paar woorden waar je hulp bij zoekt. Dan wijs ik je de weg."}]


def out_of_scope_gemeente_messages(catalogue: Catalogue, gemeente: str) -> List[Message]:
    meta = catalogue.gemeenten[gemeente].gemeente
    kanaal = meta.algemeen_kanaal
    where = kanaal.omschrijving if kanaal else f"de gemeente {meta.naam}"
    contact = " ".join(
        x for x in [
            f"Bel {kanaal.contact.telefoon}." if kanaal and kanaal.contact.telefoon else None,
            f"Website: {kanaal.contact.website}" if kanaal and kanaal.contact.website else None,
        ] if x
    )
    return [
        {
            "text": "Daar kan ik je niet mee helpen. Ik help alleen bij vragen over zorg, geld, kinderen, wonen en meedoen. "
            f"Deze vraag kun je stellen via {where}." + (f" {contact}" if contact else "")
        },
        {"custom": {"type": "out_of_scope", "gemeente": gemeente, "kanaal": where}},
    ]
