"""Loader and model behaviour that the golden files cannot show on their own."""

from __future__ import annotations

import time
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import pytest
from unit_support import INVALID, VALID

from generator.definition.instrument import Instrument, Section
from generator.definition.load import DefinitionError, Problem, load_instrument, load_instruments
from generator.parts import AnyField

DASH = " \N{EN DASH} "  # between the two ends of a link, in its accessible name


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
    # alle-veldtypen and partijen share challenge 3: the title decides.
    assert [i.id for i in instruments] == ["minimaal", "menukaart", "alle-veldtypen", "partijen"]


def test_answer_keys_and_accessible_labels() -> None:
    """Saved answers get other keys, or a repeated question loses the name of its place."""
    instrument = load_instrument(VALID / "alle-veldtypen.yml")
    questions = {q.key: q for q in instrument.questions()}
    assert questions["bestuurlijk.wie"].label == "Bestuurlijk: Wie is/zijn dit?"
    assert questions["uitvoerend.wie"].label == "Uitvoerend: Wie is/zijn dit?"
    single = questions["uitvoerend.oordeel"]
    assert (single.place, single.label) == (None, "Hoe gaat de samenwerking op dit niveau?")
    fields = [(s, f) for s, f in instrument.fields() if f.type != "actions"]
    assert [k for k in questions if not k.startswith("acties.")] == [
        instrument.answer_key(s, f) for s, f in fields
    ]
    # An agreements list asks its columns in the blank form's one row, named by the row.
    row = questions["acties.lijst.eerste.actie"]
    assert (row.place, row.label) == ("Actie 1", "Actie 1: Wat gaan we doen?")
    assert "acties.lijst.eerste.klaar" in questions


def test_menu_questions_are_asked_per_option() -> None:
    """A matrix cell is saved under another key than `<section>.<column>.<row>`, or unnamed."""
    instrument = load_instrument(VALID / "menukaart.yml")
    keys = [q.key for q in instrument.questions()]
    assert keys == [
        "doel.impact",
        *(
            f"activiteiten.{column}.{row}"
            for column in ("leerlijnen", "evenementen", "profielen")
            for row in ("wie", "haalbaar", "trekker")
        ),
        *(f"middelen.{column}.{row}" for column in ("geld", "tijd") for row in ("bron", "omvang")),
    ]
    questions = {q.key: q for q in instrument.questions()}
    cell = questions["activiteiten.evenementen.haalbaar"]
    assert cell.place == "Evenementen"
    assert cell.label == "Evenementen: Is deze activiteit haalbaar?"
    assert questions["doel.impact"].label == "Welke impact willen we maken?"
    assert [(s.id, f.id) for s, f in instrument.fields()] == [("doel", "impact")]


def test_parties_questions_are_asked_per_box_and_link() -> None:
    """A box or link of the 8 gets another key or an accessible name without its place."""
    instrument = load_instrument(VALID / "partijen.yml")
    assert list(instrument.fields()) == [], "fields() leaves out repeated sections"
    questions = [(q.key, q.label) for q in instrument.questions()]
    box = ("wie", "Wie is/zijn dit?"), ("sterk", "Hoe sterk is dit niveau?")
    link = ("nodig", "Wat is hier nodig?"), ("waar", "Hoe/waar vindt dit plaats?")
    expected: list[tuple[str, str]] = []
    parties = [("vmbo", "Vmbo-school"), ("mbo", "Mbo-school"), ("bedrijf", "Bedrijf")]
    for index, (party, name) in enumerate(parties):
        expected += [(f"samenwerking.{party}.bestuur.{f}", f"{name}, Bestuur: {q}") for f, q in box]
        expected += [
            (
                f"samenwerking.{party}.bestuur--uitvoering.{f}",
                f"{name}, Bestuur{DASH}Uitvoering: {q}",
            )
            for f, q in link
        ]
        expected += [
            (f"samenwerking.{party}.uitvoering.{f}", f"{name}, Uitvoering: {q}") for f, q in box
        ]
        if index + 1 < len(parties):
            right, right_name = parties[index + 1]
            expected += [
                (
                    f"samenwerking.{party}--{right}.{level}.{f}",
                    f"{name}{DASH}{right_name}, {lab}: {q}",
                )
                for level, lab in (("bestuur", "Bestuur"), ("uitvoering", "Uitvoering"))
                for f, q in link
            ]
    assert questions == expected


def test_too_many_parties_counts_against_the_default_max(tmp_path: Path) -> None:
    """A form starts with more parties than the user may have, because max was left out."""
    case = INVALID / "parties-too-many" / "te-veel-partijen.yml"
    text = case.read_text(encoding="utf-8")
    assert "      max: 6\n" in text
    file = tmp_path / case.name
    file.write_text(text.replace("      max: 6\n", ""), encoding="utf-8")
    with pytest.raises(DefinitionError) as error:
        load_instrument(file)
    assert [p.message for p in error.value.problems] == [
        "7 parties, more than max (6) (expected at most 6 parties, or a higher max)"
    ]


