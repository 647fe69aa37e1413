"""The feedback block under each instrument: kept in this browser apart from the answers, sent
only as an e-mail the visitor writes with their own mail program, cleared on request."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from . import answer_files, definitions
from .conftest import ConsoleLog
from .controls import (
    AnswerToolbar,
    BrowserStorage,
    FeedbackForm,
    InstrumentCard,
    InstrumentForm,
    SameDocument,
    TextQuestion,
    executed_markup,
)
from .own_answers import AMBITIE, REFLECTIE
from .served_site import FEEDBACK_EMAIL, SiteServer

FEEDBACK = {
    "behoefte": "Ja, een grote behoefte.\nVooral bij nieuwe partners.",
    "toepasbaarheid": "Bij de start van het schooljaar & in de stuurgroep (50% van de tijd?) #1",
    "tips": "Meer voorbeelden, a+b = c; één tip 😀",
}
HOSTILE = "<img src=x onerror=window.__pwned=1>"
BLOCKED_STORAGE = """
Object.defineProperty(window, "localStorage", {
  configurable: true,
  get() { throw new DOMException("The operation is insecure.", "SecurityError"); },
});
"""


def open_feedback(page: Page, instrument_id: str = REFLECTIE) -> FeedbackForm:
    page.goto(definitions.instrument_url(instrument_id))
    feedback = FeedbackForm(page)
    feedback.expect_shown()
    return feedback


def crlf(text: str) -> str:
    """Text as a mailto: body carries it: every line break as CR LF."""
    return text.replace("\n", "\r\n")


@pytest.mark.parametrize("instrument_id", definitions.instrument_ids())
def test_every_instrument_ends_in_the_feedback_questions(page: Page, instrument_id: str) -> None:
    """A visitor could not give feedback on this instrument, or would find it amid the form."""
    feedback = open_feedback(page, instrument_id)
    form = InstrumentForm(page, definitions.instrument(instrument_id))
    form_box, block_box = form.form.bounding_box(), feedback.block.bounding_box()
    assert form_box and block_box
    assert block_box["y"] >= form_box["y"] + form_box["height"], "the block is under the form"
    expect(feedback.send_link).to_be_visible()
    expect(feedback.clear_button).to_be_visible()


def test_feedback_code_loads_when_the_block_is_near_or_focus_moves(page: Page) -> None:
    """Every visitor would download the feedback block's code with the page, though most never
    scroll down to it; or one who scrolls or tabs towards it would find no boxes there."""
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    feedback = FeedbackForm(page)
    first_box = feedback.box(feedback.questions[0])
    for arrive in ("scroll", "tab"):
        fetched.clear()
        page.goto(definitions.instrument_url(REFLECTIE))
        page.wait_for_load_state("networkidle")
        viewport = page.viewport_size
        block = feedback.block.bounding_box()
        assert viewport and block and block["y"] > 2 * viewport["height"], "the block is far down"
        assert not [url for url in fetched if url.endswith("/feedback.js")], "loaded up front"
        expect(first_box).to_be_hidden()
        if arrive == "scroll":
            for _ in range(40):  # half a screen at a time, as a reader scrolls
                if first_box.is_visible():
                    break
                page.mouse.wheel(0, viewport["height"] / 2)
                page.wait_for_timeout(100)
            expect(first_box).to_be_visible()
            block_now = feedback.block.bounding_box()
            assert block_now and block_now["y"] > 0, "the boxes were there before the block"
        else:
            page.keyboard.press("Tab")
            expect(first_box).to_be_visible()
        assert [url for url in fetched if url.endswith("/feedback.js")]


def test_feedback_is_kept_across_a_reload(page: Page) -> None:
    """A visitor who reloads the page, or comes back later, would lose the feedback they wrote."""
    feedback = open_feedback(page)
    feedback.fill(FEEDBACK)
    assert BrowserStorage(page).feedback(REFLECTIE) == FEEDBACK
    page.reload()
    feedback.expect_shown()
    feedback.expect_answers(FEEDBACK)


def test_feedback_comes_back_after_instant_navigation(page: Page, site: SiteServer) -> None:
    """A visitor clicking through the site and back would find their feedback gone."""
    instrument = definitions.instrument(REFLECTIE)
    feedback = open_feedback(page)
    feedback.fill({"tips": "Voor het wegklikken"})
    page.goto("/tools/")
    same_document = SameDocument(page)
    InstrumentCard(page, instrument.title).link.click()
    expect(page).to_have_url(site.url(definitions.instrument_url(REFLECTIE)))
    feedback.expect_shown()
    feedback.expect_answers({"tips": "Voor het wegklikken"})
    feedback.fill({"behoefte": "Na het terugkomen"})
    expect(feedback.send_link).to_have_attribute("href", re.compile("terugkomen"))
    same_document.expect_kept()


def test_send_link_writes_the_mail_with_every_question_and_answer(page: Page) -> None:
    """The e-mail would go elsewhere, lack the instrument's name, or lose or garble what the
    visitor typed (line breaks, '&', '#', '%', '+', accents, emoji)."""
    instrument = definitions.instrument(REFLECTIE)
    feedback = open_feedback(page)
    blank = feedback.mail()
    assert blank.address == FEEDBACK_EMAIL
    assert blank.subject == f"Feedback op {instrument.title}"
    feedback.fill(FEEDBACK)

    mail = feedback.mail()
    assert mail.address == FEEDBACK_EMAIL
    assert mail.subject == f"Feedback op {instrument.title}"
    assert set(mail.fields) == {"subject", "body"}
    body = mail.body or ""
    for question in feedback.questions:
        assert question.question in body, f"the mail asks {question.topic!r}"
        assert crlf(FEEDBACK[question.id]) in body, f"the mail holds the answer on {question.id}"
    positions = [body.index(q.question) for q in feedback.questions]
    assert positions == sorted(positions), "the questions come in the order of the form"
    href = feedback.send_link.get_attribute("href") or ""
    assert "%0D%0A" in href and not re.search(r"(?<!%0D)%0A", href), "line breaks are CR LF"

    feedback.box(feedback.questions[2]).press_sequentially(" Nog iets.")
    assert (feedback.mail().body or "").count("Nog iets.") == 1, "the link follows the typing"


def test_without_javascript_the_link_opens_a_mail_with_the_subject(
    browser: Browser, site: SiteServer
) -> None:
    """Without JavaScript a visitor would find no way to send feedback, or boxes whose text
    would never reach the e-mail."""
    context = browser.new_context(base_url=site.origin, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(definitions.instrument_url(REFLECTIE))
        feedback = FeedbackForm(page)
        expect(feedback.block).to_be_visible()
        expect(feedback.send_link).to_be_visible()
        mail = feedback.mail()
        assert mail.address == FEEDBACK_EMAIL
        assert mail.fields == {"subject": f"Feedback op {definitions.instrument(REFLECTIE).title}"}
        expect(feedback.block.get_by_role("textbox")).to_have_count(0)
        expect(feedback.clear_button).to_have_count(0)
    finally:
        context.close()


def test_feedback_is_not_an_answer(page: Page, tmp_path: Path) -> None:
    """Feedback would end up in the answer file a visitor shares with partners, or count as
    answers: the page would ask before an import, or Alles wissen would wipe it unasked."""
    feedback = open_feedback(page)
    toolbar = AnswerToolbar(page)
    feedback.fill(FEEDBACK)
    expect(toolbar.saved_line, "typing feedback saves no answers").to_have_count(0)
    assert BrowserStorage(page).answer_file(REFLECTIE) is None

    exported = toolbar.export()
    assert exported.data["answers"] == {} and exported.data["respondent"] == {}
    for text in FEEDBACK.values():
        assert json.dumps(text)[1:-1] not in exported.text and text not in exported.text

    answers = {"ambitie.toelichting": "Uit het bestand"}
    path = answer_files.write(
        tmp_path / "antwoorden.json", answer_files.answer_file(REFLECTIE, answers)
    )
    toolbar.import_file(path)  # into a blank form: imported without asking
    toolbar.expect_imported()
    TextQuestion(page, AMBITIE).expect_value("Uit het bestand")
    assert toolbar.wipe(accept=True)
    TextQuestion(page, AMBITIE).expect_empty()
    feedback.expect_answers(FEEDBACK)
    assert BrowserStorage(page).feedback(REFLECTIE) == FEEDBACK


def test_clearing_feedback_asks_first_and_empties_it(page: Page) -> None:
    """A visitor on a shared computer could not remove their feedback, or would lose it with one
    slip of the mouse."""
    feedback = open_feedback(page)
    feedback.fill(FEEDBACK)
    asked = feedback.clear(accept=False)
    assert len(asked) == 1 and asked[0].startswith("confirm: "), asked
    feedback.expect_answers(FEEDBACK)

    assert feedback.clear(accept=True)
    feedback.expect_answers({})
    expect(feedback.status).to_have_text("Je feedback is gewist.")
    assert BrowserStorage(page).feedback(REFLECTIE) is None
    body = feedback.mail().body or ""
    assert not any(crlf(text) in body for text in FEEDBACK.values())
    page.reload()
    feedback.expect_shown()
    feedback.expect_answers({})


def test_stored_feedback_comes_back_as_text(page: Page) -> None:
    """Markup kept in storage (or pasted in) would run as HTML instead of showing as text."""
    key = f"gereedschapskist:feedback:{REFLECTIE}"
    BrowserStorage(page).seed({key: json.dumps({"tips": HOSTILE, "behoefte": 5})})
    feedback = open_feedback(page)
    feedback.expect_answers({"tips": HOSTILE})
    assert HOSTILE in (feedback.mail().body or "")
    assert executed_markup(page) is None


def test_unreadable_stored_feedback_starts_empty(page: Page, console_log: ConsoleLog) -> None:
    """Damaged feedback in storage would break the page, or stop new feedback from being kept."""
    BrowserStorage(page).seed({f"gereedschapskist:feedback:{REFLECTIE}": "{kapot"})
    feedback = open_feedback(page)
    feedback.expect_answers({})
    feedback.fill({"behoefte": "Opnieuw"})
    assert BrowserStorage(page).feedback(REFLECTIE) == {
        "behoefte": "Opnieuw",
        "toepasbaarheid": "",
        "tips": "",
    }
    console_log.expect_no_errors()


def test_blocked_storage_says_so_and_the_mail_still_works(
    page: Page, console_log: ConsoleLog
) -> None:
    """Where the browser blocks storage, the feedback block would break, or lose the text
    without saying so."""
    page.add_init_script(BLOCKED_STORAGE)
    feedback = open_feedback(page)
    expect(feedback.status).to_contain_text("niet bewaard")
    feedback.fill({"tips": "Toch verstuurd"})
    assert "Toch verstuurd" in (feedback.mail().body or "")
    console_log.expect_no_errors()


def test_feedback_typed_in_another_tab_is_not_undone(context: BrowserContext, page: Page) -> None:
    """With the instrument open twice, typing feedback in one tab would wipe what was typed in
    the other."""
    other = context.new_page()
    first, second = open_feedback(page), open_feedback(other)
    first.fill({"behoefte": "Uit het eerste tabblad"})
    second.expect_answers({"behoefte": "Uit het eerste tabblad"})
    second.fill({"tips": "Uit het tweede tabblad"})
    first.expect_answers({"behoefte": "Uit het eerste tabblad", "tips": "Uit het tweede tabblad"})
    assert BrowserStorage(page).feedback(REFLECTIE)["behoefte"] == "Uit het eerste tabblad"


def test_feedback_is_left_out_of_print(page: Page) -> None:
    """A printed instrument would end in a feedback form that has nothing to do with it."""
    feedback = open_feedback(page)
    feedback.fill(FEEDBACK)
    page.emulate_media(media="print")
    expect(feedback.block).to_be_hidden()
    expect(InstrumentForm(page, definitions.instrument(REFLECTIE)).form).to_be_visible()
