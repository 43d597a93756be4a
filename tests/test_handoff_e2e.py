"""End to end over REST, on SQLite and on PostgreSQL: conversation -> consent -> ticket in the API ->
staff reply reaches the resident -> hand back -> the bot answers again. A BSN typed by the
resident appears nowhere: not in the handoff store, the tracker store, the logs or the API."""
import json
import time

import pytest
import requests

from tests.conftest import STAFF_TOKEN, start_stack

pytestmark = pytest.mark.integration

BSN = "111222333"


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def stack(request, tmp_path_factory):
    db = request.getfixturevalue("pg_url") if request.param == "postgresql" else None
    running, stop = start_stack(tmp_path_factory.mktemp(f"handoff-{request.param}"), handoff_db=db)
    running.db_kind = request.param
    try:
        yield running
    finally:
        stop()


def _texts(replies):
    return [r.get("text") or "" for r in replies]


def _api(stack, method, path, token=STAFF_TOKEN, **kw):
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return requests.request(method, f"{stack.web}{path}", headers=headers, timeout=30, **kw)


def _poll(stack, sender, until, timeout=15):
    got = []
    deadline = time.time() + timeout
    while time.time() < deadline:
        got += requests.get(f"{stack.rasa}/webhooks/rest/poll", params={"sender": sender}, timeout=10).json()
        if any(until in (m.get("text") or "") for m in got):
            return got
        time.sleep(0.5)
    return got


def test_full_handoff(stack):
    sender = f"resident-{stack.db_kind}"
    first = _texts(stack.say(sender, f"ik heb schulden en mijn bsn is {BSN}. ik wil een medewerker spreken"))
    assert any("burgerservicenummer" in t for t in first)  # told it was wiped
    # consent first: what is shared, with whom, why
    if not any("Mag ik dat doorsturen?" in t for t in first):
        first = _texts(stack.say(sender, "medewerker"))
    assert any("Mag ik dat doorsturen?" in t for t in first)
    kanaal = _texts(stack.say(sender, "/affirm"))
    assert "Hoe wil je contact?" in kanaal[-1]
    assert "naam" in _texts(stack.say(sender, "Nu chatten"))[-1].lower()
    confirm = stack.say(sender, "Sam")
    text = " ".join(_texts(confirm))
    assert "Je nummer is WW-" in text
    ticket_id = next(r["custom"]["ticket"] for r in confirm if (r.get("custom") or {}).get("type") == "handoff")

    # the ticket is in the inbox API; without a token nothing
    assert _api(stack, "GET", "/api/handoffs", token=None).status_code == 401
    assert _api(stack, "GET", "/api/handoffs", token="wrong").status_code == 401
    rows = _api(stack, "GET", "/api/handoffs").json()
    row = next(r for r in rows if r["id"] == ticket_id)
    assert {"id", "status", "gemeente", "summary", "conversation_id", "created_at"} <= set(row)
    assert row["status"] == "nieuw" and row["conversation_id"] == sender and row["gemeente"] == "apeldoorn"
    assert "schulden" in row["summary"]["vraag"]  # the resident's need, not a form answer like the name

    # while paused the bot is silent; the resident's messages arrive in the inbox
    assert _texts(stack.say(sender, "hallo, is daar iemand?")) == []
    assert _api(stack, "POST", f"/api/handoffs/{ticket_id}/claim").json()["status"] == "opgepakt"
    reply = _api(stack, "POST", f"/api/handoffs/{ticket_id}/reply", json={"text": "Hoi Sam, ik ben van Samen055."})
    assert reply.status_code == 200
    received = _poll(stack, sender, "Hoi Sam, ik ben van Samen055.")
    assert any("Hoi Sam, ik ben van Samen055." in m["text"] for m in received)
    ticket = _api(stack, "GET", f"/api/handoffs/{ticket_id}").json()
    assert any(m["direction"] == "inwoner" and "is daar iemand" in m["text"] for m in ticket["messages"])

    # danger while a person has taken over: the safety reply still comes at once
    danger = _texts(stack.say(sender, "hij staat nu voor de deur met een mes"))
    assert danger and "112" in danger[0]
    assert _api(stack, "GET", f"/api/handoffs/{ticket_id}").json()["urgent"] is True

    # hand back to the bot
    assert _api(stack, "POST", f"/api/handoffs/{ticket_id}/close").json()["status"] == "afgerond"
    assert any("praat weer met Wegwijzer" in m["text"] for m in _poll(stack, sender, "praat weer met Wegwijzer"))
    assert any("Wegwijzer" in t for t in _texts(stack.say(sender, "hallo")))

    # the BSN is nowhere: API output, handoff store, tracker store, logs
    everything = json.dumps(_api(stack, "GET", f"/api/handoffs/{ticket_id}").json()) + json.dumps(_api(stack, "GET", "/api/handoffs").json())
    assert BSN not in everything
    for path in stack.var.rglob("*"):
        if path.is_file():
            assert BSN.encode() not in path.read_bytes(), f"BSN found in {path}"
    if stack.db_kind == "postgresql":
        import sqlalchemy

        engine = sqlalchemy.create_engine(stack.handoff_db)
        with engine.connect() as conn:
            for table in ("handoff_tickets", "handoff_messages", "handoff_outbox"):
                rows = conn.execute(sqlalchemy.text(f"SELECT * FROM {table}")).fetchall()
                assert BSN not in repr(rows), table
        engine.dispose()


def test_consent_refused_sends_nothing(stack):
    sender = f"refuser-{stack.db_kind}"
    before = len(_api(stack, "GET", "/api/handoffs").json())
    stack.say(sender, "medewerker")
    replies = _texts(stack.say(sender, "/deny"))
    assert any("ik stuur niets door" in t for t in replies)
    assert len(_api(stack, "GET", "/api/handoffs").json()) == before


def test_callback_request_with_phone_number(stack):
    sender = f"caller-{stack.db_kind}"
    stack.say(sender, "medewerker")
    stack.say(sender, "/affirm")
    stack.say(sender, "Terugbellen")
    assert any("klopt niet" in t for t in _texts(stack.say(sender, "12345")))  # invalid number is asked again
    stack.say(sender, "06 12345678")
    stack.say(sender, "middag")
    confirm = _texts(stack.say(sender, "sla over"))
    assert any("belt je" in t for t in confirm)
    ticket = next(r for r in _api(stack, "GET", "/api/handoffs").json() if r["conversation_id"] == sender)
    full = _api(stack, "GET", f"/api/handoffs/{ticket['id']}").json()
    assert full["contact"] == {"kanaal": "bellen", "telefoon": "+31612345678", "tijd": "middag"}
    assert full["mode"] == "terugbellen"
