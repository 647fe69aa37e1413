"""Typed models of an instrument definition: the single source of its structure and JSON Schema.

The models only validate; they never print. The field types and repeated sections (a matrix of
chosen columns, parties on levels) are parts, each in its folder under ``parts/``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from functools import cached_property
from typing import Annotated, Any, Literal

from pydantic import Field, ValidationInfo, ValidatorFunctionWrapHandler, model_validator
from pydantic_core import InitErrorDetails

from .. import answer_keys as keys
from ..parts import PARTS, AnyField, AnyRepeat, FieldBase, Part, Question, reserved_name
from ..parts.scale import Scale
from .rules import (
    Id,
    Markdown,
    OneLine,
    Strict,
    Text,
    UniqueIds,
    rule_error,
    with_rules,
)

__all__ = ["Instrument", "Respondent", "Section", "json_schema"]


def _repeat_rules(section: Any) -> Iterator[InitErrorDetails]:
    """A repeated section keeps ``naam`` for names; and its part's own rules."""
    if not isinstance(section, dict) or not isinstance(section.get("repeat"), dict):
        return
    repeat = section["repeat"]
    fields = section.get("fields")
    yield from reserved_name(fields, ("fields",))
    for index, field in enumerate(fields if isinstance(fields, list) else []):
        kind = field.get("type") if isinstance(field, dict) else None
        part = PARTS.get(kind) if isinstance(kind, str) else None
        if part is not None and not part.repeatable:
            yield rule_error(
                "not_repeatable",
                f"a field of type '{kind}' cannot be asked again per column or party",
                "this field in a section without repeat",
                ("fields", index, "type"),
                kind,
            )
    kind = repeat.get("type")
    part = PARTS.get(kind) if isinstance(kind, str) else None
    if part is not None and part.rules is not None:
        for error in part.rules(repeat):
            yield {**error, "loc": ("repeat", *error["loc"])}


def _reserved_ids(section: Any) -> Iterator[InitErrorDetails]:
    """Ids the answer keys already give a meaning: a section 'respondent' would share its keys
    with the respondent fields, an option or party named like an added one its answers."""
    if not isinstance(section, dict):
        return
    if section.get("id") == keys.RESPONDENT:
        yield rule_error(
            "reserved_id",
            f"id '{keys.RESPONDENT}' is reserved for the answers about who fills in",
            "another id",
            ("id",),
            keys.RESPONDENT,
        )
    repeat = section.get("repeat")
    kind = repeat.get("type") if isinstance(repeat, dict) else None
    part = PARTS.get(kind) if isinstance(kind, str) else None
    added = part.added if part is not None else None
    if not isinstance(repeat, dict) or added is None:
        return  # no repeat, one of a wrong type (reported apart), or one the user adds nothing to
    key, prefix, added_what = added
    items = repeat.get(key)
    for index, item in enumerate(items if isinstance(items, list) else []):
        item_id = item.get("id") if isinstance(item, dict) else None
        if isinstance(item_id, str) and re.fullmatch(
            rf"{prefix}-[a-z0-9]{{{keys.ADDED_ID_LENGTH}}}", item_id
        ):
            yield rule_error(
                "reserved_id",
                f"id '{item_id}' has the form the page gives {added_what}",
                f"an id other than '{prefix}-' followed by six letters or digits",
                ("repeat", key, index, "id"),
                item_id,
            )


def _section_rules(section: Any) -> Iterator[InitErrorDetails]:
    yield from _repeat_rules(section)
    yield from _reserved_ids(section)


_validate_section = with_rules(_section_rules)


class Section(Strict):
    """A group of fields: an area of a poster, an aspect of a questionnaire, a matrix, a diagram."""

    id: Id = Field(description="the section's stable id, the first part of its answer keys")
    title: Text = Field(description="the section's heading")
    intro: Markdown | None = Field(default=None, description="text shown under the heading")
    repeat: AnyRepeat | None = Field(
        default=None,
        description="ask the fields per chosen column (menu) or per party and level (parties)",
    )
    fields: Annotated[list[AnyField], UniqueIds] = Field(
        min_length=1, description="the section's fields, at least one"
    )

    @model_validator(mode="wrap")
    @classmethod
    def _check_rules(
        cls, value: Any, handler: ValidatorFunctionWrapHandler, info: ValidationInfo
    ) -> Section:
        result: Section = _validate_section(value, handler, info)
        return result


