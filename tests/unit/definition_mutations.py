"""Mutations of the valid definitions, as a hypothesis strategy: a publisher's slips."""

from __future__ import annotations

import copy
from typing import Any

import yaml
from hypothesis import strategies as st
from unit_support import TOOL_TEMPLATES, VALID

SOURCES = sorted(TOOL_TEMPLATES.glob("*.yml")) + sorted(VALID.rglob("*.yml"))
DOCUMENTS = [yaml.safe_load(source.read_text(encoding="utf-8")) for source in SOURCES]

# Values a publisher might type by mistake where another kind of value belongs.
ODD_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**6), max_value=10**6),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=40),
    st.just(""),
    st.just("Met Spatie"),
    st.just("a" * 5000),
    st.just("<script>alert(1)</script>"),
    # Ids the answer keys reserve, a scale value the page cannot read back, a number too long.
    st.just("respondent"),
    st.just("eigen-a1b2c3"),
    st.just("partner-k3j9x2"),
    st.just(-1),
    st.just(10**20),
    st.lists(st.text(max_size=5), max_size=3),
    st.dictionaries(st.text(max_size=5), st.text(max_size=5), max_size=2),
)

# Keys a publisher might type; YAML reads some of them as a number, true/false or nothing.
KEYS = st.one_of(st.text(min_size=1, max_size=8), st.integers(), st.none(), st.booleans())

# YAML that a hostile file holds where a value belongs: aliases (expanding or holding
# themselves), deep nesting, a number of thousands of digits, a tab, keys YAML reads as numbers,
# tags and dates that PyYAML's constructors fail on.
HOSTILE_YAML = st.one_of(
    st.just("&loop [*loop]"),
    st.integers(1, 6).map(lambda n: "[&a [x, x], " + ", ".join(["*a"] * n) + "]"),
    st.integers(1, 2000).map(lambda n: "[" * n + "]" * n),
    st.integers(1, 200).map(lambda n: "{a: " * n + "x" + "}" * n),
    st.integers(1, 6000).map(lambda n: "9" * n),
    st.integers(1, 6000).map(lambda n: "-" + "1" * n),
    st.just("\tx"),
    st.just("x\ty"),
    st.just("a\x07b"),
    st.just("{1: x, ~: y, null: z, true: w}"),
    st.sampled_from(["!!int abc", "!!bool maybe", "!!set [a]", "!!timestamp x", "2024-13-45"]),
)
MARKER = "fuzz-hostile-value"


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path to a value in the document (keys and list positions)."""
    paths = [prefix] if prefix else []
    if isinstance(node, dict):
        for key, value in node.items():
            paths += _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            paths += _paths(value, (*prefix, index))
    return paths


def _parent(document: Any, path: tuple[Any, ...]) -> Any:
    node = document
    for step in path[:-1]:
        node = node[step]
    return node


@st.composite
def mutated(draw: st.DrawFn) -> tuple[str, str]:
    """A valid definition with one to three mistakes: a value replaced, a key or item removed,
    an unknown key added, an item duplicated, or the text itself cut short."""
    index = draw(st.integers(0, len(DOCUMENTS) - 1))
    document = copy.deepcopy(DOCUMENTS[index])
    for _ in range(draw(st.integers(1, 3))):
        paths = _paths(document)
        path = draw(st.sampled_from(paths))
        parent = _parent(document, path)
        action = draw(st.sampled_from(["replace", "remove", "unknown", "duplicate"]))
        if action == "replace":
            parent[path[-1]] = draw(ODD_VALUES)
        elif action == "remove":
            del parent[path[-1]]
        elif action == "unknown" and isinstance(parent, dict):
            parent[draw(KEYS)] = draw(ODD_VALUES)
        elif action == "duplicate" and isinstance(parent, list):
            parent.insert(path[-1], copy.deepcopy(parent[path[-1]]))
    text = yaml.safe_dump(document, allow_unicode=True, sort_keys=False)
    if draw(st.booleans()) and draw(st.integers(0, 9)) == 0:
        text = text[: draw(st.integers(0, len(text)))]  # a file saved half-way
    # Named after its id (as a definition must be), unless the id itself was changed.
    return f"{DOCUMENTS[index]['id']}.yml", text


@st.composite
def hostile(draw: st.DrawFn) -> tuple[str, str]:
    """A valid definition with one value replaced by hostile YAML, written into its text."""
    index = draw(st.integers(0, len(DOCUMENTS) - 1))
    document = copy.deepcopy(DOCUMENTS[index])
    path = draw(st.sampled_from(_paths(document)))
    _parent(document, path)[path[-1]] = MARKER
    text = yaml.safe_dump(document, allow_unicode=True, sort_keys=False)
    return f"{DOCUMENTS[index]['id']}.yml", text.replace(MARKER, draw(HOSTILE_YAML))
