"""Nothing lost: answers are saved in this browser on every input and come back on load, after
instant navigation, after closing the tab, across two tabs and a changed definition; storage
that is blocked, full or corrupt gives a warning and the page keeps working (DESIGN.md §4)."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import BrowserContext, Page, Route, expect

from . import answer_files, definitions
from .answer_files import storage_key
from .conftest import COMPONENTS_READY, ConsoleLog, RequestLog
from .controls import (
    AnswerToolbar,
    BrowserStorage,
    InstrumentCard,
    MenuMatrix,
    Parties,
    PartiesDiagram,
    Question,
    SameDocument,
    ScaleQuestion,
    TextQuestion,
    executed_markup,
)
from .served_site import SiteServer

REFLECTIE = "reflectietool"
AMBITIE = "Ambitie: Onderbouw en licht toe"
BELANGEN = "Belangen: Onderbouw en licht toe"
STATEMENT = "We hebben expliciet met elkaar uitgesproken wat onze gezamenlijke ambitie is."
MENU = "Menukaart activiteiten samenwerking vmbo-mbo"
WHO = "Wie is/zijn dit?"
WHERE = "Hoe/waar vindt dit plaats?"
DASH = " \N{EN DASH} "
HOSTILE = "<img src=x onerror=window.__pwned=1>"

BLOCKED_STORAGE = """
Object.defineProperty(window, "localStorage", {
  configurable: true,
  get() { throw new DOMException("The operation is insecure.", "SecurityError"); },
});
"""
FULL_STORAGE = """
Storage.prototype.setItem = function () {
  throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
};
"""
RECORD_PERSIST = """
window.gkPersistAsked = 0;
StorageManager.prototype.persist = function () {
  window.gkPersistAsked += 1;
  return Promise.resolve(true);
};
"""


def open_reflectietool(page: Page) -> AnswerToolbar:
    page.goto(definitions.instrument_url(REFLECTIE))
    toolbar = AnswerToolbar(page)
    expect(toolbar.export_button).to_be_visible()
    return toolbar


def test_typing_saves_in_this_browser_and_says_so(page: Page) -> None:
    """A user would not know whether what they typed was kept, or it would not be kept at all."""
    toolbar = open_reflectietool(page)
    expect(toolbar.saved_line, "nothing said before anything was typed").to_have_count(0)
    TextQuestion(page, AMBITIE).fill("We willen samen meer technici opleiden.")
    toolbar.expect_saved()
    expect(toolbar.saved_line).to_have_attribute("aria-live", "polite")
    ScaleQuestion(page, STATEMENT).choose("Eens")
    toolbar.expect_saved()
    stored = BrowserStorage(page).answer_file(REFLECTIE)
    assert stored["format"] == "gereedschapskist-antwoorden" and stored["version"] == 1, stored
    assert stored["instrument"] == {"id": REFLECTIE, "version": 1}, stored
    assert stored["answers"] == {
        "ambitie.uitgesproken": 4,
        "ambitie.toelichting": "We willen samen meer technici opleiden.",
    }, stored


@pytest.mark.parametrize("instrument_id", definitions.instrument_ids())
def test_opening_an_instrument_saves_nothing_until_it_is_answered(
    page: Page, instrument_id: str
) -> None:
    """A visitor who only looks would find answers stored in their browser (or be told so), or
    a page the code set up would count as typed before it started and overwrite stored names."""
    page.goto(definitions.instrument_url(instrument_id))
    toolbar = AnswerToolbar(page)
    expect(toolbar.export_button).to_be_visible()
    expect(toolbar.saved_line, "nothing said before anything was typed").to_have_count(0)
    assert BrowserStorage(page).answer_file(instrument_id) is None


@pytest.mark.parametrize("instrument_id", definitions.instrument_ids())
def test_every_answer_comes_back_on_load(
    page: Page, instrument_id: str, console_log: ConsoleLog
) -> None:
    """A user coming back to an instrument would find some of their answers gone or changed."""
    instrument = definitions.instrument(instrument_id)
    answers = answer_files.full_answers(instrument)
    respondent = {"naam": "Docent techniek", "organisatie": "Vmbo De Brug"}
    stored = answer_files.answer_file(instrument_id, answers, respondent)
    BrowserStorage(page).seed({storage_key(instrument_id): json.dumps(stored)})
    page.goto(definitions.instrument_url(instrument_id))
    toolbar = AnswerToolbar(page)
    toolbar.expect_restored()
    for field in instrument.respondent.fields:
        TextQuestion(page, field.label).expect_value(respondent[field.id])
    for asked in definitions.questions(instrument):
        control = Question.of(page, instrument, asked).control
        if isinstance(control, TextQuestion):
            control.expect_value(answers[asked.key])
        else:
            control.expect_chosen(
                answer_files.scale_label(instrument, asked.key, answers[asked.key])
            )
    exported = toolbar.export().data
    assert exported["answers"] == answers, "the answers came back different from how they were kept"
    assert exported["respondent"] == respondent
    toolbar.expect_no_warning()
    console_log.expect_no_errors()


def test_answers_come_back_after_instant_navigation(page: Page, site: SiteServer) -> None:
    """A user clicking through the site would find the form empty, or their answers not saved."""
    instrument = definitions.instrument(REFLECTIE)
    toolbar = open_reflectietool(page)
    answer = TextQuestion(page, AMBITIE)
    answer.fill("Voor het wegklikken")
    toolbar.expect_saved()

    page.goto("/tools/")
    same_document = SameDocument(page)
    InstrumentCard(page, instrument.title).link.click()
    expect(page).to_have_url(site.url(definitions.instrument_url(REFLECTIE)))
    answer.expect_value("Voor het wegklikken")
    toolbar.expect_restored()
    answer.fill("Na het terugkomen")
    toolbar.expect_saved()

    page.go_back()
    expect(page).to_have_url(site.url("/tools/"))
    InstrumentCard(page, instrument.title).link.click()
    answer.expect_value("Na het terugkomen")
    same_document.expect_kept()
    assert BrowserStorage(page).answer_file(REFLECTIE)["answers"] == {
        "ambitie.toelichting": "Na het terugkomen"
    }


def test_what_was_typed_before_the_page_started_is_kept_with_what_was_stored(page: Page) -> None:
    """On a slow connection a visitor can type into the form before its code has arrived: the
    answers stored earlier would then replace that text, or Alles wissen would bring it back."""
    page.goto(definitions.instrument_url(REFLECTIE))
    TextQuestion(page, AMBITIE).fill("Eerder opgeslagen")
    TextQuestion(page, BELANGEN).fill("Ook eerder opgeslagen")
    ScaleQuestion(page, STATEMENT).choose("Oneens")
    held: list[Route] = []
    page.route("**/instrument.js", lambda route: held.append(route))
    with page.expect_request("**/instrument.js"):
        Page.reload(page)  # the plain reload: it does not wait for the code held back here
    TextQuestion(page, AMBITIE).fill("Getypt voordat de pagina klaar was")
    ScaleQuestion(page, STATEMENT).choose("Eens")
    held[0].continue_()
    page.wait_for_function(COMPONENTS_READY)

    TextQuestion(page, AMBITIE).expect_value("Getypt voordat de pagina klaar was")
    TextQuestion(page, BELANGEN).expect_value("Ook eerder opgeslagen")
    ScaleQuestion(page, STATEMENT).expect_chosen("Eens")
    stored = BrowserStorage(page).answer_file(REFLECTIE)["answers"]
    assert stored["ambitie.toelichting"] == "Getypt voordat de pagina klaar was"
    assert stored["belangen.toelichting"] == "Ook eerder opgeslagen"
    assert AnswerToolbar(page).wipe(accept=True)
    TextQuestion(page, AMBITIE).expect_empty()
    ScaleQuestion(page, STATEMENT).expect_nothing_chosen()


def test_closing_the_tab_right_after_typing_loses_nothing(
    context: BrowserContext, page: Page
) -> None:
    """A user who closes the tab mid-sentence would lose the last words they typed."""
    open_reflectietool(page)
    TextQuestion(page, AMBITIE).focus()
    page.keyboard.type("Halverwege een zin en dan dicht")
    page.close()

    again = context.new_page()
    again.goto(definitions.instrument_url(REFLECTIE))
    TextQuestion(again, AMBITIE).expect_value("Halverwege een zin en dan dicht")


def test_a_partner_added_in_one_tab_shows_in_the_other(context: BrowserContext, page: Page) -> None:
    """With het 8-tje open twice, a partner added in one tab would be missing from the other."""
    other = context.new_page()
    for tab in (page, other):
        tab.goto(definitions.instrument_url("achtje"))
        expect(AnswerToolbar(tab).export_button).to_be_visible()
    parties = Parties(other)
    parties.add()
    parties.rename("Partner C", "ROC Zeeland")
    TextQuestion(other, f"ROC Zeeland, Bestuurlijk: {WHO}").fill("Het college van bestuur")
    Parties(page).expect_party("ROC Zeeland")
    TextQuestion(page, f"ROC Zeeland, Bestuurlijk: {WHO}").expect_value("Het college van bestuur")


def test_an_own_activity_stays_in_the_other_tab_while_typing_goes_on(
    context: BrowserContext, page: Page
) -> None:
    """With the matrix open twice, typing in one tab made the other drop its own activities
    from the page (their answers were kept, but no longer shown)."""
    other = context.new_page()
    for tab in (page, other):
        tab.goto(definitions.instrument_url("matrix"))
        expect(AnswerToolbar(tab).export_button).to_be_visible()
    menu = MenuMatrix(other, MENU)
    menu.add_own()
    other.keyboard.type("Bedrijvendagen")
    cell = "Bedrijvendagen: Wie dragen bij aan deze activiteiten?"
    TextQuestion(other, cell).fill("De bedrijven uit de regio")
    TextQuestion(page, cell).expect_value("De bedrijven uit de regio")
    TextQuestion(other, cell).fill("De bedrijven uit de regio en het ROC")
    TextQuestion(page, cell).expect_value("De bedrijven uit de regio en het ROC")
    MenuMatrix(page, MENU).expect_column_shown("Bedrijvendagen")


def test_a_part_of_the_form_that_cannot_load_is_told_and_the_rest_still_saves(
    page: Page,
) -> None:
    """The partners' code arrives after the page: with the connection gone by then, the form
    would silently save nothing, its toolbar never shown."""
    page.route("**/parties.js", lambda route: route.abort("internetdisconnected"))
    page.goto(definitions.instrument_url("achtje"))
    expect(AnswerToolbar(page).warning).to_have_text(
        "Een deel van dit formulier kon niet worden geladen: de verbinding met de site is weg. "
        "Je antwoorden worden wel bewaard. Laad de pagina opnieuw zodra je weer verbinding hebt."
    )
    TextQuestion(page, f"Partner A, Bestuurlijk: {WHO}").fill("Het college van bestuur")
    stored = BrowserStorage(page).answer_file("achtje")
    assert stored["answers"]["achtje.partner-a.bestuurlijk.wie"] == "Het college van bestuur"


def test_blocked_storage_warns_and_the_page_keeps_working(
    page: Page, console_log: ConsoleLog
) -> None:
    """Where the browser blocks storage, a user would lose everything without being told, or
    could not even fill in or export the instrument."""
    page.add_init_script(BLOCKED_STORAGE)
    toolbar = open_reflectietool(page)
    toolbar.expect_warning("niet bewaard", "Exporteren")
    answer = TextQuestion(page, AMBITIE)
    answer.fill("Toch ingevuld")
    answer.expect_value("Toch ingevuld")
    ScaleQuestion(page, STATEMENT).choose("Helemaal eens")
    expect(toolbar.saved_line).to_have_text("Niet opgeslagen")
    exported = toolbar.export().data
    assert exported["answers"] == {
        "ambitie.uitgesproken": 5,
        "ambitie.toelichting": "Toch ingevuld",
    }
    console_log.expect_no_errors()


def test_full_storage_warns_and_the_page_keeps_working(page: Page, console_log: ConsoleLog) -> None:
    """With the browser's storage full, a user would lose answers without being told, or could
    not export them."""
    page.add_init_script(FULL_STORAGE)
    toolbar = open_reflectietool(page)
    answer = TextQuestion(page, AMBITIE)
    answer.fill("Geen plek meer")
    toolbar.expect_warning("vol", "niet bewaard", "Exporteren")
    answer.fill("Geen plek meer, en toch verder getypt")
    answer.expect_value("Geen plek meer, en toch verder getypt")
    expect(toolbar.saved_line).to_have_text("Niet opgeslagen")
    exported = toolbar.export().data
    assert exported["answers"] == {"ambitie.toelichting": "Geen plek meer, en toch verder getypt"}
    console_log.expect_no_errors()


CORRUPT = {
    "not-json": '{"format": "gereedschapskist-antwoorden", "answers": {"ambitie.toel',
    "an-array": '[{"ambitie.toelichting": "tekst"}]',
    "wrong-shape": json.dumps(
        {
            "format": "gereedschapskist-antwoorden",
            "version": 1,
            "instrument": {"id": REFLECTIE, "version": 1},
            "answers": [["ambitie.toelichting", "tekst"]],
        }
    ),
    "other-instrument": json.dumps(answer_files.answer_file("matrix", {"opgave.impact": "x"})),
}


@pytest.mark.parametrize("case", list(CORRUPT))
def test_corrupt_stored_answers_are_set_aside(
    page: Page, case: str, console_log: ConsoleLog
) -> None:
    """Damaged answers in the browser would crash the page, or be thrown away for good."""
    key = storage_key(REFLECTIE)
    storage = BrowserStorage(page)
    storage.seed({key: CORRUPT[case]})
    toolbar = open_reflectietool(page)
    toolbar.expect_warning("beschadigd", "apart bewaard")
    answer = TextQuestion(page, AMBITIE)
    answer.expect_empty()
    ScaleQuestion(page, STATEMENT).expect_nothing_chosen()
    backups = {k: v for k, v in storage.items().items() if k.startswith(f"{key}:beschadigd:")}
    assert len(backups) == 1, f"stored keys: {list(storage.items())}"
    backup_key, backup = next(iter(backups.items()))
    assert re.fullmatch(rf"{re.escape(key)}:beschadigd:\d+", backup_key), backup_key
    assert backup == CORRUPT[case], "the damaged answers were not kept as they were"

    answer.fill("Opnieuw begonnen")
    toolbar.expect_saved()
    assert storage.answer_file(REFLECTIE)["answers"] == {"ambitie.toelichting": "Opnieuw begonnen"}
    assert storage.read(backup_key) == CORRUPT[case], "the set-aside copy was lost on saving"
    console_log.expect_no_errors()


def test_answers_the_definition_no_longer_has_are_kept_and_exported(page: Page) -> None:
    """After an instrument changes, a user's answers to questions that are gone would be lost."""
    stored = answer_files.answer_file(
        REFLECTIE, {"oud.vraag": "tekst", "ambitie.toelichting": "Van vorig jaar"}
    )
    storage = BrowserStorage(page)
    storage.seed({storage_key(REFLECTIE): json.dumps(stored)})
    toolbar = open_reflectietool(page)
    answer = TextQuestion(page, AMBITIE)
    answer.expect_value("Van vorig jaar")
    answer.fill("Van dit jaar")
    toolbar.expect_saved()
    assert storage.answer_file(REFLECTIE)["answers"] == {
        "oud.vraag": "tekst",
        "ambitie.toelichting": "Van dit jaar",
    }
    exported = toolbar.export().data
    assert exported["answers"].get("oud.vraag") == "tekst", exported


