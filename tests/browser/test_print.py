"""Printing: the blank print view, the Afdrukken and Leeg afdrukken buttons, and what lands on
paper, read back from PDFs that Chromium prints with the page's own paper size.

Every PDF a test prints is kept in ``test-results/pdf/`` for a person to look at.
"""

from __future__ import annotations

import datetime
import io
import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from generator.definition.instrument import Instrument
from generator.pages.addresses import BLANK_QUERY, pdf_name
from generator.parts import Question
from generator.parts.parties import PartiesRepeat

from . import definitions
from .controls import (
    BrowserStorage,
    InstrumentForm,
    Parties,
    ScaleQuestion,
    TextQuestion,
    horizontal_overflow,
    settle,
)
from .own_result import FIGURES, TITLE, OwnResult, open_with
from .served_site import PROJECT_DIR, SiteServer

PDF_DIR = PROJECT_DIR / "test-results" / "pdf"
PAPER_MM = {"A4": (210, 297), "A3": (297, 420)}
# Text of the site around the instrument: navigation, search, footer, buttons, links.
CHROME = [
    "Zoeken",
    "Handleiding voor begeleiders",
    "Toegankelijkheid",
    "Colofon",
    "Voor beheerders",
    "Exporteren",
    "Importeren",
    "Alles wissen",
    "Leeg afdrukken",
    "Download als PDF",
    "Lege afdrukversie",
    "Zo gebruik je dit instrument",
    "Terug naar het instrument",
]
TODAY = datetime.date.today()
MONTHS = "januari februari maart april mei juni juli augustus september oktober november december"


def print_pdf(page: Page, name: str) -> PdfReader:
    """Print the page as Chromium does for paper (once it is ready to, as Afdrukken waits for:
    its own paper's code loaded), keep the PDF, and open it."""
    page.evaluate("document.querySelector('gk-instrument')?.readyToPrint?.()")
    PDF_DIR.mkdir(parents=True, exist_ok=True)
    target = PDF_DIR / f"{name}.pdf"
    page.pdf(path=str(target), prefer_css_page_size=True)
    return PdfReader(target)


def page_texts(pdf: PdfReader) -> list[str]:
    """Each page's text, with runs of white space made one space (lines wrap anywhere)."""
    return [" ".join((p.extract_text() or "").split()) for p in pdf.pages]


def without_page_number(text: str) -> str:
    return re.sub(r"Pagina \d+ van \d+", "", text).strip()


def expected_size_mm(instrument: Instrument) -> tuple[int, int]:
    short, long = PAPER_MM[instrument.print.paper]
    return (long, short) if instrument.print.orientation == "landscape" else (short, long)


def size_mm(pdf: PdfReader, index: int) -> tuple[int, int]:
    box = pdf.pages[index].mediabox
    return round(float(box.width) / 72 * 25.4), round(float(box.height) / 72 * 25.4)


def open_blank(page: Page, instrument_id: str) -> None:
    page.goto(definitions.instrument_url(instrument_id) + BLANK_QUERY)
    expect(page.get_by_text("Dit is de lege afdrukversie", exact=False)).to_be_visible()


def record_prints(page: Page) -> None:
    """Replace window.print (in the page and its frames) by a note of which page asked, and
    whether its instrument had started."""
    page.add_init_script(
        "window.print = () => { (window.top.gkPrinted ||= []).push(location.href"
        " + (document.querySelector('gk-instrument:not([data-gk-ready])') ? ' (not ready)' : ''));"
        "window.dispatchEvent(new Event('afterprint')); };"
    )


def printed(page: Page) -> list[str]:
    return page.evaluate("window.gkPrinted || []")


# --- blank ------------------------------------------------------------------------------------


@pytest.mark.parametrize("instrument_id", definitions.instrument_ids())
def test_blank_print_has_its_paper_size_and_no_empty_page(page: Page, instrument_id: str) -> None:
    """A blank print at the wrong size, or with a page with nothing on it, wastes paper."""
    instrument = definitions.instrument(instrument_id)
    open_blank(page, instrument_id)
    pdf = print_pdf(page, f"{instrument_id}-leeg")
    for index in range(len(pdf.pages)):
        assert size_mm(pdf, index) == expected_size_mm(instrument), f"page {index + 1}"
    for number, text in enumerate(page_texts(pdf), start=1):
        assert without_page_number(text), f"page {number} of {len(pdf.pages)} is empty"


