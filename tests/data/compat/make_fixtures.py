"""Make the compatibility fixtures: each instrument filled in and exported by a built site, with
its stored copy from localStorage. Run against a build of the version whose files must keep
working (the fixtures here were made by the site as it was before the parts' reshaping, commit
4190656), never regenerated against the current code:

    .venv/bin/python tests/data/compat/make_fixtures.py SITE_DIR

Every text box gets its own words, every scale and choice an option, the matrix two menu
activities and an own one, the 8-tje a third partner and a renamed first one: every shape of
key a saved file can hold.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))

from generator.site.chromium import CHROMIUM_ARGS, LoopbackServer, chromium_executable  # noqa: E402

HERE = Path(__file__).resolve().parent
INSTRUMENTS = ["praatplaat", "matrix", "achtje", "reflectietool"]
FILL = """() => {
  const form = document.querySelector("gk-instrument form");
  let n = 0;
  for (const box of form.querySelectorAll("textarea, input[type=text]")) {
    if (box.offsetParent === null || box.dataset.gkNames !== undefined) continue;
    n += 1;
    box.value = `Antwoord ${n}: ${box.name}`;
    box.dispatchEvent(new Event("input", { bubbles: true }));
  }
  const groups = new Map();
  for (const radio of form.querySelectorAll("input[type=radio]")) {
    if (!groups.has(radio.name)) groups.set(radio.name, []);
    groups.get(radio.name).push(radio);
  }
  let i = 0;
  for (const radios of groups.values()) {
    const radio = radios[i++ % radios.length];
    radio.checked = true;
    radio.dispatchEvent(new Event("change", { bubbles: true }));
  }
}"""


def fill(page, instrument_id: str) -> None:  # type: ignore[no-untyped-def]
    if instrument_id == "matrix":
        menu = page.locator("gk-menu-matrix input[type=checkbox]")
        menu.nth(0).check()
        menu.nth(2).check()
        page.get_by_role("button", name="Eigen activiteit toevoegen").click()
        page.get_by_role("textbox", name="Naam van eigen activiteit 1").fill(
            "Excursie naar het mbo"
        )
    if instrument_id == "achtje":
        page.get_by_role("button", name="Partner toevoegen").click()
        page.get_by_role("textbox", name="Naam van Partner A").fill("Vmbo De Brug")
    page.evaluate(FILL)
    page.get_by_role("textbox", name="Naam of rol").fill("Docent techniek")
    page.wait_for_timeout(600)


def main(site: Path) -> None:
    with LoopbackServer(site) as server, sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_executable(), args=CHROMIUM_ARGS
        )
        for instrument_id in INSTRUMENTS:
            context = browser.new_context(accept_downloads=True)
            page = context.new_page()
            page.goto(server.url(f"/tools/{instrument_id}/"))
            page.wait_for_selector("gk-instrument[data-gk-ready]", state="attached")
            fill(page, instrument_id)
            with page.expect_download() as download:
                page.get_by_role("button", name="Exporteren", exact=True).click()
            exported = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
            stored = page.evaluate(
                "(id) => localStorage.getItem(`gereedschapskist:antwoorden:${id}`)", instrument_id
            )
            (HERE / f"{instrument_id}.json").write_text(
                json.dumps(exported, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
            )
            (HERE / f"{instrument_id}.stored.json").write_text(stored + "\n", encoding="utf-8")
            print(instrument_id, len(exported["answers"]), "answers")
            context.close()
        browser.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]))
