"""Render instruments into the pages and assets of the site, as plain files (no MkDocs needed)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import markdown as markdown_lib
from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from . import compare, feedback
from .model import Instrument
from .pdf import BLANK_QUERY, pdf_name
from .reference import REFERENCE_PATH, reference_page
from .repeat import BETWEEN, MIN_PARTIES, name_key
from .result import result_model

TOOLS_DIR = "tools"
OVERVIEW_TITLE = "Instrumenten"
ASSETS_DIR = "assets/gereedschapskist"
STYLESHEETS = (
    "gereedschapskist.css",
    "menu-matrix.css",
    "parties.css",
    "result.css",
    "feedback.css",
)
# The entry modules: the instrument's (it imports its parts) and the feedback block's.
SCRIPTS = ("gereedschapskist.js", "feedback.js")


def _markdown(text: str) -> Markup:
    """Markdown from a definition (the publisher's own text) as HTML."""
    return Markup(markdown_lib.markdown(text, output_format="html"))  # noqa: S704


def attribute_text(text: str) -> str:
    """Text escaped for an HTML attribute, for front matter that Material for MkDocs puts into
    an attribute as it is (the page's ``<meta name="description" content="…">``)."""
    return str(escape(text))


def dom_id(key: str) -> str:
    """The HTML id of an answer's control: ids never hold '_', so '__' keeps keys apart."""
    return "gk-" + key.replace(".", "__")


def environment() -> Environment:
    """The Jinja2 environment of the page templates: autoescaped, failing on undefined names."""
    env = Environment(
        loader=PackageLoader("generator", "templates"),
        autoescape=select_autoescape(["html", "md"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["markdown"] = _markdown
    env.filters["dom_id"] = dom_id
    env.filters["attribute_text"] = attribute_text
    env.globals.update(
        name_key=name_key,
        between=BETWEEN,
        min_parties=MIN_PARTIES,
        pdf_name=pdf_name,
        blank_query=BLANK_QUERY,
        feedback_title=feedback.TITLE,
        feedback_questions=feedback.QUESTIONS,
        mailto=feedback.mailto,
        result_model=result_model,
    )
    env.filters["feedback_subject"] = feedback.subject
    return env


def instrument_path(instrument: Instrument) -> str:
    """Where an instrument's page source goes; MkDocs serves it at /tools/<id>/."""
    return f"{TOOLS_DIR}/{instrument.id}.md"


def render_pages(
    instruments: list[Instrument], *, pdfs: bool = False, feedback_email: str | None = None
) -> dict[str, str]:
    """Every generated page, by its path below the docs folder: the overview, one per tool and
    its comparison view, and the maintainers' reference of the definition format.

    ``pdfs`` says whether ready PDFs will sit next to the pages (see ``pdf.Printer``); without
    them the download links point at the blank print view. With a ``feedback_email``, each tool
    page ends in a feedback block that can send to it (raises FeedbackAddressError if it is not
    an address).
    """
    address = feedback.feedback_address(feedback_email)
    env = environment()
    overview = env.get_template("overview.md")
    pages = {
        f"{TOOLS_DIR}/index.md": overview.render(
            instruments=instruments, title=OVERVIEW_TITLE, pdfs=pdfs
        )
    }
    template = env.get_template("instrument.md")
    comparison = env.get_template("compare.md")
    for instrument in instruments:
        pages[instrument_path(instrument)] = template.render(
            instrument=instrument, pdfs=pdfs, feedback_email=address
        )
        pages[compare.comparison_path(instrument)] = comparison.render(
            instrument=instrument, structure=compare.structure(instrument)
        )
    pages[REFERENCE_PATH] = reference_page()
    return {path: text.lstrip() for path, text in pages.items()}


def asset_files() -> dict[str, bytes]:
    """The client's JS and CSS, by their path below the site root."""
    folder = resources.files("generator") / "assets"
    return {
        f"{ASSETS_DIR}/{item.name}": item.read_bytes()
        for item in folder.iterdir()
        if item.is_file() and item.name.endswith((".js", ".css"))
    }


def write_site_sources(
    instruments: list[Instrument], out_dir: Path, *, feedback_email: str | None = None
) -> list[Path]:
    """Write the generated pages and assets into ``out_dir``; returns the files written."""
    pages = render_pages(instruments, feedback_email=feedback_email)
    files: dict[str, bytes] = {p: t.encode("utf-8") for p, t in pages.items()}
    files.update(asset_files())
    written = []
    for relative, content in sorted(files.items()):
        target = out_dir / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
        written.append(target)
    return written
