"""Pages of definitions that are not the site's own (test definitions, fuzzed ones), rendered by
the generator and served with the client's files, in a plain shell without the theme: enough
to fill in, save, print and compare them in a real browser."""

from __future__ import annotations

import re
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from generator.definition.instrument import Instrument
from generator.pages.addresses import ASSETS_DIR, comparison_path, instrument_path, page_folder
from generator.pages.render import SCRIPTS, asset_files, render_pages
from generator.site.chromium import LoopbackServer

SHELL = """<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>{title}</title>
<link rel="icon" href="data:,">
<script type="module" src="{assets}/{loader}"></script></head>
<body><div class="md-typeset">{body}</div></body></html>"""


class ShellSite:
    """A served folder with the client's files; ``publish`` adds an instrument's pages."""

    def __init__(self, root: Path, server: LoopbackServer) -> None:
        self.root = root
        self.server = server

    def publish(self, instrument: Instrument) -> str:
        """Write the instrument's page and comparison view; returns the page's address."""
        files = render_pages([instrument])
        for path, text in files.items():  # the pages' stylesheets
            if path.startswith(ASSETS_DIR):
                (self.root / path).write_text(text, encoding="utf-8")
        for source in (instrument_path(instrument), comparison_path(instrument)):
            body = re.sub(r"^---\n.*?\n---\n", "", files[source], count=1, flags=re.DOTALL)
            folder = page_folder(source)  # served at tools/<id>/, tools/<id>/vergelijken/
            page = self.root / folder / "index.html"
            page.parent.mkdir(parents=True, exist_ok=True)
            assets = "../" * len(folder.parts) + ASSETS_DIR
            text = SHELL.format(title=instrument.id, assets=assets, loader=SCRIPTS[0], body=body)
            page.write_text(text, encoding="utf-8")
        return self.server.url(f"/{page_folder(instrument_path(instrument))}/")


@contextmanager
def shell_site() -> Iterator[ShellSite]:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        for relative, data in asset_files().items():
            (root / relative).parent.mkdir(parents=True, exist_ok=True)
            (root / relative).write_bytes(data)
        with LoopbackServer(root) as server:
            yield ShellSite(root, server)
