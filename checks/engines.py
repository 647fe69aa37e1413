"""Check: the key journeys in Firefox ESR and WebKit (Safari's engine), from Debian's packages.

The journeys (``tests/engines/journeys.mjs``: fill in and reload every instrument, export and
import, the blank print view, the comparison with three files, the 8-tje's diagram) are written
once in JavaScript and run by Node in each engine: Firefox ESR over WebDriver BiDi with
puppeteer-core (no geckodriver), WebKit through WebKitWebDriver with selenium-webdriver, on a
virtual screen (``xvfb-run``). Chromium runs the same journeys, and many more, in the pytest
suite. Playwright can't install these two engines here, hence Debian's:

    apt-get install firefox-esr webkit2gtk-driver xvfb
    (cd tests/engines && npm ci)
    .venv/bin/python checks/engines.py [--engine firefox|webkit] [SITE_DIR]

Without SITE_DIR it builds the site into a temporary folder first. What the journeys leave (the
exported files, pictures of the comparison and the diagram, Firefox's PDF of the blank praatplaat
with a PNG of each page) goes to ``test-results/engines/<engine>/`` for a reviewer. Exits 1 if
any journey failed, and names what is missing when an engine is not installed.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checks.built_site import site_to_check  # noqa: E402
from generator.site.chromium import LoopbackServer, chromium_executable  # noqa: E402

JOURNEYS = ROOT / "tests" / "engines"
RESULTS = ROOT / "test-results" / "engines"
FIREFOX = os.environ.get("FIREFOX_PATH", "/usr/bin/firefox-esr")
WEBKIT = os.environ.get("WEBKIT_BROWSER", "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser")
BLANK_PDF = "praatplaat-leeg.pdf"


def missing(engine: str) -> str | None:
    """What this machine lacks to run ``engine``, as the Debian package to install; or None."""
    if engine == "chromium":
        return None if chromium_executable() else "chromium"
    if engine == "firefox":
        return None if Path(FIREFOX).is_file() else "firefox-esr"
    if not shutil.which("WebKitWebDriver") or not Path(WEBKIT).is_file():
        return "webkit2gtk-driver"
    return None if shutil.which("xvfb-run") else "xvfb"


def check_blank_pdf(folder: Path) -> str | None:
    """The blank praatplaat as the engine printed it: one landscape sheet with its title and no
    answer on it. Pictures of it go beside it. Returns what is wrong, or None. (The sheet's size
    is not checked: WebDriver BiDi's print takes the paper size from the driver, not from the
    page's CSS, and Firefox's puppeteer prints on US Letter; a visitor's print dialog does use
    the page's A3.)"""
    import pdfplumber

    pdf = folder / BLANK_PDF
    if not pdf.is_file():
        return None  # this engine's driver can't print (the journey said so)
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-png", "-r", "60", str(pdf), str(folder / "praatplaat-leeg")])
    with pdfplumber.open(pdf) as document:
        pages = document.pages
        landscape = pages[0].width > pages[0].height
        text = " ".join(page.extract_text() or "" for page in pages)
    if len(pages) != 1 or not landscape:
        return f"{len(pages)} sheets, {'landscape' if landscape else 'portrait'}: not one landscape"
    if "De opgave" not in text or "niet op de lege afdruk" in text:
        return "not the blank praatplaat"
    return None


def run_journeys(site: Path, engines: list[str], *, results: Path = RESULTS) -> int:
    """Run the journeys in each engine against the built ``site``, leaving what they make in
    ``results/<engine>/``; returns how many failed."""
    if not (JOURNEYS / "node_modules").is_dir():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], check=True, cwd=JOURNEYS)
    failed = 0
    with LoopbackServer(site) as server:
        for engine in engines:
            lacking = missing(engine)
            if lacking:
                print(f"FAIL {engine}: not installed (apt-get install {lacking})")
                failed += 1
                continue
            out = results / engine
            shutil.rmtree(out, ignore_errors=True)
            command = ["node", "run.mjs", engine, server.origin, str(out)]
            if engine == "webkit":
                command = ["xvfb-run", "-a", *command]
            env = dict(os.environ, CHROMIUM_PATH=chromium_executable() or "")
            done = subprocess.run(command, cwd=JOURNEYS, env=env, timeout=600)
            failed += done.returncode != 0
            wrong = check_blank_pdf(out)
            if wrong:
                print(f"FAIL {engine}: the blank print view printed {wrong}")
                failed += 1
    print("every journey passed" if not failed else f"{failed} failed")
    return failed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", nargs="?", type=Path, help="a built site (default: build one)")
    parser.add_argument(
        "--engine",
        choices=["firefox", "webkit", "chromium"],
        action="append",
        help="the engine to run (again for more; default: firefox and webkit)",
    )
    args = parser.parse_args()
    with site_to_check(args.site) as site:
        sys.exit(1 if run_journeys(site, args.engine or ["firefox", "webkit"]) else 0)


if __name__ == "__main__":
    main()
