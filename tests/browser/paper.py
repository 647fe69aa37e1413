"""Printing for the paper tests: the ready PDFs as the site serves them, the Afdrukken button as a
person presses it, and the checks every sheet must pass (see paper_geometry.py)."""

from __future__ import annotations

import urllib.request

from playwright.sync_api import Page

from . import definitions
from .paper_geometry import Sheet, read
from .served_site import PROJECT_DIR, SiteServer

PDF_DIR = PROJECT_DIR / "test-results" / "pdf"
MARGINS_MM = {  # the @page margins of each paper (top, right, bottom, left): base.css
    ("A4", "portrait"): (14, 14, 16, 14),
    ("A3", "landscape"): (10, 12, 12, 12),
}
A3_LANDSCAPE = MARGINS_MM["A3", "landscape"]
PAPER_MM = {"A4": (210, 297), "A3": (297, 420), "A2": (420, 594)}
SOURCE_LINE = "Gereedschapskist samenwerking"  # the line that ends every sheet: small on purpose
PAGE_NUMBER = "Pagina"
# Chromium's A3 page is 420.2 mm wide, so sizes read back a hair smaller than set (27.9975 pt).
SIZE_TOLERANCE = 0.05


def size_mm(sheet: Sheet) -> tuple[int, int]:
    return round(sheet.width_mm), round(sheet.height_mm)


def landscape(paper: str) -> tuple[int, int]:
    short, long = PAPER_MM[paper]
    return long, short


def one_sheet(sheets: list[Sheet], paper: str = "A3") -> Sheet:
    """The only page of a print that must fit on one landscape sheet of ``paper``."""
    assert len(sheets) == 1, f"one page, not {len(sheets)}"
    assert size_mm(sheets[0]) == landscape(paper)
    return sheets[0]


def assert_clean(sheets: list[Sheet], margins_mm: tuple[float, float, float, float]) -> None:
    """No word past the margins, text over text, or a word crossed by a line, on any page."""
    for sheet in sheets:
        where = f"page {sheet.number}"
        outside = sheet.words_outside(margins_mm)
        assert not outside, f"{where}: past the margins: {outside[:5]}"
        overlapping = sheet.overlapping_text()
        assert not overlapping, f"{where}: text over text: {overlapping[:5]}"
        crossed = sheet.words_crossed_by_lines()
        assert not crossed, f"{where}: words crossed by a line: {crossed[:5]}"


def assert_readable(sheet: Sheet, points: float = 9) -> None:
    """No text under ``points`` on the sheet, but its source line and page number."""
    assert sheet.smallest_size(leaving_out=(SOURCE_LINE, PAGE_NUMBER)) >= points - SIZE_TOLERANCE


def ready_pdf(site: SiteServer, instrument_id: str, file: str) -> list[Sheet]:
    """A ready PDF as the site serves it, next to its instrument's page, read back."""
    address = site.url(definitions.instrument_url(instrument_id) + file)
    with urllib.request.urlopen(address) as response:  # our own server, on a loopback port
        body = response.read()
    PDF_DIR.mkdir(parents=True, exist_ok=True)
    target = PDF_DIR / f"klaar-{file}"
    target.write_bytes(body)
    return read(target)


def print_with_button(page: Page, name: str) -> list[Sheet]:
    """Press Afdrukken as a person would, then print what the browser prints at that moment.
    (On a page of the ``recording`` fixture, whose ``window.print`` only notes that it was
    asked: a test can't press a dialog's button.)"""
    page.get_by_role("button", name="Afdrukken", exact=True).click()
    page.wait_for_function("() => (window.gkPrinted || []).length > 0")
    PDF_DIR.mkdir(parents=True, exist_ok=True)
    target = PDF_DIR / f"{name}.pdf"
    page.pdf(path=str(target), prefer_css_page_size=True)
    return read(target)
