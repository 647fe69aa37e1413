"""Het 8-tje: partners side by side on three levels, linked down and across, with a diagram."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from . import definitions
from .controls import Parties, PartiesDiagram, TextQuestion, answer_confirm, open_instrument
from .test_accessibility import expect_no_axe_violations

WHO = "Wie is/zijn dit?"
ROLE = "Wat is hun rol in de samenwerking?"
NEEDED = "Wat is hier nodig qua communicatie en samenwerking?"
WHERE = "Hoe/waar vindt dit plaats?"
LEVELS = ["Bestuurlijk", "Management", "Operationeel (professioneel)"]
DASH = " \N{EN DASH} "


def across(left: str, right: str, level: str) -> str:
    """The place of the link between two neighbouring partners on a level."""
    return f"{left}{DASH}{right}, {level}"


def test_box_and_links_are_filled_by_label_and_the_diagram_shows_it(page: Page) -> None:
    """A user could not find a box's or link's questions, or see in the diagram what is done."""
    page.goto(definitions.instrument_url("achtje"))
    diagram = PartiesDiagram(page)
    box = "Partner A, Bestuurlijk"
    down = f"Partner A, Bestuurlijk{DASH}Management"
    side = across("Partner A", "Partner B", "Bestuurlijk")
    for place in (box, down, side):
        diagram.expect_empty(place)
    answers = {
        f"{box}: {WHO}": "De bestuurders",
        f"{box}: {ROLE}": "Richting geven",
        f"{down}: {NEEDED}": "Korte lijnen",
        f"{side}: {WHERE}": "In het regio-overleg",
    }
    for label, text in answers.items():
        question = TextQuestion(page, label)
        question.expect_present()
        question.fill(text)
        question.expect_value(text)
    for place in (box, down, side):
        diagram.expect_filled(place)
    diagram.expect_empty("Partner B, Bestuurlijk")
    diagram.expect_empty(f"Partner B, Management{DASH}Operationeel (professioneel)")

    TextQuestion(page, f"{box}: {WHO}").fill("")
    TextQuestion(page, f"{box}: {ROLE}").fill("")
    diagram.expect_empty(box)


def test_diagram_leads_to_the_first_field_of_a_box_or_link(page: Page) -> None:
    """A user clicking a box or link in the diagram would not land in its questions."""
    page.goto(definitions.instrument_url("achtje"))
    diagram = PartiesDiagram(page)
    link = across("Partner A", "Partner B", "Operationeel (professioneel)")
    for place, label in [
        ("Partner B, Management", f"Partner B, Management: {WHO}"),
        (link, f"{link}: {NEEDED}"),
    ]:
        diagram.open(place)
        field = TextQuestion(page, label)
        field.expect_focused()
        page.keyboard.type("Hier")
        field.expect_value("Hier")


def test_partners_are_added_up_to_six(page: Page) -> None:
    """A user could not add every partner of the collaboration, or could add more than six."""
    page.goto(definitions.instrument_url("achtje"))
    parties = Parties(page)
    diagram = PartiesDiagram(page)
    expect(parties.remove_button("Partner A"), "no removing below two partners").to_have_count(0)
    for letter in "CDEF":
        parties.expect_can_add()
        parties.add()
        parties.name(f"Partner {letter}").expect_focused()
        parties.expect_party(f"Partner {letter}")
    parties.expect_cannot_add()
    for level in LEVELS:
        TextQuestion(page, f"Partner F, {level}: {WHO}").expect_present()
        TextQuestion(page, f"{across('Partner E', 'Partner F', level)}: {WHERE}").expect_present()
        diagram.expect_empty(across("Partner E", "Partner F", level))
    down = f"Partner F, Management{DASH}Operationeel (professioneel)"
    TextQuestion(page, f"{down}: {NEEDED}").expect_present()
    diagram.expect_present("Partner F, Operationeel (professioneel)")
    diagram.expect_absent(across("Partner F", "Partner A", "Bestuurlijk"))
    expect(
        parties.remove_button("Partner A"), "removing once there are more than two"
    ).to_be_visible()


# Runs before the page's own scripts: as soon as the form says it is ready (its answers just
# restored, the restored partners not all shown yet, parties.js unfold), the diagram's last box is
# clicked, and what has the focus is noted.
_OPEN_AT_ONCE = """
new MutationObserver((changes, observer) => {
  const form = document.querySelector("gk-instrument[data-gk-ready]");
  if (!form) return;
  observer.disconnect();
  const boxes = form.querySelectorAll(".gk-diagram__party .gk-node");
  boxes[boxes.length - 1].click();
  const focused = document.activeElement;
  window.gkOpenedAtOnce = { value: focused.value, shown: focused.checkVisibility() };
}).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-gk-ready"] });
"""


def test_six_partners_come_back_whole_and_the_diagram_leads_into_one_at_once(page: Page) -> None:
    """Six partners, restored on a reload, show one after another (so a slow phone doesn't
    freeze): all of them must come back with their answers, and a box of the last one, chosen
    in the diagram before it shows, must still take the user into its field."""
    page.goto(definitions.instrument_url("achtje"))
    parties = Parties(page)
    for _ in "CDEF":
        parties.add()
    last = f"Partner F, {LEVELS[-1]}: {WHO}"
    link = f"{across('Partner E', 'Partner F', LEVELS[0])}: {WHERE}"
    TextQuestion(page, last).fill("De docenten van F")
    TextQuestion(page, link).fill("In het werkveldoverleg")
    page.add_init_script(_OPEN_AT_ONCE)
    page.reload()
    page.wait_for_function("() => window.gkOpenedAtOnce !== undefined")
    opened = page.evaluate("window.gkOpenedAtOnce")
    assert opened == {"value": "De docenten van F", "shown": True}, "in the box's first field"
    for letter in "ABCDEF":
        parties.expect_party(f"Partner {letter}")
        TextQuestion(page, f"Partner {letter}, {LEVELS[0]}: {WHO}").expect_present()
    TextQuestion(page, last).expect_value("De docenten van F")
    TextQuestion(page, link).expect_value("In het werkveldoverleg")
    expect(page.locator("main textarea:visible")).to_have_count(
        page.locator("main textarea").count()
    )


# Counts the print copies added inside the third partner once it is on the page.
_COPIES_ADDED_TO_PARTNER_C = """
window.gkCopiesAddedToC = 0;
new MutationObserver((changes) => {
  for (const { addedNodes } of changes) {
    for (const node of addedNodes) {
      const third = node.closest?.("[data-gk-list] > .gk-party:nth-child(3)");
      if (third && node !== third && node.classList.contains("gk-print-text")) {
        window.gkCopiesAddedToC += 1;
      }
    }
  }
}).observe(document, { subtree: true, childList: true });
"""


def test_only_a_return_with_partners_of_ones_own_loads_the_code_that_makes_them_ahead(
    page: Page,
) -> None:
    """Stored partners are made before the form restores them (parties-ahead.js), so that a
    slow phone does not freeze: a first visit that loads that code pays for nothing, and a return
    that does not freezes (benchmarks/lighthouse.py measures how long). A partner made ahead
    comes whole: its print copies are not added once it is on the page."""
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url.rsplit("/", 1)[-1]))
    page.goto(definitions.instrument_url("achtje"))
    Parties(page).add()
    TextQuestion(page, f"Partner C, {LEVELS[0]}: {WHO}").fill("De docenten van C")
    assert "parties-ahead.js" not in requested
    page.add_init_script(_COPIES_ADDED_TO_PARTNER_C)
    page.reload()
    assert requested.count("parties-ahead.js") == 1
    assert page.evaluate("window.gkCopiesAddedToC") == 0, "partner C was made on the page"
    Parties(page).expect_party("Partner C")
    TextQuestion(page, f"Partner C, {LEVELS[0]}: {WHO}").expect_value("De docenten van C")
    PartiesDiagram(page).expect_filled(f"Partner C, {LEVELS[0]}")


def test_imported_partners_boxes_grow_where_css_cannot(page: Page, tmp_path: Path) -> None:
    """Where the browser can't grow a text box by CSS (Firefox ESR, older Safari: grow.js), the
    partners an import shows a frame later were not measured once grow.js was there, and a long
    answer in them scrolled inside its box."""
    page.add_init_script(
        """CSS.supports = () => false;
        const fixed = new CSSStyleSheet();
        fixed.replaceSync("textarea.gk-input { field-sizing: fixed !important; }");
        document.adoptedStyleSheets = [fixed];"""
    )
    toolbar = open_instrument(page, "achtje")
    parties = Parties(page)
    for _ in "CDEF":
        parties.add()
    last = TextQuestion(page, f"Partner F, {LEVELS[-1]}: {WHO}")
    last.fill("De docenten en de stagebegeleiders van de opleiding. " * 12)
    file = tmp_path / "zes-partners.json"
    file.write_text(toolbar.export().text, encoding="utf-8")
    page.evaluate("localStorage.clear()")
    toolbar = open_instrument(page, "achtje")
    with page.expect_request("**/grow.js"):  # there before the import, as on a page in use
        TextQuestion(page, f"Partner A, {LEVELS[0]}: {WHO}").fill("Het bestuur")
    toolbar.import_file(file, replace=True)
    last.expect_present()
    # Off screen, its block is laid out only when near: scrolled to by the browser itself
    # (Playwright's own scroll can miss a block laid out as it arrives).
    last.box.evaluate("(box) => box.scrollIntoView({ block: 'center' })")
    fits = "box => box.scrollHeight <= box.clientHeight + 2"
    page.wait_for_function(fits, arg=last.box.element_handle(), timeout=3000)


def test_renaming_a_partner_renames_its_questions_and_links(page: Page) -> None:
    """After renaming a partner, labels would still name the old name and confuse the user."""
    page.goto(definitions.instrument_url("achtje"))
    parties = Parties(page)
    diagram = PartiesDiagram(page)
    parties.rename("Partner B", "ROC Zeeland")
    parties.expect_party("ROC Zeeland")
    parties.expect_no_party("Partner B")
    TextQuestion(page, f"ROC Zeeland, Bestuurlijk: {WHO}").expect_present()
    down = f"ROC Zeeland, Management{DASH}Operationeel (professioneel)"
    TextQuestion(page, f"{down}: {WHERE}").expect_present()
    TextQuestion(page, f"Partner B, Bestuurlijk: {WHO}").expect_absent()
    for level in LEVELS:
        TextQuestion(
            page, f"{across('Partner A', 'ROC Zeeland', level)}: {NEEDED}"
        ).expect_present()
        diagram.expect_present(across("Partner A", "ROC Zeeland", level))
        diagram.expect_present(f"ROC Zeeland, {level}")
    expect(page.get_by_role("group", name="ROC Zeeland, Bestuurlijk", exact=True)).to_be_visible()
    parties.name("Partner B").expect_value("ROC Zeeland")

    parties.rename("Partner B", "")
    parties.expect_party("Partner B")
    TextQuestion(page, f"Partner B, Bestuurlijk: {WHO}").expect_present()


def test_removing_a_middle_partner_asks_first_and_takes_its_links_with_it(page: Page) -> None:
    """A user would lose a partner's answers without being asked, or find links they never
    made."""
    page.goto(definitions.instrument_url("achtje"))
    parties = Parties(page)
    diagram = PartiesDiagram(page)
    parties.add()
    answer = TextQuestion(page, f"Partner B, Management: {ROLE}")
    answer.fill("Roosters afstemmen")

    asked = parties.remove("Partner B", accept=False)
    assert len(asked) == 1 and asked[0].startswith("confirm: "), f"questions asked: {asked}"
    assert "Partner B" in asked[0], f"the question does not name the partner: {asked}"
    parties.expect_party("Partner B")
    answer.expect_value("Roosters afstemmen")

    asked = parties.remove("Partner B", accept=True)
    assert len(asked) == 1, f"questions asked: {asked}"
    parties.expect_no_party("Partner B")
    answer.expect_absent()
    diagram.expect_absent("Partner B, Management")
    for level in LEVELS:
        diagram.expect_absent(across("Partner A", "Partner B", level))
        diagram.expect_absent(across("Partner B", "Partner C", level))
        diagram.expect_absent(across("Partner A", "Partner C", level))
    expect(parties.remove_button("Partner A"), "no removing below two partners").to_have_count(0)


def test_a_removed_partner_comes_back_in_its_place_with_ongedaan_maken(page: Page) -> None:
    """A user who confirmed by reflex would lose a partner and the links to its neighbours for
    good, or get it back at the wrong place, without its links or its answers."""
    page.goto(definitions.instrument_url("achtje"))
    parties = Parties(page)
    diagram = PartiesDiagram(page)
    parties.add()
    box = TextQuestion(page, f"Partner B, Management: {ROLE}")
    left = TextQuestion(page, f"{across('Partner A', 'Partner B', 'Bestuurlijk')}: {NEEDED}")
    right_link = across("Partner B", "Partner C", LEVELS[2])
    right = TextQuestion(page, f"{right_link}: {WHERE}")
    box.fill("Roosters afstemmen")
    left.fill("Elk kwartaal een overleg")
    right.fill("In de werkplaats")
    parties.remove("Partner B", accept=True)
    parties.expect_no_party("Partner B")
    notice = page.get_by_text("Partner B is verwijderd.", exact=True)
    expect(notice).to_be_visible()
    undo = page.get_by_role("button", name="Ongedaan maken", exact=True)
    expect(undo).to_have_count(1)
    undo.click()

    headings = page.get_by_role("heading", level=3).filter(has_text=re.compile("^Partner [A-C]$"))
    expect(headings).to_have_text(["Partner A", "Partner B", "Partner C"])
    box.expect_value("Roosters afstemmen")
    left.expect_value("Elk kwartaal een overleg")
    right.expect_value("In de werkplaats")
    diagram.expect_filled(across("Partner A", "Partner B", "Bestuurlijk"))
    diagram.expect_absent(across("Partner A", "Partner C", "Bestuurlijk"))
    parties.name("Partner B").expect_focused()
    expect(notice).to_be_hidden()
    expect(undo).to_have_count(0)
    page.reload()
    box.expect_value("Roosters afstemmen")
    right.expect_value("In de werkplaats")


def test_removing_an_empty_partner_does_not_ask(page: Page) -> None:
    """A user would be asked to confirm removing a partner that holds nothing."""
    page.goto(definitions.instrument_url("achtje"))
    parties = Parties(page)
    parties.add()
    asked = parties.remove("Partner C", accept=False)
    assert asked == [], f"asked although Partner C holds no answers: {asked}"
    parties.expect_no_party("Partner C")
    parties.expect_can_add()


def test_three_partners_linked_any_way_are_moved_reloaded_exported_and_imported(
    page: Page, tmp_path: Path
) -> None:
    """In a collaboration of a vmbo, an mbo and a company, the link between the vmbo and the
    company could not be filled in, nor the partners put in the order the group sees them; or
    the links and order would be lost on a reload, an export or an import."""
    toolbar = open_instrument(page, "achtje")
    parties = Parties(page)
    diagram = PartiesDiagram(page)
    parties.add()  # Partner C, linked to Partner B as before
    for default, name in [("Partner A", "Vmbo"), ("Partner B", "Mbo"), ("Partner C", "Bedrijf")]:
        parties.rename(default, name)
    parties.link("Vmbo", "Bedrijf")
    first = TextQuestion(page, f"{across('Vmbo', 'Bedrijf', 'Bestuurlijk')}: {NEEDED}")
    first.expect_focused()  # the new link's first question
    first.fill("Stageplaatsen afspreken")
    diagram.expect_filled(across("Vmbo", "Bedrijf", "Bestuurlijk"))
    parties.link("Bedrijf", "Vmbo")  # the same link, the other way round
    expect(page.get_by_text("Die verbinding is er al.")).to_be_visible()

    parties.move("Bedrijf", "links")
    expect(parties.move_button("Bedrijf", "links"), "the focus stays to move on").to_be_focused()
    parties.expect_order(["Vmbo", "Bedrijf", "Mbo"])
    # Vmbo and Bedrijf now stand side by side: their link is drawn between them.
    expect(diagram.place(across("Vmbo", "Bedrijf", "Bestuurlijk"))).to_be_visible()
    toolbar.expect_saved()

    page.reload()
    parties.expect_order(["Vmbo", "Bedrijf", "Mbo"])
    first.expect_value("Stageplaatsen afspreken")
    for level in LEVELS:
        for left, right in [("Vmbo", "Mbo"), ("Mbo", "Bedrijf"), ("Vmbo", "Bedrijf")]:
            diagram.expect_present(across(left, right, level))

    exported = toolbar.export()
    data = exported.data
    order = data["answers"]["achtje"]
    assert len(order) == 3
    assert data["answers"]["achtje.verbindingen"] == [
        f"{order[0]}--{order[2]}",
        f"{order[2]}--{order[1]}",
        f"{order[0]}--{order[1]}",
    ], "the links as made: Vmbo with Mbo, Mbo with Bedrijf, then Vmbo with Bedrijf"
    path = tmp_path / exported.name
    path.write_text(exported.text, encoding="utf-8")
    toolbar.wipe(accept=True)
    parties.expect_order(["Partner A", "Partner B"])
    toolbar.import_file(path)
    parties.expect_order(["Vmbo", "Bedrijf", "Mbo"])
    first.expect_value("Stageplaatsen afspreken")


def test_a_link_is_removed_after_asking_and_comes_back_with_ongedaan_maken(page: Page) -> None:
    """A user would lose a link's answers without being asked, or for good."""
    page.goto(definitions.instrument_url("achtje"))
    diagram = PartiesDiagram(page)
    answer = TextQuestion(page, f"{across('Partner A', 'Partner B', 'Management')}: {WHERE}")
    answer.fill("Elke maand op school")
    remove = page.get_by_role("button", name=f"Partner A{DASH}Partner B verwijderen", exact=True)
    Parties(page).edits_ready()
    asked = answer_confirm(page, accept=True, action=remove.click)
    assert len(asked) == 1 and "Partner A" in asked[0], f"questions asked: {asked}"
    diagram.expect_absent(across("Partner A", "Partner B", "Management"))
    answer.expect_absent()
    expect(page.get_by_role("button", name="Verbinding toevoegen", exact=True)).to_be_focused()
    page.get_by_role("button", name="Ongedaan maken", exact=True).click()
    answer.expect_value("Elke maand op school")
    diagram.expect_filled(across("Partner A", "Partner B", "Management"))


