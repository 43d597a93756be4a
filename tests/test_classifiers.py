"""The trainable NLU components: intent classifier and danger classifier (train, save, load, score)."""
import pytest
import yaml
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.constants import INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlp.danger_component import DANGER_KEY, DangerClassifier
from bot.safety import classifier
from bot.safety.classifier import NONE, DangerModel, corpus_fingerprint, load_corpus

CONTEXT = ExecutionContext(GraphSchema({}), "test")

HUISELIJK = ["hij slaat me elke avond", "mijn man slaat mij en de kinderen", "mijn vriend slaat me als hij boos is"]
SUICIDE = ["ik wil niet meer leven", "ik wil dood", "ik wil er een eind aan maken"]
ACUUT = ["er staat iemand met een mes voor de deur", "mijn vader ademt niet meer", "het huis staat in brand"]
DANGER = HUISELIJK + SUICIDE + ACUUT
HARMLESS = ["ik heb schulden", "waar kan ik nederlands leren", "ik ben dood moe", "hallo", "dank je wel",
            "mijn kind luistert niet", "ik zoek werk", "wie helpt met formulieren"]


def _data(pairs):
    return TrainingData([Message(data={TEXT: t, INTENT: i}) for t, i in pairs])


def test_load_corpus_reads_labels_and_refuses_unknown_ones(tmp_path):
    (tmp_path / "a.yml").write_text(yaml.safe_dump({"version": 1, "voorbeelden": {"suicide": ["wil dood"], "geen": ["hoi"]}}))
    texts, labels = load_corpus(tmp_path)
    assert sorted(zip(texts, labels)) == [("hoi", NONE), ("wil dood", "suicide")]
    (tmp_path / "b.yml").write_text(yaml.safe_dump({"version": 1, "voorbeelden": {"gevaarlijk": ["x"]}}))
    with pytest.raises(ValueError, match="unknown label"):
        load_corpus(tmp_path)


def test_the_corpus_fingerprint_changes_with_the_data(tmp_path):
    (tmp_path / "a.yml").write_text(yaml.safe_dump({"voorbeelden": {"geen": ["hoi"]}}))
    before = corpus_fingerprint(tmp_path)
    assert corpus_fingerprint(tmp_path) == before
    (tmp_path / "a.yml").write_text(yaml.safe_dump({"voorbeelden": {"geen": ["hoi", "doei"]}}))
    assert corpus_fingerprint(tmp_path) != before


def test_the_shipped_corpus_has_every_level_and_harmless_look_alikes():
    texts, labels = load_corpus()
    counts = {label: labels.count(label) for label in set(labels)}
    assert set(counts) == {"acuut", "suicide", "huiselijk", NONE}
    assert min(counts.values()) >= 500
    assert len(set(texts)) > 0.95 * len(texts)  # hardly any repeats


def test_danger_model_scores_danger_above_harmless():
    labels = ["huiselijk"] * 3 + ["suicide"] * 3 + ["acuut"] * 3 + [NONE] * len(HARMLESS)
    model = DangerModel.train(DANGER + HARMLESS, labels)
    danger = model.score("mijn man slaat me")
    harmless = model.score("ik heb een vraag over schulden")
    assert danger.probability > harmless.probability
    assert danger.level == "huiselijk_geweld"
    with pytest.raises(ValueError):
        DangerModel.train(HARMLESS, [NONE] * len(HARMLESS))


def test_danger_component_trains_saves_loads_and_scores(tmp_path, monkeypatch):
    corpus = tmp_path / "safety"
    corpus.mkdir()
    (corpus / "c.yml").write_text(yaml.safe_dump({"voorbeelden": {"suicide": SUICIDE, "geen": HARMLESS}}))
    monkeypatch.setattr(classifier, "corpus_dir", lambda: corpus)
    monkeypatch.setattr("bot.nlp.danger_component.harmless_questions", lambda: ["ik zoek een huis", "ik wil vrijwilliger worden"])
    (tmp_path / "model").mkdir()
    storage, resource = LocalModelStorage(tmp_path / "model"), Resource("danger")
    component = DangerClassifier.create({}, storage, resource, CONTEXT)
    component.train(_data([(t, "gevaar_huiselijk") for t in HUISELIJK] + [(t, "gevaar_acuut") for t in ACUUT] + [("hoi", "greet")]))
    loaded = DangerClassifier.load({}, storage, resource, CONTEXT)
    messages = [Message(data={TEXT: "mijn man slaat me"}), Message(data={TEXT: "/affirm"})]
    loaded.process(messages)
    assert set(messages[0].get(DANGER_KEY)) == {"probability", "level"}
    assert messages[1].get(DANGER_KEY) is None  # button payloads are not scored


def test_component_code_and_corpus_are_part_of_the_training_fingerprint(tmp_path, monkeypatch):
    from bot.nlp.tfidf_classifier import TfidfIntentClassifier

    base = TfidfIntentClassifier.fingerprint_addon({})
    assert base and base == TfidfIntentClassifier.fingerprint_addon({})
    danger = DangerClassifier.fingerprint_addon({})
    (tmp_path / "c.yml").write_text(yaml.safe_dump({"voorbeelden": {"geen": ["hoi"]}}))
    monkeypatch.setattr(classifier, "corpus_dir", lambda: tmp_path)
    assert DangerClassifier.fingerprint_addon({}) != danger  # other corpus, other fingerprint
