"""`wegwijzer serve`: train when needed, start the action server, Rasa and the web app.

Each server runs as its own process group so Ctrl-C (or SIGTERM) stops all of them and
their children; nothing is left behind.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Dict, List, Optional

import requests

from bot.config import settings

def _bin(name: str) -> str:
    """An executable from the same virtualenv as this Python."""
    candidate = Path(sys.executable).parent / name
    return str(candidate) if candidate.exists() else name


def base_env() -> Dict[str, str]:
    env = dict(os.environ)
    env.setdefault("RASA_TELEMETRY_ENABLED", "false")
    env.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    env.setdefault("PYTHONWARNINGS", "ignore::DeprecationWarning")
    home = str(settings().home)
    env["PYTHONPATH"] = home + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    return env


def train(force: bool = False) -> int:
    """Train with Rasa's fingerprinting: nothing is retrained when data, config and domain are unchanged."""
    home = settings().home
    cmd = [_bin("rasa"), "train", "--domain", "domain.yml", "--data", "data", "--config", "config.yml", "--out", "models"]
    if force:
        cmd.append("--force")
    return subprocess.call(cmd, cwd=home, env=base_env())


def latest_model() -> Optional[Path]:
    models = sorted(Path(settings().home, "models").glob("*.tar.gz"), key=lambda p: p.stat().st_mtime)
    return models[-1] if models else None


