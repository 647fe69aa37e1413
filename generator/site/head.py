"""A page's own stylesheet moved into its head.

The generated pages (and the home page's chooser) link their stylesheet in their content, the
only place Markdown can put it. There, the browser paints what comes before it (Material's
header and menu) before the stylesheet is in, then lays the page out again: on a slow phone the
page shows in two steps, and Material's start, which would have run before the first paint,
runs after it. In the head, right after the theme's stylesheets (before the scripts that follow
them, which may want every stylesheet there: overrides/main.html), the page paints once, styled.
Material's instant navigation takes a new page's head links along (and drops the old page's).
"""

from __future__ import annotations

import re

from ..pages.addresses import ASSETS_DIR
from ..pages.render import STYLE_PREFIX

_PAGE_STYLESHEET = re.compile(
    rf'<link rel="stylesheet" href="[^"]*{re.escape(ASSETS_DIR)}/{STYLE_PREFIX}[0-9a-f]+\.css">\n?'
)
_HEAD_END = re.compile(r"</head>", re.I)
_STYLESHEET = re.compile(r'<link rel="stylesheet"[^>]*>', re.I)


def stylesheet_in_head(html: str) -> str:
    """The page with its own stylesheet (if it has one in its body) as the last stylesheet of its
    head (or the last of the head, if the head has none)."""
    head_end = _HEAD_END.search(html)
    if head_end is None:
        return html
    link = _PAGE_STYLESHEET.search(html, head_end.end())
    if link is None:
        return html
    theirs = list(_STYLESHEET.finditer(html, 0, head_end.start()))
    at = theirs[-1].end() if theirs else head_end.start()
    return html[:at] + link.group(0).rstrip("\n") + html[at : link.start()] + html[link.end() :]
