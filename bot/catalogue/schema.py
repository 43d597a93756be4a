"""Pydantic schema of the sociale kaart (catalogue).

Modelled on Open Referral HSDS (organization, service, location, contact, schedule,
eligibility, service area) and extended for the Dutch social domain: leefgebieden,
toegang, laag, sources per fact (`bronnen`) and facts still to be checked
(`te_controleren`).  Field names are Dutch because the data is maintained by
municipal staff; the HSDS export maps them to HSDS names.
"""
from __future__ import annotations

import re
from enum import Enum
from typing import Dict, List, Optional, Tuple

from pydantic import BaseModel, Field, root_validator, validator

ID_PATTERN = r"^[a-z0-9][a-z0-9_-]*$"

# Facts that residents act on. If one is not given by a source, it must be listed in
# `te_controleren` so the gemeente can fill it in; the bot then never states it.
CHECKABLE_FACTS = ("telefoon", "email", "website", "adres", "openingstijden")


class Toegang(str, Enum):
    """How a resident gets in."""

    vrij_toegankelijk = "vrij_toegankelijk"  # walk in / join, no sign-up
    zonder_afspraak = "zonder_afspraak"  # spreekuur or inloop, no appointment
    aanmelden = "aanmelden"  # contact them yourself; no referral needed
    verwijzing_of_indicatie = "verwijzing_of_indicatie"  # needs a referral or a decision


class Laag(str, Enum):
    """Where a service sits in the routing order of the seeds."""

    sociale_basis = "sociale_basis"  # free, no indicatie
    scharnier = "scharnier"  # front door between sociale basis and vangnet
    vangnet = "vangnet"  # maatwerk / specialist, often needs indicatie
    noodhulp = "noodhulp"  # emergency and safety lines


class Strict(BaseModel):
    class Config:
        extra = "forbid"
        anystr_strip_whitespace = True


class Bron(Strict):
    """A source for facts: a line range in a seed document, or a public fact.

    `vermelding` is a word or phrase that must occur in the cited lines: it makes
    the citation checkable.  `feiten` lists which checkable facts
    (telefoon, adres, ...) this source supports.
    """

    seed: Optional[str] = Field(None, regex=r"^\d{3}$")
    regels: Optional[Tuple[int, int]] = None
    vermelding: Optional[str] = None
    url: Optional[str] = None
    omschrijving: Optional[str] = None
    feiten: List[str] = []

    @root_validator(skip_on_failure=True)
    def _seed_or_public(cls, values: dict) -> dict:
        seed, regels = values.get("seed"), values.get("regels")
        if seed:
            if not regels or not values.get("vermelding"):
                raise ValueError("een seed-bron heeft 'regels' en 'vermelding' nodig")
            start, end = regels
            if start < 1 or end < start:
                raise ValueError(f"ongeldige regels {regels}")
        elif not (values.get("url") and values.get("omschrijving")):
            raise ValueError("een bron is een seed (seed, regels, vermelding) of publiek (url, omschrijving)")
        for feit in values.get("feiten", []):
            if feit not in CHECKABLE_FACTS:
                raise ValueError(f"onbekend feit '{feit}'; kies uit {', '.join(CHECKABLE_FACTS)}")
        return values


class Contact(Strict):
    telefoon: Optional[str] = None
    telefoon_label: Optional[str] = None  # e.g. "24 uur per dag, gratis"
    email: Optional[str] = None
    website: Optional[str] = None
    chat: Optional[str] = None

    @validator("email")
    def _email(cls, v: Optional[str]) -> Optional[str]:
        if v and not re.fullmatch(r"[^@\s]+@[^@\s]+\.[a-z]{2,}", v):
            raise ValueError(f"ongeldig e-mailadres '{v}'")
        return v


class Locatie(Strict):
    naam: str
    adres: Optional[str] = None
    plaats: Optional[str] = None
    gebied: Optional[str] = None  # id in gebieden.yml


class Openingstijd(Strict):
    omschrijving: str  # e.g. "maandag 9.00-12.00"; only with a source


class Leeftijd(Strict):
    min: Optional[int] = Field(None, ge=0, le=120)
    max: Optional[int] = Field(None, ge=0, le=120)

    @root_validator(skip_on_failure=True)
    def _order(cls, values: dict) -> dict:
        lo, hi = values.get("min"), values.get("max")
        if lo is not None and hi is not None and lo > hi:
            raise ValueError(f"leeftijd min {lo} is groter dan max {hi}")
        return values

    def covers(self, age: int) -> bool:
        return (self.min is None or age >= self.min) and (self.max is None or age <= self.max)


