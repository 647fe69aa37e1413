"""A user's own answers on the reflectietool, of each kind, that a refused or cancelled import
must leave as they are."""

from __future__ import annotations

from playwright.sync_api import Page

from .controls import AnswerToolbar, ScaleQuestion, TextQuestion

REFLECTIE = "reflectietool"
NAME = "Naam of rol"
AMBITIE = "Ambitie: Onderbouw en licht toe"
BELANGEN = "Belangen: Onderbouw en licht toe"
STATEMENT = "We hebben expliciet met elkaar uitgesproken wat onze gezamenlijke ambitie is."


def fill_own_answers(page: Page) -> None:
    """Type a name and an explanation, and choose on a scale; wait until they are saved."""
    TextQuestion(page, NAME).fill("Docent techniek")
    TextQuestion(page, AMBITIE).fill("Mijn eigen antwoord")
    ScaleQuestion(page, STATEMENT).choose("Eens")
    AnswerToolbar(page).expect_saved()


def expect_own_answers(page: Page) -> None:
    """The answers of fill_own_answers, and nothing else, are on the page."""
    TextQuestion(page, NAME).expect_value("Docent techniek")
    TextQuestion(page, AMBITIE).expect_value("Mijn eigen antwoord")
    ScaleQuestion(page, STATEMENT).expect_chosen("Eens")
    TextQuestion(page, BELANGEN).expect_empty()
