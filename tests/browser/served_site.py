"""Build the site once with ``mkdocs build`` and serve it on a loopback port for the browser."""

from __future__ import annotations

import functools
import http.server
import os
import subprocess
import sys
import threading
from pathlib import Path
from types import TracebackType
from urllib.parse import urlsplit

PROJECT_DIR = Path(__file__).resolve().parents[2]
CONFIG_FILE = PROJECT_DIR / "mkdocs.yml"
# The site is built with an address for feedback, so every page test covers the feedback block.
FEEDBACK_EMAIL = "feedback@example.org"


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
        env={
            **os.environ,
            "NO_MKDOCS_2_WARNING": "1",
            "SITE_URL": site_url,
            "FEEDBACK_EMAIL": FEEDBACK_EMAIL,
        },
        capture_output=True,
        check=False,
    )
    if result.returncode != 0:
        output = (result.stdout + result.stderr).decode("utf-8", errors="replace")
        raise BuildError(f"mkdocs build failed (exit {result.returncode}):\n{output}")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files without logging every request to stderr."""

    def log_message(self, format: str, *args: object) -> None:
        pass


class SiteServer:
    """A static file server on 127.0.0.1 and a free port, bound at once so the port is known
    before the site is built, serving in a background thread once started."""

    def __init__(self, site_dir: Path) -> None:
        handler = functools.partial(_QuietHandler, directory=str(site_dir))
        self._server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        host, port = self._server.server_address[:2]
        self.origin = f"http://{host}:{port}"

    def url(self, path: str = "/") -> str:
        """The absolute address of a path on this server."""
        return f"{self.origin}{path}"

    def is_local(self, url: str) -> bool:
        """Whether a request to ``url`` stays on this server (or inside the page, like data:)."""
        parts = urlsplit(url)
        if parts.scheme in ("data", "blob", "about", "javascript"):
            return True
        return f"{parts.scheme}://{parts.netloc}" == self.origin

    def __enter__(self) -> SiteServer:
        self._thread.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)
