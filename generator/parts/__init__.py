"""The parts: every field type and repeat type, one folder each (see ``base.Part``), registered
here. Everything else (validation, rendering, the stylesheet bundles, the maintainers' reference,
the comparison's data, the client's loader) iterates this registry: adding a part is a folder
and a line below.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any, Union

from pydantic import Field

from . import actions, choice, date, long_text, menu, parties, scale, short_text
from .base import FieldBase, Part, Question, RepeatBase, reserved_name

FIELD_PARTS: tuple[Part, ...] = (
    long_text.PART,
    short_text.PART,
    scale.PART,
    choice.PART,
    date.PART,
    actions.PART,
)
REPEAT_PARTS: tuple[Part, ...] = (menu.PART, parties.PART)
PARTS: dict[str, Part] = {part.type: part for part in (*FIELD_PARTS, *REPEAT_PARTS)}

FIELD_TYPES = tuple(part.model for part in FIELD_PARTS)
REPEAT_TYPES = tuple(part.model for part in REPEAT_PARTS)
if TYPE_CHECKING:  # what every field and repeat has; their own attributes after isinstance
    AnyField = FieldBase
    AnyRepeat = RepeatBase
else:  # a definition's field or repeat, read as the model its ``type`` names
    AnyField = Annotated[Union[FIELD_TYPES], Field(discriminator="type")]  # noqa: UP007
    AnyRepeat = Annotated[Union[REPEAT_TYPES], Field(discriminator="type")]  # noqa: UP007


def part_of(item: Any) -> Part:
    """The part of a field or repeat (by its ``type``)."""
    return PARTS[item.type]


def field_entry(field: FieldBase) -> dict[str, Any]:
    """A field as the comparison view needs it: id, type, label and what its part adds."""
    return {
        "id": field.id,
        "type": field.type,
        "label": field.label,
        **part_of(field).comparison(field),
    }


__all__ = [
    "FIELD_PARTS",
    "FIELD_TYPES",
    "PARTS",
    "REPEAT_PARTS",
    "REPEAT_TYPES",
    "AnyField",
    "AnyRepeat",
    "FieldBase",
    "Part",
    "Question",
    "RepeatBase",
    "field_entry",
    "part_of",
    "reserved_name",
]
