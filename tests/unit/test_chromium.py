"""The Chromium switches the build, the tests and the checks start the browser with."""

from __future__ import annotations

import re
from pathlib import Path

import playwright

from generator.site.chromium import CHROMIUM_ARGS, PLAYWRIGHT_DISABLED_FEATURES

DRIVER = Path(playwright.__file__).parent / "driver" / "package" / "lib"


def _playwrights_disabled_features() -> set[str]:
    """The features the installed Playwright switches off, read from its driver's source."""
    for source in sorted(DRIVER.rglob("*.js")):
        text = source.read_text(encoding="utf-8", errors="replace")
        listed = re.search(r"disabledFeatures = \[(.*?)\]", text, re.DOTALL)
        if listed:
            code = re.sub(r"//[^\n]*", "", listed.group(1))
            return set(re.findall(r"\"([^\"]+)\"", code))
    raise AssertionError(f"no list of disabled features found in {DRIVER}")


def test_our_disabled_features_keep_every_one_playwright_disables() -> None:
    """Chromium keeps only the last --disable-features switch it is given, and ours comes after
    Playwright's: a feature Playwright turns off (to keep a browser under test from calling
    Google, say) and our list lacks would be on again."""
    missing = _playwrights_disabled_features() - set(PLAYWRIGHT_DISABLED_FEATURES)
    assert not missing, f"add to PLAYWRIGHT_DISABLED_FEATURES: {sorted(missing)}"
    switches = [arg for arg in CHROMIUM_ARGS if arg.startswith("--disable-features=")]
    assert len(switches) == 1
