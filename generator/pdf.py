"""Ready PDFs of the blank instruments, printed by a headless Chromium through Playwright.

Optional by design: a machine without Playwright or a browser still builds the site, and the
pages then link to the blank print view instead (see ``render.print_link``). The built site is
served on a loopback port so the pages load exactly as a visitor's browser loads them.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, TypeVar

from .model import Instrument

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Playwright

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
DEBIAN_CHROMIUM = "/usr/lib/chromium/chromium"
BLANK_QUERY = "?afdruk=leeg"
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


def pdf_name(instrument: Instrument) -> str:
    """The blank PDF's file name, next to the instrument's page: ``<id>-leeg-<paper>.pdf``."""
    return f"{instrument.id}-leeg-{instrument.print.paper.lower()}.pdf"


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


class Printer:
    """A started headless Chromium that prints blank instruments of a built site to PDF.

    Starting it is how we learn whether PDFs can be made at all, so a build knows which links to
    write before it renders the pages.
    """

    def __init__(self) -> None:
        try:
            from playwright.sync_api import Error, sync_playwright
        except ImportError:
            raise NoBrowser("Playwright is not installed (pip install -e '.[pdf]')") from None
        self._playwright: Playwright = sync_playwright().start()
        try:
            self._browser: Browser = self._playwright.chromium.launch(
                executable_path=chromium_executable(), args=CHROMIUM_ARGS
            )
        except Error as error:
            self._playwright.stop()
            first_line = str(error).strip().splitlines()[0] if str(error).strip() else ""
            raise NoBrowser(f"Chromium could not be started ({first_line})") from None

    def print_blank(self, site_dir: Path, instruments: list[Instrument]) -> list[Path]:
        """Write ``tools/<id>/<pdf_name>`` for each instrument of the site built in ``site_dir``."""
        written = []
        with LoopbackServer(site_dir) as server:
            page = self._browser.new_page()
            try:
                for instrument in instruments:
                    page.goto(server.url(f"/tools/{instrument.id}/{BLANK_QUERY}"))
                    # Its code arrives after the load event, and lays the blank view out.
                    page.wait_for_selector("gk-instrument[data-gk-ready]", state="attached")
                    target = site_dir / "tools" / instrument.id / pdf_name(instrument)
                    # Tagged, with an outline of its headings: readable by screen readers too.
                    page.pdf(path=str(target), prefer_css_page_size=True, tagged=True, outline=True)
                    written.append(target)
            finally:
                page.close()
        return written

    def close(self) -> None:
        self._browser.close()
        self._playwright.stop()
