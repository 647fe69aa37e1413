"""The own result of an instrument: what its result region needs to know about the statements.

An aspect is a section asked once whose fields include scale fields; its statements are those
scale fields, in order. The page's script works out the figures from the answers; this module
only hands it the structure (as JSON in an attribute), so the script never reads labels off the
page.
"""

from __future__ import annotations

from typing import Any

from ..definition.instrument import Instrument
from ..parts.scale import ScaleField

# The radar chart needs at least this many axes to enclose an area; fewer get only the table.
MIN_RADAR_ASPECTS = 3


def result_model(instrument: Instrument) -> dict[str, Any] | None:
    """The aspects, statements and scale of an instrument's result, or None if it has no
    statements on a scale (then it gets no result region)."""
    aspects = []
    used: dict[str, None] = {}  # the scales the statements use, in order of first use
    for section in instrument.sections:
        if section.repeat is not None:  # its statements are asked per column or party
            continue
        statements = [
            {
                "key": instrument.answer_key(section, field),
                "label": field.label,
                "scale": field.scale,
            }
            for field in section.fields
            if isinstance(field, ScaleField)
        ]
        if statements:
            aspects.append({"id": section.id, "title": section.title, "statements": statements})
            used.update(dict.fromkeys(s["scale"] for s in statements))
    if not aspects:
        return None
    scales = [instrument.scales_by_id[scale_id] for scale_id in used]
    values = [option.value for scale in scales for option in scale.options]
    ends = None
    if len(scales) == 1:  # the words at the two ends, when every statement has the same scale
        options = sorted(scales[0].options, key=lambda option: option.value)
        ends = [options[0].label, options[-1].label]
    return {
        "min": min(values),
        "max": max(values),
        "ends": ends,
        # What a "weet niet" answer is called (it counts for no figure), if a scale has one.
        "dont_know": next((scale.dont_know for scale in scales if scale.dont_know), None),
        "radar": len(aspects) >= MIN_RADAR_ASPECTS,
        # The words of each answer, to name a statement's score as the user chose it.
        "labels": {
            scale.id: {str(option.value): option.label for option in scale.options}
            for scale in scales
        },
        "aspects": aspects,
    }
