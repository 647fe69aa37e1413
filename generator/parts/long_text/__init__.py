"""Long text: an answer of several lines (a textarea that grows with its text)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ..base import FieldBase, Part


class LongTextField(FieldBase):
    """An answer of several lines."""

    type: Literal["long_text"]
    rows: int = Field(default=4, ge=1, le=30, description="visible lines, 1 to 30")


PART = Part(
    kind="field",
    model=LongTextField,
    title="Lange tekst",
    text="Een antwoord van meerdere regels. `rows` zegt hoeveel regels het vak laat zien.",
    example={"id": "oorzaken", "type": "long_text", "label": "Wat zijn de oorzaken?", "rows": 4},
)
