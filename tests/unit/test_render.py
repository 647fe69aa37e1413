"""The rendered pages, checked by their HTML structure: every answer has a labelled control."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from hostile import injected, write_hostile_definitions
from markupsafe import escape
from page_html import Element, page_body, parse
from unit_support import TOOL_TEMPLATES, VALID

from generator.answer_keys import LINK, links_key, name_key
from generator.definition.instrument import Instrument, Section
from generator.definition.load import load_instruments
from generator.definition.markdown import markdown_html
from generator.pages.addresses import assets_url, comparison_path, instrument_path, pdf_name
from generator.pages.chooser import challenge_choices
from generator.pages.render import (
    GENERATOR_DIR,
    MAX_TEXT,
    chooser_block,
    dom_id,
    own_paper,
    render_pages,
)
from generator.parts import Question
from generator.parts.actions import ActionsField
from generator.parts.choice import ChoiceField
from generator.parts.date import DateField
from generator.parts.long_text import LongTextField
from generator.parts.menu import MenuRepeat
from generator.parts.parties import PartiesRepeat
from generator.parts.scale import ScaleField
from generator.parts.short_text import ShortTextField

SOURCES = {"valid": VALID, "tool_templates": TOOL_TEMPLATES}
CONTROL_TAGS = {"input", "textarea", "select"}
RESULT_TITLE = "Jouw beeld per aspect"
PARTY_TEMPLATES = ("party-diagram", "party-list", "across-diagram", "across-list")

Rendered = tuple[list[Instrument], dict[str, str]]


@pytest.fixture(scope="module", params=sorted(SOURCES))
def rendered(request: pytest.FixtureRequest) -> Rendered:
    """The instruments of one definitions folder and their rendered pages."""
    instruments = load_instruments(SOURCES[request.param])
    return instruments, render_pages(instruments)


def _page(instrument: Instrument, pages: dict[str, str]) -> Element:
    return parse(page_body(pages[instrument_path(instrument)]))


def _form(instrument: Instrument, pages: dict[str, str]) -> Element:
    return _page(instrument, pages).find_one("form")


def _in_template(element: Element) -> bool:
    """Whether the element is a script's blueprint (inside <template>), not part of the form."""
    return any(a.tag == "template" for a in element.ancestors())


def _live(elements: list[Element]) -> list[Element]:
    return [e for e in elements if not _in_template(e)]


def _controls(root: Element) -> list[Element]:
    """The form controls below ``root`` that are on the page, in document order."""
    return _live([e for e in root.iter() if e.tag in CONTROL_TAGS])


def _controls_by_name(form: Element) -> dict[str, list[Element]]:
    found: dict[str, list[Element]] = defaultdict(list)
    for control in _controls(form):
        # A control without a name keeps no answer (choosing two partners to link, say).
        if control.get("name"):
            found[control.get("name")].append(control)
    return found


def _templates(root: Element) -> dict[str, Element]:
    """The <template> elements below ``root``, by their data-gk-template name."""
    found: dict[str, Element] = {}
    for template in root.iter("template"):
        name = template.get("data-gk-template") or ""
        assert name not in found, f"one <template data-gk-template='{name}'>"
        found[name] = template
    return found


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


def _name_element(form: Element, control: Element) -> Element:
    """What gives a control its accessible name: a group's legend, or the control's label."""
    if control.tag == "input" and control.get("type") in {"radio", "checkbox"}:
        return _legend(_group_of([control]))
    return _label_for(form, control)


def _repeated(instrument: Instrument, kind: type) -> list[Section]:
    return [s for s in instrument.sections if isinstance(s.repeat, kind)]


def _widget(form: Element, tag: str, section: Section) -> Element:
    """The custom element that runs a repeated section (<gk-menu-matrix>, <gk-parties>)."""
    return form.find_one(tag, **{"data-section": section.id})


def _structural_names(section: Section) -> set[str]:
    """The controls a section adds besides its answers: what is chosen, names, and the rows of
    an agreements list in order."""
    rows = {f"{section.id}.{f.id}" for f in section.fields if isinstance(f, ActionsField)}
    if rows:
        return rows
    if isinstance(section.repeat, PartiesRepeat):
        names = {name_key(section.id, p.id) for p in section.repeat.parties}
        return {section.id, links_key(section.id)} | names
    if isinstance(section.repeat, MenuRepeat):
        return {section.id}
    return set()


