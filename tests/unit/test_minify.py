"""The JavaScript shipped to visitors: comments and layout out, every piece of code unchanged."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

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

# Parses each module (without running it) in one Node process; throws at the first that fails.
PARSE = """
const vm = require("node:vm");
const modules = JSON.parse(require("node:fs").readFileSync(process.argv[1], "utf8"));
for (const [path, code] of Object.entries(modules)) {
  try { new vm.SourceTextModule(code); } catch (error) { throw new Error(`${path}: ${error}`); }
}
console.log("parsed", Object.keys(modules).length);
"""


def test_comments_layout_and_spaces_go_and_code_stays() -> None:
    """A stripped character inside a string changes what visitors read or what runs."""
    assert minify_js(SOURCE) == (
        "export const a=(b)=>{"
        'const c=`x ${b ? ` (${b})` : ""} y`;'
        'const d="een // geen commentaar";'
        "const e='\\'// ook niet';"
        "return c+d+e;};\n"
    )


def test_line_breaks_that_end_a_statement_stay() -> None:
    """Joined, `a = b` and `++c` would be `a = b++c`: another program."""
    assert minify_js("let a = b\n++c\nif (a) return\nf()\n") == "let a=b\n++c\nif(a)return\nf()\n"


def test_what_would_change_more_than_spaces_is_refused() -> None:
    """The second pass may only take out spaces: a comment inside a line of code is code to it,
    and shipping it changed is worse than failing the build."""
    with pytest.raises(UnsafeToMinify, match=r"x\.js: taking the spaces out would change"):
        minify_js("const a = f(/* b */ 1);\n", "x.js")


def test_a_string_across_lines_is_refused() -> None:
    """Reading such a file line by line could cut inside the string."""
    with pytest.raises(UnsafeToMinify, match=r"x\.js:2"):
        minify_js("const a = 1;\nconst b = `een\ntwee`;\n", "x.js")


def test_every_module_ships_minified_and_still_reads_as_javascript(tmp_path: Path) -> None:
    """A module that could not be minified safely breaks the build; comments and indentation
    reach no visitor; and what ships parses (Node's check), or the page would load no code."""
    files = asset_files()
    assert files
    for path, data in files.items():
        text = data.decode("utf-8")
        assert "\n//" not in text and not text.startswith("//"), path
        assert "\n  " not in text and "\n " not in text, path
    modules = {path: data.decode("utf-8") for path, data in files.items() if path.endswith(".js")}
    (tmp_path / "modules.json").write_text(json.dumps(modules), encoding="utf-8")
    node = ["node", "--experimental-vm-modules", "--no-warnings"]
    checked = subprocess.run(
        [*node, "-e", PARSE, tmp_path / "modules.json"],
        capture_output=True,
        text=True,
    )
    assert checked.returncode == 0, checked.stderr
    assert checked.stdout.split() == ["parsed", str(len(modules))]
