"""The instruments can be filled in with the keyboard alone, with focus in view."""

from __future__ import annotations

import itertools

from playwright.sync_api import Page, expect

from . import definitions
from .controls import (
    FeedbackForm,
    PartiesDiagram,
    Question,
    ScaleQuestion,
    TextQuestion,
    focus_indicator,
    focused_control,
    settle,
    tab_to,
)


def test_scale_is_answered_by_keyboard_alone(page: Page) -> None:
    """A keyboard user could not reach, move along or pick a scale's answers, or see the focus."""
    instrument = definitions.instrument("reflectietool")
    page.goto(definitions.instrument_url("reflectietool"))
    questions = [Question.of(page, instrument, q) for q in definitions.questions(instrument)]
    # The first statement that directly follows another one in reading order.
    previous, statement = next(
        (a, b)
        for a, b in itertools.pairwise(questions)
        if isinstance(a.control, ScaleQuestion) and isinstance(b.control, ScaleQuestion)
    )
    assert isinstance(previous.control, ScaleQuestion)
    assert isinstance(statement.control, ScaleQuestion)
    scale = statement.control
    first, _, third, fourth = statement.options[:4]

    previous.control.option(previous.options[0]).focus()
    page.keyboard.press("Tab")
    scale.expect_focused(first)
    scale.expect_nothing_chosen()
    page.keyboard.press("Space")
    scale.expect_chosen(first)
    for _ in range(3):
        page.keyboard.press("ArrowRight")
    scale.expect_focused(fourth)
    scale.expect_chosen(fourth)
    page.keyboard.press("ArrowLeft")
    scale.expect_focused(third)
    scale.expect_chosen(third)
    indicator = focus_indicator(scale.option(third))
    assert indicator, f"no visible focus (outline or box-shadow) on the focused option {third!r}"


def test_text_field_shows_focus(page: Page) -> None:
    """A keyboard user would not see which text field they are typing in."""
    page.goto(definitions.instrument_url("praatplaat"))
    TextQuestion(page, "Naam of rol").focus()
    page.keyboard.press("Tab")
    organisation = TextQuestion(page, "Organisatie")
    organisation.expect_focused()
    page.keyboard.type("Techniekcollege")
    organisation.expect_value("Techniekcollege")
    assert focus_indicator(organisation.box), (
        "no visible focus (outline or box-shadow) on a text field"
    )


def test_every_field_of_the_reflectietool_is_reached_by_tab_in_reading_order(page: Page) -> None:
    """A keyboard user would skip a question, or jump around the form in a confusing order."""
    instrument = definitions.instrument("reflectietool")
    page.goto(definitions.instrument_url("reflectietool"))
    expected = [f"textbox: {field.label}" for field in instrument.respondent.fields]
    for asked in definitions.questions(instrument):
        question = Question.of(page, instrument, asked)
        kind = "textbox" if isinstance(question.control, TextQuestion) else "group"
        expected.append(f"{kind}: {question.label}")

    TextQuestion(page, instrument.respondent.fields[0].label).focus()
    reached: list[str] = []
    for _ in range(len(expected) * 3 + 20):
        control = focused_control(page)
        if control in expected and control not in reached:
            reached.append(control)
        if len(reached) == len(expected):
            break
        page.keyboard.press("Tab")

    missing = [control for control in expected if control not in reached]
    assert not missing, "never reached by Tab:\n  " + "\n  ".join(missing)
    assert reached == expected, "Tab order differs from reading order:\n  " + "\n  ".join(reached)


def test_achtje_diagram_leads_into_a_box_and_a_link_by_keyboard_alone(page: Page) -> None:
    """A keyboard user could not use the 8-tje's diagram to reach and fill a box or a link."""
    page.goto(definitions.instrument_url("achtje"))
    diagram = PartiesDiagram(page)
    box = "Partner A, Bestuurlijk"
    link = "Partner A \N{EN DASH} Partner B, Bestuurlijk"
    steps = [
        (box, f"{box}: Wie is/zijn dit?", False),
        # From the box's field back up into the diagram, as a keyboard user goes.
        (link, f"{link}: Wat is hier nodig qua communicatie en samenwerking?", True),
    ]
    for place, label, backwards in steps:
        tab_to(page, f"link: {place} (leeg)", backwards=backwards)
        assert focus_indicator(diagram.place(place)), f"no visible focus on {place!r}"
        page.keyboard.press("Enter")
        settle(page)
        field = TextQuestion(page, label)
        field.expect_focused()
        page.keyboard.type("Het college van bestuur")
        field.expect_value("Het college van bestuur")
    diagram.expect_filled(box)
    diagram.expect_filled(link)


def test_feedback_is_reached_by_tab_after_the_instrument(page: Page) -> None:
    """A keyboard user could not reach the feedback boxes or the send link, or would meet them
    out of order, or not see where the focus is."""
    instrument = definitions.instrument("praatplaat")
    page.goto(definitions.instrument_url("praatplaat"))
    feedback = FeedbackForm(page)
    last = definitions.questions(instrument)[-1]
    TextQuestion(page, last.label).focus()
    # Its boxes arrive with its code, which focus on the page sends for (a person is not faster).
    expect(feedback.box(feedback.questions[0]), "the feedback boxes").to_be_visible()
    # The form ends with the agreements list's button (its code comes as the list nears too).
    add = page.get_by_role("button", name="Afspraak toevoegen", exact=True)
    expect(add).to_be_visible()
    add.focus()
    for question in feedback.questions:
        page.keyboard.press("Tab")
        expect(
            feedback.box(question), f"focus on the feedback box {question.topic!r}"
        ).to_be_focused()
        page.keyboard.type(f"Per toetsenbord: {question.topic}")
    feedback.expect_answers({q.id: f"Per toetsenbord: {q.topic}" for q in feedback.questions})
    page.keyboard.press("Tab")
    expect(feedback.send_link, "focus on the send link").to_be_focused()
    assert focus_indicator(feedback.send_link), "no visible focus on the send link"
    page.keyboard.press("Tab")
    expect(feedback.clear_button, "focus on 'Feedback wissen'").to_be_focused()
    assert focus_indicator(feedback.clear_button), "no visible focus on 'Feedback wissen'"