class Supervisor:
    """Starts processes in their own process groups and stops them together."""

    def __init__(self) -> None:
        self.procs: List[subprocess.Popen] = []

    def start(self, name: str, cmd: List[str], env: Dict[str, str], log: Path) -> subprocess.Popen:
        log.parent.mkdir(parents=True, exist_ok=True)
        handle = open(log, "ab")
        proc = subprocess.Popen(
            cmd, cwd=settings().home, env=env, stdout=handle, stderr=subprocess.STDOUT, start_new_session=True
        )
        proc.name = name  # type: ignore[attr-defined]
        self.procs.append(proc)
        return proc

    def alive(self) -> bool:
        return all(p.poll() is None for p in self.procs)

    def stop(self, timeout: float = 15.0) -> None:
        for proc in self.procs:
            if proc.poll() is None:
                try:
                    os.killpg(proc.pid, signal.SIGTERM)
                except ProcessLookupError:
                    pass
        deadline = time.time() + timeout
        for proc in self.procs:
            try:
                proc.wait(max(0.1, deadline - time.time()))
            except subprocess.TimeoutExpired:
                try:
                    os.killpg(proc.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                proc.wait()


def wait_for(url: str, supervisor: Supervisor, timeout: float = 300.0) -> bool:
    deadline = time.time() + timeout
    while time.time() < deadline:
        if not supervisor.alive():
            return False
        try:
            if requests.get(url, timeout=2).status_code < 500:
                return True
        except requests.RequestException:
            pass
        time.sleep(0.5)
    return False


def free_port() -> int:
    """A TCP port nobody listens on right now (for tests and benchmarks)."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def private_env(var: Path) -> Dict[str, str]:
    """Settings for a private stack (tests, evaluation, benchmarks): free ports and a throw-away
    SQLite tracker store under `var`. Apply with os.environ.update and settings.cache_clear()."""
    ports = {"rasa": free_port(), "action": free_port(), "web": free_port()}
    endpoints = var / f"endpoints-{ports['rasa']}.yml"
    endpoints.write_text(
        f'action_endpoint:\n  url: "http://localhost:{ports["action"]}/webhook"\n'
        f"tracker_store:\n  type: SQL\n  dialect: sqlite\n  db: {var / ('tracker-%d.db' % ports['rasa'])}\n"
    )
    return {
        "WEGWIJZER_RASA_PORT": str(ports["rasa"]),
        "WEGWIJZER_ACTION_PORT": str(ports["action"]),
        "WEGWIJZER_WEB_PORT": str(ports["web"]),
        "WEGWIJZER_ENDPOINTS": str(endpoints),
        "WEGWIJZER_VAR_DIR": str(var),
    }


def rasa_argv(port: int, endpoints: str, token: str, model: Optional[Path] = None, patched: bool = True) -> List[str]:
    """The Rasa server command line (REST and socket.io channels, HTTP API behind a token).

    Rasa is started through `bot.rasa_server`, which applies our start-up fixes first;
    `patched=False` runs plain `rasa` (the benchmark's as-shipped baseline)."""
    launcher = [sys.executable, "-m", "bot.rasa_server"] if patched else [_bin("rasa")]
    return [
        *launcher, "run",
        "--port", str(port),
        "--credentials", "credentials.yml",
        "--endpoints", str(endpoints),
        "--cors", "*",
        "--enable-api",
        # "--opt=value": a generated token may start with "-", which argparse would take for an option
        "--auth-token=" + token,
        *(["--model", str(model)] if model else []),
    ]


def start_all(
    supervisor: Supervisor, web: bool = True, logs: Optional[Path] = None, model: Optional[Path] = None, patched: bool = True
) -> Dict[str, str]:
    """Start the servers (ports and endpoints file from settings); return URLs once each answers."""
    cfg = settings()
    env = base_env()
    logs = logs or Path(cfg.var_dir) / "logs"
    rasa_port, action_port, endpoints = cfg.rasa_port, cfg.action_port, cfg.endpoints
    supervisor.start(
        "actions",
        [_bin("rasa"), "run", "actions", "--actions", "actions", "--port", str(action_port)],
        env,
        logs / "actions.log",
    )
    token = env.setdefault("WEGWIJZER_RASA_API_TOKEN", cfg.rasa_api_token or local_secret("rasa_api_token"))
    supervisor.start(
        "rasa",
        rasa_argv(rasa_port, endpoints, token, model, patched),
        env,
        logs / "rasa.log",
    )
    urls = {
        "actions": f"http://localhost:{action_port}/health",
        "rasa": f"http://localhost:{rasa_port}/webhooks/rest/",
    }
    if web:
        supervisor.start("web", [_bin("wegwijzer-web")], env, logs / "web.log")
        urls["web"] = f"http://localhost:{cfg.web_port}/health"
    for name, url in urls.items():
        if not wait_for(url, supervisor):
            raise RuntimeError(f"{name} did not start; see {logs}/{name}.log")
    return urls


def local_secret(name: str) -> str:
    """A per-install random secret under var/ (created on first use, never committed)."""
    import secrets

    path = Path(settings().var_dir) / f".{name}"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(24))
        path.chmod(0o600)
    return path.read_text().strip()


def serve(train_first: bool = True, web: bool = True) -> int:
    from bot.status import pipeline_line

    if train_first:
        code = train()
        if code != 0:
            print("Training failed; see the output above.", file=sys.stderr)
            return code
    if latest_model() is None:
        print("No trained model in models/. Run `wegwijzer serve` without --no-train.", file=sys.stderr)
        return 1
    print(pipeline_line())
    from bot.handoff.staff import ensure_local_staff

    staff = ensure_local_staff() if web else None
    supervisor = Supervisor()
    stopping = {"flag": False}

    def _stop(signum, frame):  # type: ignore[no-untyped-def]
        stopping["flag"] = True

    signal.signal(signal.SIGINT, _stop)
    signal.signal(signal.SIGTERM, _stop)
    try:
        print("Starting the action server, Rasa and the web app ...")
        start_all(supervisor, web=web)
        cfg = settings()
        print("Wegwijzer is ready.")
        print(f"  Chat (REST):      http://localhost:{cfg.rasa_port}/webhooks/rest/webhook")
        print(f"  Chat (socket.io): http://localhost:{cfg.rasa_port}/socket.io")
        print(f"  Action server:    http://localhost:{cfg.action_port}/health")
        if web and staff:
            print(f"  Balie (look-up):  http://localhost:{cfg.web_port}/balie")
            print(f"  Staff inbox:      http://localhost:{cfg.web_port}/inbox  (login '{staff['username']}', password {staff['password']})")
            print(f"  Staff API token:  {staff['token']}  [{staff['token_source']}]")
        print("Press Ctrl-C to stop.")
        while not stopping["flag"]:
            if not supervisor.alive():
                dead = [p.name for p in supervisor.procs if p.poll() is not None]  # type: ignore[attr-defined]
                print(f"A server stopped unexpectedly: {', '.join(dead)}. Logs are in var/logs/.", file=sys.stderr)
                return 1
            time.sleep(0.5)
        return 0
    except RuntimeError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    finally:
        print("Stopping ...")
        supervisor.stop()
        print("Stopped.")
