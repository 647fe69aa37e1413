"""The overview at /tools/ presents every instrument, and the home page leads to it."""

from __future__ import annotations

import pytest
from playwright.sync_api import Locator, Page, expect

from generator.pages.chooser import ChallengeChoice, challenge_choices

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


def follow_by_keyboard(page: Page, site: SiteServer, link: Locator, instrument_id: str) -> None:
    """Tab to ``link``, press Enter: the instrument's page opens."""
    tab_to_element(page, link)
    page.keyboard.press("Enter")
    expect(page).to_have_url(site.url(definitions.instrument_url(instrument_id)))
    title = definitions.instrument(instrument_id).title
    expect(page.get_by_role("heading", level=1)).to_have_text(title)


def invullen_link(page: Page, title: str) -> Locator:
    """A card's Invullen link, named with its instrument for a screen reader."""
    card = InstrumentCard(page, title)
    return card.card.get_by_role("link", name=f"Invullen {title}", exact=True)


def test_each_card_has_an_invullen_link_and_says_with_whom(page: Page, site: SiteServer) -> None:
    """A visitor on /tools/ would not see how to start filling an instrument in, or for whom it
    is; or a screen reader would hear four links all called "Invullen"."""
    page.goto("/tools/")
    for instrument in definitions.instruments():
        InstrumentCard(page, instrument.title).expect_text(instrument.guidance.with_whom)
        link = invullen_link(page, instrument.title)
        expect(link, "one Invullen link per card, named with its instrument").to_have_count(1)
        visible = link.evaluate(VISIBLE_TEXT)
        assert visible == "Invullen", f"the link shows {visible!r}"
        target = site.url(definitions.instrument_url(instrument.id))
        assert link.evaluate("(link) => link.href") == target
    note = "Met wie en hoe lang zijn een suggestie van de makers van deze site."
    expect(page.get_by_text(note, exact=True)).to_be_visible()
    last = definitions.instruments()[-1]
    follow_by_keyboard(page, site, invullen_link(page, last.title), last.id)


@pytest.mark.slow
def test_every_invullen_link_works_by_keyboard(page: Page, site: SiteServer) -> None:
    """A card's Invullen link could not be reached or followed by keyboard."""
    for instrument in definitions.instruments():
        page.goto("/tools/")
        follow_by_keyboard(page, site, invullen_link(page, instrument.title), instrument.id)


def chooser_link(page: Page, choice: ChallengeChoice, title: str) -> Locator:
    """The link to an instrument at one challenge of the chooser "Waar staan jullie nu?"."""
    chooser = page.get_by_role("region", name="Waar staan jullie nu?")
    item = chooser.get_by_role("listitem").filter(
        has=page.get_by_text(f"{choice.number}. {choice.title}", exact=True)
    )
    for point in choice.points:
        expect(item).to_contain_text(point)
    return item.get_by_role("link", name=title, exact=True)


@pytest.mark.parametrize("path", ["/", "/tools/"])
def test_chooser_leads_from_each_challenge_to_its_instrument(
    page: Page, site: SiteServer, path: str
) -> None:
    """A visitor who knows where their collaboration stands would not find the instrument that
    fits it, or could not follow the way there by keyboard; or would miss the suggested route."""
    instruments = definitions.instruments()
    page.goto(path)
    route = page.get_by_role("list", name="Voorgestelde volgorde")
    expect(route.get_by_role("listitem")).to_have_text([i.title for i in instruments])
    choices = challenge_choices(instruments)
    for choice in choices:
        for instrument in choice.instruments:
            link = chooser_link(page, choice, instrument.title)
            target = site.url(definitions.instrument_url(instrument.id))
            assert link.evaluate("(link) => link.href") == target, choice.title
    # By keyboard: the 8-tje at challenge 4, past its own link at challenge 3.
    fourth = next(choice for choice in choices if choice.number == 4)
    achtje = fourth.instruments[0]
    follow_by_keyboard(page, site, chooser_link(page, fourth, achtje.title), achtje.id)


@pytest.mark.slow
@pytest.mark.parametrize("path", ["/", "/tools/"])
def test_every_chooser_link_works_by_keyboard(page: Page, site: SiteServer, path: str) -> None:
    """A challenge's way to its instrument could not be followed by keyboard."""
    for choice in challenge_choices(definitions.instruments()):
        for instrument in choice.instruments:
            page.goto(path)
            link = chooser_link(page, choice, instrument.title)
            follow_by_keyboard(page, site, link, instrument.id)
