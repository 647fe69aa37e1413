"""Offline use: after one visit with a connection, the site works without one (issue 20).

Each test serves a copy of a built site on a server of its own, which it stops once the first
page has been opened: then nothing can come from the network (Playwright's offline switch does
not cover a service worker's own requests), and what works, works from the worker's copy.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest
from playwright.sync_api import BrowserContext, Page, Request, expect
from playwright.sync_api import Error as PlaywrightError

from generator.site.chromium import LoopbackServer, QuietHandler
from generator.site.offline import CACHE_PREFIX
from generator.site.offline import SCRIPT as OFFLINE_SCRIPT

from . import definitions
from .answer_files import answer_file
from .comparison import ComparisonView, payload
from .controls import AnswerToolbar, TextQuestion
from .served_site import IN_THE_PAGE, PROJECT_DIR, SiteServer
from .test_print import page_texts, print_pdf
from .test_share_link import share

pytestmark = pytest.mark.browser_context_args(service_workers="allow")

OFFLINE_NOTE = "Je bent offline. Je antwoorden worden gewoon bewaard op dit apparaat."
UPDATE_NOTE = "Er is een nieuwe versie van deze site."
# Milliseconds after the load that the registration waits (offline.js's SETTLE), read from it.
_REGISTRATION = PROJECT_DIR / "generator" / OFFLINE_SCRIPT
REGISTERS_AFTER = int(re.search(r"const SETTLE = (\d+);", _REGISTRATION.read_text("utf-8"))[1])
# Ready once a worker is active: it has kept the site, and serves every page opened from now on.
KEPT = "() => navigator.serviceWorker.ready.then((registration) => !!registration.active)"


def kept_by_worker(page: Page) -> None:
    """Wait until this browser keeps the site (the page that kept it is not taken over)."""
    page.wait_for_function(KEPT, timeout=30_000)


def long_text_label(instrument_id: str) -> str:
    instrument = definitions.instrument(instrument_id)
    return next(q.label for q in instrument.questions() if q.field.type == "long_text")


@pytest.fixture(autouse=True)
def request_log(context: BrowserContext) -> Iterator[None]:
    """As conftest's guard, for this module's servers of their own: every request stays on the
    machine (a loopback port) or inside the page."""
    foreign: list[str] = []

    def record(request: Request) -> None:
        # (The browser's PDF viewer loads its own parts from chrome: and chrome-extension:.)
        if not request.url.startswith((*IN_THE_PAGE, "http://127.0.0.1:", "chrome")):
            foreign.append(request.url)

    context.on("request", record)
    yield
    context.remove_listener("request", record)
    assert not foreign, f"requests that left the machine: {foreign}"


@pytest.fixture
def site_copy(site: SiteServer, tmp_path: Path) -> Path:
    """A copy of the built site (with its PDFs), to serve and then take away."""
    copy = tmp_path / "site"
    shutil.copytree(site.directory, copy)
    return copy


# What the first frame finds: the page read to its end, Material's script started.
_RECORD_FIRST_FRAME = (
    "requestAnimationFrame(() => { window.gkFirstFrame = {"
    " footer: document.querySelector('.md-footer') !== null,"
    " themeStarted: document.documentElement.classList.contains('js') }; });"
)


def test_a_long_page_from_the_worker_paints_whole_and_started(page: Page, site: SiteServer) -> None:
    """Painted while still being read, a long page shows before Material's script has run:
    that script's start and its styling of the whole page then come after the paint, on a phone
    a page that shows but does not respond. Served by the offline worker (every visit after the
    first), the first paint waits for both (overrides/main.html). With the processor slowed as
    Lighthouse's phone (4x), the 8-tje (and the reflectietool) is painted early without that."""
    page.goto(site.url("/tools/achtje/"))
    kept_by_worker(page)
    page.add_init_script(_RECORD_FIRST_FRAME)
    cdp = page.context.new_cdp_session(page)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
    for _ in range(2):
        page.reload()
        assert page.evaluate("navigator.serviceWorker.controller !== null")
        first = page.evaluate("window.gkFirstFrame")
        assert first == {"footer": True, "themeStarted": True}, first
    cdp.detach()


