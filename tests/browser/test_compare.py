"""The comparison view: several answer files opened at once, their figures and conversation
topics exact, text answers side by side and lined up, bad files refused one by one, respondents
renamed and removed, the visitor's own answers added, and the combined file that opens again."""

from __future__ import annotations

import json
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from statistics import mean

import pytest
from playwright.sync_api import Page, Route, expect

from . import answer_files, definitions
from .answer_files import BAD_DIR, HOSTILE_DIR, storage_key
from .comparison import (
    DIFFER,
    LOWEST,
    MEANS,
    OLD_QUESTION,
    REFLECTIE,
    RESPONDENTS,
    SCORES,
    ComparisonView,
    file_payload,
    label,
    payload,
    reflectie_files,
)
from .conftest import ConsoleLog, RequestLog
from .controls import (
    AnswerToolbar,
    BrowserStorage,
    SameDocument,
    executed_markup,
    horizontal_overflow,
)
from .definitions import comparison_url
from .served_site import SiteServer


def dutch(value: float) -> str:
    """One decimal, rounded half up, with a decimal comma: as the site shows figures."""
    return str(Decimal(str(value)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)).replace(
        ".", ","
    )


DATE = "new Date().toLocaleDateString('nl-NL', {day: 'numeric', month: 'long', year: 'numeric'})"


def topic(key: str, aspect: str, average: str, low: int, high: int, count: int) -> str:
    """A topic as the view lists it: the statement | its aspect and figures."""
    figures = f"Gemiddelde {average} · spreiding {low} \N{EN DASH} {high} · {count} antwoorden"
    return f"{label(key)} | {aspect} · {figures}"


@pytest.fixture
def view(page: Page) -> ComparisonView:
    """The reflectietool's comparison view with the four files open."""
    comparison = ComparisonView(page)
    comparison.goto(REFLECTIE)
    comparison.open(reflectie_files())
    return comparison


def test_scale_figures_per_statement_are_exact(view: ComparisonView) -> None:
    """A facilitator would discuss the wrong mean or spread, or miss who answered what."""
    header = view.rows(view.statement_table("Ambitie"))[0]
    assert header == ["Stelling", *RESPONDENTS, "Gemiddelde", "Spreiding", "Antwoorden"]
    expected = {
        "ambitie.uitgesproken": ["5", "1", "3", "3", "3,0", "1 \N{EN DASH} 5", "4"],
        "ambitie.prikkelend": ["4", "2", "Weet niet", "4", "3,3", "2 \N{EN DASH} 4", "3"],
        "ambitie.achterban": ["3", "\N{EN DASH}", "4", "3", "3,3", "3 \N{EN DASH} 4", "3"],
        "belangen.balans": ["5", "1", "Weet niet", "\N{EN DASH}", "3,0", "1 \N{EN DASH} 5", "2"],
        "belangen.meerwaarde": [
            "Weet niet",
            "Weet niet",
            "2",
            "\N{EN DASH}",
            "2,0",
            "2 \N{EN DASH} 2",
            "1",
        ],
        "organisatie.organisatievorm": ["1", "4", "4", "4", "3,3", "1 \N{EN DASH} 4", "4"],
        "organisatie.mandaat": [
            "\N{EN DASH}",
            "\N{EN DASH}",
            "\N{EN DASH}",
            "\N{EN DASH}",
            "\N{EN DASH}",
            "\N{EN DASH}",
            "0",
        ],
        "proces.fase": ["3", "3", "3", "2", "2,8", "2 \N{EN DASH} 3", "4"],
    }
    titles = {s.id: s.title for s in definitions.instrument(REFLECTIE).sections}
    for key, cells in expected.items():
        aspect = titles[key.split(".")[0]]
        assert view.statement_row(aspect, label(key)) == [label(key), *cells], key


