"""Page objects: one small class per kind of control, found by its accessible name.

Labels are the contract (DESIGN.md §3), so every control is found the way a screen reader user
finds it: by role and name. Every check goes through Playwright's auto-waiting ``expect``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from playwright.sync_api import Dialog, Locator, Page, expect

from generator.definition.instrument import Instrument
from generator.pages.addresses import ASSETS_DIR
from generator.pages.feedback import QUESTIONS as FEEDBACK_QUESTIONS
from generator.pages.feedback import FeedbackQuestion
from generator.parts import Question as FormQuestion
from generator.parts.choice import ChoiceField
from generator.parts.menu import MenuRepeat
from generator.parts.scale import ScaleField

from . import definitions

ANY = re.compile(".*")
FILLED = re.compile(r"(^|\s)is-filled(\s|$)")


class TextQuestion:
    """A question answered in a text box (a textarea or a one-line input), named by its label."""

    def __init__(self, page: Page, label: str) -> None:
        self.label = label
        self.box = page.get_by_role("textbox", name=label, exact=True)
        # The same box while it is hidden too (a column not chosen keeps its text).
        self.any_box = page.get_by_role("textbox", name=label, exact=True, include_hidden=True)

    def expect_present(self) -> None:
        expect(self.box, f"one text field named {self.label!r}").to_have_count(1)
        expect(self.box).to_be_visible()

    def expect_hidden(self) -> None:
        """The field is still on the page, keeping its text, but not shown."""
        expect(self.any_box, f"one text field named {self.label!r}, hidden").to_have_count(1)
        expect(self.any_box, f"{self.label!r} is hidden").to_be_hidden()

    def expect_absent(self) -> None:
        """No field of this name on the page at all, shown or hidden."""
        expect(self.any_box, f"no text field named {self.label!r}").to_have_count(0)

    def fill(self, text: str) -> None:
        self.box.fill(text)

    def expect_value(self, text: str) -> None:
        expect(self.box, f"the text in {self.label!r}").to_have_value(text)

    def expect_empty(self) -> None:
        self.expect_value("")

    def expect_optional(self) -> None:
        expect(self.box, f"{self.label!r} is optional").not_to_have_attribute("required", ANY)
        expect(self.box, f"{self.label!r} is optional").not_to_have_attribute(
            "aria-required", "true"
        )

    def focus(self) -> None:
        self.box.focus()

    def expect_focused(self) -> None:
        expect(self.box, f"focus on {self.label!r}").to_be_focused()


class OptionGroup:
    """A group of radio buttons or checkboxes named by its question or statement."""

    option_role: Any = "radio"

    def __init__(self, page: Page, label: str) -> None:
        self.label = label
        # A fieldset is a "group"; role="radiogroup" is as good, so either is accepted.
        self.group = page.get_by_role("radiogroup", name=label, exact=True).or_(
            page.get_by_role("group", name=label, exact=True)
        )

    def option(self, option_label: str) -> Locator:
        return self.group.get_by_role(self.option_role, name=option_label, exact=True)

    def expect_present(self) -> None:
        expect(self.group, f"one group named {self.label!r}").to_have_count(1)
        expect(self.group).to_be_visible()

    def expect_options(self, option_labels: list[str]) -> None:
        """The group holds exactly these options, each named by its label."""
        for option_label in option_labels:
            expect(
                self.option(option_label), f"{self.label!r}: option {option_label!r}"
            ).to_have_count(1)
        expect(
            self.group.get_by_role(self.option_role), f"{self.label!r}: number of options"
        ).to_have_count(len(option_labels))

    def choose(self, option_label: str) -> None:
        self.option(option_label).check()

    def expect_chosen(self, option_label: str) -> None:
        expect(
            self.option(option_label), f"{self.label!r}: {option_label!r} chosen"
        ).to_be_checked()

    def expect_nothing_chosen(self) -> None:
        chosen = self.group.get_by_role(self.option_role, checked=True)
        expect(chosen, f"{self.label!r}: nothing chosen").to_have_count(0)

    def expect_focused(self, option_label: str) -> None:
        expect(
            self.option(option_label), f"focus on {self.label!r}: {option_label!r}"
        ).to_be_focused()


class ScaleQuestion(OptionGroup):
    """A statement answered on a scale: a radio group named by the statement."""


class ChoiceQuestion(OptionGroup):
    """A question answered by choosing one option (radios) or several (checkboxes)."""

    def __init__(self, page: Page, label: str, *, multiple: bool = False) -> None:
        super().__init__(page, label)
        self.option_role = "checkbox" if multiple else "radio"


@dataclass
class Question:
    """A field of a definition together with the control that answers it on the page."""

    label: str
    control: TextQuestion | OptionGroup
    options: list[str]

    @classmethod
    def of(cls, page: Page, instrument: Instrument, question: FormQuestion) -> Question:
        label, field = question.label, question.field
        if isinstance(field, ScaleField):
            scale = instrument.scales_by_id[field.scale]
            options = [option.label for option in scale.options]
            if scale.dont_know:
                options.append(scale.dont_know)
            return cls(label, ScaleQuestion(page, label), options)
        if isinstance(field, ChoiceField):
            options = [option.label for option in field.options]
            return cls(label, ChoiceQuestion(page, label, multiple=field.multiple), options)
        return cls(label, TextQuestion(page, label), [])


class InstrumentCard:
    """An instrument's card on the overview, found by the heading with its title."""

    def __init__(self, page: Page, title: str) -> None:
        self.title = title
        self.card = page.get_by_role("listitem").filter(
            has=page.get_by_role("heading", name=title, exact=True)
        )
        self.link = self.card.get_by_role("link", name=title, exact=True)

    def expect_present(self) -> None:
        expect(self.card, f"one card for {self.title!r}").to_have_count(1)
        expect(self.card).to_be_visible()

    def expect_text(self, text: str) -> None:
        expect(self.card, f"the card of {self.title!r}").to_contain_text(text)


