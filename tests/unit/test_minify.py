"""The JavaScript shipped to visitors: comments and layout out, every piece of code unchanged."""

from __future__ import annotations

import pytest

from generator.pages.render import asset_files
from generator.site.minify import UnsafeToMinify, minify_js

SOURCE = """// A module.
/**
 * Its function.
 */
export const a = (b) => {
  const c = `x ${b ? ` (${b})` : ""} y`; // the nested template keeps its space
  const d = "een // geen commentaar";
  /* kort */ const e = '\\'// ook niet';
  return c + d + e; // done
};
"""


def test_comments_and_layout_go_and_code_stays() -> None:
    """A stripped character inside a string changes what visitors read or what runs."""
    assert minify_js(SOURCE) == (
        "export const a = (b) => {\n"
        'const c = `x ${b ? ` (${b})` : ""} y`;\n'
        'const d = "een // geen commentaar";\n'
        "const e = '\\'// ook niet';\n"
        "return c + d + e;\n"
        "};\n"
    )


def test_a_string_across_lines_is_refused() -> None:
    """Reading such a file line by line could cut inside the string."""
    with pytest.raises(UnsafeToMinify, match=r"x\.js:2"):
        minify_js("const a = 1;\nconst b = `een\ntwee`;\n", "x.js")


def test_every_module_ships_minified() -> None:
    """A module that could not be minified safely breaks the build; comments and indentation
    reach no visitor."""
    files = asset_files()
    assert files
    for path, data in files.items():
        text = data.decode("utf-8")
        assert "\n//" not in text and not text.startswith("//"), path
        assert "\n  " not in text, path
