"""Pages fit small phones without sideways scrolling; the poster spreads out on a wide screen."""

from __future__ import annotations

import itertools

import pytest
from playwright.sync_api import Page, expect

from . import definitions
from .controls import (
    InstrumentForm,
    MenuMatrix,
    Parties,
    PosterArea,
    ScaleQuestion,
    horizontal_overflow,
    scroll_through,
)
from .own_result import FIGURES, OwnResult, open_with

PHONES = {"360x740": (360, 740), "390x844": (390, 844)}


@pytest.mark.parametrize("path", definitions.page_params())
@pytest.mark.parametrize("viewport", list(PHONES))
def test_page_does_not_scroll_sideways_on_a_phone(page: Page, path: str, viewport: str) -> None:
    """A phone user would have to scroll sideways to read a page or reach a field."""
    width, height = PHONES[viewport]
    page.set_viewport_size({"width": width, "height": height})
    page.goto(path)
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    overflow = horizontal_overflow(page)
    assert overflow["scrollWidth"] <= overflow["clientWidth"], (
        f"{path} at {viewport} is {overflow['scrollWidth']}px wide in a "
        f"{overflow['clientWidth']}px window; sticking out:\n  " + "\n  ".join(overflow["wide"])
    )


def expect_no_sideways_scroll(page: Page, what: str) -> None:
    overflow = horizontal_overflow(page)
    assert overflow["scrollWidth"] <= overflow["clientWidth"], (
        f"{what} is {overflow['scrollWidth']}px wide in a {overflow['clientWidth']}px window; "
        "sticking out:\n  " + "\n  ".join(overflow["wide"])
    )


def test_matrix_with_every_column_does_not_scroll_sideways_on_a_phone(page: Page) -> None:
    """A phone user would have to scroll sideways once they choose or add activities."""
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(definitions.instrument_url("matrix"))
    InstrumentForm(page, definitions.instrument("matrix")).show_every_question()
    menu = MenuMatrix(page, "Menukaart activiteiten samenwerking vmbo-mbo")
    menu.add_own()
    menu.own_name(1).fill("Een heel lange naam voor een eigen activiteit zonder_spaties_erin_123")
    menu.expect_column_shown("Evenementen")
    expect_no_sideways_scroll(page, "the matrix with every column")


def test_achtje_with_six_partners_does_not_scroll_sideways_on_a_phone(page: Page) -> None:
    """A phone user would have to scroll the whole page sideways to see six partners."""
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(definitions.instrument_url("achtje"))
    parties = Parties(page)
    for _ in range(4):
        parties.add()
    parties.expect_cannot_add()
    parties.rename("Partner F", "Regionaal Opleidingscentrum Zeeland, locatie Vlissingen")
    expect_no_sideways_scroll(page, "het 8-tje with six partners")


@pytest.mark.parametrize("viewport", list(PHONES))
def test_result_does_not_scroll_sideways_on_a_phone(page: Page, viewport: str) -> None:
    """A phone user would have to scroll sideways to see the chart or the table of their result."""
    width, height = PHONES[viewport]
    page.set_viewport_size({"width": width, "height": height})
    open_with(page)
    result = OwnResult(page)
    result.expect_figures(FIGURES)
    expect(result.chart).to_be_visible()
    expect_no_sideways_scroll(page, f"the reflectietool's result at {viewport}")


def test_praatplaat_areas_stand_side_by_side_on_a_wide_screen(page: Page) -> None:
    """On a projector the praatplaat would be one long column instead of a poster."""
    instrument = definitions.instrument("praatplaat")
    page.set_viewport_size({"width": 1920, "height": 1080})
    page.goto(definitions.instrument_url("praatplaat"))
    areas = [s for s in instrument.sections if s.id != "afspraken"]  # the source's four
    positions = {s.title: PosterArea(page, s.title).top_left() for s in areas}
    assert len(positions) == 4
    # The agreements, added to the source, come after them, across the poster's width.
    agreements_top, _ = PosterArea(page, "Afspraken").top_left()
    assert all(agreements_top > top for top, _ in positions.values()), positions
    tops = sorted(top for top, _ in positions.values())
    shared_row = any(b - a <= 4 for a, b in itertools.pairwise(tops))
    assert shared_row, f"no two areas share a row (top, left of each heading): {positions}"
    (first_top, first_left), (second_top, second_left) = list(positions.values())[:2]
    assert abs(first_top - second_top) <= 4 and first_left < second_left, (
        f"the first two areas are not side by side, first on the left: {positions}"
    )
    overflow = horizontal_overflow(page)
    assert overflow["scrollWidth"] <= overflow["clientWidth"], overflow["wide"]