class InstrumentForm:
    """An instrument's form, named by the instrument's title."""

    def __init__(self, page: Page, instrument: Instrument) -> None:
        self.page = page
        self.instrument = instrument
        self.form = page.get_by_role("form", name=instrument.title, exact=True)
        self.heading = page.get_by_role("heading", name=instrument.title, exact=True, level=1)
        self.text_boxes = self.form.get_by_role("textbox")
        groups = self.form.get_by_role("radiogroup").or_(self.form.get_by_role("group"))
        options = page.get_by_role("radio").or_(page.get_by_role("checkbox"))
        self.option_groups = groups.filter(has=options)

    def expect_shown(self) -> None:
        expect(self.heading).to_be_visible()
        expect(self.form).to_be_visible()

    def show_every_question(self) -> None:
        """Choose every option of every menu, so every question of the blank form shows."""
        for section in self.instrument.sections:
            if isinstance(section.repeat, MenuRepeat):
                menu = MenuMatrix(self.page, section.repeat.title)
                for option in section.repeat.options:
                    menu.choose(option.label)


def settle(page: Page) -> None:
    """Let the page finish what a click or key set off (scripts react a frame or two later)."""
    page.evaluate("new Promise((done) => requestAnimationFrame(() => setTimeout(done)))")


def answer_confirm(page: Page, *, accept: bool, action: Callable[[], None]) -> list[str]:
    """Do the action, answering every question it asks (window.confirm) with OK or Cancel.

    Returns the questions asked, so a test can tell whether the page asked at all.
    """
    asked: list[str] = []

    def answer(dialog: Dialog) -> None:
        asked.append(f"{dialog.type}: {dialog.message}")
        if accept:
            dialog.accept()
        else:
            dialog.dismiss()

    page.on("dialog", answer)
    try:
        action()
    finally:
        page.remove_listener("dialog", answer)
    return asked


