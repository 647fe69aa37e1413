"""The JSON Schema editors use to check definitions: up to date, referenced, and agreeing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from unit_support import TOOL_TEMPLATES, VALID

from generator.__main__ import SCHEMA_FILE, schema_text

SCHEMA_LINE = "# yaml-language-server: $schema=instrument.schema.json"


def test_schema_file_matches_the_models() -> None:
    """Editors check definitions against an outdated schema and show wrong hints or errors."""
    kept = (TOOL_TEMPLATES / SCHEMA_FILE).read_text(encoding="utf-8")
    assert kept == schema_text(), (
        f"tool_templates/{SCHEMA_FILE} is out of date: run `python -m generator schema`"
    )


def test_every_definition_points_editors_at_the_schema(real_definition_files: list[Path]) -> None:
    """An editor gives no completion or checking while a maintainer edits a definition."""
    for file in real_definition_files:
        first_line = file.read_text(encoding="utf-8").splitlines()[0]
        assert first_line == SCHEMA_LINE, f"{file.name} must start with '{SCHEMA_LINE}'"


def test_definitions_satisfy_the_json_schema(real_definition_files: list[Path]) -> None:
    """The schema rejects a definition the generator accepts, so editors flag correct files."""
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((TOOL_TEMPLATES / SCHEMA_FILE).read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    for file in [*real_definition_files, *sorted(VALID.glob("*.yml"))]:
        data = yaml.safe_load(file.read_text(encoding="utf-8"))
        errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(data)]
        assert errors == [], f"{file.name}: {errors}"


@pytest.fixture(scope="module")
def real_definition_files() -> list[Path]:
    """The project's own instrument definitions."""
    files = sorted(TOOL_TEMPLATES.glob("*.yml"))
    assert files, f"no definitions in {TOOL_TEMPLATES}"
    return files
