"""The answer file's JSON Schema, published on the site, says what the site writes and reads."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path

import jsonschema
import pytest
from referencing import Registry, Resource

DOCS = Path(__file__).resolve().parents[2] / "docs"
SCHEMA = json.loads((DOCS / "antwoordbestand.schema.json").read_text(encoding="utf-8"))
PAGE = (DOCS / "antwoordbestand.md").read_text(encoding="utf-8")
EXAMPLES = [json.loads(block) for block in re.findall(r"```json\n(.*?)```", PAGE, re.DOTALL)]
EXAMPLE, SESSION_EXAMPLE = EXAMPLES
SESSION = json.loads((DOCS / "sessie.schema.json").read_text(encoding="utf-8"))
COMPARISON = json.loads((DOCS / "vergelijking.schema.json").read_text(encoding="utf-8"))
# A comparison file, as the site wrote before sessions: the session's participants alone.
COMPARISON_EXAMPLE = {
    "format": "gereedschapskist-vergelijking",
    **{k: SESSION_EXAMPLE[k] for k in ("version", "instrument", "saved", "respondents")},
}
# The session's and the comparison's schemas refer to the answer file's by its published name.
REGISTRY = Registry().with_resources(
    (schema["$id"], Resource.from_contents(schema)) for schema in (SCHEMA, SESSION, COMPARISON)
)


def comparison_validator() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(COMPARISON, registry=REGISTRY)


def session_validator() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(SESSION, registry=REGISTRY)


def test_session_schema_is_valid_and_takes_the_documented_example() -> None:
    """Programs could not check a session file with the schema published for it."""
    jsonschema.Draft202012Validator.check_schema(SESSION)
    session_validator().validate(SESSION_EXAMPLE)
    assert SESSION_EXAMPLE["joint"]["respondent"] == {"naam": "Gezamenlijk"}


@pytest.mark.parametrize(
    ("change", "why"),
    [
        (lambda f: f.update(format="gereedschapskist-vergelijking"), "a comparison file"),
        (lambda f: f["joint"].update(format="x"), "a joint version that is no answer file"),
        (lambda f: f.update(agreements="veel"), "agreements that are no list"),
        (lambda f: f["agreements"][0].update(wat=5), "an agreement that is no text"),
        (lambda f: f["respondents"][0]["file"].update(format="x"), "a bad answer file inside"),
        (lambda f: f["respondents"][0].update(moment="maandag"), "a moment that is no date"),
        (lambda f: f["respondents"][0].update(moment=20261130), "a moment that is no text"),
    ],
)
def test_session_schema_checks_what_the_view_checks(change, why: str) -> None:
    """The session's schema would accept a file Sessie openen refuses."""
    broken = copy.deepcopy(SESSION_EXAMPLE)
    change(broken)
    with pytest.raises(jsonschema.ValidationError):
        session_validator().validate(broken)


def test_session_schema_takes_a_participant_moved_to_another_moment() -> None:
    """A session in which the facilitator moved a file to another moment would fail the schema
    published for it."""
    moved = copy.deepcopy(SESSION_EXAMPLE)
    moved["respondents"][0]["moment"] = "2026-11-30"
    session_validator().validate(moved)


def test_schema_is_a_valid_json_schema() -> None:
    """Programs that check answer files with the published schema would reject the schema."""
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


def test_the_documented_example_is_valid() -> None:
    """The example on the site would not match the schema published beside it."""
    jsonschema.validate(EXAMPLE, SCHEMA)


def test_link_keys_of_het_achtje_are_valid() -> None:
    """Answers on the 8-tje's links ('partner-a--partner-b'), or its list of links, would fail
    the published schema."""
    answers = {
        "achtje": ["partner-a", "partner-b"],
        "achtje.verbindingen": ["partner-a--partner-b"],
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


def test_comparison_schema_is_valid_and_takes_the_documented_example() -> None:
    """Programs could not check a combined comparison file with the schema published for it."""
    jsonschema.Draft202012Validator.check_schema(COMPARISON)
    comparison_validator().validate(COMPARISON_EXAMPLE)
    assert COMPARISON_EXAMPLE["respondents"][0]["file"]["format"] == EXAMPLE["format"]


@pytest.mark.parametrize(
    ("change", "why"),
    [
        (lambda f: f.update(format="gereedschapskist-antwoorden"), "an answer file"),
        (lambda f: f.pop("respondents"), "no respondents"),
        (lambda f: f["respondents"][0].pop("name"), "a respondent without a name"),
        (lambda f: f["respondents"][0]["file"].update(format="x"), "a bad answer file inside"),
        (lambda f: f["respondents"][0]["file"]["answers"].update({"A B": 1}), "a bad key inside"),
    ],
)
def test_comparison_schema_checks_every_answer_file_in_it(change, why: str) -> None:
    """The comparison's schema would accept a file the comparison view refuses."""
    broken = copy.deepcopy(COMPARISON_EXAMPLE)
    change(broken)
    with pytest.raises(jsonschema.ValidationError):
        comparison_validator().validate(broken)
