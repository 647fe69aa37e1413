"""The parts' registry: every field and repeat type is one folder with everything it needs, and
the maintainers' reference lists each of them with an example that works."""

from __future__ import annotations

import copy
import re

import pytest
import yaml
from unit_support import VALID

from generator.definition.instrument import Instrument
from generator.pages import reference
from generator.pages.render import GENERATOR_DIR
from generator.parts import FIELD_PARTS, PARTS, REPEAT_PARTS, Part
from generator.parts.base import PARTS_DIR, FieldBase

BASE = yaml.safe_load((VALID / "minimaal.yml").read_text(encoding="utf-8"))
SCALE = {
    "id": "eens-oneens",
    "options": [{"value": 1, "label": "Oneens"}, {"value": 2, "label": "Eens"}],
    "dont_know": "Weet niet",
}
ALL_PARTS = sorted(PARTS.values(), key=lambda part: part.type)


def test_every_part_folder_is_registered() -> None:
    """A part's folder that no registry line names would be silently left out of the site."""
    folders = {path.name for path in PARTS_DIR.iterdir() if (path / "__init__.py").is_file()}
    assert folders == set(PARTS)


@pytest.mark.parametrize("part", ALL_PARTS, ids=lambda part: part.type)
def test_a_part_has_what_it_needs(part: Part) -> None:
    """A registered part without its template, reference text or comparison data would render,
    document or compare nothing: the maintainer adding it must be told which file is missing."""
    assert part.folder.is_dir(), f"no folder parts/{part.type}/"
    assert (part.folder / f"{part.type}.html").is_file(), f"no parts/{part.type}/{part.type}.html"
    assert part.title.strip() and part.text.strip(), f"part '{part.type}' has no reference text"
    assert part.example, f"part '{part.type}' has no example for the reference"
    assert callable(part.comparison)
    # Its template, style and script, and the modules its script loads on use (every .js ships:
    # pages/render.py, client_sources), named after it: <type>-<what>.js.
    own = re.compile(rf"{part.type}(\.html|\.css|\.js|-[a-z]+\.js)")
    for path in part.folder.iterdir():
        if path.suffix in {".js", ".css", ".html"}:
            assert own.fullmatch(path.name), f"parts/{part.type}/{path.name}: none of a part's"
    if part.kind == "repeat":
        assert part.comparison_script, f"repeat '{part.type}' has no {part.type}-comparison.js"
    if part.kind == "field" and part.model.own_keys is not FieldBase.own_keys:  # type: ignore[attr-defined]
        # Its answers are keys below its own (an agreements list's rows): side by side, the
        # comparison would know none of them.
        assert part.comparison_script, f"field '{part.type}' has no {part.type}-comparison.js"
    for style in part.shared_styles:
        assert (GENERATOR_DIR / style).is_file(), style


@pytest.mark.parametrize("part", ALL_PARTS, ids=lambda part: part.type)
def test_a_part_with_code_marks_its_element(part: Part) -> None:
    """The form loads a part's module for each element marked with its type: a part with code
    whose template does not mark its element would stay inert."""
    template = (part.folder / f"{part.type}.html").read_text(encoding="utf-8")
    marked = f'data-gk-part="{part.type}"' in template
    assert marked == (part.script is not None), part.type
    if part.script:
        module = (part.folder / f"{part.type}.js").read_text(encoding="utf-8")
        assert re.search(r"customElements\.define\(", module), f"{part.script} defines no element"


def test_reference_names_every_part_and_layout() -> None:
    """A maintainer would not find a type the generator accepts in the reference."""
    page = reference.reference_page()
    for name in [*PARTS, *reference.layouts()]:
        assert f"(`{name}`)" in page, name


def test_a_layout_without_reference_stops_the_build(monkeypatch: pytest.MonkeyPatch) -> None:
    """A new layout could ship without a word about it for the maintainers."""
    texts = dict(reference.LAYOUT_TEXT)
    del texts["poster"]
    monkeypatch.setattr(reference, "LAYOUT_TEXT", texts)
    with pytest.raises(reference.MissingReference, match="poster"):
        reference.reference_page()


@pytest.mark.parametrize("part", FIELD_PARTS, ids=lambda part: part.type)
def test_field_examples_are_valid_definitions(part: Part) -> None:
    """An example in the reference would be rejected when copied into a definition."""
    data = copy.deepcopy(BASE)
    data["scales"] = [SCALE]
    data["sections"][0]["fields"] = [part.example]
    Instrument.model_validate(data)


@pytest.mark.parametrize("part", REPEAT_PARTS, ids=lambda part: part.type)
def test_repeat_examples_are_valid_definitions(part: Part) -> None:
    """An example in the reference would be rejected when copied into a definition."""
    data = copy.deepcopy(BASE)
    data["sections"][0]["repeat"] = part.example
    Instrument.model_validate(data)