class MenuMatrix:
    """A matrix whose columns the user chooses on a menu (a group of checkboxes named by its
    title), or adds and names as their own ("Eigen activiteit toevoegen")."""

    def __init__(self, page: Page, title: str, own: str = "Eigen activiteit") -> None:
        self.page = page
        self.title = title
        self.own = own
        self.menu = page.get_by_role("group", name=title, exact=True)
        self.add_button = self.menu.get_by_role("button", name=f"{own} toevoegen", exact=True)

    def option(self, label: str) -> Locator:
        return self.menu.get_by_role("checkbox", name=label, exact=True)

    def choose(self, label: str) -> None:
        self.option(label).check()

    def unchoose(self, label: str) -> None:
        self.option(label).uncheck()

    def expect_chosen(self, label: str) -> None:
        expect(self.option(label), f"{label!r} chosen on the menu").to_be_checked()

    def expect_not_on_menu(self, label: str) -> None:
        expect(self.option(label), f"no {label!r} on the menu").to_have_count(0)

    def expect_described(self, label: str, description: str) -> None:
        expect(self.option(label), f"the description of {label!r}").to_have_accessible_description(
            description
        )

    def column(self, name: str) -> Locator:
        """A chosen column, a region named by its heading (the activity's name)."""
        return self.page.get_by_role("region", name=name, exact=True)

    def expect_column_shown(self, name: str) -> None:
        expect(self.column(name), f"the column of {name!r}").to_be_visible()

    def expect_no_column(self, name: str) -> None:
        expect(self.column(name), f"no column of {name!r} shown").to_have_count(0)

    def own_name(self, number: int) -> TextQuestion:
        """The field that names the n-th own column, e.g. 'Naam van eigen activiteit 1'."""
        return TextQuestion(self.page, f"Naam van {self.own.lower()} {number}")

    def add_own(self) -> None:
        self.add_button.click()

    def remove_own(self, name: str, *, accept: bool) -> list[str]:
        """Press '<name> verwijderen', answering its question; returns the questions asked."""
        button = self.menu.get_by_role("button", name=f"{name} verwijderen", exact=True)
        return answer_confirm(self.page, accept=accept, action=button.click)


class PartiesDiagram:
    """The diagram of het 8-tje: a link per box and per link, named by its place and saying
    whether it is empty ("(leeg)") or filled in ("(ingevuld)")."""

    TITLE = "Schema: kies een vak of verbinding om die in te vullen"

    def __init__(self, page: Page) -> None:
        self.diagram = page.get_by_role("group", name=self.TITLE, exact=True)

    def place(self, place: str) -> Locator:
        """The box or link at a place, e.g. 'Partner A, Bestuurlijk', empty or filled."""
        name = re.compile(rf"^{re.escape(place)} \((leeg|ingevuld)\)$")
        return self.diagram.get_by_role("link", name=name)

    def open(self, place: str) -> None:
        self.place(place).click()
        settle(self.diagram.page)

    def expect_present(self, place: str) -> None:
        expect(self.place(place), f"one place {place!r} in the diagram").to_have_count(1)
        expect(self.place(place)).to_be_visible()

    def expect_absent(self, place: str) -> None:
        expect(self.place(place), f"no place {place!r} in the diagram").to_have_count(0)

    def expect_empty(self, place: str) -> None:
        link = self.place(place)
        expect(link, f"{place!r} says it is empty").to_have_accessible_name(f"{place} (leeg)")
        expect(link, f"{place!r} looks empty").not_to_have_class(FILLED)

    def expect_filled(self, place: str) -> None:
        link = self.place(place)
        expect(link, f"{place!r} says it is filled").to_have_accessible_name(f"{place} (ingevuld)")
        expect(link, f"{place!r} looks filled").to_have_class(FILLED)


