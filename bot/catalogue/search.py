"""Ranked search over the catalogue for free-text needs, the way a receptionist types them.

Built once per gemeente (`get_index`), then each query is a few dictionary look-ups:
- names and synonyms of services and organisations match as phrases ("samen 055");
- words are stemmed ("schulden" -> "schuld"), compounds are split ("schuldhulp"),
  typos are corrected against the index vocabulary ("centekwesties");
- everyday words map to catalogue words through `data/search/synoniemen.yml`.
Scores are BM25-like over weighted fields; `why` lists what matched.
"""
from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Set, Tuple

import yaml
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from bot.catalogue.loader import Catalogue, load_catalogue
from bot.catalogue.schema import Dienst, Laag, Toegang
from bot.catalogue.textnorm import collapse, content_tokens, dutch_words, fold, split_compound, stem, tokens
from bot.config import settings

FIELD_WEIGHTS: Dict[str, float] = {
    "naam": 3.0,
    "synoniemen": 3.0,
    "trefwoorden": 2.5,
    "organisatie": 1.5,
    "samenvatting": 1.2,
    "doelgroep": 1.0,
    "toegang": 1.0,
    "leefgebied": 0.4,
    "beschrijving": 0.6,
}

# Synthetic words so "zonder afspraak" or "gratis" find services by their access facts.
TOEGANG_WORDS = {
    Toegang.vrij_toegankelijk: "vrij toegankelijk zonder afspraak inloop binnenlopen open voor iedereen",
    Toegang.zonder_afspraak: "zonder afspraak inloop inloopspreekuur spreekuur binnenlopen langskomen",
    Toegang.aanmelden: "aanmelden afspraak contact opnemen",
    Toegang.verwijzing_of_indicatie: "verwijzing indicatie beschikking aanvragen",
}

NAME_BONUS = 2.5
# A thesaurus word counts less than the resident's own word.
SYNONYM_WEIGHT = 0.6
# A service made for the resident's age ranks above services for everyone.
AGE_BONUS = 1.0
# Coordination: a service matching more of the query's words ranks higher than one
# matching a single word very well ("huis schoonmaken oudere" is not about "huis").
COORD_ALPHA = 0.5


@dataclass
class Hit:
    id: str
    name: str
    organisation: str
    gemeente: str
    score: float
    summary: str
    why: List[str]
    service: Dienst = field(repr=False)

    def as_dict(self) -> Dict[str, object]:
        s = self.service
        return {
            "id": self.id,
            "name": self.name,
            "organisation": self.organisation,
            "gemeente": self.gemeente,
            "score": round(self.score, 3),
            "summary": self.summary,
            "why": self.why,
            "leefgebieden": s.leefgebieden,
            "toegang": s.toegang.value,
            "laag": s.laag.value,
            "contact": s.contact.dict(exclude_none=True),
            "te_controleren": s.te_controleren,
        }


@dataclass(frozen=True)
class Synonyms:
    phrases: Dict[Tuple[str, ...], Tuple[str, ...]]  # folded token tuple -> replacement tokens
    words: Dict[str, Tuple[str, ...]]


def load_synonyms(path: Optional[Path] = None) -> Synonyms:
    path = path or Path(settings().home) / "data" / "search" / "synoniemen.yml"
    if not path.exists():
        return Synonyms({}, {})
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    phrases: Dict[Tuple[str, ...], Tuple[str, ...]] = {}
    words: Dict[str, Tuple[str, ...]] = {}
    for entry in raw.get("synoniemen", []):
        target = tuple(tokens(entry["betekent"]))
        for variant in entry["woorden"]:
            toks = tuple(tokens(str(variant)))
            if len(toks) == 1:
                words[toks[0]] = target
            elif toks:
                phrases[toks] = target
    return Synonyms(phrases, words)


