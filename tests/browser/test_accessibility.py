"""axe-core finds no WCAG 2.2 A/AA violations on any page, Material's own parts included."""

from __future__ import annotations

import re
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Locator, Page, expect

from . import answer_files, definitions
from .comparison import MEANS, ComparisonView, payload, reflectie_files
from .controls import (
    FeedbackForm,
    MenuMatrix,
    Parties,
    TextQuestion,
    scroll_through,
    text_contrast,
)
from .own_result import FIGURES, OwnResult, open_with

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
AXE = Axe()


def describe(violations: list[dict[str, Any]]) -> str:
    """The violations, one block each: rule, impact, what it means, and where it happens."""
    blocks = []
    for violation in violations:
        lines = [
            f"{violation['id']} ({violation.get('impact')}): {violation['help']}",
            f"  {violation['helpUrl']}",
        ]
        for node in violation["nodes"]:
            target = " ".join(str(part) for part in node["target"])
            summary = node.get("failureSummary", "").replace("\n", "\n      ")
            lines.append(f"  - at {target}\n      {node['html'][:200]}\n      {summary}")
        blocks.append("\n".join(lines))
    return f"{len(violations)} axe violation(s):\n\n" + "\n\n".join(blocks)


# Still means three frames in a row without a running animation or transition. One check is not
# enough: what a scroll starts (Material's header swapping in the page's title, a fade of 150 ms)
# starts with the frame after it, when the scroll event comes, and axe then read the title's
# colour halfway (CI, once: 2.17:1).
# A function, not an expression: an expression is eval'd, which the pages' policy forbids.
_STILL = """async () => {
  for (let still = 0; still < 3; ) {
    await new Promise(requestAnimationFrame);
    still = document.getAnimations().some(a => a.playState === "running") ? 0 : still + 1;
  }
  return true;
}"""


