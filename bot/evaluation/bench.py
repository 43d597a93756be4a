"""Benchmarks (`make bench`): search latency in-process, and REST latency against stock Rasa.

    python -m bot.evaluation.bench search      # p50/p95 per query over the whole catalogue
    python -m bot.evaluation.bench rest        # one user, one message at a time, over REST
    python -m bot.evaluation.bench all

The REST benchmark starts our stack, sends the held-out messages one by one and times each
round trip (Rasa + action server). It then trains the stock `rasa init` configuration on the
same data (with 1 epoch per model: inference cost does not depend on training length) and
times the same messages against it, with the same action server: once started like ours
(through `bot.rasa_server`) and once with plain `rasa run`.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Dict, List

import yaml

from bot.config import settings

ROOT = settings().home

STOCK_CONFIG = """\
# The configuration `rasa init` writes in Rasa 3.6 (the defaults), with epochs set to 1:
# inference time does not depend on how long a model was trained.
recipe: default.v1
language: nl
pipeline:
  - name: WhitespaceTokenizer
  - name: RegexFeaturizer
  - name: LexicalSyntacticFeaturizer
  - name: CountVectorsFeaturizer
  - name: CountVectorsFeaturizer
    analyzer: char_wb
    min_ngram: 1
    max_ngram: 4
  - name: DIETClassifier
    epochs: 1
  - name: EntitySynonymMapper
  - name: ResponseSelector
    epochs: 1
  - name: FallbackClassifier
    threshold: 0.3
    ambiguity_threshold: 0.1
policies:
  - name: MemoizationPolicy
  - name: RulePolicy
  - name: UnexpecTEDIntentPolicy
    max_history: 5
    epochs: 1
  - name: TEDPolicy
    max_history: 5
    epochs: 1
    constrain_similarities: true
"""


def percentile(values: List[float], pct: float) -> float:
    ordered = sorted(values)
    k = (len(ordered) - 1) * pct / 100
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def summary(name: str, ms: List[float]) -> Dict[str, float]:
    return {
        "name": name,
        "n": len(ms),
        "p50_ms": round(percentile(ms, 50), 2),
        "p95_ms": round(percentile(ms, 95), 2),
        "max_ms": round(max(ms), 2),
        "mean_ms": round(statistics.mean(ms), 2),
    }


def bench_queries() -> List[Dict[str, str]]:
    rows = yaml.safe_load((ROOT / "tests" / "data" / "search_queries.yml").read_text(encoding="utf-8"))["queries"]
    held = yaml.safe_load((ROOT / "tests" / "eval" / "heldout.yml").read_text(encoding="utf-8"))["messages"]
    return [{"text": r["query"], "gemeente": r["gemeente"]} for r in rows] + [
        {"text": m["text"], "gemeente": m["gemeente"]} for m in held
    ]


def bench_search(rounds: int = 5) -> Dict[str, float]:
    from bot.catalogue.search import get_index

    queries = bench_queries()
    start = time.perf_counter()
    indexes = {g: get_index(g) for g in {q["gemeente"] for q in queries}}
    build_ms = (time.perf_counter() - start) * 1000
    for q in queries:  # warm caches once, as a running server would be
        indexes[q["gemeente"]].search(q["text"])
    times = []
    for _ in range(rounds):
        for q in queries:
            t = time.perf_counter()
            indexes[q["gemeente"]].search(q["text"], limit=5)
            times.append((time.perf_counter() - t) * 1000)
    result = summary("search (in-process, per query)", times)
    result["index_build_ms"] = round(build_ms, 1)
    return result


def _time_rest(url: str, messages: List[Dict[str, str]], label: str) -> Dict[str, float]:
    import requests

    session = requests.Session()
    for i in range(5):  # warm-up: first predictions trace TensorFlow functions
        session.post(url, json={"sender": f"warm-{label}-{i}", "message": "hallo"}, timeout=60)
    for gemeente in sorted({m["gemeente"] for m in messages}):
        # and the first question per gemeente waits until its routing model is trained (start-up)
        body = {"sender": f"warm-{label}-{gemeente}", "message": "ik heb een vraag over geld", "metadata": {"gemeente": gemeente}}
        session.post(url, json=body, timeout=120)
    times = []
    for i, m in enumerate(messages):
        body = {"sender": f"bench-{label}-{i}", "message": m["text"], "metadata": {"gemeente": m["gemeente"]}}
        t = time.perf_counter()
        r = session.post(url, json=body, timeout=60)
        times.append((time.perf_counter() - t) * 1000)
        r.raise_for_status()
    return summary(label, times)


def _start(model: Path, env: Dict[str, str], var: Path, with_web: bool, patched: bool = True):
    from bot import config
    from bot.serve import Supervisor, start_all

    os.environ.update(env)
    config.settings.cache_clear()
    sup = Supervisor()
    start_all(sup, web=with_web, logs=var / "logs", model=model, patched=patched)
    return sup


def bench_rest(limit: int = 200) -> List[Dict[str, float]]:
    from bot.serve import latest_model, private_env

    held = yaml.safe_load((ROOT / "tests" / "eval" / "heldout.yml").read_text(encoding="utf-8"))["messages"][:limit]
    messages = [{"text": m["text"], "gemeente": m["gemeente"]} for m in held]
    ours = latest_model()
    if ours is None:
        raise SystemExit("no trained model: run `make train` first")
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        var = Path(tmp)
        stock_dir = var / "stock"
        stock_dir.mkdir()
        (stock_dir / "config.yml").write_text(STOCK_CONFIG)
        print("training the stock rasa init configuration on the same data ...", flush=True)
        subprocess.run(
            [str(Path(sys.executable).parent / "rasa"), "train", "--config", str(stock_dir / "config.yml"), "--domain", "domain.yml",
             "--data", "data", "--out", str(stock_dir), "--fixed-model-name", "stock"],
            cwd=ROOT, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            env=dict(os.environ, RASA_TELEMETRY_ENABLED="false"),
        )
        stock = stock_dir / "stock.tar.gz"
        runs = (
            ("wegwijzer", ours, True),
            ("stock rasa init config", stock, True),
            # the same stock model under plain `rasa run`, without our start-up fix (bot/rasa_server.py)
            ("stock rasa init config, plain rasa run", stock, False),
        )
        for label, model, patched in runs:
            env = private_env(var)
            sup = _start(model, env, var, with_web=False, patched=patched)
            try:
                result = _time_rest(f"http://127.0.0.1:{env['WEGWIJZER_RASA_PORT']}/webhooks/rest/webhook", messages, label)
            finally:
                sup.stop()
            print(json.dumps(result), flush=True)
            results.append(result)
    return results


def main(argv: List[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("what", choices=["search", "rest", "all"], nargs="?", default="all")
    parser.add_argument("--write", type=Path, help="append results as JSON lines to this file")
    args = parser.parse_args(argv)
    results = []
    if args.what in ("search", "all"):
        r = bench_search()
        print(json.dumps(r), flush=True)
        results.append(r)
    if args.what in ("rest", "all"):
        results += bench_rest()
    if args.write:
        with args.write.open("a") as fh:
            for r in results:
                fh.write(json.dumps({**r, "at": time.strftime("%Y-%m-%d %H:%M")}) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
