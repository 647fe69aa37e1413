"""The golden definitions: each invalid case gives exactly its expected report; valid ones load.

A new case is a new folder under tests/definitions/invalid/ (see tests/definitions/README.md).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from unit_support import INVALID, VALID

from generator.__main__ import main
from generator.definition.load import load_instrument, load_instruments
from generator.parts import FIELD_PARTS
from generator.parts.menu import MenuRepeat
from generator.parts.parties import PartiesRepeat

INVALID_CASES = sorted(path for path in INVALID.iterdir() if path.is_dir())
VALID_FILES = sorted(VALID.glob("*.yml"))
PROBLEM_LINE = re.compile(r"^(?P<file>[^:/]+\.ya?ml):(?P<line>\d+):(?P<column>\d+): (?P<rest>.+)$")


def _expected(case: Path) -> str:
    return (case / "expected.txt").read_text(encoding="utf-8")


def test_there_are_enough_golden_cases() -> None:
    """The golden folders were moved or emptied, so the error messages went untested."""
    assert len(INVALID_CASES) >= 40
    assert len(VALID_FILES) >= 4


def test_invalid_case_files_have_different_names() -> None:
    """Two cases share a file name, so the CLI test (all cases in one folder) loses one."""
    names = [p.name for case in INVALID_CASES for p in case.iterdir() if p.suffix == ".yml"]
    assert len(names) == len(set(names))


@pytest.mark.parametrize("case", INVALID_CASES, ids=[c.name for c in INVALID_CASES])
def test_invalid_definition_gives_its_expected_report(
    case: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A maintainer's mistake is reported with the wrong place or wording (see expected.txt)."""
    monkeypatch.chdir(case)
    exit_code = main(["--definitions", ".", "validate"])
    captured = capsys.readouterr()
    assert captured.err == _expected(case), f"regenerate and review {case / 'expected.txt'}"
    assert exit_code == 1
    assert captured.out == ""


@pytest.mark.parametrize("case", INVALID_CASES, ids=[c.name for c in INVALID_CASES])
def test_invalid_case_is_well_formed(case: Path) -> None:
    """A golden case is malformed itself, so it no longer tests what its name says."""
    definitions = sorted(p.name for p in case.iterdir() if p.suffix in {".yml", ".yaml"})
    assert len(definitions) == 1, f"{case.name}: one definition file per case"
    *problems, summary = _expected(case).splitlines()
    assert problems, "expected.txt lists at least one problem"
    count = len(problems)
    assert summary == f"{count} problem{'s' if count != 1 else ''} found; nothing was written."
    places = []
    for problem in problems:
        match = PROBLEM_LINE.match(problem)
        assert match, f"not a 'file:line:col: message' line: {problem!r}"
        assert match["file"] == definitions[0], "paths are relative to the case folder"
        assert "Traceback" not in problem
        assert "(expected " in match["rest"], "every message says what was expected"
        places.append((int(match["line"]), int(match["column"])))
    assert places == sorted(places), "problems are reported in line order"


@pytest.mark.parametrize("file", VALID_FILES, ids=[f.stem for f in VALID_FILES])
def test_valid_definition_loads(file: Path) -> None:
    """A correct definition is rejected, so a maintainer cannot publish it."""
    instrument = load_instrument(file)
    assert instrument.id == file.stem


def test_valid_definitions_cover_every_field_type_and_layout() -> None:
    """Some field type or option is no longer covered by the valid examples (and so untested)."""
    instruments = load_instruments(VALID)
    layouts = {i.layout for i in instruments}
    fields = [f for i in instruments for s in i.sections for f in s.fields]
    kinds = {f.type for f in fields}
    assert layouts == {"poster", "questionnaire"}
    assert kinds == {part.type for part in FIELD_PARTS}, "a registered field type has no example"
    assert {getattr(f, "multiple", None) for f in fields if f.type == "choice"} == {True, False}
    scales = [s for i in instruments for s in i.scales]
    assert {s.dont_know is None for s in scales} == {True, False}
    assert any(f.help for f in fields)
    assert any(i.label_place(s, f) for i in instruments for s, f in i.fields())


def test_valid_definitions_cover_every_repeat() -> None:
    """A kind of repeated section (menu with or without own columns, parties) goes untested."""
    sections = [s for i in load_instruments(VALID) for s in i.sections]
    menus = [s.repeat for s in sections if isinstance(s.repeat, MenuRepeat)]
    rows = {f.type for s in sections if isinstance(s.repeat, MenuRepeat) for f in s.fields}
    parties = [s.repeat for s in sections if isinstance(s.repeat, PartiesRepeat)]
    assert {m.own is None for m in menus} == {True, False}
    assert any(o.description for m in menus for o in m.options)
    assert rows == {"long_text", "short_text", "scale", "choice"}, "a row can be any field"
    assert any(len(p.parties) == 3 and len(p.levels) == 2 for p in parties)
