"""Turn an intake into ranked recommendations, following the gemeente's routing rules.

Order of help (the seeds' principle): first what the resident can do themselves and with
their network, then the free sociale basis (no indicatie), only then the vangnet. Several
life areas at once go to the front door as one point of contact. The rules themselves are
data (`data/catalogue/<gemeente>/routering.yml`), each with its reason and source.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import List, Optional

from bot.catalogue.loader import Catalogue
from bot.catalogue.schema import Dienst, Regel, Toegang
from bot.triage.intake import Intake

NETWORK_TIP = (
    "Kijk ook of iemand in je omgeving kan helpen. Bijvoorbeeld familie, een buur of een vriend. "
    "Die kan ook met je meegaan."
)


@dataclass
class Recommendation:
    dienst: Dienst
    rule: str  # rule id, or "standaard" / "voordeur"
    reason: str  # B1, shown on "waarom?"
    source: str  # readable citation of the rule

    def as_dict(self) -> dict:
        return {"dienst": self.dienst.id, "naam": self.dienst.naam, "regel": self.rule, "reden": self.reason, "bron": self.source}


def matches(regel: Regel, intake: Intake) -> bool:
    als = regel.als
    if als.leefgebied and als.leefgebied not in intake.leefgebieden:
        return False
    if als.leefgebieden_min and len(_distinct_needs(intake.leefgebieden)) < als.leefgebieden_min:
        return False
    if als.leeftijd and intake.leeftijd not in als.leeftijd:
        return False
    if als.voor_wie and intake.voor_wie not in als.voor_wie:
        return False
    if als.urgentie and intake.urgentie not in als.urgentie:
        return False
    if als.kinderen and intake.kinderen != als.kinderen:
        return False
    return True


# Pairs that are one need, not two: a carer's question about care, money and work.
ONE_NEED = [{"mantelzorg", "zorg"}, {"financien", "werk"}, {"jongeren", "opvoeden"}]


def _distinct_needs(leefgebieden: List[str]) -> List[str]:
    areas = list(dict.fromkeys(leefgebieden))
    if len(areas) == 2 and set(areas) in ONE_NEED:
        return areas[:1]
    return areas


def recommend(catalogue: Catalogue, intake: Intake, limit: int = 3) -> List[Recommendation]:
    """Ranked doors with reasons; never empty (the front door is the last resort)."""
    data = catalogue.gemeenten[intake.gemeente]
    out: List[Recommendation] = []
    seen = set()

    def add(dienst: Optional[Dienst], rule: str, reason: str, source: str) -> None:
        if dienst and dienst.id not in seen:
            seen.add(dienst.id)
            out.append(Recommendation(dienst, rule, reason, source))

    for regel in data.regels.values():
        if matches(regel, intake):
            add(catalogue.service(intake.gemeente, regel.dan), regel.id, regel.reden, catalogue.source_label(regel.bron))
    if not out:
        for lg in intake.leefgebieden:
            door_id = data.gemeente.standaard_deuren.get(lg)
            if door_id:
                label = catalogue.leefgebieden[lg].label.lower()
                door = catalogue.service(intake.gemeente, door_id)
                add(door, "standaard", f"Voor vragen over {label} is {door.naam if door else door_id} de eerste plek.", _first_source(catalogue, door))
    front = catalogue.front_door(intake.gemeente)
    add(front, "voordeur", f"{front.naam if front else 'De gemeente'} helpt met alle vragen en kijkt samen met je wat nodig is.", _first_source(catalogue, front))
    complex_case = any(r.rule == "meerdere-leefgebieden" for r in out)
    if not complex_case and out[0].dienst.toegang == Toegang.verwijzing_of_indicatie:
        # maatwerk only after free help: move the first door you can use without a referral up
        free = next((r for r in out[1:] if r.dienst.toegang != Toegang.verwijzing_of_indicatie), None)
        if free:
            out.remove(free)
            out.insert(0, free)
    if intake.urgentie == "vandaag":
        # today: a place you can walk into or call now goes first, if one is recommended
        walk_in = [r for r in out if r.dienst.toegang in (Toegang.zonder_afspraak, Toegang.vrij_toegankelijk)]
        if walk_in and not complex_case:
            out = walk_in[:1] + [r for r in out if r is not walk_in[0]]
    return out[:limit]


def _first_source(catalogue: Catalogue, dienst: Optional[Dienst]) -> str:
    if not dienst:
        return ""
    seed = [b for b in dienst.bronnen if b.seed]
    return catalogue.source_label(seed[0] if seed else dienst.bronnen[0])


def advice_messages(catalogue: Catalogue, intake: Intake, recs: List[Recommendation]) -> List[dict]:
    """The advice after the intake: network tip, one main door with reason, alternatives as buttons."""
    from bot.dialogue.answers import contact_line, how_to_get_there, service_card
    from bot.dialogue.language import explain_jargon

    main = recs[0]
    d = main.dienst
    contact = contact_line(d)
    messages = [
        {"text": NETWORK_TIP},
        {"text": explain_jargon(f"Mijn advies: ga naar {d.naam}. {main.reason}")},
        {"text": explain_jargon(how_to_get_there(d) + (f" {contact}" if contact else ""))},
        {"custom": service_card(catalogue, intake.gemeente, d, main.reason)},
    ]
    buttons = [{"title": f"Meer over {r.dienst.naam}"[:45], "payload": f"/org_wat{{\"organisatie\": \"{r.dienst.naam}\"}}"} for r in recs[1:]]
    buttons += [{"title": "Waarom dit advies?", "payload": "/why"}, {"title": "Met een medewerker praten", "payload": "/human_request"}]
    if len(recs) > 1:
        others = " en ".join(r.dienst.naam for r in recs[1:])
        messages.append({"text": f"Je kunt ook terecht bij {others}. Wat wil je nu doen?", "buttons": buttons})
    else:
        messages.append({"text": "Wat wil je nu doen?", "buttons": buttons})
    return messages
