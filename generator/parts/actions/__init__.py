"""Actions: an agreements list. The user adds and removes rows ("Afspraak toevoegen"); every row
asks the columns the definition names, each a one-line answer. Keys (see ``answer_keys``): a
cell ``<section>.<field>.<row>.<column>``, the rows in order ``<section>.<field>``. A row's id
is made once, when it is added, and never changes: a removed row takes no other row's answers.
A blank form has one row, ``FIRST_ROW``."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Any, ClassVar, Literal

from pydantic import Field

from ... import answer_keys as keys
from ...definition.rules import Text, UniqueIds
from ..base import FieldBase, Part, Question
from ..short_text import ShortTextField

FIRST_ROW = "eerste"  # the id of the row a blank form starts with
ROW_PREFIX = "rij"  # the rows the user adds: "rij-" and six letters or digits (client/dom.js)
MAX_ROWS = 30
BLANK_PRINT_ROWS = 6  # the empty rows of the paper form


class Column(ShortTextField):
    """A column of the list: a one-line answer in every row."""

    type: Literal["short_text"] = Field(
        default="short_text", description="always short_text: a column holds one line"
    )


class ActionsField(FieldBase):
    """A list of rows the user adds and removes, each asking the same columns."""

    # What its template and script need to know (the constants above).
    first_row: ClassVar[str] = FIRST_ROW
    row_prefix: ClassVar[str] = ROW_PREFIX
    max_rows: ClassVar[int] = MAX_ROWS
    blank_print_rows: ClassVar[int] = BLANK_PRINT_ROWS

    type: Literal["actions"]
    item: Text = Field(
        default="Afspraak",
        description="the word for one row, e.g. 'Afspraak': its button is '<item> toevoegen'",
    )
    columns: Annotated[list[Column], UniqueIds] = Field(
        min_length=1, max_length=6, description="what every row asks, 1 to 6 columns"
    )

    def row_place(self, place: str | None, number: int | str) -> str:
        """Where a row's answers stand: "Afspraak 1" (after the field's own place, if any)."""
        row = f"{self.item} {number}"
        return keys.place(place, row) if place else row

    def questions(self, key: str, place: str | None) -> Iterator[Question]:
        """The columns of the blank form's one row."""
        for column in self.columns:
            yield Question(keys.key(key, FIRST_ROW, column.id), self.row_place(place, 1), column)

    def own_keys(self, key: str) -> Iterator[str]:
        """The rows in order."""
        yield key

    def inner_fields(self) -> list[FieldBase]:
        return list(self.columns)


def _comparison(field: ActionsField) -> dict[str, Any]:
    return {
        "item": field.item,
        "columns": [{"id": column.id, "label": column.label} for column in field.columns],
    }


PART = Part(
    kind="field",
    model=ActionsField,
    title="Afsprakenlijst",
    text="Een lijst van rijen die de gebruiker toevoegt en verwijdert (met de knop "
    "'`item` toevoegen'), elke rij met de kolommen uit `columns`: een id en een kop, elk een "
    "antwoord van één regel. Een leeg formulier begint met één rij; op papier is het een lege "
    f"tabel van {BLANK_PRINT_ROWS} rijen. Alleen in een onderdeel zonder `repeat`.",
    example={
        "id": "afspraken",
        "type": "actions",
        "label": "Welke afspraken maken we met elkaar?",
        "item": "Afspraak",
        "columns": [
            {"id": "wat", "label": "Wat spreken we af?"},
            {"id": "wie", "label": "Wie doet het?"},
            {"id": "wanneer", "label": "Wanneer?"},
        ],
    },
    comparison=_comparison,
    repeatable=False,
)

__all__ = ["BLANK_PRINT_ROWS", "FIRST_ROW", "MAX_ROWS", "PART", "ROW_PREFIX", "ActionsField"]