def test_conversation_topics_are_listed_in_their_exact_order(view: ComparisonView) -> None:
    """The group would talk first about what matters least: the largest differences first
    (ties in the order of the questionnaire, at most five), then the lowest means below the
    middle of the scale that are not listed yet; "weet niet" and single answers do not count."""
    assert view.topics(DIFFER) == [
        topic("ambitie.uitgesproken", "Ambitie", "3,0", 1, 5, 4),
        topic("belangen.balans", "Belangen", "3,0", 1, 5, 2),
        topic("belangen.open-gesprek", "Belangen", "2,0", 1, 4, 4),
        topic("organisatie.organisatievorm", "Organisatie", "3,3", 1, 4, 4),
        topic("ambitie.prikkelend", "Ambitie", "3,3", 2, 4, 3),
    ]
    assert view.topics(LOWEST) == [
        topic("belangen.interesse", "Belangen", "1,0", 1, 1, 4),
        topic("ambitie.bijstellen", "Ambitie", "2,0", 2, 2, 4),
        topic("relatie.groepsprocessen", "Relatie", "2,5", 2, 3, 4),
        topic("proces.rolverdeling", "Proces", "2,5", 2, 3, 4),
        topic("proces.fase", "Proces", "2,8", 2, 3, 4),
    ]
    rules = view.page.get_by_text("Het hoogste en het laagste antwoord liggen minstens 2 punten")
    expect(rules, "the rule is on the page").to_be_visible()
    expect(view.page.get_by_text("Het gemiddelde ligt onder 3 (Neutraal)")).to_be_visible()
    # Who answered what stands with each aspect (below), in the order of the view.
    assert view.topic_answers(DIFFER)[1] == []
    belangen = view.aspect("Belangen")
    assert view.topic_answers("Gespreksonderwerpen bij Belangen", belangen)[2] == [
        "Anna: 5",
        "Vmbo De Brug: 1",
        "Deelnemer 1: Weet niet",
        "Deelnemer 2: \N{EN DASH}",
    ]


def test_each_aspect_shows_its_figures_topics_and_explanations_together(
    view: ComparisonView,
) -> None:
    """A facilitator would scroll between an aspect's scores, its topics and the explanations
    for it, which stood at the very end of the page."""
    ambitie = view.aspect("Ambitie")
    expect(ambitie.get_by_role("table", name="Ambitie: antwoorden per stelling")).to_be_visible()
    assert view.topics("Gespreksonderwerpen bij Ambitie", ambitie) == [
        topic("ambitie.uitgesproken", "Hier verschillen jullie het meest", "3,0", 1, 5, 4),
        topic("ambitie.prikkelend", "Hier verschillen jullie het meest", "3,3", 2, 4, 3),
        topic("ambitie.bijstellen", "Hier scoren jullie het laagst", "2,0", 2, 2, 4),
    ]
    assert view.topic_answers("Gespreksonderwerpen bij Ambitie", ambitie)[0] == [
        "Anna: 5",
        "Vmbo De Brug: 1",
        "Deelnemer 1: 3",
        "Deelnemer 2: 3",
    ]
    explained = ambitie.get_by_role("group", name="Onderbouw en licht toe", exact=True)
    expect(explained).to_contain_text("Anna's toelichting")
    expect(view.aspect("Relatie")).not_to_contain_text("Anna's toelichting")
    expect(
        view.page.get_by_role("region", name="Antwoorden naast elkaar"),
        "no explanation is left for the end",
    ).not_to_contain_text("Anna's toelichting")


def test_aspect_means_per_respondent_in_a_chart_and_a_table(view: ComparisonView) -> None:
    """The radar chart's figures would be unreadable to a screen reader or on paper, or wrong."""
    instrument = definitions.instrument(REFLECTIE)
    rows = view.rows(view.table(MEANS))
    assert rows[0] == ["Aspect", *RESPONDENTS, "Alle deelnemers"]
    aspects = [s for s in instrument.sections if any(f.type == "scale" for f in s.fields)]
    for section, row in zip(aspects, rows[1:], strict=True):
        keys = [key for key in SCORES if key.startswith(f"{section.id}.")]
        scored = [
            [v for v in (SCORES[key][i] for key in keys) if isinstance(v, int)] for i in range(4)
        ]
        everyone = [v for values in scored for v in values]
        assert row == [section.title, *(dutch(mean(v)) for v in scored), dutch(mean(everyone))]
    chart = view.page.get_by_role("img", name=MEANS, exact=True)
    expect(chart).to_be_visible()
    legend = view.page.get_by_role("list", name="Legenda", exact=True).get_by_role("listitem")
    expect(legend).to_have_text(RESPONDENTS)


