"""Which service fits a free-text question best: a small text classifier per gemeente.

Keyword search alone finds a service only when the resident uses the catalogue's words. This
model learns from example messages per service (`data/routing/voorbeelden/*.yml`, written from
the catalogue descriptions, never from evaluation messages) plus each service's own name,
description and trefwoorden, so it also recognises a need described in other words
("de kinderen groeien uit hun jassen" -> kledingbank). Same features as the intent classifier
(character n-grams + stemmed words). Trains in about a second, once per process.
"""
from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import Dict, List, Optional, Tuple

import numpy as np
import yaml

from bot.catalogue.loader import Catalogue
from bot.config import settings

logger = logging.getLogger(__name__)
C = 1.0
TEMPERATURE = 5.0


def examples_dir() -> Path:
    return Path(settings().home) / "data" / "routing" / "voorbeelden"


def load_examples(gemeente: str, folder: Optional[Path] = None) -> Dict[str, List[str]]:
    """Example messages per service id for one gemeente (all files that name it)."""
    found: Dict[str, List[str]] = {}
    for path in sorted((folder or examples_dir()).glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        if data.get("gemeente") != gemeente:
            continue
        for service_id, texts in (data.get("voorbeelden") or {}).items():
            found.setdefault(service_id, []).extend(str(t) for t in texts or [])
    return found


class ServiceModel:
    """Probability per service of one gemeente for a resident's message."""

    def __init__(self, catalogue: Catalogue, gemeente: str, examples: Optional[Dict[str, List[str]]] = None):
        from sklearn.svm import LinearSVC
        from sklearn.pipeline import make_pipeline

        from bot.nlp.tfidf_classifier import build_features

        diensten = catalogue.gemeenten[gemeente].diensten
        examples = load_examples(gemeente) if examples is None else examples
        unknown = sorted(set(examples) - set(diensten))
        if unknown:
            raise ValueError(f"routing examples name unknown services of {gemeente}: {', '.join(unknown)}")
        texts: List[str] = []
        labels: List[str] = []
        for dienst in diensten.values():
            own = [dienst.naam, " ".join(dienst.trefwoorden), (dienst.beschrijving or "").strip()]
            for text in own + examples.get(dienst.id, []):
                if text:
                    texts.append(text)
                    labels.append(dienst.id)
        self.trained_on = len(texts)
        self.pipeline = make_pipeline(build_features(), LinearSVC(C=C, random_state=42))
        self.pipeline.fit(texts, labels)
        self.classes: List[str] = list(self.pipeline.classes_)
        self._last: Optional[Tuple[str, np.ndarray]] = None

    def _probabilities(self, text: str) -> np.ndarray:
        # the router asks several questions about the same message: compute once
        if self._last is not None and self._last[0] == text:
            return self._last[1]
        # a softmax over the SVM margins: comparable scores (not calibrated probabilities)
        margins = self.pipeline.decision_function([text])[0]
        exp = np.exp((margins - margins.max()) * TEMPERATURE)
        probs = exp / exp.sum()
        self._last = (text, probs)  # one tuple, swapped atomically: safe between threads
        return probs

    def rank(self, text: str, limit: int = 5) -> List[Tuple[str, float]]:
        probs = self._probabilities(text)
        order = probs.argsort()[::-1][:limit]
        return [(self.classes[i], float(probs[i])) for i in order]

    def probability(self, text: str, service_id: str) -> float:
        return float(self._probabilities(text)[self.classes.index(service_id)])


_models: Dict[Tuple[int, str], Tuple[Catalogue, ServiceModel]] = {}
_lock = threading.Lock()


def service_model(catalogue: Catalogue, gemeente: str) -> Optional[ServiceModel]:
    """The model for this catalogue and gemeente, trained on first use; None without examples."""
    key = (id(catalogue), gemeente)
    with _lock:  # one training per gemeente, also when the warm-up and a request race
        cached = _models.get(key)
        if cached is None or cached[0] is not catalogue:
            examples = load_examples(gemeente)
            if not examples:
                return None
            model = ServiceModel(catalogue, gemeente, examples)
            logger.info("service model for %s trained on %d texts", gemeente, model.trained_on)
            _models[key] = cached = (catalogue, model)
    return cached[1]


def warm_up(catalogue: Catalogue) -> threading.Thread:
    """Train every gemeente's model in the background, so the first resident does not wait."""

    def run() -> None:
        for gemeente in catalogue.local_gemeenten():
            service_model(catalogue, gemeente)

    thread = threading.Thread(target=run, name="service-model-warm-up", daemon=True)
    thread.start()
    return thread
