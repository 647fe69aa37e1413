"""Short text: an answer of one line."""

from __future__ import annotations

from typing import Literal

from ..base import FieldBase, Part


class ShortTextField(FieldBase):
    """An answer of one line."""

    type: Literal["short_text"]


PART = Part(
    kind="field",
    model=ShortTextField,
    title="Korte tekst",
    text="Een antwoord van één regel, zoals een naam.",
    example={"id": "trekker", "type": "short_text", "label": "Wie is de trekker?"},
)
