"""The overview at /tools/ presents every instrument, and the home page leads to it."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from generator.pages.chooser import challenge_choices

from . import definitions
from .controls import InstrumentCard, tab_to_element
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


# A link's text outside what only a screen reader hears (.gk-visually-hidden).
VISIBLE_TEXT = """(link) => {
  const copy = link.cloneNode(true);
  for (const hidden of copy.querySelectorAll(".gk-visually-hidden")) hidden.remove();
  return copy.textContent.trim();
}"""


def test_each_card_has_an_invullen_link_that_works_by_keyboard(
    page: Page, site: SiteServer
) -> None:
    """A visitor on /tools/ would not see how to start filling an instrument in, or a screen
    reader would hear four links all called "Invullen"."""
    page.goto("/tools/")
    note = "Met wie en hoe lang zijn een suggestie van de makers van deze site."
    expect(page.get_by_text(note, exact=True)).to_be_visible()
    for instrument in definitions.instruments():
        page.goto("/tools/")
        card = InstrumentCard(page, instrument.title)
        card.expect_text(instrument.guidance.with_whom)
        link = card.card.get_by_role("link", name=f"Invullen {instrument.title}", exact=True)
        expect(link, "one Invullen link per card, named with its instrument").to_have_count(1)
        visible = link.evaluate(VISIBLE_TEXT)
        assert visible == "Invullen", f"the link shows {visible!r}"
        tab_to_element(page, link)
        page.keyboard.press("Enter")
        expect(page).to_have_url(site.url(definitions.instrument_url(instrument.id)))
        expect(page.get_by_role("heading", level=1)).to_have_text(instrument.title)


@pytest.mark.parametrize("path", ["/", "/tools/"])
def test_chooser_leads_by_keyboard_from_each_challenge_to_its_instrument(
    page: Page, site: SiteServer, path: str
) -> None:
    """A visitor who knows where their collaboration stands would not find the instrument that
    fits it, or could not follow the way there by keyboard."""
    instruments = definitions.instruments()
    for choice in challenge_choices(instruments):
        for instrument in choice.instruments:
            page.goto(path)
            chooser = page.get_by_role("region", name="Waar staan jullie nu?")
            item = chooser.get_by_role("listitem").filter(
                has=page.get_by_text(f"{choice.number}. {choice.title}", exact=True)
            )
            for point in choice.points:
                expect(item).to_contain_text(point)
            link = item.get_by_role("link", name=instrument.title, exact=True)
            tab_to_element(page, link)
            page.keyboard.press("Enter")
            expect(page).to_have_url(site.url(definitions.instrument_url(instrument.id)))
            expect(page.get_by_role("heading", level=1)).to_have_text(instrument.title)
    page.goto(path)
    route = page.get_by_role("list", name="Voorgestelde volgorde")
    expect(route.get_by_role("listitem")).to_have_text([i.title for i in instruments])
