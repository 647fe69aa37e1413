"""The site a check or benchmark looks at: one given on its command line, or one built for it
(strictly, without the PDFs, with a feedback address so every part of the pages is there)."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@contextlib.contextmanager
def site_to_check(given: Path | None) -> Iterator[Path]:
    """``given`` as it is, else a fresh build of the project's site in a temporary folder."""
    if given is not None:
        yield given
        return
    with tempfile.TemporaryDirectory() as folder:
        env = dict(
            os.environ,
            NO_MKDOCS_2_WARNING="1",
            GEREEDSCHAPSKIST_PDF="never",
            FEEDBACK_EMAIL=os.environ.get("FEEDBACK_EMAIL", "feedback@example.org"),
        )
        subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "-q", "--strict", "-d", folder],
            check=True,
            cwd=ROOT,
            env=env,
        )
        yield Path(folder)
