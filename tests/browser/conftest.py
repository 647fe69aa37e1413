"""Real-browser fixtures: a system Chromium, the site built once and served on a loopback port,
and a guard that fails any test whose page sends a request to another host."""

from __future__ import annotations

import weakref
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, ConsoleMessage, Error, Page, Request

from generator.site.chromium import CHROMIUM_ARGS, chromium_executable

from .served_site import BuildError, SiteServer, build_site

# A port nothing listens on (9 is "discard", which no test machine runs).
NO_PROXY = "127.0.0.1:9"


@pytest.fixture(scope="session")
def browser_type_launch_args(
    browser_type_launch_args: dict[str, Any], browser_name: str | None
) -> dict[str, Any]:
    """pytest-playwright's launch options, plus the system Chromium and its flags, and a proxy
    that doesn't exist: a request to another host fails in the browser's own network stack
    (Chromium never sends loopback addresses to a proxy). The request guard below records such a
    request; blocking it with a Playwright route instead would switch off the browser's HTTP
    cache, and with it most of what the shared context saves."""
    if browser_name not in (None, "chromium"):
        return browser_type_launch_args
    options = {**browser_type_launch_args}
    executable = chromium_executable()
    if executable and "channel" not in options:
        options["executable_path"] = executable
    options["args"] = [*options.get("args", []), *CHROMIUM_ARGS, f"--proxy-server={NO_PROXY}"]
    return options


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict[str, Any]) -> dict[str, Any]:
    """pytest-playwright's context options, with service workers blocked: the site's offline
    worker would fetch the whole site into every context. test_offline.py lets them run."""
    return {**browser_context_args, "service_workers": "block"}


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SiteServer]:
    """The site, built once with its ``site_url`` set to the server's origin, and served."""
    site_dir = tmp_path_factory.mktemp("site")
    with SiteServer(site_dir) as server:
        try:
            build_site(site_dir, server.url("/"))
        except BuildError as error:
            pytest.fail(str(error), pytrace=False)
        yield server


@pytest.fixture(scope="session")
def base_url(site: SiteServer) -> str:
    """Lets tests say ``page.goto("/tools/")``."""
    return site.origin


# The components' code loads after the page's load event (only on the pages that have them), so
# page.goto waits for them too, as a person would wait for the page to work. (The feedback block
# loads later, when it nears the view: see FeedbackForm.expect_shown.)
COMPONENTS_READY = """() => [...document.querySelectorAll("gk-instrument, gk-compare")]
  .every((component) => component.hasAttribute("data-gk-ready"))"""


def _goto_when_ready(page: Page) -> Page:
    """The page, whose ``goto`` and ``reload`` return once our components have started."""
    goto, reload = page.goto, page.reload

    def goto_when_ready(url: str, **options: Any) -> Any:
        response = goto(url, **options)
        page.wait_for_function(COMPONENTS_READY)
        return response

    def reload_when_ready(**options: Any) -> Any:
        response = reload(**options)
        page.wait_for_function(COMPONENTS_READY)
        return response

    page.goto = goto_when_ready  # type: ignore[method-assign]
    page.reload = reload_when_ready  # type: ignore[method-assign]
    return page


class SharedContext:
    """One browser context for the tests that don't ask for their own, so its HTTP cache (and
    the compiled scripts it keeps) is shared: a page then takes about a fifth less processor
    time than in a fresh context, as for a visitor on their second page. Between tests it is
    emptied of what a test can leave: its pages (and with them their routes, init scripts and
    sessionStorage), the site's localStorage and other storage, and the offline switch."""

    def __init__(self, context: BrowserContext, origin: str) -> None:
        self.context = context
        self.origin = origin

    def reset(self) -> None:
        # Every page leaves the site before its storage is emptied: a page still open can still
        # save (another tab's last write reaches it late, and it saves what it has newer), and
        # the next test would find those answers. The emptying goes through a page the test
        # left, if any: opening one costs more than all the rest.
        pages = self.context.pages or [self.context.new_page()]
        for page in pages:
            page.goto("about:blank")
        session = self.context.new_cdp_session(pages[0])
        session.send("Storage.clearDataForOrigin", {"origin": self.origin, "storageTypes": "all"})
        session.detach()
        for page in pages:
            page.close()
        self.context.set_offline(False)


@pytest.fixture(scope="session")
def shared_context(
    browser: Browser, browser_context_args: dict[str, Any], site: SiteServer
) -> Iterator[SharedContext]:
    context = browser.new_context(**browser_context_args)
    yield SharedContext(context, site.origin)
    context.close()


