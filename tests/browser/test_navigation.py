"""Material's instant navigation from the overview into an instrument."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from . import definitions
from .conftest import ConsoleLog, RequestLog
from .controls import InstrumentCard, InstrumentForm, Question
from .served_site import SiteServer


@pytest.mark.parametrize("instrument_id", definitions.instrument_ids())
def test_instant_navigation_from_overview_shows_the_form(
    page: Page,
    site: SiteServer,
    instrument_id: str,
    console_log: ConsoleLog,
    request_log: RequestLog,
) -> None:
    """A visitor clicking through from the overview would land on a page without its form."""
    instrument = definitions.instrument(instrument_id)
    page.goto("/tools/")
    ours = page.locator('head link[rel="stylesheet"][href*="/stijl-"]')
    overview_styles = ours.get_attribute("href")
    # A full page load would drop this mark; Material's instant navigation keeps the document.
    page.evaluate("window.gkSameDocument = true")
    InstrumentCard(page, instrument.title).link.click()
    expect(page).to_have_url(site.url(definitions.instrument_url(instrument_id)))
    form = InstrumentForm(page, instrument)
    form.expect_shown()
    first = definitions.questions(instrument)[0]
    Question.of(page, instrument, first).control.expect_present()
    assert page.evaluate("window.gkSameDocument === true"), (
        "the click reloaded the page: instant navigation did not engage"
    )
    # The page's own stylesheet is in its head (generator/site/head.py): Material takes it along,
    # in place of the overview's.
    expect(ours).to_have_count(1)
    assert ours.get_attribute("href") != overview_styles
    expect(page.locator("main .gk-visually-hidden").first).to_have_css("position", "absolute")
    page.wait_for_load_state("networkidle")
    console_log.expect_no_errors()
    request_log.expect_no_foreign_requests()
