"""The own result under an instrument's form, as a user sees it: a region named by its heading
with a radar chart (an image named by its title), a table of the mean per aspect and a list of
statements to talk about; or, with nothing scored yet, a hint."""

from __future__ import annotations

import json
import math
from typing import Any

from playwright.sync_api import Page, expect

from . import definitions
from .answer_files import DONT_KNOW, answer_file, storage_key
from .controls import AnswerToolbar, BrowserStorage

TITLE = "Jouw beeld per aspect"
CHART = "Radardiagram: jouw beeld per aspect"
HINT = "Kies bij de stellingen hierboven in hoeverre je het ermee eens bent."

Point = tuple[float, float]
NO_FIGURE = "\N{EN DASH}"
REFLECTIE = "reflectietool"

# Answers on every aspect of the reflectietool: scores, "Weet niet" and empty ones; FIGURES is
# what the result's table says of them.
ANSWERS: dict[str, Any] = {
    "ambitie.uitgesproken": 4,
    "ambitie.prikkelend": 5,
    "ambitie.bijstellen": DONT_KNOW,  # and ambitie.achterban empty
    "belangen.open-gesprek": 2,
    "belangen.interesse": 1,
    "belangen.balans": 2,
    "belangen.meerwaarde": 3,
    # relatie: nothing at all
    "organisatie.organisatievorm": DONT_KNOW,
    "organisatie.duurzaam": 3,
    "proces.rolverdeling": 1,
    "proces.fase": 3,
    "proces.proces-resultaat": 4,
    "proces.evalueren-samenwerking": 4,
    "proces.evalueren-voortgang": 5,
}
FIGURES = {
    "Ambitie": ("4,5", "2 van 4"),
    "Belangen": ("2,0", "4 van 4"),
    "Relatie": (NO_FIGURE, "0 van 4"),
    "Organisatie": ("3,0", "1 van 4"),
    "Proces": ("3,4", "5 van 5"),
}

# The chart's geometry as drawn: the outer ring (the scale's highest value, one corner per axis)
# and the series' corners and dots, in the chart's own units.
_GEOMETRY = """(svg) => {
  const corners = (polygon) => polygon.getAttribute("points").trim().split(/\\s+/)
    .map((pair) => pair.split(",").map(Number));
  const rings = [...svg.querySelectorAll(".gk-radar__grid polygon")].map(corners);
  const size = (ring) => Math.max(...ring.map(([x]) => x)) - Math.min(...ring.map(([x]) => x));
  const series = [...svg.querySelectorAll(".gk-radar__series")];
  return {
    outer: rings.reduce((a, b) => (size(b) > size(a) ? b : a)),
    series: series.map((group) => corners(group.querySelector("polygon"))),
    dots: series.map((group) => [...group.querySelectorAll("circle")]
      .map((dot) => [Number(dot.getAttribute("cx")), Number(dot.getAttribute("cy"))])),
  };
}"""


class OwnResult:
    """The region "Jouw beeld per aspect" of an instrument's page."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.region = page.get_by_role("region", name=TITLE, exact=True)
        self.heading = page.get_by_role("heading", name=TITLE, exact=True, include_hidden=True)
        self.chart = self.region.get_by_role("img", name=CHART, exact=True)
        self.table = self.region.get_by_role("table")
        self.hint = self.region.get_by_text(HINT)
        self.topics = self.region.get_by_role("list").get_by_role("listitem")

    def look(self) -> None:
        """Scroll to the end of the form, where the result is, as a user would to see it (its
        code loads as it nears the view)."""
        self.page.locator("gk-instrument form").evaluate(
            "(form) => form.scrollIntoView({ block: 'end' })"
        )

    def expect_hint(self) -> None:
        """Nothing scored: a hint, and no chart, table or statements."""
        self.look()
        expect(self.hint, "the hint to fill in the statements").to_be_visible()
        expect(self.chart, "no chart").to_have_count(0)
        expect(self.table, "no table").to_have_count(0)
        expect(self.topics, "no statements to talk about").to_have_count(0)

    def expect_absent(self) -> None:
        """No result on the page at all, shown or hidden (an instrument without a scale)."""
        expect(self.heading, f"no heading {TITLE!r}").to_have_count(0)

    def expect_not_shown(self) -> None:
        """The result is in the page but not shown (the blank print view, or no script)."""
        expect(self.heading, f"the heading {TITLE!r}").to_have_count(1)
        expect(self.heading, f"{TITLE!r} is hidden").to_be_hidden()

    def expect_figures(self, figures: dict[str, tuple[str, str]]) -> None:
        """The table holds a row per aspect, in this order, with its mean and how many
        statements were scored ("2 van 4"), and nothing else."""
        self.look()
        expect(self.hint, "no hint once something is scored").to_be_hidden()
        rows = self.table.get_by_role("row")
        expect(rows, "a header row and a row per aspect").to_have_count(len(figures) + 1)
        expect(self.table.get_by_role("rowheader"), "the aspects").to_have_text(list(figures))
        for aspect, cells in figures.items():
            row = rows.filter(has=self.page.get_by_role("rowheader", name=aspect, exact=True))
            expect(row.get_by_role("cell"), f"the figures of {aspect!r}").to_have_text(list(cells))

    def expect_topics(self, topics: list[tuple[str, str, str]]) -> None:
        """The statements to talk about are exactly these, in order: (statement, aspect, the
        answer as chosen, e.g. "Oneens (2)")."""
        self.look()
        expect(self.topics, "the statements to talk about").to_have_text(
            [f"{label} {aspect} · jouw antwoord: {answer}" for label, aspect, answer in topics]
        )

    def expect_chart_at(self, fractions: list[float | None]) -> None:
        """The chart's one series has its corners at these fractions of the way from the centre
        (the scale's lowest value) to the outer ring (its highest), one per axis in order, and a
        dot on each axis with a figure; None sits at the centre without a dot."""
        self.look()
        expect(self.chart, "the radar chart").to_be_visible()
        geometry = self.chart.evaluate(_GEOMETRY)
        outer: list[Point] = [tuple(p) for p in geometry["outer"]]  # type: ignore[misc]
        centre = (sum(x for x, _ in outer) / len(outer), sum(y for _, y in outer) / len(outer))
        assert len(outer) == len(fractions), f"{len(outer)} axes, expected {len(fractions)}"
        (corners,) = geometry["series"]
        (dots,) = geometry["dots"]
        expected = [
            (
                centre[0] + (f or 0) * (corner[0] - centre[0]),
                centre[1] + (f or 0) * (corner[1] - centre[1]),
            )
            for f, corner in zip(fractions, outer, strict=True)
        ]
        for axis, (drawn, wanted) in enumerate(zip(corners, expected, strict=True)):
            assert math.dist(drawn, wanted) < 0.5, f"axis {axis}: drawn at {drawn}, not {wanted}"
        placed = [point for f, point in zip(fractions, expected, strict=True) if f is not None]
        assert len(dots) == len(placed), f"{len(dots)} dots for {len(placed)} figures"
        for dot, wanted in zip(dots, placed, strict=True):
            assert math.dist(dot, wanted) < 0.5, f"a dot at {dot}, not {wanted}"


def open_with(page: Page, answers: dict[str, Any] = ANSWERS) -> None:
    """Open the reflectietool with these answers saved in the browser from an earlier visit."""
    file = answer_file(REFLECTIE, answers)
    BrowserStorage(page).seed({storage_key(REFLECTIE): json.dumps(file)})
    page.goto(definitions.instrument_url(REFLECTIE))
    AnswerToolbar(page).expect_restored()
