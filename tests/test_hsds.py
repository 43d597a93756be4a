"""HSDS export: the structure other sociale-kaart tools import."""
import json

import pytest

from bot.catalogue.hsds import export_hsds
from bot.cli import main


def test_export_structure(catalogue):
    data = export_hsds(catalogue, "apeldoorn")
    assert data["hsds_version"] == "3.0"
    services = {s["id"]: s for s in data["services"]}
    orgs = {o["id"] for o in data["organizations"]}
    assert "apeldoorn:service:centenkwesties" in services
    assert "landelijk:service:veilig-thuis" in services  # national services travel along
    assert not any(s["id"].startswith("almelo:") for s in data["services"])
    for s in data["services"]:
        assert s["organization_id"] in orgs, s["id"]
        assert s["x_wegwijzer"]["bronnen"], s["id"]
    vt = services["landelijk:service:veilig-thuis"]
    assert vt["phones"][0]["number"] == "0800-2000"
    terms = {t["id"] for t in data["taxonomy_terms"]}
    assert all(a["taxonomy_term_id"] in terms for s in data["services"] for a in s["attributes"])


def test_unknown_facts_are_not_exported_as_facts(catalogue):
    services = {s["id"]: s for s in export_hsds(catalogue, "apeldoorn")["services"]}
    samen = services["apeldoorn:service:samen055"]
    assert samen["phones"] == []
    assert "telefoon" in samen["x_wegwijzer"]["te_controleren"]


def test_cli_export_to_file(tmp_path, capsys):
    out = tmp_path / "hsds.json"
    assert main(["catalogue", "export", "--format", "hsds", "--gemeente", "almelo", "-o", str(out)]) == 0
    data = json.loads(out.read_text())
    assert any(s["id"] == "almelo:service:klantcontactcentrum" for s in data["services"])


def test_unknown_gemeente(catalogue):
    with pytest.raises(KeyError):
        export_hsds(catalogue, "atlantis")
