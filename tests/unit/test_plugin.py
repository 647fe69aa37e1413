"""The MkDocs plugin in a real `mkdocs build --strict`: the tool pages, or no site at all."""

from __future__ import annotations

import hashlib
import json
import shutil
import sys
from pathlib import Path, PurePosixPath

import pytest
import yaml
from hostile import HARMLESS_TITLE, injected, write_hostile_definitions
from mkdocs.commands.build import build as mkdocs_build_in_process
from mkdocs.config import load_config
from mkdocs.exceptions import Abort
from page_html import Element, parse
from pypdf import PdfReader
from unit_support import INVALID, ROOT, TOOL_TEMPLATES, run

from generator.definition.load import load_instruments
from generator.pages.addresses import ASSETS_DIR
from generator.pages.render import SCRIPTS
from generator.site.csp import inline_script_hashes
from generator.site.offline import LIST, WORKER, write_offline
from generator.site.offline import SCRIPT as OFFLINE_SCRIPT


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, taking the default of every ``!ENV [NAME, default]``."""


_ConfigLoader.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node)[-1])


FEEDBACK_EMAIL = "feedback@example.org"
SITE_URL = "https://gereedschapskist.example.nl/"


def mkdocs_build(
    config: Path, site_dir: Path, *, strict: bool = True, **env: str
) -> tuple[int, str]:
    """Build a site strictly, as the publisher does (at its published address unless ``env``
    says otherwise); returns the exit code and all output."""
    result = run(
        sys.executable, "-m", "mkdocs", "build", *(["--strict"] if strict else []),
        "-f", config, "-d", site_dir, cwd=config.parent, **{"SITE_URL": SITE_URL, **env},
    )  # fmt: skip
    return result.returncode, result.stdout + result.stderr


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The project's site, built once into a temporary folder with an address for feedback,
    and what the build said. Without the ready PDFs: printing them is the browser suite's
    concern (test_print.py reads every one), and it takes a browser and most of a build's time."""
    site_dir = tmp_path_factory.mktemp("site")
    code, output = mkdocs_build(
        ROOT / "mkdocs.yml", site_dir, FEEDBACK_EMAIL=FEEDBACK_EMAIL, GEREEDSCHAPSKIST_PDF="never"
    )
    assert code == 0, output
    return site_dir, output


@pytest.fixture(scope="module")
def site(built: tuple[Path, str]) -> Path:
    return built[0]


def _page(site: Path, url: str) -> Element:
    return parse((site / url / "index.html").read_text(encoding="utf-8"))


def _resolve(page_url: str, href: str) -> str:
    """A relative link of a page at ``page_url`` (a folder) as a path from the site root."""
    parts: list[str] = []
    for part in PurePosixPath(page_url, href.split("?")[0].split("#")[0]).parts:
        if part == "..":
            parts.pop()
        elif part != ".":
            parts.append(part)
    return "/".join(parts)


def test_build_makes_the_tool_pages(site: Path) -> None:
    """/tools/ or an instrument's page is missing from the published site."""
    ids = [p.stem for p in sorted(TOOL_TEMPLATES.glob("*.yml"))]
    assert (site / "tools" / "index.html").is_file()
    for instrument_id in ids:
        page = _page(site, f"tools/{instrument_id}")
        assert page.find_all("form"), f"{instrument_id} has its form"
    assert {"praatplaat", "reflectietool"} <= set(ids)


def test_build_ships_the_assets(site: Path) -> None:
    """The client's JS is not published, so nothing is saved."""
    for name in SCRIPTS:
        assert (site / ASSETS_DIR / name).is_file(), name


