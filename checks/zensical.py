"""Check: the whole site built with Zensical (Material for MkDocs' successor), and the key
journeys in Chromium on it.

Zensical reads ``mkdocs.yml`` but runs no MkDocs plugin, so the generator does the plugin's work
before and after its build (README, "Building with Zensical"):

    python -m generator build DOCS --docs docs --pdfs   # the site's pages, the generated ones
    python -m generator config zensical.yml --docs-dir DOCS --site-dir SITE  # the menu
    zensical build -f zensical.yml
    python -m generator secure SITE                     # the security policy, _headers
    python -m generator pdf SITE                        # the blank PDFs
    python -m generator offline SITE                    # the offline worker, last

This runs those steps in a temporary folder with the Zensical installed here (CI installs the
newest from the registry), checks what the plugin would have made (a policy on every page, the
instruments in the menu, the PDFs, the offline worker keeping every page), and runs the journeys
of ``tests/engines/`` in Chromium against the site. Pictures and files go to
``test-results/engines/zensical/chromium/``.

Run: ``.venv/bin/pip install zensical && .venv/bin/python checks/zensical.py``
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checks.engines import RESULTS, run_journeys  # noqa: E402
from generator.definition.load import load_instruments  # noqa: E402
from generator.pages.addresses import TOOLS_DIR, blank_prints  # noqa: E402
from generator.site.offline import LIST, WORKER  # noqa: E402

POLICY = 'http-equiv="Content-Security-Policy"'


def step(*command: str | Path, cwd: Path = ROOT) -> None:
    """Run one step of the recipe; stop with its output when it fails."""
    shown = " ".join(str(part) for part in command)
    print(f"$ {shown}")
    done = subprocess.run([str(part) for part in command], cwd=cwd, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"FAIL: {shown}\n{done.stdout}{done.stderr}")


def build(folder: Path) -> Path:
    """The site built with Zensical by the README's recipe, in ``folder``; returns its path."""
    python = sys.executable
    docs, config, site = folder / "docs", folder / "zensical.yml", folder / "site"
    env_docs = ["--feedback-email", os.environ.get("FEEDBACK_EMAIL", "feedback@example.org")]
    step(python, "-m", "generator", "build", docs, "--docs", "docs", "--pdfs", *env_docs)
    step(python, "-m", "generator", "config", config, "--docs-dir", docs, "--site-dir", site)
    step(Path(python).parent / "zensical", "build", "-f", config.name, cwd=folder)
    step(python, "-m", "generator", "secure", site)
    step(python, "-m", "generator", "pdf", site)
    step(python, "-m", "generator", "offline", site)
    return site


def check_site(site: Path) -> list[str]:
    """What the plugin would have made and this site lacks, in plain words."""
    problems = []
    pages = sorted(site.rglob("*.html"))
    unsecured = [p.relative_to(site).as_posix() for p in pages if POLICY not in p.read_text()]
    if unsecured:
        problems.append(f"no security policy on {len(unsecured)} pages: {unsecured[:3]}")
    if not (site / "_headers").is_file():
        problems.append("no _headers")
    instruments = load_instruments(ROOT / "tool_templates")
    kept = json.loads((site / LIST).read_text("utf-8"))["files"] if (site / LIST).is_file() else {}
    unkept = [p.parent.relative_to(site).as_posix() for p in site.rglob("index.html")]
    unkept = [p for p in unkept if ("./" if p == "." else f"{p}/") not in kept]
    if not (site / WORKER).is_file() or unkept:
        problems.append(f"the offline worker does not keep every page: {unkept[:3]}")
    menu = (site / "index.html").read_text("utf-8")
    for instrument in instruments:
        if not re.search(rf'href="[^"]*{TOOLS_DIR}/{instrument.id}/"', menu):
            problems.append(f"{instrument.id} is not in the menu")
        for blank in blank_prints(instrument):
            if not (site / TOOLS_DIR / instrument.id / blank.file).is_file():
                problems.append(f"no {TOOLS_DIR}/{instrument.id}/{blank.file}")
    return problems


def main() -> None:
    argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    ).parse_args()
    try:
        print(f"Zensical {version('zensical')}")
    except PackageNotFoundError:
        sys.exit("Zensical is not installed: .venv/bin/pip install zensical")
    with tempfile.TemporaryDirectory() as folder:
        site = build(Path(folder))
        problems = check_site(site)
        for problem in problems:
            print(f"FAIL the Zensical site: {problem}")
        failed = run_journeys(site, ["chromium"], results=RESULTS / "zensical")
    sys.exit(1 if problems or failed else 0)


if __name__ == "__main__":
    main()
