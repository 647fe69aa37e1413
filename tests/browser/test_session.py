"""The comparison view as a session: it stays in this tab through a reload and the site's
instant navigation until Sessie sluiten, it is saved whole as one file that Sessie openen brings
back, and hostile session files change nothing."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from playwright.sync_api import Page, expect

from . import answer_files, definitions, paper_geometry
from .comparison import (
    MEANS,
    REFLECTIE,
    RESPONDENTS,
    ComparisonView,
    label,
    payload,
    reflectie_files,
)
from .paper import PDF_DIR
from .paper_geometry import MM

SESSION_KEY = f"gereedschapskist:sessie:{REFLECTIE}"


def stored_keys(page: Page) -> dict[str, list[str]]:
    """The site's keys in this tab's sessionStorage and in localStorage."""
    keys: dict[str, list[str]] = page.evaluate(
        "() => ({ session: Object.keys(sessionStorage), local: Object.keys(localStorage) })"
    )
    return keys


def test_a_reload_and_the_site_menu_keep_the_session_until_it_is_closed(page: Page) -> None:
    """A facilitator who reloads, or looks up the guide halfway through, would lose every file
    and every renamed participant; or a closed session would linger in the tab."""
    view = ComparisonView(page)
    view.goto(REFLECTIE)
    view.open(reflectie_files())
    view.rename("cas.json", "Cas (docent)")
    names = ["Anna", "Vmbo De Brug", "Cas (docent)", "Deelnemer 2"]
    means = view.rows(view.table(MEANS))

    page.reload()
    view.expect_ready()
    assert view.names() == names
    assert view.rows(view.table(MEANS)) == means
    expect(view.status).to_contain_text("De sessie in dit tabblad is teruggezet.")

    # Through Material's instant navigation: away to the guide and back, in one document.
    page.evaluate("window.gkSameDocument = true")
    page.get_by_role("link", name="Handleiding voor begeleiders", exact=True).first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Handleiding")
    page.go_back()
    expect(view.open_button).to_be_visible()
    expect(view.name_fields).to_have_count(4)
    assert view.names() == names
    assert page.evaluate("window.gkSameDocument === true"), "instant navigation did not engage"

    stored = stored_keys(page)
    assert stored["session"] == [SESSION_KEY]
    assert not [k for k in stored["local"] if "sessie" in k], (
        "others' answers never go to localStorage"
    )

    page.once("dialog", lambda dialog: dialog.dismiss())
    view.close_button.click()
    assert view.names() == names, "Annuleren keeps the session"
    view.close_session()
    expect(view.name_fields).to_have_count(0)
    expect(view.close_button).to_be_hidden()
    expect(view.status).to_contain_text("De sessie is gesloten.")
    expect(view.open_button).to_be_focused()
    assert stored_keys(page)["session"] == []
    page.reload()
    view.expect_ready()
    expect(view.name_fields).to_have_count(0)


def test_a_new_tab_starts_with_its_own_empty_session(page: Page) -> None:
    """Someone opening the view in another tab would see the group's answers, or close them."""
    view = ComparisonView(page)
    view.goto(REFLECTIE)
    view.open(reflectie_files()[:2])
    other = ComparisonView(page.context.new_page())
    other.goto(REFLECTIE)
    expect(other.name_fields).to_have_count(0)
    assert view.names() == RESPONDENTS[:2]


