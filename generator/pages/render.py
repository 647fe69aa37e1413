"""Render instruments into the pages and assets of the site, as plain files (no MkDocs needed)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path, PurePosixPath
from typing import Any

import rcssmin
from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from .. import answer_keys as keys
from ..definition.instrument import Instrument
from ..definition.markdown import markdown_html
from ..parts import PARTS, part_of
from ..parts.base import FieldBase
from ..parts.menu import MenuRepeat
from ..parts.parties import MIN_PARTIES, PartiesRepeat
from ..parts.scale import DONT_KNOW
from ..site.minify import minify_js
from . import comparison_data, feedback
from .addresses import (
    OVERVIEW_PATH,
    REFERENCE_PATH,
    TOOLS_DIR,
    asset_path,
    assets_url,
    blank_prints,
    comparison_path,
    instrument_path,
    page_address,
    page_folder,
)
from .chooser import HOME_MARKER, challenge_choices
from .own_result import result_model
from .reference import reference_page

GENERATOR_DIR = Path(__file__).resolve().parent.parent  # the package: client/, parts/, pages/
TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
OVERVIEW_TITLE = "Instrumenten"
# On every page: only the small loader, which fetches a component's script where it is. Each
# generated page links one stylesheet made for it (see ``style_bundle``); the hand-written pages
# need none of ours. So a page carries only what it shows.
SCRIPTS = ("client/loader.js",)
BASE_STYLES = "client/base.css"
# Characters in one answer, what an answer file may hold (client/answers.js MAX_TEXT): every
# text control says so, those made from templates too (a test checks the two agree).
MAX_TEXT = 100_000
STYLE_PREFIX = "stijl-"  # a page's stylesheet: stijl-<its hash>.css, below ASSETS_DIR
OVERVIEW_STYLES = [BASE_STYLES, "client/overview.css"]  # also the chooser's on the home page


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


def _joined(separator: str, names: Iterable[Any]) -> Markup:
    """Names joined into one, each escaped unless it is markup already (a renamable name)."""
    return escape(separator).join(names)  # Markup.join escapes what is not markup already


def environment() -> Environment:
    """The Jinja2 environment of the page templates (``pages/templates``) and the parts'
    (``parts/<type>/<type>.html``): autoescaped, failing on undefined names."""
    env = Environment(
        loader=ChoiceLoader([FileSystemLoader(TEMPLATES_DIR), FileSystemLoader(GENERATOR_DIR)]),
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
        # The answer keys and place names, from the one module that makes them.
        key_of=keys.key,
        link=keys.link,
        name_key=keys.name_key,
        links_key=keys.links_key,
        respondent_key=keys.respondent_key,
        key_scheme=keys.client_scheme(),
        place=lambda *names: _joined(keys.PLACE_SEPARATOR, names),
        between=lambda one, other: _joined(keys.BETWEEN, (one, other)),
        template_of=lambda item: part_of(item).template,
        dont_know_value=DONT_KNOW,
        max_text=MAX_TEXT,
        min_parties=MIN_PARTIES,
        blank_prints=blank_prints,
        feedback_title=feedback.TITLE,
        feedback_questions=feedback.QUESTIONS,
        mailto=feedback.mailto,
        result_model=result_model,
        own_paper=own_paper,
        challenge_choices=challenge_choices,
    )
    env.filters["feedback_subject"] = feedback.subject
    return env


def render_pages(
    instruments: list[Instrument],
    *,
    pdfs: bool = False,
    feedback_email: str | None = None,
    site_address: str | None = None,
) -> dict[str, str]:
    """Every generated page, by its path below the docs folder: the overview, one per tool and
    its comparison view, and the maintainers' reference of the definition format; and the one
    stylesheet each of them links (below ``ASSETS_DIR``).

    ``pdfs`` says whether ready PDFs will sit next to the pages (see ``pdf.Printer``); without
    them the download links point at the blank print view. With a ``feedback_email``, each tool
    page ends in a feedback block that can send to it (raises FeedbackAddressError if it is not
    an address). With a ``site_address`` (see ``addresses.published_address``), paper says
    where each instrument is filled in online.
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
        OVERVIEW_PATH,
        OVERVIEW_STYLES,
        instruments=instruments,
        title=OVERVIEW_TITLE,
        pdfs=pdfs,
    )
    # Every instrument's title by its id: a page names another instrument's file by its title.
    titles = {instrument.id: instrument.title for instrument in instruments}
    for instrument in instruments:
        render(
            "instrument.md",
            instrument_path(instrument),
            _instrument_styles(instrument),
            instrument=instrument,
            pdfs=pdfs,
            feedback_email=address,
            online=site_address and page_address(site_address, instrument_path(instrument)),
            titles=titles,
        )
        render(
            "comparison.md",
            comparison_path(instrument),
            [BASE_STYLES, "client/comparison/comparison.css"],
            instrument=instrument,
            structure=comparison_data.structure(instrument),
            titles=titles,
        )
    files[REFERENCE_PATH] = reference_page()
    return {path: text.lstrip() for path, text in files.items()}


def with_chooser(markdown: str, instruments: list[Instrument], page_path: str) -> str:
    """A hand-written page (the home page) with the chooser where it has the marker line."""
    if HOME_MARKER not in markdown:
        return markdown
    return markdown.replace(HOME_MARKER, chooser_block(instruments, page_path).strip())


