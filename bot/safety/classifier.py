"""Danger classifier: how likely a message signals danger, and which kind.

The phrase detector (`bot.safety.detector`) is precise but only knows the wordings it has
rules for; on fresh, unseen test sets it found about three in four danger messages. This
classifier learns from a large, varied corpus instead: `data/safety/gevaar.yml` (danger per
level), `data/safety/geen_gevaar*.yml` (harmless messages that look a bit like danger: idioms,
jokes, past events, information questions), the NLU training data (`gevaar_*` intents as
danger, every other intent as harmless) and the routing examples (`data/routing/voorbeelden/`:
ordinary questions, harmless, except for services whose main area is safety). Same features as the intent classifier (character
n-grams for typos, stemmed words), a linear SVM with calibrated probabilities. The two work
together in `bot.nlp.components.MessageScreen`.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, List, Optional, Sequence, Tuple

import numpy as np
import yaml

from bot.config import settings
from bot.safety.detector import ACUUT, HUISELIJK, SUICIDE

NONE = "geen"
# corpus labels -> detector levels
LEVELS = {"acuut": ACUUT, "suicide": SUICIDE, "huiselijk": HUISELIJK}
INTENT_LABEL = {"gevaar_acuut": "acuut", "gevaar_suicide": "suicide", "gevaar_huiselijk": "huiselijk"}


def corpus_dir() -> Path:
    return Path(settings().home) / "data" / "safety"


def corpus_files(folder: Optional[Path] = None) -> List[Path]:
    return sorted((folder or corpus_dir()).glob("*.yml"))


def corpus_fingerprint(folder: Optional[Path] = None) -> str:
    """Changes whenever a corpus or routing-example file changes (so Rasa retrains the component)."""
    from bot.routing.service_model import examples_dir

    digest = hashlib.sha256()
    for path in corpus_files(folder) + sorted(examples_dir().glob("*.yml")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def load_corpus(folder: Optional[Path] = None) -> Tuple[List[str], List[str]]:
    """(texts, labels) from the corpus files; labels are `acuut`, `suicide`, `huiselijk` or `geen`."""
    texts: List[str] = []
    labels: List[str] = []
    for path in corpus_files(folder):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for label, messages in (data.get("voorbeelden") or {}).items():
            if label not in LEVELS and label != NONE:
                raise ValueError(f"{path.name}: unknown label {label!r} (use {', '.join([*LEVELS, NONE])})")
            for text in messages or []:
                texts.append(str(text))
                labels.append(label)
    return texts, labels


def harmless_questions() -> List[str]:
    """Routing examples: ordinary resident questions, none of them a danger message.

    Services whose main area is safety (the women's shelter) are left out: their examples
    describe violence at home, which the screen must answer with Veilig Thuis.
    """
    from bot.catalogue.loader import load_catalogue
    from bot.routing.service_model import load_examples

    catalogue = load_catalogue()
    texts: List[str] = []
    for gemeente in catalogue.local_gemeenten():
        diensten = catalogue.gemeenten[gemeente].diensten
        for service_id, examples in load_examples(gemeente).items():
            if diensten[service_id].leefgebieden[0] != "veiligheid":
                texts.extend(examples)
    return texts


def label_for_intent(intent: str) -> str:
    return INTENT_LABEL.get(intent, NONE)


@dataclass
class DangerScore:
    probability: float  # that the message signals any danger
    level: Optional[str]  # the most likely level (detector level names), None when no danger class

    def as_dict(self) -> dict:
        return {"probability": round(self.probability, 4), "level": self.level}


class DangerModel:
    def __init__(self, pipeline: Any):
        self.pipeline = pipeline
        self.classes: List[str] = list(pipeline.classes_)

    @classmethod
    def train(cls, texts: Sequence[str], labels: Sequence[str], c: float = 0.5, seed: int = 42) -> "DangerModel":
        from bot.nlp.tfidf_classifier import build_pipeline

        if not set(labels) & set(LEVELS) or NONE not in labels:
            raise ValueError("the danger classifier needs danger and harmless examples")
        pipeline = build_pipeline(c, seed)
        pipeline.fit(list(texts), np.asarray(labels))
        return cls(pipeline)

    def score_many(self, texts: Iterable[str]) -> List[DangerScore]:
        texts = list(texts)
        if not texts:
            return []
        probabilities = self.pipeline.predict_proba(texts)
        none = self.classes.index(NONE)
        danger = [i for i, c in enumerate(self.classes) if c in LEVELS]
        scores = []
        for probs in probabilities:
            best = max(danger, key=lambda i: probs[i])
            scores.append(DangerScore(float(1.0 - probs[none]), LEVELS[self.classes[best]]))
        return scores

    def score(self, text: str) -> DangerScore:
        return self.score_many([text])[0]