def test_after_one_visit_every_instrument_works_without_a_network(
    context: BrowserContext, page: Page, site_copy: Path, tmp_path: Path
) -> None:
    """In a school without a working network a page opened earlier must still open, fill,
    save, export, import, print, share, compare and search, and say that the answers are still
    kept here."""
    with LoopbackServer(site_copy) as server:
        page.goto(server.url("/"))
        kept_by_worker(page)
    context.set_offline(True)  # and the server is gone

    for instrument_id in definitions.instrument_ids():
        page.goto(server.url(definitions.instrument_url(instrument_id)))
        expect(page.get_by_text(OFFLINE_NOTE, exact=True)).to_be_visible()
        answer = TextQuestion(page, long_text_label(instrument_id))
        answer.fill(f"Zonder netwerk ingevuld ({instrument_id})")
        AnswerToolbar(page).expect_saved()
        page.reload()
        answer.expect_value(f"Zonder netwerk ingevuld ({instrument_id})")
        toolbar = AnswerToolbar(page)
        exported = toolbar.export()
        assert f"Zonder netwerk ingevuld ({instrument_id})" in exported.text
        if instrument_id == "praatplaat":
            # Wiped, imported back, printed, and sent as a link: all with code loaded on use.
            file = tmp_path / exported.name
            file.write_text(exported.text, encoding="utf-8")
            toolbar.wipe(accept=True)
            answer.expect_empty()
            toolbar.import_file(file)
            toolbar.expect_imported()
            answer.expect_value("Zonder netwerk ingevuld (praatplaat)")
            printed = " ".join(page_texts(print_pdf(page, "offline-praatplaat")))
            assert "Zonder netwerk ingevuld (praatplaat)" in printed
            expect(share(page)).to_have_value(re.compile(r"/vergelijken/#antwoorden="))

        # The blank PDF, from the link on the page: the browser opens it (a link that asks for
        # a download would pass the worker by, and fail without a network).
        paper = definitions.instrument(instrument_id).print.paper
        link = page.get_by_role("link", name=f"Download als PDF, {paper}", exact=True)
        with page.expect_response(lambda r: r.url.endswith(".pdf")) as response:
            link.click()
        assert response.value.ok and response.value.from_service_worker
        assert response.value.headers["content-type"] == "application/pdf"
        page.go_back()
        start = page.evaluate(
            "(url) => fetch(url).then((r) => r.text()).then((t) => t.slice(0, 5))",
            response.value.url,
        )
        assert start == "%PDF-", "the kept PDF is the whole file"

    # The comparison view, with two people's files.
    page.goto(server.url(definitions.comparison_url("reflectietool")))
    view = ComparisonView(page)
    view.expect_ready()
    view.open(
        [
            payload("anna.json", answer_file("reflectietool", {}, {"naam": "Anna"})),
            payload("cas.json", answer_file("reflectietool", {}, {"naam": "Cas"})),
        ]
    )
    assert view.names() == ["Anna", "Cas"]

    # Material's search, over the kept pages.
    page.goto(server.url("/"))
    page.get_by_role("textbox", name="Zoeken").or_(page.get_by_label("Zoeken")).first.click()
    page.keyboard.type("praatplaat")
    expect(page.locator(".md-search-result__item").first).to_be_visible()

    # A page that was never built: the site's own "not found", not the browser's error.
    page.goto(server.url("/bestaat-niet/"))
    expect(page.get_by_role("heading", level=1)).to_have_text("404 - Not found")


def test_the_notes_are_quiet_and_accessible(
    context: BrowserContext, page: Page, site_copy: Path
) -> None:
    """The offline note is read out (a status), sits in the page's flow (covering nothing),
    goes once the network is back, and is not printed."""
    from .test_accessibility import expect_no_axe_violations

    with LoopbackServer(site_copy) as server:
        page.goto(server.url("/tools/matrix/"))
        kept_by_worker(page)
        note = page.get_by_role("status").filter(has_text=OFFLINE_NOTE)
        context.set_offline(True)
        expect(note).to_be_visible()
        expect_no_axe_violations(page)
        top = note.bounding_box()
        assert top is not None and top["y"] < 120, "under the header, in the page's flow"
        page.emulate_media(media="print")
        expect(note).to_be_hidden()
        page.emulate_media(media="screen")
        context.set_offline(False)
        expect(note).to_have_count(0)


class Recording(QuietHandler):
    """Serves the site and notes each path asked for."""

    asked: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        Recording.asked.append(self.path.split("?")[0])
        super().do_GET()


def _build(project: Path, site_dir: Path, origin: str) -> None:
    env = {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "SITE_URL": f"{origin}/",
        "GEREEDSCHAPSKIST_PDF": "never",
    }
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "--site-dir", str(site_dir)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the project's site sources, whose definitions a test may change."""
    copy = tmp_path / "project"
    for name in ("docs", "overrides", "tool_templates"):
        shutil.copytree(PROJECT_DIR / name, copy / name)
    shutil.copy(PROJECT_DIR / "mkdocs.yml", copy / "mkdocs.yml")
    return copy


def taken_over(context: BrowserContext, version: str) -> None:
    """Wait until this version of the worker is the active one."""
    state = "() => [VERSION, self.serviceWorker.state]"  # VERSION: the worker's own constant
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        for worker in context.service_workers:
            with contextlib.suppress(PlaywrightError):  # one that has just gone
                if worker.evaluate(state) == [version, "activated"]:
                    return
        time.sleep(0.1)
    pytest.fail(f"version {version} of the worker did not take over once no page was open")


def _version(site_dir: Path) -> str:
    found = re.search(r'const VERSION="(\w+)"', (site_dir / "sw.js").read_text("utf-8"))
    assert found, "sw.js names its version"
    return found.group(1)


