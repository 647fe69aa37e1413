"""Paper that works in the room, checked by its geometry: the praatplaat as a group poster (A3,
and A2 for a plotter), its worksheet for one person (A4), and filled in, on one A3 sheet while
the answers fit at 9 pt or more, with an appendix for what doesn't.

Each PDF is read back with pdfplumber (paper_geometry.py): no word crossed by a line or printed
over another, nothing past the margins, text as large as promised. The PDFs are kept in
``test-results/pdf/`` and their pictures in ``test-results/png/``.
"""

from __future__ import annotations

import math

import pdfplumber
import pytest
from playwright.sync_api import Page, expect

from generator.definition.instrument import Instrument
from generator.pages.addresses import blank_prints

from . import definitions
from .controls import TextQuestion, settle
from .paper import (
    A3_LANDSCAPE,
    MARGINS_MM,
    PAPER_MM,
    PDF_DIR,
    SIZE_TOLERANCE,
    assert_clean,
    assert_readable,
    one_sheet,
    print_with_button,
    ready_pdf,
    size_mm,
)
from .paper_geometry import MM, Sheet, Word, read
from .served_site import SiteServer

# The four areas' colours on screen (poster.css): each area's title band has its own.
AREA_COLOURS = ["#c0392b", "#1f6fb2", "#237a3b", "#8e44ad"]


def praatplaat() -> Instrument:
    return definitions.instrument("praatplaat")


def areas(instrument: Instrument) -> list[str]:
    """The titles of the poster's four areas (the agreements are a band of their own)."""
    return [s.title for s in instrument.sections if s.id != "afspraken"]


def area_questions(instrument: Instrument) -> list[str]:
    return [f.label for s in instrument.sections if s.id != "afspraken" for f in s.fields]


# --- blank: the poster, and the worksheet -----------------------------------------------------


@pytest.fixture(scope="module")
def poster(site: SiteServer) -> list[Sheet]:
    return ready_pdf(site, "praatplaat", blank_prints(praatplaat())[0].file)


def test_blank_praatplaat_is_one_a3_landscape_poster(poster: list[Sheet]) -> None:
    """A poster on two sheets, or at the wrong size, can't go on the wall of the room."""
    one_sheet(poster)
    assert_clean(poster, A3_LANDSCAPE)


def test_poster_text_is_large_enough_for_a_group(poster: list[Sheet]) -> None:
    """Eight people around a table read the areas' titles and questions from a distance."""
    (sheet,) = poster
    for title in areas(praatplaat()):
        assert sheet.sizes_of(title), f"{title!r} is on the poster"
        assert min(sheet.sizes_of(title)) >= 28 - SIZE_TOLERANCE, title
    for question in area_questions(praatplaat()):
        assert sheet.sizes_of(question), f"{question!r} is on the poster"
        assert min(sheet.sizes_of(question)) >= 14 - SIZE_TOLERANCE, question


def test_poster_has_a_title_band_and_no_personal_header(poster: list[Sheet]) -> None:
    """A group poster is nobody's own form: no "Wie vult in?" with name and organisation."""
    (sheet,) = poster
    assert sheet.content.startswith(praatplaat().title)
    for personal in ["Wie vult in?", "Naam of rol", "Organisatie"]:
        assert personal not in sheet.text
    assert "Afspraken Wat spreken we af? Wie doet het? Wanneer?" in sheet.text


def test_poster_areas_have_the_colours_of_the_screen(poster: list[Sheet]) -> None:
    """The four areas are told apart by their colour, as on screen (and by their frames)."""
    path = PDF_DIR / f"klaar-{blank_prints(praatplaat())[0].file}"
    with pdfplumber.open(path) as document:
        fills = {
            _hex(shape["non_stroking_color"])
            for shape in [*document.pages[0].rects, *document.pages[0].curves]
            if shape.get("fill")
        }
    for colour in AREA_COLOURS:
        assert colour in fills, f"an area filled with {colour}"


def _hex(colour: object) -> str:
    if not isinstance(colour, (tuple, list)) or len(colour) != 3:
        return ""
    return "#" + "".join(f"{round(float(part) * 255):02x}" for part in colour)


def test_a2_poster_is_the_a3_poster_scaled_up(poster: list[Sheet], site: SiteServer) -> None:
    """For a plotter: the same poster, one size up, everything in proportion."""
    a2 = ready_pdf(site, "praatplaat", blank_prints(praatplaat())[1].file)
    one_sheet(a2, "A2")
    assert a2[0].text == poster[0].text
    factor = math.sqrt(2)
    for title in areas(praatplaat()):
        assert min(a2[0].sizes_of(title)) >= (28 - SIZE_TOLERANCE) * factor
    assert_clean(a2, tuple(m * factor for m in A3_LANDSCAPE))  # type: ignore[arg-type]


def test_worksheet_is_a4_for_one_person(site: SiteServer) -> None:
    """The personal worksheet: "Wie vult in?", every question with lines, on A4 portrait."""
    worksheet = ready_pdf(site, "praatplaat", blank_prints(praatplaat())[2].file)
    assert 1 <= len(worksheet) <= 3
    for sheet in worksheet:
        assert size_mm(sheet) == PAPER_MM["A4"]
    text = " ".join(sheet.text for sheet in worksheet)
    assert "Wie vult in? Naam of rol Organisatie Datum" in text
    for question in area_questions(praatplaat()):
        assert question in text
    assert_clean(worksheet, MARGINS_MM["A4", "portrait"])


