"""Typed models of an instrument definition: the single source of its structure and JSON Schema.

The models only validate; they never print. Cross-reference rules that JSON Schema cannot express
(unique ids, references to defined scales) are validators here too, so every way into a model
enforces them, and they report their mistakes together with the structural ones.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Annotated, Any, Literal, Union

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    ValidationInfo,
    ValidatorFunctionWrapHandler,
    WrapValidator,
    model_validator,
)
from pydantic_core import InitErrorDetails, PydanticCustomError

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"

Id = Annotated[str, StringConstraints(pattern=ID_PATTERN)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
OneLine = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, pattern=r"^[^\n]*$")
]
Markdown = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class Strict(BaseModel):
    """Base of every model: unknown keys are mistakes, values are taken as written."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


# --- collecting rule violations as pydantic errors ------------------------------------------


def _as_init_errors(error: ValidationError) -> list[InitErrorDetails]:
    """Turn the errors of a failed inner validation back into raisable details, keeping ctx."""
    details: list[InitErrorDetails] = []
    for err in error.errors():
        ctx = {**err.get("ctx", {}), "message": err["msg"]}
        details.append(
            InitErrorDetails(
                type=PydanticCustomError(err["type"], "{message}", ctx),
                loc=err["loc"],
                input=err["input"],
            )
        )
    return details


def _rule_error(
    kind: str, problem: str, expected: str, loc: tuple[str | int, ...], value: Any
) -> InitErrorDetails:
    """A broken rule, worded like every other mistake: what is wrong, then what was expected."""
    return InitErrorDetails(
        type=PydanticCustomError(
            kind, "{problem} (expected {expected})", {"problem": problem, "expected": expected}
        ),
        loc=loc,
        input=value,
    )


def _with_rules(
    check: Callable[[Any], Iterator[InitErrorDetails]],
) -> Callable[[Any, ValidatorFunctionWrapHandler, ValidationInfo], Any]:
    """Wrap validator running ``check`` on the raw input beside the structural validation.

    Both sets of errors are raised together, so one run reports every mistake in a file.
    """

    def validate(value: Any, handler: ValidatorFunctionWrapHandler, info: ValidationInfo) -> Any:
        errors: list[InitErrorDetails] = []
        result = None
        try:
            result = handler(value)
        except ValidationError as error:
            errors.extend(_as_init_errors(error))
        errors.extend(check(value))
        if errors:
            raise ValidationError.from_exception_data("Instrument", errors)
        return result

    return validate


def _duplicate_ids(items: Any) -> Iterator[InitErrorDetails]:
    """Every item whose ``id`` was already used earlier in the same list."""
    if not isinstance(items, list):
        return
    first_index: dict[str, int] = {}
    for index, item in enumerate(items):
        item_id = item.get("id") if isinstance(item, dict) else None
        if not isinstance(item_id, str):
            continue
        if item_id in first_index:
            yield _rule_error(
                "duplicate_id",
                f"id '{item_id}' is already used by item {first_index[item_id]} of this list",
                "an id used once in the list",
                (index, "id"),
                item_id,
            )
        else:
            first_index[item_id] = index


UniqueIds = WrapValidator(_with_rules(_duplicate_ids))


# --- scales ---------------------------------------------------------------------------------


class ScaleOption(Strict):
    value: int = Field(description="the number stored as the answer, a whole number")
    label: Text = Field(description="the option's text as the user sees it, a non-empty text")


