"""Measure the danger detector on the safety test sets (recall, false alarms, right numbers).

    python -m bot.safety.evaluate [--show]
"""
from __future__ import annotations

import argparse
import sys
from typing import Callable, Dict, List, Optional

import yaml

from bot.config import settings
from bot.safety.detector import ACUUT, HUISELIJK, SUICIDE, Screen, screen

DATA = settings().home / "tests" / "data"

# What a reply must contain for each expected level: (main level, acute needed)
EXPECTED = {
    "acuut": (None, True),  # 112 is what counts; any level with acute (or ACUUT) gives it
    "suicide": (SUICIDE, False),
    "suicide_acuut": (SUICIDE, True),
    "huiselijk_geweld": (HUISELIJK, False),
    "huiselijk_geweld_acuut": (HUISELIJK, True),
}


def numbers_right(expected: str, got: Screen) -> bool:
    level, acute = EXPECTED[expected]
    gives_112 = got.level == ACUUT or got.acute
    if acute and not gives_112:
        return False
    return level is None or got.level == level


EVAL = settings().home / "tests" / "eval"
HOLDOUT_FILES = {"1": "safety_holdout.yml", "2": "safety_holdout_2.yml", "3": "safety_holdout_3.yml", "4": "safety_holdout_4.yml", "5": "safety_holdout_5.yml", "6": "safety_holdout_6.yml"}
HOLDOUT_LEVEL = {"acuut": "acuut", "suicide": "suicide", "huiselijk": "huiselijk_geweld"}


def load(name: str) -> List[Dict[str, str]]:
    if name.startswith("holdout"):
        # a hold-out set in tests/eval: "holdout:danger" (set 1), "holdout2:near_miss", ...
        prefix, part = name.split(":")
        data = yaml.safe_load((EVAL / HOLDOUT_FILES[prefix[len("holdout"):] or "1"]).read_text(encoding="utf-8"))
        if part == "danger":
            return [{"text": m["text"], "level": HOLDOUT_LEVEL[m["level"]]} for m in data["danger"]]
        return [{"text": m["text"]} for m in data["near_miss"]]
    return yaml.safe_load((DATA / name).read_text(encoding="utf-8"))["messages"]


def nlu_detector(model: Optional[str] = None) -> Callable[[str], Screen]:
    """The whole NLU screen as residents meet it: detector plus classifier (MessageScreen)."""
    import asyncio

    from rasa.core.agent import Agent

    from bot.evaluation.offline import latest_model

    import threading

    agent = Agent.load(model or latest_model())
    # a private loop in its own thread: works also where the caller already runs a loop (pytest, servers)
    loop = asyncio.new_event_loop()
    threading.Thread(target=loop.run_forever, daemon=True).start()

    def detect(text: str) -> Screen:
        parse = asyncio.run_coroutine_threadsafe(agent.parse_message(text), loop).result()
        info = parse.get("wegwijzer_safety") or {}
        intent = parse["intent"]["name"]
        level = info.get("level") or {"gevaar_acuut": ACUUT, "gevaar_suicide": SUICIDE, "gevaar_huiselijk": HUISELIJK}.get(intent)
        if not intent.startswith("gevaar_"):
            level = None
        return Screen(level=level, acute=bool(info.get("acute")) or level == ACUUT, matches=info.get("matches", []))

    return detect


def evaluate(detect: Callable[[str], Screen] = screen, danger_file: str = "safety_danger.yml", nearmiss_file: str = "safety_nearmiss.yml") -> Dict[str, object]:
    danger = load(danger_file)
    near = load(nearmiss_file)
    missed, wrong_numbers, alarms = [], [], []
    for m in danger:
        got = detect(m["text"])
        if not got.danger:
            missed.append(m)
        elif not numbers_right(m["level"], got):
            wrong_numbers.append((m, got))
    for m in near:
        got = detect(m["text"])
        if got.danger:
            alarms.append((m, got))
    return {
        "danger_n": len(danger),
        "nearmiss_n": len(near),
        "recall": 1 - len(missed) / len(danger),
        "numbers_right": 1 - (len(missed) + len(wrong_numbers)) / len(danger),
        "false_alarm_rate": len(alarms) / len(near),
        "missed": missed,
        "wrong_numbers": wrong_numbers,
        "alarms": alarms,
    }


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--show", action="store_true")
    parser.add_argument("--danger", default="safety_danger.yml")
    parser.add_argument("--nearmiss", default="safety_nearmiss.yml")
    parser.add_argument("--holdout", nargs="?", const="1", choices=sorted(HOLDOUT_FILES), help="a hold-out set in tests/eval (1 = safety_holdout.yml)")
    parser.add_argument("--nlu", action="store_true", help="measure the trained NLU (detector + classifier), not the detector alone")
    args = parser.parse_args(argv)
    if args.holdout:
        prefix = f"holdout{args.holdout}"
        args.danger, args.nearmiss = f"{prefix}:danger", f"{prefix}:near_miss"
    r = evaluate(nlu_detector() if args.nlu else screen, danger_file=args.danger, nearmiss_file=args.nearmiss)
    print(f"danger messages: {r['danger_n']}  recall: {r['recall']:.1%}  right numbers: {r['numbers_right']:.1%}")
    print(f"near-miss messages: {r['nearmiss_n']}  false alarms: {r['false_alarm_rate']:.1%}")
    if args.show:
        for m in r["missed"]:
            print(f"MISSED [{m['level']}] {m['text']}")
        for m, got in r["wrong_numbers"]:
            print(f"LEVEL  [{m['level']} -> {got.level}{' acute' if got.acute else ''}] {m['text']}")
        for m, got in r["alarms"]:
            print(f"ALARM  [{got.level}] {m['text']}  <- {got.matches}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