def expect_no_axe_violations(page: Page) -> None:
    """Run axe-core on the page once it is still, every block shown once as a reader scrolling
    through would; fail with a readable list of what it finds."""
    scroll_through(page)  # unshown, a block's controls seem to run into the next block's
    page.evaluate("scrollTo(0, 0)")
    page.wait_for_function(_STILL)
    results = AXE.run(
        page,
        options={"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]},
    )
    violations = results.response["violations"]
    if violations:
        pytest.fail(describe(violations), pytrace=False)


def expect_readable_in_every_state(page: Page, link: Locator, what: str) -> None:
    """A link styled as a button, measured as it is, focused and hovered: axe skips text the
    colour of its background, which is just how such a link fails."""
    page.mouse.move(0, 0)
    for state, action in [("", link.blur), ("focused ", link.focus), ("hovered ", link.hover)]:
        action()
        page.wait_for_function(_STILL)  # the colour the state comes to, not one on the way
        ratio = text_contrast(link)
        assert ratio >= 4.5, f"the {state}{what} has a contrast of {ratio:.2f}:1"


@pytest.mark.parametrize("path", definitions.page_params())
def test_page_has_no_axe_violations(page: Page, path: str) -> None:
    """Users of screen readers, keyboards or low vision would meet barriers on this page."""
    page.goto(path)
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect_no_axe_violations(page)


def test_search_with_results_has_no_axe_violations(page: Page) -> None:
    """Users of screen readers or with low vision would struggle with the site search's results."""
    page.goto("/tools/")
    search = page.get_by_role("textbox", name="Zoeken")
    search.click()
    # Material's search listens to key presses, so type like a user instead of filling in.
    search.press_sequentially("samenwerking")
    expect(page.get_by_role("dialog").get_by_role("link").first).to_be_visible()
    expect_no_axe_violations(page)


def test_matrix_with_chosen_and_own_activities_has_no_axe_violations(page: Page) -> None:
    """Users of screen readers or with low vision would meet barriers once choosing activities."""
    page.goto(definitions.instrument_url("matrix"))
    menu = MenuMatrix(page, "Menukaart activiteiten samenwerking vmbo-mbo")
    menu.choose("Evenementen")
    menu.choose("Gezamenlijke activiteiten")
    menu.add_own()
    menu.own_name(1).fill("Bedrijvendagen")
    menu.add_own()  # a second one left without a name
    TextQuestion(page, "Evenementen: Wie dragen bij aan deze activiteiten?").fill("Docenten")
    menu.expect_column_shown("Bedrijvendagen")
    expect_no_axe_violations(page)


def test_achtje_with_an_added_partner_and_answers_has_no_axe_violations(page: Page) -> None:
    """Users of screen readers or with low vision would meet barriers once they add or link a
    partner."""
    page.goto(definitions.instrument_url("achtje"))
    parties = Parties(page)
    parties.add()
    parties.rename("Partner C", "Bedrijf & Co")
    TextQuestion(page, "Partner A, Bestuurlijk: Wie is/zijn dit?").fill("De bestuurders")
    down = "Partner A, Bestuurlijk \N{EN DASH} Management: Hoe/waar vindt dit plaats?"
    TextQuestion(page, down).fill("In het MT")
    parties.expect_party("Bedrijf & Co")
    # A link between partners that don't stand side by side, drawn under them.
    parties.link("Partner A", "Bedrijf & Co")
    expect_no_axe_violations(page)


def test_reflectietool_with_its_result_has_no_axe_violations(page: Page) -> None:
    """Users of screen readers or with low vision would meet barriers reading their result."""
    open_with(page)
    result = OwnResult(page)
    result.expect_figures(FIGURES)
    expect(result.chart).to_be_visible()
    expect_no_axe_violations(page)


@pytest.mark.parametrize("instrument_id", definitions.instrument_ids())
def test_blank_print_view_has_no_axe_violations(page: Page, instrument_id: str) -> None:
    """The blank print view (its notice and buttons) would bar keyboard or screen reader users."""
    page.goto(definitions.instrument_url(instrument_id) + "?afdruk=leeg")
    expect(page.get_by_role("button", name="Leeg afdrukken", exact=True)).to_be_visible()
    back = page.get_by_role("link", name="Terug naar het instrument", exact=True)
    expect_readable_in_every_state(page, back, "link back")
    expect_no_axe_violations(page)


def test_filled_feedback_block_has_no_axe_violations(page: Page) -> None:
    """Users of screen readers, keyboards or low vision would meet barriers giving feedback."""
    page.goto(definitions.instrument_url("praatplaat"))
    feedback = FeedbackForm(page)
    feedback.expect_shown()
    feedback.fill({q.id: f"Feedback: {q.topic}\nop twee regels" for q in feedback.questions})
    feedback.clear(accept=False)  # the page asks, and nothing changes
    expect_readable_in_every_state(page, feedback.send_link, "send link")
    expect_no_axe_violations(page)


def test_comparison_view_with_answers_has_no_axe_violations(page: Page) -> None:
    """Users of screen readers, keyboards or low vision would meet barriers in the comparison:
    its tables, chart, topics, rename fields, version notes and refusals."""
    view = ComparisonView(page)
    view.goto("reflectietool")
    bad = {"name": "kapot.json", "mimeType": "application/json", "buffer": b"{niet af"}
    view.open([*reflectie_files(), bad])
    expect(view.refusals).to_be_visible()
    expect(page.get_by_role("img", name=MEANS, exact=True)).to_be_visible()
    expect_no_axe_violations(page)


@pytest.mark.parametrize("instrument_id", ["matrix", "achtje"])
def test_comparison_of_repeated_sections_has_no_axe_violations(
    page: Page, instrument_id: str
) -> None:
    """Users of screen readers or with low vision would meet barriers in the answers side by side
    per activity or per partner and link."""
    instrument = definitions.instrument(instrument_id)
    view = ComparisonView(page)
    view.goto(instrument_id)
    full = answer_files.full_answers(instrument)
    view.open(
        [
            payload("a.json", answer_files.answer_file(instrument_id, full, {"naam": "Ans"})),
            payload(
                "b.json", answer_files.answer_file(instrument_id, {}, {"organisatie": "Bo & Co"})
            ),
        ]
    )
    expect(page.get_by_role("heading", name="Antwoorden naast elkaar")).to_be_visible()
    expect_no_axe_violations(page)
    # The session's own parts: the joint version (from Ans's activities or partners) and the
    # agreements, and the presentation.
    page.get_by_role("button", name="Gezamenlijke versie", exact=True).click()
    page.get_by_role("button", name=re.compile("^Beginnen")).first.click()
    page.get_by_role("button", name="Afspraken", exact=True).click()
    page.get_by_role("button", name="Afspraak toevoegen", exact=True).click()
    expect_no_axe_violations(page)
    page.get_by_role("button", name="Presenteren", exact=True).click()
    expect(page.get_by_role("dialog", name="Presentatie")).to_be_visible()
    expect_no_axe_violations(page)


def test_invullen_links_are_readable_in_every_state(page: Page) -> None:
    """A card's Invullen link, a link styled as a button, could fade into its background when
    focused or hovered (axe skips such text)."""
    page.goto("/tools/")
    link = page.get_by_role("link", name=re.compile("^Invullen ")).first
    expect_readable_in_every_state(page, link, "Invullen link")
