"""5-fold NLU cross-validation for one or more pipeline configs, summarised as a Markdown table.

    python -m bot.evaluation.crossval experiments/nlu/*.yml    (or `make crossval`)

Writes results/crossval/<name>/ (Rasa's reports) and prints intent macro-F1, accuracy and
entity F1 per config; `--write docs/pipeline-comparison-results.md` saves the table.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
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
    }
    entity_files = sorted(out.glob("*Extractor_report.json")) + sorted(out.glob("DIETClassifier_report.json"))
    if entity_files:
        ents = json.loads(entity_files[0].read_text())
        row["entity_macro_f1"] = ents.get("macro avg", {}).get("f1-score", 0.0)
    return row


def table(rows: List[Dict[str, float]]) -> str:
    lines = ["| config | intent macro-F1 | intent accuracy | entity macro-F1 | minutes (5 folds, 2 cores) |", "|---|---|---|---|---|"]
    for r in rows:
        ent = f"{r['entity_macro_f1']:.3f}" if "entity_macro_f1" in r else "-"
        lines.append(f"| {r['config']} | {r['intent_macro_f1']:.3f} | {r['intent_accuracy']:.3f} | {ent} | {r['minutes']:.1f} |")
    return "\n".join(lines)


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
        args.write.write_text(table(rows) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
