"""Deliver ticket events to an external system (zaaksysteem, CRM, livechat) from a persistent outbox.

Every event is written to the outbox table first (same database as the ticket), then
delivered with `requests`: signed with HMAC-SHA256 over the exact body
(`X-Wegwijzer-Signature: sha256=<hex>`), carrying an idempotency key (the event id) so the
receiver can drop duplicates, and retried with exponential backoff until it succeeds. A
target that is down loses nothing: the event waits in the table.
"""
from __future__ import annotations

import hashlib
import hmac
import json
import logging
import os
import threading
from typing import Any, Callable, Dict, Optional

import requests

from bot.handoff.config import handoff_config
from bot.handoff.store import HandoffStore

logger = logging.getLogger(__name__)

BASE_DELAY = 2.0  # seconds; doubles per attempt
MAX_DELAY = 600.0


def sign(secret: str, body: bytes) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def verify(secret: str, body: bytes, signature: str) -> bool:
    return hmac.compare_digest(sign(secret, body), signature or "")


def backoff(attempts: int, base: float = BASE_DELAY) -> float:
    return min(base * (2 ** max(attempts - 1, 0)), MAX_DELAY)


def notify(store: HandoffStore, ticket: Dict[str, Any], event: str) -> Optional[str]:
    """Queue an event for the gemeente's webhook, if it has one. Returns the event id."""
    try:
        hook = handoff_config().for_gemeente(ticket["gemeente"]).webhook
    except KeyError:
        return None
    if hook is None:
        return None
    payload = {"event": event, "ticket": {k: v for k, v in ticket.items() if k != "messages"}}
    return store.enqueue(ticket["id"], event, hook.url, payload)


def _secret_for(url: str) -> str:
    for g in handoff_config().gemeenten.values():
        if g.webhook and g.webhook.url == url:
            return os.environ.get(g.webhook.secret_env, "")
    return ""


def deliver_due(
    store: HandoffStore,
    secret_for: Callable[[str], str] = _secret_for,
    session: Optional[requests.Session] = None,
    timeout: float = 10.0,
    base_delay: float = BASE_DELAY,
) -> int:
    """Try every due event once. Returns how many were delivered."""
    http = session or requests.Session()
    delivered = 0
    for event in store.due_events():
        body = json.dumps(json.loads(event.payload), ensure_ascii=False, sort_keys=True).encode()
        headers = {
            "Content-Type": "application/json",
            "Idempotency-Key": event.id,
            "X-Wegwijzer-Event": event.event,
            "X-Wegwijzer-Signature": sign(secret_for(event.url), body),
        }
        try:
            response = http.post(event.url, data=body, headers=headers, timeout=timeout)
            if 200 <= response.status_code < 300:
                store.mark_sent(event.id)
                delivered += 1
                continue
            error = f"HTTP {response.status_code}"
        except requests.RequestException as exc:
            error = type(exc).__name__
        store.mark_failed(event.id, error, backoff(event.attempts + 1, base_delay))
        logger.warning("webhook delivery %s failed (%s); will retry", event.id, error)
    return delivered


class OutboxWorker(threading.Thread):
    """Background thread in the web app: delivers the outbox every few seconds."""

    def __init__(self, store: HandoffStore, interval: float = 2.0):
        super().__init__(name="wegwijzer-outbox", daemon=True)
        self.store = store
        self.interval = interval
        self._stop = threading.Event()

    def run(self) -> None:
        while not self._stop.wait(self.interval):
            try:
                deliver_due(self.store)
            except Exception:  # never let the worker die
                logger.exception("outbox worker round failed")

    def stop(self) -> None:
        self._stop.set()
