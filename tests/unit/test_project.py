"""The README's two commands and CI agree, so a fresh clone runs what the README promises."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")
CODE_BLOCKS = re.findall(r"```sh\n(.*?)```", README, re.DOTALL)


def test_readme_gives_the_serve_command_first() -> None:
    """The first command of the README does not install and serve the site on 127.0.0.1."""
    first = CODE_BLOCKS[0].strip()
    assert "pip install" in first
    assert "mkdocs serve" in first
    assert "127.0.0.1" in first


def test_ci_runs_the_readme_test_command() -> None:
    """CI tests something else than the README's second command, so the two drift apart."""
    second = CODE_BLOCKS[1].strip()
    assert "pytest" in second and "pip install" in second
    ci_lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert second in ci_lines, f"CI does not run the README's test command: {second}"


def test_every_benchmark_and_check_starts() -> None:
    """A benchmark or check that no longer imports (a helper moved) is found only when someone
    needs it."""
    for script in sorted([*(ROOT / "benchmarks").glob("*.py"), *(ROOT / "checks").glob("*.py")]):
        result = subprocess.run(
            [sys.executable, str(script), "--help"],
            capture_output=True,
            text=True,
            cwd=ROOT,
            timeout=60,
            check=False,
        )
        assert result.returncode == 0, f"{script.name}:\n{result.stderr}"
