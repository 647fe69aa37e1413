"""The comparison view of an instrument (/tools/<id>/vergelijken/) as its users meet it: buttons
to open files, a status line and refusals (role=alert), rename fields and Weghalen buttons per
respondent, tables named by their captions, topic lists named by their headings, and answers in
words as groups named by their question. Every check goes through Playwright's ``expect``."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from playwright.sync_api import FilePayload, Locator, Page, expect

from . import answer_files, definitions
from .answer_files import DONT_KNOW
from .definitions import comparison_url

SOMETHING = re.compile(r"\S")
NAME_FIELD = "Naam in dit overzicht"
MEANS = "Gemiddelde per aspect, per deelnemer"
DIFFER = "Waar jullie het meest verschillen"
LOWEST = "Waar jullie het laagst scoren"
WEET_NIET = DONT_KNOW
OVER_TIME = "Ontwikkeling in de tijd"
MOMENT_FIELD = "Moment"
MEANS_OVER_TIME = "Gemiddelde per aspect, per moment"
CHANGED = "Wat het meest veranderde"


def payload(name: str, data: Any) -> FilePayload:
    """A file as the user picks it: its name and its bytes (JSON in UTF-8)."""
    text = json.dumps(data, ensure_ascii=False, indent=2)
    return {"name": name, "mimeType": "application/json", "buffer": text.encode("utf-8")}


def file_payload(path: Path) -> FilePayload:
    """A file from disk, as the user picks it."""
    return {"name": path.name, "mimeType": "application/json", "buffer": path.read_bytes()}


# --- crafted answer files of the reflectietool ------------------------------------------------

REFLECTIE = "reflectietool"
# Anna and Vmbo De Brug by their name and organisation; the two without either are numbered.
RESPONDENTS = ["Anna", "Vmbo De Brug", "Deelnemer 1", "Deelnemer 2"]
# Per statement the answers of the four files (None: not answered). dirk-oud.json was made with
# another version of the instrument: it lacks belangen.balans and has a question this one lacks.
SCORES: dict[str, tuple[Any, Any, Any, Any]] = {
    "ambitie.uitgesproken": (5, 1, 3, 3),
    "ambitie.prikkelend": (4, 2, WEET_NIET, 4),
    "ambitie.bijstellen": (2, 2, 2, 2),
    "ambitie.achterban": (3, None, 4, 3),
    "belangen.open-gesprek": (1, 4, 2, 1),
    "belangen.interesse": (1, 1, 1, 1),
    "belangen.balans": (5, 1, WEET_NIET, None),
    "belangen.meerwaarde": (WEET_NIET, WEET_NIET, 2, None),
    "relatie.groepsprocessen": (2, 3, 2, 3),
    "relatie.vertrouwen": (5, 3, 5, 3),
    "relatie.conflicten": (3, 3, 3, 4),
    "relatie.leiderschap": (4, 4, 4, 4),
    "organisatie.organisatievorm": (1, 4, 4, 4),
    "organisatie.duurzaam": (4, 4, 5, 4),
    "organisatie.draagvlak": (3, 4, 3, 4),
    "organisatie.mandaat": (None, None, None, None),
    "proces.rolverdeling": (2, 2, 3, 3),
    "proces.fase": (3, 3, 3, 2),
    "proces.proces-resultaat": (4, 4, 4, 4),
    "proces.evalueren-samenwerking": (3, 2, 3, 3),
    "proces.evalueren-voortgang": (5, 4, 4, 5),
}
OLD_QUESTION = "ambitie.oude-vraag"


def label(key: str) -> str:
    instrument = definitions.instrument(REFLECTIE)
    return next(q.label for q in instrument.questions() if q.key == key)


def reflectie_files() -> list[FilePayload]:
    """The four files: by name, by organisation, by file name, and one of another version."""
    people: list[tuple[str, dict[str, str], int]] = [
        ("anna.json", {"naam": "Anna", "organisatie": "ROC Zadkine"}, 1),
        ("bram.json", {"organisatie": "Vmbo De Brug"}, 1),
        ("cas.json", {}, 1),
        ("dirk-oud.json", {}, 2),
    ]
    files = []
    for index, (name, respondent, version) in enumerate(people):
        answers = {
            key: values[index] for key, values in SCORES.items() if values[index] is not None
        }
        if index == 0:
            answers["ambitie.toelichting"] = "Anna's toelichting\nop twee regels"
        if index == 3:
            answers[OLD_QUESTION] = 3
        data = answer_files.answer_file(REFLECTIE, answers, respondent)
        data["instrument"]["version"] = version
        files.append(payload(name, data))
    return files


_DROP = """([names, texts]) => {
  const data = new DataTransfer();
  const type = "application/json";
  names.forEach((name, i) => data.items.add(new File([texts[i]], name, { type })));
  const zone = document.querySelector("[data-gk-drop]");
  for (const kind of ["dragenter", "dragover", "drop"]) {
    const options = { bubbles: true, cancelable: true, dataTransfer: data };
    zone.dispatchEvent(new DragEvent(kind, options));
  }
}"""

_COUNT_RENDERS = """() => {
  if (window.gkRenders !== undefined) return;
  window.gkRenders = 0;
  document.addEventListener("gk-compare-rendered", () => { window.gkRenders += 1; });
}"""

_TOPICS = """(items) => items.map((item) =>
  [...item.querySelectorAll(":scope > p")].map((line) => line.textContent.trim()).join(" | "))"""

_WHO = """(items) => items.map((item) =>
  [...item.querySelectorAll(":scope > ul > li")].map((line) => line.textContent.trim()))"""

_PAIRS = """(list) => [...list.querySelectorAll("dt")].map((dt) => [
  dt.textContent.trim(), dt.nextElementSibling.textContent.trim()])"""

_LINES = """(chart) => [...chart.querySelectorAll(":scope > g:has(> path)")].map((line) => [
  line.querySelector(":scope > title").textContent,
  line.querySelectorAll("[data-gk-marker]").length,
])"""

_CELLS = """(rows) => rows.map((row) => [...row.cells].map((cell) => cell.textContent.trim()))"""


class ComparisonView:
    """The comparison view of one instrument."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.open_button = page.get_by_role("button", name="Antwoordbestanden openen", exact=True)
        self.own_button = page.get_by_role(
            "button", name="Mijn antwoorden in deze browser toevoegen", exact=True
        )
        self.export_button = page.get_by_role("button", name="Sessie exporteren", exact=True)
        self.open_session_button = page.get_by_role("button", name="Sessie openen", exact=True)
        self.close_button = page.get_by_role("button", name="Sessie sluiten", exact=True)
        self.status = page.get_by_role("status").filter(has_text=SOMETHING)
        self.refusals = page.get_by_role("alert").filter(has_text=SOMETHING)
        self.name_fields = page.get_by_role("textbox", name=re.compile(f"^{NAME_FIELD} voor "))

    def goto(self, instrument_id: str) -> None:
        self.page.goto(comparison_url(instrument_id))
        self.expect_ready()

    def expect_ready(self) -> None:
        expect(self.open_button, "the view is ready to open files").to_be_visible()
        # Every (re)drawing of the view ends in this event; the tests wait for it.
        self.page.evaluate(_COUNT_RENDERS)

    def _drawn_after(self, action: Any) -> None:
        before = self.page.evaluate("window.gkRenders")
        action()
        self.page.wait_for_function("(n) => window.gkRenders > n", arg=before)

    # --- opening ------------------------------------------------------------------------------

    def open(self, files: list[FilePayload]) -> None:
        """Pick files with "Antwoordbestanden openen" and wait until the view shows them."""

        def choose() -> None:
            with self.page.expect_file_chooser() as chooser:
                self.open_button.click()
            assert chooser.value.is_multiple(), "several files can be picked at once"
            chooser.value.set_files(files)

        self._drawn_after(choose)

    def open_session(self, file: FilePayload) -> None:
        """Pick a session file with "Sessie openen" (the browser's question, if any, accepted)."""

        def choose() -> None:
            with self.page.expect_file_chooser() as chooser:
                self.open_session_button.click()
            assert not chooser.value.is_multiple(), "one session at a time"
            chooser.value.set_files([file])

        self.page.once("dialog", lambda dialog: dialog.accept())
        self._drawn_after(choose)

    def close_session(self) -> None:
        """Sessie sluiten, the browser's question accepted."""
        self.page.once("dialog", lambda dialog: dialog.accept())
        self._drawn_after(self.close_button.click)

    def drop(self, files: list[FilePayload]) -> None:
        """Drag files onto the page and drop them, as from a file manager."""
        names = [f["name"] for f in files]
        texts = [f["buffer"].decode("utf-8") for f in files]
        self._drawn_after(lambda: self.page.evaluate(_DROP, [names, texts]))

    def add_own(self) -> None:
        self._drawn_after(self.own_button.click)

    # --- respondents --------------------------------------------------------------------------

    def names(self) -> list[str]:
        """The names of the respondents, in the order of the view."""
        result: list[str] = self.name_fields.evaluate_all("(inputs) => inputs.map((i) => i.value)")
        return result

    def name_field(self, source: str) -> Locator:
        return self.page.get_by_role("textbox", name=f"{NAME_FIELD} voor {source}", exact=True)

    def rename(self, source: str, name: str) -> None:
        self.name_field(source).fill(name)

    def remove_button(self, source: str) -> Locator:
        name = f"Weghalen uit het overzicht: {source}"
        return self.page.get_by_role("button", name=name, exact=True)

    def remove(self, source: str) -> None:
        self._drawn_after(self.remove_button(source).click)

    def respondent(self, source: str) -> Locator:
        """A respondent's card: the list item with their name field."""
        return self.page.get_by_role("listitem").filter(has=self.name_field(source))

    # --- figures ------------------------------------------------------------------------------

    def table(self, name: str) -> Locator:
        return self.page.get_by_role("table", name=name, exact=True)

    def statement_table(self, aspect: str) -> Locator:
        return self.table(f"{aspect}: antwoorden per stelling")

    def rows(self, table: Locator) -> list[list[str]]:
        """Every row of a table (the header first), as the text of its cells."""
        expect(table).to_be_visible()
        result: list[list[str]] = table.get_by_role("row").evaluate_all(_CELLS)
        return result

    def statement_row(self, aspect: str, statement: str) -> list[str]:
        """A statement's row: the statement, each respondent's answer, mean, spread, count."""
        rows = [r for r in self.rows(self.statement_table(aspect)) if r[0] == statement]
        assert len(rows) == 1, f"one row for {statement!r} in {aspect!r}"
        return rows[0]

    def topic_items(self, title: str, scope: Locator | None = None) -> Locator:
        topics = (scope or self.page).get_by_role("list", name=title, exact=True)
        expect(topics).to_have_count(1)
        return topics.locator(":scope > li")

    def topics(self, title: str, scope: Locator | None = None) -> list[str]:
        """The topics under a heading, each as 'statement | figures'."""
        texts: list[str] = self.topic_items(title, scope).evaluate_all(_TOPICS)
        return texts

    def topic_answers(self, title: str, scope: Locator | None = None) -> list[list[str]]:
        """Everyone's answer to each topic under a heading, as 'name: answer'."""
        answers: list[list[str]] = self.topic_items(title, scope).evaluate_all(_WHO)
        return answers

    def aspect(self, title: str) -> Locator:
        """An aspect's place in the view: its figures, topics and explanations together."""
        return self.page.get_by_role("group", name=title, exact=True)

    # --- answers in words ---------------------------------------------------------------------

    def answers(self, *groups: str, within: Locator | None = None) -> list[tuple[str, str]]:
        """The answers to a question side by side, as (respondent, answer), found by the names
        of the groups around it, outermost first: section, [activity or place,] question[,
        moment]; `within` a part of the view (else the whole page)."""
        scope: Page | Locator = within or self.page
        for name in groups:
            scope = scope.get_by_role("group", name=name, exact=True)
        assert isinstance(scope, Locator)
        expect(scope, f"one group {' > '.join(groups)!r}").to_have_count(1)
        pairs: list[list[str]] = scope.locator("dl").evaluate(_PAIRS)
        return [(name, text) for name, text in pairs]

    # --- over time ----------------------------------------------------------------------------

    @property
    def over_time(self) -> Locator:
        """The part Ontwikkeling in de tijd."""
        return self.page.get_by_role("region", name=OVER_TIME, exact=True)

    def moment_field(self, source: str) -> Locator:
        """The choice of a participant's moment (a week), in their entry."""
        return self.page.get_by_role("combobox", name=f"{MOMENT_FIELD} van {source}", exact=True)

    def move(self, source: str, week: str) -> None:
        """Put a participant in another moment, by the week's label."""
        self._drawn_after(lambda: self.moment_field(source).select_option(label=week))

    def press(self, key: str) -> None:
        """Press a key where the focus is, and wait until the view is drawn anew."""
        self._drawn_after(lambda: self.page.keyboard.press(key))

    def moments(self) -> list[str]:
        """Each moment as the view lists it: "week van …: n deelnemers (names)"."""
        # Its text as the page holds it, on screen or not.
        items = self.over_time.get_by_role("list").first.locator(":scope > li")
        return [" ".join(text.split()) for text in items.all_text_contents()]

    def chart_lines(self) -> list[tuple[str, int]]:
        """The lines of the chart over time: each one's name and how many points it has."""
        chart = self.over_time.get_by_role("img", name=MEANS_OVER_TIME, exact=True)
        expect(chart).to_be_visible()
        lines: list[tuple[str, int]] = chart.evaluate(_LINES)
        return [(name, points) for name, points in lines]

    def legend(self, scope: Locator) -> list[str]:
        """The entries of a chart's legend, in order."""
        entries: list[str] = (
            scope.get_by_role("list", name="Legenda").get_by_role("listitem").all_inner_texts()
        )
        return [entry.strip() for entry in entries]

    def changed_most(self) -> list[str]:
        """The statements that changed most, each as 'statement | aspect · from → to (change)'."""
        return self.topics(CHANGED, scope=self.over_time)

    # --- messages -----------------------------------------------------------------------------

    def refusal_texts(self) -> list[str]:
        texts: list[str] = self.refusals.locator("p").all_inner_texts()
        return texts
