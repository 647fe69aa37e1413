"""The real instruments say exactly what the source document says (CONTENT.md §3 to §6)."""

from __future__ import annotations

import pytest
from unit_support import TOOL_TEMPLATES

from generator.definition.instrument import Instrument, Section
from generator.definition.load import load_instrument
from generator.parts import Question
from generator.parts.actions import ActionsField
from generator.parts.menu import MenuRepeat
from generator.parts.parties import PartiesRepeat

# CONTENT.md §3, word for word.
PRAATPLAAT = {
    "Urgentie": [
        "Wat is de opgave?",
        "Welk probleem of uitdaging willen we aanpakken?",
        "Wat zijn de achterliggende oorzaken van de opgave?",
    ],
    "Ambitie": [
        "Wat is onze gemeenschappelijke ambitie?",
        "Wat is er straks veranderd voor de doelgroep?",
        "Welke impact willen we realiseren?",
    ],
    "Doelgroep": [
        "Voor wie doen wij het?",
        "Hoe definiëren we onze doelgroep?",
    ],
    "Belangen": [
        "Aan welke belangen van de partners in de samenwerking moeten we recht doen?",
        "Wat willen de partners halen en wat willen zij brengen?",
    ],
}

# CONTENT.md §6, word for word (with the OCR fixes it names: "creëert").
REFLECTIETOOL = {
    "Ambitie": [
        "We hebben expliciet met elkaar uitgesproken wat onze gezamenlijke ambitie is.",
        "Deze ambitie is zowel prikkelend en uitdagend als realistisch.",
        "We bespreken regelmatig de ambitie en bepalen of deze bijgesteld moet/kan worden.",
        "Onze achterban (bestuurders, docenten, leerlingen/studenten) kent en steunt deze ambitie.",
    ],
    "Belangen": [
        "We voeren een open gesprek over onze belangen.",
        "We tonen oprechte interesse in elkaars belangen.",
        "Wat we halen en brengen is voor elke partner voldoende in balans.",
        "Het samenwerkingsverband creëert meerwaarde voor onze doelgroep.",
    ],
    "Relatie": [
        "We besteden tijd en aandacht aan de kwaliteit van groepsprocessen.",
        "Het gedrag dat we tonen draagt bij aan het onderling vertrouwen.",
        "Eventuele conflicten worden constructief besproken.",
        "De wijze waarop we leiderschap hebben vormgegeven wordt geaccepteerd en gewaardeerd.",
    ],
    "Organisatie": [
        "De organisatievorm die we hebben gekozen staat in goede verhouding tot de gewenste "
        "ambitie.",
        "De organisatievorm draagt bij aan een duurzame samenwerking.",
        "Er is voldoende draagvlak bij onze achterban.",
        "Het mandaat is goed geregeld en er kan daadkrachtig worden besloten.",
    ],
    "Proces": [
        "De rolverdeling en processtappen in de samenwerking zijn helder en doordacht.",
        "We weten in welke fase van het proces we ons bevinden.",
        "Er is een goede balans tussen aandacht voor het proces en aandacht voor het resultaat.",
        "We evalueren onze samenwerking.",
        "We evalueren de voortgang op resultaten.",
    ],
}
EXPLAIN = "Onderbouw en licht toe"

# CONTENT.md §4, word for word (with the OCR fixes it names: "officiële", "oriëntatie").
MATRIX_OPENING = [
    "Welke impact willen wij maken en voor wie?",
    "Welke concrete doelen dragen hieraan bij?",
]
MENU_TITLE = "Menukaart activiteiten samenwerking vmbo-mbo"
MENU = [
    (
        "Gezamenlijk opzetten van doorlopende leerlijnen",
        "waarin diverse activiteiten terugkomen: gastlessen, keuzevakken, etc.",
    ),
    (
        "Gezamenlijk vormgeven van officiële doorlopende leerroutes",
        "met verbreding, verdieping en eventueel versnellingsmogelijkheden voor leerlingen",
    ),
    ("Gezamenlijk organiseren en aanbieden van keuzevakken", "mogelijk aansluitend op keuzedelen"),
    ("Gezamenlijk vormgeven van profielen / technische lessen", None),
    ("Evenementen", "bedrijvendagen, techniekfestival"),
    (
        "Gezamenlijke activiteiten",
        "promotie en oriëntatie van vmbo-leerlingen op het mbo, gastlessen, excursies",
    ),
]
MATRIX_ROWS = [
    "Wie dragen bij aan deze activiteiten?",
    "Wat vragen deze activiteiten qua inzet van mensen, middelen, organisatie, …?",
    "Hoe meten/merken we of deze activiteiten bijdragen aan de concrete doelen?",
    "Als we dit hebben gerealiseerd, wat is dan de volgende stap: 'the next level'?",
]