def _prefix(question: Question) -> str:
    """The key of the box, link or column a repeated question belongs to."""
    return question.key.rsplit(".", 1)[0]


def test_every_page_is_rendered(rendered: Rendered) -> None:
    """An instrument has no page at /tools/<id>/, or the overview or reference is missing."""
    instruments, pages = rendered
    tools = {"tools/index.md"} | {f"tools/{i.id}/index.md" for i in instruments}
    comparisons = {f"tools/{i.id}/vergelijken/index.md" for i in instruments}
    markdown = {path for path in pages if path.endswith(".md")}
    assert markdown == tools | comparisons | {"voor-beheerders/referentie.md"}


def test_every_generated_page_links_its_own_existing_stylesheet(rendered: Rendered) -> None:
    """A page links no stylesheet, one the build does not write, or one without the styles of a
    part it has (a matrix, parties, a result)."""
    _, pages = rendered
    for path, text in pages.items():
        if not path.endswith(".md") or path == "voor-beheerders/referentie.md":
            continue
        links = [
            link.get("href") or ""
            for link in parse(page_body(text)).iter("link")
            if link.get("rel") == "stylesheet"
        ]
        assert len(links) == 1, path
        (bundle,) = [p for p in pages if p.endswith("/" + links[0].rsplit("/", 1)[-1])]
        assert links[0] == assets_url(path) + "/" + bundle.rsplit("/", 1)[-1]
        css = pages[bundle]
        assert ".gk-toolbar" in css, f"{path}: the base styles"
        if "gk-parties" in text:
            assert ".gk-diagram" in css, f"{path}: the parties' styles"
        if "gk-menu-matrix" in text:
            assert ".gk-menu" in css, f"{path}: the matrix's styles"
        if "<gk-result" in text:
            assert ".gk-result" in css, f"{path}: the result's styles"


def test_overview_links_every_instrument(rendered: Rendered) -> None:
    """The /tools/ overview misses an instrument or its comparison view, or links it to the
    wrong address."""
    instruments, pages = rendered
    overview = parse(page_body(pages["tools/index.md"]))
    links = [(a.get("href"), a.text()) for a in overview.iter("a")]
    choices = challenge_choices(instruments)
    chooser = [(f"{i.id}/", i.title) for choice in choices for i in choice.instruments]
    cards = [
        link
        for i in instruments
        for link in [
            (f"{i.id}/", i.title),
            (f"{i.id}/", f"Invullen {i.title}"),
            (f"{i.id}/?afdruk=leeg", f"Lege afdrukversie, {i.print.paper}"),
            *(
                [(f"{i.id}/?afdruk=werkblad", "Afdrukversie, A4 (werkblad voor één persoon)")]
                if i.layout == "poster"
                else []
            ),
        ]
    ]
    comparisons = [
        (f"{i.id}/vergelijken/", f"{i.title}: antwoorden vergelijken") for i in instruments
    ]
    assert links == chooser + cards + comparisons


def test_chooser_leads_from_each_challenge_to_its_instrument() -> None:
    """The chooser "Waar staan jullie nu?" would skip a challenge, or send it to the wrong
    instrument (CONTENT.md §2)."""
    choices = challenge_choices(load_instruments(TOOL_TEMPLATES))
    assert [(c.number, [i.id for i in c.instruments]) for c in choices] == [
        (1, ["praatplaat"]),
        (2, ["matrix"]),
        (3, ["achtje"]),
        (4, ["achtje"]),
        (5, ["reflectietool"]),
    ]
    assert all(choice.points for choice in choices), "each challenge says what it is about"


def test_home_page_chooser_links_from_the_site_root(rendered: Rendered) -> None:
    """The home page's chooser would lead to missing pages, or come without its styles."""
    instruments, pages = rendered
    block = parse(chooser_block(instruments, "index.md"))
    hrefs = {a.get("href") for a in block.iter("a")}
    assert hrefs == {f"tools/{i.id}/" for i in instruments}
    sheets = [link.get("href") for link in block.iter("link")]
    assert len(sheets) == 1 and sheets[0] in pages, sheets


ONE_UP = {"A4": "A3", "A3": "A2"}  # a poster's ready PDF for a plotter


