"""The answer file's JSON Schema, published on the site, says what the site writes and reads."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path

import jsonschema
import pytest

DOCS = Path(__file__).resolve().parents[2] / "docs"
SCHEMA = json.loads((DOCS / "antwoordbestand.schema.json").read_text(encoding="utf-8"))
PAGE = (DOCS / "antwoordbestand.md").read_text(encoding="utf-8")
EXAMPLE = json.loads(re.search(r"```json\n(.*?)```", PAGE, re.DOTALL).group(1))


def test_schema_is_a_valid_json_schema() -> None:
    """Programs that check answer files with the published schema would reject the schema."""
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


def test_the_documented_example_is_valid() -> None:
    """The example on the site would not match the schema published beside it."""
    jsonschema.validate(EXAMPLE, SCHEMA)


def test_link_keys_of_het_achtje_are_valid() -> None:
    """Answers on the 8-tje's links ('partner-a--partner-b') would fail the published schema."""
    answers = {
        "achtje": ["partner-a", "partner-b"],
        "achtje.partner-a--partner-b.bestuurlijk.nodig": "Overleg",
        "achtje.partner-a.bestuurlijk--management.plaats": "Op school",
    }
    jsonschema.validate({**EXAMPLE, "answers": answers}, SCHEMA)


@pytest.mark.parametrize(
    ("change", "why"),
    [
        (lambda f: f.update(format="iets-anders"), "another format"),
        (lambda f: f.update(version=2), "a future version"),
        (lambda f: f["instrument"].pop("id"), "no instrument"),
        (lambda f: f["answers"].update({"Ambitie Uitgesproken": 4}), "a key that is no id path"),
        (lambda f: f["answers"].update({"ambitie.x": {"a": 1}}), "an answer that is an object"),
        (lambda f: f["answers"].update({"ambitie.x": ["<b>"]}), "a list of non-ids"),
    ],
)
def test_the_schema_rejects_what_the_site_rejects(change, why: str) -> None:
    """The schema would accept a file the site refuses to import."""
    broken = copy.deepcopy(EXAMPLE)
    change(broken)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, SCHEMA)
