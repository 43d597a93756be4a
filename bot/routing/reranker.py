"""A second look at the router's choice: a small learned re-ranker over the candidate doors.

The router's rules (router.py) pick a door from a few signals with hand-set weights. The
re-ranker sees the same signals for every candidate door at once (service-model probability,
keyword search, area fit, standard and front door, layer, youth fit, and which door the rules
chose) and scores them with a logistic regression. Its weights are fitted on the routing dev
sets (`tests/dev/routing_dev*.yml`, never the held-out sets in tests/eval) by
`python -m bot.routing.fit_reranker` and stored readable in `data/routing/reranker.yml`.
Without that file the rules decide alone.
"""
from __future__ import annotations

import logging
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Dict, List, Optional, Tuple

import yaml

from bot.catalogue.schema import Dienst, Laag
from bot.catalogue.textnorm import content_tokens
from bot.config import settings
from bot.routing.service_model import service_model

if TYPE_CHECKING:  # pragma: no cover
    from bot.routing.router import Router

logger = logging.getLogger(__name__)

FEATURES: Tuple[str, ...] = (
    "model_probability",  # the service model's probability for this door
    "model_log_probability",
    "search_score",  # keyword search, relative to the best hit
    "primary_area",  # the door's main leefgebied is the question's
    "secondary_area",  # the door also serves the question's leefgebied
    "other_area",  # the question has a leefgebied and this door does not serve it
    "standard_door",  # the gemeente's first door for the question's leefgebied
    "front_door",
    "front_x_areas",  # front door x number of leefgebieden named in the text
    "front_x_lost_one_area",  # front door x "ik weet niet waar ik heen moet" naming one leefgebied
    "front_x_lost_other",  # front door x "ik weet niet waar ik heen moet" naming none or several
    "front_x_tangled",  # front door x the rules see several leefgebieden besides the question's own
    "front_x_confidence",  # front door x the intent classifier's confidence
    "front_x_length",  # front door x content words (capped at 30, /10)
    "front_x_front_probability",  # front door x the service model's probability for it
    "vangnet",
    "scharnier",
    "youth_service_young_writer",
    "youth_service_other_writer",
    "rule_choice",  # the door the router's rules chose
    "standard_x_short",  # standard door x a message of at most three content words
    "lost_x_primary_area",
)


@dataclass
class Candidate:
    dienst: Dienst
    features: Dict[str, float]


def candidates(
    router: "Router", text: str, intent: Optional[str], confidence: float, rule_door: str, leeftijd: Optional[int] = None
) -> List[Candidate]:
    """Every door worth a second look, with its features. Doors for another age group are
    left out (as the rules leave them out), and so is the front door for a short "I don't know
    where to go" that names one area; the rules' own choice is always in."""
    from bot.routing.router import INTENT_LEEFGEBIED, LOST_STORY_WORDS, SEARCH_NORM, YOUNG_WORDS, leefgebieden_in

    catalogue = router.catalogue
    model = service_model(catalogue, router.gemeente)
    if model is None or not text.strip():
        return []
    leefgebied = INTENT_LEEFGEBIED.get(intent or "")
    lost = intent == "dont_know_where"
    ranked = dict(model.rank(text, limit=10))
    hits = {h.id: h for h in router.search_once(text, leeftijd)}
    top_search = max([h.score for h in hits.values()] + [SEARCH_NORM])
    front = router.front_door().id
    standard = router.meta.standaard_deuren.get(leefgebied) if leefgebied else None
    areas = leefgebieden_in(text, catalogue, core_only=True)
    n_areas = len(areas)
    tangled = router._tangled(areas, leefgebied)
    words = len(content_tokens(text))
    young = bool(YOUNG_WORDS.search(text.lower()))
    front_probability = model.probability(text, front)
    out: List[Candidate] = []
    for door_id in sorted(set(ranked) | set(hits) | {front, rule_door} | ({standard} if standard else set())):
        dienst = catalogue.service(router.gemeente, door_id)
        if dienst is None:
            continue
        wrong_age = leeftijd is not None and dienst.leeftijd is not None and not dienst.leeftijd.covers(leeftijd)
        if door_id != rule_door and (wrong_age or not router._fits_age_group(dienst, leefgebied, text, leeftijd)):
            continue
        if door_id == front != rule_door and lost and n_areas == 1 and words < LOST_STORY_WORDS:
            continue  # "ik weet niet waar ik heen moet met mijn schulden" names its area: that area's door
        is_front = float(door_id == front)
        primary = leefgebied is not None and dienst.leefgebieden[0] == leefgebied
        secondary = leefgebied is not None and leefgebied in dienst.leefgebieden and not primary
        youth = dienst.leefgebieden[0] == "jongeren"
        probability = ranked.get(door_id, 0.0)
        values = {
            "model_probability": probability,
            "model_log_probability": math.log(probability + 1e-4),
            "search_score": hits[door_id].score / top_search if door_id in hits else 0.0,
            "primary_area": primary,
            "secondary_area": secondary,
            "other_area": leefgebied is not None and not (primary or secondary),
            "standard_door": door_id == standard,
            "front_door": is_front,
            "front_x_areas": is_front * n_areas,
            "front_x_lost_one_area": is_front * lost * (n_areas == 1),
            "front_x_lost_other": is_front * lost * (n_areas != 1),
            "front_x_tangled": is_front * tangled,
            "front_x_confidence": is_front * confidence,
            "front_x_length": is_front * min(words, 30) / 10,
            "front_x_front_probability": is_front * front_probability,
            "vangnet": dienst.laag == Laag.vangnet,
            "scharnier": dienst.laag == Laag.scharnier,
            "youth_service_young_writer": youth and young,
            "youth_service_other_writer": youth and not young,
            "rule_choice": door_id == rule_door,
            "standard_x_short": door_id == standard and words <= 3,
            "lost_x_primary_area": lost and primary,
        }
        out.append(Candidate(dienst, {name: float(values[name]) for name in FEATURES}))
    return out


class Reranker:
    def __init__(self, weights: Dict[str, float], intercept: float = 0.0):
        missing = set(FEATURES) - set(weights)
        if missing:
            raise ValueError(f"re-ranker weights lack features: {', '.join(sorted(missing))}")
        self.weights = weights
        self.intercept = intercept

    def score(self, candidate: Candidate) -> float:
        return self.intercept + sum(self.weights[name] * candidate.features[name] for name in FEATURES)

    def best(self, cands: List[Candidate]) -> Optional[Candidate]:
        return max(cands, key=self.score) if cands else None


def weights_file() -> Path:
    return Path(settings().home) / "data" / "routing" / "reranker.yml"


def load_reranker(path: Optional[Path] = None) -> Optional[Reranker]:
    """The fitted re-ranker, or None when no weights file exists (then the rules decide).
    Read once per process, like the models."""
    return _load(path or weights_file())


@lru_cache(maxsize=4)
def _load(path: Path) -> Optional[Reranker]:
    if not path.exists():
        return None
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return Reranker({k: float(v) for k, v in (data.get("gewichten") or {}).items()}, float(data.get("intercept", 0.0)))
