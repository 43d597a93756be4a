"""Remove personal data from text before it is stored or logged.

- BSN: every 9-digit number (also written with spaces or dots) that passes the official
  eleven-test (`stdnum.nl.bsn`) is replaced, always and everywhere, before Rasa sees it.
- IBAN (validated with `stdnum.iban`), phone numbers (`phonenumbers`, Dutch) and e-mail
  addresses are replaced in transcripts and logs. The contact details a resident gives for a
  callback are stored separately, only after consent.
"""
from __future__ import annotations

import logging
import re
from typing import Iterable

import phonenumbers
from stdnum import iban
from stdnum.nl import bsn

BSN_TOKEN = "[BSN verwijderd]"
IBAN_TOKEN = "[rekeningnummer verwijderd]"
PHONE_TOKEN = "[telefoonnummer verwijderd]"
EMAIL_TOKEN = "[e-mail verwijderd]"

# 9 digits, optionally grouped by spaces, dots or dashes (e.g. "1234.56.782", "123 456 782")
_BSN_CANDIDATE = re.compile(r"(?<![\d\w])(\d[\s.\-]?){8}\d(?![\d\w])")
_IBAN_CANDIDATE = re.compile(r"\b[A-Z]{2}\d{2}(?:\s?[A-Z0-9]{4}){2,7}(?:\s?[A-Z0-9]{1,3})?\b", re.IGNORECASE)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def redact_bsn(text: str) -> str:
    def repl(match: "re.Match[str]") -> str:
        digits = re.sub(r"\D", "", match.group(0))
        return BSN_TOKEN if bsn.is_valid(digits) else match.group(0)

    return _BSN_CANDIDATE.sub(repl, text)


def contains_bsn(text: str) -> bool:
    return redact_bsn(text) != text


def redact_iban(text: str) -> str:
    return _IBAN_CANDIDATE.sub(lambda m: IBAN_TOKEN if iban.is_valid(m.group(0)) else m.group(0), text)


def redact_phones(text: str) -> str:
    out, last = [], 0
    for match in phonenumbers.PhoneNumberMatcher(text, "NL"):
        out.append(text[last : match.start])
        out.append(PHONE_TOKEN)
        last = match.end
    out.append(text[last:])
    return "".join(out)


def redact(text: str) -> str:
    """Everything personal: BSN first (a BSN can look like a phone number), then IBAN, e-mail, phone."""
    if not text:
        return text
    text = redact_bsn(text)
    text = redact_iban(text)
    text = _EMAIL.sub(EMAIL_TOKEN, text)
    return redact_phones(text)


class RedactingFilter(logging.Filter):
    """Logging filter: personal data never reaches a log file."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a broken format string is not our business here
            return True
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, ()
        return True


def install_log_redaction(loggers: Iterable[str] = ("",)) -> None:
    """Attach the filter to the handlers of the given loggers (root by default)."""
    flt = RedactingFilter()
    for name in loggers:
        logger = logging.getLogger(name)
        logger.addFilter(flt)
        for handler in logger.handlers:
            handler.addFilter(flt)
