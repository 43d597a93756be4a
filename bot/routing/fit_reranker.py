"""Fit the door re-ranker on the routing dev sets and write `data/routing/reranker.yml`.

    python -m bot.routing.fit_reranker [--check] [tests/dev/routing_dev*.yml]

Needs a trained NLU model (the intents are part of the features). Only the dev sets in
tests/dev are used, never the held-out sets in tests/eval. First reports 5-fold
cross-validated accuracy on the routed dev messages (rules alone vs rules + re-ranker), so the
gain is measured on messages the fold did not learn from; then fits on all and writes the
weights. With --check it only reports.
"""
from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

import numpy as np
import yaml

from bot.catalogue.loader import load_catalogue
from bot.config import settings
from bot.evaluation.offline import age_of, latest_model
from bot.routing.reranker import FEATURES, Candidate, candidates, weights_file
from bot.routing.router import Router, routed_question

DEV_DIR = settings().home / "tests" / "dev"
C = 1.0  # flat from 0.1 to 10 in cross-validation

Example = Tuple[Dict[str, Any], str, List[Candidate]]


async def _parse(files: List[Path]) -> List[Tuple[Dict[str, Any], Dict[str, Any]]]:
    from rasa.core.agent import Agent

    agent = Agent.load(latest_model())
    rows = []
    for path in files:
        for message in yaml.safe_load(path.read_text(encoding="utf-8"))["messages"]:
            rows.append((message, await agent.parse_message(message["text"])))
    return rows


def examples(rows: List[Tuple[Dict[str, Any], Dict[str, Any]]]) -> List[Example]:
    """(message, the rules' door, candidates) for every message the router decides."""
    catalogue = load_catalogue()
    routers: Dict[str, Router] = {}
    out = []
    for message, parse in rows:
        intent = parse["intent"]["name"]
        if not routed_question(intent):
            continue
        router = routers.setdefault(message["gemeente"], Router(catalogue, message["gemeente"]))
        age = age_of(parse, message["text"])
        rule_door = router.advise_by_rules(intent, message["text"], leeftijd=age).dienst.id
        cands = candidates(router, message["text"], intent, parse["intent"]["confidence"], rule_door, age)
        if cands:
            out.append((message, rule_door, cands))
    return out


def _matrix(data: List[Example]) -> Tuple[np.ndarray, np.ndarray]:
    X = [[c.features[name] for name in FEATURES] for _, _, cands in data for c in cands]
    y = [c.dienst.id in message["expect"] for message, _, cands in data for c in cands]
    return np.array(X), np.array(y)


def fit(data: List[Example]) -> Any:
    from sklearn.linear_model import LogisticRegression

    X, y = _matrix(data)
    return LogisticRegression(C=C, max_iter=5000).fit(X, y)


def cross_validate(data: List[Example], folds: int = 5) -> Tuple[int, int]:
    """(right by the rules, right with the re-ranker), each message judged by a model fitted without it."""
    order = np.random.default_rng(0).permutation(len(data))
    rules = reranked = 0
    for fold in np.array_split(order, folds):
        test = set(fold.tolist())
        model = fit([d for i, d in enumerate(data) if i not in test])
        for i in test:
            message, rule_door, cands = data[i]
            scores = model.decision_function(np.array([[c.features[n] for n in FEATURES] for c in cands]))
            reranked += cands[int(np.argmax(scores))].dienst.id in message["expect"]
            rules += rule_door in message["expect"]
    return rules, reranked


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--check", action="store_true", help="report only, do not write the weights")
    args = parser.parse_args(argv)
    logging.disable(logging.WARNING)
    files = args.files or sorted(DEV_DIR.glob("routing_dev*.yml"))
    data = examples(asyncio.run(_parse(files)))
    rules, reranked = cross_validate(data)
    n = len(data)
    print(f"{n} routed dev messages from {len(files)} files: rules {rules} ({rules / n:.1%}), with re-ranker (5-fold CV) {reranked} ({reranked / n:.1%})")
    if args.check:
        return 0
    model = fit(data)
    out = {
        "intercept": round(float(model.intercept_[0]), 4),
        "gewichten": {name: round(float(w), 4) for name, w in zip(FEATURES, model.coef_[0])},
    }
    header = (
        "# Door re-ranker weights (logistic regression), written by `python -m bot.routing.fit_reranker`.\n"
        f"# Fitted on {n} routed messages of {', '.join(f.name for f in files)}; never on tests/eval.\n"
        f"# 5-fold CV on those messages: rules {rules / n:.1%}, with re-ranker {reranked / n:.1%}.\n"
    )
    weights_file().write_text(header + yaml.safe_dump(out, sort_keys=False, allow_unicode=True), encoding="utf-8")
    print(f"wrote {weights_file()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
