"""The shipped catalogue passes `wegwijzer catalogue check`; broken fixtures fail with useful messages."""
from pathlib import Path

import pytest

from bot.catalogue.check import check_catalogue, open_facts, valid_phone, valid_url
from bot.catalogue.schema import Laag
from bot.cli import main

ROOT = Path(__file__).resolve().parent.parent
BROKEN = ROOT / "tests" / "fixtures" / "catalogue_broken"
FIXTURE_SEEDS = ROOT / "tests" / "fixtures" / "seeds"


def test_shipped_catalogue_has_no_problems():
    assert check_catalogue(ROOT / "data" / "catalogue") == []


def test_cli_check_passes_on_shipped_data(capsys):
    assert main(["catalogue", "check", "--no-seeds"]) == 0
    assert "catalogus in orde" in capsys.readouterr().out


@pytest.fixture(scope="module")
def broken_messages():
    return [str(p) for p in check_catalogue(BROKEN, FIXTURE_SEEDS)]


@pytest.mark.parametrize(
    "expected",
    [
        "geen geldige YAML",  # kapot/gemeente.yml
        "dienst-zonder-bron): bronnen: ensure this value has at least 1 items",
        "id 'verzonnen-nummer' komt twee keer voor",
        "voordeur: onbekende dienst 'bestaat-niet'",
        "website 'niet-een-url' is geen geldige URL",
        "onbekende organisatie 'org-onbekend'",
        "onbekende leefgebied 'onbekend-gebied'",
        "telefoonnummer '12345' is geen geldig Nederlands nummer",
        "telefoon staat erin zonder bron",
        "website ontbreekt: zet 'website' in te_controleren",
        "'Centenkwesties' staat niet in seed 900 regels 1-2",
        "seed 900 heeft maar 6 regels, bron noemt 40-41",
    ],
)
def test_broken_fixture_reports(broken_messages, expected):
    assert any(expected in m for m in broken_messages), "\n".join(broken_messages)


def test_a_correct_entry_in_a_broken_file_is_not_reported(broken_messages):
    # including a citation whose word is hyphenated across two lines ("Ver-\nzonnen")
    assert not any("goede-dienst" in m for m in broken_messages)


def test_cli_check_fails_with_one_line_per_problem(capsys):
    code = main(["catalogue", "check", "--dir", str(BROKEN), "--seeds", str(FIXTURE_SEEDS)])
    out = capsys.readouterr().out
    assert code == 1
    assert out.count("FOUT ") >= 12
    assert "problemen gevonden" in out


@pytest.mark.parametrize("number,ok", [("0800-2000", True), ("112", True), ("055-1234567", True), ("06-12345678", True), ("12345", False), ("0800-20", False)])
def test_phone_validation(number, ok):
    assert valid_phone(number) is ok


@pytest.mark.parametrize("url,ok", [("https://www.samen055.nl", True), ("www.samen055.nl", False), ("https://", False)])
def test_url_validation(url, ok):
    assert valid_url(url) is ok


def test_every_local_service_states_no_unsourced_contact(catalogue):
    """Nothing a resident acts on is invented: every stated phone/address/time has a source."""
    for gid, data in catalogue.gemeenten.items():
        for dienst in data.diensten.values():
            supported = {f for b in dienst.bronnen for f in b.feiten}
            if dienst.contact.telefoon:
                assert "telefoon" in supported, dienst.id
            if any(l.adres for l in dienst.locaties):
                assert "adres" in supported, dienst.id
            if dienst.openingstijden:
                assert "openingstijden" in supported, dienst.id


def test_national_safety_services_are_national(catalogue):
    national = catalogue.gemeenten["landelijk"]
    assert national.gemeente.landelijk
    numbers = {d.id: d.contact.telefoon for d in national.diensten.values()}
    assert numbers["veilig-thuis"] == "0800-2000"
    assert numbers["zelfmoordpreventie-113"] == "0800-0113"
    assert numbers["alarmnummer-112"] == "112"
    assert numbers["kindertelefoon"] == "0800-0432"
    assert all(d.laag == Laag.noodhulp for d in national.diensten.values())


