"""Scale: a statement answered on one of the instrument's scales (a radio group). The scales
themselves are defined once per instrument, under ``scales``; this part defines them too."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Any, Literal

from pydantic import Field, WrapValidator
from pydantic_core import InitErrorDetails

from ...definition.rules import Id, Strict, Text, rule_error, with_rules
from ..base import FieldBase, Part

# The stored answer of a scale's "weet niet" option (a value no scale option can have).
DONT_KNOW = "weet-niet"


class ScaleOption(Strict):
    # The page reads an answer back as a number only when it is digits alone.
    value: int = Field(ge=0, description="the number stored as the answer, a whole number from 0")
    label: Text = Field(description="the option's text as the user sees it, a non-empty text")


def _duplicate_values(options: Any) -> Iterator[InitErrorDetails]:
    if not isinstance(options, list):
        return
    seen: set[int] = set()
    for index, option in enumerate(options):
        value = option.get("value") if isinstance(option, dict) else None
        if isinstance(value, int) and not isinstance(value, bool):
            if value in seen:
                yield rule_error(
                    "duplicate_value",
                    f"value {value} is already used by another option of this scale",
                    "a different number for each option",
                    (index, "value"),
                    value,
                )
            seen.add(value)


class Scale(Strict):
    """A labelled answer scale, defined once per instrument and referenced by scale fields."""

    id: Id = Field(description="the scale's id, referenced by scale fields")
    options: Annotated[list[ScaleOption], WrapValidator(with_rules(_duplicate_values))] = Field(
        min_length=2, description="the scale's options in order, at least two"
    )
    dont_know: Text | None = Field(
        default=None, description="the text of an extra 'weet niet' option, or leave it out"
    )


class ScaleField(FieldBase):
    """A statement answered on one of the instrument's scales (a radio group)."""

    type: Literal["scale"]
    scale: Id = Field(description="the id of a scale defined under 'scales'")


PART = Part(
    kind="field",
    shared_styles=("client/options.css", "client/boxes.css"),
    model=ScaleField,
    title="Schaal",
    text="Een stelling met een keuze op een schaal (rondjes). De schaal staat één keer onder "
    "`scales` en de stelling noemt haar `id`; `dont_know` voegt 'Weet niet' toe. De "
    "waarde (`value`) van elke keuze is een heel getal vanaf 0.",
    example={
        "id": "uitgesproken",
        "type": "scale",
        "scale": "eens-oneens",
        "label": "We hebben onze ambitie uitgesproken.",
    },
    comparison=lambda field: {"scale": field.scale},
    scored=True,
)