@pytest.mark.parametrize("url", ["", "tools", "tools/praatplaat", "tools/achtje"])
def test_pages_link_the_css_and_js(site: Path, url: str) -> None:
    """A tool page loads without the instrument's CSS or JS (no layout, no saving). Each
    generated page links one stylesheet of ours, made for it, as the last of its head: in the
    content, the page would be painted in two steps (generator/site/head.py)."""
    page = _page(site, url)
    links = [link for link in page.iter("link") if link.get("rel") == "stylesheet"]
    stylesheets = {_resolve(url, link.get("href") or "") for link in links}
    head = [link for link in links if link.closest("head") is not None]
    assert head == links, "every stylesheet is in the head"
    assert _resolve(url, head[-1].get("href") or "").startswith(f"{ASSETS_DIR}/stijl-")
    scripts = {
        _resolve(url, script.get("src") or ""): script.get("type") for script in page.iter("script")
    }
    ours = [path for path in stylesheets if path.startswith(ASSETS_DIR)]
    assert len(ours) == 1, ours
    for name in SCRIPTS:
        assert scripts.get(f"{ASSETS_DIR}/{name}") == "module", "the script loads as a module"
    for path in [*stylesheets, *scripts]:
        if path.startswith(ASSETS_DIR):
            assert (site / path).is_file(), f"{url} links {path}, which exists"


def _config_with(
    tmp_path: Path,
    definitions: Path,
    docs_dir: Path = ROOT / "docs",
    pdf: str = "never",
    **options: object,
) -> Path:
    """A copy of the project's mkdocs.yml in ``tmp_path`` that reads these definitions and
    hand-written pages; returns its path. Without the ready PDFs unless asked: printing them takes
    a browser and most of a build's time."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader)
    config["docs_dir"] = str(docs_dir)
    config["site_url"] = SITE_URL
    if isinstance(config.get("theme"), dict) and "custom_dir" in config["theme"]:
        config["theme"]["custom_dir"] = str(ROOT / config["theme"]["custom_dir"])
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "gereedschapskist" in plugin:
            plugin["gereedschapskist"]["definitions"] = str(definitions)
            plugin["gereedschapskist"]["pdf"] = pdf
            plugin["gereedschapskist"].update(options)
    config_file = tmp_path / "mkdocs.yml"
    config_file.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return config_file


@pytest.mark.parametrize("case", ["several-mistakes", "markdown-nested-too-deep"])
def test_build_with_invalid_definitions_fails_cleanly(tmp_path: Path, case: str) -> None:
    """A broken definition wipes or half-writes the site, or shows a traceback, not its place.
    (A list nested 300 deep used to pass validation and crash the build after the site folder
    was emptied.)"""
    definitions = tmp_path / "definitions"
    definitions.mkdir()
    (definition,) = (INVALID / case).glob("*.yml")
    shutil.copy(definition, definitions)
    config_file = _config_with(tmp_path, definitions)
    site_dir = tmp_path / "site"
    site_dir.mkdir()
    last_good = site_dir / "index.html"
    last_good.write_text("de vorige, goede site", encoding="utf-8")

    code, output = mkdocs_build(config_file, site_dir)

    assert code != 0
    assert "Traceback" not in output
    for line in (INVALID / case / "expected.txt").read_text(encoding="utf-8").splitlines()[:-1]:
        assert f"{definitions / line}" in output
    assert [p.name for p in site_dir.iterdir()] == ["index.html"], "nothing new is written"
    assert last_good.read_text(encoding="utf-8") == "de vorige, goede site", "the last site stays"


def _feedback_links(page: Element) -> list[Element]:
    return [a for a in page.iter("a") if (a.get("href") or "").startswith("mailto:")]


def test_feedback_block_follows_the_address_in_the_environment(site: Path, tmp_path: Path) -> None:
    """The publisher's FEEDBACK_EMAIL would not reach the pages, or a site without one would
    still ask for feedback."""
    ids = [p.stem for p in sorted(TOOL_TEMPLATES.glob("*.yml"))]
    for instrument_id in ids:
        page = _page(site, f"tools/{instrument_id}")
        (link,) = _feedback_links(page)
        assert (link.get("href") or "").startswith(f"mailto:{FEEDBACK_EMAIL}?subject=Feedback%20op")
        assert page.find_one("gk-feedback").find_all("textarea")
    code, output = mkdocs_build(
        ROOT / "mkdocs.yml", tmp_path / "site", FEEDBACK_EMAIL="", GEREEDSCHAPSKIST_PDF="never"
    )
    assert code == 0, output
    for instrument_id in ids:
        page = _page(tmp_path / "site", f"tools/{instrument_id}")
        assert _feedback_links(page) == [] and page.find_all("gk-feedback") == []


def test_build_with_a_malformed_feedback_address_stops_with_a_clear_message(
    tmp_path: Path,
) -> None:
    """A typo in FEEDBACK_EMAIL would publish a send link that goes nowhere, or end the build in
    a traceback that does not name the option."""
    site_dir = tmp_path / "site"
    site_dir.mkdir()
    last_good = site_dir / "index.html"
    last_good.write_text("de vorige, goede site", encoding="utf-8")

    code, output = mkdocs_build(
        ROOT / "mkdocs.yml", site_dir, FEEDBACK_EMAIL="feedback@ example.org"
    )

    assert code != 0
    assert "Traceback" not in output
    assert (
        "option 'feedback_email': 'feedback@ example.org' is not an e-mail address "
        "(expected one address without spaces, like feedback@example.org)"
    ) in output
    assert [p.name for p in site_dir.iterdir()] == ["index.html"], "nothing new is written"
    assert last_good.read_text(encoding="utf-8") == "de vorige, goede site", "the last site stays"


def test_navigation_lists_every_instrument_under_the_overview(site: Path) -> None:
    """A new instrument would be missing from the site's menu, or stand out of order."""
    home = _page(site, "")
    hrefs = [a.get("href") for a in home.iter("a") if "md-nav__link" in a.classes]
    expected = ["tools/", *(f"tools/{i.id}/" for i in load_instruments(TOOL_TEMPLATES))]
    start = hrefs.index("tools/")
    assert hrefs[start : start + len(expected)] == expected