# Each series of the chart, and each key of its legend, as it looks: colour, dash and point shape.
_LOOKS = """(nodes) => nodes.map((node) => {
  const line = node.querySelector("polygon:not([data-gk-marker]), line");
  const point = node.querySelector("[data-gk-marker]");
  return [line.getAttribute("stroke"), line.getAttribute("stroke-dasharray"),
          point.dataset.gkMarker].join(" | ");
})"""


def test_every_respondent_in_the_chart_looks_different_and_as_in_the_legend(
    page: Page,
) -> None:
    """With a larger group, two respondents' lines would look the same, in colour and on a
    black-and-white print, and the legend could not tell them apart."""
    names = [f"Deelnemer {n}" for n in range(1, 13)]
    files = [
        payload(
            f"deelnemer-{n}.json",
            answer_files.answer_file(
                REFLECTIE,
                {key: 1 + (n + i) % 5 for i, key in enumerate(SCORES)},
                {"naam": name},
            ),
        )
        for n, name in enumerate(names)
    ]
    comparison = ComparisonView(page)
    comparison.goto(REFLECTIE)
    comparison.open(files)
    chart = page.get_by_role("img", name=MEANS, exact=True)
    series = chart.locator(".gk-radar__series").evaluate_all(_LOOKS)
    legend = page.get_by_role("list", name="Legenda", exact=True).get_by_role("listitem")
    expect(legend).to_have_text(names)
    assert len(set(series)) == len(names), series
    assert legend.evaluate_all(_LOOKS) == series


def test_names_come_from_the_file_and_other_versions_are_named(view: ComparisonView) -> None:
    """A facilitator could not tell whose answers are whose, or would compare a file of another
    version without knowing which of its answers are left out."""
    assert view.names() == RESPONDENTS
    old = view.respondent("dirk-oud.json")
    expect(old).to_contain_text(
        "Ingevuld met versie 2 van dit instrument; deze pagina heeft versie 1"
    )
    expect(old).to_contain_text(f"niet in deze versie): {OLD_QUESTION}")
    expect(view.respondent("anna.json")).to_have_count(1)
    expect(view.respondent("anna.json")).not_to_contain_text("versie")


def test_text_answers_of_the_reflectietool_stand_side_by_side(view: ComparisonView) -> None:
    """The explanations would not be next to each other, or not under their respondent."""
    assert view.answers("Ambitie", "Onderbouw en licht toe") == [
        ("Anna", "Anna's toelichting\nop twee regels"),
        ("Vmbo De Brug", "Niet ingevuld"),
        ("Deelnemer 1", "Niet ingevuld"),
        ("Deelnemer 2", "Niet ingevuld"),
    ]


def test_rename_shows_the_new_name_everywhere(view: ComparisonView) -> None:
    """A renamed respondent would keep their old name in a table, the legend or the answers."""
    page = view.page
    shown_before = page.get_by_text("Vmbo De Brug", exact=True).count()
    view.rename("bram.json", "Bram (vmbo)")
    expect(page.get_by_text("Vmbo De Brug", exact=True)).to_have_count(0)
    expect(page.get_by_text("Bram (vmbo)", exact=True)).to_have_count(shown_before)
    assert view.rows(view.statement_table("Proces"))[0][2] == "Bram (vmbo)"
    legend = page.get_by_role("list", name="Legenda", exact=True).get_by_role("listitem")
    expect(legend.nth(1)).to_have_text("Bram (vmbo)")
    assert view.answers("Ambitie", "Onderbouw en licht toe")[1] == ("Bram (vmbo)", "Niet ingevuld")
    view.name_field("bram.json").fill("  ")
    expect(page.get_by_text("Vmbo De Brug", exact=True)).to_have_count(shown_before)


