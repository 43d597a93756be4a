"""Base for our trainable Rasa components: a scikit-learn pipeline kept in the model as one joblib file."""
from __future__ import annotations

import hashlib
import importlib
from pathlib import Path
from typing import Any, Dict, Optional, Text, Tuple, Type, TypeVar

import joblib
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage

T = TypeVar("T", bound="PersistedPipeline")


class PersistedPipeline(GraphComponent):
    """Config with defaults, plus `pipeline` saved to and loaded from the model storage."""

    MODEL_FILE = "pipeline.joblib"
    # Modules whose code shapes the trained pipeline (features, stemming). Rasa's training cache
    # only sees config and data; with their source in the fingerprint, a code change retrains.
    SOURCES: Tuple[str, ...] = ("bot.nlp.tfidf_classifier", "bot.catalogue.textnorm")

    @classmethod
    def fingerprint_addon(cls, config: Dict[str, Any]) -> Optional[str]:
        digest = hashlib.sha256()
        for module in cls.SOURCES:
            digest.update(Path(importlib.import_module(module).__file__ or "").read_bytes())
        return digest.hexdigest()

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {}

    def __init__(self, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource, pipeline: Optional[Any] = None):
        self.config = config
        self._storage = model_storage
        self._resource = resource
        self.pipeline = pipeline

    @classmethod
    def create(
        cls: Type[T], config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource, execution_context: ExecutionContext
    ) -> T:
        return cls({**cls.get_default_config(), **config}, model_storage, resource)

    @classmethod
    def load(
        cls: Type[T],
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> T:
        try:
            with model_storage.read_from(resource) as directory:
                pipeline = joblib.load(directory / cls.MODEL_FILE)
        except (ValueError, FileNotFoundError):
            pipeline = None  # trained without data: the component passes messages through
        return cls({**cls.get_default_config(), **config}, model_storage, resource, pipeline)

    def persist(self, pipeline: Any) -> Resource:
        self.pipeline = pipeline
        with self._storage.write_to(self._resource) as directory:
            joblib.dump(pipeline, directory / self.MODEL_FILE)
        return self._resource
