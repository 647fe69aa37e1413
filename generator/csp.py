"""A Content-Security-Policy written into every page at build time.

Scripts run only from the site itself or when they are one of the inline scripts this very page
carries (by their sha256 hash, Material's included): no ``unsafe-inline``, no ``unsafe-eval``.
A static host cannot be trusted to send headers, so the policy travels in a ``<meta>`` element;
hosts that do send headers get the same policy (with every page's hashes) in a ``_headers``
file. Kept apart from MkDocs: it works on finished HTML.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable

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
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
}
REFERRER = '<meta name="referrer" content="no-referrer">'
# Only a header can say who may frame the site; the blank print frame is the site's own.
HEADER_ONLY = {"frame-ancestors": ["'self'"]}


def inline_script_hashes(html: str) -> list[str]:
    """The CSP source of every inline script the page runs, ``'sha256-…'``, in page order."""
    hashes = []
    for match in _SCRIPT.finditer(html):
        attributes = match.group("attributes")
        if _SRC.search(attributes):
            continue
        kind = _TYPE.search(attributes)
        if (kind.group(1).lower() if kind else "") not in _SCRIPT_TYPES:
            continue
        digest = hashlib.sha256(match.group("body").encode("utf-8")).digest()
        hashes.append(f"'sha256-{base64.b64encode(digest).decode('ascii')}'")
    return list(dict.fromkeys(hashes))


def policy(hashes: Iterable[str], *, header: bool = False) -> str:
    """The policy's text for pages whose inline scripts have these hashes."""
    directives = {**_DIRECTIVES, "script-src": ["'self'", *hashes]}
    if header:
        directives.update(HEADER_ONLY)
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives.items())


def with_policy(html: str) -> str:
    """The page with its policy and a no-referrer rule as the first elements of its head (right
    after the character set), so they cover every script and link that follows."""
    rules = policy(inline_script_hashes(html))
    meta = f'<meta http-equiv="Content-Security-Policy" content="{rules}">{REFERRER}'
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