# CONTENT.md §5, word for word.
ACHTJE_PARTIES = ["Partner A", "Partner B"]
ACHTJE_LEVELS = ["Bestuurlijk", "Management", "Operationeel (professioneel)"]
ACHTJE_BOX = ["Wie is/zijn dit?", "Wat is hun rol in de samenwerking?"]
ACHTJE_LINK = ["Wat is hier nodig qua communicatie en samenwerking?", "Hoe/waar vindt dit plaats?"]
ACHTJE_FAILURES = [
    "ontbreken van bestuurlijke betrokkenheid",
    "spraakverwarring of onvoldoende betrokkenheid bij doorvertaling",
]
DASH = " \N{EN DASH} "  # between the two ends of a link (DESIGN.md §3)


@pytest.fixture(scope="module")
def praatplaat() -> Instrument:
    return load_instrument(TOOL_TEMPLATES / "praatplaat.yml")


@pytest.fixture(scope="module")
def reflectietool() -> Instrument:
    return load_instrument(TOOL_TEMPLATES / "reflectietool.yml")


@pytest.fixture(scope="module")
def matrix() -> Instrument:
    return load_instrument(TOOL_TEMPLATES / "matrix.yml")


@pytest.fixture(scope="module")
def achtje() -> Instrument:
    return load_instrument(TOOL_TEMPLATES / "achtje.yml")


# The section every instrument ends with: an addition to the source (issue 14), not in it.
AGREEMENTS = "afspraken"
AGREEMENT_COLUMNS = [
    ("wat", "Wat spreken we af?"),
    ("wie", "Wie doet het?"),
    ("wanneer", "Wanneer?"),
]


def from_source(instrument: Instrument) -> list[Section]:
    """The sections the source document has: all but the agreements at the end."""
    return [s for s in instrument.sections if s.id != AGREEMENTS]


def questions_from_source(instrument: Instrument) -> list[Question]:
    return [q for q in instrument.questions() if not q.key.startswith(f"{AGREEMENTS}.")]


def _only_repeated(instrument: Instrument, kind: type) -> Section:
    (section,) = [s for s in instrument.sections if s.repeat is not None]
    assert isinstance(section.repeat, kind)
    return section


def test_praatplaat_has_the_four_areas_with_their_questions(praatplaat: Instrument) -> None:
    """The praatplaat poster misses an area or a question, or words one differently."""
    found = {s.title: [f.label for f in s.fields] for s in from_source(praatplaat)}
    assert list(found) == list(PRAATPLAAT)
    assert found == PRAATPLAAT
    assert {f.type for s in from_source(praatplaat) for f in s.fields} == {"long_text"}


def test_praatplaat_is_an_a3_landscape_poster(praatplaat: Instrument) -> None:
    """The praatplaat no longer prints as one A3 landscape poster."""
    assert praatplaat.layout == "poster"
    assert (praatplaat.print.paper, praatplaat.print.orientation) == ("A3", "landscape")
    assert [c.number for c in praatplaat.challenges] == [1]


def test_reflectietool_has_the_five_aspects_with_all_statements(reflectietool: Instrument) -> None:
    """The reflection tool misses an aspect or one of its 21 statements, or rewords one."""
    statements = {
        s.title: [f.label for f in s.fields if f.type == "scale"]
        for s in from_source(reflectietool)
    }
    assert list(statements) == list(REFLECTIETOOL)
    assert statements == REFLECTIETOOL
    assert sum(len(labels) for labels in statements.values()) == 21


def test_reflectietool_ends_each_aspect_with_one_explanation(reflectietool: Instrument) -> None:
    """An aspect has no place for 'Onderbouw en licht toe', or has it in the wrong place."""
    for section in from_source(reflectietool):
        kinds = [(f.type, f.label) for f in section.fields]
        assert kinds[-1] == ("long_text", EXPLAIN), section.title
        assert [k for k in kinds if k[0] != "scale"] == [("long_text", EXPLAIN)], section.title


def test_reflectietool_statements_use_a_scale_with_dont_know(reflectietool: Instrument) -> None:
    """A statement cannot be answered with 'weet niet', or the scale differs per statement."""
    scale_ids = {f.scale for s in reflectietool.sections for f in s.fields if f.type == "scale"}
    assert len(scale_ids) == 1
    scale = reflectietool.scales_by_id[scale_ids.pop()]
    assert scale.dont_know
    assert len(scale.options) >= 2
    assert reflectietool.layout == "questionnaire"
    assert (reflectietool.print.paper, reflectietool.print.orientation) == ("A4", "portrait")


def test_matrix_opens_with_impact_and_goals_asked_once(matrix: Instrument) -> None:
    """The matrix no longer starts from impact and goals, or asks them per activity."""
    opening = [f.label for s, f in matrix.fields() if s.id != AGREEMENTS]
    assert opening == MATRIX_OPENING
    labels = [q.label for q in questions_from_source(matrix)]
    assert labels[: len(MATRIX_OPENING)] == MATRIX_OPENING, "asked first, without a place"
    assert all(labels.count(label) == 1 for label in MATRIX_OPENING)
    impact = next(f for _, f in matrix.fields() if f.label == MATRIX_OPENING[0])
    assert impact.help and "leerlingen, docenten, scholen, de regio" in impact.help