def test_a_new_build_takes_effect_on_the_next_visit_and_replaces_only_what_changed(
    context: BrowserContext, project: Path, tmp_path: Path
) -> None:
    """A rebuilt instrument must reach visitors without them losing what they are filling in:
    the open page stays as it is and says a new version is ready; the next visit has it, only
    the changed files were fetched again, and nothing of the old version is kept."""
    site_dir = tmp_path / "served"
    site_dir.mkdir()
    definition = project / "tool_templates" / "praatplaat.yml"
    question = "Welk probleem of uitdaging willen we aanpakken?"
    renamed = "Welk probleem willen we samen aanpakken?"
    with LoopbackServer(site_dir, Recording) as server:
        _build(project, site_dir, server.origin)
        first = json.loads((site_dir / "offline.json").read_text(encoding="utf-8"))["files"]
        page = context.new_page()
        page.goto(server.url("/tools/praatplaat/"))
        kept_by_worker(page)
        expect(page.get_by_label(question, exact=True)).to_be_visible()
        page.close()

        text = definition.read_text(encoding="utf-8")
        definition.write_text(text.replace(f"label: {question}", f"label: {renamed}", 1), "utf-8")
        _build(project, site_dir, server.origin)
        second = json.loads((site_dir / "offline.json").read_text(encoding="utf-8"))["files"]
        changed = {path for path in second if first.get(path) != second[path]}
        assert "tools/praatplaat/" in changed and "tools/matrix/" not in changed

        # The visit during which the new version arrives: the page stays the old one.
        Recording.asked.clear()
        page = context.new_page()
        page.goto(server.url("/tools/praatplaat/"))
        note = page.get_by_role("status").filter(has_text=UPDATE_NOTE)
        expect(note).to_be_visible(timeout=30_000)
        expect(page.get_by_label(question, exact=True)).to_be_visible()
        fetched = {path.removeprefix("/") for path in Recording.asked}
        assert fetched - {"sw.js", "offline.json"} <= changed, "unchanged files fetched again"
        assert "tools/praatplaat/" in fetched
        page.close()
        # Later, with no page of the site open, the new version takes over: the next visit's.
        # (Opened at once, a page can reach the browser before the closing one has left it.)
        taken_over(context, _version(site_dir))

        # The next visit: the new version, kept in its own cache alone.
        page = context.new_page()
        page.goto(server.url("/tools/praatplaat/"))
        expect(page.get_by_label(renamed, exact=True)).to_be_visible()
        caches = [n for n in page.evaluate("caches.keys()") if n.startswith(CACHE_PREFIX)]
        assert caches == [CACHE_PREFIX + _version(site_dir)]


def test_a_connection_that_saves_data_keeps_no_copy(page: Page, site_copy: Path) -> None:
    """A visitor who asked their phone to save data must not download the whole site."""
    page.add_init_script(
        "Object.defineProperty(navigator, 'connection', { value: { saveData: true } })"
    )
    with LoopbackServer(site_copy) as server:
        page.goto(server.url("/tools/matrix/"))
        page.wait_for_load_state("load")
        # The registration is on the page and the load is past: it ran, and chose not to.
        loaded = "(n) => performance.getEntriesByType('resource').some((e) => e.name.endsWith(n))"
        assert page.evaluate(loaded, OFFLINE_SCRIPT), "the registration did not load"
        page.wait_for_timeout(REGISTERS_AFTER + 1500)
        registered = "navigator.serviceWorker.getRegistrations().then((r) => r.length)"
        assert page.evaluate(registered) == 0


def test_a_return_visit_compiles_the_theme_script_off_the_main_thread(
    context: BrowserContext, page: Page, site_copy: Path, tmp_path: Path
) -> None:
    """Served by the worker, Material's script came with a full code cache that the page read
    back on its main thread: on a phone, 30 ms on every return visit before the page answered
    (issue 19). From the network the script is compiled off the main thread (streamed)."""
    browser = context.browser
    assert browser is not None
    trace = tmp_path / "trace.json"
    with LoopbackServer(site_copy) as server:
        url = server.url(definitions.instrument_url("achtje"))
        page.goto(url)
        kept_by_worker(page)
        browser.start_tracing(page=page, path=str(trace), categories=["devtools.timeline", "v8"])
        with page.expect_response(lambda r: "/bundle." in r.url) as bundle:
            page.goto(url)
        expect(page.locator("gk-instrument[data-gk-ready]")).to_be_attached()
        browser.stop_tracing()
    assert bundle.value.from_service_worker, "the return visit is served by the worker"
    events = json.loads(trace.read_text(encoding="utf-8"))["traceEvents"]
    compiles = [
        event["args"]["data"]
        for event in events
        if event["name"] == "v8.compile" and "/bundle." in event["args"]["data"].get("url", "")
    ]
    assert compiles, "the theme's script was not compiled"
    assert all(data.get("streamed") for data in compiles), compiles
