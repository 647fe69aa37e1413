"""Every question and statement is on the page, found by its label, and can be answered."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from . import definitions
from .controls import InstrumentForm, Question, ScaleQuestion, TextQuestion


@pytest.mark.parametrize("instrument_id", definitions.instrument_ids())
def test_every_field_is_found_by_its_label_and_answerable(page: Page, instrument_id: str) -> None:
    """A user (or screen reader) would miss a question, or could not answer it."""
    instrument = definitions.instrument(instrument_id)
    page.goto(definitions.instrument_url(instrument_id))
    form = InstrumentForm(page, instrument)
    form.show_every_question()
    asked = definitions.questions(instrument)
    questions = [Question.of(page, instrument, q) for q in asked]
    for number, question in enumerate(questions):
        question.control.expect_present()
        if isinstance(question.control, TextQuestion):
            lines = "\n" if asked[number].field.type == "long_text" else " "  # short: one line
            answer = f"Antwoord {number}: één regel,{lines}nog een <b>regel</b> & meer"
            question.control.fill(answer)
            question.control.expect_value(answer)
        else:
            question.control.expect_options(question.options)
            question.control.expect_nothing_chosen()
            chosen = question.options[number % len(question.options)]
            question.control.choose(chosen)
            question.control.expect_chosen(chosen)
    text_questions = [q for q in questions if isinstance(q.control, TextQuestion)]
    names = len(instrument.respondent.fields) + definitions.name_boxes(instrument)
    expect(form.text_boxes, "no text boxes besides the questions and names").to_have_count(
        len(text_questions) + names
    )
    expect(form.option_groups, "no option groups besides the questions and menus").to_have_count(
        len(questions) - len(text_questions) + len(definitions.menus(instrument))
    )


PRAATPLAAT_QUESTIONS = [
    "Wat is de opgave?",
    "Welk probleem of uitdaging willen we aanpakken?",
    "Hoe definiëren we onze doelgroep?",
    "Wat willen de partners halen en wat willen zij brengen?",
]
REFLECTIETOOL_STATEMENTS = [
    "We hebben expliciet met elkaar uitgesproken wat onze gezamenlijke ambitie is.",
    "Het samenwerkingsverband creëert meerwaarde voor onze doelgroep.",
    "De wijze waarop we leiderschap hebben vormgegeven wordt geaccepteerd en gewaardeerd.",
    "We evalueren de voortgang op resultaten.",
]
REFLECTIETOOL_ASPECTS = ["Ambitie", "Belangen", "Relatie", "Organisatie", "Proces"]


def test_praatplaat_asks_the_questions_of_the_source(page: Page) -> None:
    """The praatplaat's wording would have drifted from the source (CONTENT.md)."""
    page.goto(definitions.instrument_url("praatplaat"))
    for area in ["Urgentie", "Ambitie", "Doelgroep", "Belangen"]:
        expect(page.get_by_role("heading", name=area, exact=True, level=2)).to_be_visible()
    for label in PRAATPLAAT_QUESTIONS:
        question = TextQuestion(page, label)
        question.expect_present()
        question.fill("Samen met de regio.")
        question.expect_value("Samen met de regio.")


def test_reflectietool_lists_the_statements_of_the_source(page: Page) -> None:
    """The reflectietool's statements or explanation fields would have drifted from CONTENT.md."""
    page.goto(definitions.instrument_url("reflectietool"))
    for statement in REFLECTIETOOL_STATEMENTS:
        scale = ScaleQuestion(page, statement)
        scale.expect_present()
        expect(scale.option("Weet niet")).to_have_count(1)
        scale.choose("Weet niet")
        scale.expect_chosen("Weet niet")
    for aspect in REFLECTIETOOL_ASPECTS:
        expect(page.get_by_role("heading", name=aspect, exact=True, level=2)).to_be_visible()
        explanation = TextQuestion(page, f"{aspect}: Onderbouw en licht toe")
        explanation.expect_present()
        explanation.fill("Omdat we dat samen zo zien.")
        explanation.expect_value("Omdat we dat samen zo zien.")
    form = InstrumentForm(page, definitions.instrument("reflectietool"))
    expect(form.option_groups, "the 21 statements of the source").to_have_count(21)


@pytest.mark.parametrize("instrument_id", definitions.instrument_ids())
def test_respondent_fields_are_optional_and_empty(page: Page, instrument_id: str) -> None:
    """A user would find someone else's name filled in, or be forced to give their name."""
    instrument = definitions.instrument(instrument_id)
    page.goto(definitions.instrument_url(instrument_id))
    labels = [field.label for field in instrument.respondent.fields]
    assert labels == ["Naam of rol", "Organisatie"]
    for label in labels:
        field = TextQuestion(page, label)
        field.expect_present()
        field.expect_empty()
        field.expect_optional()
