"""What every part shares: the record a part registers, and the base of every field type."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, NamedTuple, get_args

from pydantic import Field
from pydantic_core import InitErrorDetails

from ..answer_keys import NAME_FIELD, labelled
from ..definition.rules import Id, Strict, Text, rule_error

if TYPE_CHECKING:
    from ..definition.instrument import Section

PARTS_DIR = Path(__file__).parent


class FieldBase(Strict):
    """What every field type has (each adds ``type``, its own name, after these keys)."""

    if TYPE_CHECKING:
        type: str

    id: Id = Field(description="the field's stable id, part of its answer key")
    label: Text = Field(description="the question or statement as the user sees it")
    help: Text | None = Field(default=None, description="a short hint shown under the label")

    def questions(self, key: str, place: str | None) -> Iterator[Question]:
        """The answer controls of a blank form this field has at ``key``: most have one."""
        yield Question(key, place, self)

    def own_keys(self, key: str) -> Iterator[str]:
        """The keys of a blank form that hold how the field is laid out, not answers (the rows
        of an agreements list in order)."""
        return iter(())

    def inner_fields(self) -> list[FieldBase]:
        """The fields it asks inside itself (an agreements list's columns)."""
        return []


class RepeatBase(Strict):
    """What every repeat type has (each narrows ``type`` to its own name): the questions of a
    blank form, as its part asks the section's fields again."""

    if TYPE_CHECKING:
        type: str

    def questions(self, section: Section) -> Iterator[Question]:
        raise NotImplementedError

    def extra_fields(self) -> list[FieldBase]:
        """The fields it asks besides the section's own (the parties' link fields)."""
        return []

    def own_keys(self, section: Section) -> Iterator[str]:
        """The keys of a blank form that hold what the user chooses or names, not answers (the
        chosen columns; the parties in order and their names)."""
        raise NotImplementedError


class Question(NamedTuple):
    """One answer control of a blank form: its answer key, its place (or None) and its field."""

    key: str
    place: str | None
    field: FieldBase

    @property
    def label(self) -> str:
        """The control's accessible name: the question, after its place where it repeats."""
        return labelled(self.place, self.field.label)


def reserved_name(items: Any, loc: tuple[str | int, ...]) -> Iterator[InitErrorDetails]:
    """In a repeated section, the items of a list of ids (fields, levels…) may not take the id
    that keeps the names of the columns or parties."""
    for index, item in enumerate(items if isinstance(items, list) else []):
        if isinstance(item, dict) and item.get("id") == NAME_FIELD:
            yield rule_error(
                "reserved_id",
                f"id '{NAME_FIELD}' is reserved in a repeated section for the names",
                "another id",
                (*loc, index, "id"),
                NAME_FIELD,
            )


def no_extra(_: Any) -> dict[str, Any]:
    """A part whose comparison needs nothing beyond its id, type and label (or its type)."""
    return {}


@dataclass(frozen=True)
class Part:
    """A field type or repeat type, with everything it needs in its folder ``parts/<type>/``:

    - ``__init__.py``: its definition model and this record;
    - ``<type>.html``: its template (a field's controls, or a repeated section's layout);
    - ``<type>.css`` (optional): its screen and print rules, bundled into the pages that have it
      (after ``shared_styles``, rules it shares with other parts: the options of a scale or
      choice, the boxes to tick on paper);
    - ``<type>.js`` (optional): its client module, loaded by the form where the part is; it
      defines the element its template wraps the part in (``data-gk-part="<type>"``);
    - ``<type>-comparison.js`` (optional): how the comparison view lines up its answers: which
      keys it asks (``knows``) and its groups of questions across respondents (``groups``). A
      repeat must have one; a field has one when its answers are more than one key (an
      agreements list), and is shown side by side otherwise.

    The record holds the rest: its entry in the maintainers' reference (``title``, ``text`` and
    an ``example`` that the tests validate); ``comparison``, what the comparison view needs of
    one field or repeat beyond its id, type and label (``pages/comparison_data.py``); and a
    repeat's ``rules`` beyond its model's (run on the definition as written, so one run reports
    every mistake).
    """

    kind: Literal["field", "repeat"]
    model: type[Strict]
    title: str
    text: str
    example: dict[str, Any]
    comparison: Callable[[Any], dict[str, Any]] = no_extra
    scored: bool = False  # its answers are numbers the own result and comparison figure out
    rules: Callable[[dict[str, Any]], Iterator[InitErrorDetails]] | None = None
    # A repeat the user adds to: the key of the definition's own list, the prefix of the ids
    # the page gives what the user adds (client/dom.js, newId), and what they are called.
    added: tuple[str, str, str] | None = None
    # Stylesheets it shares with other parts (below the generator package), each in a page once.
    shared_styles: tuple[str, ...] = ()
    # A field that can stand in a repeated section (asked per column or party); one with keys
    # of its own below its key (an agreements list's rows) cannot.
    repeatable: bool = True

    @property
    def type(self) -> str:
        """The part's name in a definition (``type: …``), from its model."""
        return str(get_args(self.model.model_fields["type"].annotation)[0])

    @property
    def folder(self) -> Path:
        return PARTS_DIR / self.type

    def file(self, suffix: str) -> str | None:
        """The part's own file with this suffix, as a path below the generator package, if any.
        (Looked up once per part: the properties below keep what it found.)"""
        path = self.folder / f"{self.type}{suffix}"
        return f"parts/{self.type}/{path.name}" if path.is_file() else None

    @cached_property
    def template(self) -> str:
        template = self.file(".html")
        if template is None:
            raise FileNotFoundError(f"part '{self.type}' has no template {self.type}.html")
        return template

    @cached_property
    def style(self) -> str | None:
        return self.file(".css")

    @cached_property
    def script(self) -> str | None:
        return self.file(".js")

    @cached_property
    def comparison_script(self) -> str | None:
        return self.file("-comparison.js")
