"""The comparison view's data: an instrument's structure as the browser needs it to line up
several answer files (DESIGN.md §3), built from the models so it can never drift from the form.

The page carries it as JSON text; ``client/comparison/comparison-page.js`` reads it. Plain fields
carry their answer key; repeated sections carry what their part's comparison needs to build
theirs: the menu's options, or the parties, levels and link fields. Each part says what it adds
(``Part.comparison``); the key scheme's pieces come from ``answer_keys``.
"""

from __future__ import annotations

from typing import Any

from .. import answer_keys as keys
from ..definition.instrument import Instrument, Section
from ..parts import field_entry, part_of
from ..parts.scale import DONT_KNOW


def _role(section: Section) -> str:
    """What the view does with a section: figures (aspect), text side by side, or a repeat."""
    if section.repeat is not None:
        return section.repeat.type
    return "aspect" if any(part_of(f).scored for f in section.fields) else "questions"


def _section(instrument: Instrument, section: Section) -> dict[str, Any]:
    fields = []
    for field in section.fields:
        entry = field_entry(field)
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
    if section.repeat is not None:
        result["repeat"] = {
            "type": section.repeat.type,
            **part_of(section.repeat).comparison(section.repeat),
        }
    return result


def structure(instrument: Instrument) -> dict[str, Any]:
    """The instrument's sections, fields, scales and repeats, as plain JSON-ready data."""
    return {
        "id": instrument.id,
        "version": instrument.version,
        "title": instrument.title,
        "keys": keys.client_scheme(),
        # The parts whose answers the comparison lines up with code of their own
        # (parts/<type>/<type>-comparison.js), which the view loads.
        "parts": [part.type for part in instrument.parts() if part.comparison_script],
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
