"""Markdown from a definition as safe HTML, and how deeply it nests.

Definitions are text: Markdown is documented for intros, HTML is not. So raw HTML is shown as
the text it is (python-markdown with its HTML parsing taken out), and the result is sanitised
by nh3 (the Rust library ammonia) to the tags Markdown makes, without ``javascript:`` links.
The same function checks a definition and renders its pages, so what validates also renders.
"""

from __future__ import annotations

from functools import lru_cache
from html.parser import HTMLParser

import markdown as markdown_lib
import nh3

# Lists and quotes deeper than this are refused: python-markdown recurses once per level and
# ends in a RecursionError some hundreds deep; no instrument needs more than a few.
MAX_NESTING = 20
_NESTING_TAGS = {"ul", "ol", "blockquote"}

# What python-markdown makes without extensions; anything else is dropped by nh3.
_TAGS = {
    "p", "br", "hr", "em", "strong", "code", "pre", "blockquote", "ul", "ol", "li",
    "a", "img", "h1", "h2", "h3", "h4", "h5", "h6",
}  # fmt: skip
_ATTRIBUTES = {"a": {"href", "title"}, "img": {"src", "alt", "title"}}
_URL_SCHEMES = {"http", "https", "mailto"}


class MarkdownTooDeep(ValueError):
    """Markdown whose lists and quotes nest deeper than ``MAX_NESTING``."""


def _converter() -> markdown_lib.Markdown:
    converter = markdown_lib.Markdown(output_format="html")
    # Raw HTML blocks and inline tags become text, escaped like any other.
    converter.preprocessors.deregister("html_block")
    converter.inlinePatterns.deregister("html")
    return converter


@lru_cache(maxsize=4096)
def markdown_html(text: str) -> str:
    """Markdown from a definition as sanitised HTML (raises MarkdownTooDeep when it nests
    deeper than ``MAX_NESTING`` levels of lists and quotes)."""
    try:
        html = _converter().convert(text)
    except RecursionError:
        raise MarkdownTooDeep(text) from None
    if nesting_depth(html) > MAX_NESTING:
        raise MarkdownTooDeep(text)
    return nh3.clean(
        html, tags=_TAGS, attributes=_ATTRIBUTES, url_schemes=_URL_SCHEMES, link_rel=None
    )


class _Depth(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = self.deepest = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _NESTING_TAGS:
            self.depth += 1
            self.deepest = max(self.deepest, self.depth)

    def handle_endtag(self, tag: str) -> None:
        if tag in _NESTING_TAGS:
            self.depth -= 1


def nesting_depth(html: str) -> int:
    """How many lists and quotes the deepest part of ``html`` sits in."""
    parser = _Depth()
    parser.feed(html)
    parser.close()
    return parser.deepest
