"""Read what the dialogue needs from a Rasa tracker (as a plain dict-like object).

Kept free of rasa_sdk imports so it is testable with simple fakes.
"""
from __future__ import annotations

import re
from typing import Any, Dict, Iterable, List, Optional

from bot.catalogue.loader import Catalogue
from bot.catalogue.textnorm import fold


def resolve_gemeente(candidates: Iterable[Optional[str]], catalogue: Catalogue, default: str) -> str:
    """The first candidate that names a known (local) gemeente, else the default."""
    known = {fold(g): g for g in catalogue.local_gemeenten()}
    for name in candidates:
        if name and fold(str(name)).strip() in known:
            return known[fold(str(name)).strip()]
    return default


def question_text(events: List[Dict[str, Any]]) -> str:
    """The resident's own words for the current question.

    A button payload ("/vraag_geld") carries no words; if it answered a "did you mean"
    fallback question, the words are in the message before it.
    """
    users = [e for e in events if e.get("event") == "user"]
    if not users:
        return ""
    latest = (users[-1].get("text") or "").strip()
    if latest and not latest.startswith("/"):
        return latest
    for earlier in reversed(users[:-1]):
        text = (earlier.get("text") or "").strip()
        if not text or text.startswith("/"):
            continue  # the clarification itself, repeated by the fallback loop
        intent = ((earlier.get("parse_data") or {}).get("intent") or {}).get("name")
        return text if intent == "nlu_fallback" else ""
    return ""


def entity_values(latest_message: Dict[str, Any], entity: str) -> List[str]:
    return [e.get("value") for e in latest_message.get("entities", []) if e.get("entity") == entity and e.get("value")]


def parse_age(values: Iterable[Any]) -> Optional[int]:
    for value in values:
        digits = "".join(ch for ch in str(value) if ch.isdigit())
        if digits and 0 <= int(digits) <= 120:
            return int(digits)
    return None


_AGE = re.compile(r"\b(?:ik ben|ben|is|van|zoon van|dochter van|kind van)\s+(\d{1,2})\b(?!\s*(?:euro|kinderen|maanden|weken|dagen|uur|keer))|\b(\d{1,2})\s*(?:jaar|jr|jarige)\b")


def age_from_text(text: str) -> Optional[int]:
    """An age written in the message ("ik ben 19", "mijn zoon van 15", "82 jaar")."""
    match = _AGE.search(text.lower())
    if not match:
        return None
    age = int(match.group(1) or match.group(2))
    return age if 0 < age <= 110 else None