def _duplicate_values(options: Any) -> Iterator[InitErrorDetails]:
    if not isinstance(options, list):
        return
    seen: set[int] = set()
    for index, option in enumerate(options):
        value = option.get("value") if isinstance(option, dict) else None
        if isinstance(value, int) and not isinstance(value, bool):
            if value in seen:
                yield _rule_error(
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
    options: Annotated[list[ScaleOption], WrapValidator(_with_rules(_duplicate_values))] = Field(
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


class Section(Strict):
    """A group of fields: an area of a poster, an aspect of a questionnaire."""

    id: Id = Field(description="the section's stable id, the first part of its answer keys")
    title: Text = Field(description="the section's heading")
    intro: Markdown | None = Field(default=None, description="text shown under the heading")
    fields: Annotated[list[AnyField], UniqueIds] = Field(
        min_length=1, description="the section's fields, at least one"
    )


# --- the instrument -------------------------------------------------------------------------


class Challenge(Strict):
    number: int = Field(ge=1, le=5, description="the challenge's number, 1 to 5")
    title: Text = Field(description="the challenge's name, e.g. 'De opgave'")


class Guidance(Strict):
    when: Text = Field(description="when to use the instrument")
    with_whom: Text = Field(description="with whom to use it")
    duration: OneLine = Field(description="how long it takes, e.g. '45 minuten'")
    materials: Text = Field(description="what you need")


class PrintSettings(Strict):
    paper: Literal["A4", "A3"] = Field(description="the paper size: A4 or A3")
    orientation: Literal["portrait", "landscape"] = Field(
        description="the orientation: portrait or landscape"
    )


class RespondentField(Strict):
    id: Literal["naam", "organisatie"] = Field(description="naam or organisatie")
    label: Text = Field(description="the question as the user sees it")


class Respondent(Strict):
    """The optional fields about who answers; they stay empty unless the user fills them."""

    title: Text = Field(description="the heading over the respondent fields")
    intro: Markdown | None = Field(default=None, description="text under the heading")
    fields: Annotated[list[RespondentField], UniqueIds] = Field(
        min_length=1, description="the respondent fields: naam and/or organisatie"
    )


def _undefined_scales(instrument: Any) -> Iterator[InitErrorDetails]:
    """Every scale field that refers to a scale the instrument does not define."""
    if not isinstance(instrument, dict):
        return
    scales = instrument.get("scales")
    defined = {
        scale.get("id")
        for scale in (scales if isinstance(scales, list) else [])
        if isinstance(scale, dict)
    }
    sections = instrument.get("sections")
    for s_index, section in enumerate(sections if isinstance(sections, list) else []):
        fields = section.get("fields") if isinstance(section, dict) else None
        for f_index, field in enumerate(fields if isinstance(fields, list) else []):
            if not isinstance(field, dict) or field.get("type") != "scale":
                continue
            ref = field.get("scale")
            if isinstance(ref, str) and ref not in defined:
                known = sorted(i for i in defined if isinstance(i, str))
                yield _rule_error(
                    "undefined_scale",
                    f"scale '{ref}' is not defined under 'scales'",
                    f"one of: {', '.join(known)}" if known else "a scale defined under 'scales'",
                    ("sections", s_index, "fields", f_index, "scale", "scale"),
                    ref,
                )


_validate_scale_references = _with_rules(_undefined_scales)


class Instrument(Strict):
    """One instrument: its description for the overview, its print settings and its form."""

    id: Id = Field(description="the instrument's id, also its URL and file name")
    version: int = Field(ge=1, description="the definition's version, a whole number from 1")
    title: OneLine = Field(description="the instrument's title")
    purpose: OneLine = Field(description="what the instrument is for")
    challenges: list[Challenge] = Field(
        min_length=1, description="the challenges (1 to 5) the instrument serves"
    )
    intro: Markdown = Field(description="the introduction shown above the form, in Markdown")
    guidance: Guidance = Field(description="when, with whom, how long and what you need")
    print: PrintSettings = Field(description="the paper size and orientation for printing")
    layout: Literal["poster", "questionnaire"] = Field(
        description="how the sections are laid out: poster or questionnaire"
    )
    respondent: Respondent = Field(description="the optional fields about who answers")
    scales: Annotated[list[Scale], UniqueIds] = Field(
        default_factory=list, description="the answer scales scale fields refer to"
    )
    sections: Annotated[list[Section], UniqueIds] = Field(
        min_length=1, description="the instrument's sections, at least one"
    )

    @model_validator(mode="wrap")
    @classmethod
    def _check_scale_references(
        cls, value: Any, handler: ValidatorFunctionWrapHandler, info: ValidationInfo
    ) -> Instrument:
        result: Instrument = _validate_scale_references(value, handler, info)
        return result

    @property
    def scales_by_id(self) -> dict[str, Scale]:
        return {scale.id: scale for scale in self.scales}

    @property
    def order(self) -> tuple[int, str]:
        """Where the instrument stands on the overview: by its first challenge, then title."""
        return (min(c.number for c in self.challenges), self.title)

    def answer_key(self, section: Section, field: FieldBase) -> str:
        """The key of a field's answer: the path of ids (DESIGN.md §3)."""
        return f"{section.id}.{field.id}"

    def fields(self) -> Iterator[tuple[Section, AnyField]]:
        """Every field of the form with its section, in reading order."""
        for section in self.sections:
            for field in section.fields:
                yield section, field

    def label_place(self, section: Section, field: FieldBase) -> str | None:
        """Where a repeated question stands (its section's title), to name it apart; else None."""
        count = sum(other.label == field.label for _, other in self.fields())
        return section.title if count > 1 else None

    def accessible_label(self, section: Section, field: FieldBase) -> str:
        """The field's accessible name: its label, after its place where the label repeats."""
        place = self.label_place(section, field)
        return f"{place}: {field.label}" if place else field.label


def json_schema() -> dict[str, Any]:
    """The JSON Schema of a definition file, generated from the models, for editors."""
    schema = Instrument.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Gereedschapskist instrument definition"
    return schema
