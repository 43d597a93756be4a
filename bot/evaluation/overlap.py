"""Which evaluation messages also occur, word for word or nearly, in the training data.

Independently written sets still collide on short, common phrases ("geldzorgen", "ik zoek werk"),
and sets written by the same hands can come close to training examples. The held-out report says
how many and what the accuracy is without them, so a reader can see the score is not carried by
memorised messages.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Dict, FrozenSet, Iterable, Iterator, List, Optional, Tuple

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


# A message of at least this many words that shares at least this part of its words with one
# training example (Jaccard: shared words / all words of both) counts as a near copy.
NEAR_MIN_WORDS = 5
NEAR_JACCARD = 0.6
_WORD = re.compile(r"\w+")


def words(text: str) -> FrozenSet[str]:
    return frozenset(_WORD.findall(normalise(text)))


def _index(texts: Iterable[str]) -> Tuple[List[FrozenSet[str]], Dict[str, List[int]]]:
    sets = [words(t) for t in texts]
    by_word: Dict[str, List[int]] = {}
    for i, ws in enumerate(sets):
        for w in ws:
            by_word.setdefault(w, []).append(i)
    return sets, by_word


@lru_cache(maxsize=1)
def _training_index() -> Tuple[List[FrozenSet[str]], Dict[str, List[int]]]:
    return _index(training_texts())


def near_training(text: str, known: Optional[FrozenSet[str]] = None) -> bool:
    """Word for word in the training data, or (NEAR_MIN_WORDS words or more) sharing at least
    NEAR_JACCARD of its words with one training example."""
    if in_training(text, known):
        return True
    mine = words(text)
    if len(mine) < NEAR_MIN_WORDS:
        return False
    sets, by_word = _training_index() if known is None else _index(known)
    candidates = {i for w in mine for i in by_word.get(w, ())}
    return any(len(mine & sets[i]) / len(mine | sets[i]) >= NEAR_JACCARD for i in candidates)
