from bot.catalogue.loader import load_catalogue
from bot.nlp.lookups import build, path


def test_lookup_file_is_in_sync_with_the_catalogue():
    assert path().read_text(encoding="utf-8") == build(load_catalogue()), "run `wegwijzer nlu lookups`"


def test_lookup_tables_cover_names_and_areas():
    text = build(load_catalogue())
    for expected in ("- lookup: organisatie", "    - centenkwesties", "    - osseveld", "- lookup: leefgebied_mantelzorg", "    - apeldoorn"):
        assert expected in text
