"""Held-out routing accuracy (`make eval`): send the held-out sets through the running assistant.

    python -m bot.evaluation.heldout [--url http://localhost:5005] [--start] [--show-errors] [--file F ...]

By default every set in tests/eval/heldout*.yml (each written separately, never trained on) is
sent; the report gives each set and all of them together.

A message counts as routed right when the first door the assistant names (the `service_card`
payload of its reply) is one of the expected doors, or, for out-of-scope questions, when it
says so (`out_of_scope` payload). A "did you mean" question counts as wrong: the target is the
right door first time. Reports accuracy per leefgebied and overall.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any, Dict, List, Optional

import requests
import yaml

from bot.config import settings
from bot.evaluation.overlap import near_training

EVAL_DIR = settings().home / "tests" / "eval"


def heldout_files() -> List[Path]:
    return sorted(EVAL_DIR.glob("heldout*.yml"))


def routed_door(replies: List[Dict[str, Any]]) -> str:
    for reply in replies:
        custom = reply.get("custom") or {}
        if custom.get("type") == "service_card":
            return custom["service"]["id"]
        if custom.get("type") == "out_of_scope":
            return "out_of_scope"
        if custom.get("type") == "safety":
            return custom["service"]
    return "geen-advies"


def evaluate(url: str, messages: List[Dict[str, Any]], run_id: str) -> List[Dict[str, Any]]:
    session = requests.Session()
    rows = []
    for i, m in enumerate(messages):
        body = {"sender": f"eval-{run_id}-{i}", "message": m["text"], "metadata": {"gemeente": m["gemeente"]}}
        replies = session.post(f"{url}/webhooks/rest/webhook", json=body, timeout=60).json()
        door = routed_door(replies)
        rows.append({**m, "got": door, "ok": door in m["expect"], "in_training": near_training(m["text"])})
    return rows


def report(rows: List[Dict[str, Any]]) -> str:
    per: Dict[str, List[bool]] = defaultdict(list)
    for r in rows:
        per[r["leefgebied"]].append(r["ok"])
    lines = ["| leefgebied | n | correct | accuracy |", "|---|---|---|---|"]
    for lg in sorted(per):
        oks = per[lg]
        lines.append(f"| {lg} | {len(oks)} | {sum(oks)} | {sum(oks) / len(oks):.1%} |")
    total = [r["ok"] for r in rows]
    lines.append(f"| **all** | {len(total)} | {sum(total)} | **{sum(total) / len(total):.1%}** |")
    seen = [r for r in rows if r.get("in_training")]
    if seen:
        rest = [r["ok"] for r in rows if not r.get("in_training")]
        lines.append(
            f"\n{len(seen)} of {len(rows)} messages also occur in the training data, word for word or nearly "
            f"(5+ words, 60% of the words shared); accuracy without them: {sum(rest)}/{len(rest)} = {sum(rest) / max(len(rest), 1):.1%}."
        )
    return "\n".join(lines)


def _start_stack():
    from bot import config
    from bot.serve import Supervisor, private_env, start_all
    import os
    import tempfile

    tmp = Path(tempfile.mkdtemp(prefix="wegwijzer-eval-"))
    env = private_env(tmp)
    os.environ.update(env)
    config.settings.cache_clear()
    sup = Supervisor()
    start_all(sup, web=False, logs=tmp / "logs")
    return sup, f"http://127.0.0.1:{env['WEGWIJZER_RASA_PORT']}"


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", default=f"http://localhost:{settings().rasa_port}")
    parser.add_argument("--start", action="store_true", help="start a private stack instead of using a running one")
    parser.add_argument("--show-errors", action="store_true")
    parser.add_argument("--json", type=Path, help="write every row to this file")
    parser.add_argument("--file", type=Path, nargs="+", help="sets to send (default: every tests/eval/heldout*.yml)")
    args = parser.parse_args(argv)
    files = args.file or heldout_files()
    sets = {f: yaml.safe_load(f.read_text(encoding="utf-8"))["messages"] for f in files}
    sup = None
    url = args.url
    if args.start:
        sup, url = _start_stack()
    else:
        try:
            requests.get(f"{url}/webhooks/rest/", timeout=5)
        except requests.RequestException:
            print(f"No assistant at {url}. Start it with `make run` (or use --start).", file=sys.stderr)
            return 2
    try:
        import time

        run_id = str(int(time.time()))
        results = {f: evaluate(url, messages, f"{run_id}-{i}") for i, (f, messages) in enumerate(sets.items())}
    finally:
        if sup:
            sup.stop()
    rows = [r for rs in results.values() for r in rs]
    for f, rs in results.items():
        print(f"Routing accuracy ({f.name}, {len(rs)} messages)\n")
        print(report(rs) + "\n")
    if len(results) > 1:
        print(f"All held-out sets together ({len(rows)} messages)\n")
        print(report(rows))
        print("\n| set | n | accuracy |\n|---|---|---|")
        for f, rs in results.items():
            print(f"| {f.name} | {len(rs)} | {sum(r['ok'] for r in rs) / len(rs):.1%} |")
        print(f"| **together** | {len(rows)} | **{sum(r['ok'] for r in rows) / len(rows):.1%}** |")
    if args.show_errors:
        print("\nWrong:")
        for r in rows:
            if not r["ok"]:
                print(f"- [{r['gemeente']}/{r['leefgebied']}] {r['text'][:90]!r}: expected {r['expect']}, got {r['got']}")
    if args.json:
        args.json.write_text(json.dumps(rows, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
