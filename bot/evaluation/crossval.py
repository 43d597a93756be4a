"""5-fold NLU cross-validation for one or more pipeline configs, summarised as a Markdown table.

    python -m bot.evaluation.crossval experiments/nlu/*.yml    (or `make crossval`)

Writes results/crossval/<name>/ (Rasa's reports) and prints intent macro-F1, accuracy and
entity F1 per config; `--write docs/pipeline-comparison-results.md` merges the rows into that table
(a row per config, replaced when the config is run again), so a slow config can be run on its own.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from datetime import date
from pathlib import Path
from typing import Dict, List

from bot.config import settings


def run(config: Path, folds: int, out_root: Path) -> Dict[str, float]:
    out = out_root / config.stem
    env = dict(os.environ, RASA_TELEMETRY_ENABLED="false", TF_CPP_MIN_LOG_LEVEL="3")
    rasa = str(Path(sys.executable).parent / "rasa")
    start = time.time()
    subprocess.run(
        [rasa, "test", "nlu", "--cross-validation", "--folds", str(folds), "--config", str(config), "--nlu", "data/nlu", "--out", str(out)],
        cwd=settings().home,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    minutes = (time.time() - start) / 60
    intents = json.loads((out / "intent_report.json").read_text())
    row = {
        "config": config.stem,
        "intent_macro_f1": intents["macro avg"]["f1-score"],
        "intent_accuracy": intents.get("accuracy", intents.get("micro avg", {}).get("f1-score", 0.0)),
        "minutes": minutes,
        "examples": float(count_examples(settings().home / "data" / "nlu")),
        "date": date.today().isoformat(),
    }
    entity_files = sorted(out.glob("*Extractor_report.json")) + sorted(out.glob("DIETClassifier_report.json"))
    if entity_files:
        ents = json.loads(entity_files[0].read_text())
        row["entity_macro_f1"] = ents.get("macro avg", {}).get("f1-score", 0.0)
    return row


def count_examples(nlu_dir: Path) -> int:
    """Number of intent examples in the NLU data (a row says which data it was measured on)."""
    import yaml

    from bot.evaluation.overlap import example_lines

    total = 0
    for path in sorted(nlu_dir.glob("*.yml")):
        for block in (yaml.safe_load(path.read_text()) or {}).get("nlu", []):
            if "intent" in block:
                total += sum(1 for _ in example_lines(block["examples"]))
    return total


HEADER = [
    "| config | intent macro-F1 | intent accuracy | entity macro-F1 | minutes (5 folds, 2 cores) | examples | date |",
    "|---|---|---|---|---|---|---|",
]


def row_line(r: Dict) -> str:
    ent = f"{r['entity_macro_f1']:.3f}" if "entity_macro_f1" in r else "-"
    return (
        f"| {r['config']} | {r['intent_macro_f1']:.3f} | {r['intent_accuracy']:.3f} | {ent} | {r['minutes']:.1f} "
        f"| {int(r.get('examples', 0))} | {r.get('date', '-')} |"
    )


def table(rows: List[Dict]) -> str:
    return "\n".join(HEADER + [row_line(r) for r in rows])


def merge(existing: str, rows: List[Dict]) -> str:
    """The table in `existing` with `rows` replacing (or added after) the rows of the same config."""
    lines: Dict[str, str] = {}
    for line in existing.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == len(HEADER[0].strip("|").split("|")) and cells[0] not in ("config", "") and not cells[0].startswith("---"):
            lines[cells[0]] = line
    for r in rows:
        lines[r["config"]] = row_line(r)
    return "\n".join(HEADER + list(lines.values()))


def main(argv: List[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("configs", nargs="+", type=Path)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--out", type=Path, default=Path("results/crossval"))
    parser.add_argument("--write", type=Path, help="write the Markdown table to this file")
    args = parser.parse_args(argv)
    rows = []
    for config in args.configs:
        print(f"cross-validating {config} ...", flush=True)
        rows.append(run(config, args.folds, args.out))
        print(table(rows), flush=True)
    if args.write:
        old = args.write.read_text() if args.write.exists() else ""
        args.write.write_text(merge(old, rows) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
