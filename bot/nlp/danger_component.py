"""Rasa graph component `DangerClassifier`: scores every message with `bot.safety.classifier`.

It only adds its score to the message (`wegwijzer_danger`); `MessageScreen`, later in the
pipeline, decides together with the phrase detector. Trained from the NLU data plus the
corpus in `data/safety/` and the routing examples; those files are part of the fingerprint,
so changing them retrains this component.
"""
from __future__ import annotations

import logging
from typing import Any, Dict, List, Optional, Text

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.constants import INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlp.persisted import PersistedPipeline
from bot.safety.classifier import NONE, DangerModel, corpus_fingerprint, harmless_questions, label_for_intent, load_corpus

logger = logging.getLogger(__name__)
DANGER_KEY = "wegwijzer_danger"


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class DangerClassifier(PersistedPipeline):
    MODEL_FILE = "danger_classifier.joblib"

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {"C": 0.5, "random_seed": 42}

    SOURCES = (*PersistedPipeline.SOURCES, "bot.safety.classifier")

    @classmethod
    def fingerprint_addon(cls, config: Dict[str, Any]) -> Optional[str]:
        return f"{super().fingerprint_addon(config)}:{corpus_fingerprint()}"

    def train(self, training_data: TrainingData) -> Resource:
        texts, labels = load_corpus()
        harmless = harmless_questions()
        texts += harmless
        labels += [NONE] * len(harmless)
        for message in training_data.intent_examples:
            if message.get(TEXT):
                texts.append(message.get(TEXT))
                labels.append(label_for_intent(message.get(INTENT)))
        model = DangerModel.train(texts, labels, self.config["C"], self.config["random_seed"])
        logger.info("danger classifier trained on %d messages", len(texts))
        return self.persist(model.pipeline)

    def process(self, messages: List[Message]) -> List[Message]:
        if self.pipeline is None:
            return messages
        model = DangerModel(self.pipeline)
        todo = [m for m in messages if m.get(TEXT) and not m.get(TEXT).startswith("/")]
        for message, score in zip(todo, model.score_many(m.get(TEXT) for m in todo)):
            message.set(DANGER_KEY, score.as_dict(), add_to_output=True)
        return messages