def test_the_exported_session_opens_again_whole(page: Page, tmp_path: Path) -> None:
    """The group's session could not be kept in one file, or would come back with other names,
    other figures, or without a participant."""
    view = ComparisonView(page)
    view.goto(REFLECTIE)
    view.open(reflectie_files())
    view.rename("cas.json", "Cas (docent)")
    with page.expect_download() as download_info:
        view.export_button.click()
    download = download_info.value
    today = page.evaluate("new Date().toLocaleDateString('sv-SE')")
    assert download.suggested_filename == f"{REFLECTIE}-sessie-{today}.json"
    data = json.loads(Path(download.path()).read_text(encoding="utf-8"))
    answer_files.validate_session(data)
    assert data["format"] == "gereedschapskist-sessie"
    assert data["instrument"] == {"id": REFLECTIE, "version": 1}
    names = ["Anna", "Vmbo De Brug", "Cas (docent)", "Deelnemer 2"]
    assert [r["name"] for r in data["respondents"]] == names
    originals = [json.loads(f["buffer"]) for f in reflectie_files()]
    assert [r["file"] for r in data["respondents"]] == originals
    before = view.rows(view.table(MEANS))

    fresh = ComparisonView(page.context.new_page())
    fresh.goto(REFLECTIE)
    fresh.open_session(payload(download.suggested_filename, data))
    assert fresh.names() == names
    assert fresh.rows(fresh.table(MEANS)) == before
    expect(fresh.respondent("dirk-oud.json")).to_contain_text("versie 2")
    expect(fresh.status).to_contain_text("Sessie geopend")

    # Opened with the other files, a session adds its participants (each once).
    fresh.open([payload("sessie.json", data), *reflectie_files()[:1]])
    assert fresh.names() == names


def test_old_comparison_files_still_open_with_their_names(page: Page) -> None:
    """A comparison exported before sessions existed could no longer be opened."""
    data: dict[str, Any] = {
        "format": "gereedschapskist-vergelijking",
        "version": 1,
        "instrument": {"id": REFLECTIE, "version": 1},
        "saved": "2026-11-29T11:30:00Z",
        "respondents": [
            {"name": "Cas (docent)", "file": json.loads(reflectie_files()[2]["buffer"])},
            {"name": "", "file": json.loads(reflectie_files()[3]["buffer"])},
        ],
    }
    answer_files.validate_comparison(data)
    view = ComparisonView(page)
    view.goto(REFLECTIE)
    view.open([payload("groep.json", data)])
    assert view.names() == ["Cas (docent)", "Deelnemer 1"]


def test_a_bad_or_hostile_session_file_changes_nothing(page: Page) -> None:
    """A broken session file would empty the group's session, or half replace it, or run."""
    view = ComparisonView(page)
    view.goto(REFLECTIE)
    view.open(reflectie_files()[:2])
    session: dict[str, Any] = {
        "format": "gereedschapskist-sessie",
        "version": 1,
        "instrument": {"id": REFLECTIE, "version": 1},
        "respondents": [
            {
                "name": "<img src=x onerror=alert(1)>",
                "file": json.loads(reflectie_files()[2]["buffer"]),
            }
        ],
        "joint": None,
        "agreements": [{"wat": 5}],
    }
    cases = [
        (payload("afspraken.json", session), "De afspraken in deze sessie zijn niet leesbaar."),
        (
            payload("antwoorden.json", json.loads(reflectie_files()[0]["buffer"])),
            "Dit is geen sessiebestand van de Gereedschapskist.",
        ),
        (
            {"name": "kapot.json", "mimeType": "application/json", "buffer": b'{"format": '},
            "Dit bestand is geen antwoordbestand: het is geen leesbare JSON.",
        ),
    ]
    for file, reason in cases:
        with page.expect_file_chooser() as chooser:
            view.open_session_button.click()
        chooser.value.set_files([file])
        expect(view.refusals).to_have_text(
            f'"{file["name"]}" is niet geopend. {reason} De sessie is niet veranderd.'
        )
        assert view.names() == RESPONDENTS[:2]
    stored = json.loads(page.evaluate(f"sessionStorage.getItem({SESSION_KEY!r})"))
    assert [r["name"] for r in stored["respondents"]] == RESPONDENTS[:2]

    session["agreements"] = []
    view.open_session(payload("goed.json", session))
    assert view.refusal_texts() == []
    assert view.names() == ["<img src=x onerror=alert(1)>"]
    assert view.statement_row("Ambitie", label("ambitie.uitgesproken"))[1] == "3"