class Parties:
    """The parties of het 8-tje side by side: added, renamed and removed by their buttons."""

    def __init__(self, page: Page, party: str = "Partner") -> None:
        self.page = page
        self.party = party
        self.add_button = page.get_by_role("button", name=f"{party} toevoegen", exact=True)
        self._any_add_button = page.get_by_role(
            "button", name=f"{party} toevoegen", exact=True, include_hidden=True
        )

    def edits_ready(self) -> None:
        """The buttons' code (parties-edit.js) is there, and the part holds it: it loads as the
        part is first reached for (a pointerdown or focus in it), and a question it asks
        (window.confirm) would otherwise come after the click, when the test has stopped
        listening. The part's own import is asked for first, so it is settled once this one is
        and a task has passed."""
        self.page.evaluate(
            """(path) => {
              document.querySelector("gk-parties").dispatchEvent(new Event("pointerdown"));
              return import(new URL(path, location.origin).href)
                .then(() => new Promise((settled) => setTimeout(settled)));
            }""",
            f"/{ASSETS_DIR}/parts/parties/parties-edit.js",
        )

    def add(self) -> None:
        self.edits_ready()
        self.add_button.click()

    def expect_can_add(self) -> None:
        expect(self.add_button, f"a '{self.party} toevoegen' button").to_be_visible()

    def expect_cannot_add(self) -> None:
        expect(self._any_add_button, f"the '{self.party} toevoegen' button").to_have_count(1)
        expect(self._any_add_button, f"no '{self.party} toevoegen' button").to_be_hidden()

    def name(self, default_name: str) -> TextQuestion:
        """The field that names a party, labelled by its first name, e.g. 'Naam van Partner B'."""
        return TextQuestion(self.page, f"Naam van {default_name}")

    def rename(self, default_name: str, name: str) -> None:
        self.name(default_name).fill(name)

    def heading(self, name: str) -> Locator:
        return self.page.get_by_role("heading", name=name, exact=True, level=3)

    def expect_party(self, name: str) -> None:
        expect(self.heading(name), f"a party named {name!r}").to_be_visible()

    def expect_no_party(self, name: str) -> None:
        expect(self.heading(name), f"no party named {name!r}").to_have_count(0)

    def remove_button(self, name: str) -> Locator:
        return self.page.get_by_role("button", name=f"{name} verwijderen", exact=True)

    def remove(self, name: str, *, accept: bool) -> list[str]:
        """Press '<name> verwijderen', answering its question; returns the questions asked."""
        self.edits_ready()
        return answer_confirm(self.page, accept=accept, action=self.remove_button(name).click)

    def move_button(self, name: str, direction: str) -> Locator:
        """'Naar links' or 'Naar rechts' of the party named ``name``."""
        return self.page.get_by_role("button", name=f"Naar {direction} ({name})", exact=True)

    def move(self, name: str, direction: str) -> None:
        self.edits_ready()
        self.move_button(name, direction).click()

    def link(self, one: str, other: str) -> None:
        """Link two parties under Nieuwe verbinding, with Verbinding toevoegen."""
        self.edits_ready()
        self.page.get_by_role("combobox", name="Tussen", exact=True).select_option(label=one)
        self.page.get_by_role("combobox", name="en", exact=True).select_option(label=other)
        self.page.get_by_role("button", name="Verbinding toevoegen", exact=True).click()

    def expect_order(self, names: list[str]) -> None:
        """The parties stand in this order in the form (its headings). Waits: what the buttons
        do comes with code that loads as the part is first reached for."""
        headings = self.page.locator("[data-gk-list] > [data-gk-party] > h3")
        expect(headings, "the partners' order").to_have_text(names)


class PosterArea:
    """An area of a poster, found by its heading."""

    def __init__(self, page: Page, title: str) -> None:
        self.title = title
        self.heading = page.get_by_role("heading", name=title, exact=True, level=2)

    def top_left(self) -> tuple[float, float]:
        expect(self.heading).to_be_visible()
        box = self.heading.bounding_box()
        assert box is not None, f"area {self.title!r} has no box"
        return box["y"], box["x"]


# --- reading the page's state -----------------------------------------------------------------

