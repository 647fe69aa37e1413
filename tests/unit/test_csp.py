"""The security policy each page carries: which inline scripts it allows, and where it stands."""

from __future__ import annotations

import base64
import hashlib
from pathlib import Path

import pytest

from generator.site.csp import (
    KnownScripts,
    UnknownScript,
    headers_file,
    inline_script_hashes,
    known_script_hashes,
    policy,
    with_policy,
)


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


KNOWN = KnownScripts(["var a = 1;", 'import "./y.js";', "\nvar b = 'é';\n"])


def test_policy_comes_first_in_the_head() -> None:
    """A policy after a script does not cover that script."""
    secured = with_policy(PAGE, known_script_hashes(PAGE, KNOWN))
    head = secured.split("<title>")[0]
    assert head.startswith('<!doctype html><html><head><meta charset="utf-8"><meta http-equiv=')
    assert f"script-src 'self' {sha('var a = 1;')}" in head
    assert '<meta name="referrer" content="no-referrer">' in head


def test_a_page_without_a_head_is_refused() -> None:
    with pytest.raises(ValueError, match="no <head>"):
        with_policy("<p>geen kop</p>", [])


def test_headers_file_holds_every_pages_hashes_once() -> None:
    """A host that sends the header would block the scripts of a page whose hash is missing."""
    text = headers_file([sha("b"), sha("a"), sha("b")])
    (line,) = [line for line in text.splitlines() if "Content-Security-Policy" in line]
    assert line.count("sha256-") == 2
    assert "frame-ancestors 'self'" in line
    assert text.startswith("/*\n")


# The theme's template of its first script, as Material writes it (partials/javascripts/base.html).
THEME_SCRIPT = '__md_scope=new URL("{{ config.extra.scope | d(base_url) }}",location),__md_x=1'


def test_a_theme_script_is_known_whatever_its_base_url() -> None:
    """Material writes the page's relative base URL into its first script: a policy that only
    knew one page's would stop every other page's theme."""
    known = KnownScripts([THEME_SCRIPT, "var fixed = 1;"])
    for url in ("/", ".", "..", "../../..", "/gereedschapskist/", "https://example.org/x/"):
        assert f'__md_scope=new URL("{url}",location),__md_x=1' in known, url
    assert "var fixed = 1;" in known


@pytest.mark.parametrize(
    "script",
    [
        'alert("x")',
        "var fixed = 1;alert(1)",
        '__md_scope=new URL("/"+alert(1)+"/",location),__md_x=1',
        '__md_scope=new URL("/",location),__md_x=1;alert(1)',
        '__md_scope=new URL("\\",location),__md_x=1',
        '__md_scope=new URL("/");alert(1);("/",location),__md_x=1',
    ],
)
def test_a_script_the_theme_does_not_write_is_refused(script: str) -> None:
    """An injected script would get its own hash and run; one dressed as the theme's script,
    with code where its URL goes, would too."""
    known = KnownScripts([THEME_SCRIPT, "var fixed = 1;"])
    assert script not in known
    page = f'<html><head><meta charset="utf-8"></head><body><script>{script}</script></body>'
    with pytest.raises(UnknownScript, match="neither the theme nor the generator"):
        known_script_hashes(page, known)


def test_a_template_value_outside_a_string_or_logic_in_a_script_is_never_known() -> None:
    """A value in code position could hold code; a script with template logic has shapes no
    pattern can follow. Both are refused rather than guessed."""
    known = KnownScripts(["var n={{ n }};", '{% if x %}var a="{{ a }}"{% endif %}'])
    assert "var n=1;" not in known and "var n=alert;" not in known
    assert 'var a="x"' not in known


def test_the_known_scripts_are_read_from_the_theme_templates(tmp_path: Path) -> None:
    """A script taken from the templates' text would not match the page, or one in a template
    that runs no script (JSON, a src) would be allowed."""
    folder = tmp_path / "partials"
    folder.mkdir()
    (folder / "a.html").write_text(
        "{# comment #}<script>" + THEME_SCRIPT + "</script>"
        '<script id="__config" type="application/json">{"a": "{{ b }}"}</script>'
        '<script src="{{ url }}"></script>',
        encoding="utf-8",
    )
    known = KnownScripts.from_templates([tmp_path])
    assert '__md_scope=new URL("../..",location),__md_x=1' in known
    assert '{"a": "b"}' not in known
