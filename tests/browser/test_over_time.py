"""Ontwikkeling in de tijd: answer files from two moments (the reflectietool filled in again at
the end of the school year) show the group's means per aspect at each moment, in a chart and a
table, and the statements that changed most; a text instrument shows each moment's answers side
by side. A file can be moved to another moment, and the session keeps that."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import FilePayload, Page, expect

from . import answer_files, definitions
from .answer_files import DONT_KNOW
from .comparison import MEANS_OVER_TIME, REFLECTIE, ComparisonView, label, payload
from .test_accessibility import expect_no_axe_violations

PRAATPLAAT = "praatplaat"
NONE = "\N{EN DASH}"  # no figure
MINUS = "\N{MINUS SIGN}"
SEPTEMBER = "week van 14 september 2026"
JUNE = "week van 7 juni 2027"
# Wednesdays and Thursdays at noon (UTC): the same week in every time zone.
SAVED = {
    SEPTEMBER: ["2026-09-16T12:00:00Z", "2026-09-17T12:00:00Z", "2026-09-16T12:30:00Z"],
    JUNE: ["2027-06-09T12:00:00Z", "2027-06-10T12:00:00Z", "2027-06-09T12:30:00Z"],
}
PEOPLE = ["Anna", "Bram", "Cas"]
# Per moment, each person's answers (the same three people both times).
SCORES: dict[str, list[dict[str, Any]]] = {
    SEPTEMBER: [
        {
            "ambitie.uitgesproken": 2,
            "ambitie.prikkelend": 3,
            "ambitie.bijstellen": DONT_KNOW,
            "ambitie.achterban": 2,
            "belangen.open-gesprek": 4,
            "relatie.vertrouwen": 3,
            "proces.rolverdeling": 2,
            "proces.fase": 3,
        },
        {
            "ambitie.uitgesproken": 1,
            "ambitie.prikkelend": 2,
            "ambitie.bijstellen": 2,
            "belangen.open-gesprek": 4,
            "relatie.vertrouwen": 3,
            "proces.fase": 3,
        },
        {
            "ambitie.uitgesproken": 3,
            "ambitie.prikkelend": DONT_KNOW,
            "belangen.open-gesprek": DONT_KNOW,
            "relatie.vertrouwen": 3,
            "proces.fase": 3,
        },
    ],
    JUNE: [
        {
            "ambitie.uitgesproken": 4,
            "ambitie.prikkelend": 4,
            "ambitie.bijstellen": 3,
            "ambitie.achterban": 3,
            "belangen.open-gesprek": DONT_KNOW,
            "relatie.vertrouwen": 2,
            "proces.rolverdeling": 3,
            "proces.fase": 3,
        },
        {
            "ambitie.uitgesproken": 5,
            "ambitie.prikkelend": 3,
            "ambitie.bijstellen": 3,
            "relatie.vertrouwen": 2,
            "proces.fase": 3,
        },
        {"ambitie.uitgesproken": 4, "ambitie.prikkelend": 4, "relatie.vertrouwen": 1},
    ],
}
SEPTEMBER_GROUP = f"{SEPTEMBER}: 3 deelnemers (Anna, Bram, Cas)"
JUNE_GROUP = f"{JUNE}: 3 deelnemers (Anna (2), Bram (2), Cas (2))"
# The means per aspect, worked out by hand from SCORES (Weet niet left out).
MEANS = [
    ["Aspect", SEPTEMBER, JUNE],
    ["Ambitie", "2,1", "3,7"],  # 2+3+2 +1+2+2 +3 = 15/7; 4+4+3+3 +5+3+3 +4+4 = 33/9
    ["Belangen", "4,0", NONE],  # 4, 4; in June only Weet niet
    ["Relatie", "3,0", "1,7"],  # 3, 3, 3; 2+2+1 = 5/3
    ["Organisatie", NONE, NONE],
    ["Proces", "2,8", "3,0"],  # 2+3 +3 +3 = 11/4; 3+3 +3 = 9/3
]
# Cas's June file moved to September: his June answers count there.
MEANS_MOVED = [
    ["Aspect", SEPTEMBER, JUNE],
    ["Ambitie", "2,6", "3,6"],  # 15+4+4 = 23/9; 4+4+3+3 +5+3+3 = 25/7
    ["Belangen", "4,0", NONE],
    ["Relatie", "2,5", "2,0"],  # 3+3+3+1 = 10/4; 2+2 = 4/2
    ["Organisatie", NONE, NONE],
    ["Proces", "2,8", "3,0"],  # 11/4 (Cas gave no Proces score in June); 9/3
]


def files(instrument_id: str, answers: dict[str, list[dict[str, Any]]]) -> list[FilePayload]:
    """One file per person per moment, named after both: anna-1.json … cas-2.json."""
    made = []
    for number, (moment, people) in enumerate(answers.items(), start=1):
        for person, given, saved in zip(PEOPLE, people, SAVED[moment], strict=False):
            data = answer_files.answer_file(instrument_id, given, {"naam": person})
            data["saved"] = saved
            made.append(payload(f"{person.lower()}-{number}.json", data))
    return made


def statement(key: str, aspect: str, change: str) -> str:
    return f"{label(key)} | {aspect} · {change}"


def test_six_reflectietool_files_from_two_dates_show_both_moments(page: Page) -> None:
    """A group that filled in the reflectietool twice could not see whether it is getting
    better: the moments, their means per aspect, the chart or what changed most would be wrong
    or missing; or moving a file to the right moment would not count, be lost on a reload, or
    not work by keyboard."""
    view = ComparisonView(page)
    view.goto(REFLECTIE)
    reflecties = files(REFLECTIE, SCORES)
    view.open(reflecties[:3])
    expect(view.over_time, "one moment is no development").to_have_count(0)
    expect(view.moment_field("anna-1.json")).to_have_count(0)

    view.open(reflecties[3:])
    expect(view.over_time).to_be_visible()
    view.over_time.scroll_into_view_if_needed()  # laid out once near the screen, as users see it
    assert view.moments() == [SEPTEMBER_GROUP, JUNE_GROUP]
    assert view.rows(view.table(MEANS_OVER_TIME)) == MEANS
    assert view.chart_lines() == [
        ("Ambitie", 2),
        ("Belangen", 1),
        ("Relatie", 2),
        ("Organisatie", 0),
        ("Proces", 2),
    ]
    assert view.legend(view.over_time) == [
        "Ambitie",
        "Belangen",
        "Relatie",
        "Organisatie",
        "Proces",
    ]
    # Largest change first, up or down; a tie in the instrument's order; at most five (Proces's
    # rolverdeling, 2,0 → 3,0, is the sixth); fase did not change.
    assert view.changed_most() == [
        statement("ambitie.uitgesproken", "Ambitie", "2,0 → 4,3 (+2,3)"),
        statement("relatie.vertrouwen", "Relatie", f"3,0 → 1,7 ({MINUS}1,3)"),
        statement("ambitie.prikkelend", "Ambitie", "2,5 → 3,7 (+1,2)"),
        statement("ambitie.bijstellen", "Ambitie", "2,0 → 3,0 (+1,0)"),
        statement("ambitie.achterban", "Ambitie", "2,0 → 3,0 (+1,0)"),
    ]
    expect(view.respondent("cas-2.json")).to_contain_text("Opgeslagen op 9 juni 2027.")

    # On the projector: after the five aspects, the means from moment to moment, then what
    # changed most.
    page.get_by_role("button", name="Presenteren", exact=True).click()
    dialog = page.get_by_role("dialog", name="Presentatie")
    for _ in range(5):
        page.keyboard.press("ArrowRight")
    expect(dialog.get_by_role("heading", name="Ontwikkeling in de tijd")).to_be_visible()
    expect(dialog).to_contain_text(f"Gemiddelde per aspect, van de {SEPTEMBER} tot de {JUNE}")
    means = [f"{aspect}: {then} → {now}" for aspect, then, now in MEANS[1:]]  # not the head
    expect(dialog.get_by_role("listitem")).to_have_text(means)
    page.keyboard.press("ArrowRight")
    expect(dialog).to_contain_text("Wat het meest veranderde")
    expect(dialog.get_by_role("listitem").first).to_contain_text("Ambitie · 2,0 → 4,3 (+2,3)")
    page.keyboard.press("Escape")
    expect(dialog).to_have_count(0)

    # By keyboard: from Cas's June name to his moment, one week up the list.
    view.name_field("cas-2.json").focus()
    page.keyboard.press("Tab")
    field = view.moment_field("cas-2.json")
    expect(field).to_be_focused()
    view.press("ArrowUp")
    expect(field, "the choice keeps the focus when the view is drawn anew").to_be_focused()
    expect(view.status).to_have_text(f"Cas (2) hoort nu bij de {SEPTEMBER}.")
    moved = [
        f"{SEPTEMBER}: 4 deelnemers (Anna, Bram, Cas, Cas (2))",
        f"{JUNE}: 2 deelnemers (Anna (2), Bram (2))",
    ]
    assert view.moments() == moved
    assert view.rows(view.table(MEANS_OVER_TIME)) == MEANS_MOVED

    page.reload()
    view.expect_ready()
    assert view.moments() == moved
    assert view.rows(view.table(MEANS_OVER_TIME)) == MEANS_MOVED
    expect(view.moment_field("cas-2.json").locator("option:checked")).to_have_text(SEPTEMBER)
    expect_no_axe_violations(page)


def praatplaat_answers() -> dict[str, list[dict[str, Any]]]:
    return {
        SEPTEMBER: [
            {"urgentie.opgave": "Te veel uitval na de overstap."},
            {"urgentie.opgave": "Leerlingen kiezen laat."},
        ],
        JUNE: [
            {"urgentie.opgave": "Uitval is minder, kiezen nog steeds laat."},
            {
                "urgentie.opgave": "Doorlopende leerlijn techniek.",
                "ambitie.impact": "Meer diploma's.",
            },
        ],
    }


def praatplaat_label(key: str) -> str:
    return next(q.label for q in definitions.instrument(PRAATPLAAT).questions() if q.key == key)


def test_a_text_instrument_from_two_dates_shows_each_moments_answers_side_by_side(
    page: Page,
) -> None:
    """Partners who drew the praatplaat twice could not read what they said then next to what
    they say now, or would wade through questions nobody answered."""
    view = ComparisonView(page)
    view.goto(PRAATPLAAT)
    view.open(files(PRAATPLAAT, praatplaat_answers()))
    assert view.moments() == [
        f"{SEPTEMBER}: 2 deelnemers (Anna, Bram)",
        f"{JUNE}: 2 deelnemers (Anna (2), Bram (2))",
    ]
    opgave = ("Urgentie", praatplaat_label("urgentie.opgave"))
    within = view.over_time
    assert view.answers(*opgave, SEPTEMBER, within=within) == [
        ("Anna", "Te veel uitval na de overstap."),
        ("Bram", "Leerlingen kiezen laat."),
    ]
    assert view.answers(*opgave, JUNE, within=within) == [
        ("Anna (2)", "Uitval is minder, kiezen nog steeds laat."),
        ("Bram (2)", "Doorlopende leerlijn techniek."),
    ]
    impact = ("Ambitie", praatplaat_label("ambitie.impact"))
    assert view.answers(*impact, SEPTEMBER, within=within) == [
        ("Anna", "Niet ingevuld"),
        ("Bram", "Niet ingevuld"),
    ]
    assert view.answers(*impact, JUNE, within=within) == [
        ("Anna (2)", "Niet ingevuld"),
        ("Bram (2)", "Meer diploma's."),
    ]
    unanswered = praatplaat_label("urgentie.probleem")
    expect(within).to_contain_text(f"Door niemand ingevuld: {unanswered}; ")
    expect(within.get_by_role("group", name=unanswered)).to_have_count(0)
    expect(within.get_by_role("img")).to_have_count(0)


@pytest.mark.slow
def test_the_moments_go_into_the_session_file_and_back(page: Page, tmp_path: Path) -> None:
    """A session saved after moving a file would come back with the file in its old moment, or
    be a file the published schema refuses."""
    view = ComparisonView(page)
    view.goto(REFLECTIE)
    view.open(files(REFLECTIE, SCORES))
    view.move("cas-2.json", SEPTEMBER)
    with page.expect_download() as download_info:
        view.export_button.click()
    data = json.loads(Path(download_info.value.path()).read_text(encoding="utf-8"))
    answer_files.validate_session(data)
    assert [r.get("moment") for r in data["respondents"]] == [None] * 5 + ["2026-09-14"]

    fresh = ComparisonView(page.context.new_page())
    fresh.goto(REFLECTIE)
    fresh.open_session(payload("sessie.json", data))
    assert fresh.rows(fresh.table(MEANS_OVER_TIME)) == MEANS_MOVED

    # Back to its own week: the file's moment is its own again, and no longer in the session.
    fresh.move("cas-2.json", JUNE)
    assert fresh.rows(fresh.table(MEANS_OVER_TIME)) == MEANS
    stored = fresh.page.evaluate(
        f"() => sessionStorage.getItem('gereedschapskist:sessie:{REFLECTIE}')"
    )
    assert all("moment" not in r for r in json.loads(stored)["respondents"])


@pytest.mark.slow
def test_a_text_instrument_over_time_has_no_axe_violations(page: Page) -> None:
    """Users of screen readers or keyboards would meet barriers in the answers per moment."""
    view = ComparisonView(page)
    view.goto(PRAATPLAAT)
    view.open(files(PRAATPLAAT, praatplaat_answers()))
    expect(view.over_time).to_be_visible()
    view.over_time.scroll_into_view_if_needed()  # laid out once near the screen, as users see it
    expect_no_axe_violations(page)
