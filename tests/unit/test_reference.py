"""The maintainers' reference lists every type the generator knows, with examples that work."""

from __future__ import annotations

import copy
from typing import get_args

import pytest
import yaml
from unit_support import VALID

from generator import reference
from generator.fields import FIELD_TYPES
from generator.model import Instrument
from generator.repeat import REPEAT_TYPES

BASE = yaml.safe_load((VALID / "minimaal.yml").read_text(encoding="utf-8"))
SCALE = {
    "id": "eens-oneens",
    "options": [{"value": 1, "label": "Oneens"}, {"value": 2, "label": "Eens"}],
    "dont_know": "Weet niet",
}


def _names(models: tuple[type, ...]) -> list[str]:
    return [get_args(m.model_fields["type"].annotation)[0] for m in models]


def test_reference_names_every_field_type_repeat_and_layout() -> None:
    """A maintainer would not find a type the generator accepts in the reference."""
    page = reference.reference_page()
    for name in [*_names(FIELD_TYPES), *_names(REPEAT_TYPES), *reference.layouts()]:
        assert f"(`{name}`)" in page, name


def test_a_type_without_reference_stops_the_build(monkeypatch: pytest.MonkeyPatch) -> None:
    """A new field type could ship without a word about it for the maintainers."""
    texts = dict(reference.FIELD_TEXT)
    del texts["choice"]
    monkeypatch.setattr(reference, "FIELD_TEXT", texts)
    with pytest.raises(reference.MissingReference, match="choice"):
        reference.reference_page()


@pytest.mark.parametrize("name", sorted(reference.FIELD_TEXT))
def test_field_examples_are_valid_definitions(name: str) -> None:
    """An example in the reference would be rejected when copied into a definition."""
    data = copy.deepcopy(BASE)
    data["scales"] = [SCALE]
    data["sections"][0]["fields"] = [reference.FIELD_TEXT[name][2]]
    Instrument.model_validate(data)


@pytest.mark.parametrize("name", sorted(reference.REPEAT_TEXT))
def test_repeat_examples_are_valid_definitions(name: str) -> None:
    """An example in the reference would be rejected when copied into a definition."""
    data = copy.deepcopy(BASE)
    data["sections"][0]["repeat"] = reference.REPEAT_TEXT[name][2]
    Instrument.model_validate(data)
