"""Choose the door for a resident's question, with a reason that can be shown on "waarom?".

Order (from the seeds' routing principle): a named service first; a broad or tangled
question goes to the gemeente's front door (one place, not "van het kastje naar de
muur"); otherwise the best door by two signals — the per-gemeente service model (a need in
any words) and keyword search (the catalogue's words) — favouring the question's leefgebied
and free help before the vangnet; else the gemeente's standard door for that leefgebied, else
the front door.
"""
from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Set, Tuple

from bot.catalogue.loader import Catalogue
from bot.catalogue.schema import Dienst, Laag, Toegang
from bot.catalogue.search import Hit, SearchIndex, get_index
from bot.catalogue.textnorm import collapse, content_tokens, stem
from bot.routing.reranker import candidates, load_reranker
from bot.routing.service_model import service_model

INTENT_LEEFGEBIED: Dict[str, str] = {
    "vraag_geld": "financien",
    "vraag_opvoeden": "opvoeden",
    "vraag_mantelzorg": "mantelzorg",
    "vraag_eenzaamheid": "sociaal_contact",
    "vraag_wonen": "wonen",
    "vraag_werk": "werk",
    "vraag_zorg": "zorg",
    "vraag_taal": "taal_digitaal",
    "vraag_jongeren": "jongeren",
    "vraag_discriminatie": "discriminatie",
    "vraag_vrijwilligerswerk": "vrijwilligerswerk",
    "vraag_psychisch": "psychisch",
}

def routed_question(intent: Optional[str]) -> bool:
    """A question the router decides: about a leefgebied, or "ik weet niet waar ik heen moet"."""
    return intent in INTENT_LEEFGEBIED or intent == "dont_know_where"


# A search hit below this score is a weak guess; the standard door is safer.
MIN_SEARCH_SCORE = 1.0
SECONDARY_AREA_FACTOR = 0.7
VANGNET_FACTOR = 0.6
STANDARD_DOOR_FACTOR = 1.3
# Combining the service model with search (tuned on tests/dev/routing_dev.yml, never on the held-out set)
SEARCH_WEIGHT = 0.3
SEARCH_NORM = 5.0  # a search score this high counts as a full match
AREA_BONUS = 0.2
MIN_PICK_SCORE = 0.0
# The service model this sure of one specific door: words of other areas do not make the question
# tangled ("ik zit in een rolstoel en wil vrijwilligerswerk doen"). Flat from 0.4 to 0.7 on the dev sets.
SPECIFIC_TRUST = 0.6
PICK_VANGNET_FACTOR = 0.8
STANDARD_BONUS = 0.1  # generic questions ("ik heb een opvoedvraag") go to the area's first door
MIN_VAGUE_SCORE = 0.3  # "I don't know where to go": a specific door only when it clearly fits
FRONT_DOOR_MIN_CONFIDENCE = 0.7  # the service model's probability that a story belongs at the front door
MIN_STORY_WORDS = 4  # content words (no stop words) before a message counts as a story
# "I don't know where to go" with one clear area is that area's question, unless it is a long story
LOST_STORY_WORDS = 8  # content words; flat from 5 to 12 on the dev sets
# Words that say nothing about which door ("ik heb een vraag over ...", "hulp bij ...").
FILLER_WORDS = {"vraag", "vragen", "hulp", "help", "advies", "info", "informatie", "probleem", "problemen", "terecht", "tips", "steun", "zorgen", "last"}
# A young person speaks for themselves: services made for young people fit other questions only then.
YOUNG_WORDS = re.compile(
    r"\b(?:jongere\w*|jong|tiener\w*|student\w*|studie\w*|stufi|duo|mbo|hbo|roc|bijbaan\w*|stage\w*|school|klas|"
    r"ik ben (?:1[2-9]|2[0-3])|(?:1[2-9]|2[0-3]) jaar)\b"
)


