"""The comparison view's data: an instrument's structure as the browser needs it to line up
several answer files (DESIGN.md §3), built from the models so it can never drift from the form.

The page carries it as JSON text; ``assets/compare.js`` reads it. Plain fields carry their answer
key; repeated sections carry what the client needs to build theirs (the key scheme of
``repeat.py``): the menu's options, or the parties, levels and link fields.
"""

from __future__ import annotations

from typing import Any

from .fields import DONT_KNOW, ChoiceField, LongTextField, ScaleField, ShortTextField
from .model import Instrument, Section
from .repeat import BETWEEN, NAME_FIELD, MenuRepeat, PartiesRepeat

SLUG = "vergelijken"  # /tools/<id>/vergelijken/


def comparison_path(instrument: Instrument) -> str:
    """Where an instrument's comparison page source goes; MkDocs serves it at
    /tools/<id>/vergelijken/, beside the instrument's own page at /tools/<id>/."""
    return f"tools/{instrument.id}/{SLUG}.md"


def _field(field: LongTextField | ShortTextField | ScaleField | ChoiceField) -> dict[str, Any]:
    entry: dict[str, Any] = {"id": field.id, "type": field.type, "label": field.label}
    if isinstance(field, ScaleField):
        entry["scale"] = field.scale
    elif isinstance(field, ChoiceField):
        entry["multiple"] = field.multiple
        entry["options"] = [{"id": o.id, "label": o.label} for o in field.options]
    return entry


def _role(section: Section) -> str:
    """What the view does with a section: figures (aspect), text side by side, or a repeat."""
    if section.repeat is not None:
        return section.repeat.type
    return "aspect" if any(isinstance(f, ScaleField) for f in section.fields) else "questions"


def _repeat(section: Section) -> dict[str, Any] | None:
    repeat = section.repeat
    if isinstance(repeat, MenuRepeat):
        return {
            "type": "menu",
            "title": repeat.title,
            "options": [{"id": o.id, "label": o.label} for o in repeat.options],
            "own": repeat.own,
        }
    if isinstance(repeat, PartiesRepeat):
        return {
            "type": "parties",
            "party": repeat.party,
            "parties": [{"id": p.id, "name": p.name} for p in repeat.parties],
            "levels": [{"id": level.id, "label": level.label} for level in repeat.levels],
            "linkFields": [_field(f) for f in repeat.link_fields],
        }
    return None


def _section(instrument: Instrument, section: Section) -> dict[str, Any]:
    fields = []
    for field in section.fields:
        entry = _field(field)
        if section.repeat is None:
            entry["key"] = instrument.answer_key(section, field)
            entry["place"] = instrument.label_place(section, field)
        fields.append(entry)
    result: dict[str, Any] = {
        "id": section.id,
        "title": section.title,
        "role": _role(section),
        "fields": fields,
    }
    repeat = _repeat(section)
    if repeat is not None:
        result["repeat"] = repeat
    return result


def structure(instrument: Instrument) -> dict[str, Any]:
    """The instrument's sections, fields, scales and repeats, as plain JSON-ready data."""
    return {
        "id": instrument.id,
        "version": instrument.version,
        "title": instrument.title,
        "nameField": NAME_FIELD,
        "between": BETWEEN,
        "scales": [
            {
                "id": scale.id,
                "options": [{"value": o.value, "label": o.label} for o in scale.options],
                "dontKnow": (
                    {"value": DONT_KNOW, "label": scale.dont_know} if scale.dont_know else None
                ),
            }
            for scale in instrument.scales
        ],
        "sections": [_section(instrument, section) for section in instrument.sections],
    }
