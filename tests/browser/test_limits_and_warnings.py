"""What an attack on the answers found, held: caps on what a file may hold (also in the
comparison), a storage warning that stays until storage works, a remark on a file from a newer
instrument, and damaged answers that can still be taken home (DESIGN.md §4 "Nothing lost")."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

from playwright.sync_api import Page, expect

from . import answer_files
from .answer_files import storage_key
from .comparison import ComparisonView, payload
from .conftest import ConsoleLog
from .controls import (
    BrowserStorage,
    MenuMatrix,
    TextQuestion,
    answer_confirm,
    open_instrument,
)

REFLECTIE = "reflectietool"
AMBITIE = "Ambitie: Onderbouw en licht toe"
MENU = "Menukaart activiteiten samenwerking vmbo-mbo"
# Storage that is full until the test says otherwise (window.gkStorageFull = false).
FULL_UNTIL_FREED = """
window.gkStorageFull = true;
const setItem = Storage.prototype.setItem;
Storage.prototype.setItem = function (...args) {
  if (window.gkStorageFull) {
    throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
  }
  return setItem.apply(this, args);
};
"""
FULL_WARNING = "De opslag van deze browser is vol."


def test_full_storage_stays_in_view_after_an_import_and_a_wipe(
    page: Page, tmp_path: Path, console_log: ConsoleLog
) -> None:
    """With storage full, the next message ("Antwoorden geïmporteerd.") replaced the warning:
    closing the tab then lost the import without the user having been told."""
    page.add_init_script(FULL_UNTIL_FREED)
    toolbar = open_instrument(page, REFLECTIE)
    warning = page.get_by_role("alert").filter(has_text=FULL_WARNING)
    TextQuestion(page, AMBITIE).fill("Geen plek")
    expect(warning).to_be_visible()

    data = answer_files.answer_file(REFLECTIE, {"belangen.toelichting": "Uit het bestand"})
    toolbar.import_file(answer_files.write(tmp_path / "groot.json", data), replace=True)
    expect(toolbar.message("Antwoorden geïmporteerd.")).to_be_visible()
    expect(warning).to_be_visible()
    expect(toolbar.saved_line).to_have_text("Niet opgeslagen")

    page.once("dialog", lambda dialog: dialog.accept())
    toolbar.wipe_button.click()
    expect(toolbar.message("Alle antwoorden zijn gewist.")).to_be_visible()
    expect(warning).to_be_visible()

    page.evaluate("window.gkStorageFull = false")
    TextQuestion(page, AMBITIE).fill("Er is weer plek")
    expect(warning).to_be_hidden()
    expect(toolbar.message("werkt weer")).to_be_visible()
    stored = BrowserStorage(page).answer_file(REFLECTIE)
    assert stored["answers"] == {"ambitie.toelichting": "Er is weer plek"}, stored
    console_log.expect_no_errors()


def test_damaged_answers_set_aside_can_be_exported_on_a_later_visit(page: Page) -> None:
    """Answers set aside as damaged could not be reached from the page: they were as good as
    lost to anyone who cannot open the browser's developer tools."""
    damaged = '{"format": "gereedschapskist-antwoorden", "answers": {"ambitie.toelichting": "Mijn'
    BrowserStorage(page).seed({storage_key(REFLECTIE): damaged})
    toolbar = open_instrument(page, REFLECTIE)
    toolbar.expect_warning("beschadigd", "apart bewaard")
    page.reload()
    button = page.get_by_role("button", name="Apart bewaarde antwoorden exporteren", exact=True)
    expect(button).to_be_visible()
    with page.expect_download() as download_info:
        button.click()
    download = download_info.value
    assert download.suggested_filename.startswith("reflectietool-apart-bewaard-")
    assert download.suggested_filename.endswith(".txt")
    text = Path(download.path()).read_text(encoding="utf-8")
    assert damaged in text, text

    # Once taken home they can go, after a question; then the page no longer offers them.
    remove = page.get_by_role("button", name="Apart bewaarde antwoorden verwijderen", exact=True)

    def remove_and_wait() -> None:
        # The code that asks arrives after the click: the question comes a moment later.
        remove.click()
        expect(button).to_have_count(0)

    questions = answer_confirm(page, accept=True, action=remove_and_wait)
    assert questions and "verwijderen" in questions[0], questions
    assert not [key for key in BrowserStorage(page).items() if ":beschadigd:" in key]
    page.reload()
    expect(button).to_have_count(0)


