"""Answers that travel by link: Deel als link on an instrument page makes a link to the comparison
view carrying the answers in its fragment; opening it adds that person to the session there (and
offers to take the answers over on this device), Links plakken takes many at once, and every bad
or hostile link is refused in Dutch with nothing stored or executed."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import BrowserContext, Locator, Page, expect

from . import answer_files, answer_links
from .comparison import REFLECTIE, ComparisonView, payload
from .controls import AnswerToolbar, TextQuestion
from .definitions import comparison_url, instrument_url
from .own_answers import AMBITIE, expect_own_answers, fill_own_answers
from .test_accessibility import expect_no_axe_violations

SHARE = "Deel als link"
LINK_FIELD = "Link met je antwoorden"
TAKE = "Overnemen als mijn antwoorden"
PASTE = "Links plakken"
SESSION_KEY = f"gereedschapskist:sessie:{REFLECTIE}"


def share(page: Page) -> Locator:
    """Press Deel als link; the text box that shows the link."""
    page.get_by_role("button", name=SHARE, exact=True).click()
    return page.get_by_role("textbox", name=LINK_FIELD, exact=True)


def paste(page: Page, text: str) -> None:
    """Paste text into Links plakken and add the links; wait until the view has read them."""
    view = ComparisonView(page)
    page.get_by_role("textbox", name=PASTE, exact=True).fill(text)
    before = page.evaluate("window.gkRenders")
    page.get_by_role("button", name="Links toevoegen", exact=True).click()
    page.wait_for_function("(n) => window.gkRenders > n", arg=before)
    expect(view.status).to_be_visible()


def stored(page: Page) -> dict[str, Any]:
    return page.evaluate(  # type: ignore[no-any-return]
        "() => ({ session: {...sessionStorage}, local: {...localStorage} })"
    )


@pytest.mark.browser_context_args(permissions=["clipboard-read", "clipboard-write"])
def test_a_link_made_in_one_browser_opens_in_another_with_the_answers(
    page: Page, new_context: Callable[..., BrowserContext]
) -> None:
    """Collecting answers from eight phones means eight files to download, send and open; a link
    in the group chat is one paste. It must carry the answers whole, and not linger in the
    address bar of the facilitator's laptop."""
    page.goto(instrument_url(REFLECTIE))
    fill_own_answers(page)
    field = share(page)
    expect(field).to_be_visible()
    expect(field).to_be_focused()  # to copy by hand at once
    link = field.input_value()
    assert link.startswith(page.url.split("#")[0] + "vergelijken/#antwoorden=")
    assert len(link) < answer_links.MAX_LINK
    expect(AnswerToolbar(page).message("De link met je antwoorden is gekopieerd.")).to_be_visible()
    assert page.evaluate("() => navigator.clipboard.readText()") == link

    # Answers changed after sharing are not in the link: it goes out of view.
    TextQuestion(page, AMBITIE).fill("Iets anders")
    expect(field).to_be_hidden()

    other = new_context().new_page()
    other.goto(link)
    view = ComparisonView(other)
    expect(view.name_fields).to_have_count(1)
    assert view.names() == ["Docent techniek"]
    expect(view.status).to_contain_text("De antwoorden uit de link zijn geopend.")
    expect(other.get_by_text("Via een link")).to_be_visible()
    expect(other.get_by_text("Mijn eigen antwoord", exact=True)).to_be_visible()
    assert "#" not in other.url, "the answers are gone from the address bar"

    # Someone moving to this device takes them over, and can go back.
    other.get_by_role("button", name=TAKE, exact=True).click()
    undo = other.get_by_role("button", name="Ongedaan maken", exact=True)
    expect(undo).to_be_focused()
    expect(view.status).to_contain_text("zijn nu jouw antwoorden in deze browser")
    other.goto(instrument_url(REFLECTIE))
    expect_own_answers(other)


