"""Benchmark: site build time, the generator's share and scaling, and the bytes a browser loads.

Run from the project folder: ``.venv/bin/python benchmarks/site_build.py``. It prints figures; it
asserts nothing (the tests check behaviour, this script measures it).
"""

from __future__ import annotations

import argparse
import gzip
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checks.budget import weigh  # noqa: E402
from generator.definition.load import load_instruments  # noqa: E402
from generator.pages.render import render_pages  # noqa: E402


def _median_seconds(action, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def mkdocs_build(site_dir: Path, config: Path = ROOT / "mkdocs.yml", pdf: str = "never") -> None:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", GEREEDSCHAPSKIST_PDF=pdf)
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site_dir)],
        check=True,
        env=env,
        cwd=ROOT,
    )


def _generate(definitions: Path) -> None:
    render_pages(load_instruments(definitions))


def _copies(definitions: Path, target: Path, count: int) -> None:
    """``count`` copies of every definition, each under its own id, to time the scaling."""
    for source in sorted(definitions.glob("*.yml")):
        data = yaml.safe_load(source.read_text(encoding="utf-8"))
        for n in range(count):
            new_id = f"{data['id']}-{n}"
            copy = dict(data, id=new_id)
            (target / f"{new_id}.yml").write_text(
                yaml.safe_dump(copy, allow_unicode=True), encoding="utf-8"
            )


def _form_gzip(site_dir: Path, path: str) -> int:
    """Gzip bytes of our part of the page's HTML (the .gk-page block; none on written pages)."""
    html = (site_dir / path.strip("/") / "index.html").read_text(encoding="utf-8")
    start = html.find('<div class="gk-page')
    if start < 0:
        return 0
    # The end of the instrument or comparison; on the overview, of its list of cards.
    ends = [html.find(tag, start) for tag in ("</gk-instrument>", "</gk-compare>")]
    end = min((found for found in ends if found > 0), default=html.find("</ul>", start))
    return len(gzip.compress(html[start:end].encode("utf-8"), compresslevel=6))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3, help="runs per timing (median is shown)")
    parser.add_argument("--page", default="/tools/reflectietool/", help="page to weigh")
    args = parser.parse_args()
    definitions = ROOT / "tool_templates"

    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        with_pdfs = _median_seconds(lambda: mkdocs_build(site, pdf="always"), args.runs)
        build = _median_seconds(lambda: mkdocs_build(site), args.runs)
        generate = _median_seconds(lambda: _generate(definitions), args.runs)
        print(f"mkdocs build (whole site): {build:.2f} s (median of {args.runs})")
        print(f"  with the blank PDFs printed: {with_pdfs:.2f} s (+{with_pdfs - build:.2f} s)")
        print(f"generator (load + render): {generate * 1000:.0f} ms, {generate / build:.1%} of it")

        print("generator scaling (load + render):")
        for count in (1, 4, 16):
            folder = Path(tmp) / f"copies-{count}"
            folder.mkdir()
            _copies(definitions, folder, count)
            n = len(list(folder.glob("*.yml")))
            seconds = _median_seconds(lambda folder=folder: _generate(folder), args.runs)
            each = seconds / n * 1000
            print(f"  {n:3d} instruments: {seconds * 1000:7.0f} ms, {each:.1f} ms each")

        print(f"bytes a browser loads for {args.page} (gzip -6 of each file):")
        groups = weigh(site, [args.page])[args.page]
        for group, entry in sorted(groups.items()):
            print(
                f"  {group}: {entry['files']} files, {entry['raw'] / 1024:.1f} KB raw, "
                f"{entry['gzip'] / 1024:.1f} KB gzip"
            )
        print(f"  of the page HTML, ours: {_form_gzip(site, args.page) / 1024:.1f} KB gzip")


if __name__ == "__main__":
    main()