def test_download_links_follow_whether_pdfs_are_made(rendered: Rendered) -> None:
    """A download link would lead to a PDF the build did not make, or miss one it did."""
    instruments, _ = rendered
    with_pdfs = render_pages(instruments, pdfs=True)
    overview = parse(page_body(with_pdfs["tools/index.md"]))
    cards = [(a.get("href"), a.text()) for a in overview.iter("a") if "gk-print-link" in a.classes]
    expected = {
        i.id: [(pdf_name(i), f"Download als PDF, {i.print.paper}")]
        + (
            [
                (
                    f"{i.id}-leeg-{ONE_UP[i.print.paper].lower()}.pdf",
                    f"PDF, {ONE_UP[i.print.paper]} (poster)",
                ),
                (f"{i.id}-werkblad-a4.pdf", "PDF, A4 (werkblad voor één persoon)"),
            ]
            if i.layout == "poster"
            else []
        )
        for i in instruments
    }
    assert cards == [(f"{i.id}/{href}", text) for i in instruments for href, text in expected[i.id]]
    for instrument in instruments:
        page = parse(page_body(with_pdfs[instrument_path(instrument)]))
        links = [(a.get("href"), a.text()) for a in page.iter("a") if "gk-print-link" in a.classes]
        assert links == expected[instrument.id]


def test_every_question_has_one_labelled_control(rendered: Rendered) -> None:
    """A question cannot be answered, or a screen reader announces the wrong question."""
    instruments, pages = rendered
    for instrument in instruments:
        form = _form(instrument, pages)
        by_name = _controls_by_name(form)
        for question in instrument.questions():
            key, field = question.key, question.field
            controls = by_name.get(key)
            assert controls, f"{instrument.id}: no control for {key}"
            if isinstance(field, (LongTextField, ShortTextField, DateField)):
                (control,) = controls
                if isinstance(field, LongTextField):
                    assert control.tag == "textarea"
                    assert control.get("rows") == str(field.rows)
                else:
                    kind = "date" if isinstance(field, DateField) else "text"
                    assert (control.tag, control.get("type")) == ("input", kind)
                assert control.get("id") == dom_id(key)
                assert _label_for(form, control).text() == question.label, key
                described = control
            else:
                assert isinstance(field, (ScaleField, ChoiceField))
                group = _group_of(controls)
                assert _legend(group).text() == question.label, key
                described = group
            if field.help:
                help_id = described.get("aria-describedby")
                assert help_id, f"{key}: the help text is tied to its control"
                assert form.find_one(id=help_id).text() == field.help
            else:
                assert described.get("aria-describedby") is None


def test_question_labels_are_unique(rendered: Rendered) -> None:
    """Two controls sound the same to a screen reader, or tests cannot tell them apart."""
    instruments, _ = rendered
    for instrument in instruments:
        labels = [q.label for q in instrument.questions()]
        repeated = {label for label in labels if labels.count(label) > 1}
        assert not repeated, f"{instrument.id}: {sorted(repeated)}"
        keys = [q.key for q in instrument.questions()]
        assert len(keys) == len(set(keys)), f"{instrument.id}: every answer has its own key"


def _rendered(rendered: Rendered, kind: type) -> Iterator[tuple[Instrument, Any, list[Element]]]:
    """Each question of one field type, with its instrument and the controls rendered for it."""
    instruments, pages = rendered
    for instrument in instruments:
        by_name = _controls_by_name(_form(instrument, pages))
        for question in instrument.questions():
            if isinstance(question.field, kind):
                yield instrument, question.field, by_name[question.key]


def test_scale_is_a_radio_group_with_one_radio_per_option(rendered: Rendered) -> None:
    """A scale statement misses an option, the 'weet niet' choice, or mixes up two statements."""
    for instrument, field, radios in _rendered(rendered, ScaleField):
        scale = instrument.scales_by_id[field.scale]
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


def test_choice_uses_radios_for_one_and_checkboxes_for_several(rendered: Rendered) -> None:
    """A 'choose several' question only lets you pick one option, or the other way round."""
    for _, field, inputs in _rendered(rendered, ChoiceField):
        kind = "checkbox" if field.multiple else "radio"
        assert [i.get("type") for i in inputs] == [kind] * len(field.options)
        assert [i.get("value") for i in inputs] == [o.id for o in field.options]
        assert _option_texts(inputs) == [o.label for o in field.options]