def test_agreements_are_written_taken_over_and_kept(page: Page) -> None:
    """What the group agreed would have nowhere to go, or be lost on a reload, or a
    participant's own agreement would have to be typed again."""
    own = answer_files.answer_file(
        REFLECTIE,
        {
            "afspraken.afspraken": ["a1"],
            "afspraken.afspraken.a1.wat": "Stage-uren afstemmen",
            "afspraken.afspraken.a1.wie": "Bram",
        },
        {"naam": "Bram"},
    )
    view = ComparisonView(page)
    view.goto(REFLECTIE)
    view.open([*reflectie_files()[:1], payload("bram.json", own)])
    button = page.get_by_role("button", name="Afspraken", exact=True)
    expect(button).to_have_attribute("aria-expanded", "false")
    button.click()
    expect(button).to_have_attribute("aria-expanded", "true")
    heading = page.get_by_role("heading", name="Afspraken van deze sessie", exact=True)
    expect(heading).to_be_focused()
    page.get_by_role("button", name="Afspraak toevoegen", exact=True).click()
    expect(page.get_by_role("textbox", name="Afspraak 1: Wat")).to_be_focused()
    page.keyboard.type("Rooster delen")
    page.get_by_role("textbox", name="Afspraak 1: Wie").fill("Anna")
    page.get_by_role("button", name="Overnemen: Stage-uren afstemmen", exact=True).click()
    expect(page.get_by_role("textbox", name="Afspraak 2: Wat")).to_have_value(
        "Stage-uren afstemmen"
    )
    expect(page.get_by_role("textbox", name="Afspraak 2: Wie")).to_have_value("Bram")
    page.get_by_role("textbox", name="Afspraak 2: Wanneer").fill("voor de zomer")

    page.reload()
    view.expect_ready()
    expect(page.get_by_role("textbox", name="Afspraak 1: Wat")).to_have_value("Rooster delen")
    expect(page.get_by_role("textbox", name="Afspraak 2: Wanneer")).to_have_value("voor de zomer")
    page.get_by_role("button", name="Afspraak 1 verwijderen", exact=True).click()
    expect(page.get_by_role("textbox", name="Afspraak 1: Wat")).to_have_value(
        "Stage-uren afstemmen"
    )
    expect(page.get_by_role("textbox", name="Afspraak 1: Wat")).to_be_focused()
    expect(page.get_by_role("textbox", name="Afspraak 2: Wat")).to_have_count(0)


def test_the_joint_version_is_written_together_and_taken_away(page: Page, tmp_path: Path) -> None:
    """The group could not write one version of its answers from everyone's, keep it with the
    session, or take it away as an ordinary answer file."""
    view = ComparisonView(page)
    view.goto(REFLECTIE)
    view.open(reflectie_files())
    page.get_by_role("button", name="Gezamenlijke versie", exact=True).click()
    expect(page.get_by_role("heading", name="Gezamenlijke versie", exact=True)).to_be_focused()
    statement = label("ambitie.uitgesproken")
    agreed = page.get_by_role("combobox", name=f"Samen: {statement}", exact=True)
    agreed.select_option("3")
    explain = page.get_by_role("textbox", name="Samen: Onderbouw en licht toe").first
    page.get_by_role(
        "button", name="Tekst van Anna toevoegen bij Onderbouw en licht toe"
    ).first.click()
    expect(explain).to_have_value("Anna's toelichting\nop twee regels")
    expect(explain).to_be_focused()
    page.keyboard.press("End")
    page.keyboard.type(" En samen: meer.")
    page.get_by_role("button", name="Afspraken", exact=True).click()
    page.get_by_role("button", name="Afspraak toevoegen", exact=True).click()
    page.keyboard.type("Rooster delen")

    page.reload()
    view.expect_ready()
    expect(agreed).to_have_value("3")
    expect(explain).to_have_value("Anna's toelichting\nop twee regels En samen: meer.")

    with page.expect_download() as download_info:
        page.get_by_role("button", name="Gezamenlijke versie exporteren").click()
    today = page.evaluate("new Date().toLocaleDateString('sv-SE')")
    assert download_info.value.suggested_filename == f"{REFLECTIE}-Gezamenlijk-{today}.json"
    data = json.loads(Path(download_info.value.path()).read_text(encoding="utf-8"))
    jsonschema.validate(data, answer_files.schema())
    assert data["respondent"] == {"naam": "Gezamenlijk"}
    assert data["answers"]["ambitie.uitgesproken"] == 3
    assert data["answers"]["ambitie.toelichting"].endswith("En samen: meer.")
    rows = data["answers"]["afspraken.afspraken"]
    assert [data["answers"][f"afspraken.afspraken.{row}.wat"] for row in rows] == ["Rooster delen"]

    # Taken over as this browser's own answers, the instrument page shows them.
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Overnemen als mijn antwoorden").click()
    expect(view.status).to_contain_text("De gezamenlijke versie staat nu als jouw antwoorden")
    page.goto(f"/tools/{REFLECTIE}/")
    group = page.get_by_role("group", name=statement, exact=True)
    expect(group.locator("input:checked")).to_have_value("3")
    expect(page.get_by_role("textbox", name="Naam of rol")).to_have_value("Gezamenlijk")
    expect(page.get_by_role("textbox", name="Afspraak 1: Wat spreken we af?")).to_have_value(
        "Rooster delen"
    )


