"""Custom NLU components that make the pipeline robust for every channel.

- `MessageCleaner` (first in the pipeline): strips HTML and control characters and caps
  the length before tokenisation, so no input can crash or stall the model.
- `MessageScreen` (last in the pipeline): deterministic overrides that must not depend
  on machine learning: messages without words, and danger (safety screen).
"""
from __future__ import annotations

import logging
import re
from typing import Any, Dict, List, Optional, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.channels.sanitize import clean, emoji_intent
from bot.safety.detector import ACUUT, HUISELIJK, JOKE, SUICIDE, screen

logger = logging.getLogger(__name__)

NO_TEXT_INTENT = "no_text"
# Typing "medewerker" always reaches a person, whatever the model thinks.
HUMAN_WORDS = {"medewerker", "een medewerker", "mens", "een mens", "persoon", "medewerker graag", "mens graag", "mensen"}
CLEAN_FLAGS_KEY = "wegwijzer_clean"
SAFETY_KEY = "wegwijzer_safety"  # travels in the parse data to the tracker and the actions

LEVEL_INTENT = {ACUUT: "gevaar_acuut", SUICIDE: "gevaar_suicide", HUISELIJK: "gevaar_huiselijk"}
INTENT_LEVEL = {v: k for k, v in LEVEL_INTENT.items()}
# The ML model may recognise danger the rules have no pattern for; it must be fairly sure,
# and it is overruled when the detector found an idiom or negation ("dood moe").
ML_DANGER_MIN_CONFIDENCE = 0.5  # chosen on the tuning sets: lowest with false alarms under 1%
# lookup words that name an organisation only in general ("de gemeente", "de huisarts")
GENERIC_ORGS = {"gemeente", "huisarts", "mee", "woon", "wmo", "thuiszorg"}
LONG_STORY_WORDS = 8
# ...and the message must contain at least one word from the wide field of harm, death,
# fear or emergency: a model guess on "wanneer krijgt mijn baby de prikken" is no alarm.
DANGER_WORDS = re.compile(
    r"\b(?:dood\w*|sterv\w*|leven|zelfmoord\w*|pijn|sla\w*|sloeg|geslagen|schop\w*|geweld\w*|bang\w*|angst\w*|bedreig\w*|dreig\w*|"
    r"mes|wapen\w*|bloed\w*|pillen|ingenomen|geslikt|adem\w*|bewusteloos|wakker|brand\w*|rook|vuur|gas|misbruik\w*|"
    r"mishandel\w*|verkracht\w*|aangerand|dwing\w*|gedwongen|opgesloten|vermoord\w*|moord\w*|springen|spring|brug|spoor|trein|"
    r"touw|afscheid|eind|einde|weg zijn|niet meer|help|gevaar\w*|onveilig|112|113|politie|ambulance|gewond\w*|ongeluk|"
    r"loverboy\w*|uitbuit\w*|besnij\w*|trouwen|eer|chanta\w*|naakt\w*|stalk\w*|agressie\w*|agressief|kapot|geschud|"
    r"scheermes\w*|snij\w*|kras\w*|slap|scheef|verlamd|stuip\w*|epilep\w*|vergif\w*|ingeslikt|opgegeten|achtervolg\w*|pinpas|"
    r"testament|uitgebuit|neerst\w*|steek\w*|hit|beat\w*|blood|kill\w*|reden|zonder mij|geen eten)\b"
)


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
        from bot.routing.router import INTENT_LEEFGEBIED, leefgebieden_in

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
        question_like = [n for n in top[:3] if n in INTENT_LEEFGEBIED or n == "dont_know_where"]
        if len(text.split()) >= LONG_STORY_WORDS and question_like:
            _override(message, "dont_know_where", "unsure long question")

    @staticmethod
    def _safety(message: Message, text: str) -> bool:
        """True when the message is (now) a danger intent."""
        result = screen(text)
        if result.danger:
            _override(message, LEVEL_INTENT[result.level], "safety detector")
            message.set(SAFETY_KEY, {**result.as_dict(), "source": "detector"}, add_to_output=True)
            return True
        predicted = message.get(INTENT) or {}
        ranking = message.get(INTENT_RANKING_KEY) or []
        # ML danger intents hide behind nlu_fallback when unsure: look at the top real intent
        top = next((r for r in ranking if r.get("name") != "nlu_fallback"), predicted)
        if top.get("name") not in INTENT_LEVEL:
            return False
        sure = top.get("confidence", 0) >= ML_DANGER_MIN_CONFIDENCE
        # with a joke marker ("haha", 😂) a model guess alone is no alarm; the detector decides itself
        if sure and not result.suppressed and DANGER_WORDS.search(text.lower()) and not JOKE.search(text.lower()):
            _override(message, top["name"], "ml danger intent")
            message.set(
                SAFETY_KEY, {"level": INTENT_LEVEL[top["name"]], "acute": False, "matches": [], "source": "ml"}, add_to_output=True
            )
            return True
        # not sure enough, no danger word, or an idiom/negation: the best non-danger intent instead
        rest = [r for r in ranking if r.get("name") not in INTENT_LEVEL and r.get("name") != "nlu_fallback"]
        if rest and predicted.get("name") in {*INTENT_LEVEL, "nlu_fallback"}:
            message.set(INTENT, rest[0] if predicted.get("name") in INTENT_LEVEL else predicted)
            message.set(INTENT_RANKING_KEY, ([predicted] if predicted.get("name") == "nlu_fallback" else []) + rest)
        return False


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class LeefgebiedPrior(GraphComponent):
    """Add what the catalogue knows to the ML ranking of the leefgebied intents.

    Words that the catalogue ties to exactly one leefgebied ("deurwaarder" -> geld,
    "mantelzorger" -> mantelzorg) shift probability towards that leefgebied's intent. This
    helps most for rare words the training examples do not contain. `weight` is the share of
    the probability mass that the catalogue may move.
    """

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {"weight": 0.35}

    def __init__(self, config: Dict[Text, Any]) -> None:
        self.weight = float(config.get("weight", 0.35))
        self._catalogue = None

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "LeefgebiedPrior":
        return cls({**cls.get_default_config(), **config})

    def _areas(self, text: str) -> Dict[str, int]:
        from bot.catalogue.loader import load_catalogue
        from bot.routing.router import leefgebieden_in

        if self._catalogue is None:
            self._catalogue = load_catalogue()
        return leefgebieden_in(text, self._catalogue)

    def process(self, messages: List[Message]) -> List[Message]:
        from bot.routing.router import INTENT_LEEFGEBIED

        area_intent = {lg: intent for intent, lg in INTENT_LEEFGEBIED.items()}
        for message in messages:
            text = message.get(TEXT) or ""
            ranking = message.get(INTENT_RANKING_KEY)
            if not ranking or text.startswith("/"):
                continue
            areas = {area_intent[a]: n for a, n in self._areas(text).items() if a in area_intent}
            if not areas:
                continue
            total = sum(areas.values())
            scored = {r["name"]: (1 - self.weight) * r["confidence"] for r in ranking}
            for intent, hits in areas.items():
                scored[intent] = scored.get(intent, 0.0) + self.weight * hits / total
            new = sorted(({"name": n, "confidence": c} for n, c in scored.items()), key=lambda r: -r["confidence"])
            message.set(INTENT, new[0])
            message.set(INTENT_RANKING_KEY, new)
        return messages