def test_repeated_question_names_its_place_in_hidden_text(rendered: Rendered) -> None:
    """Two questions with the same text sound identical to a screen reader user."""
    instruments, pages = rendered
    for instrument in instruments:
        form = _form(instrument, pages)
        by_name = _controls_by_name(form)
        for question in instrument.questions():
            name_element = _name_element(form, by_name[question.key][0])
            hidden = [e for e in name_element.iter("span") if "gk-visually-hidden" in e.classes]
            if question.place is None:
                assert hidden == []
            else:
                assert [h.text() for h in hidden] == [f"{question.place}:"]
                assert name_element.text() == f"{question.place}: {question.field.label}"


def test_controls_are_only_the_questions_and_ids_are_unique(rendered: Rendered) -> None:
    """A stray or duplicated control would save answers under keys no definition knows."""
    instruments, pages = rendered
    for instrument in instruments:
        form = _form(instrument, pages)
        names = set(_controls_by_name(form))
        keys = {q.key for q in instrument.questions()}
        respondent = {f"respondent.{f.id}" for f in instrument.respondent.fields}
        structural = set().union(*(_structural_names(s) for s in instrument.sections))
        assert not keys & structural, "a choice or a name is never also an answer"
        assert names == keys | respondent | structural
        page = _page(instrument, pages)
        ids = [e.get("id") for e in _live(page.find_all()) if e.get("id")]
        assert len(ids) == len(set(ids)), "element ids are unique on the page"
        for name, template in _templates(page).items():
            inner = [e.get("id") for e in template.iter() if e.get("id")]
            assert len(inner) == len(set(inner)), f"ids are unique in the {name} template"


def test_every_text_answer_holds_no_more_than_an_answer_file_may(rendered: Rendered) -> None:
    """A longer answer would be saved but never read back: on the next visit the stored copy
    would be set aside as damaged. Partners, rows and columns added later are made from the
    templates, so those say it too; and the limit is the one the page's code checks files by."""
    answers_js = (GENERATOR_DIR / "client" / "answers.js").read_text(encoding="utf-8")
    assert f"export const MAX_TEXT = {MAX_TEXT:_};" in answers_js
    instruments, pages = rendered
    for instrument in instruments:
        form = _form(instrument, pages)
        texts = [*form.iter("textarea"), *form.iter("input", type="text")]
        assert texts, instrument.id
        for control in texts:
            assert control.get("maxlength") == str(MAX_TEXT), (instrument.id, control)


def test_respondent_fields_come_first_and_are_optional(rendered: Rendered) -> None:
    """Users are forced to give their name, or the 'who answers' fields are missing."""
    instruments, pages = rendered
    for instrument in instruments:
        form = _form(instrument, pages)
        controls = _controls(form)
        count = len(instrument.respondent.fields)
        first = controls[:count]
        assert [c.get("name") for c in first] == [
            f"respondent.{f.id}" for f in instrument.respondent.fields
        ]
        for control, field in zip(first, instrument.respondent.fields, strict=True):
            assert _label_for(form, control).text() == field.label
        every = [e for e in form.iter() if e.tag in CONTROL_TAGS]
        assert all("required" not in c.attrs for c in every), "no answer is required"


def test_page_shows_every_section_title_and_statement_text() -> None:
    """Text from the definition is escaped wrongly or lost on the way to the page."""
    instruments = load_instruments(VALID)
    pages = render_pages(instruments)
    for instrument in instruments:
        page = _page(instrument, pages)
        assert page.find_one("h1").text() == instrument.title
        headings = [h.text() for h in page.iter("h2")]
        # Statements on a scale add the own result after the sections (see test_result.py).
        has_result = any("data-gk-result" in e.attrs for e in page.iter("section"))
        result = [RESULT_TITLE] if has_result else []
        guidance = "Zo gebruik je dit instrument"
        assert headings == [guidance, *(s.title for s in instrument.sections), *result]


# --- a matrix: columns chosen from a menu ---------------------------------------------------


def test_menu_has_a_checkbox_per_option_named_by_its_label(rendered: Rendered) -> None:
    """An activity cannot be chosen, or its checkbox is announced without its name."""
    instruments, pages = rendered
    for instrument in instruments:
        form = _form(instrument, pages)
        for section in _repeated(instrument, MenuRepeat):
            assert isinstance(section.repeat, MenuRepeat)
            options = section.repeat.options
            matrix = _widget(form, "gk-menu-matrix", section)
            menu = matrix.find_one("fieldset", class_="gk-menu")
            assert _legend(menu).text() == section.repeat.title
            boxes = _live(matrix.find_all("input", name=section.id))
            assert [b.get("type") for b in boxes] == ["checkbox"] * len(options)
            assert [b.get("value") for b in boxes] == [o.id for o in options]
            assert _option_texts(boxes) == [o.label for o in options]
            assert all("checked" not in b.attrs for b in boxes), "a blank form chooses nothing"
            for box, option in zip(boxes, options, strict=True):
                described = box.get("aria-describedby")
                if option.description:
                    assert described, f"{option.id}: the description is tied to its checkbox"
                    assert form.find_one(id=described).text() == option.description
                else:
                    assert described is None


