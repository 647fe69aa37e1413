"""The matrix: opening questions once, then a column per activity chosen on the menu or added."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from . import definitions
from .controls import MenuMatrix, TextQuestion

MENU = "Menukaart activiteiten samenwerking vmbo-mbo"
OPENING_QUESTIONS = [
    "Welke impact willen wij maken en voor wie?",
    "Welke concrete doelen dragen hieraan bij?",
]
CELL_QUESTIONS = [
    "Aan welke concrete doelen draagt deze activiteit bij?",
    "Wie dragen bij aan deze activiteiten?",
    "Wat vragen deze activiteiten qua inzet van mensen, middelen, organisatie, …?",
    "Hoe meten/merken we of deze activiteiten bijdragen aan de concrete doelen?",
    "Als we dit hebben gerealiseerd, wat is dan de volgende stap: 'the next level'?",
]
ACTIVITIES = [
    "Gezamenlijk opzetten van doorlopende leerlijnen",
    "Gezamenlijk vormgeven van officiële doorlopende leerroutes",
    "Gezamenlijk organiseren en aanbieden van keuzevakken",
    "Gezamenlijk vormgeven van profielen / technische lessen",
    "Evenementen",
    "Gezamenlijke activiteiten",
]


def column(page: Page, activity: str) -> list[TextQuestion]:
    """The questions of an activity's column, each named after the activity."""
    return [TextQuestion(page, f"{activity}: {question}") for question in CELL_QUESTIONS]


def test_matrix_opening_questions_and_menu_are_those_of_the_source(page: Page) -> None:
    """A user would miss an opening question or an activity of the menu, or its explanation."""
    page.goto(definitions.instrument_url("matrix"))
    for label in OPENING_QUESTIONS:
        question = TextQuestion(page, label)
        question.expect_present()
        question.fill("Meer leerlingen kiezen voor techniek.")
        question.expect_value("Meer leerlingen kiezen voor techniek.")
    menu = MenuMatrix(page, MENU)
    for activity in ACTIVITIES:
        menu.expect_no_column(activity)
        column(page, activity)[0].expect_hidden()
    menu.expect_described("Evenementen", "bedrijvendagen, techniekfestival")


def test_chosen_activities_get_a_column_that_keeps_its_text_when_unchosen(page: Page) -> None:
    """A user would not get a column for a chosen activity, or lose text by un-choosing it."""
    page.goto(definitions.instrument_url("matrix"))
    menu = MenuMatrix(page, MENU)
    chosen = ["Evenementen", "Gezamenlijke activiteiten"]
    for activity in chosen:
        menu.choose(activity)
        menu.expect_column_shown(activity)
        for number, cell in enumerate(column(page, activity)):
            cell.expect_present()
            cell.fill(f"{activity} {number}")
    menu.expect_no_column(ACTIVITIES[0])

    menu.unchoose("Evenementen")
    menu.expect_no_column("Evenementen")
    for cell in column(page, "Evenementen"):
        cell.expect_hidden()
    column(page, "Gezamenlijke activiteiten")[1].expect_present()

    menu.choose("Evenementen")
    for number, cell in enumerate(column(page, "Evenementen")):
        cell.expect_present()
        cell.expect_value(f"Evenementen {number}")


def test_own_activity_is_added_named_filled_and_removed_after_asking(page: Page) -> None:
    """A user could not add their own activity, name it, or would lose it without being asked."""
    page.goto(definitions.instrument_url("matrix"))
    menu = MenuMatrix(page, MENU)
    menu.add_own()
    name = menu.own_name(1)
    name.expect_focused()
    TextQuestion(page, "Eigen activiteit 1: Wie dragen bij aan deze activiteiten?").expect_present()
    name.fill("Bedrijvendagen")
    menu.expect_chosen("Bedrijvendagen")
    menu.expect_column_shown("Bedrijvendagen")
    own_cell = TextQuestion(page, "Bedrijvendagen: Wie dragen bij aan deze activiteiten?")
    own_cell.expect_present()
    own_cell.fill("De bedrijven uit de regio")

    asked = menu.remove_own("Bedrijvendagen", accept=False)
    assert len(asked) == 1 and asked[0].startswith("confirm: "), f"questions asked: {asked}"
    assert "Bedrijvendagen" in asked[0], f"the question does not name the activity: {asked}"
    menu.expect_chosen("Bedrijvendagen")
    own_cell.expect_value("De bedrijven uit de regio")
    name.expect_value("Bedrijvendagen")

    asked = menu.remove_own("Bedrijvendagen", accept=True)
    assert len(asked) == 1, f"questions asked: {asked}"
    menu.expect_not_on_menu("Bedrijvendagen")
    menu.expect_no_column("Bedrijvendagen")
    own_cell.expect_absent()
    name.expect_absent()