def test_text_is_stripped_of_surrounding_whitespace(tmp_path: Path) -> None:
    """Labels keep stray spaces from the YAML, so they no longer match the content."""
    text = _minimal("spaties").replace("label: Wat is de vraag?", 'label: "  Wat is de vraag?  "')
    file = tmp_path / "spaties.yml"
    file.write_text(text, encoding="utf-8")
    assert load_instrument(file).sections[0].fields[0].label == "Wat is de vraag?"


# --- hostile YAML: refused at its place, quickly, without a traceback ------------------------


def _alias_bomb(depth: int) -> str:
    """Lists of nine references to the list before, ``depth`` deep: 9**depth items expanded."""
    lines, previous = ["  a0: &a0 [x, x, x, x, x, x, x, x, x]"], "a0"
    for level in range(1, depth):
        lines.append(f"  a{level}: &a{level} [{', '.join([f'*{previous}'] * 9)}]")
        previous = f"a{level}"
    return "bom:\n" + "\n".join(lines) + "\n"


HOSTILE = {
    "alias-bomb": (_alias_bomb(6), "YAML aliases (*name) are not supported"),
    "alias-loop": ("loop: &loop [*loop]\n", "YAML aliases (*name) are not supported"),
    "deep-list": ("diep: " + "[" * 900 + "]" * 900 + "\n", "nested more than 32 levels deep"),
    "deep-mapping": ("diep:\n" + "".join(f"{'  ' * i}- k:\n" for i in range(1, 400)), "nested"),
    "long-number": ("version_x: " + "9" * 5000 + "\n", "number too large"),
}


@pytest.mark.parametrize("case", HOSTILE, ids=list(HOSTILE))
def test_hostile_yaml_is_refused_fast_and_small(tmp_path: Path, case: str) -> None:
    """A hostile definition hangs the build, eats the machine's memory or ends in a traceback."""
    addition, message = HOSTILE[case]
    text = _minimal("vijandig") + addition
    file = tmp_path / "vijandig.yml"
    file.write_text(text, encoding="utf-8")
    line = len(_minimal("vijandig").splitlines()) + 1
    start = time.perf_counter()
    with pytest.raises(DefinitionError) as error:
        load_instrument(file)
    seconds = time.perf_counter() - start
    assert seconds < 2, f"{seconds:.1f} s"
    tracemalloc.start()  # apart from the timing: tracing makes Python several times slower
    try:
        with pytest.raises(DefinitionError):
            load_instrument(file)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 10_000_000, f"{peak / 1e6:.0f} MB"
    [problem] = error.value.problems
    assert message in problem.message and "(expected " in problem.message
    assert problem.line >= line, "pointed at the hostile part, not at the top of the file"


def test_a_number_too_large_is_refused_where_it_is(tmp_path: Path) -> None:
    """A version of 5000 digits ends in a ValueError traceback instead of a report."""
    file = tmp_path / "groot.yml"
    file.write_text(_minimal("groot").replace("version: 1", "version: " + "1" * 16))
    with pytest.raises(DefinitionError) as error:
        load_instrument(file)
    assert _problems(error, tmp_path) == [
        "groot.yml:4:10: number too large (expected a whole number of at most 15 digits)"
    ]
    file.write_text(_minimal("groot").replace("version: 1", "version: " + "1" * 15))
    assert load_instrument(file).version == 111_111_111_111_111


@pytest.mark.parametrize(
    ("value", "tag"),
    [
        ("!!int abc", "!!int"),
        ("!!float x", "!!float"),
        ("!!bool maybe", "!!bool"),
        ("!!timestamp x", "!!timestamp"),
        ("!!set [a]", "!!set"),
        ("!!str 1", "!!str"),
        ("!eigen 1", "!eigen"),
    ],
)
def test_a_yaml_tag_is_refused_where_it_is(tmp_path: Path, value: str, tag: str) -> None:
    """A tag such as `!!int abc` ends in a ValueError, KeyError or TypeError traceback."""
    file = tmp_path / "label.yml"
    file.write_text(_minimal("label").replace("version: 1", f"version: {value}"))
    with pytest.raises(DefinitionError) as error:
        load_instrument(file)
    assert _problems(error, tmp_path) == [
        f"label.yml:4:10: YAML tags ({tag}) are not supported "
        "(expected the value without its tag, in quotes if it is text)"
    ]


def test_a_control_character_is_shown_where_it_is(tmp_path: Path) -> None:
    """A control character YAML refuses is reported at 1:1, by its position in characters."""
    file = tmp_path / "bel.yml"
    file.write_text(_minimal("bel").replace("title: Wie vult in?", "title: Wie\x07 vult in?"))
    with pytest.raises(DefinitionError) as error:
        load_instrument(file)
    assert _problems(error, tmp_path) == [
        "bel.yml:21:13: a control character (\\x07) that YAML does not allow "
        "(expected text without control characters)"
    ]