def test_answers_that_no_longer_fit_their_question_are_kept(page: Page) -> None:
    """After a question changes kind (text became a scale), its old answer would vanish."""
    old = {"ambitie.uitgesproken": "We zijn het eens", "ambitie.prikkelend": 9}
    stored = answer_files.answer_file(REFLECTIE, {**old, "ambitie.toelichting": "Van vorig jaar"})
    storage = BrowserStorage(page)
    storage.seed({storage_key(REFLECTIE): json.dumps(stored)})
    open_reflectietool(page)
    answer = TextQuestion(page, AMBITIE)
    answer.expect_value("Van vorig jaar")
    answer.fill("Van dit jaar")
    kept = storage.answer_file(REFLECTIE)["answers"]
    assert {key: kept.get(key) for key in old} == old, kept


def test_first_save_asks_to_keep_storage_and_tips_export_once(page: Page) -> None:
    """Safari would clear a user's answers after a week unused, and nobody told them to export;
    or the tip would nag them on every visit."""
    page.add_init_script(RECORD_PERSIST)
    toolbar = open_reflectietool(page)
    tip = toolbar.message(re.compile("^Tip: .*Exporteer"))
    expect(tip, "no tip before anything is saved").to_have_count(0)
    TextQuestion(page, AMBITIE).fill("Eerste antwoord")
    toolbar.expect_saved()
    expect(tip).to_be_visible()
    assert page.evaluate("window.gkPersistAsked") == 1, "navigator.storage.persist() not asked"

    page.reload()
    TextQuestion(page, BELANGEN).fill("Tweede bezoek")
    toolbar.expect_saved()
    expect(tip, "the tip again on a later visit").to_have_count(0)