_FOCUSED_CONTROL = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const text = (node) => (node ? node.textContent.replace(/\\s+/g, " ").trim() : "");
  const nameOf = (node) => {
    const ids = node.getAttribute("aria-labelledby");
    if (ids) return ids.split(/\\s+/).map((id) => text(document.getElementById(id))).join(" ");
    if (node.getAttribute("aria-label")) return node.getAttribute("aria-label").trim();
    if (node.localName === "fieldset") return text(node.querySelector(":scope > legend"));
    if (node.labels && node.labels.length) return text(node.labels[0]);
    return "";
  };
  // What a screen reader says: the text without the parts hidden from it (aria-hidden).
  const spoken = (node) => {
    const copy = node.cloneNode(true);
    for (const hidden of copy.querySelectorAll('[aria-hidden="true"]')) hidden.remove();
    return text(copy);
  };
  if (el.localName === "a") return "link: " + spoken(el);
  if (el.type === "radio" || el.type === "checkbox") {
    const group = el.closest("fieldset, [role=radiogroup], [role=group]");
    return group ? "group: " + nameOf(group) : el.type + ": " + nameOf(el);
  }
  const isTextbox = el.localName === "textarea" || el.localName === "input";
  return (isTextbox ? "textbox: " : el.localName + ": ") + nameOf(el);
}"""


def focused_control(page: Page) -> str | None:
    """The focused control as 'textbox: <name>', 'group: <name>' (radios count as their group)
    or 'link: <text>'."""
    result: str | None = page.evaluate(_FOCUSED_CONTROL)
    return result


def tab_to(page: Page, control: str, *, backwards: bool = False, most: int = 80) -> None:
    """Press Tab (or Shift+Tab) until the focused control is ``control`` (see focused_control)."""
    key = "Shift+Tab" if backwards else "Tab"
    passed = []
    for _ in range(most):
        page.keyboard.press(key)
        passed.append(focused_control(page))
        if passed[-1] == control:
            return
    raise AssertionError(
        f"{key} never reached {control!r} in {most} presses; passed:\n  "
        + "\n  ".join(str(p) for p in passed)
    )


def tab_to_element(page: Page, target: Locator, *, most: int = 80) -> None:
    """Press Tab until ``target`` itself has the focus (for one of several alike links)."""
    for _ in range(most):
        page.keyboard.press("Tab")
        if target.evaluate("(el) => el === document.activeElement"):
            return
    raise AssertionError(f"Tab never reached {target} in {most} presses")


_FOCUS_INDICATOR = """(el) => {
  // The focus ring may sit on the control itself or on the label that draws a custom control.
  const candidates = [el, el.closest("label"), ...(el.closest("label")?.children ?? [])];
  for (const node of candidates) {
    if (!node) continue;
    const style = getComputedStyle(node);
    const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0
      && style.outlineColor !== "rgba(0, 0, 0, 0)";
    if (outline) {
      return `${node.localName}: outline ${style.outlineStyle} ${style.outlineWidth}`;
    }
    if (style.boxShadow && style.boxShadow !== "none") {
      return `${node.localName}: box-shadow ${style.boxShadow}`;
    }
  }
  return null;
}"""


def focus_indicator(control: Locator) -> str | None:
    """How focus shows on a focused control (its outline or box-shadow), or None if it does not."""
    result: str | None = control.evaluate(_FOCUS_INDICATOR)
    return result


_TEXT_CONTRAST = """(el) => {
  // WCAG's contrast ratio of an element's text colour on its own (opaque) background colour.
  const luminance = (css) => {
    const [r, g, b] = css.match(/[\\d.]+/g).slice(0, 3).map((v) => {
      const c = Number(v) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  // The first opaque background from the element up (a quiet button shows the page's).
  const seeThrough = (css) => css === "transparent" || /^rgba\\(.*,\\s*0\\)$/.test(css);
  let node = el;
  while (node && seeThrough(getComputedStyle(node).backgroundColor)) node = node.parentElement;
  const behind = node ? getComputedStyle(node).backgroundColor : "rgb(255, 255, 255)";
  const [text, background] = [luminance(getComputedStyle(el).color), luminance(behind)];
  return (Math.max(text, background) + 0.05) / (Math.min(text, background) + 0.05);
}"""


def text_contrast(control: Locator) -> float:
    """The contrast ratio of a control's text on the background it shows (its own, a filled
    button's, or the first one behind it)."""
    result: float = control.evaluate(_TEXT_CONTRAST)
    return result


_HORIZONTAL_OVERFLOW = """() => {
  const root = document.documentElement;
  const width = root.clientWidth;
  const wide = [];
  for (const el of document.body.querySelectorAll("*")) {
    const rect = el.getBoundingClientRect();
    if (rect.width > 0 && rect.right > width + 1) {
      const name = el.localName + (el.id ? "#" + el.id : "")
        + (el.classList.length ? "." + [...el.classList].join(".") : "");
      wide.push(`${name} (right edge at ${Math.round(rect.right)}px)`);
    }
  }
  return { scrollWidth: root.scrollWidth, clientWidth: width, wide: wide.slice(0, 10) };
}"""


def horizontal_overflow(page: Page) -> dict[str, Any]:
    """The page's scroll and client width, and up to ten elements that stick out on the right."""
    result: dict[str, Any] = page.evaluate(_HORIZONTAL_OVERFLOW)
    return result


# A block off screen is laid out only as it nears the view (content-visibility: auto); till then
# it has an estimated size, and what its controls measure says little. A reader scrolls to it.
_SCROLLED_THROUGH = """async () => {
  const waits = [...document.querySelectorAll("main *")].filter(
    (block) => getComputedStyle(block).contentVisibility === "auto");
  for (const block of waits) {
    block.scrollIntoView();
    await new Promise((shown) => requestAnimationFrame(() => requestAnimationFrame(shown)));
  }
  return waits.length;
}"""


def scroll_through(page: Page) -> int:
    """Scroll to every block that waits until it nears the view, each laid out once and keeping
    its size from then on, as a reader scrolling down would; how many there are."""
    count: int = page.evaluate(_SCROLLED_THROUGH)
    return count


# --- keeping answers: the toolbar, the browser's storage, the document -------------------------

SAVED = re.compile(r"^Opgeslagen in deze browser · \d{2}:\d{2}$")
RESTORED = re.compile(r"^Antwoorden teruggezet uit deze browser · \d{2}:\d{2}$")
SAVED_LINE = re.compile(r"(Opgeslagen in|teruggezet uit) deze browser|Niet opgeslagen")
REFUSED = re.compile(r"^Niet geïmporteerd\. \S")
SOMETHING = re.compile(r"\S")


@dataclass
class ExportedFile:
    """A file the page handed to the browser to download."""

    name: str
    text: str

    @property
    def data(self) -> Any:
        return json.loads(self.text)


def open_instrument(page: Page, instrument_id: str) -> AnswerToolbar:
    """Open an instrument's page and wait until its toolbar can import (the form has started)."""
    page.goto(definitions.instrument_url(instrument_id))
    toolbar = AnswerToolbar(page)
    expect(toolbar.import_button).to_be_visible()
    return toolbar


class AnswerToolbar:
    """The bar over an instrument's form that keeps its answers: it says where they are kept and
    whether they were saved, warns (role=alert) when they are not, and holds the buttons
    Exporteren, Importeren, Alles wissen and, after an import or wipe, Ongedaan maken."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.export_button = page.get_by_role("button", name="Exporteren", exact=True)
        self.import_button = page.get_by_role("button", name="Importeren", exact=True)
        self.wipe_button = page.get_by_role("button", name="Alles wissen", exact=True)
        self.undo_button = page.get_by_role("button", name="Ongedaan maken", exact=True)
        self.statuses = page.get_by_role("status")
        self.saved_line = self.statuses.filter(has_text=SAVED_LINE)
        self.warning = page.get_by_role("alert").filter(has_text=SOMETHING)
        self.where = page.get_by_text("Je antwoorden worden alleen in deze browser")
        self._outcome = page.get_by_role("alert").or_(self.statuses).filter(has_text="geïmporteerd")

    def message(self, text: str | re.Pattern[str]) -> Locator:
        """A status message (not a warning) holding this text."""
        return self.statuses.filter(has_text=text)

    def expect_saved(self) -> None:
        expect(self.saved_line, "the line saying the answers were saved").to_have_text(SAVED)

    def expect_restored(self) -> None:
        expect(self.saved_line, "the line saying the answers came back").to_have_text(RESTORED)

    def expect_warning(self, *fragments: str) -> None:
        """A visible warning (role=alert) that says all these things."""
        expect(self.warning, "a warning").to_be_visible()
        for fragment in fragments:
            expect(self.warning, "the warning").to_contain_text(fragment)

    def expect_no_warning(self) -> None:
        expect(self.warning, "no warning").to_have_count(0)

    def expect_refused(self, fragment: str | None = None) -> None:
        """The page says the file was not imported, and why."""
        expect(self.warning, "a warning that the file was not imported").to_have_text(REFUSED)
        expect(self.warning).to_be_visible()
        if fragment:
            expect(self.warning, "the reason the file was refused").to_contain_text(fragment)

    def expect_imported(self) -> None:
        expect(self.message("Antwoorden geïmporteerd."), "the import's message").to_be_visible()
        self.expect_no_warning()

    def export(self) -> ExportedFile:
        """Press Exporteren and take the download."""
        with self.page.expect_download() as download_info:
            self.export_button.click()
        download = download_info.value
        text = Path(download.path()).read_text(encoding="utf-8")
        return ExportedFile(download.suggested_filename, text)

    def import_file(self, path: Path, *, replace: bool | None = None) -> list[str]:
        """Open a file with Importeren. Without ``replace`` the page must not ask anything and
        the import ends in a message (a refusal, or the import into a blank form); with it, the
        page must ask whether to replace the answers on it, and is answered OK (True) or Cancel
        (False). Returns the questions asked. Expects no earlier import message on the page."""
        if replace is None:
            failures: list[AssertionError] = []

            def choose_and_wait() -> None:
                self._choose(path)
                try:
                    expect(self._outcome, "a message whether the file was imported").to_be_visible()
                except AssertionError as error:
                    failures.append(error)

            asked = answer_confirm(self.page, accept=False, action=choose_and_wait)
            if asked:
                raise AssertionError(
                    f"the page asked to replace answers (took the file in): {asked}"
                )
            if failures:
                raise failures[0]
            return asked
        with self.page.expect_event("dialog", timeout=5000) as dialog_info:
            self._choose(path)
        dialog = dialog_info.value
        asked = [f"{dialog.type}: {dialog.message}"]
        if replace:
            dialog.accept()
            expect(self._outcome, "a message saying the file was imported").to_be_visible()
        else:
            dialog.dismiss()
        return asked

    def _choose(self, path: Path) -> None:
        with self.page.expect_file_chooser() as chooser_info:
            self.import_button.click()
        chooser_info.value.set_files(path)

    def wipe(self, *, accept: bool) -> list[str]:
        """Press Alles wissen, answering its question; returns the questions asked."""
        return answer_confirm(self.page, accept=accept, action=self.wipe_button.click)

    def undo(self) -> None:
        self.undo_button.click()


class BrowserStorage:
    """What the site keeps in the browser (localStorage), as seen in the developer tools."""

    SEED_PAGE = "/__gk-test-seed__"

    def __init__(self, page: Page) -> None:
        self.page = page

    def items(self, prefix: str = "gereedschapskist:") -> dict[str, str]:
        """The site's stored keys and their text."""
        result: dict[str, str] = self.page.evaluate(
            "(prefix) => Object.fromEntries(Object.entries(localStorage)"
            ".filter(([key]) => key.startsWith(prefix)))",
            prefix,
        )
        return result

    def read(self, key: str) -> str | None:
        result: str | None = self.page.evaluate("(key) => localStorage.getItem(key)", key)
        return result

    def answer_file(self, instrument_id: str) -> Any:
        """The answer file stored for an instrument, parsed, or None."""
        text = self.read(f"gereedschapskist:antwoorden:{instrument_id}")
        return None if text is None else json.loads(text)

    def feedback(self, instrument_id: str) -> Any:
        """The feedback kept for an instrument (apart from its answers), parsed, or None."""
        text = self.read(f"gereedschapskist:feedback:{instrument_id}")
        return None if text is None else json.loads(text)

    def seed(self, items: dict[str, str]) -> None:
        """Store items before any page of the site runs: an empty page of the same origin writes
        them (so the first visit of the instrument already finds them)."""
        self.page.route(
            f"**{self.SEED_PAGE}",
            # An icon of its own, or Chromium asks the site for /favicon.ico, at times late
            # enough to report the 404 on the test's next page.
            lambda route: route.fulfill(
                content_type="text/html",
                body='<!doctype html><title>-</title><link rel="icon" href="data:,">',
            ),
        )
        self.page.goto(self.SEED_PAGE)
        self.page.evaluate(
            "(items) => Object.entries(items).forEach(([k, v]) => localStorage.setItem(k, v))",
            items,
        )
        self.page.unroute(f"**{self.SEED_PAGE}")


class SameDocument:
    """Notices a full page load: Material's instant navigation keeps the document, its marks
    and its one navigation entry (that of the first address)."""

    def __init__(self, page: Page) -> None:
        self.page = page
        page.evaluate("window.gkSameDocument = true")
        self.entries = self._entries()

    def _entries(self) -> list[str]:
        result: list[str] = self.page.evaluate(
            "performance.getEntriesByType('navigation').map((entry) => entry.name)"
        )
        return result

    def expect_kept(self) -> None:
        marked = self.page.evaluate("window.gkSameDocument === true")
        entries = self._entries()
        assert marked and entries == self.entries, (
            f"the page was loaded again (navigation entries {entries}, first {self.entries}): "
            "instant navigation did not engage"
        )


@dataclass
class Mail:
    """The e-mail a mailto: link opens, decoded."""

    address: str
    fields: dict[str, str]

    @classmethod
    def of(cls, href: str) -> Mail:
        parts = urlsplit(href)
        assert parts.scheme == "mailto", f"not a mailto: link: {href}"
        assert not re.search(r"\s", href), f"the link is not percent-encoded: {href!r}"
        pairs = [field.split("=", 1) for field in parts.query.split("&") if field]
        # unquote, not unquote_plus: in a mailto: link a "+" is a plus.
        return cls(unquote(parts.path), {name: unquote(value) for name, value in pairs})

    @property
    def subject(self) -> str | None:
        return self.fields.get("subject")

    @property
    def body(self) -> str | None:
        return self.fields.get("body")


class FeedbackForm:
    """The feedback block under an instrument (a region named by its heading): a text box per
    question, the link "Verstuur per e-mail" and the button "Feedback wissen"."""

    questions = FEEDBACK_QUESTIONS

    def __init__(self, page: Page) -> None:
        self.page = page
        self.block = page.get_by_role("region", name="Feedback op dit instrument", exact=True)
        self.send_link = self.block.get_by_role("link", name="Verstuur per e-mail", exact=True)
        self.clear_button = self.block.get_by_role("button", name="Feedback wissen", exact=True)
        self.status = self.block.get_by_role("status")

    def box(self, question: FeedbackQuestion) -> Locator:
        """A question's text box: its accessible name holds the question as the source asks it."""
        name = re.compile(re.escape(question.question))
        return self.block.get_by_role("textbox", name=name)

    def expect_shown(self) -> None:
        """Scroll to the block, as a visitor would (its code loads when it nears the view), and
        find its boxes there."""
        expect(self.block, "the feedback block").to_be_visible()
        self.block.scroll_into_view_if_needed()
        for question in self.questions:
            expect(self.box(question), f"one box for {question.topic!r}").to_have_count(1)
            expect(self.box(question)).to_be_visible()

    def fill(self, answers: dict[str, str]) -> None:
        """Type answers, by question id."""
        for question in self.questions:
            if question.id in answers:
                self.box(question).fill(answers[question.id])

    def expect_answers(self, answers: dict[str, str]) -> None:
        """The boxes hold these answers, by question id; the others are empty."""
        for question in self.questions:
            expect(self.box(question), f"the feedback on {question.topic!r}").to_have_value(
                answers.get(question.id, "")
            )

    def mail(self) -> Mail:
        """The e-mail "Verstuur per e-mail" opens now."""
        href = self.send_link.get_attribute("href")
        assert href, "the send link has an address"
        return Mail.of(href)

    def clear(self, *, accept: bool) -> list[str]:
        """Press "Feedback wissen", answering its question; returns the questions asked."""
        return answer_confirm(self.page, accept=accept, action=self.clear_button.click)


def text_answers(form: Locator) -> dict[str, str]:
    """The text in every text box of a form, by answer key (shown or hidden)."""
    result: dict[str, str] = form.evaluate(
        """(form) => Object.fromEntries([...form.elements]
             .filter((c) => c.name && (c.localName === "textarea" || c.type === "text"))
             .map((c) => [c.name, c.value]))"""
    )
    return result


def executed_markup(page: Page) -> Any:
    """What hostile markup in the tests' files would leave behind had it run: window.__pwned."""
    return page.evaluate("typeof window.__pwned === 'undefined' ? null : String(window.__pwned)")
