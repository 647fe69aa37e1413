"""Loader and model behaviour that the golden files cannot show on their own."""

from __future__ import annotations

from pathlib import Path

import pytest
from unit_support import INVALID, VALID

from generator.load import DefinitionError, Problem, load_instrument, load_instruments


def _minimal(instrument_id: str) -> str:
    text = (VALID / "minimaal.yml").read_text(encoding="utf-8")
    return text.replace("id: minimaal", f"id: {instrument_id}")


def _problems(error: pytest.ExceptionInfo[DefinitionError], folder: Path) -> list[str]:
    return [str(p).replace(f"{folder}/", "") for p in error.value.problems]


def test_repeated_key_points_at_the_value_that_counts(tmp_path: Path) -> None:
    """A wrong value under a repeated key is reported on the line of the other, harmless one."""
    text = _minimal("dubbel").replace(
        "layout: questionnaire\n", "layout: questionnaire\nlayout: krant\n"
    )
    file = tmp_path / "dubbel.yml"
    file.write_text(text, encoding="utf-8")
    line = text.splitlines().index("layout: krant") + 1
    with pytest.raises(DefinitionError) as error:
        load_instrument(file)
    assert _problems(error, tmp_path) == [
        f"dubbel.yml:{line}:1: layout: key appears twice in this mapping (expected each key once)",
        f"dubbel.yml:{line}:9: layout: 'krant' is not allowed "
        "(expected 'poster' or 'questionnaire')",
    ]


def test_problems_of_all_files_are_collected(tmp_path: Path) -> None:
    """Only the first broken file is reported, so fixing a folder takes many runs."""
    for case in ("unknown-layout", "rows-zero"):
        for file in (INVALID / case).glob("*.yml"):
            (tmp_path / file.name).write_bytes(file.read_bytes())
    (tmp_path / "goed.yml").write_text(_minimal("goed"), encoding="utf-8")
    with pytest.raises(DefinitionError) as error:
        load_instruments(tmp_path)
    assert [p.file.name for p in error.value.problems] == ["nul-regels.yml", "onbekende-opmaak.yml"]
    assert str(error.value) == "\n".join(str(p) for p in error.value.problems)


def test_folder_without_definitions_is_reported(tmp_path: Path) -> None:
    """An empty definitions folder builds a site without tools instead of failing."""
    with pytest.raises(DefinitionError) as error:
        load_instruments(tmp_path)
    assert [p.message for p in error.value.problems] == [
        "no definition files found (expected *.yml files)"
    ]


def test_problem_without_key_path_reads_cleanly() -> None:
    """A file-level problem shows an empty key path ('file:1:1: : …')."""
    problem = Problem(Path("x.yml"), 1, 1, "", "the file is empty (expected …)")
    assert str(problem) == "x.yml:1:1: the file is empty (expected …)"


def test_instruments_are_ordered_by_challenge_then_title() -> None:
    """The overview lists the instruments in file-name order instead of by challenge."""
    instruments = load_instruments(VALID)
    assert [i.order for i in instruments] == sorted(i.order for i in instruments)
    assert [i.id for i in instruments] == ["minimaal", "alle-veldtypen"]


def test_answer_keys_and_accessible_labels() -> None:
    """Saved answers get other keys, or a repeated question loses the name of its place."""
    instrument = load_instrument(VALID / "alle-veldtypen.yml")
    sections = {s.id: s for s in instrument.sections}
    bestuurlijk, uitvoerend = sections["bestuurlijk"], sections["uitvoerend"]
    wie = bestuurlijk.fields[0]
    assert instrument.answer_key(bestuurlijk, wie) == "bestuurlijk.wie"
    assert instrument.accessible_label(bestuurlijk, wie) == "Bestuurlijk: Wie is/zijn dit?"
    assert instrument.accessible_label(uitvoerend, uitvoerend.fields[0]) == (
        "Uitvoerend: Wie is/zijn dit?"
    )
    single = uitvoerend.fields[1]
    assert instrument.label_place(uitvoerend, single) is None
    assert instrument.accessible_label(uitvoerend, single) == single.label


def test_text_is_stripped_of_surrounding_whitespace(tmp_path: Path) -> None:
    """Labels keep stray spaces from the YAML, so they no longer match the content."""
    text = _minimal("spaties").replace("label: Wat is de vraag?", 'label: "  Wat is de vraag?  "')
    file = tmp_path / "spaties.yml"
    file.write_text(text, encoding="utf-8")
    assert load_instrument(file).sections[0].fields[0].label == "Wat is de vraag?"
