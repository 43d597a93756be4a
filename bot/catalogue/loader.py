"""Load the sociale kaart from `data/catalogue/` into validated objects.

Layout::

    data/catalogue/leefgebieden.yml
    data/catalogue/<gemeente>/gemeente.yml
    data/catalogue/<gemeente>/organisaties.yml
    data/catalogue/<gemeente>/diensten.yml   (or diensten/*.yml)
    data/catalogue/<gemeente>/gebieden.yml   (optional)

A folder whose `gemeente.yml` says `landelijk: true` holds national services that
every gemeente can use.  Adding a gemeente is adding a folder: no code changes.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, Iterator, List, Optional, Tuple, Type, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from bot.catalogue.schema import Bron, Dienst, Gebied, Gemeente, Leefgebied, Organisatie, Regel
from bot.config import settings

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class Problem:
    """One thing wrong in the catalogue, pointing at the file and entry."""

    file: str
    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}: {self.where}: {self.message}" if self.where else f"{self.file}: {self.message}"


class CatalogueError(Exception):
    def __init__(self, problems: List[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


@dataclass
class GemeenteData:
    gemeente: Gemeente
    folder: Path
    organisaties: Dict[str, Organisatie] = field(default_factory=dict)
    diensten: Dict[str, Dienst] = field(default_factory=dict)
    gebieden: Dict[str, Gebied] = field(default_factory=dict)
    regels: Dict[str, Regel] = field(default_factory=dict)  # routing rules, in file order
    # file each entry came from, for error messages
    origin: Dict[Tuple[str, str], str] = field(default_factory=dict)


@dataclass
class Catalogue:
    root: Path
    leefgebieden: Dict[str, Leefgebied]
    gemeenten: Dict[str, GemeenteData]
    documents: Dict[str, Dict[str, Any]] = field(default_factory=dict)  # seed -> titel, gemeente, jaar

    def source_title(self, bron: "Bron") -> str:
        """Readable name of a source: "Kadernota ... (Apeldoorn, 2021)" or the public description."""
        if not bron.seed:
            return bron.omschrijving or bron.url or ""
        doc = self.documents.get(bron.seed)
        if not doc:
            return f"document {bron.seed}"
        return f"{doc['titel']} ({doc['gemeente']}, {doc['jaar']})"

    def source_short(self, bron: "Bron") -> str:
        """How a resident hears about the source: "de kadernota van de gemeente (2021)"."""
        doc = self.documents.get(bron.seed or "")
        return doc.get("kort") or doc["titel"] if doc else self.source_title(bron)

    def source_label(self, bron: "Bron") -> str:
        """Full citation for staff: title plus line numbers."""
        if not bron.seed:
            return self.source_title(bron)
        return f"{self.source_title(bron)}, regels {bron.regels[0]}-{bron.regels[1]} (seed {bron.seed})"

    @property
    def landelijk(self) -> List[GemeenteData]:
        return [g for g in self.gemeenten.values() if g.gemeente.landelijk]

    def local_gemeenten(self) -> List[str]:
        return sorted(g for g, d in self.gemeenten.items() if not d.gemeente.landelijk)

    def _scopes(self, gemeente: str) -> List[GemeenteData]:
        if gemeente not in self.gemeenten:
            raise KeyError(f"onbekende gemeente '{gemeente}'")
        own = self.gemeenten[gemeente]
        return [own] + [g for g in self.landelijk if g is not own]

    def services(self, gemeente: str) -> List[Tuple[str, Dienst]]:
        """All services a resident of `gemeente` can use: local first, then national."""
        return [(g.gemeente.id, d) for g in self._scopes(gemeente) for d in g.diensten.values()]

    def service(self, gemeente: str, dienst_id: str) -> Optional[Dienst]:
        for scope in self._scopes(gemeente):
            if dienst_id in scope.diensten:
                return scope.diensten[dienst_id]
        return None

    def organisation(self, gemeente: str, org_id: str) -> Optional[Organisatie]:
        for scope in self._scopes(gemeente):
            if org_id in scope.organisaties:
                return scope.organisaties[org_id]
        return None

    def organisations(self, gemeente: str) -> List[Organisatie]:
        return [o for g in self._scopes(gemeente) for o in g.organisaties.values()]

    def gebieden(self, gemeente: str) -> Dict[str, Gebied]:
        return dict(self.gemeenten[gemeente].gebieden)

    def front_door(self, gemeente: str) -> Optional[Dienst]:
        door = self.gemeenten[gemeente].gemeente.voordeur
        return self.service(gemeente, door) if door else None


def _read_yaml(path: Path, problems: List[Problem]) -> Any:
    try:
        with path.open(encoding="utf-8") as fh:
            return yaml.safe_load(fh)
    except yaml.YAMLError as exc:
        problems.append(Problem(str(path), "", f"geen geldige YAML: {exc}"))
    except OSError as exc:
        problems.append(Problem(str(path), "", f"kan bestand niet lezen: {exc}"))
    return None


def _format_validation(exc: ValidationError) -> str:
    parts = []
    for err in exc.errors():
        loc = ".".join(str(x) for x in err["loc"] if x != "__root__")
        parts.append(f"{loc + ': ' if loc else ''}{err['msg']}")
    return "; ".join(parts)


def _parse_list(
    path: Path, key: str, model: Type[M], problems: List[Problem]
) -> Iterator[M]:
    """Parse a file holding `{key: [entries]}`; report bad entries, keep the good ones."""
    data = _read_yaml(path, problems)
    if data is None:
        return
    entries = data.get(key) if isinstance(data, dict) else None
    if not isinstance(entries, list):
        problems.append(Problem(str(path), "", f"verwacht een lijst onder '{key}:'"))
        return
    for i, raw in enumerate(entries):
        where = f"{key}[{i}]" + (f" ({raw.get('id')})" if isinstance(raw, dict) and raw.get("id") else "")
        if not isinstance(raw, dict):
            problems.append(Problem(str(path), where, "verwacht een object"))
            continue
        try:
            yield model.parse_obj(raw)
        except ValidationError as exc:
            problems.append(Problem(str(path), where, _format_validation(exc)))


def _files(folder: Path, name: str) -> List[Path]:
    files = []
    single = folder / f"{name}.yml"
    if single.exists():
        files.append(single)
    sub = folder / name
    if sub.is_dir():
        files.extend(sorted(sub.glob("*.yml")))
    return files


def _load_gemeente(folder: Path, problems: List[Problem]) -> Optional[GemeenteData]:
    meta_path = folder / "gemeente.yml"
    raw = _read_yaml(meta_path, problems)
    if raw is None:
        return None
    try:
        gemeente = Gemeente.parse_obj(raw)
    except ValidationError as exc:
        problems.append(Problem(str(meta_path), "gemeente", _format_validation(exc)))
        return None
    if gemeente.id != folder.name:
        problems.append(Problem(str(meta_path), "id", f"id '{gemeente.id}' hoort gelijk te zijn aan de map '{folder.name}'"))
    data = GemeenteData(gemeente=gemeente, folder=folder)
    for name, key, model, target in (
        ("organisaties", "organisaties", Organisatie, data.organisaties),
        ("diensten", "diensten", Dienst, data.diensten),
        ("gebieden", "gebieden", Gebied, data.gebieden),
        ("routering", "regels", Regel, data.regels),
    ):
        for path in _files(folder, name):
            for entry in _parse_list(path, key, model, problems):
                if entry.id in target:
                    problems.append(
                        Problem(str(path), entry.id, f"id '{entry.id}' komt twee keer voor (ook in {data.origin[(name, entry.id)]})")
                    )
                    continue
                target[entry.id] = entry
                data.origin[(name, entry.id)] = str(path)
    return data


def load_with_problems(root: Optional[Path] = None) -> Tuple[Catalogue, List[Problem]]:
    """Load everything that parses; return it with the list of schema problems."""
    root = Path(root or settings().catalogue_dir)
    problems: List[Problem] = []
    leefgebieden: Dict[str, Leefgebied] = {}
    lg_path = root / "leefgebieden.yml"
    if not lg_path.exists():
        problems.append(Problem(str(lg_path), "", "bestand ontbreekt"))
    else:
        for lg in _parse_list(lg_path, "leefgebieden", Leefgebied, problems):
            if lg.id in leefgebieden:
                problems.append(Problem(str(lg_path), lg.id, "id komt twee keer voor"))
            leefgebieden[lg.id] = lg
    gemeenten: Dict[str, GemeenteData] = {}
    for folder in sorted(p for p in root.iterdir() if p.is_dir()) if root.is_dir() else []:
        if not (folder / "gemeente.yml").exists():
            problems.append(Problem(str(folder), "", "map zonder gemeente.yml"))
            continue
        data = _load_gemeente(folder, problems)
        if data:
            gemeenten[data.gemeente.id] = data
    if not gemeenten:
        problems.append(Problem(str(root), "", "geen enkele gemeente gevonden"))
    documents: Dict[str, Dict[str, Any]] = {}
    docs_path = root / "bronnen.yml"
    if docs_path.exists():
        for doc in (_read_yaml(docs_path, problems) or {}).get("bronnen", []):
            documents[str(doc.get("seed"))] = doc
    return Catalogue(root=root, leefgebieden=leefgebieden, gemeenten=gemeenten, documents=documents), problems


@lru_cache(maxsize=4)
def load_catalogue(root: Optional[Path] = None) -> Catalogue:
    """Load and fully check the catalogue; raise CatalogueError listing every problem."""
    from bot.catalogue.check import check_references

    catalogue, problems = load_with_problems(root)
    problems += check_references(catalogue)
    if problems:
        raise CatalogueError(problems)
    return catalogue