def on_blank_paper(question: Question) -> str:
    """What a blank sheet says for a question: its label; for an agreements list's cell, the
    heading of its column in the empty table."""
    label = question.field.label if question.key.startswith("afspraken.") else question.label
    return " ".join(label.split())


def test_blank_praatplaat_is_one_a3_landscape_page_with_all_its_questions(page: Page) -> None:
    """The praatplaat is a poster: one sheet on the table, every question on it."""
    instrument = definitions.instrument("praatplaat")
    open_blank(page, "praatplaat")
    pdf = print_pdf(page, "praatplaat-leeg-poster")
    assert len(pdf.pages) == 1
    assert size_mm(pdf, 0) == (420, 297)
    text = page_texts(pdf)[0]
    for question in definitions.questions(instrument):
        assert on_blank_paper(question) in text, question.label
    for section in instrument.sections:
        assert section.title in text
    assert instrument.title in text
    assert "Gebaseerd op het Common Eye-model" in text


def test_blank_praatplaat_scaled_onto_a4_landscape_stays_one_page(page: Page) -> None:
    """Without an A3 printer, "fit to page" on A4 must give the whole plate on one sheet."""
    instrument = definitions.instrument("praatplaat")
    open_blank(page, "praatplaat")
    PDF_DIR.mkdir(parents=True, exist_ok=True)
    target = PDF_DIR / "praatplaat-leeg-op-a4.pdf"
    page.pdf(path=str(target), format="A4", landscape=True, scale=210 / 297)
    pdf = PdfReader(target)
    assert len(pdf.pages) == 1
    assert size_mm(pdf, 0) == (297, 210)
    text = page_texts(pdf)[0]
    for question in definitions.questions(instrument):
        assert on_blank_paper(question) in text, question.label


def test_blank_reflectietool_keeps_each_statement_with_its_boxes(page: Page) -> None:
    """A statement on one sheet and its boxes on the next is easy to tick wrongly."""
    instrument = definitions.instrument("reflectietool")
    open_blank(page, "reflectietool")
    texts = page_texts(print_pdf(page, "reflectietool-leeg-stellingen"))
    scale = instrument.scales[0]
    boxes = " ".join([option.label for option in scale.options] + [scale.dont_know or ""]).strip()
    statements = [q.label for q in instrument.questions() if q.field.type == "scale"]
    for statement in statements:
        (text,) = [text for text in texts if statement in text]
        after = text[text.index(statement) + len(statement) :]
        assert after.startswith(" " + boxes), f"{statement!r} is apart from its boxes"


@pytest.mark.parametrize("instrument_id", definitions.instrument_ids())
def test_no_site_chrome_on_paper(page: Page, instrument_id: str) -> None:
    """Navigation, search, buttons and links are useless on paper and cost space."""
    page.goto(definitions.instrument_url(instrument_id))
    filled = " ".join(page_texts(print_pdf(page, f"{instrument_id}-chrome")))
    open_blank(page, instrument_id)
    blank = " ".join(page_texts(print_pdf(page, f"{instrument_id}-leeg-chrome")))
    for text, which in ((filled, "print"), (blank, "blank print")):
        shown = [chrome for chrome in CHROME if chrome in text]
        assert not shown, f"the {which} of {instrument_id} shows {shown}"


def test_blank_view_shows_no_answers_and_keeps_them(page: Page) -> None:
    """Printing a blank copy must not show, change or lose what someone filled in."""
    instrument = definitions.instrument("reflectietool")
    page.goto(definitions.instrument_url("reflectietool"))
    text_label = next(q.label for q in instrument.questions() if q.field.type == "long_text")
    scale_label = next(q.label for q in instrument.questions() if q.field.type == "scale")
    TextQuestion(page, text_label).fill("Ons eigen antwoord")
    ScaleQuestion(page, scale_label).choose("Eens")
    settle(page)
    saved = BrowserStorage(page).items()

    open_blank(page, "reflectietool")
    # Inert, the form's controls are out of the accessibility tree: look at every one of them.
    controls = page.locator("gk-instrument").locator("textarea, input")
    assert controls.count() > 20
    expect(page.locator("gk-instrument :checked")).to_have_count(0)
    assert all(
        value == ""
        for value in controls.evaluate_all(
            "(all) => all.filter((c) => !['radio', 'hidden'].includes(c.type)).map((c) => c.value)"
        )
    )
    # The blank view is for paper: clicking into a box and typing changes nothing.
    box = page.locator("gk-instrument textarea").first
    area = box.bounding_box()
    assert area is not None
    page.mouse.click(area["x"] + area["width"] / 2, area["y"] + area["height"] / 2)
    page.keyboard.type("Xyz 123")  # no letters of Material's page shortcuts (n, p, s, f)
    settle(page)
    expect(box).to_have_value("")
    assert BrowserStorage(page).items() == saved

    page.get_by_role("link", name="Terug naar het instrument").click()
    TextQuestion(page, text_label).expect_value("Ons eigen antwoord")
    ScaleQuestion(page, scale_label).expect_chosen("Eens")


