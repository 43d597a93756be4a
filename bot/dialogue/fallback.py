"""Two-stage fallback in readable Dutch: "Bedoel je: Geldzorgen en schulden?" and never a dead end."""
from __future__ import annotations

from typing import Any, Dict, List, Optional

from bot.catalogue.loader import Catalogue
from bot.routing.router import INTENT_LEEFGEBIED

Message = Dict[str, Any]

# Intents worth suggesting, with button text. Small talk (greet, thank, ...) is never suggested.
OTHER_LABELS = {
    "dont_know_where": "Ik weet niet waar ik moet beginnen",
    "human_request": "Praten met een medewerker",
    "help": "Wat kun je voor mij doen?",
    "org_wat": "Uitleg over een organisatie",
    "org_contact": "Contactgegevens van een organisatie",
    "org_afspraak": "Moet ik een afspraak maken?",
    "org_verwijzing": "Heb ik een verwijzing nodig?",
    "org_locatie": "Waar zit een organisatie?",
    "out_of_scope_gemeente": "Een andere vraag aan de gemeente",
}


def intent_label(intent: str, catalogue: Catalogue) -> Optional[str]:
    if intent in INTENT_LEEFGEBIED:
        return catalogue.leefgebieden[INTENT_LEEFGEBIED[intent]].label
    return OTHER_LABELS.get(intent)


def suggestions(ranking: List[Dict[str, Any]], catalogue: Catalogue, limit: int = 2, min_confidence: float = 0.05) -> List[Dict[str, str]]:
    """Up to `limit` readable suggestions from the NLU ranking, best first."""
    out = []
    for entry in ranking:
        name = entry.get("name")
        if not name or name == "nlu_fallback" or (entry.get("confidence") or 0) < min_confidence:
            continue
        label = intent_label(name, catalogue)
        if label and all(s["payload"] != f"/{name}" for s in out):
            out.append({"title": label, "payload": f"/{name}"})
        if len(out) == limit:
            break
    return out


def ask_affirmation_messages(ranking: List[Dict[str, Any]], catalogue: Catalogue) -> List[Message]:
    options = suggestions(ranking, catalogue)
    buttons = options + [{"title": "Iets anders", "payload": "/out_of_scope"}]
    if options:
        text = f"Ik weet niet zeker of ik je goed begrijp. Bedoel je: {options[0]['title']}?"
        if len(options) > 1:
            text = "Ik weet niet zeker of ik je goed begrijp. Gaat je vraag over een van deze onderwerpen?"
    else:
        text = "Ik weet niet zeker of ik je goed begrijp. Kies een onderwerp, of typ je vraag anders."
        buttons = [
            {"title": catalogue.leefgebieden["financien"].label, "payload": "/vraag_geld"},
            {"title": catalogue.leefgebieden["opvoeden"].label, "payload": "/vraag_opvoeden"},
            {"title": "Iets anders", "payload": "/out_of_scope"},
        ]
    return [{"text": text, "buttons": buttons}]


def ask_rephrase_messages() -> List[Message]:
    return [
        {
            "text": "Kun je je vraag anders zeggen? Gebruik een paar gewone woorden. "
            "Bijvoorbeeld: 'ik heb schulden' of 'ik zorg voor mijn moeder'."
        }
    ]


def give_up_messages(front_door_name: str) -> List[Message]:
    """After two misses: a person or the front door, never a dead end."""
    return [
        {"text": f"Sorry, ik begrijp je vraag nog steeds niet goed. Met elke vraag kun je terecht bij {front_door_name}."},
        {
            "text": "Wat wil je doen?",
            "buttons": [
                {"title": "Met een medewerker praten", "payload": "/human_request"},
                {"title": f"Meer over {front_door_name}", "payload": "/dont_know_where"},
                {"title": "Mijn vraag anders stellen", "payload": "/help"},
            ],
        },
    ]
