"""Every page loads cleanly, in Dutch, with a real title, and stays on this site."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, Route, expect

from . import definitions
from .conftest import ConsoleLog, PolicyViolations, RequestLog
from .definitions import SITE_NAME


def expected_title(path: str) -> str:
    """The start of a page's <title>: the page's own name, then the site's name."""
    if path == "/":
        return ""
    if path == "/tools/":
        return "Instrumenten - "
    if path.startswith("/tools/"):
        _, instrument_id, *view = path.strip("/").split("/")
        title = definitions.instrument(instrument_id).title
        return f"{title}: antwoorden vergelijken - " if view else f"{title} - "
    return f"{definitions.written_page_title(path)} - "


@pytest.mark.parametrize("path", definitions.page_params())
def test_page_loads_in_dutch_without_errors_or_foreign_requests(
    page: Page, path: str, console_log: ConsoleLog, request_log: RequestLog
) -> None:
    """A visitor would get a broken, untitled or non-Dutch page, or a page that leaks requests."""
    response = page.goto(path)
    assert response is not None
    assert response.status == 200, f"{path} answered {response.status}"
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    expect(page).to_have_title(
        re.compile(f"^{re.escape(expected_title(path))}.*{re.escape(SITE_NAME)}$")
    )
    expect(page.get_by_role("heading", level=1)).to_have_count(1)
    page.wait_for_load_state("networkidle")
    console_log.expect_no_errors()
    assert request_log.urls, "no requests were recorded at all"
    request_log.expect_no_foreign_requests()


# Every stylesheet load, in the order the browser ends them, and when the theme's script starts.
_RECORD_STYLESHEET_LOADS = """
window.gkStylesheetLoads = [];
document.addEventListener("load", (event) => {
  const link = event.target;
  if (link.localName === "link" && link.rel === "stylesheet")
    gkStylesheetLoads.push({ href: link.getAttribute("href"), at: performance.now() });
}, true);
"""
_THEME_SCRIPT = "**/assets/javascripts/bundle.*.min.js"


@pytest.mark.parametrize("path", ["/", "/tools/reflectietool/"])
def test_the_theme_loads_no_stylesheet_again_when_it_starts(page: Page, path: str) -> None:
    """Material's instant navigation makes every relative address absolute when its script
    starts. A stylesheet's new address is a new load, and the browser styles the whole page
    again: on a long page, after its first paint, a long task on a phone (overrides/main.html
    makes them absolute before the body is there)."""
    page.add_init_script(_RECORD_STYLESHEET_LOADS)

    def marking_the_start(route: Route) -> None:
        response = route.fetch()
        mark = "window.gkThemeStart = performance.now();\n"
        route.fulfill(response=response, body=mark + response.text())

    page.route(_THEME_SCRIPT, marking_the_start)
    page.goto(path)
    page.wait_for_load_state("networkidle")
    # Two frames: a load that the theme's start began has ended and been recorded by then.
    page.evaluate("new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))")
    start = page.evaluate("window.gkThemeStart")
    assert start is not None, "the theme's script did not run"
    loads = page.evaluate("gkStylesheetLoads")
    sheets = page.evaluate("document.styleSheets.length")
    assert len({load["href"] for load in loads}) >= sheets >= 4, loads
    again = [load["href"] for load in loads if load["at"] >= start]
    assert not again, f"loaded again when the theme started: {again}"
    expect(page.locator(".md-header")).to_have_css("position", "sticky")


@pytest.mark.browser_context_args(bypass_csp=True)  # the policy would stop it first
def test_request_guard_notices_a_request_to_another_host(
    page: Page, request_log: RequestLog
) -> None:
    """Without this, a page could send requests to other hosts and no test would notice."""
    page.goto("/")
    with page.expect_request("https://example.org/beacon"):
        page.evaluate("fetch('https://example.org/beacon').catch(() => null)")
    assert request_log.foreign == ["https://example.org/beacon"]
    request_log.foreign.clear()  # the one foreign request here is the point of the test


@pytest.mark.parametrize("instrument_id", definitions.instrument_ids())
def test_instrument_page_says_how_to_use_it(page: Page, instrument_id: str) -> None:
    """A facilitator would not see on the page when, with whom and how long to use it."""
    instrument = definitions.instrument(instrument_id)
    page.goto(definitions.instrument_url(instrument_id))
    block = page.get_by_role("region", name="Zo gebruik je dit instrument")
    for text in (
        instrument.guidance.when,
        instrument.guidance.with_whom,
        instrument.guidance.duration,
        instrument.guidance.materials,
        # None of these four is in the source: the site says they are its own suggestion.
        "Wanneer, met wie, hoe lang en wat je nodig hebt zijn een suggestie van de makers van "
        "deze site.",
    ):
        expect(block).to_contain_text(text)
    block.get_by_role("link", name="handleiding voor begeleiders").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Handleiding voor begeleiders")


# What the site adds to the source, marked where it shows (issue 18), and in the Achtergrond.
SUGGESTIONS = {
    "/tools/reflectietool/": [
        "De antwoordschaal, van helemaal oneens tot helemaal eens en weet "
        "niet, is een suggestie van de makers van deze site."
    ],
    "/tools/achtje/": ["Meer dan twee partners is een suggestie van de makers van deze site."],
    "/achtergrond/": [
        "Wat deze site daaraan toevoegt, is een suggestie van de makers van deze site:",
        "Wanneer, met wie, hoe lang en wat je nodig hebt",
        "De antwoordschaal van de reflectietool",
        "Meer dan twee partners in het 8-tje",
    ],
}


def test_what_the_site_adds_to_the_source_is_marked_as_its_suggestion(page: Page) -> None:
    """A reader would take the site's own additions (a scale, more partners) for the source's."""
    for path, sentences in SUGGESTIONS.items():
        page.goto(path)
        main = page.get_by_role("main")
        for sentence in sentences:
            expect(main, path).to_contain_text(sentence)


def test_security_policy_stops_foreign_requests_and_injected_scripts(
    page: Page, request_log: RequestLog, policy_violations: PolicyViolations
) -> None:
    """Without the policy, a script slipped into a page could run, or send answers elsewhere."""
    page.goto(definitions.instrument_url("reflectietool"))
    page.evaluate("fetch('https://example.org/beacon').catch(() => null)")
    page.evaluate(
        "() => { const s = document.createElement('script');"
        " s.textContent = 'window.gkInjected = true'; document.head.append(s); }"
    )
    page.wait_for_function("() => true")
    assert page.evaluate("window.gkInjected") is None
    assert request_log.urls and "https://example.org/beacon" not in request_log.urls
    kinds = sorted(v.split(" ")[0] for v in policy_violations.violations)
    assert kinds == ["connect-src", "script-src-elem"], policy_violations.violations
    policy_violations.violations.clear()  # provoked on purpose
