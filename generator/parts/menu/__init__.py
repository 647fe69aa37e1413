"""Matrix with a menu: the section's questions asked in a column for every option the user picks
from a menu, or names ("eigen activiteit"). Keys: see ``answer_keys``."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import Field

from ... import answer_keys as keys
from ...definition.rules import Id, Markdown, Strict, Text, UniqueIds
from ..base import Part, Question, RepeatBase

if TYPE_CHECKING:
    from ...definition.instrument import Section


class MenuOption(Strict):
    id: Id = Field(description="the option's stable id, part of its answer keys")
    label: Text = Field(description="the option's name as the user sees it")
    description: Text | None = Field(default=None, description="a line explaining the option")


class MenuRepeat(RepeatBase):
    """Ask the section's fields for every option the user picks from a menu, or names."""

    type: Literal["menu"]
    title: Text = Field(description="the menu's heading")
    intro: Markdown | None = Field(default=None, description="text under the menu's heading")
    options: Annotated[list[MenuOption], UniqueIds] = Field(
        min_length=1, description="the options on the menu, at least one"
    )
    own: Text | None = Field(
        default=None,
        description="the name of an option the user adds, e.g. 'Eigen activiteit', or leave out",
    )

    @staticmethod
    def cell_key(section_id: str, column: str, field_id: str) -> str:
        return keys.key(section_id, column, field_id)

    def questions(self, section: Section) -> Iterator[Question]:
        """The cells of every menu column, as a blank form has them."""
        for option in self.options:
            for field in section.fields:
                yield Question(self.cell_key(section.id, option.id, field.id), option.label, field)

    def own_keys(self, section: Section) -> Iterator[str]:
        """The chosen columns (an own column's name comes only with the column)."""
        yield section.id


def _comparison(repeat: MenuRepeat) -> dict[str, Any]:
    return {
        "title": repeat.title,
        "options": [{"id": o.id, "label": o.label} for o in repeat.options],
        "own": repeat.own,
    }


PART = Part(
    kind="repeat",
    shared_styles=("client/boxes.css",),
    model=MenuRepeat,
    title="Matrix met menukaart",
    text="De vragen van het onderdeel komen terug in een kolom per gekozen optie van het menu. "
    "Met `own` kan de gebruiker eigen opties toevoegen en een naam geven.",
    example={
        "type": "menu",
        "title": "Menukaart",
        "own": "Eigen activiteit",
        "options": [
            {
                "id": "evenementen",
                "label": "Evenementen",
                "description": "bedrijvendagen, techniekfestival",
            }
        ],
    },
    comparison=_comparison,
    added=("options", "eigen", "own activities"),
)
