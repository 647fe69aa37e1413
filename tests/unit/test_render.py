"""The rendered pages, checked by their HTML structure: every answer has a labelled control."""

from __future__ import annotations

import pytest
from page_html import Element, page_body, parse
from unit_support import TOOL_TEMPLATES, VALID

from generator.load import load_instruments
from generator.model import ChoiceField, Instrument, LongTextField, ScaleField, ShortTextField
from generator.render import instrument_path, render_pages

SOURCES = {"valid": VALID, "tool_templates": TOOL_TEMPLATES}


@pytest.fixture(scope="module", params=sorted(SOURCES))
def rendered(request: pytest.FixtureRequest) -> tuple[list[Instrument], dict[str, str]]:
    """The instruments of one definitions folder and their rendered pages."""
    instruments = load_instruments(SOURCES[request.param])
    return instruments, render_pages(instruments)


def _form(instrument: Instrument, pages: dict[str, str]) -> Element:
    return parse(page_body(pages[instrument_path(instrument)])).find_one("form")


def _label_for(form: Element, control: Element) -> Element:
    control_id = control.get("id")
    assert control_id, f"{control} has an id for its label"
    return form.find_one("label", for_=control_id)


def _group_of(radios: list[Element]) -> Element:
    """The one fieldset that holds all inputs of a radio or checkbox group."""
    groups = {id(r.closest("fieldset")): r.closest("fieldset") for r in radios}
    assert len(groups) == 1, "all options of a question are in one fieldset"
    group = next(iter(groups.values()))
    assert group is not None, "the options are grouped in a <fieldset>"
    return group


def _legend(group: Element) -> Element:
    legends = [c for c in group.children if isinstance(c, Element) and c.tag == "legend"]
    assert len(legends) == 1, f"{group} has one <legend> as a direct child"
    return legends[0]


def _option_texts(inputs: list[Element]) -> list[str]:
    """The visible text of each option, from the <label> wrapped around its input."""
    texts = []
    for control in inputs:
        label = control.closest("label")
        assert label is not None, f"{control} is inside its <label>"
        texts.append(label.text())
    return texts


def test_every_page_is_rendered(rendered: tuple[list[Instrument], dict[str, str]]) -> None:
    """An instrument has no page at /tools/<id>/, or the overview is missing."""
    instruments, pages = rendered
    assert set(pages) == {"tools/index.md"} | {f"tools/{i.id}.md" for i in instruments}


def test_overview_links_every_instrument(rendered: tuple[list[Instrument], dict[str, str]]) -> None:
    """The /tools/ overview misses an instrument or links it to the wrong address."""
    instruments, pages = rendered
    overview = parse(page_body(pages["tools/index.md"]))
    links = [(a.get("href"), a.text()) for a in overview.iter("a")]
    assert links == [(f"{i.id}/", i.title) for i in instruments]


def test_every_field_has_one_labelled_control(
    rendered: tuple[list[Instrument], dict[str, str]],
) -> None:
    """A question cannot be answered, or a screen reader announces the wrong question."""
    instruments, pages = rendered
    for instrument in instruments:
        form = _form(instrument, pages)
        for section, field in instrument.fields():
            key = instrument.answer_key(section, field)
            name = instrument.accessible_label(section, field)
            controls = form.find_all(name=key)
            assert controls, f"{instrument.id}: no control for {key}"
            if isinstance(field, (LongTextField, ShortTextField)):
                (control,) = controls
                if isinstance(field, LongTextField):
                    assert control.tag == "textarea"
                    assert control.get("rows") == str(field.rows)
                else:
                    assert (control.tag, control.get("type")) == ("input", "text")
                assert _label_for(form, control).text() == name, key
                described = control
            else:
                assert isinstance(field, (ScaleField, ChoiceField))
                group = _group_of(controls)
                assert _legend(group).text() == name, key
                described = group
            if field.help:
                help_id = described.get("aria-describedby")
                assert help_id, f"{key}: the help text is tied to its control"
                assert form.find_one(id=help_id).text() == field.help
            else:
                assert described.get("aria-describedby") is None