def test_every_instrument_has_a_comparison_page_outside_the_menu(built: tuple[Path, str]) -> None:
    """A comparison view would be missing from the published site, or crowd the site's menu
    (it is reached from its instrument and from /tools/), or the build would list it among
    pages someone forgot to put in the menu."""
    site, output = built
    assert "vergelijken" not in output
    home = _page(site, "")
    hrefs = [a.get("href") for a in home.iter("a") if "md-nav__link" in a.classes]
    for instrument in load_instruments(TOOL_TEMPLATES):
        page = _page(site, f"tools/{instrument.id}/vergelijken")
        assert page.find_one("gk-compare").get("data-instrument") == instrument.id
        assert _page(site, f"tools/{instrument.id}").find_all("form"), "the instrument stays"
        assert not [h for h in hrefs if h and "vergelijken" in h]


def _targets(page: Element) -> list[str]:
    links = [(a, "href") for a in page.iter("a")] + [(e, "href") for e in page.iter("link")]
    links += [(e, "src") for tag in ("script", "img") for e in page.iter(tag)]
    return [value for element, attr in links if (value := element.get(attr))]


def test_no_internal_link_or_anchor_is_broken(site: Path) -> None:
    """A visitor following a link or a table-of-contents anchor would land on nothing."""
    broken = []
    pages = sorted(site.rglob("*.html"))
    ids_of: dict[Path, set[str]] = {}
    for file in pages:
        url = file.parent.relative_to(site).as_posix().removeprefix(".")
        for target in _targets(parse(file.read_text(encoding="utf-8"))):
            if ":" in target.split("/")[0] or target.startswith("//"):
                continue  # another host, mailto:, javascript:, data:
            path, _, anchor = target.partition("#")
            if path.startswith("/"):  # 404.html links from the site root
                resolved = site / path.lstrip("/")
            else:
                resolved = site / _resolve(url, path) if path else file
            if resolved.is_dir():
                resolved = resolved / "index.html"
            if not resolved.exists():
                broken.append(f"{file.relative_to(site)} → {target}")
                continue
            if anchor and resolved.suffix == ".html":
                if resolved not in ids_of:
                    tree = parse(resolved.read_text(encoding="utf-8"))
                    ids_of[resolved] = {e.get("id") for e in tree.iter() if e.get("id")}
                if anchor not in ids_of[resolved]:
                    broken.append(f"{file.relative_to(site)} → {target} (no such anchor)")
    assert not broken, "broken links:\n" + "\n".join(broken)


NO_BROWSER = {"CHROMIUM_PATH": "/nonexistent/chromium"}


