"""The overview at /tools/ presents every instrument, and the home page leads to it."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from . import definitions
from .controls import InstrumentCard
from .served_site import SiteServer


def test_overview_shows_a_card_per_instrument(page: Page, site: SiteServer) -> None:
    """A visitor could not see what an instrument is for, when to use it, or how to open it."""
    page.goto("/tools/")
    expect(page.get_by_role("heading", name="Instrumenten", exact=True, level=1)).to_be_visible()
    instruments = definitions.instruments()
    card_titles = page.get_by_role("listitem").get_by_role("heading", level=2)
    expect(card_titles, "one card per instrument, in the overview's order").to_have_text(
        [instrument.title for instrument in instruments]
    )
    for instrument in instruments:
        card = InstrumentCard(page, instrument.title)
        card.expect_present()
        card.expect_text(instrument.purpose)
        for challenge in instrument.challenges:
            card.expect_text(f"{challenge.number}. {challenge.title}")
        card.expect_text(instrument.guidance.duration)
        target = card.link.evaluate("link => link.href")
        assert target == site.url(definitions.instrument_url(instrument.id)), (
            f"the card of {instrument.title!r} links to {target}"
        )


def test_home_page_links_to_the_overview(page: Page, site: SiteServer) -> None:
    """A visitor arriving on the home page would not find the way to the instruments."""
    page.goto("/")
    page.get_by_role("main").get_by_role("link", name="Naar de instrumenten").click()
    expect(page).to_have_url(site.url("/tools/"))
    expect(page.get_by_role("heading", name="Instrumenten", exact=True, level=1)).to_be_visible()