def test_scale_is_a_radio_group_with_one_radio_per_option(
    rendered: tuple[list[Instrument], dict[str, str]],
) -> None:
    """A scale statement misses an option, the 'weet niet' choice, or mixes up two statements."""
    instruments, pages = rendered
    for instrument in instruments:
        form = _form(instrument, pages)
        for section, field in instrument.fields():
            if not isinstance(field, ScaleField):
                continue
            scale = instrument.scales_by_id[field.scale]
            key = instrument.answer_key(section, field)
            radios = form.find_all("input", name=key)
            assert {r.get("type") for r in radios} == {"radio"}
            assert len(radios) == len(scale.options) + (1 if scale.dont_know else 0)
            expected = [o.label for o in scale.options]
            expected += [scale.dont_know] if scale.dont_know else []
            assert _option_texts(radios) == expected
            values = [r.get("value") for r in radios]
            assert values[: len(scale.options)] == [str(o.value) for o in scale.options]
            assert len(set(values)) == len(values)
            group = _group_of(radios)
            assert set(group.find_all("input")) == set(radios), "one statement per fieldset"


def test_choice_uses_radios_for_one_and_checkboxes_for_several(
    rendered: tuple[list[Instrument], dict[str, str]],
) -> None:
    """A 'choose several' question only lets you pick one option, or the other way round."""
    instruments, pages = rendered
    for instrument in instruments:
        form = _form(instrument, pages)
        for section, field in instrument.fields():
            if not isinstance(field, ChoiceField):
                continue
            inputs = form.find_all("input", name=instrument.answer_key(section, field))
            kind = "checkbox" if field.multiple else "radio"
            assert [i.get("type") for i in inputs] == [kind] * len(field.options)
            assert [i.get("value") for i in inputs] == [o.id for o in field.options]
            assert _option_texts(inputs) == [o.label for o in field.options]


def test_repeated_question_names_its_section_in_hidden_text(
    rendered: tuple[list[Instrument], dict[str, str]],
) -> None:
    """Two questions with the same text sound identical to a screen reader user."""
    instruments, pages = rendered
    for instrument in instruments:
        form = _form(instrument, pages)
        for section, field in instrument.fields():
            control = form.find_all(name=instrument.answer_key(section, field))[0]
            if control.tag == "input" and control.get("type") in {"radio", "checkbox"}:
                name_element = _legend(_group_of([control]))
            else:
                name_element = _label_for(form, control)
            hidden = [e for e in name_element.iter("span") if "gk-visually-hidden" in e.classes]
            place = instrument.label_place(section, field)
            if place is None:
                assert hidden == []
            else:
                assert [h.text() for h in hidden] == [f"{place}:"]
                assert name_element.text() == f"{place}: {field.label}"


def test_controls_are_only_the_fields_and_ids_are_unique(
    rendered: tuple[list[Instrument], dict[str, str]],
) -> None:
    """A stray or duplicated control would save answers under keys no definition knows."""
    instruments, pages = rendered
    for instrument in instruments:
        form = _form(instrument, pages)
        names = {c.get("name") for tag in ("input", "textarea", "select") for c in form.iter(tag)}
        keys = {instrument.answer_key(s, f) for s in instrument.sections for f in s.fields}
        respondent = {f"respondent.{f.id}" for f in instrument.respondent.fields}
        assert names == keys | respondent
        page = parse(page_body(pages[instrument_path(instrument)]))
        ids = [e.get("id") for e in page.iter() if e.get("id")]
        assert len(ids) == len(set(ids)), "element ids are unique on the page"


def test_respondent_fields_come_first_and_are_optional(
    rendered: tuple[list[Instrument], dict[str, str]],
) -> None:
    """Users are forced to give their name, or the 'who answers' fields are missing."""
    instruments, pages = rendered
    for instrument in instruments:
        form = _form(instrument, pages)
        controls = [e for e in form.iter() if e.tag in {"input", "textarea", "select"}]
        count = len(instrument.respondent.fields)
        first = controls[:count]
        assert [c.get("name") for c in first] == [
            f"respondent.{f.id}" for f in instrument.respondent.fields
        ]
        for control, field in zip(first, instrument.respondent.fields, strict=True):
            assert _label_for(form, control).text() == field.label
        assert all("required" not in c.attrs for c in controls), "no answer is required"


def test_page_shows_every_section_title_and_statement_text() -> None:
    """Text from the definition is escaped wrongly or lost on the way to the page."""
    instruments = load_instruments(VALID)
    pages = render_pages(instruments)
    for instrument in instruments:
        page = parse(page_body(pages[instrument_path(instrument)]))
        assert page.find_one("h1").text() == instrument.title
        assert [h.text() for h in page.iter("h2")] == [s.title for s in instrument.sections]