def test_each_gemeente_can_use_national_services(catalogue):
    for gid in catalogue.local_gemeenten():
        assert catalogue.service(gid, "veilig-thuis") is not None


@pytest.mark.parametrize(
    "gemeente,required",
    [
        (
            "apeldoorn",
            [
                "samen055", "cjg", "cjg-spreekuur-huisarts", "cjg-pedagogen", "jeugdgezondheidszorg", "relatiedesk",
                "maatschappelijk-werk", "stedelijk-knooppunt-mantelzorg", "mantelzorgmakelaar", "centenkwesties",
                "schuldhulpverlening", "loket-sociaal", "basisontmoetingsplekken", "ontmoetelkaarinapeldoorn",
                "formulierenspreekuur", "sociaal-wijkteam", "meldpunt-verward-gedrag", "meldpunt-woonoverlast",
                "omnizorg", "jip", "outreachend-team", "jongerenloket", "stadspas", "stichting-leergeld",
                "voedselbank", "kledingbank", "speelgoedbank", "apeldoorn-pakt-aan", "ertoe-doen",
                "artikel-1-discriminatie", "taalhuis", "taalmaatje", "coda-bibliotheek", "werkbedrijf-lucrato",
                "werkgeversservicepunt",
            ],
        ),
        ("almelo", ["klantcontactcentrum", "wmo-loket", "werkplein", "sociale-wijkteams", "welzijnsactiviteiten-dagstructurering"]),
    ],
)
def test_required_coverage(catalogue, gemeente, required):
    missing = [r for r in required if r not in catalogue.gemeenten[gemeente].diensten]
    assert not missing


def test_apeldoorn_has_46_gebieden_in_stadsdelen(catalogue):
    gebieden = catalogue.gemeenten["apeldoorn"].gebieden
    assert len(gebieden) == 46
    assert all(g.stadsdeel for g in gebieden.values())


def test_schuldhulp_expectation_is_sourced(catalogue):
    dienst = catalogue.service("apeldoorn", "schuldhulpverlening")
    assert "20 werkdagen" in (dienst.verwachting or "")


def test_stadspas_income_limit(catalogue):
    dienst = catalogue.service("apeldoorn", "stadspas")
    assert "120" in dienst.beschrijving + " " + " ".join(dienst.doelgroep)


def test_report_lists_open_facts_per_gemeente(catalogue, capsys):
    report = open_facts(catalogue)
    assert set(report) >= {"apeldoorn", "almelo"}
    rows = {i: facts for i, _, facts in report["apeldoorn"]}
    assert "telefoon" in rows["samen055"]
    assert main(["catalogue", "report", "--gemeente", "almelo"]) == 0
    out = capsys.readouterr().out
    assert "Almelo" in out and "klantcontactcentrum" in out


def test_adding_a_gemeente_is_data_only(tmp_path):
    """Copy a gemeente folder under a new name: it loads and routes without code changes."""
    import shutil

    from bot.catalogue.loader import load_catalogue
    from bot.routing.router import Router

    root = tmp_path / "catalogue"
    shutil.copytree(ROOT / "data" / "catalogue", root)
    shutil.copytree(root / "almelo", root / "nieuwegem")
    meta = (root / "nieuwegem" / "gemeente.yml").read_text().replace("id: almelo", "id: nieuwegem").replace("naam: Almelo", "naam: Nieuwegem")
    (root / "nieuwegem" / "gemeente.yml").write_text(meta)
    cat = load_catalogue(root)
    assert "nieuwegem" in cat.local_gemeenten()
    advice = Router(cat, "nieuwegem").advise("dont_know_where", "ik weet het niet meer")
    assert advice.dienst.id == cat.gemeenten["nieuwegem"].gemeente.voordeur
