"""Het 8-tje on paper: the figure eight itself, blank and filled, read back from its PDFs (see
paper_geometry.py): partners as loops of their levels, links as connectors, the answers in the
boxes and on the links, three partners on one A3 landscape sheet."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from generator.pages.addresses import pdf_name

from . import definitions
from .controls import Parties, settle
from .paper import (
    A3_LANDSCAPE,
    PDF_DIR,
    assert_clean,
    assert_readable,
    one_sheet,
    print_with_button,
    ready_pdf,
)
from .paper_geometry import Sheet, read
from .served_site import SiteServer

LEVELS = ["Bestuurlijk", "Management", "Operationeel (professioneel)"]
BOX_QUESTIONS = ["Wie is/zijn dit?", "Wat is hun rol in de samenwerking?"]
LINK_QUESTIONS = [
    "Wat is hier nodig qua communicatie en samenwerking?",
    "Hoe/waar vindt dit plaats?",
]
NAMES = ["Vmbo De Brug", "Techniek College Noord", "Installatiebedrijf Jansen", "Gemeente Zuid"]


def boxes_and_links(partners: int) -> tuple[int, int]:
    """How many level boxes and links the figure has: each partner's levels and the links down
    between them, and the links across between neighbours at every level."""
    return partners * len(LEVELS), partners * (len(LEVELS) - 1) + (partners - 1) * len(LEVELS)


def fill_achtje(page: Page, partners: int, answer: str = "Antwoord {n}.") -> int:
    """Open the 8-tje with this many partners, named, and every box and link answered; returns
    how many answers were given ("Antwoord 1.", "Antwoord 2.", …)."""
    page.goto(definitions.instrument_url("achtje"))
    parties = Parties(page)
    for _ in range(partners - 2):
        parties.add()
    for index in range(partners):
        parties.rename(f"Partner {'ABCDEF'[index]}", NAMES[index])
    # Typed into every box at once (as many input events as typing them one by one would send):
    # a figure of four partners has 56 boxes.
    count: int = page.locator("gk-parties textarea").evaluate_all(
        """(boxes, answer) => boxes.map((box, index) => {
             box.value = answer.replace("{n}", index + 1);
             box.dispatchEvent(new Event("input", { bubbles: true }));
           }).length""",
        answer,
    )
    settle(page)
    return count


def test_blank_8tje_is_the_figure_eight_on_one_a3_page(site: SiteServer) -> None:
    """The blank plate: two partners' loops, every box and link headed by its questions."""
    sheets = ready_pdf(site, "achtje", pdf_name(definitions.instrument("achtje")))
    sheet = one_sheet(sheets)
    boxes, links = boxes_and_links(2)
    for level in LEVELS:
        assert len(sheet.sizes_of(level)) == 2, level
    for question in BOX_QUESTIONS:
        assert len(sheet.sizes_of(question)) == boxes, question
    for question in LINK_QUESTIONS:
        assert len(sheet.sizes_of(question)) == links, question
    assert "Partner A" in sheet.content and "Partner B" in sheet.content
    assert_readable(sheet)
    assert_clean(sheets, A3_LANDSCAPE)


def _answers_on(sheets: list[Sheet], count: int) -> list[int]:
    text = " ".join(sheet.content for sheet in sheets)
    return [n for n in range(1, count + 1) if f"Antwoord {n}." not in text]


def test_filled_8tje_with_two_partners_is_one_page(recording: Page) -> None:
    """Two partners with one-line answers took 7 A4 pages as a list; the figure takes one."""
    count = fill_achtje(recording, 2)
    sheets = print_with_button(recording, "achtje-ingevuld-2")
    one_sheet(sheets)
    assert _answers_on(sheets, count) == [], "every answer is on the sheet"
    assert_readable(sheets[0])
    assert_clean(sheets, A3_LANDSCAPE)


def test_filled_8tje_with_three_partners_is_one_a3_page(recording: Page) -> None:
    count = fill_achtje(recording, 3)
    sheets = print_with_button(recording, "achtje-ingevuld-3")
    one_sheet(sheets)
    boxes, links = boxes_and_links(3)
    assert count == 2 * (boxes + links)
    assert _answers_on(sheets, count) == []
    for name in NAMES[:3]:
        assert name in sheets[0].content
    assert_readable(sheets[0])
    assert_clean(sheets, A3_LANDSCAPE)


@pytest.mark.slow  # CI runs it (pytest -m slow); it prints several sheets
def test_a_fourth_partner_continues_on_a_second_sheet(recording: Page) -> None:
    """The next sheet starts with the third partner again, so the link from the third to the
    fourth is drawn between both; its answers are not printed twice."""
    count = fill_achtje(recording, 4)
    sheets = print_with_button(recording, "achtje-ingevuld-4")
    assert len(sheets) == 2
    first, second = sheets
    assert [name in first.content for name in NAMES] == [True, True, True, False]
    assert [name in second.content for name in NAMES] == [False, False, True, True]
    assert "Ingevuld op blad 1" in second.content
    assert _answers_on(sheets, count) == []
    text = " ".join(sheet.content for sheet in sheets)
    assert all(text.count(f"Antwoord {n}.") == 1 for n in range(1, count + 1))
    assert_clean(sheets, A3_LANDSCAPE)