class SearchIndex:
    """An inverted index over one gemeente's services (plus the national ones)."""

    def __init__(self, catalogue: Catalogue, gemeente: str, synonyms: Optional[Synonyms] = None):
        self.gemeente = gemeente
        self.catalogue = catalogue
        self.synonyms = synonyms if synonyms is not None else load_synonyms()
        self.docs: List[Tuple[str, Dienst]] = catalogue.services(gemeente)
        self.postings: Dict[str, Dict[int, Dict[str, int]]] = defaultdict(lambda: defaultdict(lambda: defaultdict(int)))
        self.names: List[Tuple[str, int, str, bool]] = []  # (collapsed name, doc, display, own name?)
        self.surface: Dict[str, str] = {}  # stem -> a readable word
        for doc_id, (_, dienst) in enumerate(self.docs):
            for field_name, text in self._fields(dienst):
                for tok in content_tokens(text):
                    st = stem(tok)
                    self.postings[st][doc_id][field_name] += 1
                    self.surface.setdefault(st, tok)
            org = catalogue.organisation(gemeente, dienst.organisatie)
            own = [dienst.naam, *dienst.synoniemen]
            for name in own + ([org.naam, *org.synoniemen] if org else []):
                key = collapse(name)
                if len(key) >= 3:
                    self.names.append((key, doc_id, name, name in own))
        self.vocab: Set[str] = set(self.postings)
        self.vocab_list: List[str] = sorted(t for t in self.vocab if len(t) >= 4 and not t.isdigit())
        n = len(self.docs)
        self.idf = {t: math.log(1 + (n - len(p) + 0.5) / (len(p) + 0.5)) for t, p in self.postings.items()}
        # freeze the defaultdicts so lookups of unknown terms do not grow the index
        self.postings = {t: {d: dict(f) for d, f in p.items()} for t, p in self.postings.items()}  # type: ignore[assignment]
        self._split_cache: Dict[str, List[str]] = {}
        self.known_words = dutch_words()

    def _fields(self, dienst: Dienst) -> Iterable[Tuple[str, str]]:
        org = self.catalogue.organisation(self.gemeente, dienst.organisatie)
        yield "naam", dienst.naam
        yield "synoniemen", " ".join(dienst.synoniemen)
        yield "trefwoorden", " ".join(dienst.trefwoorden)
        if org:
            yield "organisatie", " ".join([org.naam, *org.synoniemen])
        yield "samenvatting", dienst.samenvatting
        yield "beschrijving", dienst.beschrijving
        yield "doelgroep", " ".join(dienst.doelgroep)
        yield "toegang", TOEGANG_WORDS[dienst.toegang] + (" gratis" if (dienst.kosten or "").lower().startswith("gratis") else "")
        for lg in dienst.leefgebieden:
            lgd = self.catalogue.leefgebieden.get(lg)
            if lgd:
                yield "leefgebied", " ".join([lgd.label, *lgd.trefwoorden])

    # -- query side -------------------------------------------------------------------

    def _expand(self, query: str) -> List[Tuple[str, float, str]]:
        """Query -> [(stem, weight, explanation)]."""
        toks = tokens(query)
        out: List[Tuple[str, float, str]] = []
        i = 0
        while i < len(toks):
            matched = False
            for length in (3, 2):
                phrase = tuple(toks[i : i + length])
                if len(phrase) == length and phrase in self.synonyms.phrases:
                    for t in self.synonyms.phrases[phrase]:
                        out.append((stem(t), SYNONYM_WEIGHT, f"{' '.join(phrase)} → {t}"))
                    i += length
                    matched = True
                    break
            if matched:
                continue
            tok = toks[i]
            i += 1
            for t in self.synonyms.words.get(tok, ()):
                out.append((stem(t), SYNONYM_WEIGHT, f"{tok} → {t}"))
            if not content_tokens(tok):
                continue
            st = stem(tok)
            if st in self.vocab:
                out.append((st, 1.0, tok))
                continue
            parts = self._split(tok)
            if parts:
                out.extend((p, 0.8, f"{tok} → {self.surface.get(p, p)}") for p in parts)
                continue
            # spelling correction only for words that are not Dutch words at all
            if len(tok) >= 5 and tok not in self.known_words:
                best = process.extractOne(
                    st, self.vocab_list, scorer=Levenshtein.distance, score_cutoff=1 if len(st) <= 6 else 2
                )
                if best:
                    out.append((best[0], 0.7, f"{tok} → {self.surface.get(best[0], best[0])} (spelling)"))
        return out

    def _split(self, tok: str) -> List[str]:
        if tok not in self._split_cache:
            self._split_cache[tok] = split_compound(tok, self.vocab) if len(tok) >= 8 else []
        return self._split_cache[tok]

    def _name_matches(self, query: str, own_only: bool = False) -> Dict[int, str]:
        """Docs whose service (or organisation) name occurs in the query (also with typos)."""
        q_tokens = tokens(query)
        q_collapsed = "".join(q_tokens)
        padded = " " + " ".join(q_tokens) + " "
        found: Dict[int, str] = {}
        for key, doc, display, own in self.names:
            if own_only and not own:
                continue
            if len(key) <= 4:
                hit = f" {key} " in padded  # short names (cjg, jip, kcc) only as whole words
            elif key in q_collapsed:
                hit = True
            else:
                # the name in the query, with a typo; not the query inside a longer name
                # ("opvoeding" names no service, though "opstap opvoeding" is a synonym)
                hit = len(key) >= 8 and len(key) <= len(q_collapsed) + 1 and fuzz.partial_ratio(key, q_collapsed) >= 90
            if hit and doc not in found:
                found[doc] = display
        return found

    def search(
        self,
        query: str,
        limit: int = 5,
        leefgebied: Optional[str] = None,
        zonder_afspraak: bool = False,
        doelgroep: Optional[str] = None,
        leeftijd: Optional[int] = None,
        include_noodhulp: bool = True,
        min_score: float = 0.0,
        front_door_fallback: bool = False,
    ) -> List[Hit]:
        """Ranked services for a free-text need.

        With `front_door_fallback`, a query that matches nothing returns the gemeente's
        front door: one place for every question, rather than an empty list.
        """
        terms = self._expand(query)
        scores: Dict[int, float] = defaultdict(float)
        why: Dict[int, List[str]] = defaultdict(list)
        seen_terms: Set[str] = set()
        matched_words: Dict[int, Set[str]] = defaultdict(set)
        query_words = {explain.split(" → ")[0] for _, _, explain in terms}
        for term, weight, explain in terms:
            if term in seen_terms:
                continue
            seen_terms.add(term)
            postings = self.postings.get(term)
            if not postings:
                continue
            idf = self.idf[term]
            for doc, fields in postings.items():
                s = sum(FIELD_WEIGHTS[f] * min(tf, 3) for f, tf in fields.items())
                scores[doc] += weight * idf * s / (s + 2.0)
                matched_words[doc].add(explain.split(" → ")[0])
                best_field = max(fields, key=lambda f: FIELD_WEIGHTS[f])
                why[doc].append(f"{explain} ({best_field})")
        if query_words and COORD_ALPHA:
            for doc in scores:
                scores[doc] *= (len(matched_words[doc]) / len(query_words)) ** COORD_ALPHA
        for doc, display in self._name_matches(query).items():
            scores[doc] += NAME_BONUS
            why[doc].insert(0, f"naam: {display}")
        hits = []
        for doc, score in scores.items():
            gid, dienst = self.docs[doc]
            if not self._passes(dienst, leefgebied, zonder_afspraak, doelgroep, leeftijd, include_noodhulp):
                continue
            if leeftijd is not None and dienst.leeftijd and dienst.leeftijd.covers(leeftijd):
                score += AGE_BONUS
                why[doc].append(f"leeftijd {leeftijd}")
            if score <= min_score:
                continue
            org = self.catalogue.organisation(self.gemeente, dienst.organisatie)
            hits.append(
                Hit(dienst.id, dienst.naam, org.naam if org else dienst.organisatie, gid, score, dienst.samenvatting, why[doc], dienst)
            )
        # ties: local before national, then the sociale basis before the vangnet
        order = {Laag.sociale_basis: 0, Laag.scharnier: 1, Laag.vangnet: 2, Laag.noodhulp: 3}
        hits.sort(key=lambda h: (-round(h.score, 6), h.gemeente != self.gemeente, order[h.service.laag], h.name))
        if not hits and front_door_fallback:
            door = self.catalogue.front_door(self.gemeente)
            if door is not None:
                org = self.catalogue.organisation(self.gemeente, door.organisatie)
                why = ["geen woorden gevonden: de algemene voordeur helpt met elke vraag"]
                hits = [Hit(door.id, door.naam, org.naam if org else door.organisatie, self.gemeente, 0.0, door.samenvatting, why, door)]
        return hits[:limit]

    def browse(
        self,
        leefgebied: Optional[str] = None,
        zonder_afspraak: bool = False,
        doelgroep: Optional[str] = None,
        leeftijd: Optional[int] = None,
        limit: int = 50,
    ) -> List[Hit]:
        """All services passing the filters (no query): local first, sociale basis first."""
        order = {Laag.sociale_basis: 0, Laag.scharnier: 1, Laag.vangnet: 2, Laag.noodhulp: 3}
        hits = []
        for gid, dienst in self.docs:
            if self._passes(dienst, leefgebied, zonder_afspraak, doelgroep, leeftijd, True):
                org = self.catalogue.organisation(self.gemeente, dienst.organisatie)
                hits.append(Hit(dienst.id, dienst.naam, org.naam if org else dienst.organisatie, gid, 0.0, dienst.samenvatting, ["filter"], dienst))
        hits.sort(key=lambda h: (h.gemeente != self.gemeente, order[h.service.laag], h.name))
        return hits[:limit]

    def _passes(
        self,
        dienst: Dienst,
        leefgebied: Optional[str],
        zonder_afspraak: bool,
        doelgroep: Optional[str],
        leeftijd: Optional[int],
        include_noodhulp: bool,
    ) -> bool:
        if leefgebied and leefgebied not in dienst.leefgebieden:
            return False
        if zonder_afspraak and dienst.toegang not in (Toegang.zonder_afspraak, Toegang.vrij_toegankelijk):
            return False
        if doelgroep:
            wanted = stem(fold(doelgroep))
            if not any(wanted in {stem(t) for t in tokens(d)} for d in dienst.doelgroep):
                return False
        if leeftijd is not None and dienst.leeftijd and not dienst.leeftijd.covers(leeftijd):
            return False
        if not include_noodhulp and dienst.laag == Laag.noodhulp:
            return False
        return True


@lru_cache(maxsize=16)
def _cached_index(root: str, gemeente: str) -> SearchIndex:
    return SearchIndex(load_catalogue(Path(root)), gemeente)


def get_index(gemeente: Optional[str] = None, root: Optional[Path] = None) -> SearchIndex:
    """The (cached) index for a gemeente: built once per process, not per query."""
    return _cached_index(str(root or settings().catalogue_dir), gemeente or settings().default_gemeente)


def doelgroepen(catalogue: Catalogue, gemeente: str) -> List[str]:
    """Distinct doelgroep words, for the filter on the receptionist page."""
    seen = {}
    for _, dienst in catalogue.services(gemeente):
        for d in dienst.doelgroep:
            seen.setdefault(fold(d), d)
    return sorted(seen.values(), key=fold)

