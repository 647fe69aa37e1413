"""The agreements list (a part: generator/parts/actions/) that ends every instrument: rows added
and removed (with Ongedaan maken), kept by their own ids through a reload, an export and an
import; by keyboard alone; an empty table on the blank print and every row on a filled one; and
everyone's rows under each other in the comparison view."""

from __future__ import annotations

import json
import re
from pathlib import Path

from playwright.sync_api import Locator, Page, expect

from .answer_files import answer_file, write
from .comparison import ComparisonView, payload
from .controls import AnswerToolbar, BrowserStorage, open_instrument, settle
from .test_accessibility import expect_no_axe_violations

TOOL = "praatplaat"
LIST = "afspraken.afspraken"  # the rows in order; a cell is LIST.<row>.<column>
COLUMNS = ["Wat spreken we af?", "Wie doet het?", "Wanneer?"]
ROW_ID = re.compile(r"^(eerste|rij-[a-z0-9]{6})$")


class Agreements:
    """The section Afspraken as its users meet it: numbered rows whose fields are named by
    their row ("Afspraak 2: Wie doet het?"), a button per row to remove it, and one to add."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.add_button = page.get_by_role("button", name="Afspraak toevoegen", exact=True)
        self.list = page.get_by_role("group", name="Welke afspraken maken we met elkaar?")

    def cell(self, row: int, column: str) -> Locator:
        return self.page.get_by_label(f"Afspraak {row}: {column}", exact=True)

    def remove_button(self, row: int) -> Locator:
        return self.page.get_by_role("button", name=f"Afspraak {row} verwijderen", exact=True)

    def rows(self) -> Locator:
        return self.list.get_by_role("listitem")

    def fill(self, row: int, *values: str) -> None:
        for column, value in zip(COLUMNS, values, strict=False):
            self.cell(row, column).fill(value)

    def expect_rows(self, *rows: tuple[str, ...]) -> None:
        """Exactly these rows, in this order, each with these values in its columns."""
        expect(self.rows()).to_have_count(len(rows))
        for number, values in enumerate(rows, start=1):
            for column, value in zip(COLUMNS, values, strict=True):
                expect(self.cell(number, column)).to_have_value(value)


def stored(page: Page) -> dict[str, object]:
    data = BrowserStorage(page).answer_file(TOOL)
    answers: dict[str, object] = data["answers"] if data else {}
    return answers


def wait_saved(page: Page, text: str) -> None:
    page.wait_for_function(
        "([key, text]) => (localStorage.getItem(key) || '').includes(text)",
        arg=[f"gereedschapskist:antwoorden:{TOOL}", text],
    )


def test_rows_are_added_and_kept_by_their_own_ids_after_a_reload(page: Page) -> None:
    """An agreement would be lost on a reload, or kept under its position, so that removing one
    row would hand its answers to the next."""
    open_instrument(page, TOOL)
    agreements = Agreements(page)
    agreements.expect_rows(("", "", ""))  # a blank form has one row to write in
    agreements.fill(1, "Open dag samen", "Anna", "maart")
    agreements.add_button.click()
    expect(agreements.cell(2, COLUMNS[0]), "the cursor goes to the new row").to_be_focused()
    page.keyboard.type("Stages afstemmen")
    agreements.cell(2, COLUMNS[1]).fill("Cas")
    wait_saved(page, "Cas")
    answers = stored(page)
    rows = answers[LIST]
    assert isinstance(rows, list) and len(rows) == 2 and rows[0] == "eerste"
    assert all(ROW_ID.match(row) for row in rows), rows
    assert answers[f"{LIST}.{rows[1]}.wat"] == "Stages afstemmen"
    page.reload()
    AnswerToolbar(page).expect_restored()
    agreements.expect_rows(("Open dag samen", "Anna", "maart"), ("Stages afstemmen", "Cas", ""))


def test_a_removed_row_goes_with_its_answers_and_comes_back_with_ongedaan_maken(
    page: Page,
) -> None:
    """Removing an agreement must take its answers only, renumber the rest, and be undoable:
    a slip of the finger in a workshop may not cost what was agreed."""
    open_instrument(page, TOOL)
    agreements = Agreements(page)
    agreements.fill(1, "Een")
    for number, text in [(2, "Twee"), (3, "Drie")]:
        agreements.add_button.click()
        agreements.fill(number, text, f"wie {number}")
    wait_saved(page, "wie 3")
    removed_id = stored(page)[LIST][1]  # type: ignore[index]
    agreements.remove_button(2).click()
    agreements.expect_rows(("Een", "", ""), ("Drie", "wie 3", ""))
    expect_no_axe_violations(page)  # several rows, and the notice with Ongedaan maken
    expect(agreements.add_button, "the focus stays near the list").to_be_focused()
    expect(page.get_by_role("status").filter(has_text="Afspraak 2 is verwijderd.")).to_be_visible()
    settle(page)
    answers = stored(page)
    assert removed_id not in answers[LIST]  # type: ignore[operator]
    assert not [key for key in answers if removed_id in key], "its answers went with it"
    page.get_by_role("button", name="Ongedaan maken").first.click()
    agreements.expect_rows(("Een", "", ""), ("Twee", "wie 2", ""), ("Drie", "wie 3", ""))
    expect(
        agreements.cell(2, COLUMNS[0]), "the cursor is in the row that came back"
    ).to_be_focused()
    wait_saved(page, "Twee")
    assert stored(page)[LIST][1] == removed_id  # type: ignore[index]


def test_the_list_works_by_keyboard_alone(page: Page) -> None:
    """Without a mouse: reach the add button by Tab, add a row with Enter, type in it, and
    remove a row with its button."""
    open_instrument(page, TOOL)
    agreements = Agreements(page)
    agreements.cell(1, COLUMNS[2]).focus()
    # Its buttons come with its code, which loads as the list comes into view.
    expect(agreements.add_button).to_be_visible()
    page.keyboard.press("Tab")
    expect(agreements.remove_button(1)).to_be_focused()
    page.keyboard.press("Tab")
    expect(agreements.add_button).to_be_focused()
    page.keyboard.press("Enter")
    expect(agreements.cell(2, COLUMNS[0])).to_be_focused()
    page.keyboard.type("Met het toetsenbord")
    page.keyboard.press("Tab")
    page.keyboard.type("Dirk")
    expect(agreements.cell(2, COLUMNS[1])).to_have_value("Dirk")
    agreements.remove_button(1).focus()
    page.keyboard.press("Space")
    agreements.expect_rows(("Met het toetsenbord", "Dirk", ""))


def test_rows_travel_in_an_answer_file_in_their_order(page: Page, tmp_path: Path) -> None:
    """An exported file must bring every agreement back in its order, on another computer."""
    toolbar = open_instrument(page, TOOL)
    agreements = Agreements(page)
    agreements.fill(1, "Eerste afspraak", "Anna")
    agreements.add_button.click()
    agreements.fill(2, "Tweede afspraak", "Bram", "juni")
    exported = toolbar.export()
    answers = exported.data["answers"]
    assert answers[LIST][0] == "eerste" and len(answers[LIST]) == 2
    toolbar.wipe(accept=True)
    agreements.expect_rows(("", "", ""))
    file = tmp_path / exported.name
    file.write_text(exported.text, encoding="utf-8")
    toolbar.import_file(file)
    agreements.expect_rows(("Eerste afspraak", "Anna", ""), ("Tweede afspraak", "Bram", "juni"))


def test_without_a_connection_the_list_says_so_and_keeps_its_rows(page: Page) -> None:
    """The list's code comes as the list nears the view: with the connection gone by then, the
    page must say so (once, not in a loop of retries) and keep the rows it had stored."""
    page.route("**/actions.js", lambda route: route.abort("internetdisconnected"))
    answers = {
        LIST: ["eerste", "rij-abc123"],
        f"{LIST}.eerste.wat": "Open dag samen",
        f"{LIST}.rij-abc123.wat": "Stages afstemmen",
    }
    stored = answer_file(TOOL, answers)
    BrowserStorage(page).seed({f"gereedschapskist:antwoorden:{TOOL}": json.dumps(stored)})
    toolbar = open_instrument(page, TOOL)  # the stored rows send for the list's code at once
    toolbar.expect_warning("Een deel van dit formulier kon niet worden geladen")
    agreements = Agreements(page)
    agreements.cell(1, COLUMNS[0]).scroll_into_view_if_needed()
    expect(agreements.cell(1, COLUMNS[0])).to_have_value("Open dag samen")
    expect(agreements.add_button).to_be_hidden()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.wait_for_timeout(500)
    assert not [url for url in requests if url.endswith("actions.js")], "no loop of retries"
    exported = toolbar.export().data["answers"]
    assert exported[LIST] == ["eerste", "rij-abc123"], "the rows are kept"
    assert exported[f"{LIST}.rij-abc123.wat"] == "Stages afstemmen"


def test_a_file_lists_the_rows_and_their_order(page: Page, tmp_path: Path) -> None:
    """A file made elsewhere (or by a later version) with rows in another order, and at the
    most rows the list holds: shown as it says, and the list takes no more."""
    rows = [f"rij-{n:06d}" for n in range(30)]
    answers: dict[str, object] = {LIST: list(reversed(rows))}
    answers.update({f"{LIST}.{row}.wat": f"Afspraak {row[-2:]}" for row in rows})
    toolbar = open_instrument(page, TOOL)
    toolbar.import_file(write(tmp_path / "vol.json", answer_file(TOOL, answers)))
    agreements = Agreements(page)
    expect(agreements.rows()).to_have_count(30)
    expect(agreements.cell(1, COLUMNS[0])).to_have_value("Afspraak 29")
    expect(agreements.add_button, "no row beyond the most").to_be_hidden()
    expect(page.get_by_text("Dit is het maximum van 30 rijen.")).to_be_visible()
    agreements.remove_button(30).click()
    expect(agreements.add_button).to_be_visible()


def test_paper_blank_is_an_empty_table_and_filled_shows_every_row(page: Page) -> None:
    """On paper an agreements list must leave room to write several agreements, and a filled
    one must print every row, without the buttons. (In a form that prints as it is: the
    reflectietool. A poster, 8-tje or matrix prints its agreements on its own paper, in a band
    under the figure: test_paper*.py.)"""
    open_instrument(page, "reflectietool")
    agreements = Agreements(page)
    agreements.fill(1, "Open dag samen", "Anna")
    agreements.add_button.click()
    agreements.fill(2, "Stages afstemmen", "Cas", "mei")
    page.emulate_media(media="print")
    copies = agreements.list.locator(".gk-print-text")
    expect(copies.filter(has_text="Stages afstemmen")).to_be_visible()
    expect(copies.filter(has_text="Cas")).to_be_visible()
    expect(agreements.list.get_by_role("button")).to_have_count(0)  # not on paper
    expect(agreements.list.get_by_role("table")).to_be_hidden()
    page.goto(page.url + "?afdruk=leeg")
    page.wait_for_selector("gk-instrument[data-gk-ready]", state="attached")
    table = agreements.list.get_by_role("table")
    expect(table).to_be_visible()
    for column in COLUMNS:
        expect(table.get_by_role("columnheader", name=column)).to_be_visible()
    expect(table.locator("tbody tr")).to_have_count(6)
    expect(agreements.cell(1, COLUMNS[0])).to_be_hidden()
    height = table.locator("tbody tr").first.bounding_box()
    assert height and height["height"] >= 30, "room to write by hand"


def test_the_comparison_shows_everyones_agreements_with_whose_they_are(page: Page) -> None:
    """After a session, the facilitator sees all agreements at once, and who made each."""
    anna = answer_file(
        TOOL,
        {
            LIST: ["eerste", "rij-bbb222"],
            f"{LIST}.eerste.wat": "Open dag samen",
            f"{LIST}.eerste.wanneer": "maart",
            f"{LIST}.rij-bbb222.wat": "Stages afstemmen",
            f"{LIST}.rij-bbb222.wie": "Jan",
        },
        {"naam": "Anna"},
    )
    bram = answer_file(
        TOOL, {LIST: ["eerste"], f"{LIST}.eerste.wat": "Gastlessen"}, {"naam": "Bram"}
    )
    view = ComparisonView(page)
    view.goto(TOOL)
    view.open([payload("anna.json", anna), payload("bram.json", bram)])
    table = page.get_by_role("table", name="Welke afspraken maken we met elkaar?")
    expect(table.get_by_role("row")).to_have_count(4)
    expect(table.get_by_role("row").nth(0)).to_have_text(
        re.compile("Deelnemer.*Wat spreken we af\\?.*Wie doet het\\?.*Wanneer\\?")
    )
    expect(table.get_by_role("row").nth(1)).to_have_text(
        re.compile("Anna.*Open dag samen.*\N{EN DASH}.*maart")
    )
    expect(table.get_by_role("row").nth(2)).to_have_text(re.compile("Anna.*Stages afstemmen.*Jan"))
    expect(table.get_by_role("row").nth(3)).to_have_text(re.compile("Bram.*Gastlessen"))
    # Nothing of these files is taken for an answer of another version.
    expect(page.get_by_text("niet bij deze versie")).to_have_count(0)
    expect_no_axe_violations(page)