@dataclass
class Advice:
    dienst: Dienst
    gemeente: str  # whose catalogue the service is in (may be "landelijk")
    rule: str  # machine-readable rule id, e.g. "naam", "voordeur-breed", "zoeken", "standaard"
    reason: str  # B1 Dutch, shown on "waarom?"
    leefgebied: Optional[str] = None
    alternatives: List[Dienst] = field(default_factory=list)
    matched: List[str] = field(default_factory=list)

    @property
    def broad(self) -> bool:
        return self.rule.startswith("voordeur")


def area_vocabulary(catalogue: Catalogue) -> Dict[str, Set[str]]:
    """Word stems that point at one leefgebied.

    From the leefgebied word lists plus the names and keywords of the services whose main
    leefgebied it is; stems shared by several leefgebieden are dropped (they decide nothing).
    """
    from bot.catalogue.search import TOEGANG_WORDS

    # how you get in ("zonder afspraak", "gratis") says nothing about the topic
    access = {stem(t) for words in TOEGANG_WORDS.values() for t in content_tokens(words)} | {stem("gratis"), stem("advies")}
    vocab: Dict[str, Set[str]] = {lg: set() for lg in catalogue.leefgebieden}
    explicit: Dict[str, Set[str]] = {}
    for lg in catalogue.leefgebieden.values():
        explicit[lg.id] = {stem(t) for w in lg.trefwoorden for t in content_tokens(w)}
        vocab[lg.id] |= explicit[lg.id]
    for gemeente in catalogue.gemeenten.values():
        for dienst in gemeente.diensten.values():
            main = dienst.leefgebieden[0]
            for text in [dienst.naam, *dienst.trefwoorden]:
                vocab[main] |= {stem(t) for t in content_tokens(text) if len(t) >= 4}
    owners: Dict[str, int] = {}
    for words in vocab.values():
        for w in words:
            owners[w] = owners.get(w, 0) + 1
    return {lg: {w for w in words if (owners[w] == 1 or w in explicit[lg]) and w not in access} for lg, words in vocab.items()}


_AREA_VOCAB: Dict[object, Dict[str, Set[str]]] = {}


def vocabulary_of(catalogue: Catalogue, core_only: bool) -> Dict[str, Set[str]]:
    """`core_vocabulary` or `area_vocabulary`, computed once per catalogue."""
    key = (id(catalogue), core_only)
    vocab = _AREA_VOCAB.get(key)
    if vocab is None:
        vocab = _AREA_VOCAB[key] = core_vocabulary(catalogue) if core_only else area_vocabulary(catalogue)
    return vocab


_KEYWORD_OWNERS: Dict[Tuple[int, str], Dict[str, Set[str]]] = {}


def keyword_owners(catalogue: Catalogue, gemeente: str) -> Dict[str, Set[str]]:
    """Word stem -> the services of this gemeente whose name, synonyms or keywords contain it."""
    key = (id(catalogue), gemeente)
    owners = _KEYWORD_OWNERS.get(key)
    if owners is None:
        owners = {}
        for dienst in catalogue.gemeenten[gemeente].diensten.values():
            for text in [dienst.naam, *dienst.synoniemen, *dienst.trefwoorden]:
                for token in content_tokens(text):
                    owners.setdefault(stem(token), set()).add(dienst.id)
        _KEYWORD_OWNERS[key] = owners
    return owners


def core_vocabulary(catalogue: Catalogue) -> Dict[str, Set[str]]:
    """Only the curated single words of leefgebieden.yml: fewer, but each clearly about its area."""
    return {lg.id: {stem(t) for w in lg.trefwoorden if " " not in w.strip() for t in content_tokens(w)} for lg in catalogue.leefgebieden.values()}


def leefgebieden_in(text: str, catalogue: Catalogue, core_only: bool = False) -> Dict[str, int]:
    """How many distinct words of each leefgebied occur in the text.

    `core_only` counts only the curated leefgebied words; the default also uses words from
    service names and keywords (wider, noisier).
    """
    vocab = vocabulary_of(catalogue, core_only)
    words = {stem(t) for t in content_tokens(text)}
    hits = {lg: len(words & keys) for lg, keys in vocab.items()}
    return {lg: n for lg, n in hits.items() if n}


