"""The door re-ranker: its candidates and features, its weights file, and how the router uses it."""
import pytest
import yaml

from bot.routing import reranker as rr
from bot.routing.reranker import FEATURES, Reranker, candidates, load_reranker, weights_file
from bot.routing.router import Router


@pytest.fixture(scope="module")
def apeldoorn(catalogue):
    return Router(catalogue, "apeldoorn")


def only(feature: str, weight: float = 10.0) -> Reranker:
    return Reranker({name: (weight if name == feature else 0.0) for name in FEATURES})


def test_weights_must_name_every_feature():
    with pytest.raises(ValueError, match="rule_choice"):
        Reranker({name: 1.0 for name in FEATURES if name != "rule_choice"})


def test_the_shipped_weights_file_matches_the_features():
    assert weights_file().exists(), "run `python -m bot.routing.fit_reranker`"
    data = yaml.safe_load(weights_file().read_text(encoding="utf-8"))
    assert set(data["gewichten"]) == set(FEATURES)
    model = load_reranker()
    # the rules' own choice must count for something, or the rules would be ignored
    assert model is not None and model.weights["rule_choice"] > 0


def test_no_weights_file_means_no_reranker(tmp_path):
    assert load_reranker(tmp_path / "missing.yml") is None
    path = tmp_path / "w.yml"
    path.write_text(yaml.safe_dump({"intercept": -1.5, "gewichten": {n: 0.5 for n in FEATURES}}), encoding="utf-8")
    loaded = load_reranker(path)
    assert loaded is not None and loaded.intercept == -1.5 and loaded.weights["front_door"] == 0.5


def test_candidates_hold_the_rule_choice_the_front_door_and_the_standard_door(apeldoorn):
    text = "mijn dochter van 4 wil nooit slapen en ik ben op"
    cands = candidates(apeldoorn, text, "vraag_opvoeden", 0.9, "home-start")
    by_id = {c.dienst.id: c for c in cands}
    assert {"home-start", "samen055", "cjg"} <= set(by_id)
    assert by_id["home-start"].features["rule_choice"] == 1.0
    assert by_id["cjg"].features["standard_door"] == 1.0 and by_id["cjg"].features["primary_area"] == 1.0
    front = by_id["samen055"].features
    assert front["front_door"] == 1.0 and front["front_x_confidence"] == pytest.approx(0.9)
    assert all(set(c.features) == set(FEATURES) for c in cands)


def test_candidates_leave_out_doors_for_another_age(apeldoorn):
    text = "ik heb geen dak boven mijn hoofd en slaap bij vrienden op de bank"
    young = {c.dienst.id for c in candidates(apeldoorn, text, "vraag_wonen", 0.9, "samen055", leeftijd=19)}
    old = {c.dienst.id for c in candidates(apeldoorn, text, "vraag_wonen", 0.9, "samen055", leeftijd=67)}
    assert "outreachend-team" in young  # for 18-23 year olds
    assert "outreachend-team" not in old


def test_the_router_follows_the_reranker(apeldoorn, monkeypatch):
    text = "ik ben mijn werk kwijt en de huur lukt niet meer, ik slaap er slecht van"
    rules = apeldoorn.advise_by_rules("vraag_geld", text)
    monkeypatch.setattr("bot.routing.router.load_reranker", lambda: only("front_door"))
    front = apeldoorn.advise("vraag_geld", text)
    assert front.dienst.id == "samen055" and front.broad
    monkeypatch.setattr("bot.routing.router.load_reranker", lambda: only("standard_door"))
    standard = apeldoorn.advise("vraag_geld", text)
    assert standard.dienst.id == "centenkwesties" and standard.rule == "standaard"
    monkeypatch.setattr("bot.routing.router.load_reranker", lambda: only("rule_choice"))
    assert apeldoorn.advise("vraag_geld", text).dienst.id == rules.dienst.id


def test_the_reranker_leaves_other_questions_alone(apeldoorn, monkeypatch):
    # an intake that already found several areas stays at the front door
    monkeypatch.setattr("bot.routing.router.load_reranker", lambda: only("standard_door"))
    assert apeldoorn.advise("vraag_geld", "schulden en eenzaam", broad=True).rule == "voordeur-breed"
    # a question about a named organisation is not a leefgebied question
    monkeypatch.setattr("bot.routing.router.load_reranker", lambda: only("front_door"))
    assert apeldoorn.advise("org_wat", "wat doet centenkwesties").dienst.id == "centenkwesties"


def test_a_short_lost_question_that_names_its_area_keeps_its_door(apeldoorn, monkeypatch):
    monkeypatch.setattr("bot.routing.router.load_reranker", lambda: only("front_door"))
    advice = apeldoorn.advise("dont_know_where", "ik weet niet waar ik heen moet met mijn schulden")
    assert advice.dienst.id != "samen055" and "financien" in advice.dienst.leefgebieden


def test_without_weights_the_rules_decide(apeldoorn, monkeypatch):
    monkeypatch.setattr("bot.routing.router.load_reranker", lambda: None)
    text = "ik wil gratis advies over geld zonder afspraak"
    assert apeldoorn.advise("vraag_geld", text).dienst.id == apeldoorn.advise_by_rules("vraag_geld", text).dienst.id


def test_reranker_module_reads_weights_from_the_data_folder():
    assert rr.weights_file().parts[-3:] == ("data", "routing", "reranker.yml")
