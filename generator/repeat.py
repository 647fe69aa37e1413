"""Repeated sections: the same questions asked again for each thing the user picks or adds.

A section with ``repeat`` asks its fields once per column or party instead of once. Answer keys
insert the column or party into the path of ids (DESIGN.md §3):

- ``menu``: columns chosen from a menu, plus columns the user names ("eigen activiteit").
  Cell ``<section>.<column>.<field>``; the chosen columns ``<section>``; an own column's
  name ``<section>.<column>.naam``. An own column's id is ``eigen-`` and six letters or digits.
- ``parties``: parties side by side, each on the same levels, linked across to their neighbours
  and down between their levels (het 8-tje). Box ``<section>.<party>.<level>.<field>``; link
  down ``<section>.<party>.<level>--<level>.<field>``; link across
  ``<section>.<party>--<party>.<level>.<field>``; the parties in order ``<section>``; a
  party's name ``<section>.<party>.naam``. An added party's id is ``partner-`` and six
  letters or digits.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Annotated, Literal, Union

from pydantic import Field

from .fields import LongTextField, Question, ShortTextField
from .rules import Id, Markdown, Strict, Text, UniqueIds

if TYPE_CHECKING:
    from .model import Section

NAME_FIELD = "naam"  # the key below a column or party that holds its name
# The page names a column or party the user adds by a prefix and six letters or digits
# (assets/dom.js, newId); a definition's own column or party with such an id could meet one.
# By repeat type: the list of the definition's own, the prefix, and what the user adds.
ADDED_IDS = {
    "menu": ("options", "eigen", "own activities"),
    "parties": ("parties", "partner", "parties a user adds"),
}
LINK = "--"  # joins two ids into a link's id; ids never contain it
MIN_PARTIES = 2  # two parties, linked across, make the figure eight
MAX_PARTIES = 12  # the most any definition may allow
DEFAULT_MAX_PARTIES = 6
BETWEEN = " \N{EN DASH} "  # joins the two ends of a link in its name, as a dash


def name_key(section_id: str, item_id: str) -> str:
    """Where the name of a column or party is kept."""
    return f"{section_id}.{item_id}.{NAME_FIELD}"


TextField = Annotated[
    Union[LongTextField, ShortTextField],  # noqa: UP007
    Field(discriminator="type"),
]


class MenuOption(Strict):
    id: Id = Field(description="the option's stable id, part of its answer keys")
    label: Text = Field(description="the option's name as the user sees it")
    description: Text | None = Field(default=None, description="a line explaining the option")


class MenuRepeat(Strict):
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
        return f"{section_id}.{column}.{field_id}"

    def questions(self, section: Section) -> Iterator[Question]:
        """The cells of every menu column, as a blank form has them."""
        for option in self.options:
            for field in section.fields:
                yield Question(self.cell_key(section.id, option.id, field.id), option.label, field)


class Party(Strict):
    id: Id = Field(description="the party's stable id, part of its answer keys")
    name: Text = Field(description="the party's name until the user renames it")


class Level(Strict):
    id: Id = Field(description="the level's stable id, part of its answer keys")
    label: Text = Field(description="the level's name as the user sees it")


class PartiesRepeat(Strict):
    """Ask the section's fields for every party on every level, and link fields for each link."""

    type: Literal["parties"]
    party: Text = Field(description="the word for one party, e.g. 'Partner'")
    parties: Annotated[list[Party], UniqueIds] = Field(
        min_length=MIN_PARTIES, description="the parties a blank form starts with, at least two"
    )
    max: int = Field(
        default=DEFAULT_MAX_PARTIES,
        ge=MIN_PARTIES,
        le=MAX_PARTIES,
        description="how many parties the user may have, 2 to 12",
    )
    levels: Annotated[list[Level], UniqueIds] = Field(
        min_length=1, description="the levels every party works on, top to bottom"
    )
    link_fields: Annotated[list[TextField], UniqueIds] = Field(
        min_length=1, description="the questions asked of every link"
    )

    @staticmethod
    def box_key(section_id: str, party: str, level: str) -> str:
        return f"{section_id}.{party}.{level}"

    @staticmethod
    def down_key(section_id: str, party: str, upper: str, lower: str) -> str:
        return f"{section_id}.{party}.{upper}{LINK}{lower}"

    @staticmethod
    def across_key(section_id: str, left: str, right: str, level: str) -> str:
        return f"{section_id}.{left}{LINK}{right}.{level}"

    def questions(self, section: Section) -> Iterator[Question]:
        """Every box and link of the blank form's parties, in reading order."""
        levels = self.levels
        for index, party in enumerate(self.parties):
            for upper, lower in zip(levels, [*levels[1:], None], strict=True):
                box = self.box_key(section.id, party.id, upper.id)
                for field in section.fields:
                    place = f"{party.name}, {upper.label}"
                    yield Question(f"{box}.{field.id}", place, field)
                if lower is not None:
                    down = self.down_key(section.id, party.id, upper.id, lower.id)
                    for link_field in self.link_fields:
                        place = f"{party.name}, {upper.label}{BETWEEN}{lower.label}"
                        yield Question(f"{down}.{link_field.id}", place, link_field)
            if index + 1 < len(self.parties):
                right = self.parties[index + 1]
                for level in levels:
                    across = self.across_key(section.id, party.id, right.id, level.id)
                    for link_field in self.link_fields:
                        place = f"{party.name}{BETWEEN}{right.name}, {level.label}"
                        yield Question(f"{across}.{link_field.id}", place, link_field)


AnyRepeat = Annotated[
    Union[MenuRepeat, PartiesRepeat],  # noqa: UP007
    Field(discriminator="type"),
]
REPEAT_TYPES = (MenuRepeat, PartiesRepeat)
