"""Shared paths and helpers of the unit tests (a plain module, so tests can import it)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TOOL_TEMPLATES = ROOT / "tool_templates"
DEFINITIONS = ROOT / "tests" / "definitions"
VALID = DEFINITIONS / "valid"
INVALID = DEFINITIONS / "invalid"


def run(*args: str | Path, cwd: Path = ROOT, **env: str) -> subprocess.CompletedProcess[str]:
    """Run a command with this Python's tools, capturing text output; never raises on failure."""
    return subprocess.run(
        [str(arg) for arg in args],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONIOENCODING": "utf-8", **env},
        timeout=120,
        check=False,
    )


def run_generator(*args: str | Path, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """``python -m generator ARGS`` as a maintainer runs it."""
    return run(sys.executable, "-m", "generator", *args, cwd=cwd)
