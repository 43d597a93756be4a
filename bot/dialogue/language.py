"""B1 language checks for everything a resident reads.

Thresholds (why these numbers):
- Flesch-Douma (the Dutch Flesch formula, via `textstat` with lang "nl"): 60+ is "redelijk
  makkelijk", the band Dutch plain-language guides (e.g. Direct Duidelijk) map to B1; we require
  at least 55 per message (names of organisations like "Stedelijk Knooppunt Mantelzorg" cost
  points we cannot avoid) and at least 65 on average over all messages.
- Sentence length: B1 texts average 10-15 words per sentence; we allow at most 20 words in
  any sentence and 14 on average.
- Jargon (indicatie, maatwerk, voorliggend, Wmo) only with a plain explanation in the same message.
- One form of address: "je/jij/jouw", never "u/uw".
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Dict, Iterable, List, Tuple

import textstat

textstat.set_lang("nl")

MIN_FLESCH_DOUMA = 55.0
MIN_MEAN_FLESCH_DOUMA = 65.0
MAX_SENTENCE_WORDS = 20
MAX_MEAN_SENTENCE_WORDS = 14.0

# jargon -> what must be in the same message to explain it
JARGON = {
    r"\bindicatie\b": r"besluit|beslissing",
    r"\bmaatwerk\w*\b": r"op maat|speciaal voor|aangepast aan|voor jou geregeld",
    r"\bvoorliggend\w*\b": r"(?!x)x",  # never: say what you mean instead
    r"\bwmo\b": r"wet|zorg en ondersteuning|hulp thuis|hulp in huis|ondersteuning thuis",
    r"\bbeschikking\b": r"besluit|beslissing",
    r"\bparticipatiewet\b": r"uitkering|bijstand|werk",
}
# Plain explanations added automatically the first time a message uses a term.
EXPLANATIONS = [
    (r"\bwmo\b", "De Wmo is de wet voor hulp en ondersteuning thuis."),
    (r"\bindicatie\b", "Een indicatie is een besluit van de gemeente dat je die hulp krijgt."),
    (r"\bbeschikking\b", "Een beschikking is een besluit van de gemeente."),
    (r"\bmaatwerk\w*\b", "Maatwerk is hulp die speciaal voor jou wordt geregeld."),
    (r"\bparticipatiewet\b", "De Participatiewet gaat over werk en bijstand."),
]


def explain_jargon(text: str) -> str:
    """Add a one-sentence explanation for jargon the text uses but does not explain."""
    lower = text.lower()
    extra = []
    for term, sentence in EXPLANATIONS:
        explanation = JARGON.get(term)
        if re.search(term, lower) and not (explanation and re.search(explanation, lower)):
            extra.append(sentence)
    return text if not extra else text.rstrip() + " " + " ".join(extra)


FORMAL = re.compile(r"\b(u|uw|u bent|heeft u|kunt u)\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9'\"(])")
_URL = re.compile(r"https?://\S+|www\.\S+|\S+@\S+")


@dataclass
class TextCheck:
    text: str
    flesch_douma: float
    longest_sentence: int
    sentences: List[str]
    problems: List[str]


def sentences(text: str) -> List[str]:
    text = _URL.sub("website", text.strip())
    return [s for s in _SENTENCE_END.split(text) if s.strip()]


def word_count(sentence: str) -> int:
    return len(re.findall(r"[\w'-]+", sentence))


def check_text(text: str) -> TextCheck:
    plain = _URL.sub("website", text)
    score = textstat.flesch_reading_ease(plain)
    parts = sentences(text)
    longest = max((word_count(s) for s in parts), default=0)
    problems = []
    if score < MIN_FLESCH_DOUMA:
        problems.append(f"Flesch-Douma {score:.0f} < {MIN_FLESCH_DOUMA:.0f}")
    if longest > MAX_SENTENCE_WORDS:
        problems.append(f"sentence of {longest} words > {MAX_SENTENCE_WORDS}")
    lower = text.lower()
    for term, explanation in JARGON.items():
        if re.search(term, lower) and not re.search(explanation, lower):
            problems.append(f"jargon {term.strip(chr(92)).strip('b')!r} without explanation")
    if FORMAL.search(text):
        problems.append("formal 'u/uw': we say 'je'")
    return TextCheck(text, score, longest, parts, problems)


def summary(checks: Iterable[TextCheck]) -> Dict[str, float]:
    checks = list(checks)
    all_sentences = [s for c in checks for s in c.sentences]
    return {
        "messages": len(checks),
        "mean_flesch_douma": sum(c.flesch_douma for c in checks) / max(len(checks), 1),
        "mean_sentence_words": sum(word_count(s) for s in all_sentences) / max(len(all_sentences), 1),
    }


def resident_texts() -> List[Tuple[str, str]]:
    """(where, text) for every message a resident can read: domain responses, dialogue texts
    for every service in the catalogue, safety, fallback and intake texts."""
    import yaml

    from bot.catalogue.loader import load_catalogue
    from bot.config import settings
    from bot.dialogue import answers, fallback
    from bot.routing.router import INTENT_LEEFGEBIED, Router
    from bot.safety.replies import LEVELS, safety_messages

    out: List[Tuple[str, str]] = []
    domain = yaml.safe_load((settings().home / "domain.yml").read_text(encoding="utf-8"))
    for name, variants in domain.get("responses", {}).items():
        for v in variants:
            if v.get("text"):
                out.append((f"domain:{name}", v["text"]))
            for b in v.get("buttons", []):
                out.append((f"domain:{name}:button", b["title"]))
    catalogue = load_catalogue()

    def add(where: str, messages: List[dict]) -> None:
        for m in messages:
            if m.get("text"):
                out.append((where, m["text"]))
            for b in m.get("buttons", []):
                out.append((f"{where}:button", b["title"]))

    for gemeente in catalogue.local_gemeenten():
        router = Router(catalogue, gemeente)
        for intent in list(INTENT_LEEFGEBIED) + ["dont_know_where"]:
            advice = router.advise(intent, "")
            add(f"{gemeente}:advice:{intent}", answers.advice_messages(catalogue, gemeente, advice))
            add(f"{gemeente}:why:{intent}", answers.why_messages(catalogue, advice.reason, advice.dienst))
        for gid, dienst in catalogue.services(gemeente):
            add(f"{gid}:{dienst.id}:more_info", answers.more_info_messages(catalogue, gemeente, dienst))
            for aspect in ("org_wat", "org_contact", "org_afspraak", "org_verwijzing", "org_locatie"):
                add(f"{gid}:{dienst.id}:{aspect}", answers.organisation_messages(catalogue, gemeente, dienst, aspect))
        add(f"{gemeente}:out_of_scope", answers.out_of_scope_gemeente_messages(catalogue, gemeente))
        add(f"{gemeente}:give_up", fallback.give_up_messages(catalogue.front_door(gemeente).naam))
    for level in LEVELS:
        for acute in (False, True):
            add(f"safety:{level}:{acute}", safety_messages(catalogue, level, acute))
    add("fallback:affirm", fallback.ask_affirmation_messages([{"name": "vraag_geld", "confidence": 0.4}], catalogue))
    add("fallback:affirm2", fallback.ask_affirmation_messages([{"name": "vraag_geld", "confidence": 0.4}, {"name": "vraag_werk", "confidence": 0.3}], catalogue))
    add("fallback:rephrase", fallback.ask_rephrase_messages())
    add("answers:unknown_org", answers.unknown_organisation_messages())
    from bot.handoff import flow
    from bot.handoff.config import Team
    from bot.triage import intake as it
    from bot.triage.routing import NETWORK_TIP

    add("triage:tip", [{"text": NETWORK_TIP}])
    for slot in it.SLOTS:
        add(f"triage:{slot}", [it.question(slot, catalogue), it.question(slot, catalogue, voor_wie="naaste"), {"text": it.REPROMPT[slot]}])
    team = Team(id="t", naam="Samen055")
    add("handoff:consent", flow.consent_messages(team))
    add("handoff:declined", flow.declined_messages(catalogue, catalogue.local_gemeenten()[0]))
    add("handoff:kanaal", [flow.kanaal_question(team, True), flow.kanaal_question(team, False)])
    add("handoff:questions", list(flow.QUESTIONS.values()) + [{"text": t} for t in flow.REPROMPTS.values()])
    for kanaal in ("chat", "bellen", "email", "whatsapp"):
        add(f"handoff:confirm:{kanaal}", flow.confirmation_messages("WW-ABC123", team, kanaal, None))
    from bot.channels.sanitize import BSN_NOTE, LONG_MESSAGE_NOTE
    from bot.web.inbox import CALLBACK, CLOSING

    add("channel", [{"text": BSN_NOTE}, {"text": LONG_MESSAGE_NOTE}, {"text": CLOSING}, {"text": CALLBACK}])
    # de-duplicate identical texts (many services share wording)
    seen, unique = set(), []
    for where, text in out:
        if text not in seen:
            seen.add(text)
            unique.append((where, text))
    return unique


def main() -> int:
    """Print every resident-facing text that fails the B1 checks (used while writing data)."""
    import sys

    checks = [(where, check_text(text)) for where, text in resident_texts() if not where.endswith(":button")]
    bad = [(w, c) for w, c in checks if c.problems]
    for where, c in bad:
        print(f"{where}: {'; '.join(c.problems)}\n    {c.text}")
    s = summary(c for _, c in checks)
    print(f"\n{len(bad)} of {s['messages']} messages fail; mean Flesch-Douma {s['mean_flesch_douma']:.1f}, "
          f"mean sentence {s['mean_sentence_words']:.1f} words")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
