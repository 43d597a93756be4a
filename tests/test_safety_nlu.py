"""The whole safety screen as residents meet it (trained NLU: detector + danger classifier +
MessageScreen) on the issue's two test-set pairs: recall 100%, false alarms at most 5%."""
import pytest

from bot.safety.evaluate import evaluate, nlu_detector

pytestmark = pytest.mark.integration

SETS = [("safety_danger.yml", "safety_nearmiss.yml"), ("safety_validation_danger.yml", "safety_validation_nearmiss.yml")]


@pytest.fixture(scope="module")
def detect():
    return nlu_detector()


@pytest.mark.parametrize("danger,nearmiss", SETS)
def test_whole_screen_recall_and_false_alarms(detect, danger, nearmiss):
    r = evaluate(detect, danger_file=danger, nearmiss_file=nearmiss)
    assert r["recall"] == 1.0, [m["text"] for m in r["missed"]]
    assert r["false_alarm_rate"] <= 0.05, [m["text"] for m, _ in r["alarms"]]
    assert r["numbers_right"] >= 0.9


@pytest.mark.parametrize("text", ["ik ga nu weg", "ik moet nu weg", "ik wil op mezelf", "ik ben weg, doei", "tot zo, ik ga"])
def test_a_few_everyday_words_get_no_safety_reply(detect, text):
    # short goodbyes look like farewell messages to a bag-of-words model; the classifier must be surer there
    assert not detect(text).danger
