"""The headless Chromium the build prints with, and the tests and checks drive: where it is,
how it is started, and a static file server on a loopback port to load a built site from."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from pathlib import Path
from types import TracebackType
from typing import TypeVar

# The features Playwright switches off when it starts Chromium (its chromiumSwitches). Chromium
# keeps only the last --disable-features it is given, so ours must repeat them;
# tests/unit/test_chromium.py checks this list against the installed Playwright.
PLAYWRIGHT_DISABLED_FEATURES = (
    "AvoidUnnecessaryBeforeUnloadCheckSync",
    "DestroyProfileOnBrowserClose",
    "HttpsUpgrades",
    "HttpsFirstBalancedModeAutoEnable",
    "LensOverlay",
    "MediaRouter",
    "PaintHolding",
    "ThirdPartyStoragePartitioning",
    "AvoidCorsURLLoaderRestartOnRedirect",
    "TcpPortRandomizationWin",
    "OptimizationHints",
    "NetworkTimeServiceQuerying",
    "AimEnabled",
    "PreconnectToSearch",
    "msForceBrowserSignIn",
    "msEdgeUpdateLaunchServicesPreferredVersion",
)
# Headless Chromium builds an address bar for every page it opens, whose suggestion list is a web
# page of its own (chrome://omnibox-popup.top-chrome/, and its "AI mode" variant), loaded in a
# renderer of its own: measured here, that took as much processor time per page as the page
# itself. No one sees it headless.
OUR_DISABLED_FEATURES = ("WebUIOmniboxPopup", "WebUIOmniboxAimPopup")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-features=" + ",".join(PLAYWRIGHT_DISABLED_FEATURES + OUR_DISABLED_FEATURES),
]
DEBIAN_CHROMIUM = "/usr/lib/chromium/chromium"
_Server = TypeVar("_Server", bound="LoopbackServer")


def chromium_executable() -> str | None:
    """The system Chromium to use, or None to let Playwright use its own download.

    ``$CHROMIUM_PATH`` wins; then Debian's real binary (``/usr/bin/chromium`` is a wrapper
    script); then ``chromium`` on PATH. Playwright cannot download browsers on the machines this
    project is built on; a laptop can.
    """
    if os.environ.get("CHROMIUM_PATH"):
        return os.environ["CHROMIUM_PATH"]
    if Path(DEBIAN_CHROMIUM).is_file():
        return DEBIAN_CHROMIUM
    return shutil.which("chromium")


class NoBrowser(Exception):
    """No browser to print with: Playwright is not installed or cannot start Chromium."""


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files without logging every request to stderr."""

    def log_message(self, format: str, *args: object) -> None:
        pass


class LoopbackServer:
    """A static file server on 127.0.0.1 and a free port, bound at once so the port is known
    before the site is built, serving in a background thread while entered."""

    def __init__(self, site_dir: Path, handler: type[QuietHandler] = QuietHandler) -> None:
        self.directory = site_dir
        serve = functools.partial(handler, directory=str(site_dir))
        self._server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), serve)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        host, port = self._server.server_address[:2]
        self.origin = f"http://{host!s}:{port}"

    def url(self, path: str = "/") -> str:
        """The absolute address of a path on this server."""
        return f"{self.origin}{path}"

    def __enter__(self: _Server) -> _Server:
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
