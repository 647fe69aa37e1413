"""A Content-Security-Policy written into every page at build time.

Scripts run only from the site itself or when they are inline scripts the theme is known to
write (by their sha256 hash): no ``unsafe-inline``, no ``unsafe-eval``. The known scripts are
read from the theme's own templates, so a script that reaches a page any other way (through a
definition, a hand-written page) is not hashed but stops the build. The generator writes no
inline scripts of its own: its data travels in attributes and inert templates.
A static host cannot be trusted to send headers, so the policy travels in a ``<meta>`` element;
hosts that do send headers get the same policy (with every page's hashes) in a ``_headers``
file. Kept apart from MkDocs: it works on finished HTML.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable
from itertools import pairwise
from pathlib import Path

_SCRIPT = re.compile(r"<script(?P<attributes>[^>]*)>(?P<body>.*?)</script\s*>", re.DOTALL | re.I)
_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.I)
_SRC = re.compile(r"\bsrc\s*=", re.I)
_HEAD = re.compile(r"<head(\s[^>]*)?>", re.I)
_CHARSET = re.compile(r"<meta\s+charset\s*=\s*[\"']?[\w-]+[\"']?\s*/?>", re.I)
# Types a browser runs; others (application/json, templates) are data and need no permission.
_SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}

# Everything from the site itself; nothing from anywhere else. Styles: our own files only
# (scripts set styles through the DOM, which a policy does not restrict).
_DIRECTIVES = {
    "default-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "style-src": ["'self'"],
    "object-src": ["'none'"],
    "worker-src": ["'self'"],  # the site's service worker (offline use) and search
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
}
REFERRER = '<meta name="referrer" content="no-referrer">'
# Only a header can say who may frame the site; the blank print frame is the site's own.
HEADER_ONLY = {"frame-ancestors": ["'self'"]}


def inline_scripts(html: str) -> list[str]:
    """The body of every inline script the page runs, in page order.

    A regular expression, not a parser: where it reads a script differently from a browser, the
    browser's script has another hash, so it is refused, never allowed.
    """
    bodies = []
    for match in _SCRIPT.finditer(html):
        attributes = match.group("attributes")
        if _SRC.search(attributes):
            continue
        kind = _TYPE.search(attributes)
        if (kind.group(1).lower() if kind else "") not in _SCRIPT_TYPES:
            continue
        bodies.append(match.group("body"))
    return bodies


def script_hash(body: str) -> str:
    """The CSP source that allows this inline script, ``'sha256-…'``."""
    digest = hashlib.sha256(body.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def inline_script_hashes(html: str) -> list[str]:
    """The CSP source of every inline script the page runs, in page order, each once."""
    return list(dict.fromkeys(script_hash(body) for body in inline_scripts(html)))


# The only part of a theme's inline script that differs from page to page is a URL in a string
# (``{{ base_url }}``: "..", "../..", "/"): characters that cannot end the string or start code.
_TEMPLATE_VALUE = re.compile(r"\{\{.*?\}\}", re.DOTALL)
_URL_TEXT = r"[A-Za-z0-9._~/:%+-]*"


def _values_in_strings(parts: list[str]) -> bool:
    """Whether every template value between these parts fills a quoted string, whole."""
    if any("{%" in part or "{#" in part for part in parts):
        return False
    return all(
        before[-1:] in {'"', "'"} and after[:1] == before[-1:] for before, after in pairwise(parts)
    )


class UnknownScript(ValueError):
    """An inline script that the theme and the generator do not write."""

    def __init__(self, body: str) -> None:
        shown = body if len(body) <= 60 else body[:57] + "…"
        super().__init__(
            f"an inline script that neither the theme nor the generator writes: {shown!r} "
            "(expected only the theme's own inline scripts; text from a definition is shown as "
            "text, and a page's own script belongs in a file listed under extra_javascript)"
        )


class KnownScripts:
    """The inline scripts the theme writes, as read from its templates: each a fixed text, or a
    pattern where a template value (a URL) stands in the string it fills."""

    def __init__(self, template_scripts: Iterable[str]) -> None:
        self._texts: set[str] = set()
        self._patterns: list[re.Pattern[str]] = []
        for body in template_scripts:
            parts = _TEMPLATE_VALUE.split(body)
            if len(parts) == 1 and "{%" not in body and "{#" not in body:
                self._texts.add(body)
            elif _values_in_strings(parts):
                self._patterns.append(re.compile(_URL_TEXT.join(re.escape(p) for p in parts)))
            # Otherwise (logic in the script, a value outside a string) it cannot be matched
            # safely: such a script is refused where it appears.

    @classmethod
    def from_templates(cls, folders: Iterable[str | Path]) -> KnownScripts:
        """The inline scripts in every HTML template of these folders (the theme's, with its
        overrides)."""
        scripts = []
        for folder in folders:
            for template in sorted(Path(folder).rglob("*.html")):
                scripts += inline_scripts(template.read_text(encoding="utf-8"))
        return cls(scripts)

    def __contains__(self, body: object) -> bool:
        if not isinstance(body, str):
            return False
        return body in self._texts or any(p.fullmatch(body) for p in self._patterns)


def policy(hashes: Iterable[str], *, header: bool = False) -> str:
    """The policy's text for pages whose inline scripts have these hashes."""
    directives = {**_DIRECTIVES, "script-src": ["'self'", *hashes]}
    if header:
        directives.update(HEADER_ONLY)
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives.items())


def known_script_hashes(html: str, known: KnownScripts) -> list[str]:
    """The CSP sources of the page's inline scripts, each once, when all of them are ``known``;
    raises UnknownScript for the first that is not."""
    bodies = inline_scripts(html)
    for body in bodies:
        if body not in known:
            raise UnknownScript(body)
    return list(dict.fromkeys(script_hash(body) for body in bodies))


def with_policy(html: str, hashes: Iterable[str]) -> str:
    """The page with its policy, allowing the inline scripts of these hashes, and a no-referrer
    rule as the first elements of its head (right after the character set), so they cover every
    script and link that follows."""
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(hashes)}">{REFERRER}'
    anchor = _CHARSET.search(html) or _HEAD.search(html)
    if anchor is None:
        raise ValueError("the page has no <head> to put its security policy in")
    return html[: anchor.end()] + meta + html[anchor.end() :]


def headers_file(hashes: Iterable[str]) -> str:
    """A ``_headers`` file (Netlify, Cloudflare Pages and others) with the same policy as the
    pages, for all their inline scripts, and the headers a meta element cannot give."""
    return (
        "/*\n"
        f"  Content-Security-Policy: {policy(sorted(set(hashes)), header=True)}\n"
        "  Referrer-Policy: no-referrer\n"
        "  X-Content-Type-Options: nosniff\n"
    )
