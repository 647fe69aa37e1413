"""The site without MkDocs' plugins (Zensical): ``build --docs``, ``config``, ``secure`` and
``pdf``, as a maintainer runs them (README, "Building with Zensical"). The whole recipe, with
Zensical itself and the journeys on its site, is checks/zensical.py, in CI."""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from unit_support import ROOT, run_generator

from generator.pages.addresses import asset_path
from generator.pages.chooser import HOME_MARKER
from generator.site.csp import script_hash
from generator.site.offline import LIST, RETIRED, WORKER
from generator.site.offline import SCRIPT as OFFLINE_SCRIPT

INSTRUMENTS = ["praatplaat", "matrix", "achtje", "reflectietool"]


def test_build_with_docs_makes_a_whole_docs_folder(tmp_path: Path) -> None:
    """Without the plugin, the home page kept its marker line instead of the chooser, and the
    hand-written pages were missing from the folder another builder reads."""
    out = tmp_path / "docs"
    result = run_generator("build", out, "--docs", "docs", "--pdfs")
    assert result.returncode == 0, result.stderr
    home = (out / "index.md").read_text(encoding="utf-8")
    assert HOME_MARKER not in home and "Waar staan jullie nu?" in home
    for page in ROOT.joinpath("docs").rglob("*.md"):
        assert (out / page.relative_to(ROOT / "docs")).is_file(), page
    for instrument in INSTRUMENTS:
        page = (out / "tools" / instrument / "index.md").read_text(encoding="utf-8")
        assert f'href="{instrument}-leeg' in page and '.pdf"' in page  # --pdfs: PDFs linked


def test_build_with_a_missing_docs_folder_says_so(tmp_path: Path) -> None:
    result = run_generator("build", tmp_path / "out", "--docs", tmp_path / "nergens")
    assert result.returncode == 1
    assert "no such folder" in result.stderr and not (tmp_path / "out").exists()


def test_config_puts_the_instruments_in_the_menu_and_the_script_on_every_page(
    tmp_path: Path,
) -> None:
    """Zensical runs no plugin: without this the instruments were not in the menu, and no
    page loaded the site's script."""
    target = tmp_path / "build" / "zensical.yml"
    target.parent.mkdir()
    result = run_generator(
        "config", target, "--docs-dir", tmp_path / "build" / "docs", "--site-dir", tmp_path / "s"
    )
    assert result.returncode == 0, result.stderr
    config = yaml.safe_load(target.read_text(encoding="utf-8"))
    assert config["docs_dir"] == "docs" and config["site_dir"] == "../s"  # relative to it
    assert "custom_dir" not in config["theme"]  # Material's partials, not Zensical's
    (section,) = [entry for entry in config["nav"] if "Instrumenten" in entry]
    pages = section["Instrumenten"]
    assert pages == ["tools/index.md", *(f"tools/{i}/index.md" for i in INSTRUMENTS)]
    assert {"path": asset_path("client/loader.js"), "type": "module"} in config["extra_javascript"]
    offline = {"path": asset_path(OFFLINE_SCRIPT), "type": "module"}
    assert offline in config["extra_javascript"]
    assert all("gereedschapskist" not in str(plugin) for plugin in config["plugins"])


def _site(folder: Path, pages: dict[str, str]) -> Path:
    for path, body in pages.items():
        page = folder / path
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(f'<html><head><meta charset="utf-8"></head><body>{body}</body></html>')
    return folder


def test_secure_writes_the_policy_into_every_page_once(tmp_path: Path) -> None:
    """A site built by another builder had no security policy: any injected script ran."""
    overrides = tmp_path / "templates"
    overrides.mkdir()
    (overrides / "main.html").write_text("<script>var known = 1;</script>")
    site = _site(
        tmp_path / "site",
        {"index.html": "<p>Home</p>", "tools/index.html": "<script>var known = 1;</script>"},
    )
    result = run_generator("secure", site, "--templates", overrides)
    assert result.returncode == 0, result.stderr
    for page in ("index.html", "tools/index.html"):
        html = (site / page).read_text()
        assert html.count('http-equiv="Content-Security-Policy"') == 1
    assert script_hash("var known = 1;") in (site / "tools/index.html").read_text()
    headers = (site / "_headers").read_text()
    assert "Content-Security-Policy:" in headers and script_hash("var known = 1;") in headers
    before = {p: p.read_bytes() for p in site.rglob("*.html")}
    assert run_generator("secure", site, "--templates", overrides).returncode == 0
    assert {p: p.read_bytes() for p in site.rglob("*.html")} == before  # once is enough


def test_secure_refuses_a_script_no_template_writes_and_changes_nothing(tmp_path: Path) -> None:
    site = _site(
        tmp_path / "site",
        {"a/index.html": "<p>Goed</p>", "b/index.html": "<script>alert(1)</script>"},
    )
    before = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    result = run_generator("secure", site)
    assert result.returncode == 1
    assert "b/index.html: an inline script that neither the theme nor" in result.stderr
    assert "no page was changed" in result.stderr and "Traceback" not in result.stderr
    assert {p: p.read_bytes() for p in site.rglob("*") if p.is_file()} == before


def test_secure_and_pdf_say_when_there_is_no_site(tmp_path: Path) -> None:
    for command in ("secure", "pdf"):
        result = run_generator(command, tmp_path / "nergens")
        assert result.returncode == 1 and "expected a built site" in result.stderr


def test_secure_needs_no_definitions(tmp_path: Path) -> None:
    """Securing a built site reads its pages only: it worked only beside valid definitions."""
    site = _site(tmp_path / "site", {"index.html": "<p>Home</p>"})
    result = run_generator("--definitions", tmp_path / "nergens", "secure", site)
    assert result.returncode == 0, result.stderr
    assert 'http-equiv="Content-Security-Policy"' in (site / "index.html").read_text()


def test_offline_keeps_a_built_site_and_off_ends_it(tmp_path: Path) -> None:
    """The successor path's last step: the worker and its list, or the worker that ends it."""
    site = tmp_path / "site"
    (site / "tools").mkdir(parents=True)
    (site / "index.html").write_text("<p>thuis</p>", encoding="utf-8")
    (site / "tools" / "index.html").write_text("<p>instrumenten</p>", encoding="utf-8")
    result = run_generator("--definitions", tmp_path / "nergens", "offline", site)
    assert result.returncode == 0, result.stderr
    assert set(json.loads((site / LIST).read_text(encoding="utf-8"))["files"]) == {"./", "tools/"}
    assert "__VERSION__" not in (site / WORKER).read_text(encoding="utf-8")
    assert run_generator("offline", site, "--off").returncode == 0
    assert not (site / LIST).exists()
    assert (site / WORKER).read_text(encoding="utf-8") == RETIRED
    missing = run_generator("offline", tmp_path / "leeg")
    assert missing.returncode == 1 and "expected a built site" in missing.stderr