def test_werkblad_afdrukken_prints_the_worksheet(recording: Page) -> None:
    """The button on the page prints the worksheet, not the poster."""
    page = recording
    page.goto(definitions.instrument_url("praatplaat"))
    page.get_by_role("button", name="Werkblad afdrukken", exact=True).click()
    page.wait_for_function("() => (window.gkPrinted || []).length > 0")
    assert page.evaluate("window.gkPrinted")[0].endswith("/tools/praatplaat/?afdruk=werkblad")


# --- filled in --------------------------------------------------------------------------------


def fill_praatplaat(page: Page, answers: dict[str, str]) -> None:
    page.goto(definitions.instrument_url("praatplaat"))
    for question in area_questions(praatplaat()):
        TextQuestion(page, question).fill(answers.get(question, f"Ons antwoord op: {question}"))
    settle(page)


def test_filled_praatplaat_is_one_a3_page_at_a_readable_size(recording: Page) -> None:
    """Short answers, and two agreements: one sheet, every answer on it, none under 9 pt."""
    page = recording
    fill_praatplaat(page, {})
    page.get_by_label("Afspraak 1: Wat spreken we af?", exact=True).fill("Werkgroep oprichten")
    page.get_by_role("button", name="Afspraak toevoegen", exact=True).click()
    page.get_by_label("Afspraak 2: Wie doet het?", exact=True).fill("Fatima")
    sheets = print_with_button(page, "praatplaat-ingevuld-kort")
    one_sheet(sheets)
    for question in area_questions(praatplaat()):
        assert sheets[0].sizes_of(f"Ons antwoord op: {question}"), question
    assert "Werkgroep oprichten" in sheets[0].text and "Fatima" in sheets[0].text
    assert_readable(sheets[0])
    assert_clean(sheets, A3_LANDSCAPE)


def test_what_does_not_fit_continues_in_a_numbered_appendix(recording: Page) -> None:
    """A long answer is cut with a reference, and the appendix prints every character of it;
    the sheet itself stays one page, its text at least 9 pt."""
    page = recording
    question = area_questions(praatplaat())[1]
    words = [f"woord{n}" for n in range(1, 700)] + ["SLOTWOORD"]
    fill_praatplaat(page, {question: " ".join(words)})
    sheets = print_with_button(page, "praatplaat-ingevuld-lang")
    assert len(sheets) == 2, "the sheet, and one page of appendix"
    first, appendix = sheets
    assert "(zie 1)" in first.text
    assert "SLOTWOORD" not in first.text
    assert_readable(first)
    assert appendix.content.startswith("Bijlage bij")
    assert f"1. Urgentie · {question} {' '.join(words)}" in appendix.text
    assert_clean(sheets, A3_LANDSCAPE)


def test_the_print_shortcut_waits_for_the_poster(recording: Page) -> None:
    """Ctrl+P straight after opening a filled page prints the poster, not the bare form."""
    page = recording
    fill_praatplaat(page, {})
    page.reload()
    expect(page.locator("gk-instrument[data-gk-ready]")).to_have_count(1)
    page.keyboard.press("Control+P")
    page.wait_for_function("() => (window.gkPrinted || []).length > 0")
    target = PDF_DIR / "praatplaat-sneltoets.pdf"
    page.pdf(path=str(target), prefer_css_page_size=True)
    sheets = read(target)
    assert min(one_sheet(sheets).sizes_of(areas(praatplaat())[0])) >= 28 - SIZE_TOLERANCE


# --- the checks themselves can fail -----------------------------------------------------------


def test_the_geometry_checks_see_what_a_reader_would(page: Page) -> None:
    """A box border through a question (as the blank praatplaat once printed), text over text
    and text in the margin are each found."""
    page.set_content(
        "<style>@page { size: A4 portrait; margin: 14mm 14mm 16mm }"
        " body { margin: 0; font: 12pt sans-serif }</style>"
        "<p style='margin: 20mm 0 0'>Welk probleem willen we aanpakken?</p>"
        "<div style='height: 30mm; margin-top: -12pt; border: 0.3mm solid #000'></div>"
        "<p style='margin: 10mm 0 0'>Eerste tekst</p><p style='margin: -14pt 0 0 5mm'>Tweede</p>"
    )
    target = PDF_DIR / "geometrie-fouten.pdf"
    PDF_DIR.mkdir(parents=True, exist_ok=True)
    page.pdf(path=str(target), prefer_css_page_size=True)
    (sheet,) = read(target)
    assert {w.text for w in sheet.words_crossed_by_lines()} >= {"Welk", "probleem"}
    assert sheet.overlapping_text()
    assert not sheet.words_outside(MARGINS_MM["A4", "portrait"])
    # Chromium cuts off what goes past the content box, so a word there is only ever drawn in
    # the margin by the page itself (its number); anything else there is found.
    stray = Word("Buiten", 5 * MM, 100, 40 * MM, 112, 12)
    assert sheet_with(sheet, stray).words_outside(MARGINS_MM["A4", "portrait"]) == [stray]


def sheet_with(sheet: Sheet, word: Word) -> Sheet:
    return Sheet(sheet.number, sheet.width_mm, sheet.height_mm, [*sheet.words, word], [], [])
