"""Webhook delivery from the persistent outbox: signed, idempotent, retried; nothing lost when the target is down."""
import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from bot.handoff.outbox import deliver_due, sign, verify
from bot.handoff.store import HandoffStore
from bot.serve import free_port

SECRET = "webhook-geheim"


class Target:
    """A local HTTP server that fails the first `fail_first` deliveries."""

    def __init__(self, fail_first: int = 0):
        self.fail_first = fail_first
        self.calls = []  # (idempotency key, signature ok, body)
        target = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802
                body = self.rfile.read(int(self.headers["Content-Length"]))
                target.calls.append((self.headers["Idempotency-Key"], verify(SECRET, body, self.headers["X-Wegwijzer-Signature"]), json.loads(body)))
                status = 503 if len(target.calls) <= target.fail_first else 200
                self.send_response(status)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.port = free_port()
        self.server = HTTPServer(("127.0.0.1", self.port), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}/hook"

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def outbox_store(tmp_path):
    return HandoffStore(f"sqlite:///{tmp_path / 'outbox.db'}")


def _force_due(store):
    """Skip the backoff wait in tests: make every waiting event due now."""
    from bot.handoff.store import OutboxEvent, utcnow

    with store.session() as s:
        for event in s.query(OutboxEvent).filter(OutboxEvent.status == "wachtend"):
            event.next_attempt_at = utcnow()


def test_signature_roundtrip():
    body = b'{"a": 1}'
    assert verify(SECRET, body, sign(SECRET, body))
    assert not verify(SECRET, body + b" ", sign(SECRET, body))


def test_retried_until_delivered_with_the_same_key(outbox_store):
    target = Target(fail_first=2)
    try:
        event_id = outbox_store.enqueue("WW-TEST01", "ticket_aangemaakt", target.url, {"ticket": {"id": "WW-TEST01"}})
        for _ in range(3):
            deliver_due(outbox_store, secret_for=lambda url: SECRET)
            _force_due(outbox_store)
        assert [c[0] for c in target.calls] == [event_id] * 3  # same idempotency key every time
        assert all(ok for _, ok, _ in target.calls)  # every delivery correctly signed
        row = outbox_store.outbox("WW-TEST01")[0]
        assert row["status"] == "verzonden" and row["attempts"] == 3
        deliver_due(outbox_store, secret_for=lambda url: SECRET)
        assert len(target.calls) == 3  # delivered events are not sent again
    finally:
        target.stop()


def test_target_down_loses_nothing(outbox_store):
    port = free_port()  # nobody listens here: the target is "killed"
    url = f"http://127.0.0.1:{port}/hook"
    outbox_store.enqueue("WW-TEST02", "ticket_aangemaakt", url, {"ticket": {"id": "WW-TEST02"}})
    for _ in range(3):
        assert deliver_due(outbox_store, secret_for=lambda u: SECRET, timeout=1) == 0
        _force_due(outbox_store)
    row = outbox_store.outbox("WW-TEST02")[0]
    assert row["status"] == "wachtend" and row["attempts"] == 3 and row["last_error"]
    # the target comes back on the same address: the waiting event is delivered
    from http.server import BaseHTTPRequestHandler, HTTPServer

    received = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802
            received.append(json.loads(self.rfile.read(int(self.headers["Content-Length"]))))
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", port), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        assert deliver_due(outbox_store, secret_for=lambda u: SECRET) == 1
        assert received[0]["ticket"]["id"] == "WW-TEST02"
    finally:
        server.shutdown()
        server.server_close()


def test_backoff_grows_and_is_capped():
    from bot.handoff.outbox import MAX_DELAY, backoff

    assert backoff(1) < backoff(2) < backoff(3)
    assert backoff(50) == MAX_DELAY
