"""The comparison view as a session: it stays in this tab through a reload and the site's
instant navigation until Sessie sluiten, it is saved whole as one file that Sessie openen brings
back, and hostile session files change nothing."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from playwright.sync_api import Page, expect

from . import answer_files
from .comparison import (
    MEANS,
    REFLECTIE,
    RESPONDENTS,
    ComparisonView,
    label,
    payload,
    reflectie_files,
)

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
