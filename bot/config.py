"""Settings from environment variables (prefix `WEGWIJZER_`), with sane local defaults.

Everything has a default that works on a fresh clone with no external services:
SQLite files under `var/`, the catalogue under `data/catalogue/`.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Optional

from pydantic import BaseSettings, Field


def project_root() -> Path:
    """The checkout root: the folder holding `domain.yml` (cwd first, then this package's parent)."""
    for candidate in (Path.cwd(), *Path.cwd().parents, Path(__file__).resolve().parent.parent):
        if (candidate / "domain.yml").exists() and (candidate / "bot").is_dir():
            return candidate
    return Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    home: Path = Field(default_factory=project_root)
    catalogue_dir: Optional[Path] = None
    var_dir: Optional[Path] = None
    seeds_dir: Optional[Path] = None
    default_gemeente: str = "apeldoorn"

    rasa_port: int = 5005
    action_port: int = 5055
    endpoints: str = "endpoints.yml"  # Rasa endpoints file (trackers, action server, locks)
    web_host: str = "127.0.0.1"
    web_port: int = 5006

    handoff_db: Optional[str] = None  # SQLAlchemy URL; default: SQLite file under var/
    handoff_config: Optional[Path] = None  # default: config/handoff.yml
    staff_token: Optional[str] = None  # API token of the local staff account (else generated)
    staff_password: Optional[str] = None  # web login of the local staff account (else generated)
    rasa_api_token: Optional[str] = None  # Rasa HTTP API token (else a local secret under var/)

    class Config:
        env_prefix = "WEGWIJZER_"

    def __init__(self, **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(**kwargs)
        self.catalogue_dir = self.catalogue_dir or self.home / "data" / "catalogue"
        self.var_dir = self.var_dir or self.home / "var"
        self.seeds_dir = self.seeds_dir or self.home.parent / "shared" / "seeds"
        self.handoff_config = self.handoff_config or self.home / "config" / "handoff.yml"

    @property
    def handoff_db_url(self) -> str:
        return self.handoff_db or f"sqlite:///{Path(self.var_dir) / 'handoff.db'}"

    @property
    def rasa_url(self) -> str:
        return f"http://127.0.0.1:{self.rasa_port}"


@lru_cache(maxsize=1)
def settings() -> Settings:
    return Settings()