def test_removing_a_respondent_recomputes_the_figures(view: ComparisonView) -> None:
    """Figures would still count a respondent the facilitator took out of the view."""
    view.remove("anna.json")
    assert view.names() == RESPONDENTS[1:]
    row = view.statement_row("Ambitie", label("ambitie.uitgesproken"))
    assert row == [label("ambitie.uitgesproken"), "1", "3", "3", "2,3", "1 \N{EN DASH} 3", "3"]
    assert not [t for t in view.topics(DIFFER) if label("belangen.balans") in t], "n=1 now"
    expect(view.remove_button("bram.json"), "focus stays in the list").to_be_focused()
    expect(view.status).to_contain_text("Anna is uit het overzicht gehaald. In dit overzicht: 3")


_RENAME_WHILE_DRAWN = """async ([gone, name]) => {
  // Take out a participant (the view is drawn anew), wait until the answers in words have begun
  // to show, and rename the first participant before the rest of them is there.
  const view = document.querySelector("[data-gk-view]");
  const buttons = [...document.querySelectorAll("[data-gk-remove]")];
  buttons.find((button) => button.textContent.includes(gone)).click();
  const groups = () => view.querySelectorAll(".gk-compare__texts .gk-compare__group").length;
  while (groups() === 0) await new Promise((frame) => requestAnimationFrame(frame));
  const shown = groups();
  const field = document.querySelector("[data-gk-rename]");
  field.value = name;
  field.dispatchEvent(new Event("input", { bubbles: true }));
  return shown;
}"""


def test_a_big_view_drawn_anew_keeps_the_focus_and_every_new_name(page: Page) -> None:
    """Twenty participants' view is drawn a few pieces a frame (issue 19): the focus would be
    lost after taking out someone low in the list, and a name changed while the view is still
    being drawn would stay old in the pieces that came after it."""
    activities = ["leerlijnen", "keuzevakken", "profielen", "evenementen"]
    files = [
        payload(
            f"school-{n}.json",
            answer_files.answer_file(
                "matrix",
                {
                    "activiteiten": activities,
                    **{f"activiteiten.{a}.wie": f"Team {a} van school {n}" for a in activities},
                },
                {"naam": f"School {n}"},
            ),
        )
        for n in range(1, 21)
    ]
    view = ComparisonView(page)
    view.goto("matrix")
    view.open(files)

    view.remove("school-15.json")
    expect(view.remove_button("school-16.json"), "focus stays in the list").to_be_focused()

    before = page.evaluate("window.gkRenders")
    shown = page.evaluate(_RENAME_WHILE_DRAWN, ["school-20.json", "Eerste school"])
    assert shown < len(activities), "renamed while some activities were still to show"
    page.wait_for_function("(n) => window.gkRenders > n", arg=before)
    expect(page.get_by_text("School 1", exact=True)).to_have_count(0)
    who = "Wie dragen bij aan deze activiteiten?"
    first = view.answers("Activiteiten", "Evenementen", who)[0]
    assert first == ("Eerste school", "Team evenementen van school 1")


def test_dropped_files_open_like_picked_ones(page: Page) -> None:
    """A facilitator dragging the files from the desktop would see nothing, or lose the page."""
    view = ComparisonView(page)
    view.goto(REFLECTIE)
    address = page.url
    view.drop(reflectie_files()[:2])
    assert view.names() == RESPONDENTS[:2]
    expect(page).to_have_url(address)
    view.drop(reflectie_files()[2:])
    assert view.names() == RESPONDENTS
    assert view.statement_row("Ambitie", label("ambitie.uitgesproken"))[5] == "3,0"


