"""The hand-off store on SQLite and PostgreSQL: tickets, messages, staff auth, outbox; nothing personal kept."""
import json

import pytest

from bot.handoff.store import check_password, hash_password

BSN = "111222333"  # passes the eleven-test


def _ticket(store, **kw):
    values = dict(
        gemeente="apeldoorn",
        team="samen055",
        dienst="samen055",
        summary={"vraag": f"ik heb schulden, mijn bsn is {BSN}", "leefgebieden": ["financien"]},
        transcript=[{"van": "inwoner", "tekst": f"bsn {BSN} en mail piet@example.nl"}, {"van": "wegwijzer", "tekst": "Dank je."}],
        contact={"kanaal": "bellen", "telefoon": "+31612345678", "email": None},
        mode="terugbellen",
        conversation_id="conv-1",
        channel="rest",
    )
    values.update(kw)
    return store.create_ticket(**values)


def test_ticket_lifecycle(store):
    t = _ticket(store)
    assert t.id.startswith("WW-") and len(t.id) == 9
    listed = store.list()
    assert [x["id"] for x in listed] == [t.id]
    assert listed[0]["status"] == "nieuw"
    assert store.claim(t.id, "anna")["status"] == "opgepakt"
    closed = store.close(t.id)
    assert closed["status"] == "afgerond" and closed["closed_at"]


def test_no_bsn_or_personal_data_in_summary_and_transcript(store):
    t = _ticket(store)
    raw = json.dumps(store.get(t.id))
    assert BSN not in raw
    assert "piet@example.nl" not in raw
    # the contact details the resident chose to give are kept, in the contact field only
    assert store.get(t.id)["contact"] == {"kanaal": "bellen", "telefoon": "+31612345678"}


def test_messages_and_delivery(store):
    t = _ticket(store, mode="live", conversation_id="conv-live")
    assert store.live_ticket_for("conv-live")["id"] == t.id
    store.add_message(t.id, "inwoner", f"mijn bsn is {BSN}")
    store.add_message(t.id, "medewerker", "Bel ons gerust op 055-1234567", author="Anna")
    pending = store.pending_for_resident("conv-live")
    assert [m["text"] for m in pending] == ["Bel ons gerust op 055-1234567"]  # staff may give a phone number
    assert store.pending_for_resident("conv-live") == []  # delivered once
    texts = [m["text"] for m in store.get(t.id)["messages"]]
    assert not any(BSN in x for x in texts)
    store.close(t.id)
    assert store.live_ticket_for("conv-live") is None


def test_team_filter_and_urgent_first(store):
    a = _ticket(store, team="cjg")
    b = _ticket(store, team="samen055", urgent=True)
    assert [t["id"] for t in store.list(teams=["cjg"])] == [a.id]
    assert store.list()[0]["id"] == b.id


def test_staff_login_token_and_session(store):
    store.upsert_staff("anna", "geheim-wachtwoord", "Anna", ["cjg"], token="tok-123")
    assert store.staff_by_token("tok-123")["teams"] == ["cjg"]
    assert store.staff_by_token("verkeerd") is None
    assert store.login("anna", "fout") is None
    session = store.login("anna", "geheim-wachtwoord")
    assert store.staff_by_session(session["session"])["username"] == "anna"
    store.logout(session["session"])
    assert store.staff_by_session(session["session"]) is None


def test_password_hashing():
    h = hash_password("s3cret")
    assert "s3cret" not in h and check_password("s3cret", h) and not check_password("other", h)


def test_outbox_persistence(store):
    t = _ticket(store)
    event_id = store.enqueue(t.id, "ticket_aangemaakt", "http://127.0.0.1:9/x", {"ticket": t.id})
    assert [e.id for e in store.due_events()] == [event_id]
    store.mark_failed(event_id, "ConnectionError", delay_seconds=3600)
    assert store.due_events() == []  # waiting for its retry time, not lost
    assert store.outbox(t.id)[0]["status"] == "wachtend"
    store.mark_sent(event_id)
    assert store.outbox(t.id)[0]["status"] == "verzonden"


def test_unknown_mode_is_refused(store):
    with pytest.raises(ValueError):
        _ticket(store, mode="postduif")
