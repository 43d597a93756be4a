"""Custom NLU components that make the pipeline robust for every channel.

- `MessageCleaner` (first in the pipeline): strips HTML and control characters and caps
  the length before tokenisation, so no input can crash or stall the model.
- `MessageScreen` (last in the pipeline): deterministic overrides that must not depend
  on machine learning: messages without words, and danger (safety screen).
"""
from __future__ import annotations

import logging
from typing import Any, Dict, List, Optional, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.channels.sanitize import clean, emoji_intent
from bot.nlp.danger_component import DANGER_KEY
from bot.safety.detector import ACUUT, HUISELIJK, JOKE, SUICIDE, screen

logger = logging.getLogger(__name__)

NO_TEXT_INTENT = "no_text"
# Typing "medewerker" always reaches a person, whatever the model thinks.
HUMAN_WORDS = {"medewerker", "een medewerker", "mens", "een mens", "persoon", "medewerker graag", "mens graag", "mensen"}
CLEAN_FLAGS_KEY = "wegwijzer_clean"
SAFETY_KEY = "wegwijzer_safety"  # travels in the parse data to the tracker and the actions

LEVEL_INTENT = {ACUUT: "gevaar_acuut", SUICIDE: "gevaar_suicide", HUISELIJK: "gevaar_huiselijk"}
INTENT_LEVEL = {v: k for k, v in LEVEL_INTENT.items()}


def danger_intent(level: str, acute: bool) -> str:
    """Violence at home that is happening now is `gevaar_acuut` (112 first); the safety payload
    keeps the level, so the reply still names Veilig Thuis too."""
    return LEVEL_INTENT[ACUUT] if level == HUISELIJK and acute else LEVEL_INTENT[level]
# The danger classifier (bot.safety.classifier) may recognise danger the phrase rules have no
# pattern for; it must be this sure. Chosen with cross-validation and the tuning sets: about 1%
# of ordinary questions get a safety reply they did not need (docs/measurements.md).
ML_DANGER_MIN_PROBABILITY = 0.45
# A message of a few words gives the classifier little to go on ("tot snel", "ik ga nu weg"); there
# it must be surer. Short explicit danger ("hij slaat me", "wil dood") is the detector's work.
SHORT_MESSAGE_WORDS = 4
ML_DANGER_MIN_PROBABILITY_SHORT = 0.7
# lookup words that name an organisation only in general ("de gemeente", "de huisarts")
GENERIC_ORGS = {"gemeente", "huisarts", "mee", "woon", "wmo", "thuiszorg"}
LONG_STORY_WORDS = 8


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER, is_trainable=False)
class MessageCleaner(GraphComponent):
    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "MessageCleaner":
        return cls()

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(TEXT)
            if text is None:
                continue
            result = clean(text)
            message.set(TEXT, result.text)
            message.set(CLEAN_FLAGS_KEY, {"had_html": result.had_html, "truncated": result.truncated})
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data  # training examples are written by us: nothing to clean


