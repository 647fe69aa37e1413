"""Property-based: any definition the models accept renders to a page that loads, fills in and
saves without an error in the browser."""

from __future__ import annotations

import re
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from playwright.sync_api import Browser, ConsoleMessage, Error
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from generator.definition.load import DefinitionError, load_instrument
from generator.pages.addresses import ASSETS_DIR, instrument_path
from generator.pages.render import SCRIPTS, asset_files, render_pages
from generator.site.chromium import LoopbackServer

from .answer_files import storage_key
from .conftest import COMPONENTS_READY
from .served_site import PROJECT_DIR

# The unit tests' strategy (their folder is not a package: its modules import each other by name).
sys.path.insert(0, str(PROJECT_DIR / "tests" / "unit"))
from definition_mutations import mutated

SHELL = """<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>fuzz</title>
<link rel="icon" href="data:,">
<script type="module" src="{assets}/{loader}"></script></head>
<body><div class="md-typeset">{body}</div></body></html>"""


@pytest.fixture(scope="module")
def shell_site() -> Iterator[tuple[Path, LoopbackServer]]:
    """A folder with our assets, served; each example writes its page into it."""
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        for relative, data in asset_files().items():
            (root / relative).parent.mkdir(parents=True, exist_ok=True)
            (root / relative).write_bytes(data)
        with LoopbackServer(root) as server:
            yield root, server


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
    browser: Browser, shell_site: tuple[Path, LoopbackServer], case: Any
) -> None:
    """A definition the generator accepts must never give visitors a broken page."""
    root, server = shell_site
    name, text = case
    source = root / "definitions" / name
    source.parent.mkdir(exist_ok=True)
    source.write_text(text, encoding="utf-8")
    try:
        instrument = load_instrument(source)
    except DefinitionError:
        assume(False)  # refused cleanly: the other test's concern
        return
    files = render_pages([instrument])
    for path, text in files.items():  # the page's stylesheet
        if path.startswith(ASSETS_DIR):
            (root / path).write_text(text, encoding="utf-8")
    page_source = files[instrument_path(instrument)]
    body = re.sub(r"^---\n.*?\n---\n", "", page_source, count=1, flags=re.DOTALL)
    # The page links its stylesheet relative to /tools/<id>/: serve it from there.
    page_file = root / "tools" / instrument.id / "index.html"
    page_file.parent.mkdir(parents=True, exist_ok=True)
    page_file.write_text(
        SHELL.format(assets=f"../../{ASSETS_DIR}", loader=SCRIPTS[0], body=body), encoding="utf-8"
    )
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
        page.goto(server.url(f"/tools/{instrument.id}/"))
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
