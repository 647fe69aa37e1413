"""The comparison view's page per instrument, and the instrument's structure it carries for the
browser: everything the client needs to line up answer files, matching the blank form."""

from __future__ import annotations

import json
from typing import Any

import pytest
from page_html import Element, page_body, parse
from unit_support import TOOL_TEMPLATES, VALID

from generator.compare import comparison_path, structure
from generator.load import load_instruments
from generator.model import Instrument
from generator.render import instrument_path, render_pages

SOURCES = {"valid": VALID, "tool_templates": TOOL_TEMPLATES}


@pytest.fixture(scope="module", params=sorted(SOURCES))
def instruments(request: pytest.FixtureRequest) -> list[Instrument]:
    return load_instruments(SOURCES[request.param])


def blank_form(data: dict[str, Any]) -> list[tuple[str, str]]:
    """Every answer key and accessible name of a blank form, built from the structure alone the
    way the comparison view builds them (the key scheme of DESIGN.md §3)."""
    between = data["between"]
    found: list[tuple[str, str]] = []
    for section in data["sections"]:
        sid, fields, repeat = section["id"], section["fields"], section.get("repeat")
        if repeat is None:
            for f in fields:
                label = f"{f['place']}: {f['label']}" if f["place"] else f["label"]
                found.append((f["key"], label))
        elif repeat["type"] == "menu":
            for option in repeat["options"]:
                for f in fields:
                    key = f"{sid}.{option['id']}.{f['id']}"
                    found.append((key, f"{option['label']}: {f['label']}"))
        else:
            parties, levels, links = repeat["parties"], repeat["levels"], repeat["linkFields"]
            for index, party in enumerate(parties):
                pid, name = party["id"], party["name"]
                for upper, lower in zip(levels, [*levels[1:], None], strict=True):
                    for f in fields:
                        key = f"{sid}.{pid}.{upper['id']}.{f['id']}"
                        found.append((key, f"{name}, {upper['label']}: {f['label']}"))
                    if lower is not None:
                        for f in links:
                            key = f"{sid}.{pid}.{upper['id']}--{lower['id']}.{f['id']}"
                            place = f"{name}, {upper['label']}{between}{lower['label']}"
                            found.append((key, f"{place}: {f['label']}"))
                if index + 1 < len(parties):
                    right = parties[index + 1]
                    for level in levels:
                        for f in links:
                            key = f"{sid}.{pid}--{right['id']}.{level['id']}.{f['id']}"
                            place = f"{name}{between}{right['name']}, {level['label']}"
                            found.append((key, f"{place}: {f['label']}"))
    return found


def _island(page: Element) -> dict[str, Any]:
    """The structure a comparison page carries, as its script reads it."""
    (template,) = [t for t in page.iter("template") if "data-gk-structure" in t.attrs]
    text = "".join(child for child in template.children if isinstance(child, str))
    result: dict[str, Any] = json.loads(text)
    return result


def test_structure_holds_every_question_of_the_blank_form(instruments: list[Instrument]) -> None:
    """The comparison view would miss a question, or show it under another key or label than
    the instrument's form, so answers would not line up with their questions."""
    for instrument in instruments:
        data = structure(instrument)
        expected = [(q.key, q.label) for q in instrument.questions()]
        assert blank_form(data) == expected, instrument.id


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
        assert comparison_path(instrument) == f"tools/{instrument.id}/vergelijken.md"
        page = parse(page_body(pages[comparison_path(instrument)]))
        element = page.find_one("gk-compare")
        assert element.get("data-instrument") == instrument.id
        assert _island(page) == structure(instrument)
        assert page.find_one("h1").text() == f"{instrument.title}: antwoorden vergelijken"
        back = [a for a in page.iter("a") if a.get("href") == "../"]
        assert [a.text() for a in back] == [instrument.title], "a way back to the instrument"


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
