"""Ready PDFs of the blank instruments, printed by a headless Chromium through Playwright.

Optional by design: a machine without Playwright or a browser still builds the site, and the
pages then link to the blank print view instead (see ``render.print_link``). The built site is
served on a loopback port so the pages load exactly as a visitor's browser loads them.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..definition.instrument import Instrument
from ..pages.addresses import BLANK_QUERY, TOOLS_DIR, pdf_name
from .chromium import CHROMIUM_ARGS, LoopbackServer, NoBrowser, chromium_executable

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Playwright


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
                    page.goto(server.url(f"/{TOOLS_DIR}/{instrument.id}/{BLANK_QUERY}"))
                    # Its code arrives after the load event, and lays the blank view out.
                    page.wait_for_selector("gk-instrument[data-gk-ready]", state="attached")
                    target = site_dir / TOOLS_DIR / instrument.id / pdf_name(instrument)
                    # Tagged, with an outline of its headings: readable by screen readers too.
                    page.pdf(path=str(target), prefer_css_page_size=True, tagged=True, outline=True)
                    written.append(target)
            finally:
                page.close()
        return written

    def close(self) -> None:
        self._browser.close()
        self._playwright.stop()