def test_leeg_afdrukken_prints_the_blank_view_and_leaves_the_page(page: Page) -> None:
    """One click prints a blank copy; the answers on screen stay where they are."""
    record_prints(page)
    instrument = definitions.instrument("praatplaat")
    page.goto(definitions.instrument_url("praatplaat"))
    label = definitions.questions(instrument)[0].label
    answer = TextQuestion(page, label)
    answer.fill("Blijft staan")
    answer.box.blur()  # saved once more on leaving the box: done before the button is reached
    settle(page)
    saved = BrowserStorage(page).items()

    page.get_by_role("button", name="Leeg afdrukken", exact=True).click()
    page.wait_for_function("() => (window.gkPrinted || []).length > 0")
    assert [url.split("/", 3)[3] for url in printed(page)] == [f"tools/praatplaat/{BLANK_QUERY}"]
    TextQuestion(page, label).expect_value("Blijft staan")
    assert BrowserStorage(page).items() == saved
    expect(page.locator("iframe")).to_have_count(0)  # the frame goes once printed


def test_leeg_afdrukken_without_a_connection_says_so(page: Page) -> None:
    """Its code arrives when the button is pressed: with the connection gone by then, the
    button would do nothing, and say nothing."""
    record_prints(page)
    page.goto(definitions.instrument_url("praatplaat"))
    page.route("**/print-blank.js", lambda route: route.abort("internetdisconnected"))
    page.get_by_role("button", name="Leeg afdrukken", exact=True).click()
    expect(page.get_by_role("alert").filter(has_text="lege afdrukversie")).to_have_text(
        "De lege afdrukversie kon niet worden geladen: de verbinding met de site is weg. "
        "Probeer het opnieuw zodra je weer verbinding hebt."
    )
    assert printed(page) == []


def test_afdrukken_prints_this_page(page: Page, site: SiteServer) -> None:
    """Afdrukken prints the page with its answers, not some other view."""
    record_prints(page)
    page.goto(definitions.instrument_url("reflectietool"))
    page.get_by_role("button", name="Afdrukken", exact=True).click()
    page.wait_for_function("() => (window.gkPrinted || []).length > 0")
    assert printed(page) == [site.url(definitions.instrument_url("reflectietool"))]


# --- filled in --------------------------------------------------------------------------------


# The form's print (the reflectietool) and a poster's every run; the figure eight's and the
# table's appendix the same way as the poster's, so those two in CI's `-m slow`.
@pytest.mark.parametrize(
    "instrument_id",
    [
        i if i in ("reflectietool", "praatplaat") else pytest.param(i, marks=pytest.mark.slow)
        for i in definitions.instrument_ids()
    ],
)
def test_print_holds_every_word_of_a_2000_word_answer(page: Page, instrument_id: str) -> None:
    """A text box on paper must not cut off a long answer."""
    instrument = definitions.instrument(instrument_id)
    page.goto(definitions.instrument_url(instrument_id))
    label = next(q.label for q in instrument.questions() if q.field.type == "long_text")
    words = [f"woord{n}" for n in range(1, 2000)] + ["SLOTWOORD"]
    answer = TextQuestion(page, label)
    answer.fill(" ".join(words))
    # The user drags the box small by its corner: on screen it scrolls, on paper it must not.
    for _ in range(40):
        answer.box.evaluate("(box) => box.scrollIntoView({ block: 'end' })")
        box = answer.box.bounding_box()
        assert box is not None
        if box["height"] < 150:
            break
        corner = (box["x"] + box["width"] - 3, box["y"] + box["height"] - 3)
        page.mouse.move(*corner)
        page.mouse.down()
        page.mouse.move(corner[0], max(5, box["y"] + 60), steps=4)
        page.mouse.up()
    else:
        pytest.fail("the text box could not be dragged small")
    texts = page_texts(print_pdf(page, f"{instrument_id}-lang-antwoord"))
    text = " ".join(texts)
    assert "SLOTWOORD" in text
    assert "woord1000" in text
    assert re.search(r"Pagina 1 van \d+", texts[0])


