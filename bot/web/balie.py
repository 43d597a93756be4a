"""Receptionist look-up ("balie"): search the sociale kaart, filter, read everything known with sources."""
from __future__ import annotations

from typing import Any, Dict, List, Optional

from sanic import Blueprint, response
from sanic.request import Request

from bot.catalogue.loader import load_catalogue
from bot.catalogue.search import doelgroepen, get_index
from bot.config import settings
from bot.dialogue.answers import contact_line, how_to_get_there
from bot.web.templates import render

bp = Blueprint("balie")

TOEGANG_LABEL = {
    "vrij_toegankelijk": "Vrij toegankelijk",
    "zonder_afspraak": "Zonder afspraak",
    "aanmelden": "Zelf aanmelden, geen verwijzing nodig",
    "verwijzing_of_indicatie": "Verwijzing of indicatie nodig",
}
LAAG_LABEL = {"sociale_basis": "Sociale basis", "scharnier": "Algemene ingang", "vangnet": "Vangnet (maatwerk)", "noodhulp": "Nood- en hulplijn"}


def _params(request: Request) -> Dict[str, Any]:
    catalogue = load_catalogue()
    gemeente = request.args.get("gemeente") or settings().default_gemeente
    if gemeente not in catalogue.local_gemeenten():
        gemeente = settings().default_gemeente
    leefgebied = request.args.get("leefgebied") or None
    if leefgebied not in catalogue.leefgebieden:
        leefgebied = None
    return {
        "q": (request.args.get("q") or "").strip()[:200],
        "gemeente": gemeente,
        "leefgebied": leefgebied,
        "zonder_afspraak": request.args.get("zonder_afspraak") in ("1", "on", "true"),
        "doelgroep": (request.args.get("doelgroep") or "").strip()[:60] or None,
    }


def _search(p: Dict[str, Any]) -> List[Dict[str, Any]]:
    catalogue = load_catalogue()
    index = get_index(p["gemeente"])
    if p["q"]:
        hits = index.search(
            p["q"], limit=8, leefgebied=p["leefgebied"], zonder_afspraak=p["zonder_afspraak"], doelgroep=p["doelgroep"],
            front_door_fallback=not (p["leefgebied"] or p["zonder_afspraak"] or p["doelgroep"]),
        )
    elif p["leefgebied"] or p["zonder_afspraak"] or p["doelgroep"]:
        hits = index.browse(leefgebied=p["leefgebied"], zonder_afspraak=p["zonder_afspraak"], doelgroep=p["doelgroep"])
    else:
        return []
    rows = []
    for hit in hits:
        d = hit.service
        rows.append(
            {
                **hit.as_dict(),
                "how": how_to_get_there(d),
                "contact_line": contact_line(d),
                "toegang_label": TOEGANG_LABEL[d.toegang.value],
                "laag_label": LAAG_LABEL[d.laag.value],
                "leefgebied_labels": [catalogue.leefgebieden[lg].label for lg in d.leefgebieden],
                "beschrijving": d.beschrijving.strip(),
                "verwachting": d.verwachting,
                "meenemen": d.meenemen,
                "kosten": d.kosten,
                "doelgroep": d.doelgroep,
                "leeftijd": d.leeftijd.dict() if d.leeftijd else None,
                "locaties": [loc.dict(exclude_none=True) for loc in d.locaties],
                "openingstijden": [o.omschrijving for o in d.openingstijden],
                "bronnen": [catalogue.source_label(b) for b in d.bronnen],
            }
        )
    return rows


@bp.get("/")
async def index(request: Request) -> response.HTTPResponse:
    return response.redirect("/balie")


@bp.get("/balie")
async def balie(request: Request) -> response.HTTPResponse:
    catalogue = load_catalogue()
    p = _params(request)
    return render(
        "balie.html",
        p=p,
        results=_search(p),
        gemeenten=[(g, catalogue.gemeenten[g].gemeente.naam) for g in catalogue.local_gemeenten()],
        leefgebieden=list(catalogue.leefgebieden.values()),
        doelgroepen=doelgroepen(catalogue, p["gemeente"]),
    )


@bp.get("/api/zoek")
async def api_zoek(request: Request) -> response.HTTPResponse:
    p = _params(request)
    return response.json({"query": p, "results": _search(p)})
