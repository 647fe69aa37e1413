"""Every file in tests/data/bad-answers/ (and two too big to keep there) is refused with a plain
Dutch message, and changes and runs nothing (DESIGN.md §4, "Bad input gets a clear error").

The cases share one page of the reflectietool, with the user's own answers typed once and
reloaded before each case, so the corpus can grow without slowing the suite much."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from . import answer_files, definitions
from .answer_files import BAD_DIR
from .conftest import ConsoleLog, RequestLog, _goto_when_ready
from .controls import AnswerToolbar, BrowserStorage, executed_markup
from .own_answers import REFLECTIE, expect_own_answers, fill_own_answers
from .served_site import SiteServer


@dataclass
class SharedPage:
    """One page for every case, with its own request and error logs."""

    page: Page
    requests: RequestLog
    console: ConsoleLog

    def start_case(self) -> AnswerToolbar:
        """Reload: the user's answers come back, and no message of an earlier case is left."""
        self.console.errors.clear()
        self.page.reload()
        toolbar = AnswerToolbar(self.page)
        toolbar.expect_restored()
        expect_own_answers(self.page)
        toolbar.expect_no_warning()
        return toolbar


@pytest.fixture(scope="module")
def shared_page(
    browser: Browser, browser_context_args: dict[str, Any], site: SiteServer
) -> Iterator[SharedPage]:
    """The reflectietool with the user's own answers, saved in this browser."""
    context = browser.new_context(**browser_context_args)
    requests = RequestLog(site)
    context.on("request", requests.record)
    page = _goto_when_ready(context.new_page())
    console = ConsoleLog()
    page.on("console", console.on_console)
    page.on("pageerror", console.on_page_error)
    page.goto(definitions.instrument_url(REFLECTIE))
    fill_own_answers(page)
    yield SharedPage(page, requests, console)
    context.close()


@pytest.fixture
def request_log(shared_page: SharedPage) -> Iterator[RequestLog]:
    """The guard against requests to other hosts, on the shared page (replaces conftest's)."""
    yield shared_page.requests
    shared_page.requests.expect_no_foreign_requests()


def huge_file(path: Path) -> None:
    """A well-formed answer file of more than 1 MB."""
    answers = {f"ambitie.vraag-{n}": "x" * 1000 for n in range(1100)}
    answer_files.write(path, answer_files.answer_file(REFLECTIE, answers))


def long_answer(path: Path) -> None:
    """An answer of more than 100 000 characters, in a file well under 1 MB."""
    answers = {"ambitie.toelichting": "lang " * 20_001}
    answer_files.write(path, answer_files.answer_file(REFLECTIE, answers))


def too_many_answers(path: Path) -> None:
    """More answers than any instrument has questions (2000), in a file well under 1 MB."""
    answers = {f"ambitie.vraag-{n}": "x" for n in range(2001)}
    answer_files.write(path, answer_files.answer_file(REFLECTIE, answers))


def too_many_own_parts(path: Path) -> None:
    """1000 own columns in one part (57 KB): laying them out froze the tab for 38 s."""
    answers = {f"ambitie.eigen-{n}.naam": f"Kolom {n}" for n in range(1000)}
    answer_files.write(path, answer_files.answer_file(REFLECTIE, answers))


def deep_extra_key(path: Path) -> None:
    """An extra key nested 20 000 deep: accepted, it made the comparison's export fail."""
    data = answer_files.answer_file(REFLECTIE, {"ambitie.toelichting": "tekst"})
    text = json.dumps(data)[:-1] + ', "extra": ' + "[" * 20_000 + "]" * 20_000 + "}"
    path.write_text(text, encoding="utf-8")


GENERATED: dict[str, tuple[Callable[[Path], None], str]] = {
    "huge-file.json": (huge_file, "te groot"),
    "long-answer.json": (long_answer, 'Het antwoord bij "ambitie.toelichting" is te lang'),
    "too-many-answers.json": (too_many_answers, "meer dan 2000 antwoorden"),
    "too-many-own-parts.json": (too_many_own_parts, "meer dan 20 eigen activiteiten of partners"),
    "deep-extra-key.json": (deep_extra_key, "te diep genest"),
}


# One file for each step that reads a file (size, bytes, JSON, depth, the answer file's check)
# and each kind of attack (markup, odd keys, a freezing load): opened through Importeren in
# every run. The whole corpus is read by the client's own code in the Node tests
# (tests/client/bad-answer-files.test.js); through the page, in `make check` (-m slow).
EVERY_RUN = {
    "huge-file.json",
    "binary-png.json",
    "not-json.json",
    "deep-nesting.json",
    "format-wrong.json",
    "version-future.json",
    "instrument-other.json",
    "long-answer.json",
    "answer-script-in-bad-file.json",
    "key-html.json",
    "key-proto-object.json",
    "too-many-own-parts.json",
}
CASES = [
    name if name in EVERY_RUN else pytest.param(name, marks=pytest.mark.slow)
    for name in answer_files.bad_files() + list(GENERATED)
]


@pytest.mark.parametrize("name", CASES)
def test_bad_answer_file_is_refused_and_changes_nothing(
    shared_page: SharedPage, request_log: RequestLog, tmp_path: Path, name: str
) -> None:
    """A malformed or hostile answer file would change a user's answers, run code, or leave
    them without a plain Dutch explanation."""
    fragment: str | None
    if name in GENERATED:
        write, fragment = GENERATED[name]
        path = tmp_path / name
        write(path)
    else:
        path = BAD_DIR / name
        fragment = answer_files.bad_messages().get(name)
    page = shared_page.page
    toolbar = shared_page.start_case()
    storage = BrowserStorage(page)
    before = storage.items()

    toolbar.import_file(path)
    toolbar.expect_refused(fragment)
    expect(toolbar.warning).to_contain_text("Je antwoorden zijn niet veranderd.")
    expect_own_answers(page)
    assert storage.items() == before, "a refused file changed the stored answers"
    expect(toolbar.undo_button).to_be_hidden()
    assert executed_markup(page) is None, "markup in the file ran"
    assert not [url for url in request_log.urls if url.endswith("/x")], "markup in the file loaded"
    shared_page.console.expect_no_errors()


def test_every_file_run_every_time_exists() -> None:
    """A renamed corpus file would silently leave its step untested in the quick suite."""
    assert EVERY_RUN <= set(answer_files.bad_files()) | set(GENERATED)


def test_every_expected_message_belongs_to_a_bad_file() -> None:
    """A renamed or removed bad file would leave its expected message silently unchecked."""
    stale = set(answer_files.bad_messages()) - set(answer_files.bad_files())
    assert not stale, f"messages.json names files that are not in {BAD_DIR}: {sorted(stale)}"