def test_restored_answers_print_even_when_the_browser_does_not_say_it_prints(
    page: Page,
) -> None:
    """The print copies of restored answers are made a moment after the page opens, not only
    on `beforeprint`: a print that fires no event (as on some phones) must not cut off an
    answer typed in an earlier visit. (Emulated print media fires none.)"""
    page.goto(definitions.instrument_url("achtje"))
    label = "Partner A, Bestuurlijk: Wie is/zijn dit?"
    TextQuestion(page, label).fill("Het college van bestuur")
    page.reload()
    page.wait_for_selector("gk-instrument[data-gk-ready]", state="attached")
    box = TextQuestion(page, label).box.get_attribute("id")
    copy = page.locator(f"[id='{box}'] + .gk-print-text")
    page.emulate_media(media="print")
    expect(copy).to_have_text("Het college van bestuur")
    expect(copy).to_be_visible()


def test_print_shows_the_chosen_scale_values(page: Page) -> None:
    """Someone keeping the paper copy must see which answer was chosen for each statement."""
    instrument = definitions.instrument("reflectietool")
    scales = [q.label for q in instrument.questions() if q.field.type == "scale"]
    page.goto(definitions.instrument_url("reflectietool"))
    ScaleQuestion(page, scales[0]).choose("Eens")
    ScaleQuestion(page, scales[1]).choose("Weet niet")
    text = " ".join(page_texts(print_pdf(page, "reflectietool-gekozen")))
    first = text[text.index(scales[0]) : text.index(scales[1])]
    second = text[text.index(scales[1]) : text.index(scales[2])]
    third = text[text.index(scales[2]) : text.index(scales[3])]
    assert re.search(r"(?<!Helemaal )Eens ✓", first) and first.count("✓") == 1
    assert "Weet niet ✓" in second and second.count("✓") == 1
    assert "✓" not in third


def test_print_shows_the_respondent_and_the_date(page: Page) -> None:
    """A paper copy says who filled it in and when."""
    instrument = definitions.instrument("praatplaat")
    page.goto(definitions.instrument_url("praatplaat"))
    TextQuestion(page, instrument.respondent.fields[0].label).fill("Fatima de Vries")
    TextQuestion(page, instrument.respondent.fields[1].label).fill("Techniekcollege Noord")
    text = " ".join(page_texts(print_pdf(page, "praatplaat-respondent")))
    assert "Fatima de Vries" in text and "Techniekcollege Noord" in text
    month = MONTHS.split()[TODAY.month - 1]
    assert f"Datum {TODAY.day} {month} {TODAY.year}" in text


def test_print_shows_the_result_after_the_form(page: Page) -> None:
    """A paper copy for the conversation would lack the result, or show other figures."""
    open_with(page)
    OwnResult(page).expect_figures(FIGURES)
    text = " ".join(page_texts(print_pdf(page, "reflectietool-resultaat")))
    assert TITLE in text
    instrument = definitions.instrument("reflectietool")
    last = [q.label for q in definitions.questions(instrument) if q.field.type == "scale"][-1]
    after = text[text.index(TITLE) :]
    assert text.index(last) < text.index(TITLE), "the result comes after the form"
    for aspect, (mean, count) in FIGURES.items():
        assert f"{aspect} {mean} {count}" in after, f"the row of {aspect!r} on paper"
    assert "Om over te praten" in after
    # The chart beside the table fits the width of the sheet.
    page.set_viewport_size({"width": int(PRINTABLE_WIDTH_PX[("A4", "portrait")]), "height": 800})
    page.emulate_media(media="print")
    overflow = horizontal_overflow(page)
    assert overflow["scrollWidth"] <= overflow["clientWidth"], "\n  ".join(overflow["wide"])


def test_print_without_scores_has_no_result(page: Page) -> None:
    """Paper would carry an empty result, or the hint to fill in the statements."""
    page.goto(definitions.instrument_url("reflectietool"))
    OwnResult(page).expect_hint()
    text = " ".join(page_texts(print_pdf(page, "reflectietool-zonder-resultaat")))
    assert TITLE not in text


def test_blank_print_has_no_result_of_the_answers_kept(page: Page) -> None:
    """The blank copy for paper would carry the result of whoever used this browser."""
    open_with(page)
    OwnResult(page).expect_figures(FIGURES)
    open_blank(page, "reflectietool")
    text = " ".join(page_texts(print_pdf(page, "reflectietool-leeg-zonder-resultaat")))
    assert TITLE not in text


