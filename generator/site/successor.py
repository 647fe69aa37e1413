"""The site without MkDocs' plugins: what the ``gereedschapskist`` plugin does inside an MkDocs
build, done before and after another builder's build (Zensical, Material's successor, which
reads ``mkdocs.yml`` but runs no MkDocs plugin). See the README, "Building with Zensical".

- ``hand_written``: the site's own pages for a docs copy, the home page's chooser filled in;
- ``builder_config``: the project's ``mkdocs.yml`` for such a copy, with the instruments in its
  menu and the scripts that the plugin adds (the loader, the offline worker's registration), and
  without the plugin;
- ``secure_site``: the security policy in every built page, and ``_headers``.
(The PDFs: ``printing.Printer`` prints into any built site; offline use: ``offline.write_offline``.)
"""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..definition.instrument import Instrument
from ..pages.addresses import asset_path, instrument_path
from ..pages.render import SCRIPTS, with_chooser
from .csp import KnownScripts, UnknownScript, headers_file, known_script_hashes, with_policy
from .offline import SCRIPT as OFFLINE_SCRIPT

PLUGIN = "gereedschapskist"
POLICY_MARK = 'http-equiv="Content-Security-Policy"'
# Themes whose templates may write inline scripts into a built page: their packages' folders.
THEME_TEMPLATES = {"material": "templates", "zensical": "templates"}


class SecureError(ValueError):
    """A built page that cannot be given its policy: one line, naming the page."""


def hand_written(docs_dir: Path, instruments: list[Instrument]) -> dict[str, bytes]:
    """Every file of the site's own docs folder, by its path below it; the marker line of the
    chooser "Waar staan jullie nu?" replaced by the chooser, as the plugin does."""
    files = {}
    for source in sorted(docs_dir.rglob("*")):
        if not source.is_file():
            continue
        path = source.relative_to(docs_dir).as_posix()
        data = source.read_bytes()
        if source.suffix == ".md":
            data = with_chooser(data.decode("utf-8"), instruments, path).encode("utf-8")
        files[path] = data
    return files


def builder_config(
    config: dict[str, Any],
    instruments: list[Instrument],
    *,
    target: Path,
    docs_dir: Path,
    site_dir: Path,
) -> dict[str, Any]:
    """``config`` (the project's mkdocs.yml, read) for a builder without MkDocs' plugins,
    written to ``target``, that builds ``docs_dir`` (a docs copy with the generated pages) into
    ``site_dir``. Paths in it are relative to ``target``'s folder (Zensical 0.0.73 stops on
    absolute ones)."""
    from .plugin import add_to_nav

    def relative(path: Path) -> str:
        return os.path.relpath(path.resolve(), target.resolve().parent)

    built = dict(config)
    built["docs_dir"] = relative(docs_dir)
    built["site_dir"] = relative(site_dir)
    # The site's overrides are Material's partials (its search dialog and footer): Zensical's
    # header and search are other markup, which they would replace with Material's.
    built["theme"] = {k: v for k, v in (built.get("theme") or {}).items() if k != "custom_dir"}
    plugins = built.get("plugins") or []
    built["plugins"] = [
        p for p in plugins if p != PLUGIN and not (isinstance(p, dict) and PLUGIN in p)
    ]
    nav = list(built.get("nav") or [])
    add_to_nav(nav, [instrument_path(i) for i in instruments])
    built["nav"] = nav
    # The registration of the offline worker, which `offline SITE_DIR` writes after the build.
    scripts = [{"path": asset_path(name), "type": "module"} for name in (*SCRIPTS, OFFLINE_SCRIPT)]
    built["extra_javascript"] = [*(built.get("extra_javascript") or []), *scripts]
    return built


def theme_templates(extra: Iterable[Path] = ()) -> list[Path]:
    """The template folders of the themes installed here (Material, Zensical) and ``extra``
    (the site's overrides): where the inline scripts a page may have are written."""
    folders = [Path(folder) for folder in extra]
    for package, templates in THEME_TEMPLATES.items():
        spec = importlib.util.find_spec(package)
        if spec is not None and spec.origin is not None:
            folder = Path(spec.origin).parent / templates
            if folder.is_dir():
                folders.append(folder)
    return folders


def secure_site(site_dir: Path, templates: Iterable[Path]) -> int:
    """Write the security policy into every page of the built site in ``site_dir`` that has
    none yet, and ``_headers`` with every page's inline scripts; returns the pages secured.
    An inline script no theme template writes raises SecureError, naming the page; then no
    page has been changed."""
    known = KnownScripts.from_templates(templates)
    secured: dict[Path, str] = {}
    hashes: set[str] = set()
    for page in sorted(site_dir.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        try:
            page_hashes = known_script_hashes(html, known)
        except UnknownScript as error:
            raise SecureError(f"{page.relative_to(site_dir)}: {error}") from None
        hashes.update(page_hashes)
        if POLICY_MARK in html:
            continue  # secured before (a second run changes nothing)
        try:
            secured[page] = with_policy(html, page_hashes)
        except ValueError as error:
            raise SecureError(f"{page.relative_to(site_dir)}: {error}") from None
    for page, html in secured.items():
        page.write_text(html, encoding="utf-8")
    (site_dir / "_headers").write_text(headers_file(hashes), encoding="utf-8")
    return len(secured)
