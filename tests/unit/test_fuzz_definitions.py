"""Property-based: any mutation of a valid definition either loads and renders, or is refused
with a clean ``file:line:col: key: message`` report — never a traceback."""

from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Any

import pytest
from definition_mutations import hostile, mutated
from hypothesis import HealthCheck, given, settings
from markupsafe import escape
from unit_support import TOOL_TEMPLATES

from generator.definition.load import DefinitionError, load_instrument
from generator.pages.addresses import instrument_path
from generator.pages.render import render_pages

REPORT = re.compile(r"^\S+\.yml(:\d+:\d+)?: (\S+: )?\S.*$")


@pytest.mark.slow  # 300 mutations: make check
@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(case=mutated())
def test_a_mutated_definition_loads_or_is_refused_cleanly(tmp_path: Path, case: Any) -> None:
    """A publisher's slip must give a report naming file, place and expectation, never a crash;
    what is accepted must render."""
    name, text = case
    file = tmp_path / name
    file.write_text(text, encoding="utf-8")
    try:
        instrument = load_instrument(file)
    except DefinitionError as error:
        assert error.problems
        for line in str(error).splitlines():
            assert REPORT.match(line), line
        return
    page = render_pages([instrument])[instrument_path(instrument)]
    assert f"<h1>{escape(instrument.title)}</h1>" in page


@settings(max_examples=100, deadline=None)
@given(case=hostile())
def test_hostile_yaml_is_refused_quickly_and_cleanly(tmp_path_factory: Any, case: Any) -> None:
    """Aliases, deep nesting, huge numbers or odd keys crash or hang the loader, or pass."""
    name, text = case
    file = tmp_path_factory.mktemp("hostile") / name
    file.write_text(text, encoding="utf-8")
    start = time.perf_counter()
    try:
        load_instrument(file)  # a short number where a number belongs may pass
    except DefinitionError as error:
        for line in str(error).splitlines():
            assert REPORT.match(line), line
    assert time.perf_counter() - start < 2


def test_a_key_of_spaces_is_named_in_quotes(tmp_path: Path) -> None:
    """Found by the test above: a report whose key path was a blank, naming nothing."""
    source = TOOL_TEMPLATES / "praatplaat.yml"
    file = tmp_path / source.name
    file.write_text(source.read_text(encoding="utf-8") + "' ': 1\n", encoding="utf-8")
    try:
        load_instrument(file)
    except DefinitionError as error:
        assert "praatplaat.yml:" in str(error) and ": [' ']: unknown key ' '" in str(error)
    else:
        raise AssertionError("a key of spaces was accepted")