# --- ready PDFs -------------------------------------------------------------------------------


@pytest.mark.parametrize("instrument_id", definitions.instrument_ids())
def test_ready_pdf_is_linked_and_blank(page: Page, site: SiteServer, instrument_id: str) -> None:
    """The download link gives the blank instrument at its own paper size."""
    instrument = definitions.instrument(instrument_id)
    paper = instrument.print.paper
    page.goto("/tools/")
    card = page.get_by_role("listitem").filter(
        has=page.get_by_role("heading", name=instrument.title, exact=True)
    )
    card_link = card.get_by_role("link", name=f"Download als PDF, {paper}", exact=True)
    page.goto(definitions.instrument_url(instrument_id))
    link = page.get_by_role("link", name=f"Download als PDF, {paper}", exact=True)
    address = site.url(definitions.instrument_url(instrument_id) + pdf_name(instrument))
    expect(link).to_have_js_property("href", address)
    response = page.request.get(address)
    assert response.ok and response.headers["content-type"] == "application/pdf"
    target = PDF_DIR / f"klaar-{pdf_name(instrument)}"
    PDF_DIR.mkdir(parents=True, exist_ok=True)
    Path(target).write_bytes(response.body())
    pdf = PdfReader(target)
    assert size_mm(pdf, 0) == expected_size_mm(instrument)
    page.goto("/tools/")
    expect(card_link).to_have_js_property("href", address)


@pytest.mark.parametrize("instrument_id", definitions.instrument_ids())
def test_ready_pdf_is_the_blank_print_tagged_and_pointing_to_the_site(
    page: Page, site: SiteServer, instrument_id: str
) -> None:
    """The downloaded PDF would differ from printing the blank view (laid out before the page's
    code had run: the 8-tje as seven pages of lists), send readers to the build machine's
    address (this site is built at a loopback address: tests/unit/test_plugin.py checks that a
    published one is printed), or be a blank wall to a screen reader."""
    instrument = definitions.instrument(instrument_id)
    address = site.url(definitions.instrument_url(instrument_id))
    ready = PdfReader(io.BytesIO(page.request.get(address + pdf_name(instrument)).body()))
    open_blank(page, instrument_id)
    printed = print_pdf(page, f"{instrument_id}-leeg-zoals-klaar")
    assert page_texts(ready) == page_texts(printed)
    assert "Digitaal in te vullen op" not in " ".join(page_texts(ready))
    root = ready.trailer["/Root"]
    assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"], "tagged"
    assert root["/Lang"] == "nl"
    assert ready.metadata and ready.metadata.title.startswith(instrument.title)
    assert ready.outline, "an outline of its headings"


PRINTABLE_WIDTH_PX = {  # the paper's width less the side margins of its @page, in CSS pixels
    ("A4", "portrait"): (210 - 28) / 25.4 * 96,
    ("A4", "landscape"): (297 - 24) / 25.4 * 96,
    ("A3", "landscape"): (420 - 24) / 25.4 * 96,
}


@pytest.mark.parametrize("blank", [True, False], ids=["leeg", "ingevuld"])
@pytest.mark.parametrize("instrument_id", definitions.instrument_ids())
def test_nothing_sticks_out_of_the_paper(page: Page, instrument_id: str, blank: bool) -> None:
    """What sticks out past the paper's edge is cut off: a question or an answer gets lost."""
    instrument = definitions.instrument(instrument_id)
    page.goto(definitions.instrument_url(instrument_id) + (BLANK_QUERY if blank else ""))
    if not blank:  # as wide as a filled form gets: every column, the most partners
        for section in instrument.sections:
            if isinstance(section.repeat, PartiesRepeat):
                for _ in range(section.repeat.max - len(section.repeat.parties)):
                    Parties(page).add()
        InstrumentForm(page, instrument).show_every_question()
    paper = (instrument.print.paper, instrument.print.orientation)
    page.set_viewport_size({"width": int(PRINTABLE_WIDTH_PX[paper]), "height": 800})
    page.emulate_media(media="print")
    overflow = horizontal_overflow(page)
    assert overflow["scrollWidth"] <= overflow["clientWidth"], (
        f"{overflow['scrollWidth']}px on paper {overflow['clientWidth']}px wide; sticking out:\n  "
        + "\n  ".join(overflow["wide"])
    )