def _override(message: Message, intent: str, reason: str) -> None:
    """Make `intent` the prediction with certainty, keeping the ML ranking for the record."""
    previous = message.get(INTENT) or {}
    chosen = {"name": intent, "confidence": 1.0}
    ranking = [r for r in (message.get(INTENT_RANKING_KEY) or []) if r.get("name") != intent]
    message.set(INTENT, chosen)
    message.set(INTENT_RANKING_KEY, [chosen] + ranking)
    message.set("wegwijzer_override", {"reason": reason, "ml_intent": previous.get("name")})


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class MessageScreen(GraphComponent):
    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "MessageScreen":
        return cls()

    @staticmethod
    def screen_intent(text: Optional[str]) -> Optional[tuple]:
        """(intent, reason) to force for this text, or None to keep the ML prediction."""
        text = text or ""
        if text.startswith("/"):
            return None  # a button payload: already an intent
        if not any(ch.isalnum() for ch in text):
            intent = emoji_intent(text)
            return (intent, "emoji") if intent else (NO_TEXT_INTENT, "no words")
        if text.lower().strip(" .!?") in HUMAN_WORDS:
            return ("human_request", "medewerker")
        return None

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(TEXT)
            decision = self.screen_intent(text)
            if decision:
                _override(message, *decision)
                continue
            if (text or "").startswith("/"):
                continue
            if self._safety(message, text or ""):
                continue
            self._resolve_fallback(message, text or "")
        return messages

    def _catalogue(self):  # type: ignore[no-untyped-def]
        from bot.catalogue.loader import load_catalogue

        return load_catalogue()

    def _resolve_fallback(self, message: Message, text: str) -> None:
        """An unsure prediction that the catalogue can settle: one clear leefgebied among the
        model's top guesses ("driftbuien" -> opvoeden), or a service named in the text."""
        from bot.routing.router import INTENT_LEEFGEBIED, leefgebieden_in, routed_question

        intent = (message.get(INTENT) or {}).get("name")
        if intent != "nlu_fallback":
            return
        ranking = [r for r in (message.get(INTENT_RANKING_KEY) or []) if r.get("name") != "nlu_fallback"]
        top = [r["name"] for r in ranking[:4]]
        areas = leefgebieden_in(text, self._catalogue())
        by_area = {lg: i for i, lg in INTENT_LEEFGEBIED.items()}
        candidates = [by_area[a] for a in areas if a in by_area and by_area[a] in top]
        if len(areas) == 1 and len(candidates) == 1:
            _override(message, candidates[0], "catalogue leefgebied")
            return
        # "mijn huisarts zei dat er een cjg spreekuur is, hoe werkt dat?": a named organisation
        # and an organisation question among the top guesses
        named = [e for e in message.get(ENTITIES) or [] if e.get("entity") == "organisatie" and e.get("value", "").lower() not in GENERIC_ORGS]
        org_intents = [n for n in top[:3] if n.startswith("org_")]
        if named and org_intents:
            _override(message, org_intents[0], "named organisation")
            return
        # a longer story that the model cannot place in one area is a broad question: the
        # front door, with an offer to sort it out together (not "bedoel je ...?")
        question_like = [n for n in top[:3] if routed_question(n)]
        if len(text.split()) >= LONG_STORY_WORDS and question_like:
            _override(message, "dont_know_where", "unsure long question")

    @staticmethod
    def _safety(message: Message, text: str) -> bool:
        """True when the message is (now) a danger intent.

        The phrase detector decides on its own. Otherwise the danger classifier
        (`DangerClassifier`, earlier in the pipeline) decides when it is sure enough, unless
        the detector found an idiom, a negation or a joke ("dood moe", "geen zelfmoordgedachten").
        """
        result = screen(text)
        if result.danger:
            _override(message, danger_intent(result.level, result.acute), "safety detector")
            message.set(SAFETY_KEY, {**result.as_dict(), "source": "detector"}, add_to_output=True)
            return True
        ml = message.get(DANGER_KEY) or {}
        short = len(text.split()) <= SHORT_MESSAGE_WORDS
        sure = ml.get("level") and ml.get("probability", 0.0) >= (ML_DANGER_MIN_PROBABILITY_SHORT if short else ML_DANGER_MIN_PROBABILITY)
        if sure and not result.overrules_classifier and not JOKE.search(text.lower()):
            _override(message, danger_intent(ml["level"], ml["level"] == ACUUT), "danger classifier")
            message.set(
                SAFETY_KEY,
                {"level": ml["level"], "acute": ml["level"] == ACUUT, "matches": [], "source": "ml", "probability": ml["probability"]},
                add_to_output=True,
            )
            return True
        # no danger: the intent classifier's danger intents give way to the best other intent
        predicted = message.get(INTENT) or {}
        ranking = message.get(INTENT_RANKING_KEY) or []
        rest = [r for r in ranking if r.get("name") not in INTENT_LEVEL and r.get("name") != "nlu_fallback"]
        if rest and predicted.get("name") in {*INTENT_LEVEL, "nlu_fallback"}:
            message.set(INTENT, rest[0] if predicted.get("name") in INTENT_LEVEL else predicted)
            message.set(INTENT_RANKING_KEY, ([predicted] if predicted.get("name") == "nlu_fallback" else []) + rest)
        return False
