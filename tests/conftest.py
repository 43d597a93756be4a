"""Shared fixtures. Integration fixtures start real servers on spare ports."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from bot.serve import free_port  # noqa: F401  (re-exported for tests)

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def catalogue():
    from bot.catalogue.loader import load_catalogue

    return load_catalogue(ROOT / "data" / "catalogue")


class Servers:
    """URLs of a running Wegwijzer stack started for the tests."""

    def __init__(self, rasa_port: int, action_port: int, web_port: int):
        self.rasa = f"http://127.0.0.1:{rasa_port}"
        self.actions = f"http://127.0.0.1:{action_port}"
        self.web = f"http://127.0.0.1:{web_port}"

    def say(self, sender: str, message, metadata=None, timeout: float = 30):
        import requests

        body = {"sender": sender, "message": message}
        if metadata is not None:
            body["metadata"] = metadata
        response = requests.post(f"{self.rasa}/webhooks/rest/webhook", json=body, timeout=timeout)
        assert response.status_code == 200, response.text
        return response.json()


STAFF_TOKEN = "test-staff-token"
ALWAYS_OPEN = """gemeenten:
  apeldoorn:
    standaard_team: samen055
    teams:
      - {id: samen055, naam: Samen055, diensten: [samen055], live_chat: {dagen: [0, 1, 2, 3, 4, 5, 6], van: "00:00", tot: "24:00"}}
  almelo:
    standaard_team: kcc
    teams:
      - {id: kcc, naam: Klantcontactcentrum, diensten: [klantcontactcentrum], live_chat: null}
"""


def start_stack(var, handoff_db=None, extra_env=None):
    """Start action server, Rasa and the web app on free ports with throw-away stores."""
    from bot import config
    from bot.serve import Supervisor, latest_model, private_env, start_all

    if latest_model() is None:
        pytest.fail("No trained model in models/: run `make train` (make test does this first).")
    handoff_config = var / "handoff.yml"
    handoff_config.write_text(ALWAYS_OPEN)
    env = {
        **private_env(var),
        "WEGWIJZER_HANDOFF_CONFIG": str(handoff_config),
        "WEGWIJZER_HANDOFF_DB": handoff_db or f"sqlite:///{var / 'handoff.db'}",
        "WEGWIJZER_STAFF_TOKEN": STAFF_TOKEN,
        "WEGWIJZER_STAFF_PASSWORD": "test-wachtwoord",
        **(extra_env or {}),
    }
    old = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    config.settings.cache_clear()
    supervisor = Supervisor()

    def stop():
        supervisor.stop()
        for k, v in old.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
        config.settings.cache_clear()

    try:
        start_all(supervisor, web=True, logs=var / "logs")
    except Exception:
        stop()
        raise
    servers = Servers(*(int(env[f"WEGWIJZER_{k}_PORT"]) for k in ("RASA", "ACTION", "WEB")))
    servers.var = var
    servers.handoff_db = env["WEGWIJZER_HANDOFF_DB"]
    return servers, stop


@pytest.fixture(scope="session")
def servers(tmp_path_factory):
    running, stop = start_stack(tmp_path_factory.mktemp("var"))
    try:
        yield running
    finally:
        stop()


PG_ADMIN_URL = os.environ.get("WEGWIJZER_TEST_PG_URL", "postgresql+psycopg2://postgres@127.0.0.1:5432/postgres")


def _pg_available() -> bool:
    import sqlalchemy

    try:
        engine = sqlalchemy.create_engine(PG_ADMIN_URL, connect_args={"connect_timeout": 3})
        with engine.connect():
            return True
    except Exception:
        return False


@pytest.fixture(scope="session")
def pg_url():
    """A fresh PostgreSQL database for this test session (dropped afterwards)."""
    import secrets

    import sqlalchemy

    if not _pg_available():
        pytest.skip(f"no PostgreSQL server at {PG_ADMIN_URL}: PostgreSQL variant NOT tested (set WEGWIJZER_TEST_PG_URL)")
    name = f"wegwijzer_test_{secrets.token_hex(4)}"
    admin = sqlalchemy.create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sqlalchemy.text(f"CREATE DATABASE {name}"))
    url = PG_ADMIN_URL.rsplit("/", 1)[0] + "/" + name
    yield url
    from bot.handoff import store as store_module

    for key in [k for k in store_module._STORES if k == url]:
        store_module._STORES.pop(key).engine.dispose()
    with admin.connect() as conn:
        conn.execute(sqlalchemy.text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request, tmp_path):
    from bot.handoff.store import HandoffStore

    if request.param == "sqlite":
        yield HandoffStore(f"sqlite:///{tmp_path / 'handoff.db'}")
    else:
        url = request.getfixturevalue("pg_url")
        s = HandoffStore(url)
        yield s
        from bot.handoff.store import Base

        Base.metadata.drop_all(s.engine)
        s.engine.dispose()


@pytest.fixture(scope="session")
def browser():
    """One headless Debian chromium for all browser tests (Playwright drives it)."""
    from playwright.sync_api import sync_playwright

    from tests.browser import CHROMIUM_ARGS, chromium_path

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield b
        b.close()
