"""The field types: what a user answers, one control or group of controls each."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Any, Literal, NamedTuple, Union

from pydantic import Field, WrapValidator
from pydantic_core import InitErrorDetails

from .rules import Id, Strict, Text, UniqueIds, rule_error, with_rules

# --- scales ---------------------------------------------------------------------------------

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


# --- fields ---------------------------------------------------------------------------------


class FieldBase(Strict):
    id: Id = Field(description="the field's stable id, part of its answer key")
    label: Text = Field(description="the question or statement as the user sees it")
    help: Text | None = Field(default=None, description="a short hint shown under the label")


class LongTextField(FieldBase):
    """An answer of several lines."""

    type: Literal["long_text"]
    rows: int = Field(default=4, ge=1, le=30, description="visible lines, 1 to 30")


class ShortTextField(FieldBase):
    """An answer of one line."""

    type: Literal["short_text"]


class ScaleField(FieldBase):
    """A statement answered on one of the instrument's scales (a radio group)."""

    type: Literal["scale"]
    scale: Id = Field(description="the id of a scale defined under 'scales'")


class ChoiceOption(Strict):
    id: Id = Field(description="the option's stable id, stored as the answer")
    label: Text = Field(description="the option's text as the user sees it")


class ChoiceField(FieldBase):
    """A choice of one option (radio buttons) or several (checkboxes)."""

    type: Literal["choice"]
    multiple: bool = Field(default=False, description="true when several options may be chosen")
    options: Annotated[list[ChoiceOption], UniqueIds] = Field(
        min_length=2, description="the options to choose from, at least two"
    )


FIELD_TYPES = (LongTextField, ShortTextField, ScaleField, ChoiceField)
AnyField = Annotated[
    Union[LongTextField, ShortTextField, ScaleField, ChoiceField],  # noqa: UP007
    Field(discriminator="type"),
]


class Question(NamedTuple):
    """One answer control of a blank form: its answer key, its place (or None) and its field."""

    key: str
    place: str | None
    field: FieldBase

    @property
    def label(self) -> str:
        """The control's accessible name: the question, after its place where it repeats."""
        return f"{self.place}: {self.field.label}" if self.place else self.field.label
