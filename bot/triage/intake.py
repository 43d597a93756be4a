"""The intake ("brede uitvraag"): the questions, how free-text answers are read, the summary.

Plain Python, no Rasa: the form in `actions/triage.py` only calls these functions.
Every question can be answered by button or in the resident's own words, and skipped.
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Any, Dict, List, Optional, Tuple

from bot.catalogue.loader import Catalogue
from bot.catalogue.textnorm import collapse, fold, tokens
from bot.routing.router import leefgebieden_in

SKIPPED = "overgeslagen"

SLOTS = [
    "triage_leefgebieden",
    "triage_voor_wie",
    "triage_leeftijd",
    "triage_kinderen",
    "triage_urgentie",
    "triage_hulp",
    "triage_contact",
    "triage_wijk",
]

_SKIP = re.compile(
    r"^(?:weet (?:ik )?niet|weet niet|geen idee|sla (?:dit |deze |de vraag )?over|overslaan|volgende(?: vraag)?|"
    r"zeg ik liever niet|wil ik niet zeggen|liever niet|geen antwoord|skip|\?+|pass|weet ik veel)\b"
)
_CORRECTION = re.compile(r"\b(?:nee|ik bedoel|ik bedoelde|bedoel|eigenlijk|sorry|correctie|toch|verkeerd|fout)\b")


def is_skip(text: str) -> bool:
    return bool(_SKIP.search(fold(text).strip(" .!"))) or fold(text).strip() in ("-", "x")


# -- answer parsers: each returns the slot value or None when the answer is not understood


# In answer to "waar gaat je vraag over?" these everyday words name an area too.
ANSWER_WORDS = {
    "opvoeden": r"\b(?:kind|kinderen|kids|zoon|dochter|opvoed\w*)\b",
    "wonen": r"\b(?:huis|wonen|woning|huur)\b",
    "zorg": r"\b(?:zorg|hulp thuis|hulp in huis|ziek\w*|handicap|beperking)\b",
    "sociaal_contact": r"\b(?:alleen|eenzaam\w*|contact|mensen ontmoeten)\b",
    "financien": r"\b(?:geld|schuld\w*|rekening\w*)\b",
}


def parse_leefgebieden(text: str, catalogue: Catalogue) -> Optional[List[str]]:
    found = set(leefgebieden_in(text, catalogue))
    found |= {lg for lg, pattern in ANSWER_WORDS.items() if re.search(pattern, fold(text))}
    folded = fold(text)
    for lg in catalogue.leefgebieden.values():
        if fold(lg.label) in folded:
            found.add(lg.id)
    order = list(catalogue.leefgebieden)
    return sorted(found, key=order.index) or None


_VOOR_WIE = [
    ("kind", r"\b(?:kind|kinderen|kindje|zoon|zoontje|dochter|dochtertje|baby|peuter|puber|tiener|kleinkind)\b"),
    ("naaste", r"\b(?:moeder|vader|ouders?|partner|man|vrouw|echtgeno\w*|oma|opa|buur\w*|vriend\w*|iemand anders|ander|naaste|familie\w*|broer|zus|schoon\w+|tante|oom|neef|nicht|collega|kennis)\b"),
    ("zelf", r"\b(?:mezelf|mijzelf|ikzelf|zelf|voor mij|mij|ik)\b"),
]


def parse_voor_wie(text: str) -> Optional[str]:
    folded = fold(text)
    for value, pattern in _VOOR_WIE:
        if re.search(pattern, folded):
            return value
    return None


AGE_GROUPS = [("onder_18", 0, 17), ("18_23", 18, 23), ("24_64", 24, 64), ("65_plus", 65, 120)]
AGE_LABELS = {"onder_18": "jonger dan 18", "18_23": "18 tot en met 23 jaar", "24_64": "24 tot 65 jaar", "65_plus": "65 jaar of ouder"}


def age_group(age: int) -> str:
    return next(g for g, lo, hi in AGE_GROUPS if lo <= age <= hi)


def parse_leeftijd(text: str) -> Optional[str]:
    folded = fold(text)
    for group, label in AGE_LABELS.items():
        if fold(label) in folded:
            return group
    if re.search(r"\b(?:jonger dan 18|onder de 18|minderjarig|kind|tiener)\b", folded):
        return "onder_18"
    if re.search(r"\b(?:65\s*(?:\+|plus|of ouder)|gepensioneerd|bejaard|oudere)\b", folded):
        return "65_plus"
    numbers = [int(n) for n in re.findall(r"\b(\d{1,3})\b", folded) if 0 < int(n) <= 120]
    if numbers:
        return age_group(numbers[0])
    return None


def parse_ja_nee(text: str) -> Optional[str]:
    folded = fold(text).strip(" .!")
    if re.match(r"^(?:ja|jazeker|jawel|klopt|yes|jep|jup|zeker|wel)\b", folded) or re.search(r"\b(?:wonen er|heb ik|hebben we)\b.*\bkind", folded):
        return "ja"
    if re.match(r"^(?:nee|neen|nope|geen|niet|nooit)\b", folded) or "geen kinderen" in folded:
        return "nee"
    if re.search(r"\b\d+ (?:kinderen|kids|kinders)\b|\b(?:een|twee|drie|vier) (?:kind|kinderen)\b", folded):
        return "ja"
    return None


def parse_urgentie(text: str) -> Optional[str]:
    folded = fold(text)
    if re.search(r"\b(?:vandaag|nu|meteen|direct|dringend|spoed|zo snel mogelijk|asap|acuut|heel snel)\b", folded):
        return "vandaag"
    if re.search(r"\b(?:deze week|snel|binnenkort|paar dagen|week)\b", folded):
        return "deze_week"
    if re.search(r"\b(?:geen haast|niet dringend|maakt niet uit|rustig|geen spoed|kan wachten|later)\b", folded):
        return "geen_haast"
    return None


URGENTIE_LABELS = {"vandaag": "vandaag nog", "deze_week": "deze week", "geen_haast": "het heeft geen haast"}


def parse_hulp(text: str, catalogue: Catalogue, gemeente: str) -> Optional[str]:
    """'nee', or 'ja' plus who helps (a known service id when we recognise it)."""
    from bot.routing.router import Router

    folded = fold(text).strip(" .!")
    if re.match(r"^(?:nee|neen|geen|niemand|nog niet|nog geen|niet)\b", folded):
        return "nee"
    named = Router(catalogue, gemeente).named(text) if len(folded) > 2 else None
    if named:
        return f"ja:{named.id}"
    if re.match(r"^(?:ja|jawel|klopt|zeker)\b", folded) or re.search(r"\b(?:hulp van|helpt|begeleid|hulpverlener|wijkteam|huisarts|maatschappelijk)\b", folded):
        return "ja"
    return None


def parse_wijk(text: str, catalogue: Catalogue, gemeente: str) -> Optional[str]:
    from rapidfuzz import fuzz

    gebieden = catalogue.gemeenten[gemeente].gebieden
    if not gebieden:
        return None
    wanted = collapse(text)
    words = set(tokens(text))
    best: Tuple[int, Optional[str]] = (0, None)
    for gebied in gebieden.values():
        for name in [gebied.naam, *gebied.synoniemen]:
            key = collapse(name)
            if not key:
                continue
            if key == wanted or (len(key) >= 4 and key in wanted) or set(tokens(name)) <= words:
                return gebied.id
            score = fuzz.ratio(key, wanted)
            if score > best[0]:
                best = (int(score), gebied.id)
    return best[1] if best[0] >= 85 else None


def parse_contact(text: str) -> Optional[str]:
    folded = fold(text)
    if re.search(r"\b(?:langs\w*|bezoek|persoonlijk|gesprek op locatie|inloop|balie|naar (?:jullie|een locatie))\b", folded):
        return "langsgaan"
    if re.search(r"\b(?:bel\w*|telefo\w*|gebeld)\b", folded):
        return "bellen"
    if re.search(r"\b(?:chat\w*|app\w*|whatsapp|typen|berichten|mail\w*)\b", folded):
        return "chatten"
    if re.search(r"\b(?:maakt niet uit|geen voorkeur|alles goed|allemaal)\b", folded):
        return "geen_voorkeur"
    return None


CONTACT_LABELS = {"langsgaan": "langsgaan", "bellen": "bellen", "chatten": "chatten", "geen_voorkeur": "geen voorkeur"}
VOOR_WIE_LABELS = {"zelf": "voor jezelf", "kind": "voor je kind", "naaste": "voor iemand anders"}


def parse_answer(slot: str, text: str, catalogue: Catalogue, gemeente: str) -> Any:
    """The value for `slot` in this answer, SKIPPED, or None when not understood."""
    if is_skip(text):
        return SKIPPED
    if slot == "triage_leefgebieden":
        return parse_leefgebieden(text, catalogue)
    if slot == "triage_voor_wie":
        return parse_voor_wie(text)
    if slot == "triage_leeftijd":
        return parse_leeftijd(text)
    if slot == "triage_kinderen":
        return parse_ja_nee(text)
    if slot == "triage_urgentie":
        return parse_urgentie(text)
    if slot == "triage_hulp":
        return parse_hulp(text, catalogue, gemeente)
    if slot == "triage_wijk":
        return parse_wijk(text, catalogue, gemeente)
    if slot == "triage_contact":
        return parse_contact(text)
    raise KeyError(slot)


def find_correction(text: str, current_slot: str, filled: Dict[str, Any]) -> Optional[Tuple[str, Any]]:
    """'nee, ik bedoelde voor mijn moeder' while asked something else: which earlier answer changes."""
    if not _CORRECTION.search(fold(text)):
        return None
    for slot, parser in (("triage_voor_wie", parse_voor_wie), ("triage_leeftijd", parse_leeftijd), ("triage_urgentie", parse_urgentie), ("triage_contact", parse_contact)):
        if slot == current_slot or filled.get(slot) in (None,):
            continue
        value = parser(re.sub(_CORRECTION, " ", fold(text)))
        if value and value != filled.get(slot):
            return slot, value
    return None


# -- questions -------------------------------------------------------------------------


def question(slot: str, catalogue: Catalogue, voor_wie: Optional[str] = None) -> Dict[str, Any]:
    """The text and buttons for one question (button payloads are plain answers)."""
    def buttons(labels: List[str]) -> List[Dict[str, str]]:
        return [{"title": label, "payload": label} for label in labels] + [{"title": "Sla over", "payload": "sla over"}]

    ander = voor_wie in ("kind", "naaste")
    if slot == "triage_leefgebieden":
        labels = [lg.label for lg in list(catalogue.leefgebieden.values()) if lg.id not in ("veiligheid", "discriminatie", "vrijwilligerswerk")][:6]
        return {"text": "Waar gaat je vraag over? Kies wat het meest past. Je mag ook zelf typen, ook meer dingen tegelijk.", "buttons": buttons(labels)}
    if slot == "triage_voor_wie":
        return {"text": "Voor wie zoek je hulp?", "buttons": buttons(["Voor mezelf", "Voor mijn kind", "Voor iemand anders"])}
    if slot == "triage_leeftijd":
        text = "Hoe oud is die persoon ongeveer?" if ander else "Hoe oud ben je?"
        return {"text": text, "buttons": buttons(["Jonger dan 18", "18 tot en met 23 jaar", "24 tot 65 jaar", "65 jaar of ouder"])}
    if slot == "triage_kinderen":
        return {"text": "Wonen er kinderen bij je thuis?", "buttons": buttons(["Ja", "Nee"])}
    if slot == "triage_urgentie":
        return {"text": "Hoe snel heb je hulp nodig?", "buttons": buttons(["Vandaag nog", "Deze week", "Het heeft geen haast"])}
    if slot == "triage_hulp":
        return {"text": "Krijg je al hulp, en van wie? Bijvoorbeeld van het wijkteam of de huisarts.", "buttons": buttons(["Nee, nog niet", "Ja"])}
    if slot == "triage_wijk":
        return {"text": "In welke wijk of welk dorp woon je? Dan zoek ik een plek dichtbij.", "buttons": buttons([])}
    if slot == "triage_contact":
        return {"text": "Hoe wil je het liefst contact?", "buttons": buttons(["Langsgaan", "Bellen", "Chatten"])}
    raise KeyError(slot)


REPROMPT = {
    "triage_leefgebieden": "Ik snap nog niet waar je vraag over gaat. Kies een onderwerp, of zeg het in een paar woorden. Bijvoorbeeld: 'geld' of 'mijn kind'.",
    "triage_voor_wie": "Is de hulp voor jezelf, voor je kind of voor iemand anders?",
    "triage_leeftijd": "Typ een leeftijd, bijvoorbeeld 40, of kies een groep.",
    "triage_kinderen": "Typ 'ja' of 'nee'. Je mag ook 'sla over' typen.",
    "triage_urgentie": "Is het voor vandaag, voor deze week, of heeft het geen haast?",
    "triage_hulp": "Typ 'nee' als je nog geen hulp krijgt. Of zeg van wie je hulp krijgt.",
    "triage_wijk": "Die wijk ken ik niet. Typ de naam van je wijk of dorp, of 'sla over'.",
    "triage_contact": "Wil je langsgaan, bellen of chatten?",
}


# Children in the household change the advice for these areas (CJG, Leergeld, family help).
CHILDREN_MATTER = {"financien", "wonen", "psychisch", "werk"}


def needed_slots(filled: Dict[str, Any], has_gebieden: bool) -> List[str]:
    """The questions worth asking: about six, each only when its answer can change the advice."""
    slots = list(SLOTS)
    lgs = filled.get("triage_leefgebieden")
    lgs = lgs if isinstance(lgs, list) else []
    if filled.get("triage_voor_wie") in ("kind", "naaste") or not (set(lgs) & CHILDREN_MATTER):
        slots.remove("triage_kinderen")
    if not has_gebieden or filled.get("triage_contact") != "langsgaan":
        slots.remove("triage_wijk")  # the wijk only helps to find a place to walk into
    return slots


# -- the structured summary ------------------------------------------------------------


@dataclass
class Intake:
    """What the resident told us: the summary they check, and what a handoff will carry."""

    gemeente: str
    leefgebieden: List[str] = field(default_factory=list)
    voor_wie: Optional[str] = None
    leeftijd: Optional[str] = None
    kinderen: Optional[str] = None
    urgentie: Optional[str] = None
    hulp: Optional[str] = None
    wijk: Optional[str] = None
    contact: Optional[str] = None
    vraag: Optional[str] = None  # the resident's first words, cleaned and shortened

    @classmethod
    def from_slots(cls, gemeente: str, slots: Dict[str, Any], vraag: Optional[str] = None) -> "Intake":
        def val(name: str) -> Any:
            v = slots.get(name)
            return None if v in (None, SKIPPED) else v

        lgs = val("triage_leefgebieden") or []
        return cls(
            gemeente=gemeente,
            leefgebieden=list(lgs) if isinstance(lgs, list) else [lgs],
            voor_wie=val("triage_voor_wie"),
            leeftijd=val("triage_leeftijd"),
            kinderen=val("triage_kinderen"),
            urgentie=val("triage_urgentie"),
            hulp=val("triage_hulp"),
            wijk=val("triage_wijk"),
            contact=val("triage_contact"),
            vraag=vraag,
        )

    def as_dict(self) -> Dict[str, Any]:
        return asdict(self)

    def lines(self, catalogue: Catalogue) -> List[str]:
        """The summary in B1 sentences, one fact per line."""
        out = []
        if self.leefgebieden:
            labels = [catalogue.leefgebieden[lg].label.lower() for lg in self.leefgebieden if lg in catalogue.leefgebieden]
            out.append("Je vraag gaat over " + _join(labels) + ".")
        if self.voor_wie:
            out.append(f"Je zoekt hulp {VOOR_WIE_LABELS[self.voor_wie]}.")
        if self.leeftijd:
            who = "die persoon is" if self.voor_wie in ("kind", "naaste") else "je bent"
            out.append(f"Leeftijd: {who} {AGE_LABELS[self.leeftijd]}.")
        if self.kinderen:
            out.append("Er wonen kinderen bij je thuis." if self.kinderen == "ja" else "Er wonen geen kinderen bij je thuis.")
        if self.urgentie:
            out.append(f"Hoe snel: {URGENTIE_LABELS[self.urgentie]}.")
        if self.hulp:
            if self.hulp == "nee":
                out.append("Je krijgt nog geen hulp.")
            elif self.hulp.startswith("ja:"):
                dienst = catalogue.service(self.gemeente, self.hulp[3:])
                out.append(f"Je krijgt al hulp van {dienst.naam if dienst else 'een hulpverlener'}.")
            else:
                out.append("Je krijgt al hulp.")
        if self.wijk:
            gebied = catalogue.gemeenten[self.gemeente].gebieden.get(self.wijk)
            out.append(f"Je woont in {gebied.naam if gebied else self.wijk}.")
        if self.contact:
            out.append(f"Contact: {CONTACT_LABELS[self.contact]}.")
        return out


def _join(items: List[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " en " + items[-1] if items else ""
