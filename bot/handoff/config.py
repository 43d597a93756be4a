"""Hand-off settings per gemeente (config/handoff.yml): teams, live-chat hours, webhook."""
from __future__ import annotations

from datetime import datetime, time
from functools import lru_cache
from pathlib import Path
from typing import Dict, List, Optional
from zoneinfo import ZoneInfo

import yaml
from pydantic import BaseModel, Field

from bot.config import settings

TZ = ZoneInfo("Europe/Amsterdam")


class Hours(BaseModel):
    dagen: List[int] = Field(default_factory=lambda: [0, 1, 2, 3, 4])  # 0 = Monday
    van: str = "09:00"
    tot: str = "17:00"

    def open_at(self, moment: datetime) -> bool:
        local = moment.astimezone(TZ)
        start = time.fromisoformat(self.van)
        end = time.max if self.tot == "24:00" else time.fromisoformat(self.tot)
        return local.weekday() in self.dagen and start <= local.time() < end


class Team(BaseModel):
    id: str
    naam: str
    diensten: List[str] = []
    live_chat: Optional[Hours] = None
    verwachting: Optional[str] = None  # B1: what happens after a callback request (set by the gemeente)

    def live_now(self, moment: Optional[datetime] = None) -> bool:
        return bool(self.live_chat) and self.live_chat.open_at(moment or datetime.now(TZ))  # type: ignore[union-attr]


class Webhook(BaseModel):
    url: str
    secret_env: str


class GemeenteHandoff(BaseModel):
    standaard_team: str
    teams: List[Team]
    webhook: Optional[Webhook] = None

    def team_for(self, dienst_id: Optional[str]) -> Team:
        by_id = {t.id: t for t in self.teams}
        if dienst_id:
            for team in self.teams:
                if dienst_id in team.diensten:
                    return team
        return by_id[self.standaard_team]


class HandoffConfig(BaseModel):
    gemeenten: Dict[str, GemeenteHandoff]

    def for_gemeente(self, gemeente: str) -> GemeenteHandoff:
        return self.gemeenten[gemeente]


@lru_cache(maxsize=4)
def _load(path: str) -> HandoffConfig:
    return HandoffConfig.parse_obj(yaml.safe_load(Path(path).read_text(encoding="utf-8")))


def handoff_config() -> HandoffConfig:
    return _load(str(settings().handoff_config))
