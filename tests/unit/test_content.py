"""The real instruments say exactly what the source document says (CONTENT.md §3 and §6)."""

from __future__ import annotations

import pytest
from unit_support import TOOL_TEMPLATES

from generator.load import load_instrument
from generator.model import Instrument

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


@pytest.fixture(scope="module")
def praatplaat() -> Instrument:
    return load_instrument(TOOL_TEMPLATES / "praatplaat.yml")


@pytest.fixture(scope="module")
def reflectietool() -> Instrument:
    return load_instrument(TOOL_TEMPLATES / "reflectietool.yml")


def test_praatplaat_has_the_four_areas_with_their_questions(praatplaat: Instrument) -> None:
    """The praatplaat poster misses an area or a question, or words one differently."""
    found = {s.title: [f.label for f in s.fields] for s in praatplaat.sections}
    assert list(found) == list(PRAATPLAAT)
    assert found == PRAATPLAAT
    assert {f.type for s in praatplaat.sections for f in s.fields} == {"long_text"}


def test_praatplaat_is_an_a3_landscape_poster(praatplaat: Instrument) -> None:
    """The praatplaat no longer prints as one A3 landscape poster."""
    assert praatplaat.layout == "poster"
    assert (praatplaat.print.paper, praatplaat.print.orientation) == ("A3", "landscape")
    assert [c.number for c in praatplaat.challenges] == [1]


def test_reflectietool_has_the_five_aspects_with_all_statements(reflectietool: Instrument) -> None:
    """The reflection tool misses an aspect or one of its 21 statements, or rewords one."""
    statements = {
        s.title: [f.label for f in s.fields if f.type == "scale"] for s in reflectietool.sections
    }
    assert list(statements) == list(REFLECTIETOOL)
    assert statements == REFLECTIETOOL
    assert sum(len(labels) for labels in statements.values()) == 21


def test_reflectietool_ends_each_aspect_with_one_explanation(reflectietool: Instrument) -> None:
    """An aspect has no place for 'Onderbouw en licht toe', or has it in the wrong place."""
    for section in reflectietool.sections:
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


@pytest.mark.parametrize("file", ["praatplaat.yml", "reflectietool.yml"])
def test_instrument_asks_optional_name_and_organisation_first(file: str) -> None:
    """The 'who answers' fields are missing, renamed or reordered (and exports lose them)."""
    respondent = load_instrument(TOOL_TEMPLATES / file).respondent
    assert [(f.id, f.label) for f in respondent.fields] == [
        ("naam", "Naam of rol"),
        ("organisatie", "Organisatie"),
    ]
