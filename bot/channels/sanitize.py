"""Make any incoming text safe to process: strip HTML, normalise, cap the length.

Used by the input channels and by the first NLU component, so every channel
(REST, socket.io, WhatsApp) gets the same treatment.
"""
from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass
from typing import Optional

from bot.privacy.redact import redact_bsn

# Long enough for a real story (a long WhatsApp message is ~1,000 characters);
# beyond this we read the beginning and say so.
MAX_CHARS = 2000
LONG_MESSAGE_NOTE = "Je bericht was erg lang. Ik heb het begin gelezen."
BSN_NOTE = "Je stuurde een burgerservicenummer (BSN). Dat heb ik meteen gewist. Je hoeft je BSN hier nooit te geven."

# a tag starts with a letter, "/" or "!" right after "<", so "3 < 5 en 7 > 6" stays intact
_TAG = re.compile(r"<(script|style)\b.*?</\1\s*>|</?[a-zA-Z!][^<>]{0,500}>", re.IGNORECASE | re.DOTALL)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")
_WS = re.compile(r"[ \t\r\f\v]+")


@dataclass(frozen=True)
class CleanText:
    text: str
    had_html: bool = False
    truncated: bool = False
    had_bsn: bool = False

    @property
    def has_words(self) -> bool:
        """True when there is at least one letter or digit (not only emoji or punctuation)."""
        return any(ch.isalnum() for ch in self.text)


def clean(raw: Optional[str], max_chars: int = MAX_CHARS) -> CleanText:
    """Return the text a resident meant, without markup, control characters or excess length."""
    if not raw:
        return CleanText("")
    text = unicodedata.normalize("NFC", str(raw))
    stripped = _TAG.sub(" ", text)
    had_html = stripped != text
    text = html.unescape(stripped) if had_html or "&" in stripped else stripped
    text = _CONTROL.sub("", text)
    text = "\n".join(_WS.sub(" ", line).strip() for line in text.splitlines())
    text = re.sub(r"\n{3,}", "\n\n", text).strip()
    truncated = len(text) > max_chars
    if truncated:
        cut = text[:max_chars]
        # end on a word boundary so we do not feed half a word to the NLU
        text = cut[: cut.rfind(" ")] if " " in cut[-50:] else cut
    # a BSN is never stored: it is gone before Rasa, the tracker store or any log sees it
    without_bsn = redact_bsn(text)
    return CleanText(text=without_bsn, had_html=had_html, truncated=truncated, had_bsn=without_bsn != text)


# Emoji that carry a clear meaning; anything else without words is "no text".
EMOJI_INTENTS = {
    "👍": "affirm",
    "👌": "affirm",
    "✅": "affirm",
    "👎": "deny",
    "❌": "deny",
    "🙏": "thank",
    "👋": "greet",
}


def emoji_intent(text: str) -> Optional[str]:
    """The intent of an emoji-only message, if its emoji agree on one meaning."""
    found = {intent for emoji, intent in EMOJI_INTENTS.items() if emoji in text}
    return found.pop() if len(found) == 1 else None
