"""Two tabs, one truth (DESIGN.md §4): answers typed in two tabs of one instrument are merged per
answer, the newer edit winning, whatever the order of typing, focus and closing; none is lost."""

from __future__ import annotations

from playwright.sync_api import BrowserContext, Page, expect

from . import definitions
from .controls import AnswerToolbar, BrowserStorage, ScaleQuestion, TextQuestion

REFLECTIE = "reflectietool"
AMBITIE = "Ambitie: Onderbouw en licht toe"
BELANGEN = "Belangen: Onderbouw en licht toe"
RELATIE = "Relatie: Onderbouw en licht toe"
STATEMENT = "We hebben expliciet met elkaar uitgesproken wat onze gezamenlijke ambitie is."
CHANGED_ELSEWHERE = "is net in een ander tabblad veranderd"
# Keeps a tab's main thread busy for a while, as a slow Chromebook is, so its saving and the
# other tab's happen at the same moment: neither has heard of the other's answer yet.
BUSY_THEN_TYPE = """([key, text]) => setTimeout(() => {
  const end = performance.now() + 1500;
  while (performance.now() < end);
  const box = document.querySelector(`[name="${key}"]`);
  box.value = text;
  box.dispatchEvent(new Event("input", { bubbles: true }));
}, 0)"""


def open_tabs(context: BrowserContext, page: Page) -> tuple[Page, Page]:
    """The reflectietool open in two tabs of one browser."""
    other = context.new_page()
    for tab in (page, other):
        tab.goto(definitions.instrument_url(REFLECTIE))
        expect(AnswerToolbar(tab).export_button).to_be_visible()
    return page, other


def reopened(context: BrowserContext) -> Page:
    """The instrument opened again in a new tab, after every other tab was closed."""
    for tab in context.pages:
        tab.close()
    again = context.new_page()
    again.goto(definitions.instrument_url(REFLECTIE))
    return again


def test_answers_typed_in_two_tabs_reach_each_other(context: BrowserContext, page: Page) -> None:
    """With the instrument open twice, one tab would miss the other's answers."""
    first, second = open_tabs(context, page)
    TextQuestion(first, AMBITIE).fill("Uit het eerste tabblad")
    TextQuestion(second, AMBITIE).expect_value("Uit het eerste tabblad")
    TextQuestion(second, BELANGEN).fill("Uit het tweede tabblad")
    ScaleQuestion(second, STATEMENT).choose("Oneens")
    TextQuestion(first, BELANGEN).expect_value("Uit het tweede tabblad")
    ScaleQuestion(first, STATEMENT).expect_chosen("Oneens")


def test_an_answer_typed_elsewhere_reaches_the_field_with_the_cursor(
    context: BrowserContext, page: Page
) -> None:
    """A tab with its cursor in a field kept it empty while the other tab filled it, then saved
    that empty field over the answer when typing on elsewhere: closing both lost the answer."""
    first, second = open_tabs(context, page)
    TextQuestion(second, AMBITIE).focus()
    TextQuestion(first, AMBITIE).fill("Getypt in het eerste tabblad")
    TextQuestion(second, AMBITIE).expect_value("Getypt in het eerste tabblad")
    TextQuestion(second, AMBITIE).expect_focused()
    expect(AnswerToolbar(second).message(CHANGED_ELSEWHERE)).to_be_visible()

    TextQuestion(second, BELANGEN).fill("Daarna in het tweede tabblad")
    again = reopened(context)
    TextQuestion(again, AMBITIE).expect_value("Getypt in het eerste tabblad")
    TextQuestion(again, BELANGEN).expect_value("Daarna in het tweede tabblad")


def test_two_tabs_saving_at_the_same_moment_keep_both_answers(
    context: BrowserContext, page: Page
) -> None:
    """When two tabs saved at once, storage kept one tab's answer while both showed both: closing
    them lost the other answer."""
    first, second = open_tabs(context, page)
    second.evaluate(BUSY_THEN_TYPE, ["belangen.toelichting", "Uit het drukke tabblad"])
    TextQuestion(first, AMBITIE).fill("Uit het vlotte tabblad")
    for tab in (first, second):
        TextQuestion(tab, AMBITIE).expect_value("Uit het vlotte tabblad")
        TextQuestion(tab, BELANGEN).expect_value("Uit het drukke tabblad")
    stored = BrowserStorage(first).answer_file(REFLECTIE)["answers"]
    assert stored["ambitie.toelichting"] == "Uit het vlotte tabblad", stored
    assert stored["belangen.toelichting"] == "Uit het drukke tabblad", stored

    again = reopened(context)
    TextQuestion(again, AMBITIE).expect_value("Uit het vlotte tabblad")
    TextQuestion(again, BELANGEN).expect_value("Uit het drukke tabblad")


def test_typing_in_the_same_field_in_two_tabs_ends_in_the_last_words(
    context: BrowserContext, page: Page
) -> None:
    """Typing in one field in two tabs in turn left each tab with its own text and storage with
    whichever saved last; now the newest edit wins everywhere, and the typist is told."""
    first, second = open_tabs(context, page)
    TextQuestion(first, RELATIE).focus()
    TextQuestion(second, RELATIE).focus()
    first.keyboard.type("Eerst hier.")
    TextQuestion(second, RELATIE).expect_value("Eerst hier.")
    second.keyboard.type(" Dan daar.")
    TextQuestion(first, RELATIE).expect_value("Eerst hier. Dan daar.")
    expect(AnswerToolbar(first).message(CHANGED_ELSEWHERE)).to_be_visible()
    first.keyboard.type(" En weer hier.")
    final = "Eerst hier. Dan daar. En weer hier."
    TextQuestion(second, RELATIE).expect_value(final)
    TextQuestion(first, RELATIE).expect_value(final)
    assert BrowserStorage(first).answer_file(REFLECTIE)["answers"]["relatie.toelichting"] == final

    again = reopened(context)
    TextQuestion(again, RELATIE).expect_value(final)


def test_an_answer_emptied_in_one_tab_stays_empty_in_the_other(
    context: BrowserContext, page: Page
) -> None:
    """An answer wiped in one tab came back from the other tab's copy when it saved."""
    first, second = open_tabs(context, page)
    TextQuestion(first, AMBITIE).fill("Weg ermee")
    TextQuestion(second, AMBITIE).expect_value("Weg ermee")
    TextQuestion(first, AMBITIE).fill("")
    TextQuestion(second, AMBITIE).expect_empty()
    TextQuestion(second, BELANGEN).fill("Iets anders")
    again = reopened(context)
    TextQuestion(again, AMBITIE).expect_empty()
    TextQuestion(again, BELANGEN).expect_value("Iets anders")