def test_menu_has_a_column_per_option_with_its_questions(rendered: Rendered) -> None:
    """A chosen activity has no column, or its cells are saved under another column's keys."""
    instruments, pages = rendered
    for instrument in instruments:
        form = _form(instrument, pages)
        for section in _repeated(instrument, MenuRepeat):
            assert isinstance(section.repeat, MenuRepeat)
            matrix = _widget(form, "gk-menu-matrix", section)
            columns = _live(matrix.find_all("section", class_="gk-column"))
            options = section.repeat.options
            assert [c.get("data-gk-column") for c in columns] == [o.id for o in options]
            questions = list(section.repeat.questions(section))
            assert len(questions) == len(options) * len(section.fields)
            for column, option in zip(columns, options, strict=True):
                assert column.find_one("h3").text() == option.label
                mine = [q for q in questions if _prefix(q) == f"{section.id}.{option.id}"]
                assert [q.field.id for q in mine] == [f.id for f in section.fields]
                assert {q.place for q in mine} == {option.label}
                names = list(dict.fromkeys(c.get("name") for c in _controls(column)))
                assert names == [q.key for q in mine]


def test_menu_with_own_columns_has_a_button_and_templates(rendered: Rendered) -> None:
    """Users cannot add their own activity, or an added one has no cells to fill in."""
    instruments, pages = rendered
    for instrument in instruments:
        form = _form(instrument, pages)
        for section in _repeated(instrument, MenuRepeat):
            repeat = section.repeat
            assert isinstance(repeat, MenuRepeat)
            matrix = _widget(form, "gk-menu-matrix", section)
            buttons = matrix.find_all("button", **{"data-gk-action": "add-own"})
            templates = _templates(matrix)
            if repeat.own is None:
                assert buttons == [] and templates == {}, f"{section.id} has no own columns"
                continue
            assert [b.text() for b in buttons] == [f"{repeat.own} toevoegen"]
            assert buttons[0].get("type") == "button", "adding a column never submits"
            assert set(templates) == {"menu-entry", "column"}
            entry = templates["menu-entry"].find_one("input")
            assert (entry.get("type"), entry.get("name"), entry.get("value")) == (
                "checkbox",
                section.id,
                "__id__",
            )
            column = templates["column"]
            controls = [e for e in column.iter() if e.tag in CONTROL_TAGS]
            names = list(dict.fromkeys(c.get("name") for c in controls))
            assert names == [
                name_key(section.id, "__id__"),
                *(repeat.cell_key(section.id, "__id__", f.id) for f in section.fields),
            ]
            for control in controls:
                if control.get("type") != "radio":
                    assert control.get("id") == dom_id(control.get("name") or "")
                    assert column.find_one("label", for_=control.get("id"))


# --- het 8-tje: parties on levels -----------------------------------------------------------


def test_parties_diagram_links_every_box_and_link_to_its_fields(rendered: Rendered) -> None:
    """A box or link of the 8 leads nowhere, to the wrong fields, or is announced wrongly."""
    instruments, pages = rendered
    for instrument in instruments:
        form = _form(instrument, pages)
        for section in _repeated(instrument, PartiesRepeat):
            assert isinstance(section.repeat, PartiesRepeat)
            parties = _widget(form, "gk-parties", section)
            assert parties.get("data-max") == str(section.repeat.max)
            questions = list(section.repeat.questions(section))
            places = {_prefix(q): q.place for q in questions}
            # The partners' boxes and links down, then under them the links between partners.
            (diagram,) = [e for e in parties.iter() if "data-gk-diagram" in e.attrs]
            (apart,) = [e for e in parties.iter() if "data-gk-apart" in e.attrs]
            links = _live(diagram.find_all("a")) + _live(apart.find_all("a"))
            across = [key for key in places if LINK in key.split(".")[1]]
            in_order = [key for key in places if key not in across] + across
            assert [a.get("data-gk-target") for a in links] == in_order
            for link in links:
                target = link.get("data-gk-target") or ""
                assert link.get("href") == f"#{dom_id(target)}"
                assert link.text() == f"{places[target]} (leeg)"
                group = form.find_one("fieldset", id=dom_id(target))
                assert not _in_template(group)
                assert group.get("data-gk-group") == target
                assert _legend(group).text() == places[target]
                names = list(dict.fromkeys(c.get("name") for c in _controls(group)))
                assert names == [q.key for q in questions if _prefix(q) == target]


