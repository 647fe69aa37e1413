"""A small element tree built with html.parser, to check generated HTML by its structure."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


@dataclass(eq=False)
class Element:
    """An HTML element with its attributes, children (elements and text) and parent."""

    tag: str
    attrs: dict[str, str | None]
    parent: Element | None = None
    children: list[Element | str] = field(default_factory=list)

    def __repr__(self) -> str:
        shown = " ".join(f'{k}="{v}"' for k, v in self.attrs.items())
        return f"<{self.tag} {shown}>".replace(" >", ">")

    def get(self, name: str) -> str | None:
        return self.attrs.get(name)

    @property
    def classes(self) -> list[str]:
        return (self.get("class") or "").split()

    def text(self) -> str:
        """The text content, whitespace collapsed, as a screen reader would read it."""
        parts: list[str] = []

        def collect(node: Element | str) -> None:
            if isinstance(node, str):
                parts.append(node)
            elif node.get("aria-hidden") != "true":
                for child in node.children:
                    collect(child)

        collect(self)
        return re.sub(r"\s+", " ", "".join(parts)).strip()

    def iter(self, tag: str | None = None, **attrs: str) -> Iterator[Element]:
        """Every descendant (not self) with this tag and these attribute values."""
        for child in self.children:
            if isinstance(child, Element):
                wanted = tag is None or child.tag == tag
                if wanted and all(child.get(k.rstrip("_")) == v for k, v in attrs.items()):
                    yield child
                yield from child.iter(tag, **attrs)

    def find_all(self, tag: str | None = None, **attrs: str) -> list[Element]:
        return list(self.iter(tag, **attrs))

    def find_one(self, tag: str | None = None, **attrs: str) -> Element:
        """The only descendant that matches; fails when there are none or several."""
        found = self.find_all(tag, **attrs)
        assert len(found) == 1, f"expected one <{tag} {attrs}>, found {len(found)}: {found}"
        return found[0]

    def ancestors(self) -> Iterator[Element]:
        node = self.parent
        while node is not None:
            yield node
            node = node.parent

    def closest(self, tag: str) -> Element | None:
        return next((a for a in self.ancestors() if a.tag == tag), None)


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {})
        self.open = self.root

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, dict(attrs), parent=self.open)
        self.open.children.append(element)
        if tag not in VOID:
            self.open = element

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.open.children.append(Element(tag, dict(attrs), parent=self.open))

    def handle_endtag(self, tag: str) -> None:
        # Close up to the matching open element; a stray end tag is ignored.
        node: Element | None = self.open
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.open = node.parent

    def handle_data(self, data: str) -> None:
        self.open.children.append(data)


def parse(html: str) -> Element:
    """The element tree of an HTML document or fragment."""
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    return builder.root


def page_body(page_source: str) -> str:
    """A generated page's source without its YAML front matter."""
    match = re.match(r"---\n.*?\n---\n", page_source, flags=re.DOTALL)
    assert match, "a generated page starts with front matter between '---' lines"
    return page_source[match.end() :]
