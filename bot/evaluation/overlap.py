"""Which evaluation messages also occur, word for word, in the training data.

Independently written sets still collide on short, common phrases ("geldzorgen", "ik zoek werk").
The held-out report says how many and what the accuracy is without them, so a reader can see the
score is not carried by memorised messages.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import FrozenSet, Iterable, Iterator

import yaml

from bot.config import settings

_ANNOTATION = re.compile(r"\[([^\]]+)\](?:\([^)]*\)|\{[^}]*\})")
_EDGE = re.compile(r"^[\W_]+|[\W_]+$")


def normalise(text: str) -> str:
    """Lower case, entity annotations reduced to their text, outer punctuation and extra spaces removed."""
    text = _ANNOTATION.sub(r"\1", text)
    return _EDGE.sub("", " ".join(text.lower().split()))


def example_lines(block: str) -> Iterator[str]:
    """The examples of an NLU `examples: |` block, without their "- "."""
    for line in block.splitlines():
        if line.strip().startswith("- "):
            yield line.strip()[2:]


def _strings(node: object) -> Iterator[str]:
    if isinstance(node, str):
        if "\n" in node:  # an NLU `examples: |` block
            yield from example_lines(node)
        else:
            yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from _strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from _strings(value)


def texts_in(paths: Iterable[Path]) -> FrozenSet[str]:
    found = set()
    for path in paths:
        for text in _strings(yaml.safe_load(path.read_text(encoding="utf-8"))):
            found.add(normalise(text))
    found.discard("")
    return frozenset(found)


@lru_cache(maxsize=1)
def training_texts() -> FrozenSet[str]:
    """Every example the models learn from: NLU data, routing examples and the danger corpus."""
    data = settings().home / "data"
    paths = [p for sub in ("nlu", "routing", "safety") for p in sorted((data / sub).rglob("*.yml"))]
    return texts_in(paths)


def in_training(text: str, known: FrozenSet[str] | None = None) -> bool:
    return normalise(text) in (training_texts() if known is None else known)
