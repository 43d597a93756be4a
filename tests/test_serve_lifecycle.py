"""`wegwijzer serve` (what `make run` calls) starts everything and Ctrl-C leaves nothing behind."""
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

from tests.conftest import free_port

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parent.parent


def _port_open(port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) == 0


def _processes_mentioning(text: str):
    found = []
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            cmd = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        if text in cmd:
            found.append((pid, cmd))
    return found


def test_serve_then_ctrl_c(tmp_path):
    ports = {"rasa": free_port(), "action": free_port(), "web": free_port()}
    endpoints = tmp_path / "endpoints.yml"
    endpoints.write_text(
        f'action_endpoint:\n  url: "http://localhost:{ports["action"]}/webhook"\n'
        f"tracker_store:\n  type: SQL\n  dialect: sqlite\n  db: {tmp_path / 'tracker.db'}\n"
    )
    env = dict(os.environ)
    env.update(
        WEGWIJZER_RASA_PORT=str(ports["rasa"]),
        WEGWIJZER_ACTION_PORT=str(ports["action"]),
        WEGWIJZER_WEB_PORT=str(ports["web"]),
        WEGWIJZER_ENDPOINTS=str(endpoints),
        WEGWIJZER_VAR_DIR=str(tmp_path),
    )
    wegwijzer = Path(sys.executable).parent / "wegwijzer"
    proc = subprocess.Popen(
        [str(wegwijzer), "serve", "--no-train"], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    output = []
    try:
        deadline = time.time() + 300
        while time.time() < deadline:
            line = proc.stdout.readline()
            if not line and proc.poll() is not None:
                break
            output.append(line)
            if "Press Ctrl-C to stop" in line:
                break
        text = "".join(output)
        assert "Wegwijzer is ready" in text, text
        assert f"http://localhost:{ports['rasa']}/webhooks/rest/webhook" in text
        assert "spaCy pipeline in use" in text
        reply = requests.post(
            f"http://127.0.0.1:{ports['rasa']}/webhooks/rest/webhook", json={"sender": "lifecycle", "message": "hallo"}, timeout=30
        ).json()
        assert any("Wegwijzer" in (r.get("text") or "") for r in reply)
    finally:
        proc.send_signal(signal.SIGINT)
        proc.wait(timeout=60)
    assert proc.returncode == 0
    time.sleep(1)
    for port in ports.values():
        assert not _processes_mentioning(f"--port {port}"), f"process left on port {port}"
        assert not _port_open(port), f"port {port} still open"


def test_rasa_command_line_accepts_a_token_that_starts_with_a_dash():
    # secrets.token_urlsafe() can start with "-"; as a separate argument rasa's parser refused it
    from rasa.__main__ import create_argument_parser

    from bot.serve import rasa_argv

    argv = rasa_argv(5005, "endpoints.yml", "-Abc_123")
    args = create_argument_parser().parse_args(argv[argv.index("bot.rasa_server") + 1 :])
    assert args.auth_token == "-Abc_123" and args.port == 5005 and args.enable_api