def toegang_zin(dienst: Dienst) -> str:
    return {
        Toegang.vrij_toegankelijk: "je er zonder afspraak terechtkunt",
        Toegang.zonder_afspraak: "je er zonder afspraak terechtkunt",
        Toegang.aanmelden: "je je daar zelf kunt melden, zonder verwijzing",
        Toegang.verwijzing_of_indicatie: "zij je verder helpen als je een verwijzing of besluit van de gemeente hebt",
    }[dienst.toegang]


class Router:
    def __init__(self, catalogue: Catalogue, gemeente: str, index: Optional[SearchIndex] = None):
        self.catalogue = catalogue
        self.gemeente = gemeente
        self.index = index or get_index(gemeente, catalogue.root)
        self.meta = catalogue.gemeenten[gemeente].gemeente
        self._last_search: Optional[Tuple[str, Optional[int], List[Hit]]] = None

    def search_once(self, text: str, leeftijd: Optional[int]) -> List[Hit]:
        """The catalogue search the rules and the re-ranker both use, computed once per message
        (a search costs a few milliseconds); callers get copies, so they may change scores."""
        if self._last_search is None or self._last_search[:2] != (text, leeftijd):
            self._last_search = (text, leeftijd, self.index.search(text, limit=10, include_noodhulp=False, leeftijd=leeftijd))
        return [copy.copy(hit) for hit in self._last_search[2]]

    def _scope_of(self, dienst: Dienst) -> str:
        return self.gemeente if dienst.id in self.catalogue.gemeenten[self.gemeente].diensten else "landelijk"

    def front_door(self) -> Dienst:
        door = self.catalogue.front_door(self.gemeente)
        assert door is not None, f"gemeente {self.gemeente} has no voordeur"
        return door

    def first_named(self, candidates: List[str]) -> Optional[Dienst]:
        """The first candidate (entity values, then perhaps the whole text) that names a service."""
        for candidate in candidates:
            dienst = self.named(candidate)
            if dienst:
                return dienst
        return None

    def named(self, text: str) -> Optional[Dienst]:
        """The service a resident names in the text (also misspelled), if any.

        A service's own name wins over its organisation's name ("CJG spreekuur" over "CJG");
        for an organisation name alone, the service that carries that name, else the best match.
        """
        own = self.index._name_matches(text, own_only=True)
        candidates = own or self.index._name_matches(text)
        if not candidates:
            return None
        docs = [self.index.docs[d][1] for d in candidates]
        if own:
            # the longest matching name is the most specific ("CJG spreekuur bij de huisarts" over "CJG")
            return max(docs, key=lambda d: max((len(collapse(n)) for n in [d.naam, *d.synoniemen] if collapse(n) in collapse(text)), default=0))
        for dienst in docs:
            org = self.catalogue.organisation(self.gemeente, dienst.organisatie)
            if org and collapse(org.naam) == collapse(dienst.naam):
                return dienst
        ranked = self.index.search(text, limit=len(candidates) + 3)
        for hit in ranked:
            if hit.service in docs:
                return hit.service
        return docs[0]

    def advise(
        self,
        intent: Optional[str],
        text: str,
        leeftijd: Optional[int] = None,
        broad: bool = False,
        confidence: float = 1.0,
    ) -> Advice:
        """The door for a question: the rules' choice, looked at again by the learned re-ranker
        (bot/routing/reranker.py) when its weights are there. `confidence` is the intent
        classifier's."""
        advice = self.advise_by_rules(intent, text, leeftijd, broad)
        if broad or not routed_question(intent):
            return advice
        reranker = load_reranker()
        if reranker is None:
            return advice
        best = reranker.best(candidates(self, text, intent, confidence, advice.dienst.id, leeftijd))
        if best is None or best.dienst.id == advice.dienst.id:
            return advice
        leefgebied = INTENT_LEEFGEBIED.get(intent or "")
        if best.dienst.id == self.front_door().id:
            return self._front_door_advice(leefgebieden_in(text, self.catalogue, core_only=True), leefgebied)
        if leefgebied and best.dienst.id == self.meta.standaard_deuren.get(leefgebied):
            return self._standard_door(leefgebied)
        return self._door_advice(best.dienst, leefgebied, [advice.dienst], [])

    def advise_by_rules(
        self,
        intent: Optional[str],
        text: str,
        leeftijd: Optional[int] = None,
        broad: bool = False,
    ) -> Advice:
        """The door by the routing rules alone (see the module docstring)."""
        leefgebied = INTENT_LEEFGEBIED.get(intent or "")
        areas = leefgebieden_in(text, self.catalogue, core_only=True)
        # the service model recognises a tangled story the area words miss; but "ik weet niet waar
        # ik heen moet met mijn schulden" names one clear area, and "waar moet ik heen" alone is no story
        lost = intent == "dont_know_where" and (len(areas) != 1 or len(content_tokens(text)) >= LOST_STORY_WORDS)
        if (leefgebied or lost) and self._front_door_story(text):
            if leefgebied and self.meta.standaard_deuren.get(leefgebied) == self.front_door().id:
                return self._standard_door(leefgebied)  # the front door is this area's own door anyway
            broad = True
        if intent == "dont_know_where" and not broad and len(areas) == 1:
            # "ik weet niet waar ik heen moet met mijn schulden": one clear area after all
            leefgebied = next(iter(areas))
        several = broad or (
            not self._sure_specific(text) and ((intent == "dont_know_where" and len(areas) >= 2) or self._tangled(areas, leefgebied))
        )
        if not several and leefgebied in self.meta.standaard_deuren and self._generic(text, leefgebied):
            return self._standard_door(leefgebied)  # "ik heb een opvoedvraag": the area's own first door
        picked = None if several else self._pick(text, leefgebied, leeftijd, MIN_VAGUE_SCORE if intent == "dont_know_where" else MIN_PICK_SCORE)
        vague = picked is None and intent == "dont_know_where" and len(areas) != 1
        if picked is not None and picked[0].id == self.front_door().id and leefgebied and not vague:
            return self._standard_door(leefgebied)  # the front door is also this area's own door
        if several or vague or (picked is not None and picked[0].id == self.front_door().id):
            return self._front_door_advice(areas, leefgebied)
        if picked is not None:
            dienst, why, alternatives = picked
            return self._door_advice(dienst, leefgebied, alternatives, why)
        hits = self.index.search(text, limit=8, leefgebied=leefgebied, include_noodhulp=False, leeftijd=leeftijd)
        if leefgebied:
            # one clear area: its own door, not the all-round front door (that is for tangled questions)
            front = self.front_door().id
            hits = [h for h in hits if h.id != front]
            # a service whose main leefgebied this is fits better than one that also touches it
            standard = self.meta.standaard_deuren.get(leefgebied)
            for hit in hits:
                made_for_age = leeftijd is not None and hit.service.leeftijd and hit.service.leeftijd.covers(leeftijd)
                if hit.service.leefgebieden[0] != leefgebied and not made_for_age:
                    hit.score *= SECONDARY_AREA_FACTOR
                # free help first: the vangnet only when the question clearly points there
                if hit.service.laag == Laag.vangnet and not made_for_age:
                    hit.score *= VANGNET_FACTOR
                if hit.id == standard:
                    hit.score *= STANDARD_DOOR_FACTOR
            hits.sort(key=lambda h: -h.score)
        if hits and hits[0].score >= MIN_SEARCH_SCORE:
            top = hits[0]
            lg_label = self.catalogue.leefgebieden[leefgebied].label.lower() if leefgebied else None
            about = f"over {lg_label} gaat" if lg_label else "past bij wat zij doen"
            return Advice(
                top.service,
                top.gemeente,
                "zoeken",
                f"Je vraag {about}, en {top.name} helpt daarbij. Ik koos deze plek omdat {toegang_zin(top.service)}.",
                leefgebied,
                [h.service for h in hits[1:3]],
                top.why,
            )
        if leefgebied and leefgebied in self.meta.standaard_deuren:
            return self._standard_door(leefgebied)
        door = self.front_door()
        return Advice(
            door,
            self._scope_of(door),
            "voordeur",
            f"{door.naam} helpt bij vragen over alle onderwerpen. Daar kijken ze samen met je wat nodig is.",
            leefgebied,
        )

    def _front_door_story(self, text: str) -> bool:
        """The service model is quite sure this is a question for the front door (it learned the
        tangled, several-areas stories of `data/routing/voorbeelden/`)."""
        model = service_model(self.catalogue, self.gemeente)
        if model is None or len(content_tokens(text)) < MIN_STORY_WORDS:
            return False  # "geldzorgen" is no story, even if the front door hears it often
        return model.probability(text, self.front_door().id) >= FRONT_DOOR_MIN_CONFIDENCE

    def _sure_specific(self, text: str) -> bool:
        """The service model is quite sure of one door that is not the front door."""
        model = service_model(self.catalogue, self.gemeente)
        if model is None:
            return False
        top, probability = model.rank(text, limit=1)[0]
        return top != self.front_door().id and probability >= SPECIFIC_TRUST

    def _front_door_advice(self, areas: Dict[str, int], leefgebied: Optional[str]) -> Advice:
        door = self.front_door()
        named_areas = [self.catalogue.leefgebieden[a].label.lower() for a in sorted(areas)][:3]
        about = f" Je vraag gaat over meer dingen tegelijk ({', '.join(named_areas)})." if len(named_areas) > 1 else ""
        return Advice(
            door,
            self._scope_of(door),
            "voordeur-breed",
            f"{door.naam} is de plek voor vragen over alle onderwerpen.{about} "
            "Dan hoef je niet van loket naar loket: daar kijken ze samen met je wat nodig is.",
            leefgebied,
        )

    def _door_advice(self, dienst: Dienst, leefgebied: Optional[str], alternatives: List[Dienst], why: List[str]) -> Advice:
        lg_label = self.catalogue.leefgebieden[leefgebied].label.lower() if leefgebied else None
        about = f"over {lg_label} gaat" if lg_label else "past bij wat zij doen"
        return Advice(
            dienst,
            self._scope_of(dienst),
            "zoeken",
            f"Je vraag {about}, en {dienst.naam} helpt daarbij. Ik koos deze plek omdat {toegang_zin(dienst)}.",
            leefgebied,
            alternatives,
            why,
        )

    def _standard_door(self, leefgebied: str) -> Advice:
        door = self.catalogue.service(self.gemeente, self.meta.standaard_deuren[leefgebied])
        assert door is not None
        lg_label = self.catalogue.leefgebieden[leefgebied].label.lower()
        return Advice(
            door,
            self._scope_of(door),
            "standaard",
            f"Voor vragen over {lg_label} is {door.naam} de eerste plek in {self.meta.naam}.",
            leefgebied,
        )

    def _pick(
        self, text: str, leefgebied: Optional[str], leeftijd: Optional[int], minimum: float
    ) -> Optional[Tuple[Dienst, List[str], List[Dienst]]]:
        """The best door by two signals: the service model (needs in any words) and keyword search
        (the catalogue's own words), plus a bonus when the service serves the question's area.
        None when there is no service model or nothing scores enough."""
        model = service_model(self.catalogue, self.gemeente)
        if model is None or not text.strip():
            return None
        ranked = dict(model.rank(text, limit=8))
        hits = {h.id: h for h in self.search_once(text, leeftijd)}
        top_search = max([h.score for h in hits.values()] + [SEARCH_NORM])
        scored = []
        front = self.front_door().id
        # one clear area gets its own door; the front door is for tangled questions, unless
        # it is this area's own door too (Almelo's KCC for wonen, taal, discriminatie)
        skip_front = leefgebied is not None and self.meta.standaard_deuren.get(leefgebied) != front
        for service_id in set(ranked) | set(hits):
            dienst = self.catalogue.service(self.gemeente, service_id)
            if dienst is None or (skip_front and dienst.id == front):
                continue
            if not self._fits_age_group(dienst, leefgebied, text, leeftijd):
                continue
            score = ranked.get(service_id, 0.0) + SEARCH_WEIGHT * (hits[service_id].score if service_id in hits else 0.0) / top_search
            if leefgebied and leefgebied in dienst.leefgebieden:
                # a service made for this area fits better than one that also touches it
                score += AREA_BONUS if dienst.leefgebieden[0] == leefgebied else AREA_BONUS * SECONDARY_AREA_FACTOR
            if leefgebied and dienst.id == self.meta.standaard_deuren.get(leefgebied):
                score += STANDARD_BONUS  # the gemeente's own first door for this area
            # a door you only reach with a referral (Almelo's maatschappelijk werk, via the wijkteam) is
            # no first door either, whatever its layer
            if (dienst.laag == Laag.vangnet or dienst.toegang == Toegang.verwijzing_of_indicatie) and not (leeftijd is not None and dienst.leeftijd and dienst.leeftijd.covers(leeftijd)):
                score *= PICK_VANGNET_FACTOR  # free help first: the vangnet when the question clearly points there
            scored.append((score, dienst))
        scored.sort(key=lambda x: -x[0])
        if not scored or scored[0][0] < minimum:
            return None
        best = scored[0][1]
        why = hits[best.id].why if best.id in hits else []
        return best, why, [d for _, d in scored[1:3]]

    def _generic(self, text: str, leefgebied: str) -> bool:
        """Only the area is named ("ik heb een opvoedvraag", "schulden"): a few words, each an
        area word (also inside a compound: "opvoedvraag") or a filler, and no service named."""
        words = {t for t in content_tokens(text) if t not in FILLER_WORDS}
        if not words or len(words) > 3:
            return False
        area = vocabulary_of(self.catalogue, core_only=True).get(leefgebied, set())
        stems = {stem(t) for t in words}
        if not all(any(s.startswith(a) for a in area if len(a) >= 4) or s in area for s in stems):
            return False
        if self.named(text) is not None:
            return False
        # some area words are one door's own word ("traplift", "deurwaarder"): that door, not the general one
        owners = keyword_owners(self.catalogue, self.gemeente)
        return all(len(owners.get(s, ())) != 1 for s in stems)

    @staticmethod
    def _fits_age_group(dienst: Dienst, leefgebied: Optional[str], text: str, leeftijd: Optional[int]) -> bool:
        """A service made for young people (main area `jongeren`) fits a question from another area
        only when a young person is speaking ("ik ben 19", "mijn studie")."""
        if dienst.leefgebieden[0] != "jongeren" or leefgebied in (None, "jongeren", "opvoeden"):
            return True
        return (leeftijd is not None and leeftijd <= 23) or bool(YOUNG_WORDS.search(text.lower()))

    @staticmethod
    def _tangled(areas: Dict[str, int], main: Optional[str]) -> bool:
        """Several life areas at once: besides the question's own area, two other areas whose
        own words (leefgebieden.yml) occur in the message."""
        # these pairs are one need, not two (a carer's question about care, money and work)
        one_need = [{"mantelzorg", "zorg"}, {"financien", "werk"}, {"wonen", "financien"}, {"opvoeden", "jongeren"}]
        others = {a for a in areas if a != main and not (main and {main, a} in one_need)}
        # youth services cover every area for a young person: school, money and a room are one need
        need = 3 if main in (None, "jongeren") else 2
        return len(others) >= need


def laag_label(laag: Laag) -> str:
    return {
        Laag.sociale_basis: "gratis en zonder indicatie",
        Laag.scharnier: "de algemene ingang",
        Laag.vangnet: "voor als de gewone hulp niet genoeg is",
        Laag.noodhulp: "hulp bij nood",
    }[laag]
