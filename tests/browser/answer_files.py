"""Answer files (DESIGN.md §3) as the tests write them, and the corpora of bad and hostile files
in ``tests/data/`` that the import must refuse, or take in as plain text."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
from referencing import Registry, Resource

from generator.definition.instrument import Instrument
from generator.parts.menu import MenuRepeat
from generator.parts.parties import PartiesRepeat
from generator.parts.scale import ScaleField

from . import definitions
from .served_site import PROJECT_DIR

FORMAT = "gereedschapskist-antwoorden"
DONT_KNOW = "weet-niet"  # the stored answer of a scale's "Weet niet" (docs/antwoordbestand.md)
DATA_DIR = PROJECT_DIR / "tests" / "data"
BAD_DIR = DATA_DIR / "bad-answers"
HOSTILE_DIR = DATA_DIR / "hostile-answers"
BAD_MESSAGES = BAD_DIR / "messages.json"
SCHEMA_FILE = PROJECT_DIR / "docs" / "antwoordbestand.schema.json"
COMPARISON_SCHEMA_FILE = PROJECT_DIR / "docs" / "vergelijking.schema.json"
SESSION_SCHEMA_FILE = PROJECT_DIR / "docs" / "sessie.schema.json"
NOT_CASES = {"README.md", BAD_MESSAGES.name}

Answers = dict[str, Any]


def storage_key(instrument_id: str) -> str:
    """The localStorage key under which the site keeps an instrument's answers."""
    return f"gereedschapskist:antwoorden:{instrument_id}"


def answer_file(
    instrument_id: str, answers: Answers, respondent: dict[str, Any] | None = None
) -> dict[str, Any]:
    """A valid answer file of an instrument's current version holding these answers."""
    return {
        "format": FORMAT,
        "version": 1,
        "instrument": {
            "id": instrument_id,
            "version": definitions.instrument(instrument_id).version,
        },
        "respondent": respondent or {},
        "saved": "2026-11-29T10:15:00Z",
        "answers": answers,
    }


def write(path: Path, data: dict[str, Any]) -> Path:
    """Write an answer file as the site's export does (UTF-8 JSON); returns its path."""
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path


def full_answers(instrument: Instrument) -> Answers:
    """An answer to every question of the blank form: every menu option chosen (so every column
    shows), the parties it starts with under their own names, text with awkward characters, and
    every kind of scale answer, "Weet niet" included. (An agreements list has its blank form's
    one row, which a file need not list.)"""
    answers: Answers = {}
    for section in instrument.sections:
        if isinstance(section.repeat, MenuRepeat):
            answers[section.id] = [option.id for option in section.repeat.options]
        elif isinstance(section.repeat, PartiesRepeat):
            answers[section.id] = [party.id for party in section.repeat.parties]
            for party in section.repeat.parties:
                answers[f"{section.id}.{party.id}.naam"] = party.name
    for number, question in enumerate(definitions.questions(instrument)):
        if isinstance(question.field, ScaleField):
            scale = instrument.scales_by_id[question.field.scale]
            values: list[Any] = [option.value for option in scale.options]
            if scale.dont_know:
                values.append(DONT_KNOW)
            answers[question.key] = values[number % len(values)]
        else:
            lines = "\n" if question.field.type == "long_text" else " "  # a short text: one line
            answers[question.key] = (
                f"Antwoord {number}: één regel,{lines}nog een <b>regel</b> & meer"
            )
    return answers


def scale_label(instrument: Instrument, question_key: str, value: Any) -> str:
    """The option label a stored scale answer stands for."""
    question = next(q for q in definitions.questions(instrument) if q.key == question_key)
    assert isinstance(question.field, ScaleField)
    scale = instrument.scales_by_id[question.field.scale]
    if value == DONT_KNOW and scale.dont_know:
        return scale.dont_know
    return next(option.label for option in scale.options if option.value == value)


def schema() -> dict[str, Any]:
    """The published JSON Schema of the answer file."""
    result: dict[str, Any] = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    return result


def _validate_group_file(data: Any, schema_file: Path) -> None:
    group = json.loads(schema_file.read_text(encoding="utf-8"))
    registry: Registry[Any] = Registry().with_resources(
        (each["$id"], Resource.from_contents(each)) for each in (schema(), group)
    )
    jsonschema.Draft202012Validator(group, registry=registry).validate(data)


def validate_comparison(data: Any) -> None:
    """Check a combined comparison file against its published schema (which refers to the
    answer file's schema for every respondent's file); raises jsonschema.ValidationError."""
    _validate_group_file(data, COMPARISON_SCHEMA_FILE)


def validate_session(data: Any) -> None:
    """Check a session file against its published schema (which refers to the answer file's
    schema for every respondent's file and the joint version); raises ValidationError."""
    _validate_group_file(data, SESSION_SCHEMA_FILE)


def bad_files() -> list[str]:
    """The names of the bad answer files the import must refuse, one case each."""
    return sorted(p.name for p in BAD_DIR.iterdir() if p.is_file() and p.name not in NOT_CASES)


def bad_messages() -> dict[str, str]:
    """Per bad file (optionally) a piece of text its refusal must contain."""
    result: dict[str, str] = json.loads(BAD_MESSAGES.read_text(encoding="utf-8"))
    return result


def hostile_files() -> list[str]:
    """The names of the hostile but valid answer files: they import, as plain text."""
    return sorted(p.name for p in HOSTILE_DIR.iterdir() if p.suffix == ".json")