class Organisatie(Strict):
    id: str = Field(..., regex=ID_PATTERN)
    naam: str
    beschrijving: str
    synoniemen: List[str] = []
    website: Optional[str] = None
    partners: List[str] = []  # organisatie ids
    bronnen: List[Bron] = Field(..., min_items=1)
    te_controleren: List[str] = []


class Dienst(Strict):
    """A service (HSDS `service`) a resident can use."""

    id: str = Field(..., regex=ID_PATTERN)
    naam: str
    organisatie: str
    synoniemen: List[str] = []  # other names residents and staff use
    samenvatting: str  # one B1 sentence: what it does for a resident
    beschrijving: str  # a few sentences, for staff and the card
    leefgebieden: List[str] = Field(..., min_items=1)
    toegang: Toegang
    toegang_uitleg: Optional[str] = None  # B1: how to get there
    laag: Laag
    doelgroep: List[str] = []
    leeftijd: Optional[Leeftijd] = None
    partners: List[str] = []  # organisatie ids
    kosten: Optional[str] = None
    meenemen: List[str] = []
    verwachting: Optional[str] = None  # what happens when you go (sourced)
    contact: Contact = Contact()
    locaties: List[Locatie] = []
    openingstijden: List[Openingstijd] = []
    werkgebied: List[str] = []  # gebied ids; empty = whole gemeente
    trefwoorden: List[str] = []  # words a receptionist or resident might use
    zie_ook: List[str] = []  # dienst ids
    bronnen: List[Bron] = Field(..., min_items=1)
    te_controleren: List[str] = []

    @validator("samenvatting")
    def _short(cls, v: str) -> str:
        if len(v) > 220:
            raise ValueError("samenvatting is te lang (max 220 tekens, het is één korte zin)")
        return v


class Gebied(Strict):
    """A wijk, dorp or gebied, placed in a stadsdeel (HSDS service_area)."""

    id: str = Field(..., regex=ID_PATTERN)
    naam: str
    soort: str = "gebied"  # wijk, dorp, buurt, gebied
    stadsdeel: Optional[str] = None
    synoniemen: List[str] = []
    opmerking: Optional[str] = None  # e.g. when the stadsdeel is inferred, not stated
    bronnen: List[Bron] = Field(..., min_items=1)


class AlgemeenKanaal(Strict):
    omschrijving: str  # B1, e.g. "de website of het algemene telefoonnummer van de gemeente"
    contact: Contact = Contact()
    bronnen: List[Bron] = []
    te_controleren: List[str] = []


class Gemeente(Strict):
    id: str = Field(..., regex=ID_PATTERN)
    naam: str
    landelijk: bool = False  # true for the national services shared by every gemeente
    voordeur: Optional[str] = None  # dienst id of the general front door
    # leefgebied id -> dienst id: the door for a clear question when the words of the
    # question do not point at a more specific service
    standaard_deuren: Dict[str, str] = {}
    algemeen_kanaal: Optional[AlgemeenKanaal] = None
    stadsdelen: List[str] = []
    bronnen: List[Bron] = []


class RegelAls(Strict):
    """When a routing rule applies. Every given condition must hold."""

    leefgebied: Optional[str] = None  # the intake mentions this leefgebied
    leefgebieden_min: Optional[int] = None  # at least this many leefgebieden
    leeftijd: List[str] = []  # age groups: onder_18, 18_23, 24_64, 65_plus (quote them in YAML)
    voor_wie: List[str] = []  # zelf, kind, naaste
    urgentie: List[str] = []  # vandaag, deze_week, geen_haast
    kinderen: Optional[str] = None  # ja / nee


    @validator("leeftijd", each_item=True)
    def _age_group(cls, v: str) -> str:
        groups = ("onder_18", "18_23", "24_64", "65_plus")
        if v not in groups:
            raise ValueError(f"onbekende leeftijdsgroep '{v}' (kies uit {', '.join(groups)}; zet aanhalingstekens om 18_23)")
        return v


class Regel(Strict):
    """A routing rule from the gemeente's policy: conditions -> a door, with the reason and its source."""

    id: str = Field(..., regex=ID_PATTERN)
    als: RegelAls
    dan: str  # dienst id
    reden: str  # B1, said to the resident on "waarom?"
    bron: Bron


class Leefgebied(Strict):
    id: str = Field(..., regex=ID_PATTERN)
    label: str  # B1 button text, e.g. "Geldzorgen en schulden"
    omschrijving: str
    trefwoorden: List[str] = []
