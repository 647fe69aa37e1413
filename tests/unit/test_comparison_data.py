"""The comparison view's page per instrument, and the instrument's structure it carries for the
browser: everything the client needs to line up answer files. (That it reads the keys of the
blank form is test_key_scheme.py's.)"""

from __future__ import annotations

import json
from typing import Any

import pytest
from page_html import Element, page_body, parse
from unit_support import TOOL_TEMPLATES, VALID

from generator.definition.instrument import Instrument
from generator.definition.load import load_instruments
from generator.pages.addresses import comparison_path, instrument_path
from generator.pages.comparison_data import structure
from generator.pages.render import render_pages

SOURCES = {"valid": VALID, "tool_templates": TOOL_TEMPLATES}


@pytest.fixture(scope="module", params=sorted(SOURCES))
def instruments(request: pytest.FixtureRequest) -> list[Instrument]:
    return load_instruments(SOURCES[request.param])


def _island(page: Element) -> dict[str, Any]:
    """The structure a comparison page carries, as its script reads it."""
    (template,) = [t for t in page.iter("template") if "data-gk-structure" in t.attrs]
    text = "".join(child for child in template.children if isinstance(child, str))
    result: dict[str, Any] = json.loads(text)
    return result


def test_structure_says_what_to_compare_and_how(instruments: list[Instrument]) -> None:
    """The view could not tell statements (figures) from text, find a scale's options and its
    "weet niet", or know which version the page compares on."""
    for instrument in instruments:
        data = structure(instrument)
        assert (data["id"], data["version"], data["title"]) == (
            instrument.id,
            instrument.version,
            instrument.title,
        )
        for scale, entry in zip(instrument.scales, data["scales"], strict=True):
            assert entry["options"] == [{"value": o.value, "label": o.label} for o in scale.options]
            dont_know = (
                {"value": "weet-niet", "label": scale.dont_know} if scale.dont_know else None
            )
            assert entry["dontKnow"] == dont_know
        for section, entry in zip(instrument.sections, data["sections"], strict=True):
            types = {f.type for f in section.fields}
            role = (
                section.repeat.type
                if section.repeat
                else "aspect"
                if "scale" in types
                else "questions"
            )
            assert entry["role"] == role, section.id
            for field, listed in zip(section.fields, entry["fields"], strict=True):
                assert listed.get("scale") == getattr(field, "scale", None)


def test_every_instrument_has_a_comparison_page_with_its_structure(
    instruments: list[Instrument],
) -> None:
    """An instrument would have no comparison view, or one that compares another instrument."""
    pages = render_pages(instruments)
    for instrument in instruments:
        assert comparison_path(instrument) == f"tools/{instrument.id}/vergelijken/index.md"
        page = parse(page_body(pages[comparison_path(instrument)]))
        element = page.find_one("gk-compare")
        assert element.get("data-instrument") == instrument.id
        assert _island(page) == structure(instrument)
        assert page.find_one("h1").text() == f"{instrument.title}: antwoorden vergelijken"
        back = [a for a in page.iter("a") if a.get("href") == "../"]
        # In the introduction, and in the offer to take a link's answers over (shown after one).
        assert [a.text() for a in back] == [instrument.title] * 2, "a way back to the instrument"


def test_instrument_page_links_to_its_comparison(instruments: list[Instrument]) -> None:
    """A facilitator on an instrument's page would not find where to open everyone's files."""
    pages = render_pages(instruments)
    for instrument in instruments:
        page = parse(page_body(pages[instrument_path(instrument)]))
        links = [a.text() for a in page.iter("a") if a.get("href") == "vergelijken/"]
        assert links == ["Antwoorden vergelijken"], instrument.id


def test_structure_survives_markup_in_a_definition(instruments: list[Instrument]) -> None:
    """Text in a definition that looks like HTML would end the page's data early, or break it."""
    instrument = instruments[0]
    tricky = "</template><script>window.__pwned=1</script> & 'quotes' \"too\""
    changed = instrument.model_copy(update={"title": tricky})
    page = parse(page_body(render_pages([changed])[comparison_path(changed)]))
    assert _island(page)["title"] == tricky
    assert not page.find_all("script")