def test_taking_a_link_over_asks_first_and_can_be_undone(page: Page, base_url: str) -> None:
    """Answers of one's own on this device must not be overwritten unasked, nor lost by a
    wrong click."""
    page.goto(instrument_url(REFLECTIE))
    fill_own_answers(page)
    answers = {"ambitie.toelichting": "Uit de link"}
    theirs = answer_files.answer_file(REFLECTIE, answers, {"naam": "Bea"})
    page.goto(answer_links.answer_link(base_url, REFLECTIE, theirs))
    view = ComparisonView(page)
    expect(view.name_fields).to_have_count(1)
    take = page.get_by_role("button", name=TAKE, exact=True)

    questions: list[str] = []
    page.once("dialog", lambda dialog: (questions.append(dialog.message), dialog.dismiss()))
    take.click()
    assert questions and "vervangen" in questions[0]
    expect(take).to_be_visible()  # declined: nothing happened

    page.once("dialog", lambda dialog: dialog.accept())
    take.click()
    page.get_by_role("button", name="Ongedaan maken", exact=True).click()
    expect(view.status).to_contain_text("Je vorige antwoorden in deze browser zijn teruggezet.")
    expect(take).to_be_focused()
    page.goto(instrument_url(REFLECTIE))
    expect_own_answers(page)


def test_answers_too_long_for_a_link_point_to_exporteren(page: Page) -> None:
    """A link cut short by a chat program loses answers: a link over the limit is not made."""
    page.goto(instrument_url(REFLECTIE))
    toolbar = AnswerToolbar(page)
    page.get_by_role("button", name=SHARE, exact=True).click()
    toolbar.expect_warning("Er zijn nog geen antwoorden om te delen.")

    # Text that doesn't compress, as a long explanation in several scripts nearly is.
    noise = page.evaluate(
        "() => Array.from(crypto.getRandomValues(new Uint8Array(9000)),"
        " (b) => String.fromCharCode(0x4e00 + b)).join('')"
    )
    TextQuestion(page, AMBITIE).fill(noise)
    toolbar.expect_saved()
    field = share(page)
    toolbar.expect_warning("Je antwoorden passen niet in een link", "8.000 tekens", "Exporteren")
    expect(field).to_be_hidden()


def test_twenty_links_pasted_at_once_load_and_a_bad_one_is_told_apart(
    page: Page, base_url: str
) -> None:
    """A facilitator pastes the whole group chat; every good link counts, and a broken one says
    which it is, so it can be asked for again."""
    links = [
        answer_links.answer_link(
            base_url,
            REFLECTIE,
            answer_files.answer_file(
                REFLECTIE, {"ambitie.uitgesproken": 1 + i % 5}, {"naam": f"School {i + 1}"}
            ),
        )
        for i in range(20)
    ]
    broken = links[4][:-30]
    chat = "\n".join(
        [f"[10:{i:02d}] Deelnemer: {link}" for i, link in enumerate(links[:10])]
        + [f"{broken}\t{' '.join(links[10:])}", links[0]]
    )
    view = ComparisonView(page)
    view.goto(REFLECTIE)
    paste(page, chat)
    expect(view.name_fields).to_have_count(20)
    assert view.names() == [f"School {i + 1}" for i in range(20)]
    expect(view.status).to_contain_text("20 links geopend, 2 niet geopend (zie hieronder).")
    expect(view.refusals).to_contain_text(
        "Link 11 is niet geopend. Deze link is geen bruikbare antwoordlink"
    )
    expect(view.refusals).to_contain_text("Link 22 is al geopend, als School 1.")
    box = page.get_by_role("textbox", name=PASTE, exact=True)
    expect(box).to_have_value(broken)  # what was refused stays, to mend; the rest is in


def test_every_hostile_link_is_refused_with_nothing_stored_or_run(
    page: Page, base_url: str
) -> None:
    """A link is a file someone else made: any of it may be broken or built to harm."""
    cases = answer_links.hostile_links(base_url, REFLECTIE)
    assert len(cases) >= 20
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    view = ComparisonView(page)
    view.goto(REFLECTIE)
    paste(page, "\n".join(link for _, link, _ in cases))
    expect(view.name_fields).to_have_count(0)
    messages = view.refusals.locator("p")
    expect(messages).to_have_count(len(cases))
    for i, (what, _, words) in enumerate(cases):
        expect(messages.nth(i), what).to_contain_text(f"Link {i + 1} is niet geopend.")
        expect(messages.nth(i), what).to_contain_text(words)
    assert stored(page) == {"session": {}, "local": {}}
    assert dialogs == []
    assert page.evaluate("() => window.__pwned") is None


