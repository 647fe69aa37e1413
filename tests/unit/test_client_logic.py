"""The client's pure logic (answer files, merging tabs, figures, the comparison's line-up) has
fast unit tests of its own in tests/client/, run by Node's test runner; this runs them with the
other unit tests, so the README's one test command covers them too."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from unit_support import ROOT

NODE = shutil.which("node")


@pytest.mark.skipif(NODE is None, reason="needs Node (it comes with the project's npm tools)")
def test_the_client_logic_passes_its_node_tests() -> None:
    """A refused good file, a lost answer between two tabs, a wrong figure or respondents lined
    up wrongly in the comparison: each fails one of these without a browser."""
    assert NODE is not None
    result = subprocess.run(
        [NODE, "--test", "tests/client/"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        cwd=ROOT,
        timeout=120,
    )
    assert result.returncode == 0, (
        f"node --test tests/client/ failed:\n{result.stdout}\n{result.stderr}"
    )
