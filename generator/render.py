"""Render instruments into the pages and assets of the site, as plain files (no MkDocs needed)."""

from __future__ import annotations

import hashlib
from importlib import resources
from pathlib import PurePosixPath
from typing import Any

import rcssmin
from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from . import compare, feedback
from .fields import DONT_KNOW
from .markup import markdown_html
from .minify import minify_js
from .model import Instrument
from .pdf import BLANK_QUERY, pdf_name
from .reference import REFERENCE_PATH, reference_page
from .repeat import BETWEEN, MIN_PARTIES, MenuRepeat, PartiesRepeat, name_key
from .result import result_model

TOOLS_DIR = "tools"
OVERVIEW_TITLE = "Instrumenten"
ASSETS_DIR = "assets/gereedschapskist"
# On every page: only the small loader, which fetches a component's script where it is. Each
# generated page links one stylesheet made for it (see ``style_bundle``); the hand-written pages
# need none of ours. So a page carries only what it shows.
SCRIPTS = ("gereedschapskist.js",)
BASE_STYLES = "gereedschapskist.css"


def _markdown(text: str) -> Markup:
    """Markdown from a definition as HTML: raw HTML shown as text, the rest sanitised."""
    return Markup(markdown_html(text))  # noqa: S704


def theme_text(text: str) -> str:
    """Text escaped for front matter that Material for MkDocs writes into the page as it is:
    the title into ``<title>``, the header and the menu, the description into an attribute."""
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
    env.filters["theme_text"] = theme_text
    env.globals.update(
        name_key=name_key,
        dont_know_value=DONT_KNOW,
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
    its comparison view, and the maintainers' reference of the definition format; and the one
    stylesheet each of them links (below ``ASSETS_DIR``).

    ``pdfs`` says whether ready PDFs will sit next to the pages (see ``pdf.Printer``); without
    them the download links point at the blank print view. With a ``feedback_email``, each tool
    page ends in a feedback block that can send to it (raises FeedbackAddressError if it is not
    an address).
    """
    address = feedback.feedback_address(feedback_email)
    env = environment()
    files: dict[str, str] = {}
    bundles: dict[tuple[str, ...], tuple[str, str]] = {}  # most pages share a stylesheet

    def render(template: str, path: str, styles: list[str], **context: Any) -> None:
        if tuple(styles) not in bundles:
            bundles[tuple(styles)] = style_bundle(styles)
        bundle, css = bundles[tuple(styles)]
        files[bundle] = css
        link = f"{assets_url(path)}/{PurePosixPath(bundle).name}"
        files[path] = env.get_template(template).render(styles=link, **context)

    render(
        "overview.md",
        f"{TOOLS_DIR}/index.md",
        [BASE_STYLES, "overview.css"],
        instruments=instruments,
        title=OVERVIEW_TITLE,
        pdfs=pdfs,
    )
    for instrument in instruments:
        render(
            "instrument.md",
            instrument_path(instrument),
            _instrument_styles(instrument, feedback=address is not None),
            instrument=instrument,
            pdfs=pdfs,
            feedback_email=address,
        )
        render(
            "compare.md",
            compare.comparison_path(instrument),
            [BASE_STYLES, "compare.css"],
            instrument=instrument,
            structure=compare.structure(instrument),
        )
    files[REFERENCE_PATH] = reference_page()
    return {path: text.lstrip() for path, text in files.items()}


def _instrument_styles(instrument: Instrument, *, feedback: bool) -> list[str]:
    """The stylesheets an instrument's page needs: the base, and those of the parts it has."""
    repeats = {type(section.repeat) for section in instrument.sections}
    return [
        BASE_STYLES,
        *(["poster.css"] if instrument.layout == "poster" else []),
        *(["menu-matrix.css"] if MenuRepeat in repeats else []),
        *(["parties.css"] if PartiesRepeat in repeats else []),
        *(["result.css"] if result_model(instrument) is not None else []),
        *(["feedback.css"] if feedback else []),
    ]


def style_bundle(names: list[str]) -> tuple[str, str]:
    """One minified stylesheet of these, and its path below the site root, named after its
    content (so a changed one is never taken from a browser's cache)."""
    folder = resources.files("generator") / "assets"
    css = "\n".join(rcssmin.cssmin((folder / name).read_text("utf-8")) for name in names)
    digest = hashlib.sha256(css.encode("utf-8")).hexdigest()[:10]
    return f"{ASSETS_DIR}/stijl-{digest}.css", css


def assets_url(page_path: str) -> str:
    """The assets folder as a link from a generated page (with directory URLs, as the site has
    them: ``tools/x.md`` is served at ``tools/x/``, ``tools/index.md`` at ``tools/``)."""
    folder = PurePosixPath(page_path).with_suffix("")
    if folder.name == "index":
        folder = folder.parent
    return "../" * len(folder.parts) + ASSETS_DIR


def asset_files() -> dict[str, bytes]:
    """The client's JavaScript modules, by their path below the site root, minified: comments
    and layout are for people reading ``generator/assets/``, not for every visitor's download.
    (Its CSS ships in the stylesheets that ``render_pages`` makes for each page.)"""
    folder = resources.files("generator") / "assets"
    return {
        f"{ASSETS_DIR}/{item.name}": minify_js(item.read_text("utf-8"), item.name).encode("utf-8")
        for item in folder.iterdir()
        if item.is_file() and item.name.endswith(".js")
    }


def site_sources(
    instruments: list[Instrument], *, feedback_email: str | None = None
) -> dict[str, bytes]:
    """The generated pages and assets, by their path below the docs folder, as file contents."""
    pages = render_pages(instruments, feedback_email=feedback_email)
    files: dict[str, bytes] = {p: t.encode("utf-8") for p, t in pages.items()}
    files.update(asset_files())
    return files