@pytest.fixture
def context(
    request: pytest.FixtureRequest,
    new_context: Callable[..., BrowserContext],
    shared_context: SharedContext,
) -> Iterator[BrowserContext]:
    """The shared context, emptied after the test; a test that names its own context options
    (``@pytest.mark.browser_context_args``) gets a fresh context of its own, as before."""
    if request.node.get_closest_marker("browser_context_args"):
        yield new_context()
        return
    yield shared_context.context
    shared_context.reset()


@pytest.fixture
def page(context: BrowserContext) -> Iterator[Page]:
    """A new page, and every other page of its context (a second tab), whose ``goto`` and
    ``reload`` wait for our components to start."""
    context.on("page", _goto_when_ready)
    yield _goto_when_ready(context.new_page())
    context.remove_listener("page", _goto_when_ready)


class RequestLog:
    """Every request of a browser context; requests to other hosts are recorded (and fail: see
    the proxy in ``browser_type_launch_args``)."""

    def __init__(self, site: SiteServer) -> None:
        self.site = site
        self.urls: list[str] = []
        self.foreign: list[str] = []

    def record(self, request: Request) -> None:
        self.urls.append(request.url)
        if not self.site.is_local(request.url):
            self.foreign.append(request.url)

    def expect_no_foreign_requests(self) -> None:
        listed = "\n  ".join(self.foreign)
        assert not self.foreign, f"requests to other hosts than {self.site.origin}:\n  {listed}"


@pytest.fixture(autouse=True)
def request_log(context: BrowserContext, site: SiteServer) -> Iterator[RequestLog]:
    """Records the requests of every page of the test; the test fails if one left the site."""
    log = RequestLog(site)
    context.on("request", log.record)
    yield log
    context.remove_listener("request", log.record)
    log.expect_no_foreign_requests()


class PolicyViolations:
    """Every Content-Security-Policy violation a page or frame reports (its
    ``securitypolicyviolation`` event), across navigations."""

    SCRIPT = """document.addEventListener("securitypolicyviolation", (event) => {
      window.gkPolicyViolation(`${event.effectiveDirective} blocked ${event.blockedURI || "inline"}`
        + ` at ${event.sourceFile || location.href}:${event.lineNumber}`);
    });"""

    def __init__(self) -> None:
        self.violations: list[str] = []

    def record(self, violation: str) -> None:
        self.violations.append(violation)

    @staticmethod
    def relay(context: BrowserContext) -> ViolationRelay:
        """The context's one relay to the current test's log (a binding can be exposed to a
        context only once, and the shared context outlives each test)."""
        if context not in _RELAYS:
            relay = _RELAYS[context] = ViolationRelay()
            context.expose_binding("gkPolicyViolation", relay.record)
            context.add_init_script(PolicyViolations.SCRIPT)
        return _RELAYS[context]

    def expect_none(self) -> None:
        listed = "\n  ".join(self.violations)
        assert not self.violations, f"the security policy was violated:\n  {listed}"


class ViolationRelay:
    """Hands a page's report of a policy violation to the log of the test now running."""

    log: PolicyViolations | None = None

    def record(self, source: dict[str, Any], violation: str) -> None:
        if self.log is not None:
            self.log.record(violation)


_RELAYS: weakref.WeakKeyDictionary[BrowserContext, ViolationRelay] = weakref.WeakKeyDictionary()


@pytest.fixture(autouse=True)
def policy_violations(context: BrowserContext) -> Iterator[PolicyViolations]:
    """Fails every test during which a page broke its Content-Security-Policy: whatever a test
    does with a page, the policy must allow it (and no page may try what it forbids)."""
    log = PolicyViolations()
    relay = PolicyViolations.relay(context)
    relay.log = log
    yield log
    relay.log = None
    log.expect_none()


class ConsoleLog:
    """Errors a page reports: console.error messages and uncaught exceptions."""

    def __init__(self) -> None:
        self.errors: list[str] = []

    def on_console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            where = message.location.get("url", "")
            self.errors.append(f"console.error: {message.text} ({where})")

    def on_page_error(self, error: Error) -> None:
        self.errors.append(f"uncaught: {error.message}")

    def expect_no_errors(self) -> None:
        listed = "\n  ".join(self.errors)
        assert not self.errors, f"the page reported errors:\n  {listed}"


@pytest.fixture
def console_log(page: Page) -> ConsoleLog:
    """Collects the errors the page reports while the test runs."""
    log = ConsoleLog()
    page.on("console", log.on_console)
    page.on("pageerror", log.on_page_error)
    return log


@pytest.fixture
def recording(page: Page) -> Page:
    """The page, with ``window.print`` (in it and its frames) replaced by a note in the top
    window's ``gkPrinted`` of which page asked: a test can't press a print dialog's button."""
    page.add_init_script(
        "window.print = () => { (window.top.gkPrinted ||= []).push(location.href);"
        " window.dispatchEvent(new Event('afterprint')); };"
    )
    return page
