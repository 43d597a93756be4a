"""Dutch spaCy pipeline for Rasa: `nl_core_news_sm` when installed, else an honest fallback.

The fallback is a blank Dutch pipeline (`spacy.blank("nl")`: Dutch tokenizer rules)
with spaCy's lookup lemmatizer from `spacy-lookups-data` ("schulden" -> "schuld").
It is reported by its own name, never as `nl_core_news_sm`.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Dict, Text

logger = logging.getLogger(__name__)

PREFERRED_MODEL = "nl_core_news_sm"
FALLBACK_NAME = "blank:nl+lookup-lemmatizer"


@dataclass(frozen=True)
class PipelineInfo:
    name: str  # what is really loaded
    requested: str
    fallback: bool
    spacy_version: str
    detail: str

    def as_dict(self) -> Dict[str, Any]:
        return {
            "name": self.name,
            "requested": self.requested,
            "fallback": self.fallback,
            "spacy_version": self.spacy_version,
            "detail": self.detail,
        }


def model_installed(name: str = PREFERRED_MODEL) -> bool:
    import spacy.util

    return spacy.util.is_package(name)


def describe(requested: str = PREFERRED_MODEL) -> PipelineInfo:
    """Which pipeline `load()` will give, without loading it."""
    import spacy

    if model_installed(requested):
        return PipelineInfo(requested, requested, False, spacy.__version__, f"spaCy model {requested} is installed")
    return PipelineInfo(
        FALLBACK_NAME,
        requested,
        True,
        spacy.__version__,
        f"{requested} is not installed; using spacy.blank('nl') with the lookup lemmatizer from spacy-lookups-data",
    )


def _blank_dutch() -> Any:
    import spacy

    nlp = spacy.blank("nl")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()  # loads the Dutch lookup tables from spacy-lookups-data
    return nlp


@lru_cache(maxsize=2)
def load(requested: str = PREFERRED_MODEL) -> Any:
    """Load the Dutch pipeline (cached per process). Logs a warning when falling back."""
    import spacy

    info = describe(requested)
    if not info.fallback:
        logger.info("spaCy pipeline in use: %s", info.name)
        return spacy.load(requested, disable=["parser"])
    logger.warning(
        "spaCy pipeline in use: %s (%s). Install %s for better lemmas and NER.",
        info.name,
        info.detail,
        requested,
    )
    return _blank_dutch()