def chooser_block(instruments: list[Instrument], page_path: str) -> str:
    """The chooser "Waar staan jullie nu?" for a hand-written page (the home page, at
    ``page_path`` below the docs folder), with the overview's stylesheet, which styles it."""
    bundle, _ = style_bundle(OVERVIEW_STYLES)  # the same file render_pages writes for /tools/
    up = "../" * len(page_folder(page_path).parts)
    template = environment().get_template("chooser_page.html")
    return template.render(
        instruments=instruments,
        base=f"{up}{TOOLS_DIR}/",
        styles=f"{assets_url(page_path)}/{PurePosixPath(bundle).name}",
    )


def own_paper(instrument: Instrument) -> str | None:
    """The paper of its own the client lays an instrument out on (``client/paper/<name>.js``),
    when its form is one that paper knows: a poster of long answers ("poster"), one parties
    section ("eight": het 8-tje), or one menu matrix after long answers ("table"), the last two
    asking text only; each with agreements or without. Any other form prints as it is."""
    agreements = [s for s in instrument.sections if not s.repeat and _only(s.fields, "actions")]
    rest = [s for s in instrument.sections if s not in agreements]
    answers = [s for s in rest if not s.repeat and _only(s.fields, "long_text")]
    if len(agreements) > 1:
        return None
    if instrument.layout == "poster" and answers == rest:
        return "poster"
    if len(rest) == 1 and isinstance(rest[0].repeat, PartiesRepeat):
        repeat = rest[0].repeat
        return "eight" if _only([*rest[0].fields, *repeat.link_fields], *TEXT) else None
    matrices = [s for s in rest if isinstance(s.repeat, MenuRepeat) and _only(s.fields, *TEXT)]
    return "table" if len(matrices) == 1 and len(matrices) + len(answers) == len(rest) else None


TEXT = ("long_text", "short_text")


def _only(fields: Iterable[FieldBase], *types: str) -> bool:
    return all(field.type in types for field in fields)


def _instrument_styles(instrument: Instrument) -> list[str]:
    """The stylesheets an instrument's page needs: the base, its layout's, and those of the parts
    it has and its own result (the feedback block brings its own: LOADED_STYLES)."""
    return [
        BASE_STYLES,
        *(["client/poster.css"] if instrument.layout == "poster" else []),
        *dict.fromkeys(style for part in instrument.parts() for style in part.shared_styles),
        *(part.style for part in instrument.parts() if part.style),
        *(["client/own-result/own-result.css"] if result_model(instrument) is not None else []),
    ]


def style_bundle(sources: list[str]) -> tuple[str, str]:
    """One minified stylesheet of these (paths below the generator package), and its path below
    the site root, named after its content (so a changed one is never taken from a cache)."""
    css = "\n".join(rcssmin.cssmin((GENERATOR_DIR / name).read_text("utf-8")) for name in sources)
    digest = hashlib.sha256(css.encode("utf-8")).hexdigest()[:10]
    return asset_path(f"{STYLE_PREFIX}{digest}.css"), css


# Stylesheets the client loads itself, next to the module that needs them (client/stylesheet.js),
# so they stay out of every page's bundle: paper of our own is only wanted when printing, the
# comparison view's parts only once its code draws them, the feedback block once its code runs.
LOADED_STYLES = (
    "client/paper/paper.css",
    "client/comparison/comparison-view.css",
    "client/feedback/feedback.css",
)


def client_sources() -> list[str]:
    """The client's JavaScript modules, as paths below the generator package: the shared ones in
    ``client/`` and each part's own (its script, and the modules that script loads on use)."""
    shared = sorted(GENERATOR_DIR.glob("client/**/*.js"))
    own = [path for part in PARTS.values() for path in sorted(part.folder.glob("*.js"))]
    return [path.relative_to(GENERATOR_DIR).as_posix() for path in shared + own]


def asset_files() -> dict[str, bytes]:
    """The client's JavaScript modules, by their path below the site root, minified: comments
    and layout are for people reading the source, not for every visitor's download. (Its CSS
    ships in the stylesheets that ``render_pages`` makes for each page, but for the ones its
    code loads when it needs them: ``LOADED_STYLES``.)"""
    scripts = {
        asset_path(name): minify_js((GENERATOR_DIR / name).read_text("utf-8"), name).encode()
        for name in client_sources()
    }
    styles = {
        asset_path(name): rcssmin.cssmin((GENERATOR_DIR / name).read_text("utf-8")).encode()
        for name in LOADED_STYLES
    }
    return scripts | styles


def site_sources(
    instruments: list[Instrument],
    *,
    feedback_email: str | None = None,
    pdfs: bool = False,
    site_address: str | None = None,
) -> dict[str, bytes]:
    """The generated pages and assets, by their path below the docs folder, as file contents
    (``pdfs`` and ``site_address`` as for ``render_pages``)."""
    pages = render_pages(
        instruments, pdfs=pdfs, feedback_email=feedback_email, site_address=site_address
    )
    files: dict[str, bytes] = {p: t.encode("utf-8") for p, t in pages.items()}
    files.update(asset_files())
    return files