def test_hostile_but_valid_answers_in_a_link_are_shown_as_text(page: Page, base_url: str) -> None:
    """Markup in a name or an answer is someone's text, to be read, never run."""
    hostile = answer_files.HOSTILE_DIR / "reflectietool-markup-as-text.json"
    data = json.loads(hostile.read_text("utf-8"))
    page.goto(answer_links.answer_link(base_url, REFLECTIE, data))
    view = ComparisonView(page)
    expect(view.name_fields).to_have_count(1)
    name = data["respondent"].get("naam") or data["respondent"].get("organisatie")
    assert view.names() == [name]
    assert page.evaluate("() => window.__pwned") is None


def test_a_link_pasted_into_the_address_of_the_open_view_is_read_too(
    page: Page, base_url: str
) -> None:
    """Pasting a link into the address bar of the view already open only changes its fragment:
    no page loads, yet the answers must come in (and leave the address bar)."""
    view = ComparisonView(page)
    view.goto(REFLECTIE)
    view.open([payload("anna.json", answer_files.answer_file(REFLECTIE, {}, {"naam": "Anna"}))])
    data = answer_files.answer_file(REFLECTIE, {"ambitie.uitgesproken": 4}, {"naam": "Bea"})
    link = answer_links.answer_link(base_url, REFLECTIE, data)
    page.evaluate("(link) => { location.href = link; }", link)
    # The site's navigation draws the page anew on such a change: wait for the view to settle.
    expect(page).to_have_url(re.compile(r"/vergelijken/$"))
    expect(view.name_fields).to_have_count(2)
    for i, name in enumerate(["Anna", "Bea"]):
        expect(view.name_fields.nth(i)).to_have_value(name)
    expect(view.status).to_contain_text("De antwoorden uit de link zijn geopend.")
    expect(page.get_by_role("button", name=TAKE, exact=True)).to_be_visible()
    paste(page, "https://voorbeeld.nl/niet-af")  # a refusal in view too
    expect(view.refusals).to_contain_text("Link 1 is niet geopend. Dit is geen antwoordlink")
    expect_no_axe_violations(page)

    page.reload()  # the session keeps the participant from the link
    view.expect_ready()
    assert view.names() == ["Anna", "Bea"]
    expect(page.get_by_text("Via een link")).to_be_visible()


def test_sharing_and_pasting_work_by_keyboard(page: Page, base_url: str) -> None:
    """Without a mouse, the link must still be made, copied and pasted."""
    page.goto(instrument_url(REFLECTIE))
    fill_own_answers(page)
    page.get_by_role("button", name=SHARE, exact=True).focus()
    page.keyboard.press("Enter")
    field = page.get_by_role("textbox", name=LINK_FIELD, exact=True)
    expect(field).to_be_focused()
    link = field.input_value()
    expect_no_axe_violations(page)

    view = ComparisonView(page)
    page.goto(comparison_url(REFLECTIE))
    view.expect_ready()
    box = page.get_by_role("textbox", name=PASTE, exact=True)
    box.focus()
    page.keyboard.insert_text(link)
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Links toevoegen", exact=True)).to_be_focused()
    page.keyboard.press("Enter")
    expect(view.name_fields).to_have_count(1)
    assert view.names() == ["Docent techniek"]


def test_a_link_opened_without_a_connection_stays_in_the_address_to_read_later(
    page: Page, base_url: str
) -> None:
    """A link opened on a flaky connection whose code can't load must not be lost: taken out of
    the address unread, the answers would be gone from this tab."""
    data = answer_files.answer_file(REFLECTIE, {"ambitie.uitgesproken": 4}, {"naam": "Bea"})
    link = answer_links.answer_link(base_url, REFLECTIE, data)
    page.route("**/share-link.js", lambda route: route.abort("internetdisconnected"))
    page.goto(link)
    view = ComparisonView(page)
    expect(view.refusals).to_contain_text("de verbinding met de site is weg")
    assert page.url == link, "the link is still in the address"

    page.unroute("**/share-link.js")
    page.reload()
    expect(view.name_fields).to_have_count(1)
    assert view.names() == ["Bea"]
    expect(page).to_have_url(re.compile(r"/vergelijken/$"))