ONLINE = "Digitaal in te vullen op"
PRINT_SOURCE = "gk-print-only gk-print-source"


def test_paper_names_the_published_address_of_each_instrument(site: Path) -> None:
    """A sheet must send its reader to the instrument online, at the address it is published."""
    for instrument in load_instruments(TOOL_TEMPLATES):
        source = _page(site, f"tools/{instrument.id}").find_one("p", class_=PRINT_SOURCE)
        assert f"{ONLINE} {SITE_URL}tools/{instrument.id}/" in source.text()


def test_a_local_address_stays_off_paper_and_the_build_warns_once(tmp_path: Path) -> None:
    """A publication built without its address would print localhost on every sheet. (Which
    addresses are local: test_addresses.py.)"""
    site_url = "http://127.0.0.1:8000/"
    code, output = mkdocs_build(
        ROOT / "mkdocs.yml", tmp_path, strict=False, SITE_URL=site_url, GEREEDSCHAPSKIST_PDF="never"
    )
    assert code == 0, output
    assert output.count("not a published address") == 1, output
    for instrument in load_instruments(TOOL_TEMPLATES):
        source = _page(tmp_path, f"tools/{instrument.id}").find_one("p", class_=PRINT_SOURCE)
        assert ONLINE not in source.text()
        assert "Gereedschapskist samenwerking" in source.text()
    # Publishing is strict: the warning stops it.
    code, output = mkdocs_build(
        ROOT / "mkdocs.yml", tmp_path / "strict", SITE_URL=site_url, GEREEDSCHAPSKIST_PDF="never"
    )
    assert code != 0
    assert "not a published address" in output


def test_build_without_a_browser_links_to_the_print_view(tmp_path: Path) -> None:
    """Without a browser the build must still publish a site, say why there are no PDFs once,
    and let the download links open the blank print view instead of a missing file."""
    code, output = mkdocs_build(ROOT / "mkdocs.yml", tmp_path, **NO_BROWSER)
    assert code == 0, output
    assert output.count("No PDFs of the instruments") == 1, output
    assert not list(tmp_path.rglob("*.pdf"))
    overview = _page(tmp_path, "tools")
    links = {a.get("href"): a.text() for a in overview.iter("a")}
    for instrument in load_instruments(TOOL_TEMPLATES):
        text = links[f"{instrument.id}/?afdruk=leeg"]
        assert text == f"Lege afdrukversie, {instrument.print.paper}"


def test_build_that_needs_pdfs_stops_without_a_browser(tmp_path: Path) -> None:
    """A publisher who asks for PDFs (pdf: always) must not get a site without them."""
    code, output = mkdocs_build(
        ROOT / "mkdocs.yml", tmp_path, GEREEDSCHAPSKIST_PDF="always", **NO_BROWSER
    )
    assert code != 0
    assert "No PDFs can be made (pdf: always): Chromium could not be started" in output
    assert "Traceback" not in output


def test_every_page_of_the_built_site_allows_exactly_its_own_inline_scripts(site: Path) -> None:
    """A page whose policy misses one of its scripts breaks; one without a policy is open."""
    union: set[str] = set()
    for file in sorted(site.rglob("*.html")):
        html = file.read_text(encoding="utf-8")
        head = parse(html).find_one("head")
        metas = [m for m in head.iter("meta") if m.get("http-equiv") == "Content-Security-Policy"]
        assert len(metas) == 1, file
        rules = dict(rule.split(" ", 1) for rule in (metas[0].get("content") or "").split("; "))
        scripts = inline_script_hashes(html)
        assert rules["script-src"] == " ".join(["'self'", *scripts]), file
        union.update(scripts)
        # And no address of the page (what was opened, with what) leaves it with a request.
        (referrer,) = [m for m in head.iter("meta") if m.get("name") == "referrer"]
        assert referrer.get("content") == "no-referrer", file
    headers = (site / "_headers").read_text(encoding="utf-8")
    for script_hash in union:
        assert script_hash in headers


# --- definitions are text; the policy allows only the scripts the theme is known to write ------