def test_parties_count_boxes_and_links_as_drawn(rendered: Rendered) -> None:
    """The 8 misses a box, a link down between levels or a link across between partners."""
    instruments, _ = rendered
    for instrument in instruments:
        for section in _repeated(instrument, PartiesRepeat):
            repeat = section.repeat
            assert isinstance(repeat, PartiesRepeat)
            parties, levels = len(repeat.parties), len(repeat.levels)
            groups = {_prefix(q) for q in repeat.questions(section)}
            boxes, down, across = parties * levels, parties * (levels - 1), (parties - 1) * levels
            assert len(groups) == boxes + down + across


def test_parties_keep_their_order_and_names_in_controls(rendered: Rendered) -> None:
    """The parties' order or their (renamed) names are not saved, so a reload loses them."""
    instruments, pages = rendered
    for instrument in instruments:
        form = _form(instrument, pages)
        for section in _repeated(instrument, PartiesRepeat):
            assert isinstance(section.repeat, PartiesRepeat)
            parties = _widget(form, "gk-parties", section)
            (order,) = _live(parties.find_all("input", name=section.id))
            assert order.get("type") == "hidden"
            assert order.get("value") == " ".join(p.id for p in section.repeat.parties)
            for party in section.repeat.parties:
                (name,) = _live(parties.find_all("input", name=name_key(section.id, party.id)))
                assert (name.get("type"), name.get("value")) == ("text", party.name)
                assert _label_for(form, name).text() == f"Naam van {party.name}"


def test_parties_have_templates_for_added_parties(rendered: Rendered) -> None:
    """An added party has no boxes, no links to its neighbour, or fields under a fixed key."""
    instruments, pages = rendered
    for instrument in instruments:
        form = _form(instrument, pages)
        for section in _repeated(instrument, PartiesRepeat):
            repeat = section.repeat
            assert isinstance(repeat, PartiesRepeat)
            parties = _widget(form, "gk-parties", section)
            templates = _templates(parties)
            assert set(templates) == set(PARTY_TEMPLATES)
            pairs = list(zip(repeat.levels, repeat.levels[1:]))
            party_groups = [
                *(repeat.box_key(section.id, "__id__", level.id) for level in repeat.levels),
                *(repeat.down_key(section.id, "__id__", a.id, b.id) for a, b in pairs),
            ]
            across_groups = [
                repeat.across_key(section.id, "__left__", "__right__", level.id)
                for level in repeat.levels
            ]
            for name, groups in [
                ("party-diagram", party_groups),
                ("across-diagram", across_groups),
            ]:
                targets = [a.get("data-gk-target") for a in templates[name].iter("a")]
                assert sorted(targets) == sorted(groups), name
                hrefs = [a.get("href") for a in templates[name].iter("a")]
                assert sorted(hrefs) == sorted(f"#{dom_id(g)}" for g in groups), name
            boxes = set(party_groups[: len(repeat.levels)])
            for name, groups, extra in [
                ("party-list", party_groups, {name_key(section.id, "__id__")}),
                ("across-list", across_groups, set()),
            ]:
                template = templates[name]
                fieldsets = [f.get("id") for f in template.iter("fieldset", class_="gk-group")]
                assert sorted(fieldsets) == sorted(dom_id(g) for g in groups), name
                names = {c.get("name") for c in template.iter() if c.tag in CONTROL_TAGS}
                expected = {
                    f"{group}.{field.id}"
                    for group in groups
                    for field in (section.fields if group in boxes else repeat.link_fields)
                }
                assert names == expected | extra, name
                tokens = ("__id__",) if name == "party-list" else ("__left__", "__right__")
                ids = [e.get("id") or "" for e in template.iter() if e.get("id")]
                assert ids and all(all(t in i for t in tokens) for i in ids), name


