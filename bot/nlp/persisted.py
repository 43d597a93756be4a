"""Base for our trainable Rasa components: a scikit-learn pipeline kept in the model as one joblib file."""
from __future__ import annotations

from typing import Any, Dict, Optional, Text, Type, TypeVar

import joblib
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage

T = TypeVar("T", bound="PersistedPipeline")


class PersistedPipeline(GraphComponent):
    """Config with defaults, plus `pipeline` saved to and loaded from the model storage."""

    MODEL_FILE = "pipeline.joblib"

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