_SCREEN = """(dialog) => {
  const stage = dialog.querySelector("h2").parentElement;
  const sizes = [...stage.querySelectorAll("*")]
    .filter((el) => [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim()))
    .map((el) => parseFloat(getComputedStyle(el).fontSize));
  const [right, bottom] = [innerWidth - 3, innerHeight - 3];
  const corners = [[2, 2], [right, 2], [2, bottom], [right, bottom]];
  return {
    title: dialog.querySelector("h2").textContent,
    smallest: Math.min(...sizes),
    covered: corners.every(([x, y]) => dialog.contains(document.elementFromPoint(x, y))),
    fits: stage.scrollHeight <= stage.clientHeight + 1,
  };
}"""


# Screens of figures (the reflectietool) and of a repeated part (the 8-tje) every run; the other
# two instruments' screens are made the same way, so in CI's `-m slow`.
@pytest.mark.parametrize(
    "instrument_id",
    [
        i if i in ("reflectietool", "achtje") else pytest.param(i, marks=pytest.mark.slow)
        for i in definitions.instrument_ids()
    ],
)
def test_presenting_shows_one_screen_at_a_time_in_large_type(
    page: Page, instrument_id: str
) -> None:
    """On a projector the view would be small type between menus and buttons, or a keyboard
    user could not move through it or leave it."""
    page.set_viewport_size({"width": 1280, "height": 720})
    instrument = definitions.instrument(instrument_id)
    full = answer_files.full_answers(instrument)
    files = [
        payload("een.json", answer_files.answer_file(instrument_id, full, {"naam": "Een"})),
        payload("twee.json", answer_files.answer_file(instrument_id, {}, {"naam": "Twee"})),
    ]
    view = ComparisonView(page)
    view.goto(instrument_id)
    view.open(files)
    present = page.get_by_role("button", name="Presenteren", exact=True)
    present.click()
    dialog = page.get_by_role("dialog", name="Presentatie")
    expect(dialog).to_be_visible()
    where = dialog.get_by_text(re.compile(r"^1 van \d+$"))
    expect(where).to_be_visible()
    total = int((where.text_content() or "").split()[-1])
    assert total >= 2
    titles = []
    for number in range(1, total + 1):
        expect(dialog.get_by_text(f"{number} van {total}", exact=True)).to_be_visible()
        screen = dialog.evaluate(_SCREEN)
        assert screen["smallest"] >= 24, screen
        assert screen["covered"], "nothing else on screen"
        titles.append(screen["title"])
        if not screen["fits"]:  # a long screen scrolls by keyboard
            page.keyboard.press("PageDown")
            page.wait_for_function(
                "() => document.querySelector('dialog h2').parentElement.scrollTop > 0"
            )
        page.keyboard.press("ArrowRight")
    expect(dialog.get_by_role("button", name="Volgende")).to_be_disabled()
    page.keyboard.press("Home")
    expect(dialog.get_by_text(f"1 van {total}", exact=True)).to_be_visible()
    dialog.get_by_role("button", name="Volgende").click()
    expect(dialog.get_by_text(f"2 van {total}", exact=True)).to_be_visible()
    page.keyboard.press("ArrowLeft")
    expect(dialog.get_by_text(f"1 van {total}", exact=True)).to_be_visible()
    page.keyboard.press("Escape")
    expect(dialog).to_have_count(0)
    expect(present).to_be_focused()
    sections = [s.title for s in instrument.sections]
    assert all(any(title.startswith(s) for s in sections) for title in titles), titles


