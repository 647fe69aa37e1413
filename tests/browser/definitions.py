"""What the site should show, read from the instrument definitions the site is built from."""

from __future__ import annotations

import functools
import re
from typing import Any

import pytest

from generator.definition.instrument import Instrument
from generator.definition.load import definition_files, load_instruments
from generator.parts import Question
from generator.parts.menu import MenuRepeat
from generator.parts.parties import PartiesRepeat

from .served_site import PROJECT_DIR

DEFINITIONS_DIR = PROJECT_DIR / "tool_templates"
SITE_NAME = "Gereedschapskist samenwerking vmbo–mbo"  # noqa: RUF001 (the site's own dash)


def instrument_ids() -> list[str]:
    """The ids of the defined instruments, from their file names (cheap enough for collection)."""
    return [file.stem for file in definition_files(DEFINITIONS_DIR)]


@functools.cache
def instruments() -> list[Instrument]:
    """Every instrument, validated, in the order of the overview."""
    return load_instruments(DEFINITIONS_DIR)


def instrument(instrument_id: str) -> Instrument:
    """One instrument by its id."""
    return next(i for i in instruments() if i.id == instrument_id)


def instrument_url(instrument_id: str) -> str:
    """The path of an instrument's page (DESIGN.md §3)."""
    return f"/tools/{instrument_id}/"


def comparison_url(instrument_id: str) -> str:
    """The path of an instrument's comparison view (DESIGN.md §3)."""
    return f"/tools/{instrument_id}/vergelijken/"


def page_paths() -> list[str]:
    """Every page of the site: the hand-written ones, the overview, and per instrument its page
    and its comparison view."""
    docs = PROJECT_DIR / "docs"
    written = sorted(
        "/" if page.stem == "index" else f"/{page.relative_to(docs).with_suffix('').as_posix()}/"
        for page in docs.rglob("*.md")
    )
    tools = [instrument_url(i) for i in instrument_ids()]
    return [*written, "/tools/", *tools, *(comparison_url(i) for i in instrument_ids())]


def page_params() -> list[Any]:
    """Every page, as test parameters: in every run the home page, the overview, every
    instrument's page and the first instrument's comparison view (the others share its
    template); the hand-written pages of text and the other comparison views in `make check`
    (pytest -m slow)."""
    first_comparison = comparison_url(instrument_ids()[0])
    every_run = {"/", "/tools/", first_comparison, *(instrument_url(i) for i in instrument_ids())}
    return [
        path if path in every_run else pytest.param(path, marks=pytest.mark.slow)
        for path in page_paths()
    ]


def questions(instrument: Instrument) -> list[Question]:
    """Every answer control of the blank form in reading order, repeated sections included
    (every menu column, the boxes and links of the parties it starts with)."""
    return list(instrument.questions())


def name_boxes(instrument: Instrument) -> int:
    """How many text boxes of the blank form name a party instead of answering a question."""
    return sum(
        len(section.repeat.parties)
        for section in instrument.sections
        if isinstance(section.repeat, PartiesRepeat)
    )


def menus(instrument: Instrument) -> list[MenuRepeat]:
    """The instrument's menus: each a group of checkboxes that chooses columns, not a question."""
    return [
        section.repeat for section in instrument.sections if isinstance(section.repeat, MenuRepeat)
    ]


def written_page_title(path: str) -> str:
    """The title a hand-written page gives itself (front matter, else its first heading)."""
    text = (PROJECT_DIR / "docs" / f"{path.strip('/')}.md").read_text(encoding="utf-8")
    match = re.search(r"^title:\s*(.+)$", text, re.MULTILINE) or re.search(
        r"^# (.+)$", text, re.MULTILINE
    )
    assert match, f"{path} has no title"
    return match.group(1).strip().strip('"')