@pytest.mark.slow  # CI runs it (pytest -m slow); it prints several sheets
def test_a_long_answer_is_cut_with_a_reference_and_printed_in_full(recording: Page) -> None:
    words = [f"woord{n}" for n in range(1, 300)] + ["SLOTWOORD"]
    fill_achtje(recording, 3)
    recording.locator("gk-parties textarea").first.fill(" ".join(words))
    settle(recording)
    sheets = print_with_button(recording, "achtje-ingevuld-lang")
    assert len(sheets) == 2, "the figure, and the appendix"
    figure, appendix = sheets
    assert "(zie 1)" in figure.content and "SLOTWOORD" not in figure.content
    assert appendix.content.startswith("Bijlage bij")
    assert f"1. {NAMES[0]}, {LEVELS[0]} · {BOX_QUESTIONS[0]} {' '.join(words)}" in appendix.content
    assert_readable(figure)
    assert_clean(sheets, A3_LANDSCAPE)


@pytest.mark.slow  # CI runs it (pytest -m slow); it loads two instruments and prints
def test_paper_follows_instant_navigation_from_another_instrument(recording: Page) -> None:
    """Material swaps the page in place: the 8-tje reached from the praatplaat prints its own
    figure, styled, and not the praatplaat's poster."""
    page = recording
    page.goto(definitions.instrument_url("praatplaat"))
    page.locator("gk-instrument textarea").first.click()  # the praatplaat's paper loads
    page.wait_for_function("() => document.querySelector('link[href$=\"paper.css\"]')?.sheet")
    page.evaluate("window.gkSameDocument = true")
    page.get_by_role("link", name=definitions.instrument("achtje").title, exact=True).first.click()
    page.wait_for_selector("gk-instrument[data-instrument=achtje][data-gk-ready]", state="attached")
    assert page.evaluate("window.gkSameDocument === true"), "instant navigation engaged"
    Parties(page).rename("Partner A", NAMES[0])
    sheets = print_with_button(page, "achtje-na-navigatie")
    one_sheet(sheets)
    assert NAMES[0] in sheets[0].content and "Urgentie" not in sheets[0].content
    boxes, _ = boxes_and_links(2)
    assert len(sheets[0].sizes_of(BOX_QUESTIONS[0])) == boxes
    assert_clean(sheets, A3_LANDSCAPE)


@pytest.mark.slow  # CI runs it (pytest -m slow); it loads the page twice and prints
def test_leeg_afdrukken_prints_a_blank_figure_for_as_many_partners(recording: Page) -> None:
    """A facilitator who set up three partners wants blank figures with three loops."""
    page = recording
    page.goto(definitions.instrument_url("achtje"))
    Parties(page).add()
    page.get_by_role("button", name="Leeg afdrukken", exact=True).click()
    page.wait_for_function("() => (window.gkPrinted || []).length > 0")
    (address,) = page.evaluate("window.gkPrinted")
    assert address.endswith("/tools/achtje/?afdruk=leeg&partners=3")
    page.goto(address)
    page.wait_for_selector("gk-instrument[data-gk-ready]", state="attached")
    target = PDF_DIR / "achtje-leeg-3.pdf"
    page.pdf(path=str(target), prefer_css_page_size=True)
    sheets = read(target)
    one_sheet(sheets)
    boxes, links = boxes_and_links(3)
    assert len(sheets[0].sizes_of(BOX_QUESTIONS[0])) == boxes
    assert len(sheets[0].sizes_of(LINK_QUESTIONS[0])) == links
    assert "Partner C" in sheets[0].content
    assert_clean(sheets, A3_LANDSCAPE)


def test_a_link_between_partners_that_are_not_neighbours_prints_on_a_sheet_of_its_own(
    recording: Page,
) -> None:
    """A link the group made between the first and the last partner would be missing on paper,
    answers and all."""
    fill_achtje(recording, 3)
    Parties(recording).link(NAMES[0], NAMES[2])
    extra = recording.locator("gk-parties [data-gk-links] > [data-gk-across] textarea")
    count: int = extra.evaluate_all(
        """(boxes) => boxes.slice(-6).map((box, index) => {
             box.value = `Verbinding ${index + 1}.`;
             box.dispatchEvent(new Event("input", { bubbles: true }));
           }).length"""
    )
    settle(recording)
    sheets = print_with_button(recording, "achtje-andere-verbinding")
    assert len(sheets) == 2
    figure, links = sheets
    assert "Andere verbindingen" in links.content
    assert f"{NAMES[0]} \N{EN DASH} {NAMES[2]}" in links.content
    assert all(f"Verbinding {n}." in links.content for n in range(1, count + 1))
    assert not any(f"Verbinding {n}." in figure.content for n in range(1, count + 1))
    for level in LEVELS:
        assert level in links.content
    assert_clean(sheets, A3_LANDSCAPE)
