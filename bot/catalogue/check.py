"""Checks across catalogue entries: references, contact formats, sources, open facts.

Schema-level problems are found while loading (`loader.load_with_problems`); this
module adds what one entry cannot know by itself.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Tuple
from urllib.parse import urlparse

import phonenumbers
from phonenumbers import shortnumberinfo

from bot.catalogue.loader import Catalogue, GemeenteData, Problem, load_with_problems
from bot.catalogue.schema import Bron, Contact, Dienst

# A missing value of these facts must be flagged in `te_controleren`.
MUST_FLAG = ("telefoon", "website", "adres", "openingstijden")


def valid_phone(number: str) -> bool:
    """A Dutch phone number: a full number (landline, mobile, 0800/0900) or a short number like 112."""
    digits = re.sub(r"[\s\-()]", "", number)
    if re.fullmatch(r"1\d{2}|14\d{3,4}", digits):
        return shortnumberinfo.is_valid_short_number_for_region(
            phonenumbers.parse(digits, "NL"), "NL"
        ) or digits.startswith("14")  # 14+netnummer: the gemeente-wide short number
    try:
        parsed = phonenumbers.parse(number, "NL")
    except phonenumbers.NumberParseException:
        return False
    return phonenumbers.is_valid_number(parsed)


def valid_url(url: str) -> bool:
    parsed = urlparse(url)
    return parsed.scheme in ("http", "https") and "." in parsed.netloc and " " not in url


def _contact_problems(contact: Contact, file: str, where: str) -> List[Problem]:
    problems = []
    if contact.telefoon and not valid_phone(contact.telefoon):
        problems.append(Problem(file, where, f"telefoonnummer '{contact.telefoon}' is geen geldig Nederlands nummer"))
    for key in ("website", "chat"):
        value = getattr(contact, key)
        if value and not valid_url(value):
            problems.append(Problem(file, where, f"{key} '{value}' is geen geldige URL (begin met https://)"))
    return problems


def _present_facts(dienst: Dienst) -> Dict[str, bool]:
    return {
        "telefoon": bool(dienst.contact.telefoon),
        "email": bool(dienst.contact.email),
        "website": bool(dienst.contact.website),
        "adres": any(loc.adres for loc in dienst.locaties),
        "openingstijden": bool(dienst.openingstijden),
    }


def _fact_problems(dienst: Dienst, file: str) -> List[Problem]:
    """Every stated fact needs a source; every missing one must be flagged."""
    problems = []
    supported = {f for bron in dienst.bronnen for f in bron.feiten}
    for fact, present in _present_facts(dienst).items():
        if present and fact not in supported:
            problems.append(Problem(file, dienst.id, f"{fact} staat erin zonder bron (zet '{fact}' in feiten van een bron)"))
        if present and fact in dienst.te_controleren:
            problems.append(Problem(file, dienst.id, f"{fact} is ingevuld én staat in te_controleren"))
        if not present and fact in MUST_FLAG and fact not in dienst.te_controleren:
            problems.append(Problem(file, dienst.id, f"{fact} ontbreekt: zet '{fact}' in te_controleren"))
    return problems


def _ref(kind: str, ids: Iterable[str], known: Iterable[str], file: str, where: str) -> List[Problem]:
    known_set = set(known)
    return [Problem(file, where, f"onbekende {kind} '{i}'") for i in ids if i not in known_set]


def _scope_ids(catalogue: Catalogue, data: GemeenteData, attr: str) -> List[str]:
    ids = list(getattr(data, attr))
    for other in catalogue.landelijk:
        if other is not data:
            ids += list(getattr(other, attr))
    return ids


def check_references(catalogue: Catalogue) -> List[Problem]:
    problems: List[Problem] = []
    leefgebieden = list(catalogue.leefgebieden)
    national_ids = {(attr, i) for g in catalogue.landelijk for attr in ("diensten", "organisaties") for i in getattr(g, attr)}
    for data in catalogue.gemeenten.values():
        gid = data.gemeente.id
        orgs = _scope_ids(catalogue, data, "organisaties")
        services = _scope_ids(catalogue, data, "diensten")
        gebieden = list(data.gebieden)
        meta = str(data.folder / "gemeente.yml")
        if data.gemeente.voordeur and data.gemeente.voordeur not in services:
            problems.append(Problem(meta, "voordeur", f"onbekende dienst '{data.gemeente.voordeur}'"))
        for lg, door in data.gemeente.standaard_deuren.items():
            problems += _ref("leefgebied", [lg], leefgebieden, meta, "standaard_deuren")
            problems += _ref("dienst", [door], services, meta, f"standaard_deuren.{lg}")
        if not data.gemeente.landelijk:
            if not data.gemeente.voordeur:
                problems.append(Problem(meta, "voordeur", "elke gemeente heeft een algemene voordeur nodig"))
            if not data.gemeente.algemeen_kanaal:
                problems.append(Problem(meta, "algemeen_kanaal", "elke gemeente heeft een algemeen kanaal nodig"))
        if data.gemeente.algemeen_kanaal:
            problems += _contact_problems(data.gemeente.algemeen_kanaal.contact, meta, "algemeen_kanaal")
        for org in data.organisaties.values():
            file = data.origin[("organisaties", org.id)]
            problems += _ref("organisatie", org.partners, orgs, file, org.id)
            if org.website and not valid_url(org.website):
                problems.append(Problem(file, org.id, f"website '{org.website}' is geen geldige URL"))
            if not data.gemeente.landelijk and ("organisaties", org.id) in national_ids:
                problems.append(Problem(file, org.id, "id bestaat al bij de landelijke organisaties"))
        for dienst in data.diensten.values():
            file = data.origin[("diensten", dienst.id)]
            problems += _ref("organisatie", [dienst.organisatie], orgs, file, dienst.id)
            problems += _ref("organisatie (partner)", dienst.partners, orgs, file, dienst.id)
            problems += _ref("leefgebied", dienst.leefgebieden, leefgebieden, file, dienst.id)
            problems += _ref("dienst (zie_ook)", dienst.zie_ook, services, file, dienst.id)
            problems += _ref("gebied", dienst.werkgebied + [l.gebied for l in dienst.locaties if l.gebied], gebieden, file, dienst.id)
            problems += _contact_problems(dienst.contact, file, dienst.id)
            problems += _fact_problems(dienst, file)
            if not data.gemeente.landelijk and ("diensten", dienst.id) in national_ids:
                problems.append(Problem(file, dienst.id, "id bestaat al bij de landelijke diensten"))
        if catalogue.documents:
            for kind in ("diensten", "organisaties", "gebieden"):
                for entry in getattr(data, kind).values():
                    for bron in entry.bronnen:
                        if bron.seed and bron.seed not in catalogue.documents:
                            problems.append(Problem(data.origin[(kind, entry.id)], entry.id, f"seed {bron.seed} staat niet in bronnen.yml"))
        for regel in data.regels.values():
            file = data.origin[("routering", regel.id)]
            problems += _ref("dienst", [regel.dan], services, file, regel.id)
            if regel.als.leefgebied:
                problems += _ref("leefgebied", [regel.als.leefgebied], leefgebieden, file, regel.id)
        stadsdelen = set(data.gemeente.stadsdelen)
        for gebied in data.gebieden.values():
            if gebied.stadsdeel and stadsdelen and gebied.stadsdeel not in stadsdelen:
                problems.append(Problem(data.origin[("gebieden", gebied.id)], gebied.id, f"onbekend stadsdeel '{gebied.stadsdeel}'"))
    return problems


def _normalise(text: str) -> str:
    """Undo PDF line-breaking: join hyphenated words, collapse whitespace, lowercase."""
    text = re.sub(r"(\w)[-\u00ad]\s*\n\s*(\w)", r"\1\2", text)
    text = re.sub(r"(\w)\n(\w)", r"\1\2", text)  # words split without hyphen
    return re.sub(r"\s+", " ", text).lower()


def _seed_files(seeds_dir: Path) -> Dict[str, List[str]]:
    files = {}
    for path in sorted(seeds_dir.glob("*.txt")):
        # split on newlines only: str.splitlines() also breaks on U+2028, which seed 000
        # contains, and line numbers would then disagree with sed, grep and editors
        files[path.name[:3]] = path.read_text(encoding="utf-8", errors="replace").split("\n")
    return files


def citation_problem(bron: Bron, seeds: Dict[str, List[str]]) -> Optional[str]:
    """Why a seed citation does not hold, or None when the lines exist and mention it."""
    if not bron.seed:
        return None
    lines = seeds.get(bron.seed)
    if lines is None:
        return f"seed {bron.seed} bestaat niet"
    start, end = bron.regels  # type: ignore[misc]
    if end > len(lines):
        return f"seed {bron.seed} heeft maar {len(lines)} regels, bron noemt {start}-{end}"
    excerpt = "\n".join(lines[start - 1 : end])
    needle = re.sub(r"\s+", " ", bron.vermelding or "").lower()
    if needle not in _normalise(excerpt) and needle.replace(" ", "") not in _normalise(excerpt).replace(" ", ""):
        return f"'{bron.vermelding}' staat niet in seed {bron.seed} regels {start}-{end}"
    return None


def check_citations(catalogue: Catalogue, seeds_dir: Path) -> List[Problem]:
    seeds = _seed_files(seeds_dir)
    problems = []
    for data in catalogue.gemeenten.values():
        entries: List[Tuple[str, str, List[Bron]]] = []
        for kind in ("diensten", "organisaties", "gebieden"):
            for entry in getattr(data, kind).values():
                entries.append((data.origin[(kind, entry.id)], entry.id, entry.bronnen))
        for regel in data.regels.values():
            entries.append((data.origin[("routering", regel.id)], regel.id, [regel.bron]))
        entries.append((str(data.folder / "gemeente.yml"), "gemeente", data.gemeente.bronnen))
        if data.gemeente.algemeen_kanaal:
            entries.append((str(data.folder / "gemeente.yml"), "algemeen_kanaal", data.gemeente.algemeen_kanaal.bronnen))
        for file, where, bronnen in entries:
            for bron in bronnen:
                why = citation_problem(bron, seeds)
                if why:
                    problems.append(Problem(file, where, why))
    return problems


def check_catalogue(root: Optional[Path] = None, seeds_dir: Optional[Path] = None) -> List[Problem]:
    """Everything `wegwijzer catalogue check` reports (citations only when seeds are given)."""
    catalogue, problems = load_with_problems(root)
    problems += check_references(catalogue)
    if seeds_dir is not None:
        problems += check_citations(catalogue, seeds_dir)
    return problems


def open_facts(catalogue: Catalogue) -> Dict[str, List[Tuple[str, str, List[str]]]]:
    """Per gemeente: (id, name, facts to verify) for everything with a `te_controleren` list."""
    report: Dict[str, List[Tuple[str, str, List[str]]]] = {}
    for gid, data in sorted(catalogue.gemeenten.items()):
        rows = []
        kanaal = data.gemeente.algemeen_kanaal
        if kanaal and kanaal.te_controleren:
            rows.append(("algemeen_kanaal", "Algemeen kanaal van de gemeente", kanaal.te_controleren))
        for dienst in data.diensten.values():
            if dienst.te_controleren:
                rows.append((dienst.id, dienst.naam, dienst.te_controleren))
        for org in data.organisaties.values():
            if org.te_controleren:
                rows.append((org.id, org.naam, org.te_controleren))
        report[gid] = rows
    return report
