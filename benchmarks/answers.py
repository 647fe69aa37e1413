"""Benchmark: restoring and saving the answers of an instrument of 500 fields, in Chromium.

Builds the site with one synthetic instrument (50 sections of 10 long answers), stores an answer
file with every field filled, and times the instrument element's own ``load()`` (restore) and
``save()`` in the page. Targets: restore within a frame (16 ms), save under 2 ms.

Run from the project folder: ``.venv/bin/python benchmarks/answers.py``.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]

from site_build import mkdocs_build  # noqa: E402

from generator.site.chromium import CHROMIUM_ARGS, LoopbackServer, chromium_executable  # noqa: E402

SECTIONS, FIELDS = 50, 10
INSTRUMENT = "benchmark"


def _definition() -> dict[str, object]:
    source = yaml.safe_load((ROOT / "tool_templates" / "praatplaat.yml").read_text("utf-8"))
    source.update(id=INSTRUMENT, layout="questionnaire", title="Benchmark met 500 velden")
    source["sections"] = [
        {
            "id": f"deel-{s}",
            "title": f"Deel {s}",
            "fields": [
                {"id": f"vraag-{f}", "type": "long_text", "label": f"Vraag {f} van deel {s}?"}
                for f in range(FIELDS)
            ],
        }
        for s in range(SECTIONS)
    ]
    return source


def _answer_file() -> str:
    answers = {
        f"deel-{s}.vraag-{f}": f"Een antwoord van een paar regels op vraag {f} van deel {s}. " * 3
        for s in range(SECTIONS)
        for f in range(FIELDS)
    }
    return json.dumps(
        {
            "format": "gereedschapskist-antwoorden",
            "version": 1,
            "instrument": {"id": INSTRUMENT, "version": 1},
            "respondent": {},
            "saved": "2026-11-29T10:15:00Z",
            "answers": answers,
        }
    )


TIMING = """([action, runs]) => {
  const element = document.querySelector("gk-instrument");
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    element[action]();
    times.push(performance.now() - start);
  }
  return times;
}"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=50, help="timed runs of each (median shown)")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp)
        for folder in ("docs", "overrides"):
            shutil.copytree(ROOT / folder, project / folder)
        shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
        (project / "tool_templates").mkdir()
        (project / "tool_templates" / f"{INSTRUMENT}.yml").write_text(
            yaml.safe_dump(_definition(), allow_unicode=True), encoding="utf-8"
        )
        site = project / "site"
        mkdocs_build(site, project / "mkdocs.yml")
        with LoopbackServer(site) as server, sync_playwright() as playwright:
            origin = server.origin
            browser = playwright.chromium.launch(
                executable_path=chromium_executable(), args=CHROMIUM_ARGS
            )
            page = browser.new_page()
            url = f"{origin}/tools/{INSTRUMENT}/"
            page.goto(url)
            page.evaluate(
                "([key, text]) => localStorage.setItem(key, text)",
                [f"gereedschapskist:antwoorden:{INSTRUMENT}", _answer_file()],
            )
            page.goto(url)
            # The instrument's code arrives after the page's load event: wait until it started.
            page.wait_for_selector("gk-instrument[data-gk-ready]", state="attached")
            filled = page.evaluate("document.querySelectorAll('textarea').length")
            restore = page.evaluate(TIMING, ["load", args.runs])
            save = page.evaluate(TIMING, ["save", args.runs])
            browser.close()
    print(f"instrument of {filled} fields, every one answered; median of {args.runs} runs")
    print(f"  restore (load): {statistics.median(restore):.2f} ms (target < 16 ms)")
    print(f"  save:           {statistics.median(save):.2f} ms (target < 2 ms)")


if __name__ == "__main__":
    main()
