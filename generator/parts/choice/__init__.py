"""Choice: one option (radio buttons) or several (checkboxes) from a fixed list."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Field

from ...definition.rules import Id, Strict, Text, UniqueIds
from ..base import FieldBase, Part


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


def _comparison(field: ChoiceField) -> dict[str, Any]:
    return {
        "multiple": field.multiple,
        "options": [{"id": o.id, "label": o.label} for o in field.options],
    }


PART = Part(
    kind="field",
    shared_styles=("client/options.css", "client/boxes.css"),
    model=ChoiceField,
    title="Keuze",
    text="Een vraag met vaste antwoorden: één keuze (rondjes), of meer met `multiple: true` "
    "(vinkjes).",
    example={
        "id": "niveau",
        "type": "choice",
        "label": "Op welk niveau werk je?",
        "multiple": False,
        "options": [
            {"id": "bestuurlijk", "label": "Bestuurlijk"},
            {"id": "operationeel", "label": "Operationeel"},
        ],
    },
    comparison=_comparison,
)