def test_matrix_menu_has_the_six_activities(matrix: Instrument) -> None:
    """The menukaart misses an activity, rewords one, or no longer allows an own activity."""
    section = _only_repeated(matrix, MenuRepeat)
    repeat = section.repeat
    assert isinstance(repeat, MenuRepeat)
    assert (section.id, section.title) == ("activiteiten", "Activiteiten")
    assert repeat.title == MENU_TITLE
    assert [(o.label, o.description) for o in repeat.options] == MENU
    assert repeat.own, "users can add an activity of their own"


def test_matrix_asks_the_rows_for_every_activity(matrix: Instrument) -> None:
    """A row of the matrix is missing or reworded, or a cell has another key than DESIGN.md's."""
    section = _only_repeated(matrix, MenuRepeat)
    assert isinstance(section.repeat, MenuRepeat)
    labels = [f.label for f in section.fields]
    assert [label for label in labels if label in MATRIX_ROWS] == MATRIX_ROWS
    (goals,) = [label for label in labels if label not in MATRIX_ROWS]
    assert "concrete doelen" in goals, "one row links the activity to the concrete goals"
    cells = [q for q in questions_from_source(matrix) if q.place is not None]
    assert [q.key for q in cells] == [
        f"activiteiten.{o.id}.{f.id}" for o in section.repeat.options for f in section.fields
    ]
    assert [q.label for q in cells[: len(labels)]] == [f"{MENU[0][0]}: {label}" for label in labels]
    assert [c.number for c in matrix.challenges] == [2]


def test_achtje_has_two_partners_on_three_levels(achtje: Instrument) -> None:
    """The 8 starts with other partners or levels, or a third partner cannot be added."""
    section = _only_repeated(achtje, PartiesRepeat)
    repeat = section.repeat
    assert isinstance(repeat, PartiesRepeat)
    assert repeat.party == "Partner"
    assert [p.name for p in repeat.parties] == ACHTJE_PARTIES
    assert repeat.max >= 6
    assert [level.label for level in repeat.levels] == ACHTJE_LEVELS
    assert [f.label for f in section.fields] == ACHTJE_BOX
    assert [f.label for f in repeat.link_fields] == ACHTJE_LINK
    assert [c.number for c in achtje.challenges] == [3, 4]


def test_achtje_intro_names_the_classic_failures(achtje: Instrument) -> None:
    """The two things that go wrong in practice (CONTENT.md §5) are no longer explained."""
    intro = achtje.intro.lower()
    for failure in ACHTJE_FAILURES:
        assert failure in intro
    assert "Common Eye" in achtje.intro, "the model's source is named"


def test_achtje_questions_name_their_box_or_link(achtje: Instrument) -> None:
    """A box or link question sounds like every other one to a screen reader user."""
    labels = [q.label for q in questions_from_source(achtje)]
    assert "Partner A, Bestuurlijk: Wie is/zijn dit?" in labels
    assert "Partner B, Operationeel (professioneel): Wat is hun rol in de samenwerking?" in labels
    assert (
        f"Partner A, Bestuurlijk{DASH}Management: "
        "Wat is hier nodig qua communicatie en samenwerking?" in labels
    )
    assert f"Partner A{DASH}Partner B, Bestuurlijk: Hoe/waar vindt dit plaats?" in labels
    boxes = len(ACHTJE_PARTIES) * len(ACHTJE_LEVELS) * len(ACHTJE_BOX)
    down = len(ACHTJE_PARTIES) * (len(ACHTJE_LEVELS) - 1) * len(ACHTJE_LINK)
    across = (len(ACHTJE_PARTIES) - 1) * len(ACHTJE_LEVELS) * len(ACHTJE_LINK)
    assert len(labels) == len(set(labels)) == boxes + down + across


@pytest.mark.parametrize(
    "file", ["praatplaat.yml", "matrix.yml", "achtje.yml", "reflectietool.yml"]
)
def test_instrument_asks_optional_name_and_organisation_first(file: str) -> None:
    """The 'who answers' fields are missing, renamed or reordered (and exports lose them)."""
    respondent = load_instrument(TOOL_TEMPLATES / file).respondent
    assert [(f.id, f.label) for f in respondent.fields] == [
        ("naam", "Naam of rol"),
        ("organisatie", "Organisatie"),
    ]


@pytest.mark.parametrize("name", ["praatplaat", "matrix", "achtje", "reflectietool"])
def test_every_instrument_ends_with_the_agreements(name: str) -> None:
    """A session should end with agreements (the source asks "Welke afspraken maken we met
    elkaar?"): every instrument's last section is an agreements list, and its about-text says
    the section is an addition to the source."""
    instrument = load_instrument(TOOL_TEMPLATES / f"{name}.yml")
    last = instrument.sections[-1]
    assert (last.id, last.title) == (AGREEMENTS, "Afspraken")
    (field,) = last.fields
    assert isinstance(field, ActionsField)
    assert field.label == "Welke afspraken maken we met elkaar?"
    assert field.item == "Afspraak"
    assert [(c.id, c.label) for c in field.columns] == AGREEMENT_COLUMNS
    assert "**Afspraken**, is een aanvulling op de oorspronkelijke gereedschapskist" in (
        instrument.intro
    )
