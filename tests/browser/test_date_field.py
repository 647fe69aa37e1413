"""The date field (a part: generator/parts/date/), on the test definition that has every field
type, served in a plain shell: picked, saved and restored as yyyy-mm-dd, on paper as dd-mm-jjjj
(or a line saying how to write it), kept when a file holds something that is no date, and shown
side by side in the comparison view."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from generator.definition.load import load_instrument

from .answer_files import storage_key
from .conftest import COMPONENTS_READY
from .served_site import PROJECT_DIR
from .shell_site import ShellSite, shell_site

DEFINITION = PROJECT_DIR / "tests" / "definitions" / "valid" / "alle-veldtypen.yml"
INSTRUMENT = load_instrument(DEFINITION)
LABEL = "Wanneer starten we?"
KEY = "uitvoerend.start"


@pytest.fixture(scope="module")
def shell() -> Iterator[ShellSite]:
    with shell_site() as site:
        site.publish(INSTRUMENT)
        yield site


@pytest.fixture
def shell_page(browser: Browser, shell: ShellSite) -> Iterator[Page]:
    """A fresh browser (nothing stored) on the shell's instrument page, with the nl-NL locale
    a Dutch visitor has, failing on any error in the page."""
    context: BrowserContext = browser.new_context(locale="nl-NL")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(error.message))
    page.goto(shell.server.url(f"/tools/{INSTRUMENT.id}/"))
    page.wait_for_function(COMPONENTS_READY)
    page.wait_for_selector("gk-instrument[data-gk-ready]", state="attached")
    yield page
    context.close()
    assert not errors, errors


def stored(page: Page) -> dict[str, Any]:
    text = page.evaluate("(key) => localStorage.getItem(key)", storage_key(INSTRUMENT.id))
    answers: dict[str, Any] = json.loads(text)["answers"] if text else {}
    return answers


def test_a_date_picked_is_saved_as_yyyy_mm_dd_and_comes_back(shell_page: Page) -> None:
    """A date would be lost on a reload, or saved in a form the answer file does not define."""
    date = shell_page.get_by_label(LABEL, exact=True)
    date.fill("2027-03-15")
    expect(date).to_have_value("2027-03-15")
    shell_page.wait_for_function(
        "(key) => (localStorage.getItem(key) || '').includes('2027-03-15')",
        arg=storage_key(INSTRUMENT.id),
    )
    assert stored(shell_page)[KEY] == "2027-03-15"
    shell_page.reload()
    shell_page.wait_for_selector("gk-instrument[data-gk-ready]", state="attached")
    expect(shell_page.get_by_label(LABEL, exact=True)).to_have_value("2027-03-15")


def test_a_date_is_typed_by_keyboard_alone(shell_page: Page) -> None:
    """Someone without a mouse must reach the field by Tab and type the date."""
    before = shell_page.get_by_label("Welke afspraken maken we?", exact=True)
    before.focus()
    shell_page.keyboard.press("Tab")
    date = shell_page.get_by_label(LABEL, exact=True)
    expect(date).to_be_focused()
    # Day and month in the browser's own order (its language, not the page's): 1 and 2.
    shell_page.keyboard.type("01022027")
    expect(date).to_have_value(re.compile(r"^2027-(01-02|02-01)$"))
    shell_page.wait_for_function(
        "(key) => (localStorage.getItem(key) || '').includes('2027-0')",
        arg=storage_key(INSTRUMENT.id),
    )


def test_on_paper_a_date_reads_dd_mm_jjjj_and_an_empty_one_says_how_to_write_it(
    shell_page: Page,
) -> None:
    """A printed date in the computer's order (2027-03-15), or an empty date box with no hint
    of the order, is misread on paper."""
    shell_page.emulate_media(media="print")
    copy = shell_page.locator(".gk-field--date .gk-print-text")
    expect(copy).to_be_visible()
    hint = copy.evaluate("(element) => getComputedStyle(element, '::after').content")
    assert hint == '"dd-mm-jjjj"'
    shell_page.emulate_media(media="screen")
    shell_page.get_by_label(LABEL, exact=True).fill("2027-03-15")
    shell_page.emulate_media(media="print")
    expect(copy).to_have_text("15-03-2027")
    hint = copy.evaluate("(element) => getComputedStyle(element, '::after').content")
    assert hint in {"none", "normal"}


def test_an_answer_that_is_no_date_is_kept_not_dropped(shell_page: Page, tmp_path: Path) -> None:
    """A file from elsewhere holding "15 maart" where a date goes: the field cannot show it, but
    dropping it on the next save would lose what the user wrote."""
    data = {
        "format": "gereedschapskist-antwoorden",
        "version": 1,
        "instrument": {"id": INSTRUMENT.id, "version": INSTRUMENT.version},
        "respondent": {},
        "saved": "2026-12-05T10:00:00Z",
        "answers": {KEY: "15 maart", "uitvoerend.afspraken": "Samen beginnen"},
    }
    file = tmp_path / "antwoorden.json"
    file.write_text(json.dumps(data), encoding="utf-8")
    with shell_page.expect_file_chooser() as chooser:
        shell_page.get_by_role("button", name="Importeren", exact=True).click()
    chooser.value.set_files(str(file))
    expect(shell_page.get_by_label("Welke afspraken maken we?", exact=True)).to_have_value(
        "Samen beginnen"
    )
    expect(shell_page.get_by_label(LABEL, exact=True)).to_have_value("")
    shell_page.get_by_label("Wie is/zijn dit?").first.fill("Iemand")  # a later save
    shell_page.wait_for_function(
        "(key) => (localStorage.getItem(key) || '').includes('Iemand')",
        arg=storage_key(INSTRUMENT.id),
    )
    assert stored(shell_page)[KEY] == "15 maart"


def test_the_comparison_shows_everyone_s_date_side_by_side(
    browser: Browser, shell: ShellSite
) -> None:
    """The facilitator must see when each participant wants to start, in the page's order."""
    context = browser.new_context(locale="nl-NL")
    page = context.new_page()
    page.goto(shell.server.url(f"/tools/{INSTRUMENT.id}/vergelijken/"))
    files = []
    for name, date in [("Anna", "2027-03-15"), ("Bram", "2027-09-01")]:
        data = {
            "format": "gereedschapskist-antwoorden",
            "version": 1,
            "instrument": {"id": INSTRUMENT.id, "version": INSTRUMENT.version},
            "respondent": {"naam": name},
            "saved": "2026-12-05T10:00:00Z",
            "answers": {KEY: date},
        }
        files.append(
            {
                "name": f"{name}.json",
                "mimeType": "application/json",
                "buffer": json.dumps(data).encode(),
            }
        )
    with page.expect_file_chooser() as chooser:
        page.get_by_role("button", name="Antwoordbestanden openen", exact=True).click()
    chooser.value.set_files(files)
    question = page.get_by_role("group", name=LABEL, exact=True)
    expect(question).to_contain_text("Anna")
    expect(question.locator("dd")).to_have_text(["15-03-2027", "01-09-2027"])
    context.close()
