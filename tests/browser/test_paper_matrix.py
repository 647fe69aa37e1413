"""The matrix on paper: a true table, its questions as rows and the activities as columns, every
row level across the columns, read back from its PDFs (see paper_geometry.py)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from generator.pages.addresses import pdf_name
from generator.parts.menu import MenuRepeat

from . import definitions
from .controls import MenuMatrix, settle
from .paper import (
    A3_LANDSCAPE,
    assert_clean,
    assert_readable,
    one_sheet,
    print_with_button,
    ready_pdf,
)
from .paper_geometry import Sheet
from .served_site import SiteServer

OWN = "Eigen activiteit"


def menu() -> MenuRepeat:
    (section,) = [s for s in definitions.instrument("matrix").sections if s.repeat]
    assert isinstance(section.repeat, MenuRepeat)
    return section.repeat


def row_questions() -> list[str]:
    (section,) = [s for s in definitions.instrument("matrix").sections if s.repeat]
    return [field.label for field in section.fields]


def tops_of(sheet: Sheet, texts: list[str]) -> list[float]:
    """Where each text starts on the sheet, from the top (each must be there once)."""
    tops = []
    for text in texts:
        found = [w for i, w in enumerate(sheet.words) if sheet.text_from(i).startswith(text)]
        assert len(found) == 1, f"{text!r} on the sheet once"
        tops.append(found[0].top)
    return tops


def test_blank_matrix_is_a_table_of_the_whole_menu_and_an_own_column(site: SiteServer) -> None:
    sheets = ready_pdf(site, "matrix", pdf_name(definitions.instrument("matrix")))
    sheet = one_sheet(sheets)
    headings = [option.label for option in menu().options] + [OWN]
    # The column headings side by side: all start on the same line.
    assert len(set(round(top) for top in tops_of(sheet, headings))) == 1
    # The questions one under the other, once each (row labels, not a card per activity).
    tops = tops_of(sheet, row_questions())
    assert tops == sorted(tops)
    assert_readable(sheet)
    assert_clean(sheets, A3_LANDSCAPE)


def fill_matrix(page: Page, chosen: int, own: list[str]) -> list[str]:
    """Choose the first `chosen` activities and add own ones, answer every cell with its row and
    column ("R2K3."); returns the column names in order."""
    page.goto(definitions.instrument_url("matrix"))
    matrix = MenuMatrix(page, menu().title)
    names = [option.label for option in menu().options[:chosen]]
    for name in names:
        matrix.choose(name)
    for number, name in enumerate(own, start=1):
        matrix.add_button.click()
        matrix.own_name(number).fill(name)
    names += own
    for column, name in enumerate(names, start=1):
        for row, question in enumerate(row_questions(), start=1):
            page.get_by_role("textbox", name=f"{name}: {question}", exact=True).fill(
                f"R{row}K{column}."
            )
    settle(page)
    return names


def test_filled_matrix_rows_line_up_across_the_chosen_and_own_columns(recording: Page) -> None:
    names = fill_matrix(recording, 2, ["Techniekweek"])
    sheets = print_with_button(recording, "matrix-ingevuld")
    sheet = one_sheet(sheets)
    assert len(set(round(top) for top in tops_of(sheet, names))) == 1, "the headings in a row"
    for row in range(1, len(row_questions()) + 1):
        tops = tops_of(sheet, [f"R{row}K{column}." for column in range(1, len(names) + 1)])
        assert max(tops) - min(tops) < 1, f"row {row} lines up"
    assert_readable(sheet)
    assert_clean(sheets, A3_LANDSCAPE)


@pytest.mark.slow  # CI runs it (pytest -m slow); it prints several sheets
def test_more_columns_than_fit_continue_with_the_row_labels_repeated(recording: Page) -> None:
    names = fill_matrix(recording, 6, ["Techniekweek", "Open dag"])
    sheets = print_with_button(recording, "matrix-ingevuld-breed")
    assert len(sheets) == 2
    first, second = sheets
    assert [name in first.content for name in names] == [True] * 7 + [False]
    assert "Open dag" in second.content
    for question in row_questions():
        assert question in first.content and question in second.content
    text = " ".join(sheet.content for sheet in sheets)
    assert all(f"R5K{column}." in text for column in range(1, 9))
    assert_clean(sheets, A3_LANDSCAPE)
