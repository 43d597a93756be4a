"""What is running and with which pieces: shown by `wegwijzer status`, `serve` and `/health`."""
from __future__ import annotations

from typing import Any, Dict

from bot.config import settings


def pipeline_info() -> Dict[str, Any]:
    from bot.nlp.dutch_pipeline import describe

    return describe().as_dict()


def pipeline_line() -> str:
    info = pipeline_info()
    if info["fallback"]:
        return (
            f"WARNING: spaCy pipeline in use: {info['name']} ({info['detail']}). "
            "See README, 'Dutch language model'."
        )
    return f"spaCy pipeline in use: {info['name']}"


def collect_status() -> Dict[str, Any]:
    from bot.catalogue.loader import load_catalogue

    catalogue = load_catalogue()
    return {
        "status": "ok",
        "spacy_pipeline": pipeline_info(),
        "default_gemeente": settings().default_gemeente,
        "catalogue": {g: len(d.diensten) for g, d in sorted(catalogue.gemeenten.items())},
    }
