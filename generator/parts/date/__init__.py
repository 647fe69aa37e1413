"""Date: a day picked in the browser's calendar, stored as ``YYYY-MM-DD``."""

from __future__ import annotations

from typing import Literal

from ..base import FieldBase, Part


class DateField(FieldBase):
    """A date, picked in the browser's calendar."""

    type: Literal["date"]


PART = Part(
    kind="field",
    model=DateField,
    title="Datum",
    text="Een datum, te kiezen in de kalender van de browser. Het antwoord wordt bewaard als "
    "jjjj-mm-dd (zoals 2027-03-15) en staat op papier als dd-mm-jjjj; een lege afdruk heeft "
    "een lijn om de datum op te schrijven.",
    example={"id": "startdatum", "type": "date", "label": "Wanneer starten we?"},
    comparison=lambda field: {"format": "date"},
)