@pytest.mark.parametrize("instrument_id", definitions.instrument_ids())
def test_page_says_where_answers_are_kept_and_how_to_wipe_them(
    page: Page, instrument_id: str
) -> None:
    """A user on a shared computer would not know their answers stay behind, or how to wipe them."""
    page.goto(definitions.instrument_url(instrument_id))
    where = AnswerToolbar(page).where
    expect(where).to_be_visible()
    expect(where).to_contain_text("alleen in deze browser")
    expect(where).to_contain_text("gedeelde computer")
    expect(where).to_contain_text("Alles wissen")


def test_matrix_comes_back_with_its_chosen_and_own_activities(page: Page) -> None:
    """A user coming back to the matrix would miss a chosen or own activity, or its text."""
    page.goto(definitions.instrument_url("matrix"))
    menu = MenuMatrix(page, MENU)
    menu.choose("Evenementen")
    TextQuestion(page, "Evenementen: Wie dragen bij aan deze activiteiten?").fill("Docenten")
    menu.choose("Gezamenlijke activiteiten")
    hidden = TextQuestion(page, "Gezamenlijke activiteiten: Wie dragen bij aan deze activiteiten?")
    hidden.fill("Blijft bewaard")
    menu.unchoose("Gezamenlijke activiteiten")
    menu.add_own()
    menu.own_name(1).fill("Bedrijvendagen")
    TextQuestion(page, "Bedrijvendagen: Wie dragen bij aan deze activiteiten?").fill("Bedrijven")
    menu.add_own()  # left without a name
    AnswerToolbar(page).expect_saved()

    page.reload()
    menu.expect_chosen("Evenementen")
    menu.expect_column_shown("Evenementen")
    TextQuestion(page, "Evenementen: Wie dragen bij aan deze activiteiten?").expect_value(
        "Docenten"
    )
    menu.expect_no_column("Gezamenlijke activiteiten")
    hidden.expect_hidden()
    menu.expect_chosen("Bedrijvendagen")
    menu.expect_column_shown("Bedrijvendagen")
    menu.own_name(1).expect_value("Bedrijvendagen")
    TextQuestion(page, "Bedrijvendagen: Wie dragen bij aan deze activiteiten?").expect_value(
        "Bedrijven"
    )
    menu.expect_column_shown("Eigen activiteit 2")
    menu.choose("Gezamenlijke activiteiten")
    hidden.expect_value("Blijft bewaard")


