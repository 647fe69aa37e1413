"""Property-based: any definition the models accept renders to a page that loads, fills in and
saves without an error in the browser."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from playwright.sync_api import Browser, ConsoleMessage, Error
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from generator.definition.load import DefinitionError, load_instrument

from .answer_files import storage_key
from .conftest import COMPONENTS_READY
from .served_site import PROJECT_DIR
from .shell_site import ShellSite, shell_site

# The unit tests' strategy (their folder is not a package: its modules import each other by name).
sys.path.insert(0, str(PROJECT_DIR / "tests" / "unit"))
from definition_mutations import mutated


@pytest.fixture(scope="module")
def shell() -> Iterator[ShellSite]:
    """A folder with our assets, served; each example writes its page into it."""
    with shell_site() as site:
        yield site


@pytest.mark.slow  # 20 whole pages in Chromium: make check
@settings(
    max_examples=20,
    deadline=None,
    # Most mutations are refused (the other test's concern); only accepted ones are tried here.
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.function_scoped_fixture,
        HealthCheck.filter_too_much,
    ],
)
@given(case=mutated())
def test_an_accepted_definition_gives_a_page_that_works(
    browser: Browser, shell: ShellSite, case: Any
) -> None:
    """A definition the generator accepts must never give visitors a broken page."""
    name, text = case
    source = shell.root / "definitions" / name
    source.parent.mkdir(exist_ok=True)
    source.write_text(text, encoding="utf-8")
    try:
        instrument = load_instrument(source)
    except DefinitionError:
        assume(False)  # refused cleanly: the other test's concern
        return
    address = shell.publish(instrument)
    errors: list[str] = []
    context = browser.new_context()
    page = context.new_page()

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            errors.append(message.text)

    def on_error(error: Error) -> None:
        errors.append(error.message)

    page.on("console", on_console)
    page.on("pageerror", on_error)
    try:
        page.goto(address)
        try:
            page.wait_for_function(COMPONENTS_READY, timeout=10_000)
        except PlaywrightTimeoutError:
            errors.append("the instrument did not start")
        boxes = page.locator(
            "gk-instrument textarea:visible, gk-instrument input[type=text]:visible"
        )
        if not errors and boxes.count():
            boxes.first.fill("Een antwoord")
            stored = page.evaluate("(key) => localStorage.getItem(key)", storage_key(instrument.id))
            if not stored or "Een antwoord" not in stored:
                errors.append("the answer was not saved")
        page.evaluate("() => new Promise((done) => requestAnimationFrame(() => setTimeout(done)))")
    finally:
        context.close()
    assert not errors, errors