def test_same_names_are_kept_apart_and_a_file_opened_twice_counts_once(page: Page) -> None:
    """Two people with the same name would look like one respondent; one person's file opened
    twice (or exported twice and renamed) would count twice in every average."""
    view = ComparisonView(page)
    view.goto(REFLECTIE)
    first = answer_files.answer_file(REFLECTIE, {"ambitie.uitgesproken": 2}, {"naam": "Docent"})
    second = answer_files.answer_file(REFLECTIE, {"ambitie.uitgesproken": 4}, {"naam": "Docent"})
    second["saved"] = "2026-11-29T10:20:00Z"
    view.open([payload("a.json", first), payload("b.json", second)])
    assert view.names() == ["Docent", "Docent (2)"]
    view.open([payload("a (2).json", first), payload("c.json", second | {"answers": {}})])
    assert view.names() == ["Docent", "Docent (2)"]
    assert view.refusal_texts() == [
        '"a (2).json" is al geopend, als Docent. Het telt maar één keer mee.',
        '"c.json" is al geopend, als Docent (2). Het telt maar één keer mee.',
    ]
    expect(view.status).to_contain_text("0 bestanden geopend, 2 niet geopend")


def test_files_of_other_instruments_are_named_by_title_or_else_by_id(page: Page) -> None:
    """A facilitator who opened a wrong file would read an id ("praatplaat") instead of the
    instrument's name; an instrument this site does not have can only be named by its id."""
    view = ComparisonView(page)
    view.goto(REFLECTIE)
    praatplaat = answer_files.answer_file("praatplaat", {"urgentie.opgave": "x"})
    unknown = answer_files.answer_file(REFLECTIE, {}) | {
        "instrument": {"id": "vragenlijst", "version": 1}
    }
    view.open([payload("plaat.json", praatplaat), payload("vragen.json", unknown)])
    title = definitions.instrument("praatplaat").title
    assert view.refusal_texts() == [
        f'"plaat.json" is niet geopend. Dit antwoordbestand hoort bij een ander instrument '
        f"({title}), niet bij dit instrument.",
        '"vragen.json" is niet geopend. Dit antwoordbestand hoort bij een ander instrument '
        '("vragenlijst"), niet bij dit instrument.',
    ]


def test_praatplaat_answers_stand_side_by_side(page: Page) -> None:
    """Partners' urgentie, ambitie, doelgroep and belangen would not be next to each other."""
    instrument = definitions.instrument("praatplaat")
    # The questions of the source; the agreements are a list of rows (test_agreements.py).
    asked = [q for q in instrument.questions() if not q.key.startswith("afspraken.")]
    people = ["ROC Zadkine", "Vmbo De Brug", "Gemeente"]
    files = []
    for index, name in enumerate(people):
        answers = {q.key: f"{name} over {q.key}" for n, q in enumerate(asked) if n % 3 != index}
        files.append(
            payload(
                f"{index}.json",
                answer_files.answer_file("praatplaat", answers, {"organisatie": name}),
            )
        )
    view = ComparisonView(page)
    view.goto("praatplaat")
    view.open(files)
    for n, question in enumerate(asked):
        section = next(s for s in instrument.sections if question.key.startswith(f"{s.id}."))
        expected = [
            (name, "Niet ingevuld" if n % 3 == index else f"{name} over {question.key}")
            for index, name in enumerate(people)
        ]
        assert view.answers(section.title, question.field.label) == expected, question.key
    expect(page.get_by_role("table")).to_have_count(0)  # no figures without statements
    agreements = page.get_by_role("heading", name="Welke afspraken maken we met elkaar?")
    expect(agreements).to_be_visible()
    expect(page.get_by_text("Door niemand ingevuld.", exact=True)).to_be_visible()


