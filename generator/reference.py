"""The maintainers' reference of every field type, repeat type and layout, made from the models.

Each type the models define needs an entry here (Dutch text and an example, which the tests
validate against the models); a type without one stops the build, so the page cannot go stale.
"""

from __future__ import annotations

from typing import Any, get_args

import yaml

from .fields import FIELD_TYPES
from .model import Instrument
from .repeat import REPEAT_TYPES

REFERENCE_PATH = "voor-beheerders/referentie.md"

FIELD_TEXT: dict[str, tuple[str, str, dict[str, Any]]] = {
    "long_text": (
        "Lange tekst",
        "Een antwoord van meerdere regels. `rows` zegt hoeveel regels het vak laat zien.",
        {"id": "oorzaken", "type": "long_text", "label": "Wat zijn de oorzaken?", "rows": 4},
    ),
    "short_text": (
        "Korte tekst",
        "Een antwoord van één regel, zoals een naam.",
        {"id": "trekker", "type": "short_text", "label": "Wie is de trekker?"},
    ),
    "scale": (
        "Schaal",
        "Een stelling met een keuze op een schaal (rondjes). De schaal staat één keer onder "
        "`scales` en de stelling noemt haar `id`; `dont_know` voegt 'Weet niet' toe. De "
        "waarde (`value`) van elke keuze is een heel getal vanaf 0.",
        {
            "id": "uitgesproken",
            "type": "scale",
            "scale": "eens-oneens",
            "label": "We hebben onze ambitie uitgesproken.",
        },
    ),
    "choice": (
        "Keuze",
        "Een vraag met vaste antwoorden: één keuze (rondjes), of meer met `multiple: true` "
        "(vinkjes).",
        {
            "id": "niveau",
            "type": "choice",
            "label": "Op welk niveau werk je?",
            "multiple": False,
            "options": [
                {"id": "bestuurlijk", "label": "Bestuurlijk"},
                {"id": "operationeel", "label": "Operationeel"},
            ],
        },
    ),
}

REPEAT_TEXT: dict[str, tuple[str, str, dict[str, Any]]] = {
    "menu": (
        "Matrix met menukaart",
        "De vragen van het onderdeel komen terug in een kolom per gekozen optie van het menu. "
        "Met `own` kan de gebruiker eigen opties toevoegen en een naam geven.",
        {
            "type": "menu",
            "title": "Menukaart",
            "own": "Eigen activiteit",
            "options": [
                {
                    "id": "evenementen",
                    "label": "Evenementen",
                    "description": "bedrijvendagen, techniekfestival",
                }
            ],
        },
    ),
    "parties": (
        "Partijen op niveaus (het 8-tje)",
        "De vragen van het onderdeel komen terug per partij en niveau; `link_fields` zijn de "
        "vragen bij elke verbinding, omlaag tussen niveaus en opzij naar de buurpartij. De "
        "gebruiker kan partijen toevoegen tot `max`.",
        {
            "type": "parties",
            "party": "Partner",
            "max": 6,
            "parties": [
                {"id": "partner-a", "name": "Partner A"},
                {"id": "partner-b", "name": "Partner B"},
            ],
            "levels": [
                {"id": "bestuurlijk", "label": "Bestuurlijk"},
                {"id": "operationeel", "label": "Operationeel"},
            ],
            "link_fields": [{"id": "nodig", "type": "long_text", "label": "Wat is hier nodig?"}],
        },
    ),
}

LAYOUT_TEXT: dict[str, tuple[str, str]] = {
    "poster": ("Poster", "De onderdelen staan als vlakken naast elkaar, zoals op een praatplaat."),
    "questionnaire": ("Vragenlijst", "De onderdelen staan onder elkaar, elk met zijn vragen."),
}


def _type_name(model: Any) -> str:
    return str(get_args(model.model_fields["type"].annotation)[0])


def layouts() -> list[str]:
    """Every layout the model allows."""
    return [str(name) for name in get_args(Instrument.model_fields["layout"].annotation)]


class MissingReference(Exception):
    """A type the models define has no entry in the reference."""


def reference_page() -> str:
    """The reference page as Markdown."""
    fields, repeats = [_type_name(m) for m in FIELD_TYPES], [_type_name(m) for m in REPEAT_TYPES]
    missing = (
        [f for f in fields if f not in FIELD_TEXT]
        + [r for r in repeats if r not in REPEAT_TEXT]
        + [layout for layout in layouts() if layout not in LAYOUT_TEXT]
    )
    if missing:
        raise MissingReference(
            f"no reference text for: {', '.join(missing)} (add it in reference.py)"
        )

    def block(example: dict[str, Any]) -> str:
        return "```yaml\n" + yaml.safe_dump(example, allow_unicode=True, sort_keys=False) + "```"

    lines = [
        "---",
        "title: Referentie van de definities",
        "---",
        "",
        "# Referentie van de definities",
        "",
        "Alle soorten velden, herhalingen en opmaak die een definitie in `tool_templates/` kan "
        "gebruiken, elk met een voorbeeld. Deze pagina wordt gemaakt uit de generator zelf en is "
        "dus altijd bij.",
        "",
        "## Soorten velden",
        "",
    ]
    for name in fields:
        title, text, example = FIELD_TEXT[name]
        lines += [f"### {title} (`{name}`)", "", text, "", block(example), ""]
    lines += ["## Herhaalde onderdelen (`repeat`)", ""]
    for name in repeats:
        title, text, example = REPEAT_TEXT[name]
        lines += [f"### {title} (`{name}`)", "", text, "", block({"repeat": example}), ""]
    lines += ["## Opmaak (`layout`)", ""]
    for name in layouts():
        title, text = LAYOUT_TEXT[name]
        lines += [f"### {title} (`{name}`)", "", text, "", block({"layout": name}), ""]
    return "\n".join(lines)
