"""Ready PDFs of the blank instruments, printed by a headless Chromium through Playwright.

Optional by design: a machine without Playwright or a browser still builds the site, and the
pages then link to the blank print view instead (see ``render.print_link``). The built site is
served on a loopback port so the pages load exactly as a visitor's browser loads them.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..definition.instrument import Instrument
from ..pages.addresses import TOOLS_DIR, BlankPrint, blank_prints
from .chromium import CHROMIUM_ARGS, LoopbackServer, NoBrowser, chromium_executable

# Paper sizes in millimetres, short side first (ISO 216: each is the next one halved).
PAPER_MM = {"A4": (210, 297), "A3": (297, 420), "A2": (420, 594)}

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page, Playwright


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
        """Write the ready PDFs of each instrument's blank prints (``blank_prints``) into
        ``tools/<id>/`` of the site built in ``site_dir``."""
        written = []
        with LoopbackServer(site_dir) as server:
            page = self._browser.new_page(service_workers="block")  # no offline copy
            try:
                for instrument in instruments:
                    folder = site_dir / TOOLS_DIR / instrument.id
                    for blank in blank_prints(instrument):
                        target = folder / blank.file
                        if blank.enlarges:
                            enlarge(folder / blank.enlarges, target, blank)
                        else:
                            page.goto(server.url(f"/{TOOLS_DIR}/{instrument.id}/{blank.query}"))
                            # Its code arrives after the load event, and lays the view out.
                            page.wait_for_selector("gk-instrument[data-gk-ready]", state="attached")
                            # Tagged, with an outline of its headings: for screen readers too.
                            page.pdf(
                                path=str(target),
                                prefer_css_page_size=True,
                                tagged=True,
                                outline=True,
                            )
                        written.append(target)
            finally:
                page.close()
        return written

    def close(self) -> None:
        self._browser.close()
        self._playwright.stop()


def print_pdf(page: Page, target: Path) -> None:
    """The page as Chromium prints it at the page's own paper size: tagged, with an outline of
    its headings, readable by screen readers too."""
    page.pdf(path=str(target), prefer_css_page_size=True, tagged=True, outline=True)


def enlarge(source: Path, target: Path, blank: BlankPrint) -> None:
    """Write the PDF at ``source`` scaled up to the paper of ``blank`` (A3 to A2: a poster for a
    plotter). A-sizes share their proportions, so every page scales whole, as vector graphics:
    nothing is laid out again, and the text stays text, tagged as before."""
    from pypdf import PdfWriter

    writer = PdfWriter(clone_from=source)
    for page in writer.pages:
        long_side_pt = max(float(page.mediabox.width), float(page.mediabox.height))
        page.scale_by(max(PAPER_MM[blank.paper]) / 25.4 * 72 / long_side_pt)
    writer.write(target)
