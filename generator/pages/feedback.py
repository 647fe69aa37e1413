"""The optional feedback block under each instrument: its questions, its address, its link.

The questions are the ones the design team asked about every draft instrument (CONTENT.md §1).
They are about the site's instruments, not part of one, so they live here and not in a
definition. The block appears only when the publisher names an address to send feedback to.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote

TITLE = "Feedback op dit instrument"
EXAMPLE_ADDRESS = "feedback@example.org"

# Lightly: one "@" with something on both sides, and no spaces or line breaks. The link encodes
# the rest, so an odd character cannot break it.
_ADDRESS = re.compile(r"[^@\s]+@[^@\s]+")


@dataclass(frozen=True)
class FeedbackQuestion:
    """One question of the feedback block: a stable id (its key in storage), a short topic and
    the question itself, which labels the text box."""

    id: str
    topic: str
    question: str


QUESTIONS = (
    FeedbackQuestion(
        "behoefte",
        "Behoefte",
        "In hoeverre beantwoordt dit instrument aan een (latente) behoefte?",
    ),
    FeedbackQuestion(
        "toepasbaarheid",
        "Toepasbaarheid",
        "Wanneer zou je dit uit je gereedschapskist halen om in te zetten? Wat zou je beletten "
        "om dit te doen? Wat zou je nodig hebben om dit instrument effectief in te zetten?",
    ),
    FeedbackQuestion("tips", "Tips, feedback!", "Mis je iets? Wat zou het beter maken?"),
)


class FeedbackAddressError(ValueError):
    """The address for feedback is not an e-mail address; the message says what was expected."""


def feedback_address(value: str | None) -> str | None:
    """The address to send feedback to, checked lightly; None (or empty) means no feedback block.

    Raises FeedbackAddressError when the value is not one plain address.
    """
    if value is None or value.strip() == "":
        return None
    if not _ADDRESS.fullmatch(value):
        raise FeedbackAddressError(
            f"{value!r} is not an e-mail address "
            f"(expected one address without spaces, like {EXAMPLE_ADDRESS})"
        )
    return value


def subject(instrument_title: str) -> str:
    """The subject of a feedback e-mail about an instrument."""
    return f"Feedback op {instrument_title}"


def mailto(address: str, mail_subject: str) -> str:
    """A mailto: link to the address with this subject, percent-encoded as a browser expects
    (the script adds the body as the visitor types)."""
    return f"mailto:{quote(address, safe='@')}?subject={quote(mail_subject, safe='')}"
