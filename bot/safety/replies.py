"""What the assistant says when someone may be in danger: first, alone, calm and short.

Numbers come from the national services in the catalogue (data/catalogue/landelijk),
so there is one place where they are written down.
"""
from __future__ import annotations

from typing import Any, Dict, List

from bot.catalogue.loader import Catalogue

Message = Dict[str, Any]

ACUUT = "acuut"
SUICIDE = "suicide"
HUISELIJK = "huiselijk_geweld"
LEVELS = (ACUUT, SUICIDE, HUISELIJK)


def _phone(catalogue: Catalogue, dienst_id: str) -> str:
    dienst = catalogue.service("landelijk", dienst_id)
    assert dienst and dienst.contact.telefoon, f"national service {dienst_id} needs a phone number"
    return dienst.contact.telefoon


def safety_text(catalogue: Catalogue, level: str, acute: bool = False) -> str:
    n112 = _phone(catalogue, "alarmnummer-112")
    if level == ACUUT:
        return f"Is er nu gevaar, of heeft iemand nu dringend hulp nodig? Bel meteen {n112}. Dat is gratis, dag en nacht."
    if level == SUICIDE:
        text = (
            "Wat goed dat je dit vertelt. Je hoeft dit niet alleen te dragen. "
            f"Praat er nu over met 113 Zelfmoordpreventie: bel 113 of gratis {_phone(catalogue, 'zelfmoordpreventie-113')}, "
            "of chat via 113.nl. Dag en nacht, en je mag anoniem blijven."
        )
        return (f"Is er nu direct gevaar? Bel {n112}. " + text) if acute else text + f" Is er direct gevaar? Bel {n112}."
    if level == HUISELIJK:
        text = (
            f"Wat goed dat je dit vertelt. Bel Veilig Thuis: {_phone(catalogue, 'veilig-thuis')}. "
            "Dat is gratis, dag en nacht. Je kunt ook anoniem om advies vragen, ook als het om iemand anders gaat."
        )
        return (f"Is er nu gevaar? Bel meteen {n112}. " + text) if acute else text + f" Is er nu gevaar? Bel {n112}."
    raise ValueError(f"unknown safety level {level}")


LEVEL_SERVICE = {ACUUT: "alarmnummer-112", SUICIDE: "zelfmoordpreventie-113", HUISELIJK: "veilig-thuis"}


def safety_messages(catalogue: Catalogue, level: str, acute: bool = False) -> List[Message]:
    """The safety reply (alone, first), then an offer to stay and help further."""
    return [
        {"text": safety_text(catalogue, level, acute)},
        {"custom": {"type": "safety", "level": level, "acute": acute, "service": LEVEL_SERVICE[level]}},
        {
            "text": "Ik blijf hier voor je. Wil je dat ik je verder help?",
            "buttons": [
                {"title": "Met een medewerker praten", "payload": "/human_request"},
                {"title": "Ja, help me verder", "payload": "/start_triage"},
                {"title": "Nee, nu niet", "payload": "/deny"},
            ],
        },
    ]
