"""The security policy each page carries: which inline scripts it allows, and where it stands."""

from __future__ import annotations

import base64
import hashlib

import pytest

from generator.csp import headers_file, inline_script_hashes, policy, with_policy


def sha(text: str) -> str:
    return f"'sha256-{base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()}'"


PAGE = (
    '<!doctype html><html><head><meta charset="utf-8"><title>t</title>'
    "<script>var a = 1;</script>"
    '<script id="__config" type="application/json">{"x": 1}</script>'
    '<script src="x.js"></script>'
    '<script type="module">import "./y.js";</script>'
    "</head><body><script>\nvar b = 'é';\n</script></body></html>"
)


def test_every_inline_script_that_runs_is_hashed_and_nothing_else() -> None:
    """A missing hash stops one of the page's scripts; an extra one allows what it need not."""
    assert inline_script_hashes(PAGE) == [
        sha("var a = 1;"),
        sha('import "./y.js";'),
        sha("\nvar b = 'é';\n"),
    ]


def test_policy_allows_scripts_only_from_the_site_and_by_hash() -> None:
    """unsafe-inline or a foreign source would let an injected script run."""
    rules = dict(rule.split(" ", 1) for rule in policy([sha("x")]).split("; "))
    assert rules["script-src"] == f"'self' {sha('x')}"
    assert rules["default-src"] == "'self'"
    assert rules["object-src"] == "'none'"
    assert rules["base-uri"] == "'self'" and rules["form-action"] == "'self'"
    assert "unsafe" not in policy([sha("x")])


def test_policy_comes_first_in_the_head() -> None:
    """A policy after a script does not cover that script."""
    secured = with_policy(PAGE)
    head = secured.split("<title>")[0]
    assert head.startswith('<!doctype html><html><head><meta charset="utf-8"><meta http-equiv=')
    assert f"script-src 'self' {sha('var a = 1;')}" in head
    assert '<meta name="referrer" content="no-referrer">' in head


def test_a_page_without_a_head_is_refused() -> None:
    with pytest.raises(ValueError, match="no <head>"):
        with_policy("<p>geen kop</p>")


def test_headers_file_holds_every_pages_hashes_once() -> None:
    """A host that sends the header would block the scripts of a page whose hash is missing."""
    text = headers_file([sha("b"), sha("a"), sha("b")])
    (line,) = [line for line in text.splitlines() if "Content-Security-Policy" in line]
    assert line.count("sha256-") == 2
    assert "frame-ancestors 'self'" in line
    assert text.startswith("/*\n")