def test_matrix_answers_stand_per_activity(page: Page) -> None:
    """Answers on the same activity would not line up: a menu option by its id, an own
    activity by its name, whatever id each file gave it."""
    who = "Wie dragen bij aan deze activiteiten?"
    first = {
        "activiteiten": ["evenementen", "eigen-abc123"],
        "activiteiten.evenementen.wie": "Docenten techniek",
        "activiteiten.eigen-abc123.naam": "Bedrijvendagen",
        "activiteiten.eigen-abc123.wie": "Bedrijven uit de regio",
        "activiteiten.keuzevakken.wie": "Niet gekozen, wel getypt",
    }
    second = {
        "activiteiten": ["evenementen", "keuzevakken", "eigen-xyz789"],
        "activiteiten.evenementen.wie": "Het mbo",
        "activiteiten.keuzevakken.wie": "Mentoren",
        "activiteiten.eigen-xyz789.naam": " bedrijvendagen ",
        "activiteiten.eigen-xyz789.wie": "Iedereen",
    }
    view = ComparisonView(page)
    view.goto("matrix")
    view.open(
        [
            payload("roc.json", answer_files.answer_file("matrix", first, {"naam": "ROC"})),
            payload("vmbo.json", answer_files.answer_file("matrix", second, {"naam": "Vmbo"})),
        ]
    )
    assert view.answers("Activiteiten", "Evenementen", who) == [
        ("ROC", "Docenten techniek"),
        ("Vmbo", "Het mbo"),
    ]
    assert view.answers(
        "Activiteiten", "Gezamenlijk organiseren en aanbieden van keuzevakken", who
    ) == [
        ("ROC", "Niet gekozen"),
        ("Vmbo", "Mentoren"),
    ]
    assert view.answers("Activiteiten", "Eigen activiteit: Bedrijvendagen", who) == [
        ("ROC", "Bedrijven uit de regio"),
        ("Vmbo", "Iedereen"),
    ]
    expect(page.get_by_text("Bij 1 van de 2 deelnemers.")).to_be_visible()
    expect(
        page.get_by_text("niet in deze versie"), "own columns are of this version"
    ).to_have_count(0)


def test_achtje_partners_line_up_by_name_not_by_id(page: Page) -> None:
    """The same partner under different ids in two files (partner-a in one, partner-b in the
    other) would appear as two partners, and their answers and links would not line up."""
    wie = "Wie is/zijn dit?"
    nodig = "Wat is hier nodig qua communicatie en samenwerking?"
    first = {
        "achtje": ["partner-a", "partner-b"],
        "achtje.partner-a.naam": "ROC Zadkine",
        "achtje.partner-b.naam": "Vmbo De Brug",
        "achtje.partner-a.bestuurlijk.wie": "Het college van bestuur",
        "achtje.partner-a.bestuurlijk--management.nodig": "Korte lijnen",
        "achtje.partner-a--partner-b.bestuurlijk.nodig": "Bestuurlijk overleg",
    }
    second = {
        "achtje": ["partner-a", "partner-b", "partner-x1"],
        "achtje.partner-a.naam": "vmbo de brug",
        "achtje.partner-b.naam": " ROC  Zadkine",
        "achtje.partner-x1.naam": "Gemeente",
        "achtje.partner-b.bestuurlijk.wie": "De bestuurder",
        "achtje.partner-a--partner-b.bestuurlijk.nodig": "Een vaste tafel",
        "achtje.partner-b--partner-x1.bestuurlijk.nodig": "Subsidie",
    }
    view = ComparisonView(page)
    view.goto("achtje")
    view.open(
        [
            payload("roc.json", answer_files.answer_file("achtje", first, {"naam": "Ria"})),
            payload("vmbo.json", answer_files.answer_file("achtje", second, {"naam": "Vic"})),
        ]
    )
    section = definitions.instrument("achtje").sections[0].title
    assert view.answers(section, "ROC Zadkine, Bestuurlijk", wie) == [
        ("Ria", "Het college van bestuur"),
        ("Vic", "De bestuurder"),
    ]
    down = "ROC Zadkine, Bestuurlijk \N{EN DASH} Management"
    assert view.answers(section, down, nodig) == [("Ria", "Korte lijnen"), ("Vic", "Niet ingevuld")]
    across = "ROC Zadkine \N{EN DASH} Vmbo De Brug, Bestuurlijk"
    assert view.answers(section, across, nodig) == [
        ("Ria", "Bestuurlijk overleg"),
        ("Vic", "Een vaste tafel"),
    ]
    other = "ROC Zadkine \N{EN DASH} Gemeente, Bestuurlijk"
    assert view.answers(section, other, nodig) == [
        ("Ria", "Geen verbinding tussen deze partners"),
        ("Vic", "Subsidie"),
    ]
    expect(page.get_by_role("group", name="Vmbo De Brug, Bestuurlijk", exact=True)).to_have_count(0)
    expect(page.get_by_text("Door niemand ingevuld:")).to_contain_text("Vmbo De Brug, Bestuurlijk;")
    expect(
        page.get_by_text("niet in deze versie"), "added partners are of this version"
    ).to_have_count(0)


