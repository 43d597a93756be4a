"""Experiment (not used by the assistant): would a learned re-ranker choose doors better than the router's rules?

    .venv/bin/python experiments/routing/rerank_cv.py [tests/dev/routing_dev*.yml]

For every dev message that the router handles (a leefgebied question or "weet niet waar"), the
candidate doors are the service model's top 10, the keyword-search hits, the front door, the
area's standard door and the router's own choice. Each candidate gets a handful of features
(service-model probability, search score, area fit, standard/front door, layer, youth fit, the
router's choice); a logistic regression learns which candidate is an expected door. Reported:
5-fold cross-validated accuracy of the re-ranker against the rules on the same messages.
Only dev sets are used; the held-out sets in tests/eval are never read here.
"""
from __future__ import annotations

import asyncio
import logging
import math
import sys
from pathlib import Path
from typing import Any, Dict, List, Tuple

import numpy as np
import yaml

logging.disable(logging.CRITICAL)

from bot.catalogue.loader import load_catalogue  # noqa: E402
from bot.catalogue.schema import Laag  # noqa: E402
from bot.catalogue.textnorm import content_tokens  # noqa: E402
from bot.evaluation.offline import door_for, latest_model  # noqa: E402
from bot.routing.router import INTENT_LEEFGEBIED, YOUNG_WORDS, Router, leefgebieden_in  # noqa: E402
from bot.routing.service_model import service_model  # noqa: E402


async def parse_all(files: List[Path]) -> List[Tuple[Dict[str, Any], Dict[str, Any]]]:
    from rasa.core.agent import Agent

    agent = Agent.load(latest_model())
    rows = []
    for path in files:
        for m in yaml.safe_load(path.read_text(encoding="utf-8"))["messages"]:
            rows.append((m, await agent.parse_message(m["text"])))
    return rows


def candidates(m: Dict[str, Any], parse: Dict[str, Any], router: Router, catalogue: Any) -> Tuple[str, List[Tuple[str, np.ndarray, bool]]]:
    text, intent = m["text"], parse["intent"]["name"]
    rule_door = door_for(parse, text, router)
    leefgebied = INTENT_LEEFGEBIED.get(intent)
    model = service_model(catalogue, m["gemeente"])
    ranked = dict(model.rank(text, limit=10))
    hits = {h.id: h for h in router.index.search(text, limit=10, include_noodhulp=False)}
    top_search = max([h.score for h in hits.values()] + [5.0])
    front = router.front_door().id
    standard = router.meta.standaard_deuren.get(leefgebied) if leefgebied else None
    n_areas = len(leefgebieden_in(text, catalogue, core_only=True))
    words = len(content_tokens(text))
    young = bool(YOUNG_WORDS.search(text.lower()))
    confidence = parse["intent"]["confidence"]
    front_probability = model.probability(text, front)
    out = []
    for door_id in set(ranked) | set(hits) | {front, rule_door} | ({standard} if standard else set()):
        dienst = catalogue.service(m["gemeente"], door_id)
        if dienst is None:
            continue
        is_front = door_id == front
        primary = leefgebied is not None and dienst.leefgebieden[0] == leefgebied
        secondary = leefgebied is not None and leefgebied in dienst.leefgebieden and not primary
        youth = dienst.leefgebieden[0] == "jongeren"
        features = [
            ranked.get(door_id, 0.0), math.log(ranked.get(door_id, 0.0) + 1e-4),
            hits[door_id].score / top_search if door_id in hits else 0.0,
            primary, secondary, leefgebied is not None and not (primary or secondary),
            door_id == standard, is_front, is_front * n_areas, is_front * (intent == "dont_know_where"),
            is_front * confidence, is_front * min(words, 30) / 10, is_front * front_probability,
            dienst.laag == Laag.vangnet, dienst.laag == Laag.scharnier, youth and young, youth and not young,
            door_id == rule_door, (door_id == standard) * (words <= 3), (intent == "dont_know_where") * primary,
        ]
        out.append((door_id, np.array(features, dtype=float), door_id in m["expect"]))
    return rule_door, out


def main(argv: List[str]) -> int:
    from sklearn.linear_model import LogisticRegression

    files = [Path(a) for a in argv] or sorted(Path("tests/dev").glob("routing_dev*.yml"))
    catalogue = load_catalogue()
    routers = {g: Router(catalogue, g) for g in catalogue.local_gemeenten()}
    groups = []
    for m, parse in asyncio.run(parse_all(files)):
        intent = parse["intent"]["name"]
        if intent in INTENT_LEEFGEBIED or intent == "dont_know_where":
            rule_door, cands = candidates(m, parse, routers[m["gemeente"]], catalogue)
            groups.append((m, rule_door, cands))
    order = np.random.default_rng(0).permutation(len(groups))
    rules = learned = 0
    for fold in np.array_split(order, 5):
        test = set(fold.tolist())
        X = [f for i, g in enumerate(groups) if i not in test for _, f, _ in g[2]]
        y = [ok for i, g in enumerate(groups) if i not in test for _, _, ok in g[2]]
        clf = LogisticRegression(C=1.0, max_iter=2000).fit(np.array(X), np.array(y))
        for i in test:
            m, rule_door, cands = groups[i]
            best = cands[int(np.argmax(clf.decision_function(np.array([f for _, f, _ in cands]))))][0]
            learned += best in m["expect"]
            rules += rule_door in m["expect"]
    print(f"{len(groups)} routed dev messages: rules {rules} ({rules / len(groups):.1%}), re-ranker (5-fold CV) {learned} ({learned / len(groups):.1%})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
