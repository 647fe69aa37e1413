"""The own result on the reflectietool: the mean per aspect as a radar chart and a table, and the
lowest-scored statements to talk about, following every way answers reach the page."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from playwright.sync_api import BrowserContext, Page, expect

from . import definitions
from .answer_files import DONT_KNOW, answer_file, scale_label, write
from .conftest import ConsoleLog
from .controls import AnswerToolbar, InstrumentCard, SameDocument, ScaleQuestion
from .own_result import ANSWERS, FIGURES, NO_FIGURE, REFLECTIE, OwnResult, open_with
from .served_site import SiteServer

MIN, MAX = 1, 5
MEANS = [4.5, 2.0, None, 3.0, 3.4]
NOTHING = {
    "Ambitie": (NO_FIGURE, "0 van 4"),
    "Belangen": (NO_FIGURE, "0 van 4"),
    "Relatie": (NO_FIGURE, "0 van 4"),
    "Organisatie": (NO_FIGURE, "0 van 4"),
    "Proces": (NO_FIGURE, "0 van 5"),
}
LOWEST = ["belangen.interesse", "proces.rolverdeling"]  # both "Helemaal oneens", in order


def label(key: str) -> str:
    """The statement of an answer key, as the page shows it."""
    instrument = definitions.instrument(REFLECTIE)
    return next(q.label for q in definitions.questions(instrument) if q.key == key)


def aspect(key: str) -> str:
    instrument = definitions.instrument(REFLECTIE)
    return next(s.title for s in instrument.sections if key.startswith(f"{s.id}."))


def topics(keys: list[str], answers: dict[str, Any]) -> list[tuple[str, str, str]]:
    """What the list of statements to talk about says of these statements."""
    instrument = definitions.instrument(REFLECTIE)
    return [
        (label(k), aspect(k), f"{scale_label(instrument, k, answers[k])} ({answers[k]})")
        for k in keys
    ]


def fractions(means: list[float | None]) -> list[float | None]:
    return [None if m is None else (m - MIN) / (MAX - MIN) for m in means]


def choose(page: Page, answers: dict[str, Any]) -> None:
    """Choose answers on the page, as a user clicks them."""
    instrument = definitions.instrument(REFLECTIE)
    for key, value in answers.items():
        ScaleQuestion(page, label(key)).choose(scale_label(instrument, key, value))


def test_result_shows_the_mean_per_aspect_of_the_answers_chosen(
    page: Page, console_log: ConsoleLog
) -> None:
    """A user would see a wrong picture of their own answers: "Weet niet" or an empty answer
    counted as a score, an aspect on the wrong spot of the chart, or the wrong statements."""
    page.goto(definitions.instrument_url(REFLECTIE))
    choose(page, ANSWERS)
    result = OwnResult(page)
    result.expect_figures(FIGURES)
    result.expect_chart_at(fractions(MEANS))
    result.expect_topics(topics(LOWEST, ANSWERS))
    console_log.expect_no_errors()


def test_result_follows_every_changed_answer(page: Page) -> None:
    """After changing an answer the result would still show the old one."""
    open_with(page, ANSWERS)
    result = OwnResult(page)
    result.expect_figures(FIGURES)
    changed = {"belangen.interesse": 5, "proces.fase": DONT_KNOW}
    choose(page, changed)
    answers = {**ANSWERS, **changed}
    result.expect_figures({**FIGURES, "Belangen": ("3,0", "4 van 4"), "Proces": ("3,5", "4 van 5")})
    result.expect_chart_at(fractions([4.5, 3.0, None, 3.0, 3.5]))
    result.expect_topics(topics(["proces.rolverdeling"], answers))


def test_result_of_restored_answers_shows_on_opening_the_page(page: Page) -> None:
    """Coming back to the page, a user would find their answers but an empty result."""
    open_with(page, ANSWERS)
    result = OwnResult(page)
    result.expect_figures(FIGURES)
    result.expect_chart_at(fractions(MEANS))
    result.expect_topics(topics(LOWEST, ANSWERS))


def test_result_shows_after_instant_navigation(
    page: Page, site: SiteServer, console_log: ConsoleLog
) -> None:
    """Clicking through the site to the tool, a user would find their answers but no result,
    or a page broken by an error."""
    open_with(page)
    page.goto("/tools/")
    same_document = SameDocument(page)
    card = InstrumentCard(page, definitions.instrument(REFLECTIE).title)
    card.link.click()
    expect(page).to_have_url(site.url(definitions.instrument_url(REFLECTIE)))
    result = OwnResult(page)
    result.expect_figures(FIGURES)
    choose(page, {"relatie.conflicten": 4})
    changed = {**FIGURES, "Relatie": ("4,0", "1 van 4")}
    result.expect_figures(changed)

    page.go_back()
    expect(page).to_have_url(site.url("/tools/"))
    card.link.click()
    result.expect_figures(changed)
    choose(page, {"relatie.conflicten": 2})
    result.expect_figures({**FIGURES, "Relatie": ("2,0", "1 van 4")})
    same_document.expect_kept()
    console_log.expect_no_errors()


def test_result_follows_import_wipe_and_undo(page: Page, tmp_path: Path) -> None:
    """After an import, Alles wissen or Ongedaan maken the result would show other answers than
    the form."""
    open_with(page, ANSWERS)
    result = OwnResult(page)
    imported = {"relatie.groepsprocessen": 2, "relatie.vertrouwen": 3, "ambitie.achterban": 2}
    toolbar = AnswerToolbar(page)
    toolbar.import_file(
        write(tmp_path / "ander.json", answer_file(REFLECTIE, imported)), replace=True
    )
    after_import = {**NOTHING, "Ambitie": ("2,0", "1 van 4"), "Relatie": ("2,5", "2 van 4")}
    result.expect_figures(after_import)
    result.expect_chart_at(fractions([2.0, None, 2.5, None, None]))
    result.expect_topics(topics(["ambitie.achterban", "relatie.groepsprocessen"], imported))

    toolbar.wipe(accept=True)
    result.expect_hint()

    toolbar.undo()
    result.expect_figures(after_import)
    result.expect_topics(topics(["ambitie.achterban", "relatie.groepsprocessen"], imported))


def test_result_follows_answers_chosen_in_another_tab(context: BrowserContext, page: Page) -> None:
    """With the page open in two tabs, one would show a result of answers it no longer has."""
    open_with(page, ANSWERS)
    other = context.new_page()
    other.goto(definitions.instrument_url(REFLECTIE))
    choose(other, {"relatie.conflicten": 4})
    OwnResult(page).expect_figures({**FIGURES, "Relatie": ("4,0", "1 van 4")})


def test_result_before_anything_is_scored_is_a_hint(page: Page) -> None:
    """A user who has not started would meet an empty chart and a table of dashes."""
    page.goto(definitions.instrument_url(REFLECTIE))
    result = OwnResult(page)
    result.expect_hint()
    choose(page, {"ambitie.uitgesproken": DONT_KNOW})
    result.expect_hint()
    choose(page, {"ambitie.uitgesproken": 3})
    result.expect_figures({**NOTHING, "Ambitie": ("3,0", "1 van 4")})


def test_topics_are_the_first_five_of_the_lowest_score(page: Page) -> None:
    """With many statements at one score, the list would grow into the whole questionnaire."""
    instrument = definitions.instrument(REFLECTIE)
    keys = [q.key for q in definitions.questions(instrument) if q.field.type == "scale"]
    answers = dict.fromkeys(keys, 4)
    open_with(page, answers)
    OwnResult(page).expect_topics(topics(keys[:5], answers))


def test_blank_print_view_shows_no_result(page: Page) -> None:
    """The blank copy for paper would carry the answers of whoever used this browser."""
    open_with(page, ANSWERS)
    OwnResult(page).expect_figures(FIGURES)
    page.goto(definitions.instrument_url(REFLECTIE) + "?afdruk=leeg")
    page.get_by_role("button", name="Leeg afdrukken", exact=True).wait_for()
    OwnResult(page).expect_not_shown()


def test_no_result_without_statements_on_a_scale(page: Page) -> None:
    """The praatplaat has nothing to average: a result there would only confuse."""
    page.goto(definitions.instrument_url("praatplaat"))
    page.get_by_role("button", name="Exporteren", exact=True).wait_for()
    OwnResult(page).expect_absent()
