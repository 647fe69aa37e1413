"""The maintainers' reference of every field type, repeat type and layout, made from the parts'
registry (each part brings its Dutch title, text and an example, which the tests validate
against the models) and the layouts below. A layout without an entry stops the build, so the
page cannot go stale.
"""

from __future__ import annotations

from typing import Any, get_args

import yaml

from ..definition.instrument import Instrument
from ..parts import FIELD_PARTS, REPEAT_PARTS

LAYOUT_TEXT: dict[str, tuple[str, str]] = {
    "poster": ("Poster", "De onderdelen staan als vlakken naast elkaar, zoals op een praatplaat."),
    "questionnaire": ("Vragenlijst", "De onderdelen staan onder elkaar, elk met zijn vragen."),
}


def layouts() -> list[str]:
    """Every layout the model allows."""
    return [str(name) for name in get_args(Instrument.model_fields["layout"].annotation)]


class MissingReference(Exception):
    """A layout the models define has no entry in the reference."""


def reference_page() -> str:
    """The reference page as Markdown."""
    missing = [layout for layout in layouts() if layout not in LAYOUT_TEXT]
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
    for part in FIELD_PARTS:
        lines += [f"### {part.title} (`{part.type}`)", "", part.text, "", block(part.example), ""]
    lines += ["## Herhaalde onderdelen (`repeat`)", ""]
    for part in REPEAT_PARTS:
        heading = f"### {part.title} (`{part.type}`)"
        lines += [heading, "", part.text, "", block({"repeat": part.example}), ""]
    lines += ["## Opmaak (`layout`)", ""]
    for name in layouts():
        title, text = LAYOUT_TEXT[name]
        lines += [f"### {title} (`{name}`)", "", text, "", block({"layout": name}), ""]
    return "\n".join(lines)
