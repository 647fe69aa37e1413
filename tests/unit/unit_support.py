"""Shared paths and helpers of the unit tests (a plain module, so tests can import it)."""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
from pathlib import Path

from generator.__main__ import main

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
    """``python -m generator ARGS`` as a maintainer runs it, in this process: its exit code and
    what it printed. (A new Python for each run cost a second of imports; test_cli.py starts the
    real command once.) An exception it lets through fails the test, as a traceback would."""
    out, err = io.StringIO(), io.StringIO()
    before = Path.cwd()
    os.chdir(cwd)  # contextlib.chdir is Python 3.11+
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main([str(arg) for arg in args])
    except SystemExit as stop:  # argparse's usage errors
        code = stop.code if isinstance(stop.code, int) else 1
    finally:
        os.chdir(before)
    return subprocess.CompletedProcess(args, code, out.getvalue(), err.getvalue())
