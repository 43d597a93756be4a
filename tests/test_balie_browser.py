"""The receptionist page in a real headless browser, keyboard only."""
from pathlib import Path

import pytest


pytestmark = [pytest.mark.browser, pytest.mark.integration]

ROOT = Path(__file__).resolve().parent.parent


def test_type_a_query_and_see_the_right_card_first(servers, browser):
    page = browser.new_page()
    external = []
    page.on("request", lambda r: external.append(r.url) if not r.url.startswith(servers.web) else None)
    page.goto(f"{servers.web}/balie")
    # the search box has focus on load: type and press Enter, no mouse
    page.keyboard.type("overbelaste mantelzorger")
    page.keyboard.press("Enter")
    page.wait_for_selector("article.kaart")
    first = page.locator("article.kaart").first
    assert "Stedelijk Knooppunt Mantelzorg" in first.locator("h3").inner_text()
    assert "Bronnen" in first.inner_text() or first.locator("details").count() == 1
    out = ROOT / "results" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(out / "balie.png"), full_page=True)
    assert not external, f"page loaded assets from elsewhere: {external}"
    page.close()


def test_filters_work_with_the_keyboard(servers, browser):
    page = browser.new_page()
    page.goto(f"{servers.web}/balie?gemeente=apeldoorn")
    # the search box takes focus by itself (autofocus); typing before that lost the first letter ("eld")
    page.wait_for_function("document.activeElement && document.activeElement.id === 'q'")
    page.keyboard.type("geld")
    # Tab from the search box to the filters: gemeente, leefgebied, doelgroep, zonder afspraak
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "gemeente"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "leefgebied"
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "zonder_afspraak"
    page.keyboard.press("Space")
    page.keyboard.press("Enter")
    page.wait_for_selector("article.kaart")
    labels = page.locator("article.kaart .labels").all_inner_texts()
    assert labels and all("Zonder afspraak" in l or "Vrij toegankelijk" in l for l in labels)
    titles = page.locator("article.kaart h3").all_inner_texts()
    assert "Centenkwesties" in titles
    page.close()


def test_almelo_is_data_only(servers, browser):
    page = browser.new_page()
    page.goto(f"{servers.web}/balie?gemeente=almelo&q=hulp+in+het+huishouden")
    assert page.locator("#gemeente").input_value() == "almelo"
    assert "Hulp in het huishouden" in page.locator("article.kaart h3").first.inner_text()
    page.close()
