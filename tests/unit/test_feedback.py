"""The optional feedback block: rendered only with an address, asking the source's questions."""

from __future__ import annotations

from urllib.parse import unquote, urlsplit

import pytest
from page_html import Element, page_body, parse
from unit_support import TOOL_TEMPLATES

from generator.definition.instrument import Instrument
from generator.definition.load import load_instruments
from generator.pages.addresses import instrument_path
from generator.pages.feedback import FeedbackAddressError, feedback_address
from generator.pages.render import render_pages

ADDRESS = "feedback@example.org"
# The questions as CONTENT.md §1 words them: the topic, then the question that labels the box.
QUESTIONS = [
    ("Behoefte", "In hoeverre beantwoordt dit instrument aan een (latente) behoefte?"),
    (
        "Toepasbaarheid",
        "Wanneer zou je dit uit je gereedschapskist halen om in te zetten? Wat zou je beletten om "
        "dit te doen? Wat zou je nodig hebben om dit instrument effectief in te zetten?",
    ),
    ("Tips, feedback!", "Mis je iets? Wat zou het beter maken?"),
]
CONTROL_TAGS = {"input", "textarea", "select", "button", "a"}


@pytest.fixture(scope="module")
def instruments() -> list[Instrument]:
    return load_instruments(TOOL_TEMPLATES)


def _pages(instruments: list[Instrument], address: str | None) -> dict[str, Element]:
    pages = render_pages(instruments, feedback_email=address)
    return {i.id: parse(page_body(pages[instrument_path(i)])) for i in instruments}


def _feedback_blocks(page: Element) -> list[Element]:
    return [s for s in page.iter("section") if "gk-feedback" in s.classes]


def mailto_parts(href: str) -> tuple[str, dict[str, str]]:
    """The address and the decoded fields of a mailto: link ('+' is a plus there, not a space)."""
    parts = urlsplit(href)
    assert parts.scheme == "mailto", href
    fields = dict(field.split("=", 1) for field in parts.query.split("&") if field)
    return unquote(parts.path), {name: unquote(value) for name, value in fields.items()}


@pytest.mark.parametrize("address", [None, ""])
def test_without_an_address_there_is_no_feedback_block(
    instruments: list[Instrument], address: str | None
) -> None:
    """Visitors would be asked for feedback that has nowhere to go."""
    for instrument_id, page in _pages(instruments, address).items():
        assert _feedback_blocks(page) == [], instrument_id
        assert "Feedback" not in page.text(), instrument_id
        assert not [a for a in page.iter("a") if (a.get("href") or "").startswith("mailto:")]


def test_with_an_address_each_instrument_ends_in_the_feedback_questions(
    instruments: list[Instrument],
) -> None:
    """Visitors could not give feedback, or would be asked other questions than the source's."""
    for instrument in instruments:
        page = _pages(instruments, ADDRESS)[instrument.id]
        (block,) = _feedback_blocks(page)
        heading = block.find_one("h2")
        assert heading.text() == "Feedback op dit instrument"
        assert block.get("aria-labelledby") == heading.get("id")
        assert ADDRESS in block.text(), "the block says where feedback goes"
        # At the bottom, apart from the instrument: never inside its form, never an answer.
        assert block.closest("gk-instrument") is None and block.closest("form") is None
        top = [c for c in page.children if isinstance(c, Element)]
        assert top[-1] is block, "the feedback block is the last thing on the page"
        boxes = block.find_all("textarea")
        assert len(boxes) == len(QUESTIONS)
        for box, (topic, question) in zip(boxes, QUESTIONS, strict=True):
            label = page.find_one("label", for_=box.get("id") or "-")
            assert question in label.text() and label.text().startswith(topic)
            assert box.get("name") is None, "a feedback box has no name, so no answer key"
        ids = [e.get("id") for e in page.iter() if e.get("id")]
        assert len(ids) == len(set(ids)), "element ids are unique on the page"


def test_send_link_works_without_a_script(instruments: list[Instrument]) -> None:
    """Without JavaScript the send link would open no e-mail, or one without its subject."""
    for instrument in instruments:
        (block,) = _feedback_blocks(_pages(instruments, ADDRESS)[instrument.id])
        (link,) = [a for a in block.iter("a") if a.text() == "Verstuur per e-mail"]
        href = link.get("href") or ""
        assert " " not in href and '"' not in href, "the link is percent-encoded"
        address, fields = mailto_parts(href)
        assert address == ADDRESS
        assert fields == {"subject": f"Feedback op {instrument.title}"}


@pytest.mark.parametrize(
    "address",
    ["feedback@example.org", "team.sto+gereedschapskist@example.nl", "a@b"],
)
def test_an_ordinary_address_is_accepted(address: str) -> None:
    """A publisher's real address would be refused."""
    assert feedback_address(address) == address


@pytest.mark.parametrize(
    "address",
    [
        "geen adres",
        "feedback.example.org",
        "feedback@example@org",
        "@example.org",
        "feedback@",
        "feedback@example.org\nBcc: iedereen@example.org",
        " feedback@example.org",
    ],
)
def test_a_malformed_address_is_refused(instruments: list[Instrument], address: str) -> None:
    """A typo in the address would publish a send link that goes nowhere, or somewhere else."""
    with pytest.raises(FeedbackAddressError) as raised:
        render_pages(instruments, feedback_email=address)
    assert repr(address) in str(raised.value)
    assert "expected one address without spaces, like feedback@example.org" in str(raised.value)