def test_bad_files_are_refused_one_by_one_and_the_good_ones_show(
    page: Page, tmp_path: Path, console_log: ConsoleLog, request_log: RequestLog
) -> None:
    """One bad or hostile file among the group's would stop every file from showing, refuse
    without saying which file and why, or run the markup in it."""
    bad = answer_files.bad_files()
    messages = answer_files.bad_messages()
    huge = tmp_path / "huge-file.json"
    answers = {f"ambitie.vraag-{n}": "x" * 1000 for n in range(1100)}
    answer_files.write(huge, answer_files.answer_file(REFLECTIE, answers))
    hostile = HOSTILE_DIR / "reflectietool-markup-as-text.json"
    files = [reflectie_files()[0], *(file_payload(BAD_DIR / name) for name in bad)]
    files += [file_payload(hostile), file_payload(huge), reflectie_files()[1]]
    view = ComparisonView(page)
    view.goto(REFLECTIE)
    view.open(files)

    refusals = view.refusal_texts()
    assert len(refusals) == len(bad) + 1, "\n".join(refusals)
    for name, text in zip([*bad, "huge-file.json"], refusals, strict=True):
        assert text.startswith(f'"{name}" is niet geopend. '), text
        fragment = messages.get(
            name, "te groot voor een antwoordbestand" if name == "huge-file.json" else ""
        )
        assert fragment in text, f"{name}: {text}"
    hostile_name = json.loads(hostile.read_text(encoding="utf-8"))["respondent"]["naam"]
    assert view.names() == ["Anna", hostile_name, "Vmbo De Brug"]
    assert view.rows(view.statement_table("Ambitie"))[0][2] == hostile_name
    text = "<script>window.__pwned=1</script>"
    assert (hostile_name, text) in [
        (n, t) for n, t in view.answers("Ambitie", "Onderbouw en licht toe")
    ]
    expect(view.status).to_contain_text(f"{len(bad) + 1} niet geopend")
    assert executed_markup(page) is None, "markup in a file ran"
    assert not [url for url in request_log.urls if url.endswith("/x")], "markup in a file loaded"
    console_log.expect_no_errors()


def test_own_answers_in_this_browser_can_be_added(page: Page) -> None:
    """A facilitator who filled in the instrument on this computer could not add their own
    answers without exporting them first, or could add them twice."""
    view = ComparisonView(page)
    view.goto(REFLECTIE)
    expect(view.own_button, "nothing stored: nothing to add").to_be_hidden()
    own = answer_files.answer_file(
        REFLECTIE, {"ambitie.uitgesproken": 4}, {"naam": "Gespreksleider"}
    )
    BrowserStorage(page).seed({storage_key(REFLECTIE): json.dumps(own)})
    view.goto(REFLECTIE)
    view.open(reflectie_files()[:1])
    view.add_own()
    assert view.names() == ["Anna", "Gespreksleider"]
    expect(view.respondent("mijn antwoorden in deze browser")).to_contain_text("Uit deze browser")
    assert view.statement_row("Ambitie", label("ambitie.uitgesproken"))[1:4] == ["5", "4", "4,5"]
    expect(view.own_button, "added once").to_be_hidden()
    view.remove("mijn antwoorden in deze browser")
    expect(view.own_button, "and again once removed").to_be_visible()


def test_the_instrument_page_leads_to_the_view(
    page: Page, site: SiteServer, console_log: ConsoleLog
) -> None:
    """A facilitator on an instrument's page would not find the comparison, or it would not
    work after Material's instant navigation."""
    page.goto(definitions.instrument_url(REFLECTIE))
    expect(AnswerToolbar(page).export_button).to_be_visible()
    same = SameDocument(page)
    page.get_by_role("link", name="Antwoorden vergelijken", exact=True).click()
    expect(page).to_have_url(site.url(comparison_url(REFLECTIE)))
    view = ComparisonView(page)
    view.expect_ready()
    view.open(reflectie_files()[:2])
    assert view.names() == RESPONDENTS[:2]
    same.expect_kept()
    page.go_back()
    page.get_by_role("link", name="Antwoorden vergelijken", exact=True).click()
    view.expect_ready()
    expect(view.name_fields, "the session is still there").to_have_count(2)
    assert view.names() == RESPONDENTS[:2]
    console_log.expect_no_errors()


