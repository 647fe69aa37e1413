"""Parties on levels (het 8-tje): the section's questions asked for every party on every level,
and the link fields for every link: down between a party's levels, and across between two
parties (a blank form links each party with its neighbour; the user links any two, moves parties
and adds them up to ``max``). Keys and place names: see ``answer_keys``."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Annotated, Any, Literal, Union

from pydantic import Field
from pydantic_core import InitErrorDetails

from ... import answer_keys as keys
from ...definition.rules import Id, Strict, Text, UniqueIds, rule_error
from ..base import FieldBase, Part, Question, RepeatBase, reserved_name
from ..long_text import LongTextField
from ..short_text import ShortTextField

if TYPE_CHECKING:
    from ...definition.instrument import Section

MIN_PARTIES = 2  # two parties, linked across, make the figure eight
MAX_PARTIES = 12  # the most any definition may allow
DEFAULT_MAX_PARTIES = 6

TextField = Annotated[
    Union[LongTextField, ShortTextField],  # noqa: UP007
    Field(discriminator="type"),
]


class Party(Strict):
    id: Id = Field(description="the party's stable id, part of its answer keys")
    name: Text = Field(description="the party's name until the user renames it")


class Level(Strict):
    id: Id = Field(description="the level's stable id, part of its answer keys")
    label: Text = Field(description="the level's name as the user sees it")


class PartiesRepeat(RepeatBase):
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
        return keys.key(section_id, party, level)

    @staticmethod
    def down_key(section_id: str, party: str, upper: str, lower: str) -> str:
        return keys.key(section_id, party, keys.link(upper, lower))

    @staticmethod
    def across_key(section_id: str, left: str, right: str, level: str) -> str:
        return keys.key(section_id, keys.link(left, right), level)

    def extra_fields(self) -> list[FieldBase]:
        """The questions asked of every link."""
        return list(self.link_fields)

    def own_keys(self, section: Section) -> Iterator[str]:
        """The parties in order, the links across, and each party's name."""
        yield section.id
        yield keys.links_key(section.id)
        for party in self.parties:
            yield keys.name_key(section.id, party.id)

    def questions(self, section: Section) -> Iterator[Question]:
        """Every box and link of the blank form's parties, in reading order."""
        levels = self.levels
        for index, party in enumerate(self.parties):
            for upper, lower in zip(levels, [*levels[1:], None], strict=True):
                box = self.box_key(section.id, party.id, upper.id)
                for field in section.fields:
                    place = keys.place(party.name, upper.label)
                    yield Question(keys.key(box, field.id), place, field)
                if lower is not None:
                    down = self.down_key(section.id, party.id, upper.id, lower.id)
                    for link_field in self.link_fields:
                        place = keys.place(party.name, keys.between(upper.label, lower.label))
                        yield Question(keys.key(down, link_field.id), place, link_field)
            if index + 1 < len(self.parties):
                right = self.parties[index + 1]
                for level in levels:
                    across = self.across_key(section.id, party.id, right.id, level.id)
                    for link_field in self.link_fields:
                        place = keys.place(keys.between(party.name, right.name), level.label)
                        yield Question(keys.key(across, link_field.id), place, link_field)


def _rules(repeat: dict[str, Any]) -> Iterator[InitErrorDetails]:
    """No more parties than ``max`` to start with; ``naam`` is no level or link field."""
    parties, most = repeat.get("parties"), repeat.get("max", DEFAULT_MAX_PARTIES)
    # A max out of range is reported on its own; comparing with it would only add noise.
    valid_max = isinstance(most, int) and MIN_PARTIES <= most <= MAX_PARTIES
    if isinstance(parties, list) and valid_max and len(parties) > most:
        yield rule_error(
            "too_many_parties",
            f"{len(parties)} parties, more than max ({most})",
            f"at most {most} parties, or a higher max",
            ("parties",),
            len(parties),
        )
    yield from reserved_name(repeat.get("levels"), ("levels",))
    yield from reserved_name(repeat.get("link_fields"), ("link_fields",))


def _comparison(repeat: PartiesRepeat) -> dict[str, Any]:
    from .. import field_entry  # the registry: the link fields are fields of any text type

    return {
        "party": repeat.party,
        "parties": [{"id": p.id, "name": p.name} for p in repeat.parties],
        "levels": [{"id": level.id, "label": level.label} for level in repeat.levels],
        "linkFields": [field_entry(f) for f in repeat.link_fields],
    }


PART = Part(
    kind="repeat",
    model=PartiesRepeat,
    title="Partijen op niveaus (het 8-tje)",
    text="De vragen van het onderdeel komen terug per partij en niveau; `link_fields` zijn de "
    "vragen bij elke verbinding, omlaag tussen niveaus en opzij naar de buurpartij. De "
    "gebruiker kan partijen toevoegen tot `max`.",
    example={
        "type": "parties",
        "party": "Partner",
        "max": 6,
        "parties": [
            {"id": "partner-a", "name": "Partner A"},
            {"id": "partner-b", "name": "Partner B"},
        ],
        "levels": [
            {"id": "bestuurlijk", "label": "Bestuurlijk"},
            {"id": "operationeel", "label": "Operationeel"},
        ],
        "link_fields": [{"id": "nodig", "type": "long_text", "label": "Wat is hier nodig?"}],
    },
    comparison=_comparison,
    added=("parties", "partner", "parties a user adds"),
    rules=_rules,
)