# --- the instrument -------------------------------------------------------------------------


class Challenge(Strict):
    number: int = Field(ge=1, le=5, description="the challenge's number, 1 to 5")
    title: Text = Field(description="the challenge's name, e.g. 'De opgave'")
    points: list[OneLine] = Field(
        default=[],
        description="what the challenge is about, as the source puts it, one short line each "
        "(shown in the chooser on the home page and /tools/), e.g. 'Doelgroep scherp?'",
    )


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
    defined: set[str] = {
        scale["id"]
        for scale in (scales if isinstance(scales, list) else [])
        if isinstance(scale, dict) and isinstance(scale.get("id"), str)  # others: reported apart
    }
    sections = instrument.get("sections")
    for s_index, section in enumerate(sections if isinstance(sections, list) else []):
        fields = section.get("fields") if isinstance(section, dict) else None
        for f_index, field in enumerate(fields if isinstance(fields, list) else []):
            if not isinstance(field, dict) or field.get("type") != "scale":
                continue
            ref = field.get("scale")
            if isinstance(ref, str) and ref not in defined:
                known = sorted(defined)
                yield rule_error(
                    "undefined_scale",
                    f"scale '{ref}' is not defined under 'scales'",
                    f"one of: {', '.join(known)}" if known else "a scale defined under 'scales'",
                    ("sections", s_index, "fields", f_index, "scale", "scale"),
                    ref,
                )


_validate_scale_references = with_rules(_undefined_scales)


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

    def parts(self) -> list[Part]:
        """The parts its form has, in the registry's order."""
        used: set[str] = set()
        for section in self.sections:
            fields = list(section.fields)
            if section.repeat is not None:
                used.add(section.repeat.type)
                fields += section.repeat.extra_fields()
            for field in fields:
                used.add(field.type)
                used.update(inner.type for inner in field.inner_fields())
        return [part for name, part in PARTS.items() if name in used]

    def answer_key(self, section: Section, field: FieldBase) -> str:
        """The key of a field's answer: the path of ids (DESIGN.md §3)."""
        return keys.key(section.id, field.id)

    def fields(self) -> Iterator[tuple[Section, AnyField]]:
        """Every field asked once (not in a repeated section) with its section, in order."""
        for section in self.sections:
            if section.repeat is None:
                for field in section.fields:
                    yield section, field

    def questions(self) -> Iterator[Question]:
        """Every answer control of a blank form, repeated sections included, in reading order."""
        for section in self.sections:
            if section.repeat is None:
                for field in section.fields:
                    key = self.answer_key(section, field)
                    yield from field.questions(key, self.label_place(section, field))
            else:
                yield from section.repeat.questions(section)

    def stored_keys(self) -> Iterator[str]:
        """Every key a blank form can store: who answers, every question, and what the user
        chooses or names in repeated sections (answer_keys.py has the scheme)."""
        for asked in self.respondent.fields:
            yield keys.respondent_key(asked.id)
        for question in self.questions():
            yield question.key
        for section, field in self.fields():
            yield from field.own_keys(self.answer_key(section, field))
        for section in self.sections:
            if section.repeat is not None:
                yield from section.repeat.own_keys(section)

    @cached_property
    def _label_counts(self) -> Counter[str]:
        """How often each label is used outside repeated sections; counted once per instrument,
        so naming the places of all questions stays linear in their number."""
        return Counter(field.label for _, field in self.fields())

    def label_place(self, section: Section, field: FieldBase) -> str | None:
        """Where a repeated question stands (its section's title), to name it apart; else None."""
        return section.title if self._label_counts[field.label] > 1 else None


def json_schema() -> dict[str, Any]:
    """The JSON Schema of a definition file, generated from the models, for editors."""
    schema = Instrument.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Gereedschapskist instrument definition"
    return schema