@pytest.mark.parametrize("width", [390, 1280])
def test_the_diagram_of_six_partners_fits_without_clipping(page: Page, width: int) -> None:
    """On a phone half the diagram was off-screen with no sign that it scrolled; on a desktop
    a third partner's loop was clipped."""
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(definitions.instrument_url("achtje"))
    parties = Parties(page)
    for _ in range(4):
        parties.add()
    parties.expect_cannot_add()
    parties.link("Partner A", "Partner F")
    diagram = PartiesDiagram(page).diagram
    nodes = diagram.get_by_role("link")
    expect(nodes).to_have_count(6 * 5 + 6 * 3)  # five places each, and six links of three levels
    box = diagram.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width
    clipped = nodes.evaluate_all(
        """(links) => links.filter((link) => {
            const r = link.getBoundingClientRect();
            const inside = (el) => el.scrollWidth <= el.clientWidth + 1;
            return r.left < 0 || r.right > innerWidth || !inside(link)
              || link.closest('.gk-diagram__parties, .gk-diagram__apart').scrollWidth
                 > link.closest('.gk-diagram__parties, .gk-diagram__apart').clientWidth + 1;
        }).map((link) => link.textContent.trim())"""
    )
    assert clipped == [], f"cut off or overflowing at {width} px: {clipped}"
    assert page.evaluate("() => document.documentElement.scrollWidth <= innerWidth")
    if width < 400:  # every box and link still large enough to tap (WCAG 2.2, 2.5.8)
        expect_no_axe_violations(page)


def test_partners_are_moved_and_linked_by_keyboard(page: Page) -> None:
    """Without a mouse, a partner could not be moved or two partners linked."""
    page.goto(definitions.instrument_url("achtje"))
    parties = Parties(page)
    parties.add()
    parties.name("Partner C").expect_focused()  # added (its code answers a moment after the click)
    parties.move_button("Partner A", "rechts").focus()
    page.keyboard.press("Enter")
    parties.expect_order(["Partner B", "Partner A", "Partner C"])
    expect(parties.move_button("Partner A", "rechts")).to_be_focused()
    page.keyboard.press("Enter")
    parties.expect_order(["Partner B", "Partner C", "Partner A"])
    expect(parties.move_button("Partner A", "links"), "at the end: the other way").to_be_focused()

    page.get_by_role("combobox", name="Tussen", exact=True).focus()
    page.keyboard.press("End")  # the last: Partner A
    page.keyboard.press("Tab")
    page.keyboard.press("Home")  # the first: Partner B
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Verbinding toevoegen", exact=True)).to_be_focused()
    page.keyboard.press("Enter")
    TextQuestion(
        page, f"{across('Partner A', 'Partner B', 'Bestuurlijk')}: {NEEDED}"
    ).expect_focused()