def test_the_session_report_prints_on_a4_portrait_without_half_empty_pages(
    recording: Page,
) -> None:
    """The report came out as seven half-empty landscape pages, without what the group agreed;
    or it would show buttons, fields and the site's navigation."""
    page = recording
    view = ComparisonView(page)
    view.goto(REFLECTIE)
    view.open(reflectie_files())
    page.get_by_role("button", name="Gezamenlijke versie", exact=True).click()
    page.get_by_role("combobox", name=f"Samen: {label('ambitie.uitgesproken')}").select_option("3")
    page.get_by_role("textbox", name="Samen: Onderbouw en licht toe").first.fill(
        "Samen gezien: de ambitie is nog niet van iedereen."
    )
    page.get_by_role("button", name="Afspraken", exact=True).click()
    page.get_by_role("button", name="Afspraak toevoegen", exact=True).click()
    page.get_by_role("textbox", name="Afspraak 1: Wat").fill("Ambitie bespreken met de achterban")
    page.get_by_role("textbox", name="Afspraak 1: Wie").fill("Anna")
    page.get_by_role("button", name="Sessieverslag afdrukken", exact=True).click()
    page.wait_for_function("() => (window.gkPrinted || []).length > 0")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")  # as the print dialog does
    PDF_DIR.mkdir(parents=True, exist_ok=True)
    target = PDF_DIR / "sessieverslag-reflectietool.pdf"
    page.pdf(path=str(target), prefer_css_page_size=True)
    sheets = paper_geometry.read(target)

    for sheet in sheets:
        assert (round(sheet.width_mm), round(sheet.height_mm)) == (210, 297), sheet.number
    for sheet in sheets[:-1]:
        lowest = max(word.bottom for word in sheet.words if not word.text.startswith("Pagina"))
        assert lowest / MM > 0.8 * sheet.height_mm, f"page {sheet.number} is half empty"
    text = " ".join(sheet.text for sheet in sheets)
    today = page.evaluate(
        "new Date().toLocaleDateString('nl-NL', {day: 'numeric', month: 'long', year: 'numeric'})"
    )
    for fragment in [
        f"Sessieverslag van {today}",
        *RESPONDENTS,
        "Gespreksonderwerpen",
        "Gespreksonderwerpen bij Ambitie",
        "Gemiddelde 3,0 · spreiding 1 \N{EN DASH} 5 · 4 antwoorden",
        "Anna's toelichting op twee regels",
        "Gezamenlijke versie",
        f"{label('ambitie.uitgesproken')} Neutraal (3)",
        "Samen gezien: de ambitie is nog niet van iedereen.",
        "Afspraken van deze sessie",
        "Ambitie bespreken met de achterban Anna",
    ]:
        assert " ".join(fragment.split()) in text, fragment
    for control in ["Antwoordbestanden openen", "Weghalen", "Naam in", "Presenteren", "Zoeken"]:
        assert control not in text, f"the report shows {control!r}"


