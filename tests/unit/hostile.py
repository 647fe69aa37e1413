"""Definitions whose text looks like markup, for the tests that it stays text (a plain module)."""

from __future__ import annotations

from pathlib import Path

import yaml
from page_html import Element
from unit_support import VALID

HARMLESS_TITLE = "Samen <vmbo> & mbo"
SCRIPT_TITLE = '<script>alert("titel")</script><img src=x onerror=alert("titel")> Zo'
HOSTILE_INTRO = (
    '<script>alert("intro")</script>\n\n'
    'Tekst met <img src=x onerror=alert("intro")> en <b>vet</b>, '
    '[een link](javascript:alert("intro")) en <a href="javascript:alert(1)">nog een</a>.\n\n'
    "<div onclick=\"alert('blok')\">Een blok</div>\n"
)


def write_hostile_definitions(folder: Path) -> dict[str, str]:
    """Write two definitions whose titles and intros hold markup into ``folder``; returns their
    titles by id."""
    base = yaml.safe_load((VALID / "minimaal.yml").read_text(encoding="utf-8"))
    titles = {"samen": HARMLESS_TITLE, "script": SCRIPT_TITLE}
    for instrument_id, title in titles.items():
        definition = {**base, "id": instrument_id, "title": title, "intro": HOSTILE_INTRO}
        definition["respondent"] = {**base["respondent"], "intro": HOSTILE_INTRO}
        definition["sections"] = [{**base["sections"][0], "intro": HOSTILE_INTRO}]
        text = yaml.safe_dump(definition, allow_unicode=True, sort_keys=False)
        (folder / f"{instrument_id}.yml").write_text(text, encoding="utf-8")
    return titles


def injected(root: Element) -> list[str]:
    """Everything in a parsed page that the hostile text would make run: a script that mentions
    alert, an event-handler attribute, a javascript: link that is not the theme's own."""
    found = []
    for element in root.iter():
        if element.tag == "script" and "alert" in element.text():
            found.append(f"script: {element.text()[:60]}")
        for name, value in element.attrs.items():
            if name.startswith("on"):
                found.append(f"<{element.tag} {name}>")
            if name in {"href", "src"} and "alert" in (value or ""):
                found.append(f"<{element.tag} {name}={value}>")
    return found
