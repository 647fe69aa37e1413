"""Check: the bytes every page of the built site loads, ours against Material's.

Loads each page in Chromium, gzips every file it fetched (level 6, as a static host would) and
sorts them: our CSS and JS, the page's HTML, the search index, and Material's files. Fails when
our CSS and JS add more than the budget (DESIGN.md §4: about 15 KB gzip) to any page, or when
offline use (the service worker, ``sw.js``, and its registration, ``client/offline.js``) adds
more than 2 KB gzip (issue 20); those two are counted apart from the rest of ours.

It counts what a first visit loads until the network is idle. Code a page loads only when it is
used is not counted: the comparison view's (on opening files), the feedback block's and the
agreements list's (when they near the view) and the blank print's (on Leeg afdrukken).

Run: ``.venv/bin/python checks/budget.py [SITE_DIR] [--budget KB]`` (without SITE_DIR it builds
the site into a temporary folder first).
"""

from __future__ import annotations

import argparse
import gzip
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checks.built_site import site_to_check  # noqa: E402
from generator.pages.addresses import ASSETS_DIR  # noqa: E402
from generator.site.chromium import CHROMIUM_ARGS, LoopbackServer, chromium_executable  # noqa: E402
from generator.site.offline import SCRIPT as OFFLINE_SCRIPT  # noqa: E402
from generator.site.offline import WORKER  # noqa: E402

BUDGET_KB = 15.0
OFFLINE_BUDGET_KB = 2.0
OURS = "ours (CSS, JS)"
HTML = "page HTML"
SEARCH = "search index"
MATERIAL = "Material (CSS, JS, images)"
OFFLINE = "offline use (worker, registration)"


def kind(local: str, path: str) -> str:
    """Whose a file is, by its address on the site."""
    if local.endswith(f"/{ASSETS_DIR}/{OFFLINE_SCRIPT}") or local.endswith(f"/{WORKER}"):
        return OFFLINE
    if ASSETS_DIR in local or local.startswith("/stylesheets/"):
        return OURS
    if local.split("?")[0] == path:
        return HTML
    if local.startswith("/search/"):
        return SEARCH
    return MATERIAL


def weigh(site: Path, paths: list[str]) -> dict[str, dict[str, dict[str, int]]]:
    """For each page: per kind of file, how many files, raw bytes and gzip bytes."""
    from playwright.sync_api import sync_playwright

    weights: dict[str, dict[str, dict[str, int]]] = {}
    with LoopbackServer(site) as server, sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_executable(), args=CHROMIUM_ARGS
        )
        for path in paths:
            loaded: dict[str, bytes] = {}
            context = browser.new_context()  # a first visit: nothing cached
            page = context.new_page()
            page.on("response", lambda r, loaded=loaded: loaded.__setitem__(r.url, r.body()))
            page.goto(server.url(path), wait_until="networkidle")
            context.close()
            # The worker is fetched by the browser, not the page: weighed from the site.
            if any(url.endswith(f"/{OFFLINE_SCRIPT}") for url in loaded):
                loaded[server.url(f"/{WORKER}")] = (site / WORKER).read_bytes()
            groups: dict[str, dict[str, int]] = {}
            for url, body in loaded.items():
                entry = groups.setdefault(
                    kind(url.removeprefix(server.origin), path), {"files": 0, "raw": 0, "gzip": 0}
                )
                entry["files"] += 1
                entry["raw"] += len(body)
                entry["gzip"] += len(gzip.compress(body, compresslevel=6))
            weights[path] = groups
        browser.close()
    return weights


def site_pages(site: Path) -> list[str]:
    """Every page of a built site, by its address."""
    return sorted(
        "/" + page.parent.relative_to(site).as_posix().removeprefix(".").strip("/") + "/"
        for page in site.rglob("index.html")
    )


def check(site: Path, budget_kb: float) -> int:
    weights = weigh(site, [p.replace("//", "/") for p in site_pages(site)])
    over = []
    print(f"Our CSS and JS per page (gzip), budget {budget_kb:.1f} KB:")
    for path, groups in weights.items():
        ours = groups.get(OURS, {"files": 0, "gzip": 0})
        material = groups.get(MATERIAL, {"gzip": 0})
        html = groups.get(HTML, {"gzip": 0})
        offline = groups.get(OFFLINE, {"gzip": 0})
        mark = "" if ours["gzip"] <= budget_kb * 1024 else "  OVER BUDGET"
        if offline["gzip"] > OFFLINE_BUDGET_KB * 1024:
            mark += f"  OFFLINE USE OVER {OFFLINE_BUDGET_KB:.0f} KB"
        print(
            f"  {path:42} ours {ours['gzip'] / 1024:5.1f} KB in {ours['files']:2d} files"
            f" · offline {offline['gzip']:4d} B · page HTML {html['gzip'] / 1024:4.1f} KB"
            f" · Material {material['gzip'] / 1024:5.1f} KB{mark}"
        )
        if mark:
            over.append(path)
    return 1 if over else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("site", nargs="?", type=Path, help="a built site (default: build one)")
    parser.add_argument("--budget", type=float, default=BUDGET_KB, help="KB gzip of our files")
    args = parser.parse_args()
    with site_to_check(args.site) as site:
        sys.exit(check(site, args.budget))


if __name__ == "__main__":
    main()
