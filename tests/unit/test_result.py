"""The own result region: rendered after the form of every instrument with statements on a scale
(and of no other), with the structure its script needs and a table of every aspect."""

from __future__ import annotations

import json
from typing import Any

import pytest
from page_html import Element, page_body, parse
from unit_support import TOOL_TEMPLATES, VALID

from generator.definition.instrument import Instrument, Section
from generator.definition.load import load_instruments
from generator.pages.addresses import instrument_path
from generator.pages.render import render_pages
from generator.parts.scale import ScaleField

TITLE = "Jouw beeld per aspect"
# Which instruments have statements on a scale outside repeated sections, so a result.
WITH_RESULT = {
    "reflectietool": True,
    "praatplaat": False,
    "matrix": False,
    "achtje": False,
    "alle-veldtypen": True,
    "minimaal": False,
    "menukaart": False,  # its scale is asked per chosen column
    "partijen": False,  # its scale is asked per party and level
}


@pytest.fixture(scope="module")
def instruments() -> dict[str, Instrument]:
    """The project's instruments and the golden valid ones, by id."""
    every = [*load_instruments(TOOL_TEMPLATES), *load_instruments(VALID)]
    return {instrument.id: instrument for instrument in every}


def _page(instrument: Instrument) -> Element:
    return parse(page_body(render_pages([instrument])[instrument_path(instrument)]))


def _regions(page: Element) -> list[Element]:
    return [section for section in page.iter("section") if "data-gk-result" in section.attrs]


def _region(instrument: Instrument) -> Element:
    (region,) = _regions(_page(instrument))
    return region


def _structure(region: Element) -> Any:
    """The structure the script reads: JSON in the data-model of the <gk-result> element."""
    (element,) = region.find_all("gk-result")
    return json.loads(element.get("data-model") or "")


def _aspects(instrument: Instrument) -> list[tuple[Section, list[ScaleField]]]:
    """Each section asked once that has statements on a scale, with those statements."""
    found = []
    for section in instrument.sections:
        scales = [f for f in section.fields if isinstance(f, ScaleField)]
        if section.repeat is None and scales:
            found.append((section, scales))
    return found


def test_every_instrument_is_listed(instruments: dict[str, Instrument]) -> None:
    """A new instrument would go unchecked by the tests below."""
    assert set(instruments) == set(WITH_RESULT)


@pytest.mark.parametrize("instrument_id", sorted(WITH_RESULT))
def test_result_only_for_statements_on_a_scale(
    instruments: dict[str, Instrument], instrument_id: str
) -> None:
    """A page would show an empty result with nothing to count, or lack the one it needs."""
    page = _page(instruments[instrument_id])
    assert len(_regions(page)) == (1 if WITH_RESULT[instrument_id] else 0)
    assert not page.find_all("gk-result") or WITH_RESULT[instrument_id]


@pytest.mark.parametrize("instrument_id", ["reflectietool", "alle-veldtypen"])
def test_result_is_a_named_region_after_the_form(
    instruments: dict[str, Instrument], instrument_id: str
) -> None:
    """The result would be missed by screen readers, stand before the statements, or show an
    empty frame where the script does not run."""
    page = _page(instruments[instrument_id])
    region = _region(instruments[instrument_id])
    heading = page.find_one("h2", id=region.get("aria-labelledby") or "")
    assert heading.text() == TITLE
    assert region.parent is not None and region.parent.tag == "gk-instrument"
    siblings = [c for c in region.parent.children if isinstance(c, Element)]
    assert [c.tag for c in siblings].index("form") < siblings.index(region)
    assert "hidden" in region.attrs, "hidden until the script fills it in"
    assert len(region.find_all("gk-result")) == 1


