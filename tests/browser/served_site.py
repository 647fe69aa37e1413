"""Build the site once with ``mkdocs build`` and serve it on a loopback port for the browser."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from generator.site.chromium import LoopbackServer

PROJECT_DIR = Path(__file__).resolve().parents[2]
CONFIG_FILE = PROJECT_DIR / "mkdocs.yml"
# The site is built with an address for feedback, so every page test covers the feedback block.
FEEDBACK_EMAIL = "feedback@example.org"


# Addresses that load nothing from a server.
IN_THE_PAGE = ("data:", "blob:", "about:", "javascript:")


class BuildError(Exception):
    """``mkdocs build`` failed; the message holds its output."""


def build_site(site_dir: Path, site_url: str) -> None:
    """Build the project's site into ``site_dir`` as if it were published at ``site_url``.

    Material's instant navigation only engages when ``site_url`` matches the serving origin;
    the project's ``mkdocs.yml`` takes it from ``$SITE_URL``, and the feedback address from
    ``$FEEDBACK_EMAIL``.
    """
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--config-file",
            str(CONFIG_FILE),
            "--site-dir",
            str(site_dir),
        ],
        cwd=PROJECT_DIR,
        # With the ready PDFs, as the publish workflow builds it: the tests check them.
        env={
            **os.environ,
            "NO_MKDOCS_2_WARNING": "1",
            "SITE_URL": site_url,
            "GEREEDSCHAPSKIST_PDF": "always",
            "FEEDBACK_EMAIL": FEEDBACK_EMAIL,
        },
        capture_output=True,
        check=False,
    )
    if result.returncode != 0:
        output = (result.stdout + result.stderr).decode("utf-8", errors="replace")
        raise BuildError(f"mkdocs build failed (exit {result.returncode}):\n{output}")


class SiteServer(LoopbackServer):
    """The built site on a loopback port, and which requests stay on it."""

    def is_local(self, url: str) -> bool:
        """Whether a request to ``url`` stays on this server (or inside the page, like data:)."""
        return url.startswith((*IN_THE_PAGE, f"{self.origin}/"))
