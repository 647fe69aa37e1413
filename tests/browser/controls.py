"""Page objects: one small class per kind of control, found by its accessible name.

Labels are the contract (DESIGN.md §3), so every control is found the way a screen reader user
finds it: by role and name. Every check goes through Playwright's auto-waiting ``expect``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from playwright.sync_api import Locator, Page, expect

from generator.model import ChoiceField, FieldBase, Instrument, ScaleField, Section

ANY = re.compile(".*")


class TextQuestion:
    """A question answered in a text box (a textarea or a one-line input), named by its label."""

    def __init__(self, page: Page, label: str) -> None:
        self.label = label
        self.box = page.get_by_role("textbox", name=label, exact=True)

    def expect_present(self) -> None:
        expect(self.box, f"one text field named {self.label!r}").to_have_count(1)
        expect(self.box).to_be_visible()

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
    def of(cls, page: Page, instrument: Instrument, section: Section, field: FieldBase) -> Question:
        label = instrument.accessible_label(section, field)
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
        self.form = page.get_by_role("form", name=instrument.title, exact=True)
        self.heading = page.get_by_role("heading", name=instrument.title, exact=True, level=1)
        self.text_boxes = self.form.get_by_role("textbox")
        groups = self.form.get_by_role("radiogroup").or_(self.form.get_by_role("group"))
        options = page.get_by_role("radio").or_(page.get_by_role("checkbox"))
        self.option_groups = groups.filter(has=options)

    def expect_shown(self) -> None:
        expect(self.heading).to_be_visible()
        expect(self.form).to_be_visible()


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
  if (el.type === "radio" || el.type === "checkbox") {
    const group = el.closest("fieldset, [role=radiogroup], [role=group]");
    return group ? "group: " + nameOf(group) : el.type + ": " + nameOf(el);
  }
  const isTextbox = el.localName === "textarea" || el.localName === "input";
  return (isTextbox ? "textbox: " : el.localName + ": ") + nameOf(el);
}"""


def focused_control(page: Page) -> str | None:
    """The focused control as 'textbox: <name>' or 'group: <name>' (radios count as their group)."""
    result: str | None = page.evaluate(_FOCUSED_CONTROL)
    return result


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
