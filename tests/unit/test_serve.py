"""`mkdocs serve` picks up a saved change to a definition (the publisher's edit-and-look loop)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return str(response.read().decode("utf-8"))
    except OSError:
        return None


def _wait_for(url: str, text: str, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        body = _fetch(url)
        if body is not None and text in body:
            return True
        time.sleep(0.3)
    return False


def test_serve_reloads_a_saved_definition(tmp_path: Path) -> None:
    """A publisher who saves a YAML edit sees it on the served page without restarting."""
    for folder in ("docs", "overrides", "tool_templates"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    port = _free_port()
    url = f"http://127.0.0.1:{port}/tools/praatplaat/"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        assert _wait_for(url, "Wat is de opgave?", 60), "mkdocs serve did not serve the page"
        definition = tmp_path / "tool_templates" / "praatplaat.yml"
        text = definition.read_text(encoding="utf-8")
        definition.write_text(
            text.replace("label: Wat is de opgave?", "label: Wat is onze opgave, vandaag?"),
            encoding="utf-8",
        )
        assert _wait_for(url, "Wat is onze opgave, vandaag?", 60), "the edit was not picked up"
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
