"""Record example conversations through the real stack into docs/transcripts.md.

    .venv/bin/python scripts/transcripts.py

Starts a private stack (Rasa, actions, staff web) on free ports, plays an intake and a full
hand-off (resident side over REST, staff side over the inbox API) and writes both sides.
"""
from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

import requests

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot import config  # noqa: E402
from bot.serve import Supervisor, private_env, start_all  # noqa: E402

TOKEN = "transcript-staff-token"


def always_open(tmp: Path) -> Path:
    """config/handoff.yml with every live chat open around the clock, so the demo records the
    live hand-off at any hour (outside office hours the bot offers a call-back instead)."""
    import yaml

    data = yaml.safe_load((Path(__file__).resolve().parents[1] / "config" / "handoff.yml").read_text(encoding="utf-8"))
    for gemeente in data["gemeenten"].values():
        for team in gemeente["teams"]:
            if team.get("live_chat"):
                team["live_chat"] = {"dagen": list(range(7)), "van": "00:00", "tot": "24:00"}
    path = tmp / "handoff.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def main() -> int:
    tmp = Path(tempfile.mkdtemp(prefix="wegwijzer-transcript-"))
    env = private_env(tmp)
    os.environ.update(env, WEGWIJZER_STAFF_TOKEN=TOKEN, WEGWIJZER_HANDOFF_CONFIG=str(always_open(tmp)))
    config.settings.cache_clear()
    sup = Supervisor()
    start_all(sup, web=True, logs=tmp / "logs")
    rasa, web = f"http://127.0.0.1:{env['WEGWIJZER_RASA_PORT']}", f"http://127.0.0.1:{env['WEGWIJZER_WEB_PORT']}"
    out = ["# Example conversations (recorded by `scripts/transcripts.py` through the real stack)", "",
           "_The live chat is opened around the clock for this recording; outside its hours the bot offers a call-back, e-mail or WhatsApp instead._", ""]

    def say(sender: str, text: str) -> None:
        out.append(f"**Inwoner:** {text}  ")
        body = {"sender": sender, "message": text, "metadata": {"gemeente": "apeldoorn"}}
        for r in requests.post(f"{rasa}/webhooks/rest/webhook", json=body, timeout=60).json():
            line = (r.get("text") or "").replace("\n", " ")
            buttons = " · ".join(b["title"] for b in r.get("buttons") or [])
            if line:
                out.append(f"**Wegwijzer:** {line}" + (f" _[{buttons}]_" if buttons else "") + "  ")
        out.append("")

    def staff(method: str, path: str, **kw):
        r = requests.request(method, f"{web}{path}", headers={"Authorization": f"Bearer {TOKEN}"}, timeout=30, **kw)
        return r.json()

    try:
        out += ["## 1. A broad question, the intake and the advice", ""]
        for text in ["hoi, ik weet eigenlijk niet goed waar ik moet beginnen", "/start_triage", "Zorgen voor een naaste",
                     "voor mijn moeder", "65 jaar of ouder", "sla over", "nee", "Langsgaan", "Osseveld", "/affirm", "waarom?"]:
            say("triage-demo", text)
        out += ["## 2. Danger in the middle of the intake", ""]
        for text in ["/start_triage", "geld", "mijn vriend slaat me en ik durf niet naar huis"]:
            say("danger-demo", text)
        out += ["## 3. Warm hand-off: the resident's side", ""]
        s = "handoff-demo"
        for text in ["ik heb schulden, mijn werk is weg en ik slaap slecht. mijn bsn is 111222333, kan ik iemand spreken?", "medewerker", "/affirm", "Nu chatten", "Sam",
                     "hallo, is daar iemand?"]:
            say(s, text)
        ticket = next((t for t in staff("GET", "/api/handoffs") if t["conversation_id"] == s), None)
        if ticket is None:
            raise RuntimeError("no hand-off ticket was made; the conversation so far:\n" + "\n".join(out[-30:]))
        out += ["## 4. The same hand-off: the professional's side (inbox API)", "",
                f"`GET /api/handoffs` → ticket `{ticket['id']}`, status `{ticket['status']}`, gemeente `{ticket['gemeente']}`", "",
                "Summary the professional reads:", "", "```", str(ticket["summary"]), "```", ""]
        staff("POST", f"/api/handoffs/{ticket['id']}/claim")
        staff("POST", f"/api/handoffs/{ticket['id']}/reply", json={"text": "Hoi Sam, ik ben Anne van Samen055. Ik heb je vraag gelezen."})
        out.append("`POST claim` → opgepakt; `POST reply`: _Hoi Sam, ik ben Anne van Samen055. Ik heb je vraag gelezen._  ")
        time.sleep(1)
        got = requests.get(f"{rasa}/webhooks/rest/poll", params={"sender": s}, timeout=10).json()
        out += [f"**Inwoner ontvangt:** {m['text']}  " for m in got] + [""]
        full = staff("GET", f"/api/handoffs/{ticket['id']}")
        out += ["Conversation excerpt in the ticket (redacted):", "", "```"] + [f"{m['van']}: {m['tekst']}" for m in full.get("transcript") or []] + ["```", ""]
        out += ["Messages during the live chat:", "", "```"] + [f"{m['direction']}: {m['text']}" for m in full["messages"]] + ["```", ""]
        staff("POST", f"/api/handoffs/{ticket['id']}/close")
        time.sleep(1)
        got = requests.get(f"{rasa}/webhooks/rest/poll", params={"sender": s}, timeout=10).json()
        out += ["`POST close` → afgerond, the bot takes over again:", ""] + [f"**Wegwijzer:** {m['text']}  " for m in got] + [""]
        say(s, "dankjewel")
    finally:
        sup.stop()
    target = Path(__file__).resolve().parents[1] / "docs" / "transcripts.md"
    target.write_text("\n".join(out) + "\n", encoding="utf-8")
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