def test_a_removed_own_activity_comes_back_with_ongedaan_maken(page: Page) -> None:
    """A user who confirmed by reflex would lose an own activity and all it holds for good, or
    get it back in another place or without its answers."""
    page.goto(definitions.instrument_url("matrix"))
    menu = MenuMatrix(page, MENU)
    for name in ("Bedrijvendagen", "Gastlessen"):
        menu.add_own()
        page.keyboard.type(name)  # the new activity's name field has the focus, text selected
    cell = TextQuestion(page, "Bedrijvendagen: Wie dragen bij aan deze activiteiten?")
    cell.fill("De bedrijven uit de regio")
    menu.remove_own("Bedrijvendagen", accept=True)
    menu.expect_no_column("Bedrijvendagen")
    expect(page.get_by_text('"Bedrijvendagen" is verwijderd.', exact=True)).to_be_visible()
    page.get_by_role("button", name="Ongedaan maken", exact=True).click()

    menu.expect_chosen("Bedrijvendagen")
    menu.expect_column_shown("Bedrijvendagen")
    cell.expect_value("De bedrijven uit de regio")
    menu.own_name(1).expect_value("Bedrijvendagen")
    menu.own_name(1).expect_focused()
    menu.own_name(2).expect_value("Gastlessen")
    page.reload()
    cell.expect_value("De bedrijven uit de regio")
    menu.own_name(2).expect_value("Gastlessen")


def test_choosing_an_activity_is_announced(page: Page) -> None:
    """A screen reader user ticks an activity and is not told where its column went."""
    page.goto(definitions.instrument_url("matrix"))
    matrix = MenuMatrix(page, MENU)
    status = page.get_by_role("status").filter(has_text="Kolom Evenementen")
    matrix.choose("Evenementen")
    expect(status).to_have_text("Kolom Evenementen staat onder de menukaart.")
    matrix.unchoose("Evenementen")
    expect(status).to_have_text(
        "Kolom Evenementen is verborgen. Wat je erin had ingevuld, blijft bewaard."
    )


def test_a_blank_matrix_prints_every_column_to_write_in(page: Page) -> None:
    """A workshop prints the matrix before choosing and gets no columns to write in."""
    page.goto(definitions.instrument_url("matrix"))
    matrix = MenuMatrix(page, MENU)
    page.emulate_media(media="print")
    for activity in ("Evenementen", "Gezamenlijke activiteiten"):
        matrix.expect_column_shown(activity)
    page.emulate_media(media="screen")
    matrix.choose("Evenementen")
    page.emulate_media(media="print")
    matrix.expect_column_shown("Evenementen")
    matrix.expect_no_column("Gezamenlijke activiteiten")


def test_a_long_answer_stays_whole_when_the_page_narrows(page: Page) -> None:
    """Text typed on a projector is cut off once the window narrows (or the page goes to paper)."""
    page.set_viewport_size({"width": 1400, "height": 900})
    page.goto(definitions.instrument_url("matrix"))
    answer = page.get_by_label("Welke impact willen wij maken en voor wie?", exact=True)
    answer.fill("Meer leerlingen kiezen voor techniek. " * 30)
    page.set_viewport_size({"width": 390, "height": 844})
    page.wait_for_function(
        "box => box.scrollHeight <= box.clientHeight", arg=answer.element_handle(), timeout=3000
    )


def test_a_long_answer_grows_where_css_cannot(page: Page) -> None:
    """Browsers without CSS field-sizing (Firefox ESR, older Safari) grow the boxes by script
    (grow.js, loaded only there): as this one was, a long answer scrolled inside its box."""
    # As such a browser: it says no to the feature, and its boxes keep their size.
    page.add_init_script(
        """CSS.supports = () => false;
        const fixed = new CSSStyleSheet();
        fixed.replaceSync("textarea.gk-input { field-sizing: fixed !important; }");
        document.adoptedStyleSheets = [fixed];"""
    )
    page.goto(definitions.instrument_url("matrix"))
    answer = page.get_by_label("Welke impact willen wij maken en voor wie?", exact=True)
    blank_height = answer.evaluate("box => box.clientHeight")
    with page.expect_request("**/grow.js"):
        answer.fill("Meer leerlingen kiezen voor techniek. " * 30)
    fits = "box => box.scrollHeight <= box.clientHeight"
    page.wait_for_function(fits, arg=answer.element_handle(), timeout=3000)
    assert answer.evaluate("box => box.clientHeight") > 2 * blank_height
    page.reload()  # restored answers are measured too
    page.wait_for_function(fits, arg=answer.element_handle(), timeout=3000)