def test_page_description_is_escaped_for_its_attribute() -> None:
    """Material writes the description into a <meta> attribute as it is: a quote in a purpose or
    title would break the head of the page."""
    instrument = load_instruments(TOOL_TEMPLATES)[0]
    quoted = instrument.model_copy(update={"purpose": 'Het "echte" <doel> & meer'})
    page = render_pages([quoted])[instrument_path(quoted)]
    front = yaml.safe_load(page.split("---\n")[1])
    assert front["description"] == "Het &#34;echte&#34; &lt;doel&gt; &amp; meer"


# --- definitions are text, never markup ------------------------------------------------------


def test_title_is_escaped_for_the_theme_which_writes_it_as_it_is(tmp_path: Path) -> None:
    """Material writes a page's front-matter title into <title>, the header and the menu as it
    is: 'Samen <vmbo> & mbo' would lose '<vmbo>', and a <script> in a title would run."""
    titles = write_hostile_definitions(tmp_path)
    instruments = load_instruments(tmp_path)
    pages = render_pages(instruments)
    for instrument in instruments:
        escaped = str(escape(titles[instrument.id]))
        for path in (instrument_path(instrument), comparison_path(instrument)):
            front = yaml.safe_load(pages[path].split("---\n")[1])
            assert front["title"].startswith(escaped), path
            assert injected(parse(page_body(pages[path]))) == [], path
        assert _page(instrument, pages).find_one("h1").text() == titles[instrument.id]
    overview = parse(page_body(pages["tools/index.md"]))
    cards = [h.text() for h in overview.iter("h2") if "gk-card__title" in h.classes]
    assert sorted(cards) == sorted(titles.values())
    assert injected(overview) == []


def test_markdown_shows_html_as_text_and_keeps_nothing_that_runs(tmp_path: Path) -> None:
    """HTML in an intro would run as script on every visit (or break the page around it);
    Markdown is documented, HTML is not, so the publisher's tags show as the text they typed."""
    write_hostile_definitions(tmp_path)
    instruments = load_instruments(tmp_path)
    pages = render_pages(instruments)
    for instrument in instruments:
        page = _page(instrument, pages)
        assert injected(page) == []
        assert not [e for e in page.iter() if e.tag in {"script", "img", "b"}]
        intros = [
            e.text()
            for e in page.iter("div")
            if any(c.endswith("__intro") for c in e.classes) or "gk-about" in e.classes
        ]
        assert any("<b>vet</b>" in text for text in intros), intros
        assert any('<script>alert("intro")</script>' in text for text in intros), intros
        links = [a for a in page.iter("a") if a.text() == "een link"]
        assert links and all("javascript" not in (a.get("href") or "") for a in links)


def test_markdown_keeps_the_formatting_it_documents() -> None:
    """Sanitising would strip the emphasis, lists and links publishers write in an intro."""
    html = markdown_html(
        "Een *nadruk*, **vet** en `code`.\n\n- een\n- twee\n\n"
        "> citaat\n\n[link](https://example.org/) en <https://example.org/a>"
    )
    tree = parse(html)
    assert " ".join(e.tag for e in tree.iter()) == "p em strong code ul li li blockquote p p a a"
    hrefs = [a.get("href") for a in tree.iter("a")]
    assert hrefs == ["https://example.org/", "https://example.org/a"]


@pytest.mark.parametrize(
    ("folder", "instrument_id", "paper"),
    [
        (TOOL_TEMPLATES, "praatplaat", "poster"),
        (TOOL_TEMPLATES, "achtje", "eight"),
        (TOOL_TEMPLATES, "matrix", "table"),
        (TOOL_TEMPLATES, "reflectietool", None),
        # Forms that paper of its own can't show whole (a scale, a choice) print as they are.
        (VALID, "alle-veldtypen", None),
        (VALID, "partijen", None),
        (VALID, "menukaart", None),
        (VALID, "minimaal", None),
    ],
)
def test_an_instrument_prints_on_its_own_paper_only_where_that_shows_it_all(
    folder: Path, instrument_id: str, paper: str | None
) -> None:
    """The poster, the figure eight and the table read text answers only: a form with other
    questions printed on them would lose those answers."""
    (instrument,) = [i for i in load_instruments(folder) if i.id == instrument_id]
    assert own_paper(instrument) == paper
    page = parse(page_body(render_pages([instrument])[instrument_path(instrument)]))
    assert page.find_one("gk-instrument").get("data-paper") == paper