def test_an_added_partners_answer_holds_what_a_file_may_and_comes_back(page: Page) -> None:
    """More than 100,000 characters pasted into the box of a partner added later (made from a
    template) were saved, and never read back: on the next visit all answers were set aside as
    damaged."""
    open_instrument(page, "achtje")
    page.get_by_role("button", name="Partner toevoegen", exact=True).click()
    box = TextQuestion(page, "Partner C, Bestuurlijk: Wie is/zijn dit?")
    box.fill("a" * 100_001)
    expect(box.box).to_have_value(re.compile(r"^a{100000}$"))
    page.reload()
    expect(box.box).to_have_value(re.compile(r"^a{100000}$"))
    expect(page.get_by_text("beschadigd")).to_be_hidden()


def test_nothing_set_aside_offers_no_export(page: Page) -> None:
    """A button for damaged answers on every page would alarm users who have none."""
    open_instrument(page, REFLECTIE)
    expect(page.get_by_role("button", name="Apart bewaarde antwoorden exporteren")).to_have_count(0)
    expect(page.get_by_text("beschadigde antwoorden")).to_be_hidden()


def test_a_file_from_a_newer_instrument_is_imported_with_a_remark(
    page: Page, tmp_path: Path
) -> None:
    """A file made with a newer version of the instrument imported without a word, though some
    of its answers have no place on this page."""
    toolbar = open_instrument(page, REFLECTIE)
    data = answer_files.answer_file(REFLECTIE, {"ambitie.toelichting": "Van later"})
    data["instrument"]["version"] = 7
    toolbar.import_file(answer_files.write(tmp_path / "nieuw.json", data))
    expect(toolbar.message("nieuwere versie van dit instrument (versie 7")).to_be_visible()
    TextQuestion(page, AMBITIE).expect_value("Van later")


def test_a_matrix_file_with_a_thousand_own_activities_is_refused_at_once(
    page: Page, tmp_path: Path
) -> None:
    """A 57 KB matrix file with 1000 own columns froze the tab for 38 s, and on every later
    visit, as it was then stored."""
    toolbar = open_instrument(page, "matrix")
    answers = {f"activiteiten.eigen-{n}.naam": f"Activiteit {n}" for n in range(1000)}
    path = answer_files.write(tmp_path / "matrix.json", answer_files.answer_file("matrix", answers))
    started = time.monotonic()
    toolbar.import_file(path)
    toolbar.expect_refused("meer dan 20 eigen activiteiten of partners")
    assert time.monotonic() - started < 5, "the refusal took as long as laying the file out"
    assert BrowserStorage(page).answer_file("matrix") is None


def test_a_stored_matrix_with_too_many_own_activities_is_set_aside(page: Page) -> None:
    """Such a file stored by an older version of the site froze the tab on every visit."""
    answers = {f"activiteiten.eigen-{n}.naam": f"Activiteit {n}" for n in range(1000)}
    stored = json.dumps(answer_files.answer_file("matrix", answers))
    BrowserStorage(page).seed({storage_key("matrix"): stored})
    toolbar = open_instrument(page, "matrix")
    toolbar.expect_warning("beschadigd", "apart bewaard")
    expect(MenuMatrix(page, MENU).add_button).to_be_visible()


def test_own_activities_stop_at_twenty_and_the_page_says_why(page: Page) -> None:
    """Own activities past what an answer file may hold would be saved but never come back."""
    open_instrument(page, "matrix")
    menu = MenuMatrix(page, MENU)
    for _ in range(20):
        menu.add_own()
    note = page.get_by_text('Je hebt het maximum van 20 bereikt voor "Eigen activiteit".')
    expect(note).to_be_visible()
    assert note.bounding_box() is not None and note.bounding_box()["height"] > 10, "note not seen"
    expect(menu.add_button).to_be_hidden()
    stored = BrowserStorage(page).answer_file("matrix")["answers"]
    names = [key for key in stored if key.endswith(".naam")]
    assert len(names) == 20, names

    menu.remove_own("Eigen activiteit 20", accept=True)
    expect(menu.add_button).to_be_visible()
    expect(note).to_be_hidden()


def test_a_comparison_refuses_a_file_nested_too_deep_and_still_exports(page: Page) -> None:
    """One opened file with an extra key nested 20 000 deep was accepted, and then "Vergelijking
    exporteren" failed without a download or a word."""
    view = ComparisonView(page)
    view.goto(REFLECTIE)
    good = answer_files.answer_file(REFLECTIE, {"ambitie.uitgesproken": 4}, {"naam": "Anna"})
    deep = payload("diep.json", good)
    text = deep["buffer"].decode("utf-8").rstrip()[:-1]
    deep["buffer"] = (text + ', "extra": ' + "[" * 20_000 + "]" * 20_000 + "}").encode("utf-8")
    view.open([payload("anna.json", good), deep])
    assert any("te diep genest" in refusal for refusal in view.refusal_texts())
    with page.expect_download() as download_info:
        view.export_button.click()
    exported = json.loads(Path(download_info.value.path()).read_text(encoding="utf-8"))
    assert [r["name"] for r in exported["respondents"]] == ["Anna"]