def test_the_joint_version_prints_as_the_instrument_prints(recording: Page) -> None:
    """The group's joint praatplaat would print as a form, or as a blank poster, or leave the
    facilitator's own answers on the poster instead of the group's."""
    page = recording
    praatplaat = definitions.instrument("praatplaat")
    first = definitions.questions(praatplaat)[0]
    files = [
        payload(
            f"{name}.json",
            answer_files.answer_file(
                "praatplaat", {first.key: f"Urgentie volgens {name}"}, {"naam": name}
            ),
        )
        for name in ("Anna", "Bram")
    ]
    own = answer_files.answer_file("praatplaat", {first.key: "Mijn eigen antwoord"})
    page.goto("/tools/praatplaat/")
    page.evaluate(
        "([key, text]) => localStorage.setItem(key, text)",
        [answer_files.storage_key("praatplaat"), json.dumps(own)],
    )
    view = ComparisonView(page)
    view.goto("praatplaat")
    view.open(files)
    page.get_by_role("button", name="Gezamenlijke versie", exact=True).click()
    page.get_by_role("button", name=f"Tekst van Anna toevoegen bij {first.label}").click()
    page.get_by_role("button", name=f"Tekst van Bram toevoegen bij {first.label}").click()
    page.get_by_role("button", name="Afspraken", exact=True).click()
    page.get_by_role("button", name="Afspraak toevoegen", exact=True).click()
    page.keyboard.type("Werkgroep oprichten")
    page.get_by_role("button", name="Gezamenlijke versie afdrukken").click()
    page.wait_for_function(
        "() => (window.gkPrinted || []).some((address) => address.includes('afdruk=gezamenlijk'))"
    )

    # What the hidden frame printed, printed here: the page it showed, in this tab.
    page.goto("/tools/praatplaat/?afdruk=gezamenlijk")
    target = PDF_DIR / "praatplaat-gezamenlijk.pdf"
    page.pdf(path=str(target), prefer_css_page_size=True)
    sheets = paper_geometry.read(target)
    assert len(sheets) == 1 and (round(sheets[0].width_mm), round(sheets[0].height_mm)) == (
        420,
        297,
    )
    text = sheets[0].text
    assert "Urgentie volgens Anna Urgentie volgens Bram" in text
    assert "Werkgroep oprichten" in text
    assert "Gezamenlijk" in text
    assert "Mijn eigen antwoord" not in text
    stored = page.evaluate(f"localStorage.getItem({answer_files.storage_key('praatplaat')!r})")
    assert json.loads(stored)["answers"] == own["answers"], "the print view saves nothing"


def test_a_whole_session_runs_by_keyboard(page: Page) -> None:
    """A facilitator without a mouse (or at a projector with a keyboard only) could not open
    the files, present, write the joint version and the agreements, or close the session."""
    view = ComparisonView(page)
    view.goto(REFLECTIE)
    view.open_button.focus()
    with page.expect_file_chooser() as chooser:
        page.keyboard.press("Enter")
    chooser.value.set_files(reflectie_files())
    expect(view.name_fields).to_have_count(4)

    present = page.get_by_role("button", name="Presenteren", exact=True)
    present.focus()
    page.keyboard.press("Enter")
    dialog = page.get_by_role("dialog", name="Presentatie")
    page.keyboard.press("ArrowRight")
    expect(dialog.get_by_role("heading", name="Belangen")).to_be_visible()
    page.keyboard.press("Escape")
    # Back on Presenteren, so Tab goes on to Gezamenlijke versie: pressed at once, before the
    # dialog's close event has run, which must not take the focus back.
    page.keyboard.press("Tab")
    expect(page.locator("dialog")).to_have_count(0)  # closed and gone: the page has the keys again
    expect(page.get_by_role("button", name="Gezamenlijke versie", exact=True)).to_be_focused()
    page.keyboard.press("Enter")
    heading = page.get_by_role("heading", name="Gezamenlijke versie", exact=True)
    expect(heading).to_be_focused()
    for _ in range(4):  # past the three buttons, to the first statement
        page.keyboard.press("Tab")
    statement = f"Samen: {label('ambitie.uitgesproken')}"
    expect(page.get_by_role("combobox", name=statement)).to_be_focused()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    expect(page.get_by_role("combobox", name=statement)).not_to_have_value("")

    agreements = page.get_by_role("button", name="Afspraken", exact=True)
    agreements.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Afspraken van deze sessie")).to_be_focused()
    page.keyboard.press("Tab")  # the intro is text: on to Afspraak toevoegen
    expect(page.get_by_role("button", name="Afspraak toevoegen")).to_be_focused()
    page.keyboard.press("Enter")
    page.keyboard.type("Rooster delen")
    page.keyboard.press("Tab")
    page.keyboard.type("Anna")

    page.reload()
    view.expect_ready()
    expect(page.get_by_role("textbox", name="Afspraak 1: Wie")).to_have_value("Anna")
    view.close_button.focus()
    page.once("dialog", lambda dialog: dialog.accept())
    page.keyboard.press("Enter")
    expect(view.name_fields).to_have_count(0)
    expect(view.open_button).to_be_focused()