def test_what_looks_like_a_date_is_text(tmp_path: Path) -> None:
    """`2024-13-45` (no date) ends in a ValueError traceback, and a real date is refused as text,
    although editors (YAML 1.2) read both as text."""
    file = tmp_path / "datum.yml"
    text = _minimal("datum").replace("duration: 10 minuten", "duration: 2024-13-45")
    file.write_text(text.replace("title: Wie vult in?", "title: 2024-11-29"))
    instrument = load_instrument(file)
    assert (instrument.guidance.duration, instrument.respondent.title) == (
        "2024-13-45",
        "2024-11-29",
    )


@pytest.mark.parametrize(
    ("written", "shown"),
    [("1", "1"), ("~", "['~']"), ("null", "null"), ("true", "true"), ("1.5", "['1.5']")],
)
def test_a_key_yaml_reads_as_a_number_or_nothing_is_shown_where_it_is(
    tmp_path: Path, written: str, shown: str
) -> None:
    """A key like `1:` or `~:` is reported at the top of its mapping as 'None' or '[1]'."""
    text = _minimal("sleutel").replace("  paper: A4\n", f"  paper: A4\n  {written}: x\n")
    file = tmp_path / "sleutel.yml"
    file.write_text(text, encoding="utf-8")
    line = text.splitlines().index(f"  {written}: x") + 1
    with pytest.raises(DefinitionError) as error:
        load_instrument(file)
    [problem] = _problems(error, tmp_path)
    assert problem.startswith(f"sleutel.yml:{line}:3: print{'' if shown[0] == '[' else '.'}{shown}")
    assert f"unknown key '{written}' (expected one of the keys: paper, orientation)" in problem


def test_a_key_written_twice_as_null_and_tilde_is_not_lost(tmp_path: Path) -> None:
    """Two keys that YAML reads as the same nothing (`~:` and `null:`) silently become one."""
    text = _minimal("nul").replace("  paper: A4\n", "  paper: A4\n  ~: x\n  null: y\n")
    file = tmp_path / "nul.yml"
    file.write_text(text, encoding="utf-8")
    with pytest.raises(DefinitionError) as error:
        load_instrument(file)
    assert [p.key_path for p in error.value.problems] == ["print['~']", "print.null"]


@pytest.mark.parametrize(
    ("before", "after", "indents"),
    [
        ("  paper: A4\n", "\tpaper: A4\n", True),
        ("  paper: A4\n", "  paper:\tA4\n", False),
        ("  paper: A4\n", "  paper: \tA4\n", False),
        ("  paper: A4\n", "  paper\t: A4\n", False),
        ("    - id: naam\n", "    -\tid: naam\n", False),
    ],
)
def test_a_tab_is_described_as_what_it_is(
    tmp_path: Path, before: str, after: str, indents: bool
) -> None:
    """A tab after a key is reported as 'a tab is used to indent', sending the reader astray."""
    text = _minimal("tab").replace(before, after, 1)
    file = tmp_path / "tab.yml"
    file.write_text(text, encoding="utf-8")
    with pytest.raises(DefinitionError) as error:
        load_instrument(file)
    [problem] = error.value.problems
    line = text.splitlines().index(after.rstrip("\n")) + 1
    assert (problem.line, problem.column) == (line, after.index("\t") + 1)
    assert ("used to indent" in problem.message) is indents
    assert "(expected " in problem.message


# --- the instruments of a folder --------------------------------------------------------------


def test_two_files_of_one_instrument_are_refused(tmp_path: Path) -> None:
    """praatplaat.yml and praatplaat.yaml both load: two cards, one page, one silently wins."""
    (tmp_path / "dubbel.yml").write_text(_minimal("dubbel"), encoding="utf-8")
    (tmp_path / "dubbel.yaml").write_text(_minimal("dubbel"), encoding="utf-8")
    with pytest.raises(DefinitionError) as error:
        load_instruments(tmp_path)
    assert _problems(error, tmp_path) == [
        "dubbel.yml:3:5: id: id 'dubbel' is already used by dubbel.yaml "
        "(expected one file per instrument)"
    ]


# --- build time ---------------------------------------------------------------------------------


def test_naming_the_places_of_questions_grows_linearly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every field counts all others for its label: 10,000 fields take a minute to build."""
    count = 400
    fields = "".join(
        f"      - id: vraag-{n}\n        type: short_text\n        label: Vraag {n % 7}?\n"
        for n in range(count)
    )
    text = _minimal("veel").replace(
        "      - id: vraag\n        type: short_text\n        label: Wat is de vraag?\n", fields
    )
    file = tmp_path / "veel.yml"
    file.write_text(text, encoding="utf-8")
    instrument = load_instrument(file)
    visited = 0
    fields_of = Instrument.fields

    def counted(self: Instrument) -> Iterator[tuple[Section, AnyField]]:
        nonlocal visited
        for item in fields_of(self):
            visited += 1
            yield item

    monkeypatch.setattr(Instrument, "fields", counted)
    questions = list(instrument.questions())
    places = [instrument.label_place(s, f) for s, f in counted(instrument)]
    assert len(questions) == count
    assert all(place == "Vragen" for place in places), "each label is used more than once"
    assert visited <= 3 * count, f"{visited} fields visited for {count} fields"