def test_achtje_comes_back_with_its_added_partner(page: Page) -> None:
    """A user coming back to het 8-tje would miss a partner they added, its name or answers."""
    page.goto(definitions.instrument_url("achtje"))
    parties = Parties(page)
    parties.add()
    parties.rename("Partner C", "ROC Zeeland")
    TextQuestion(page, f"ROC Zeeland, Bestuurlijk: {WHO}").fill("Het college van bestuur")
    link = f"Partner B{DASH}ROC Zeeland, Management"
    TextQuestion(page, f"{link}: {WHERE}").fill("In het regio-overleg")
    AnswerToolbar(page).expect_saved()

    page.reload()
    parties.expect_party("ROC Zeeland")
    parties.name("Partner C").expect_value("ROC Zeeland")
    TextQuestion(page, f"ROC Zeeland, Bestuurlijk: {WHO}").expect_value("Het college van bestuur")
    TextQuestion(page, f"{link}: {WHERE}").expect_value("In het regio-overleg")
    diagram = PartiesDiagram(page)
    diagram.expect_filled("ROC Zeeland, Bestuurlijk")
    diagram.expect_filled(link)
    diagram.expect_empty("ROC Zeeland, Management")


@pytest.mark.parametrize("module", ["parties.js", "parties-ahead.js"])
def test_typing_before_stored_partners_are_back_loses_neither(page: Page, module: str) -> None:
    """The form restores a returning visitor's partners once the parties' code is there and has
    made them (parties-ahead.js): what they type meanwhile would replace the stored partners,
    or the restore would replace what they typed."""
    page.goto(definitions.instrument_url("achtje"))
    Parties(page).add()
    TextQuestion(page, f"Partner C, Bestuurlijk: {WHO}").fill("Het college van bestuur")
    TextQuestion(page, f"Partner A, Bestuurlijk: {WHO}").fill("Eerder opgeslagen")
    AnswerToolbar(page).expect_saved()
    held: list[Route] = []
    page.route(f"**/{module}", lambda route: held.append(route))
    with page.expect_request(f"**/{module}"):
        Page.reload(page)  # the plain reload: it does not wait for the code held back here
    TextQuestion(page, f"Partner A, Management: {WHO}").fill("Getypt voordat de pagina klaar was")
    held[0].continue_()
    page.unroute(f"**/{module}")
    page.wait_for_function(COMPONENTS_READY)

    def expect_both() -> None:
        Parties(page).expect_party("Partner C")
        TextQuestion(page, f"Partner C, Bestuurlijk: {WHO}").expect_value("Het college van bestuur")
        TextQuestion(page, f"Partner A, Bestuurlijk: {WHO}").expect_value("Eerder opgeslagen")
        TextQuestion(page, f"Partner A, Management: {WHO}").expect_value(
            "Getypt voordat de pagina klaar was"
        )

    expect_both()
    page.reload()  # and as stored
    expect_both()


def test_typed_markup_comes_back_as_text(
    page: Page, console_log: ConsoleLog, request_log: RequestLog
) -> None:
    """Markup a user types (or pastes) would run, or come back mangled, after a reload."""
    page.goto(definitions.instrument_url("achtje"))
    parties = Parties(page)
    parties.add()
    parties.rename("Partner C", HOSTILE)
    answer = TextQuestion(page, f"{HOSTILE}, Bestuurlijk: {WHO}")
    answer.fill("<script>window.__pwned=1</script>")
    AnswerToolbar(page).expect_saved()

    page.reload()
    parties.expect_party(HOSTILE)
    answer.expect_value("<script>window.__pwned=1</script>")
    assert executed_markup(page) is None, "typed markup ran"
    assert not [url for url in request_log.urls if url.endswith("/x")], "typed markup loaded"
    console_log.expect_no_errors()