@pytest.mark.parametrize("instrument_id", ["reflectietool", "alle-veldtypen"])
def test_result_table_has_a_row_per_aspect(
    instruments: dict[str, Instrument], instrument_id: str
) -> None:
    """An aspect would be missing from the figures, or counted out of the wrong number."""
    instrument = instruments[instrument_id]
    table = _region(instrument).find_one("table")
    headers = [th.text() for th in table.find_one("thead").iter("th")]
    assert headers == ["Aspect", "Gemiddelde", "Stellingen met een score"]
    rows = table.find_one("tbody").find_all("tr")
    expected = [
        (s.title, "\N{EN DASH}", f"0 van {len(scales)}") for s, scales in _aspects(instrument)
    ]
    cells = [tuple(c.text() for c in row.iter() if c.tag in ("th", "td")) for row in rows]
    assert cells == expected
    assert all(row.find_one("th").get("scope") == "row" for row in rows)


def test_result_caption_names_the_scale_and_what_does_not_count(
    instruments: dict[str, Instrument],
) -> None:
    """A reader of the table would not know what the figures run from and to."""
    caption = _region(instruments["reflectietool"]).find_one("caption").text()
    assert caption == (
        "Jouw gemiddelde per aspect, van 1 (Helemaal oneens) tot 5 (Helemaal eens). "
        '"Weet niet" en lege antwoorden tellen niet mee.'
    )


@pytest.mark.parametrize("instrument_id", ["reflectietool", "alle-veldtypen"])
def test_result_structure_names_every_statement_by_its_key(
    instruments: dict[str, Instrument], instrument_id: str
) -> None:
    """The script would count the wrong answers, or miss a statement."""
    instrument = instruments[instrument_id]
    structure = _structure(_region(instrument))
    assert structure["aspects"] == [
        {
            "id": section.id,
            "title": section.title,
            "statements": [
                {"key": f"{section.id}.{f.id}", "label": f.label, "scale": f.scale} for f in scales
            ],
        }
        for section, scales in _aspects(instrument)
    ]
    used = {f.scale for _, scales in _aspects(instrument) for f in scales}
    values = [o.value for s in instrument.scales if s.id in used for o in s.options]
    assert (structure["min"], structure["max"]) == (min(values), max(values))
    for scale_id in used:
        scale = instrument.scales_by_id[scale_id]
        assert structure["labels"][scale_id] == {str(o.value): o.label for o in scale.options}


def test_radar_only_from_three_aspects(instruments: dict[str, Instrument]) -> None:
    """A chart of two axes encloses nothing: it would be drawn as a line, or not at all."""
    five = _region(instruments["reflectietool"])
    two = _region(instruments["alle-veldtypen"])
    assert len([e for e in five.iter("div") if "data-gk-result-chart" in e.attrs]) == 1
    assert [e for e in two.iter("div") if "data-gk-result-chart" in e.attrs] == []
    assert two.find_all("table"), "fewer aspects still get their table"


def test_sections_without_statements_on_a_scale_are_no_aspect(
    instruments: dict[str, Instrument],
) -> None:
    """An aspect without statements would sit in the table and chart with never a figure."""
    reflectie = instruments["reflectietool"]
    text_only = instruments["minimaal"].sections[0]
    mixed = reflectie.model_copy(update={"sections": [text_only, *reflectie.sections]})
    structure = _structure(_region(mixed))
    assert [aspect["id"] for aspect in structure["aspects"]] == [
        s.id for s, _ in _aspects(reflectie)
    ]
    assert "afspraken" not in [aspect["id"] for aspect in structure["aspects"]]


def test_result_structure_keeps_markup_in_labels_as_text(
    instruments: dict[str, Instrument],
) -> None:
    """A label with markup or quotes would end the structure's attribute early and add markup
    to the page."""
    reflectie = instruments["reflectietool"]
    hostile = """"></gk-result><script>alert(1)</script> & 'x' <b>"""
    first = reflectie.sections[0]
    statement = first.fields[0].model_copy(update={"label": hostile})
    section = first.model_copy(update={"title": hostile, "fields": [statement]})
    changed = reflectie.model_copy(update={"sections": [section, *reflectie.sections[1:]]})
    region = _region(changed)
    structure = _structure(region)
    assert structure["aspects"][0]["title"] == hostile
    assert structure["aspects"][0]["statements"][0]["label"] == hostile
    assert region.find_all("script") == [] and region.find_all("b") == []
    assert len(region.find_all("gk-result")) == 1
