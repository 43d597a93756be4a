"""The staff inbox in headless chromium: log in, open the ticket, claim it, reply; the resident receives it."""
import time

import pytest
import requests


pytestmark = [pytest.mark.browser, pytest.mark.integration]


def _start_live_handoff(servers, sender):
    servers.say(sender, "medewerker")
    servers.say(sender, "/affirm")
    servers.say(sender, "Nu chatten")
    replies = servers.say(sender, "sla over")
    return next(r["custom"]["ticket"] for r in replies if (r.get("custom") or {}).get("type") == "handoff")


def test_login_claim_reply(servers, browser):
    ticket_id = _start_live_handoff(servers, "browser-resident")
    page = browser.new_page()
    page.goto(f"{servers.web}/inbox")
    assert "/login" in page.url  # not logged in: to the login page
    page.fill("#username", "medewerker")
    page.fill("#password", "verkeerd")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("[role=alert]").count() == 1  # wrong password: told so, still on the login page
    page.fill("#username", "medewerker")
    page.fill("#password", "test-wachtwoord")
    with page.expect_navigation(url="**/inbox"):
        page.click("button[type=submit]")
    page.click(f"text={ticket_id}")
    page.wait_for_selector("#claim")
    page.click("#claim")
    page.wait_for_selector("#send")
    assert "opgepakt" in page.inner_text("#status")
    page.fill("#text", "Hallo, ik help je verder.")
    page.click("#send")
    page.wait_for_selector("text=Hallo, ik help je verder.")
    got = []
    for _ in range(20):
        got += requests.get(f"{servers.rasa}/webhooks/rest/poll", params={"sender": "browser-resident"}, timeout=10).json()
        if any("Hallo, ik help je verder." in m["text"] for m in got):
            break
        time.sleep(0.5)
    assert any("Hallo, ik help je verder." in m["text"] for m in got)
    page.screenshot(path="results/screenshots/inbox.png", full_page=True)
    page.click("#close")
    page.wait_for_selector("#status")
    assert "afgerond" in page.inner_text("#status")
    page.close()


def test_forged_form_without_csrf_is_refused(servers):
    session = requests.Session()
    session.post(f"{servers.web}/login", data={"username": "medewerker", "password": "test-wachtwoord"}, timeout=10)
    response = session.post(f"{servers.web}/inbox/WW-XXXXXX/claim", data={"csrf": "fout"}, timeout=10, allow_redirects=False)
    assert response.status_code == 403
