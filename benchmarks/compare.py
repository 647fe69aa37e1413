"""Benchmark: the comparison view opening 50 answer files of the reflectietool at once, in Chromium.

Builds the site, opens /tools/reflectietool/vergelijken/ and picks 50 generated answer files
(every statement answered, some "weet niet", an explanation per aspect) in its file input. Times,
in the page, from the input's change event to the first participant on screen, to the view's
``gk-compare-rendered`` event (reading, checking and drawing every part), and to the next frame
after it (style and layout included); and the longest frame on the way, which is how long the
page could not answer a tap or a key. With ``--links``, the same answers arrive as 50 answer
links pasted in Links plakken (each inflated and checked), timed from the click on Links
toevoegen. A fresh page and an empty session per run; the median of the runs is shown.

Targets: the first participants on screen within 200 ms, and no frame over 50 ms. The view is
drawn a frame's worth at a time (issue 19), so the whole of it takes longer than its first
screen: that figure is shown, without a target.

Run from the project folder: ``.venv/bin/python benchmarks/compare.py``.
"""

from __future__ import annotations

import argparse
import base64
import json
import random
import statistics
import sys
import tempfile
import zlib
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]

from site_build import mkdocs_build  # noqa: E402

from generator.definition.load import load_instruments  # noqa: E402
from generator.parts.scale import ScaleField  # noqa: E402
from generator.site.chromium import CHROMIUM_ARGS, LoopbackServer, chromium_executable  # noqa: E402

INSTRUMENT = "reflectietool"
TARGET_MS = 200  # to the first participants on screen
FRAME_TARGET_MS = 50  # the longest frame while the view is drawn

WATCH = """() => {
  window.gkTimes = {};
  const times = window.gkTimes;
  // Every frame from the start until the view is drawn: when the first participant shows, and
  // the longest time between two frames.
  const frame = (last) => requestAnimationFrame((now) => {
    times.longest = Math.max(times.longest ?? 0, now - last);
    if (times.shown === undefined && document.querySelector("[data-gk-rename]")) times.shown = now;
    if (times.drawn === undefined) frame(now);
  });
  const start = () => { times.start = performance.now(); frame(times.start); };
  document.addEventListener("change", (event) => {
    if (event.target.matches("[data-gk-file]")) start();
  }, true);
  document.addEventListener("click", (event) => {
    if (event.target.matches("[data-gk-action=links]")) start();
  }, true);
  document.addEventListener("gk-compare-rendered", () => {
    window.gkTimes.drawn = performance.now();
    requestAnimationFrame(() => setTimeout(() => { window.gkTimes.painted = performance.now(); }));
  });
}"""


def answer_files(count: int) -> list[dict[str, Any]]:
    """``count`` answer files as Playwright hands them to a file input."""
    instrument = next(i for i in load_instruments(ROOT / "tool_templates") if i.id == INSTRUMENT)
    rng = random.Random(6)
    files = []
    for n in range(count):
        answers: dict[str, Any] = {}
        for question in instrument.questions():
            if isinstance(question.field, ScaleField):
                answers[question.key] = rng.choice([1, 2, 3, 4, 5, 4, 3, "weet-niet"])
            else:
                answers[question.key] = f"Toelichting {n}: " + "een paar zinnen uitleg. " * 8
        data = {
            "format": "gereedschapskist-antwoorden",
            "version": 1,
            "instrument": {"id": INSTRUMENT, "version": instrument.version},
            "respondent": {"naam": f"Deelnemer {n + 1}", "organisatie": f"School {n % 7}"},
            "saved": "2026-11-29T10:15:00Z",
            "answers": answers,
        }
        files.append(
            {
                "name": f"{INSTRUMENT}-{n + 1}.json",
                "mimeType": "application/json",
                "buffer": json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8"),
            }
        )
    return files


def answer_link(origin: str, file: dict[str, Any]) -> str:
    """The link Deel als link makes for an answer file: its JSON, raw deflate, base64url."""
    data = json.dumps(json.loads(file["buffer"]), ensure_ascii=False).encode("utf-8")
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    payload = base64.urlsafe_b64encode(compressor.compress(data) + compressor.flush())
    return f"{origin}/tools/{INSTRUMENT}/vergelijken/#antwoorden={payload.decode().rstrip('=')}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--files", type=int, default=50, help="answer files opened at once")
    parser.add_argument("--runs", type=int, default=11, help="timed runs (median shown)")
    parser.add_argument("--links", action="store_true", help="paste them as answer links instead")
    parser.add_argument("--each", action="store_true", help="show every run's time too")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    files = answer_files(args.files)
    shown, drawn, painted, longest = [], [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        mkdocs_build(site)
        with LoopbackServer(site) as server, sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=chromium_executable(), args=CHROMIUM_ARGS
            )
            page = browser.new_page(viewport={"width": 1600, "height": 1000})
            pasted = "\n".join(answer_link(server.origin, file) for file in files)
            for run in range(args.runs + 1):  # the first run warms up, and is not counted
                page.goto(server.url(f"/tools/{INSTRUMENT}/vergelijken/"))
                page.evaluate("() => sessionStorage.clear()")  # the last run's session: gone
                page.reload()
                page.get_by_role("button", name="Antwoordbestanden openen").wait_for()
                page.evaluate(WATCH)
                if args.links:
                    page.get_by_role("textbox", name="Links plakken").fill(pasted)
                    page.get_by_role("button", name="Links toevoegen").click()
                else:
                    page.locator("[data-gk-file]").set_input_files(files)
                page.wait_for_function("() => window.gkTimes.painted !== undefined")
                times = page.evaluate("window.gkTimes")
                count = page.evaluate("document.querySelectorAll('[data-gk-rename]').length")
                assert count == args.files, f"{count} of {args.files} respondents shown"
                if run:
                    shown.append(times["shown"] - times["start"])
                    drawn.append(times["drawn"] - times["start"])
                    painted.append(times["painted"] - times["start"])
                    longest.append(times["longest"])
            browser.close()
    if args.each:
        print("  each run, to the next frame (ms):", ", ".join(f"{t:.0f}" for t in painted))
    what = "links" if args.links else "files"
    print(f"comparison of {args.files} reflectietool {what}; median of {args.runs} runs")
    event = "click" if args.links else "change event"
    print(
        f"  {event} to first participants:  {statistics.median(shown):6.1f} ms "
        f"(target < {TARGET_MS} ms; slowest run {max(shown):.1f} ms)"
    )
    print(
        f"  longest frame while drawing:  {statistics.median(longest):6.1f} ms "
        f"(target < {FRAME_TARGET_MS} ms; slowest run {max(longest):.1f} ms)"
    )
    print(f"  {event} to view drawn:  {statistics.median(drawn):6.1f} ms")
    print(f"  {event} to next frame:  {statistics.median(painted):6.1f} ms")


if __name__ == "__main__":
    main()
