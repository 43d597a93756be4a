"""Staff accounts: the local account `make run` prints, and `wegwijzer staff add` for more."""
from __future__ import annotations

import secrets
from typing import Dict, List, Optional

from bot.config import settings
from bot.handoff.store import get_store

LOCAL_USER = "medewerker"


def ensure_local_staff() -> Dict[str, str]:
    """The local account for all teams. Token and password come from the environment
    (WEGWIJZER_STAFF_TOKEN / WEGWIJZER_STAFF_PASSWORD) or are generated once and kept under var/."""
    from bot.serve import local_secret

    cfg = settings()
    token = cfg.staff_token or local_secret("staff_token")
    password = cfg.staff_password or local_secret("staff_password")
    get_store().upsert_staff(LOCAL_USER, password, "Medewerker", ["*"], token=token)
    return {
        "username": LOCAL_USER,
        "password": password,
        "token": token,
        "token_source": "WEGWIJZER_STAFF_TOKEN" if cfg.staff_token else "generated (var/.staff_token)",
    }


def add_staff(username: str, display_name: str, teams: List[str], password: Optional[str] = None) -> Dict[str, str]:
    password = password or secrets.token_urlsafe(12)
    token = secrets.token_urlsafe(24)
    get_store().upsert_staff(username, password, display_name, teams, token=token)
    return {"username": username, "password": password, "token": token}