_OPTION_BOXES = """(group) => [...group.querySelectorAll("label")].map((label) => {
  const box = label.getBoundingClientRect();
  return [Math.round(box.left * 10) / 10, Math.round(box.width * 10) / 10, Math.round(box.height)];
})"""


def test_choosing_on_a_scale_does_not_shift_its_options(page: Page) -> None:
    """Choosing a value on a scale would make the options jump sideways under the pointer."""
    page.set_viewport_size({"width": 1280, "height": 900})
    instrument = definitions.instrument("reflectietool")
    page.goto(definitions.instrument_url(instrument.id))
    field = next(f for s in instrument.sections for f in s.fields if f.type == "scale")
    scale = instrument.scales_by_id[field.scale]  # type: ignore[attr-defined]
    question = ScaleQuestion(page, field.label)
    before = question.group.evaluate(_OPTION_BOXES)
    assert len({left for left, _, _ in before}) > 1, "the options stand side by side"
    for option in [*scale.options, *([scale.dont_know] if scale.dont_know else [])]:
        label = option if isinstance(option, str) else option.label
        question.choose(label)
        assert question.group.evaluate(_OPTION_BOXES) == before, f"after choosing {label!r}"


# Where each heading, label and control shown is on the page.
_PLACES = """() => [
  ...document.querySelectorAll("main :is(h2, h3, legend, label, textarea, input, button)"),
].filter((element) => element.checkVisibility()).map((element) => {
  const { left, top, width, height } = element.getBoundingClientRect();
  const where = [left, top + scrollY, width, height].map(Math.round).join(" ");
  return `${element.tagName} ${element.id || element.textContent.trim().slice(0, 30)}: ${where}`;
})"""
_NOTHING_WAITS = """() => {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync("* { content-visibility: visible !important; }");
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}"""


@pytest.mark.parametrize("instrument_id", ["praatplaat", "achtje"])  # those with such blocks
@pytest.mark.parametrize("width", [390, 1280])
def test_blocks_laid_out_as_they_near_the_view_land_where_they_would_have(
    page: Page, instrument_id: str, width: int
) -> None:
    """Blocks off screen are laid out only as they near the view (a phone's time, issue 19):
    laid out late, a block whose margins, widths or positions came out differently would shift
    the page as a reader scrolls, or leave a gap between questions."""
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(definitions.instrument_url(instrument_id))
    expect(page.locator("gk-instrument[data-gk-ready]")).to_be_attached()
    assert scroll_through(page) > 0, "no block of the form waits until it is near"
    page.wait_for_load_state("networkidle")  # the parts whose code loads as they near the view
    late = page.evaluate(_PLACES)
    page.evaluate(_NOTHING_WAITS)
    at_once = page.evaluate(_PLACES)
    moved = [f"{was}  ->  {now}" for was, now in zip(late, at_once, strict=True) if was != now]
    assert not moved, "laid out late, these land elsewhere:\n  " + "\n  ".join(moved[:8])


def test_on_a_phone_the_blocks_below_the_fold_wait_until_the_reader_nears_them(page: Page) -> None:
    """A phone would style and lay out the whole of a long instrument before the reader can
    scroll it (the 8-tje: 30 ms of Material's 70 ms start, issue 19)."""
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(definitions.instrument_url("achtje"))
    expect(page.locator("gk-instrument[data-gk-ready]")).to_be_attached()
    last = page.locator("gk-instrument form textarea").last
    shown = "(box) => box.checkVisibility({ contentVisibilityAuto: true })"
    assert not last.evaluate(shown), "the last question is laid out before anyone nears it"
    # The browser's own scroll (as for a link to it, or Tab): Playwright's misses a block laid
    # out as it arrives, and takes a second try.
    last.evaluate("(box) => box.scrollIntoView({ block: 'center' })")
    page.wait_for_function(shown, arg=last.element_handle())
    in_view = """(box) => {
      const { top, bottom } = box.getBoundingClientRect();
      return top >= 0 && bottom <= innerHeight;
    }"""
    assert last.evaluate(in_view), "scrolled to, the question is not in view once laid out"