_STICKING_OUT = """() => [...document.querySelectorAll("gk-compare *")]
  .filter((el) => !el.closest(".gk-compare__scroll"))
  .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
  .map((el) => el.localName + "." + [...el.classList].join("."))
  .slice(0, 10)"""


def test_filled_comparison_does_not_scroll_sideways_on_a_phone(page: Page) -> None:
    """On a phone the page would scroll sideways with the tables: they scroll on their own."""
    page.set_viewport_size({"width": 360, "height": 740})
    view = ComparisonView(page)
    view.goto(REFLECTIE)
    view.open(reflectie_files())
    overflow = horizontal_overflow(page)
    assert overflow["scrollWidth"] <= overflow["clientWidth"], overflow
    # Parts off screen are laid out only once they near it, and hold what sticks out of them:
    # every element is measured, and only a table's own scrolling box may be wider.
    sticking_out = page.evaluate(_STICKING_OUT)
    assert not sticking_out, sticking_out


# Runs before the page's own scripts: as soon as the view shows its first part, with the others
# still to come one a frame, the browser says it prints; noted is how many parts are there then.
_PRINT_AT_ONCE = """
new MutationObserver(() => {
  const view = document.querySelector("[data-gk-view]");
  if (!view?.querySelector(":scope > section") || window.gkPartsOnPaper !== undefined) return;
  window.gkPartsBefore = view.querySelectorAll(":scope > section").length;
  window.dispatchEvent(new Event("beforeprint"));
  window.gkPartsOnPaper = view.querySelectorAll(":scope > section").length;
}).observe(document, { subtree: true, childList: true });
"""


def test_the_whole_view_is_there_when_it_prints_at_once(page: Page) -> None:
    """The view's parts show one a frame after opening files (a slow phone doesn't freeze):
    a print started before the last one shows must still have every part on paper."""
    page.add_init_script(_PRINT_AT_ONCE)
    view = ComparisonView(page)
    view.goto(REFLECTIE)
    view.open(reflectie_files())
    parts = page.locator("[data-gk-view] > section")
    assert page.evaluate("window.gkPartsBefore") < parts.count(), "the print came early"
    assert page.evaluate("window.gkPartsOnPaper") == parts.count() >= 4, "every part on paper"
    for part in parts.all():
        expect(part).to_be_visible()


def test_a_lost_connection_is_told_and_opening_works_again_once_it_is_back(page: Page) -> None:
    """The view's code arrives when files are first opened: without a connection by then the
    facilitator would be left with no view and no word why, or stuck until a reload."""
    comparison = ComparisonView(page)
    comparison.goto(REFLECTIE)
    tries: list[str] = []

    def offline(route: Route) -> None:
        tries.append(route.request.url)
        route.abort("internetdisconnected")

    page.route("**/comparison-view.js", offline)
    with page.expect_file_chooser() as chooser:
        comparison.open_button.click()
    chooser.value.set_files(reflectie_files())
    expect(comparison.refusals).to_have_text(
        "Het overzicht kon niet worden geladen: de verbinding met de site is weg. "
        "Probeer het opnieuw zodra je weer verbinding hebt."
    )
    expect(comparison.name_fields).to_have_count(0)
    asked = len(tries)
    for _ in range(3):  # moving the pointer about does not ask again and again
        page.mouse.move(0, 0)
        comparison.open_button.hover()
    page.wait_for_timeout(200)
    assert len(tries) == asked
    page.unroute("**/comparison-view.js")
    comparison.open(reflectie_files())
    expect(comparison.refusals).to_have_count(0)
    assert comparison.names() == RESPONDENTS
