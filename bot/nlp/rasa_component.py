"""Rasa graph component `DutchSpacyNLP`: SpacyNLP with an honest Dutch fallback.

Use in config.yml as `name: bot.nlp.rasa_component.DutchSpacyNLP`. Subclassing
SpacyNLP keeps SpacyTokenizer and SpacyFeaturizer satisfied (they require SpacyNLP).
"""
from __future__ import annotations

from typing import Any, Dict, Text

from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.utils.spacy_utils import SpacyModel, SpacyNLP

from bot.nlp.dutch_pipeline import PREFERRED_MODEL, describe, load


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.MODEL_LOADER, DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER],
    is_trainable=False,
    model_from="DutchSpacyNLP",
)
class DutchSpacyNLP(SpacyNLP):
    """Loads `nl_core_news_sm` when installed, else blank Dutch + lookup lemmatizer."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {"case_sensitive": False, "model": PREFERRED_MODEL}

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "DutchSpacyNLP":
        config = {**cls.get_default_config(), **config}
        # The model name is what is really loaded: never claim nl_core_news_sm.
        model = SpacyModel(model=load(config["model"]), model_name=describe(config["model"]).name)
        return cls(model, config)
