"""Check: the Nu Html Checker (vnu.jar, from npm ``vnu-jar``; needs Java) over the built site.

Fails on any error in our markup. Two errors come from Material for MkDocs' own templates and
are accepted, because only a copy of Material's base template could change them:

- ``autocomplete="off"`` on the checkboxes that open the navigation drawer and the search
  (``input.md-toggle``): the attribute is not allowed on checkboxes, and browsers ignore it.
- ``<label class="md-nav__title" for="__toc">`` on pages with a table of contents, whose
  toggle checkbox is hidden: a label for a hidden control, harmless.

Run: ``npm ci && .venv/bin/python checks/html_valid.py [SITE_DIR]`` (without SITE_DIR it builds
the site into a temporary folder first).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checks.built_site import site_to_check  # noqa: E402

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
MATERIAL = [
    ("Attribute “autocomplete” is only allowed when", 'class="md-toggle"'),
    (
        "The value of the “for” attribute of the “label” element",
        'class="md-nav__title" for="__toc"',
    ),
]


def is_materials(message: dict[str, str]) -> bool:
    return any(
        text in message.get("message", "") and where in message.get("extract", "")
        for text, where in MATERIAL
    )


def check(site: Path) -> int:
    if not VNU.is_file():
        sys.exit(f"{VNU} is missing: run `npm ci` in {ROOT} first.")
    result = subprocess.run(
        [
            "java",
            "-jar",
            str(VNU),
            "--skip-non-html",
            "--errors-only",
            "--format",
            "json",
            str(site),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    try:  # its report is JSON on stderr, also when there is nothing to report
        messages = json.loads(result.stderr)["messages"]
    except (json.JSONDecodeError, KeyError):
        sys.exit(
            f"The Nu Html Checker gave no report (exit {result.returncode}):\n"
            f"{result.stderr or result.stdout}"
        )
    ours = [m for m in messages if not is_materials(m)]
    pages = len(list(site.rglob("*.html")))
    print(
        f"Nu Html Checker: {pages} pages, {len(messages) - len(ours)} known errors in Material's "
        f"templates (accepted), {len(ours)} in ours."
    )
    for message in ours:
        where = message.get("url", "").removeprefix(f"file:{site}")
        print(f"  {where}:{message.get('lastLine')}: {message.get('message')}")
    return 1 if ours else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("site", nargs="?", type=Path, help="a built site (default: build one)")
    args = parser.parse_args()
    with site_to_check(args.site) as site:
        sys.exit(check(site))


if __name__ == "__main__":
    main()
