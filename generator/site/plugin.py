"""The MkDocs plugin: hooks only. It adds the generated pages and assets and watches definitions."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import rcssmin
from mkdocs.config import config_options
from mkdocs.config.base import BaseConfigOption, Config, ValidationError
from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from ..definition.instrument import Instrument
from ..definition.load import DefinitionError, load_instruments
from ..pages.addresses import (
    OVERVIEW_PATH,
    asset_path,
    comparison_path,
    instrument_path,
    published_address,
)
from ..pages.feedback import FeedbackAddressError, feedback_address
from ..pages.reference import MissingReference
from ..pages.render import SCRIPTS, asset_files, render_pages, with_chooser
from .chromium import NoBrowser
from .csp import KnownScripts, UnknownScript, headers_file, known_script_hashes, with_policy
from .head import stylesheet_in_head
from .offline import SCRIPT as OFFLINE_SCRIPT
from .offline import write_offline
from .printing import Printer

log = get_plugin_logger(__name__)


class FeedbackAddress(BaseConfigOption[str | None]):
    """The address feedback is sent to, checked lightly; without one, no feedback block."""

    def run_validation(self, value: object) -> str | None:
        if value is not None and not isinstance(value, str):
            raise ValidationError(f"expected an e-mail address as text, not {value!r}")
        try:
            return feedback_address(value)
        except FeedbackAddressError as error:
            raise ValidationError(str(error)) from None


class GereedschapskistConfig(Config):
    definitions = config_options.Type(str, default="tool_templates")
    # Ready PDFs of the blank instruments: "auto" makes them when a browser can be started,
    # "always" stops the build when none can, "never" skips them. Never while serving.
    pdf = config_options.Choice(("auto", "always", "never"), default="auto")
    feedback_email = FeedbackAddress()
    # Every page and the blank PDFs kept in the visitor's browser after one visit, by a service
    # worker (generator/site/offline.py). Never while serving: pages change as they are edited.
    offline = config_options.Type(bool, default=True)


class GereedschapskistPlugin(BasePlugin[GereedschapskistConfig]):
    """Turns the instrument definitions into pages at /tools/, /tools/<id>/ and
    /tools/<id>/vergelijken/."""

    def __init__(self) -> None:
        self.instruments: list[Instrument] = []
        self._serving = False
        self._printer: Printer | None = None
        self._pages: dict[str, str] = {}
        self._known_scripts = KnownScripts(())
        self._script_hashes: set[str] = set()

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self._serving = command == "serve"

    def _definitions_dir(self, config: MkDocsConfig) -> Path:
        return Path(config.config_file_path).parent / self.config.definitions

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        # Validate and render before MkDocs cleans the site folder, so a mistake keeps the last
        # good site.
        _check_site_dir(Path(config.site_dir))
        try:
            self.instruments = load_instruments(self._definitions_dir(config))
        except DefinitionError as error:
            raise PluginError(f"Instrument definitions are not valid:\n{error}") from None
        if config.nav is not None:
            add_to_nav(config.nav, [instrument_path(i) for i in self.instruments])
        for name in (*SCRIPTS, *([OFFLINE_SCRIPT] if self._offline else [])):
            script = ExtraScriptValue(asset_path(name))
            script.type = "module"
            config.extra_javascript.append(script)
        self._start_printer()
        self._pages = self._render(self._site_address(config))
        self._known_scripts = KnownScripts.from_templates(config.theme.dirs)
        self._script_hashes = set()
        return config

    @property
    def _offline(self) -> bool:
        return self.config.offline and not self._serving

    def _site_address(self, config: MkDocsConfig) -> str | None:
        """Where the site is published, for paper; a local address is left off it (and a build
        says so once: a publication needs SITE_URL)."""
        address = published_address(config.site_url)
        if address is None and not self._serving:
            log.warning(
                "site_url is %r, not a published address: paper leaves out where to fill the "
                "instruments in online. Set SITE_URL to the site's address when publishing.",
                config.site_url,
            )
        return address

    def _render(self, site_address: str | None) -> dict[str, str]:
        """Every generated page; any failure is one line for the maintainer, not a traceback."""
        try:
            return render_pages(
                self.instruments,
                pdfs=self._printer is not None,
                feedback_email=self.config.feedback_email,
                site_address=site_address,
            )
        except MissingReference as error:
            raise PluginError(str(error)) from None
        except Exception as error:
            # Whatever it is, the last good site stays; `mkdocs build --verbose` shows where.
            log.debug("Rendering the instrument pages failed", exc_info=True)
            reason = f"{type(error).__name__}: {error}"
            raise PluginError(f"The instrument pages could not be rendered ({reason}).") from None

    def _start_printer(self) -> None:
        """Start the browser that prints the PDFs now, so the pages know which links to show."""
        self._close_printer()
        if self.config.pdf == "never" or self._serving:
            return
        try:
            self._printer = Printer()
        except NoBrowser as reason:
            if self.config.pdf == "always":
                raise PluginError(f"No PDFs can be made (pdf: always): {reason}.") from None
            log.info(
                "No PDFs of the instruments: %s. Their download links point at the print view.",
                reason,
            )

    def _close_printer(self) -> None:
        if self._printer is not None:
            self._printer.close()
            self._printer = None

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        # The comparison views are reached from their instrument, not from the menu.
        unlisted = {comparison_path(i) for i in self.instruments}
        for path, content in self._pages.items():
            inclusion = InclusionLevel.NOT_IN_NAV if path in unlisted else InclusionLevel.UNDEFINED
            files.append(File.generated(config, path, content=content, inclusion=inclusion))
        for path, data in asset_files().items():
            files.append(File.generated(config, path, content=data))
        # The site's own stylesheets (extra_css) go out minified, as the generated ones do:
        # every page loads them.
        for uri in config.extra_css:
            sheet = files.get_file_from_path(uri)
            if sheet is not None and uri.endswith(".css"):
                sheet.content_string = rcssmin.cssmin(sheet.content_string)
        return files

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        return with_chooser(markdown, self.instruments, page.file.src_uri)

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        return self._secure(stylesheet_in_head(output), page.file.src_uri)

    def on_post_template(
        self, output_content: str, *, template_name: str, config: MkDocsConfig
    ) -> str:
        if not template_name.endswith(".html"):
            return output_content
        return self._secure(output_content, template_name)

    def _secure(self, html: str, source: str) -> str:
        """The page with its security policy; its inline scripts' hashes go in ``_headers``.
        An inline script the theme does not write stops the build, naming the page."""
        try:
            hashes = known_script_hashes(html, self._known_scripts)
        except UnknownScript as error:
            raise PluginError(f"{source}: {error}") from None
        self._script_hashes.update(hashes)
        return with_policy(html, hashes)

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        Path(config.site_dir, "_headers").write_text(
            headers_file(self._script_hashes), encoding="utf-8"
        )
        if self._printer is not None:
            try:
                written = self._printer.print_blank(Path(config.site_dir), self.instruments)
            finally:
                self._close_printer()
            log.info("Printed %d blank PDFs of the instruments.", len(written))
        # Last: the worker's list holds every file of the site, the PDFs too.
        search = config.plugins.get("search")
        languages = search.config.get("lang") if search is not None else None
        kept = write_offline(
            Path(config.site_dir),
            enabled=self._offline,
            search_languages=languages or [config.theme.get("language") or "en"],
        )
        if kept:
            log.info("Offline use: the service worker keeps %d files.", kept)

    def on_build_error(self, *, error: Exception) -> None:
        self._close_printer()

    def on_serve(
        self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Any
    ) -> LiveReloadServer:
        server.watch(str(self._definitions_dir(config)))
        return server


def _check_site_dir(site_dir: Path) -> None:
    """Stop with one line when a file stands where the site folder (or a folder above it) goes:
    MkDocs would end in a traceback after its work."""
    for folder in (site_dir, *site_dir.parents):
        if folder.exists():
            if not folder.is_dir():
                raise PluginError(
                    f"site_dir: {folder} is a file (expected a folder, to write the site into "
                    f"{site_dir})"
                )
            return


def add_to_nav(nav: list[Any], paths: list[str]) -> bool:
    """Add the instrument pages after ``tools/index.md`` in the site's nav, wherever it stands.

    So the site's mkdocs.yml names only the overview, and a new definition needs no edit there.
    """
    overview = OVERVIEW_PATH
    for index, entry in enumerate(nav):
        titled = isinstance(entry, dict) and len(entry) == 1
        target = next(iter(entry.values())) if titled else entry
        if target == overview:
            nav[index + 1 : index + 1] = [p for p in paths if p not in nav]
            return True
        if isinstance(target, list) and add_to_nav(target, paths):
            return True
    return False