def _hostile_definitions(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """The shipped definitions and the hostile ones, in a folder of their own."""
    definitions = tmp_path / "definitions"
    definitions.mkdir()
    for definition in TOOL_TEMPLATES.glob("*.yml"):
        shutil.copy(definition, definitions)
    return definitions, write_hostile_definitions(definitions)


def test_definition_text_is_text_everywhere_in_the_built_site(tmp_path: Path) -> None:
    """A title or intro holding markup would run as script on the site (its policy hashed every
    inline script on the page), or 'Samen <vmbo> & mbo' would lose '<vmbo>' in the tab, the
    header and the menu."""
    definitions, titles = _hostile_definitions(tmp_path)
    site_dir = tmp_path / "site"

    code, output = mkdocs_build(_config_with(tmp_path, definitions), site_dir)

    assert code == 0, output
    for file in sorted(site_dir.rglob("*.html")):
        assert injected(parse(file.read_text(encoding="utf-8"))) == [], file
    for instrument_id, title in titles.items():
        page = _page(site_dir, f"tools/{instrument_id}")
        assert page.find_one("title").text().startswith(f"{title} - "), instrument_id
        topics = [e.text() for e in page.iter("div") if "md-header__topic" in e.classes]
        assert title in topics, topics
        menu = [a.text() for a in page.iter("a") if "md-nav__link" in a.classes]
        assert title in menu, menu
        compare = _page(site_dir, f"tools/{instrument_id}/vergelijken")
        assert compare.find_one("title").text().startswith(f"{title}: antwoorden vergelijken")
    index = (site_dir / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "<script" not in index and "<vmbo>" not in index, "search shows titles as HTML"


@pytest.mark.slow
def test_definition_text_is_text_in_the_ready_pdfs(tmp_path: Path) -> None:
    """'Samen <vmbo> & mbo' would lose '<vmbo>' on paper. (Slow: it prints every PDF.)"""
    definitions, _ = _hostile_definitions(tmp_path)
    site_dir = tmp_path / "site"

    code, output = mkdocs_build(_config_with(tmp_path, definitions, pdf="always"), site_dir)

    assert code == 0, output
    pdf = PdfReader(site_dir / "tools" / "samen" / "samen-leeg-a4.pdf")
    assert HARMLESS_TITLE in " ".join(p.extract_text() for p in pdf.pages)


def test_an_inline_script_the_theme_does_not_write_stops_the_build(tmp_path: Path) -> None:
    """A script that found its way into a page would get its own hash in the policy and run;
    the build must stop and say which page holds it, without a traceback."""
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs)
    privacy = docs / "privacy.md"
    privacy.write_text(
        privacy.read_text(encoding="utf-8") + '\n<script>alert("los")</script>\n', "utf-8"
    )
    config_file = _config_with(tmp_path, TOOL_TEMPLATES, docs_dir=docs)

    code, output = mkdocs_build(config_file, tmp_path / "site")

    assert code != 0
    assert "Traceback" not in output
    (line,) = [line for line in output.splitlines() if "inline script" in line]
    assert "privacy" in line and 'alert("los")' in line, line


def test_a_page_that_cannot_be_rendered_stops_the_build_before_the_site_is_cleaned(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whatever makes rendering fail (it once was a list nested 300 deep), the last good site
    stays whole and the maintainer reads one line, not a traceback."""
    site_dir = tmp_path / "site"
    site_dir.mkdir()
    last_good = site_dir / "index.html"
    last_good.write_text("de vorige, goede site", encoding="utf-8")

    def fail(*args: object, **kwargs: object) -> dict[str, str]:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr("generator.site.plugin.render_pages", fail)
    config = load_config(str(_config_with(tmp_path, TOOL_TEMPLATES)))
    config["site_dir"] = str(site_dir)
    with pytest.raises(Abort) as stopped:
        mkdocs_build_in_process(config)

    message = str(stopped.value.__context__)
    assert "\n" not in message and "could not be rendered" in message, message
    assert "maximum recursion depth exceeded" in message
    assert [p.name for p in site_dir.iterdir()] == ["index.html"], "nothing new is written"
    assert last_good.read_text(encoding="utf-8") == "de vorige, goede site", "the last site stays"


def test_a_file_where_the_site_folder_goes_is_a_clear_error(tmp_path: Path) -> None:
    """A file in the site folder's place would end the build in a traceback."""
    occupied = tmp_path / "site"
    occupied.write_text("geen map", encoding="utf-8")
    code, output = mkdocs_build(_config_with(tmp_path, TOOL_TEMPLATES), occupied)
    assert code != 0
    assert "Traceback" not in output, output
    assert str(occupied) in output
    assert occupied.read_text(encoding="utf-8") == "geen map"


# --- offline use (issue 20) --------------------------------------------------------------------


def test_the_site_keeps_every_page_and_its_files_for_offline_use(site: Path) -> None:
    """Every page and everything a page loads is on the worker's list, with its content's hash,
    and every page registers the worker; nothing a page never asks for is kept."""
    files = json.loads((site / LIST).read_text(encoding="utf-8"))["files"]
    pages = {page.relative_to(site).parent.as_posix() + "/" for page in site.rglob("index.html")}
    assert pages <= set(files)
    assert "./" in files and "tools/achtje/vergelijken/" in files and "404.html" in files
    assert "search/search_index.json" in files and "sitemap.xml" in files
    assert "assets/javascripts/lunr/min/lunr.nl.min.js" in files  # the site's language
    assert "assets/javascripts/lunr/min/lunr.de.min.js" not in files
    assert not [f for f in files if f.endswith(".map") or f in {"_headers", WORKER, LIST}]
    for name, digest in files.items():
        on_disk = site / (name.removesuffix("/") + "/index.html" if name.endswith("/") else name)
        if name == "./":
            on_disk = site / "index.html"
        assert hashlib.sha256(on_disk.read_bytes()).hexdigest().startswith(digest), name
    worker = (site / WORKER).read_text(encoding="utf-8")
    version = hashlib.sha256((site / LIST).read_bytes()).hexdigest()[:16]
    assert f'const VERSION="{version}"' in worker and "__" not in worker
    for url in (".", "tools/achtje", "privacy"):
        scripts = [s.get("src") or "" for s in _page(site, url).find_all("script")]
        assert any(src.endswith(f"{ASSETS_DIR}/{OFFLINE_SCRIPT}") for src in scripts), url


def test_a_changed_file_changes_only_its_own_hash_and_the_version(tmp_path: Path) -> None:
    """A new build must make browsers fetch what changed, and only that."""
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text("een", encoding="utf-8")
    (tmp_path / "b.css").write_text("twee", encoding="utf-8")
    write_offline(tmp_path, enabled=True)
    before = json.loads((tmp_path / LIST).read_text(encoding="utf-8"))["files"]
    worker_before = (tmp_path / WORKER).read_text(encoding="utf-8")
    (tmp_path / "a" / "index.html").write_text("een, anders", encoding="utf-8")
    write_offline(tmp_path, enabled=True)
    after = json.loads((tmp_path / LIST).read_text(encoding="utf-8"))["files"]
    assert set(before) == set(after) == {"a/", "b.css"}
    assert before["b.css"] == after["b.css"] and before["a/"] != after["a/"]
    assert (tmp_path / WORKER).read_text(encoding="utf-8") != worker_before


def test_offline_false_retires_the_worker_and_loads_no_registration(tmp_path: Path) -> None:
    """A publisher who turns offline use off must not leave visitors on an old kept copy."""
    config = _config_with(tmp_path, TOOL_TEMPLATES, offline=False)
    site_dir = tmp_path / "site"
    code, output = mkdocs_build(config, site_dir)
    assert code == 0, output
    assert not (site_dir / LIST).exists()
    worker = (site_dir / WORKER).read_text(encoding="utf-8")
    assert "unregister()" in worker and "fetch" not in worker
    assert OFFLINE_SCRIPT not in (site_dir / "tools" / "achtje" / "index.html").read_text("utf-8")


def test_the_policy_lets_only_the_site_itself_run_workers(site: Path) -> None:
    page = (site / "index.html").read_text(encoding="utf-8")
    assert "worker-src 'self';" in page
    assert "worker-src 'self';" in (site / "_headers").read_text(encoding="utf-8")