def test_the_joint_8tje_takes_in_partners_only_a_participant_named(page: Page) -> None:
    """The group's 8-tje could only hold one participant's partners: a partner someone else
    named would be left out of the joint version."""
    anna = answer_files.answer_file(
        "achtje",
        {
            "achtje": ["p1", "p2"],
            "achtje.p1.naam": "ROC Zuid",
            "achtje.p2.naam": "Vmbo Noord",
            "achtje.p1.bestuurlijk.wie": "De bestuurder",
        },
        {"naam": "Anna"},
    )
    bram = answer_files.answer_file(
        "achtje",
        {
            "achtje": ["x", "y"],
            "achtje.x.naam": "roc zuid",
            "achtje.y.naam": "Bedrijf West",
            "achtje.y.management.wie": "HR-afdeling",
        },
        {"naam": "Bram"},
    )
    view = ComparisonView(page)
    view.goto("achtje")
    view.open([payload("anna.json", anna), payload("bram.json", bram)])
    page.get_by_role("button", name="Gezamenlijke versie", exact=True).click()
    page.get_by_role("combobox", name=re.compile("begin bij de antwoorden van")).select_option(
        label="Anna"
    )
    page.get_by_role("button", name=re.compile("^Beginnen")).click()
    who = page.get_by_role("textbox", name="Samen: ROC Zuid, Bestuurlijk: Wie is/zijn dit?")
    expect(who).to_have_value("De bestuurder")
    missing = page.get_by_role("list", name="Nog niet in de gezamenlijke versie")
    expect(missing.get_by_role("listitem")).to_have_count(1)
    missing.get_by_role("button", name="Toevoegen: Bedrijf West").click()
    expect(
        page.get_by_role("textbox", name="Samen: Bedrijf West, Management: Wie is/zijn dit?")
    ).to_have_value("HR-afdeling")
    expect(missing).to_have_count(0)

    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Overnemen als mijn antwoorden").click()
    page.goto("/tools/achtje/")
    expect(
        page.get_by_role("textbox", name="ROC Zuid, Bestuurlijk: Wie is/zijn dit?")
    ).to_have_value("De bestuurder")
    expect(
        page.get_by_role("textbox", name="Bedrijf West, Management: Wie is/zijn dit?")
    ).to_have_value("HR-afdeling")


def test_a_tab_that_cannot_keep_the_session_says_so_and_the_view_works(page: Page) -> None:
    """Where this tab's storage is full or blocked, the facilitator would believe the session
    survives a reload, or the view would stop working."""
    page.add_init_script(
        """{
          const setItem = Storage.prototype.setItem;
          Storage.prototype.setItem = function (key, value) {
            if (this === window.sessionStorage) throw new DOMException("vol", "QuotaExceededError");
            return setItem.call(this, key, value);
          };
        }"""
    )
    view = ComparisonView(page)
    view.goto(REFLECTIE)
    view.open(reflectie_files()[:2])
    assert view.names() == RESPONDENTS[:2]
    expect(view.refusals).to_contain_text(
        "Deze sessie kon niet in dit tabblad worden bewaard"
        " (de opslag van de browser is vol of geblokkeerd)."
    )
    expect(view.refusals).to_contain_text("kies Sessie exporteren om haar te bewaren.")
    with page.expect_download() as download_info:
        view.export_button.click()
    data = json.loads(Path(download_info.value.path()).read_text(encoding="utf-8"))
    assert [r["name"] for r in data["respondents"]] == RESPONDENTS[:2]
