"""Dutch text normalisation for search: tokens, stop words, stems, compounds.

Deliberately light (no spaCy/TensorFlow import) so the receptionist look-up starts fast.
Words are lemmatised with spaCy's Dutch lookup table (from `spacy-lookups-data`, read
directly) and then stemmed with the Dutch Porter stemmer from `snowballstemmer`.
"""
from __future__ import annotations

import gzip
import json
import re
import unicodedata
import threading
from functools import lru_cache
from pathlib import Path
from typing import Dict, FrozenSet, Iterable, List, Set

import snowballstemmer

# Function words only. Words that carry meaning in this domain ("alleen", "zonder",
# "hulp", "vrij") are deliberately NOT stop words: "zonder afspraak" and "ik ben
# alleen" must stay searchable. "geen" is one, but phrases like "geen geld" are
# caught by the synonym list before stop words are dropped.
STOP_WORDS: Set[str] = set(
    """
    de het een en of maar dan dat die dit deze der des den ik je jij jou jouw u uw wij we ons onze
    zij ze hij hem haar hun hen mij me mijn m'n mn zich zelf is ben bent zijn was waren wordt worden
    werd heb hebt heeft hebben had hadden kan kun kunt kunnen kon konden wil wilt willen wilde
    zal zult zullen zou zouden moet moeten mag mogen doe doet doen gedaan ga gaat gaan
    in op aan bij met van voor naar over uit om tot door te ter als er hier daar waar wat wie
    welk welke hoe wanneer waarom ook nog al wel toch even eens heel erg zo zoals dus want omdat
    nu net iets iemand niets alles veel weinig meer meest ff effe eigenlijk gewoon graag ja nee geen
    niet loopt lopen maak maakt maken komt komen zit zitten krijg krijgt krijgen staat staan nodig
    hallo hoi beste vraag vraagje iemand weet weten ik's is't t 'n n s z'n zn d'r
    """.split()
)

# A snowball stemmer keeps state while it works: one per thread (the action server trains its
# routing models in a background thread while requests are stemmed).
_local = threading.local()


def _stemmer() -> "snowballstemmer.stemmer":
    stemmer = getattr(_local, "stemmer", None)
    if stemmer is None:
        stemmer = _local.stemmer = snowballstemmer.stemmer("dutch_porter")
    return stemmer
_TOKEN = re.compile(r"[a-z0-9]+")


def fold(text: str) -> str:
    """Lowercase and strip accents ("financiën" -> "financien")."""
    text = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def tokens(text: str) -> List[str]:
    return _TOKEN.findall(fold(text))


@lru_cache(maxsize=100_000)
def stem(word: str) -> str:
    """Lemma (spaCy's Dutch lookup table), then the Dutch Porter stem: "spijbelt" -> "spijbel"."""
    if word.isdigit():
        return word
    return _stemmer().stemWord(lemma_table().get(word, word))


def content_tokens(text: str) -> List[str]:
    """Tokens without stop words and one-letter noise."""
    return [t for t in tokens(text) if t not in STOP_WORDS and (len(t) > 1 or t.isdigit())]


def collapse(text: str) -> str:
    """Folded text without spaces or punctuation: "Samen 055" and "samen055" become equal."""
    return "".join(tokens(text))


# Linking sounds between compound parts: "vrijwilliger-s-werk", "kind-er-en-", "pannen-koek".
_LINKS = ("", "s", "e", "en", "er")


@lru_cache(maxsize=1)
def lemma_table() -> Dict[str, str]:
    """spaCy's Dutch lemma lookup table (word form -> lemma), read without importing spaCy."""
    import spacy_lookups_data

    path = Path(spacy_lookups_data.__file__).parent / "data" / "nl_lemma_lookup.json.gz"
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        table = json.load(fh)
    return {fold(k): fold(v) for k, v in table.items()}


@lru_cache(maxsize=1)
def dutch_words() -> FrozenSet[str]:
    """Known Dutch word forms and lemmas.

    Used to tell a typo from a real word: only unknown words get spelling correction,
    so "vast" is never "corrected" to "last".
    """
    table = lemma_table()
    return frozenset(table) | frozenset(table.values())


def split_compound(word: str, vocabulary: Iterable[str], min_part: int = 4) -> List[str]:
    """Split a compound into known stems, longest head first: "schuldhulpverlening" -> [schuld, hulpverlen].

    Returns [] when no split into known parts exists.
    """
    vocab = vocabulary if isinstance(vocabulary, (set, frozenset, dict)) else set(vocabulary)
    best: List[str] = []
    for i in range(len(word) - min_part, min_part - 1, -1):
        head, tail = word[:i], word[i:]
        head_stem = stem(head)
        if head not in vocab and head_stem not in vocab:
            continue
        for link in _LINKS:
            if link and not tail.startswith(link):
                continue
            rest = tail[len(link):]
            if len(rest) < min_part:
                continue
            rest_stem = stem(rest)
            if rest_stem in vocab or rest in vocab:
                return [head_stem if head_stem in vocab else head, rest_stem if rest_stem in vocab else rest]
            deeper = split_compound(rest, vocab, min_part)
            if deeper and not best:
                best = [head_stem if head_stem in vocab else head] + deeper
    return best
