"""Export the catalogue in the Open Referral HSDS structure (version 3.0 field names).

Other sociale-kaart tools can import this. Dutch-specific facts that HSDS has no field for
(laag, toegang, sources, facts still to verify) travel in HSDS `attributes` and in an
`x_wegwijzer` extension object, so nothing is lost and nothing is invented.
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional

from bot.catalogue.loader import Catalogue
from bot.catalogue.schema import Dienst

HSDS_VERSION = "3.0"
TAXONOMY_ID = "wegwijzer-leefgebieden"


def _uid(gemeente: str, kind: str, ident: str) -> str:
    return f"{gemeente}:{kind}:{ident}"


def _service(gemeente: str, d: Dienst, catalogue: Catalogue) -> Dict[str, Any]:
    org_scope = gemeente if d.organisatie in catalogue.gemeenten[gemeente].organisaties else "landelijk"
    sid = _uid(gemeente, "service", d.id)
    eligibility = "; ".join(d.doelgroep) or None
    return {
        "id": sid,
        "organization_id": _uid(org_scope, "organization", d.organisatie),
        "name": d.naam,
        "alternate_name": ", ".join(d.synoniemen) or None,
        "description": d.beschrijving.strip(),
        "url": d.contact.website,
        "email": d.contact.email,
        "status": "active",
        "application_process": d.toegang_uitleg,
        "fees_description": d.kosten,
        "eligibility_description": eligibility,
        "minimum_age": d.leeftijd.min if d.leeftijd else None,
        "maximum_age": d.leeftijd.max if d.leeftijd else None,
        "phones": (
            [{"id": f"{sid}:phone", "number": d.contact.telefoon, "description": d.contact.telefoon_label}]
            if d.contact.telefoon
            else []
        ),
        "schedules": [{"id": f"{sid}:schedule:{i}", "description": o.omschrijving} for i, o in enumerate(d.openingstijden)],
        "service_areas": (
            [{"id": f"{sid}:area:{g}", "name": g, "extent_type": "gebied"} for g in d.werkgebied]
            or [{"id": f"{sid}:area", "name": catalogue.gemeenten[gemeente].gemeente.naam, "extent_type": "gemeente"}]
        ),
        "attributes": [
            {"id": f"{sid}:attr:{lg}", "taxonomy_term_id": f"{TAXONOMY_ID}:{lg}", "value": lg} for lg in d.leefgebieden
        ],
        "x_wegwijzer": {
            "samenvatting": d.samenvatting,
            "laag": d.laag.value,
            "toegang": d.toegang.value,
            "verwachting": d.verwachting,
            "meenemen": d.meenemen,
            "bronnen": [b.dict(exclude_none=True) for b in d.bronnen],
            "te_controleren": d.te_controleren,
        },
    }


def export_hsds(catalogue: Catalogue, gemeente: Optional[str] = None) -> Dict[str, Any]:
    """HSDS JSON for one gemeente (with the national services) or for everything."""
    scopes: List[str] = [gemeente] if gemeente else sorted(catalogue.gemeenten)
    if gemeente and gemeente not in catalogue.gemeenten:
        raise KeyError(f"onbekende gemeente '{gemeente}'")
    if gemeente:
        scopes += [g.gemeente.id for g in catalogue.landelijk if g.gemeente.id != gemeente]
    organizations, services, locations = [], [], []
    for gid in scopes:
        data = catalogue.gemeenten[gid]
        for org in data.organisaties.values():
            organizations.append(
                {
                    "id": _uid(gid, "organization", org.id),
                    "name": org.naam,
                    "alternate_name": ", ".join(org.synoniemen) or None,
                    "description": org.beschrijving,
                    "website": org.website,
                    "x_wegwijzer": {"bronnen": [b.dict(exclude_none=True) for b in org.bronnen], "te_controleren": org.te_controleren},
                }
            )
        for d in data.diensten.values():
            service = _service(gid, d, catalogue)
            services.append(service)
            for i, loc in enumerate(d.locaties):
                lid = _uid(gid, "location", f"{d.id}-{i}")
                locations.append(
                    {
                        "id": lid,
                        "name": loc.naam,
                        "addresses": [{"address_1": loc.adres, "city": loc.plaats}] if loc.adres else [],
                        "service_at_locations": [{"id": f"{lid}:sal", "service_id": service["id"]}],
                    }
                )
    return {
        "hsds_version": HSDS_VERSION,
        "taxonomies": [{"id": TAXONOMY_ID, "name": "Wegwijzer leefgebieden", "description": "Leefgebieden in het sociaal domein"}],
        "taxonomy_terms": [
            {"id": f"{TAXONOMY_ID}:{lg.id}", "taxonomy_id": TAXONOMY_ID, "name": lg.label, "description": lg.omschrijving}
            for lg in catalogue.leefgebieden.values()
        ],
        "organizations": organizations,
        "services": services,
        "locations": locations,
    }
