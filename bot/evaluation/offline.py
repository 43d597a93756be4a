"""Routing accuracy without servers: NLU model + router in one process (for quick iteration).

    python -m bot.evaluation.offline [--file tests/dev/routing_dev.yml] [--show-errors]

It mirrors what the dialogue does for a first message (the rules in data/rules/vragen.yml):
questions go to the router, organisation questions to the named service, other municipal
topics to "out of scope", danger to the safety reply. `make eval` remains the measure of
record (it goes through the real servers); this is for tuning on the dev set.
"""
from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path
from typing import Any, Dict, List, Optional

import yaml

from bot.catalogue.loader import load_catalogue
from bot.config import settings
from bot.dialogue.context import age_from_text, parse_age
from bot.evaluation.heldout import report
from bot.routing.router import Router, routed_question
from bot.safety.replies import LEVEL_SERVICE

DEV = settings().home / "tests" / "dev" / "routing_dev.yml"
SAFETY_LEVEL = {"gevaar_acuut": "acuut", "gevaar_suicide": "suicide", "gevaar_huiselijk": "huiselijk"}


def age_of(parse: Dict[str, Any], text: str) -> Optional[int]:
    """The age in a message: from a `leeftijd` entity, else from the text (as the actions do)."""
    return parse_age([e["value"] for e in parse.get("entities", []) if e["entity"] == "leeftijd"]) or age_from_text(text)


def door_for(parse: Dict[str, Any], text: str, router: Router) -> str:
    intent = parse["intent"]["name"]
    if routed_question(intent):
        return router.advise(intent, text, leeftijd=age_of(parse, text), confidence=float(parse["intent"].get("confidence") or 0.0)).dienst.id
    names = [e["value"] for e in parse.get("entities", []) if e["entity"] == "organisatie"]
    if intent == "more_info" or intent.startswith("org_"):
        # ActionMoreInfo answers about a service named in an entity; organisation questions
        # also look for a name in the whole text
        dienst = router.first_named(names if intent == "more_info" else names + [text])
        return dienst.id if dienst else "geen-advies"
    if intent == "out_of_scope_gemeente":
        return "out_of_scope"
    if intent in SAFETY_LEVEL:
        screen = parse.get("wegwijzer_safety") or {}
        return LEVEL_SERVICE.get(screen.get("level") or SAFETY_LEVEL[intent], "geen-advies")
    return "geen-advies"


async def evaluate(model: str, messages: List[Dict[str, Any]]) -> List[Dict[str, Any]]:
    from rasa.core.agent import Agent

    agent = Agent.load(model)
    catalogue = load_catalogue()
    routers: Dict[str, Router] = {}
    rows = []
    for m in messages:
        router = routers.setdefault(m["gemeente"], Router(catalogue, m["gemeente"]))
        parse = await agent.parse_message(m["text"])
        door = door_for(parse, m["text"], router)
        rows.append({**m, "intent": parse["intent"]["name"], "got": door, "ok": door in m["expect"]})
    return rows


def latest_model() -> str:
    from bot.serve import latest_model as newest

    model = newest()
    if model is None:
        raise SystemExit("No trained model: run `make train` first.")
    return str(model)


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--file", type=Path, default=DEV)
    parser.add_argument("--model", default=None)
    parser.add_argument("--show-errors", action="store_true")
    args = parser.parse_args(argv)
    messages = yaml.safe_load(args.file.read_text(encoding="utf-8"))["messages"]
    rows = asyncio.run(evaluate(args.model or latest_model(), messages))
    print(f"Offline routing accuracy ({args.file}, {len(rows)} messages)\n")
    print(report(rows))
    if args.show_errors:
        print("\nWrong:")
        for r in rows:
            if not r["ok"]:
                print(f"- [{r['leefgebied']}] {r['text'][:100]!r}: {r['intent']} -> {r['got']}, expected {r['expect']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
