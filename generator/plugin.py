"""The MkDocs plugin: hooks only. It adds the generated pages and assets and watches definitions."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from .load import DefinitionError, load_instruments
from .model import Instrument
from .render import (
    ASSETS_DIR,
    OVERVIEW_TITLE,
    SCRIPTS,
    STYLESHEETS,
    TOOLS_DIR,
    asset_files,
    instrument_path,
    render_pages,
)


class GereedschapskistConfig(Config):
    definitions = config_options.Type(str, default="tool_templates")


class GereedschapskistPlugin(BasePlugin[GereedschapskistConfig]):
    """Turns the instrument definitions into pages at /tools/ and /tools/<id>/."""

    def __init__(self) -> None:
        self.instruments: list[Instrument] = []

    def _definitions_dir(self, config: MkDocsConfig) -> Path:
        return Path(config.config_file_path).parent / self.config.definitions

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        # Validate before MkDocs cleans the site folder, so a mistake keeps the last good site.
        try:
            self.instruments = load_instruments(self._definitions_dir(config))
        except DefinitionError as error:
            raise PluginError(f"Instrument definitions are not valid:\n{error}") from None
        for name in STYLESHEETS:
            config.extra_css.append(f"{ASSETS_DIR}/{name}")
        for name in SCRIPTS:
            script = ExtraScriptValue(f"{ASSETS_DIR}/{name}")
            script.type = "module"
            config.extra_javascript.append(script)
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        for path, content in render_pages(self.instruments).items():
            files.append(File.generated(config, path, content=content))
        for path, data in asset_files().items():
            files.append(File.generated(config, path, content=data))
        return files

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        """Order the instruments in the navigation as on the overview, not by file name."""
        rank = {instrument_path(i): n for n, i in enumerate(self.instruments)}
        overview = f"{TOOLS_DIR}/index.md"

        def key(item: Any) -> int:
            return rank.get(item.file.src_uri, -1) if isinstance(item, Page) else -1

        for item in nav.items:
            if isinstance(item, Section) and any(
                isinstance(child, Page) and child.file.src_uri == overview
                for child in item.children
            ):
                item.title = OVERVIEW_TITLE
                item.children.sort(key=key)
        pages = list(_pages(nav.items))
        for previous, page, following in zip(
            [None, *pages[:-1]], pages, [*pages[1:], None], strict=True
        ):
            page.previous_page, page.next_page = previous, following
        nav.pages = pages
        return nav

    def on_serve(
        self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Any
    ) -> LiveReloadServer:
        server.watch(str(self._definitions_dir(config)))
        return server


def _pages(items: list[Any]) -> Any:
    """The pages of a navigation tree in reading order."""
    for item in items:
        if isinstance(item, Page):
            yield item
        elif isinstance(item, Section):
            yield from _pages(item.children)
