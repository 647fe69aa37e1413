"""Answers saved before a change of the site still open exactly: an answer file exported by the
site as it was before the parts' reshaping (tests/data/compat/, made by make_fixtures.py there,
every shape of key: questions, scales, a matrix with menu and own activities, an 8-tje with an
added and a renamed partner) imports and exports again unchanged, and the copy that version kept
in the browser's storage is restored as it was."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page

from . import definitions
from .answer_files import storage_key
from .controls import BrowserStorage, open_instrument
from .served_site import PROJECT_DIR

COMPAT = PROJECT_DIR / "tests" / "data" / "compat"


def saved(instrument_id: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((COMPAT / f"{instrument_id}.json").read_text("utf-8"))
    return data


def what_it_holds(data: dict[str, Any]) -> tuple[Any, Any, Any]:
    """An answer file's content: its instrument, who answered and the answers (not when)."""
    return data["instrument"], data["respondent"], data["answers"]


@pytest.mark.parametrize("instrument_id", definitions.instrument_ids())
def test_an_answer_file_of_the_earlier_site_imports_and_exports_unchanged(
    page: Page, tmp_path: Path, instrument_id: str
) -> None:
    """A participant's file from before an update would lose answers, or put them elsewhere."""
    old = saved(instrument_id)
    toolbar = open_instrument(page, instrument_id)
    toolbar.import_file(COMPAT / f"{instrument_id}.json")
    toolbar.expect_imported()
    assert (
        "horen niet bij deze versie" not in toolbar.message("Antwoorden geïmporteerd.").inner_text()
    )
    again = json.loads(toolbar.export().text)
    assert what_it_holds(again) == what_it_holds(old)


@pytest.mark.parametrize("instrument_id", definitions.instrument_ids())
def test_answers_the_earlier_site_kept_in_this_browser_come_back(
    page: Page, instrument_id: str
) -> None:
    """After an update, a returning visitor would find their stored answers gone or changed."""
    stored = (COMPAT / f"{instrument_id}.stored.json").read_text("utf-8").strip()
    BrowserStorage(page).seed({storage_key(instrument_id): stored})
    toolbar = open_instrument(page, instrument_id)
    toolbar.expect_restored()
    again = json.loads(toolbar.export().text)
    assert what_it_holds(again) == what_it_holds(saved(instrument_id))
