"""Which Chromium the browser tests and the benchmarks launch, and with which flags.

Playwright cannot download browsers on the machines this project is built on; a laptop can.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
DEBIAN_CHROMIUM = "/usr/lib/chromium/chromium"


def chromium_executable() -> str | None:
    """The system Chromium to use, or None to let Playwright use its own download.

    ``$CHROMIUM_PATH`` wins; then Debian's real binary (``/usr/bin/chromium`` is a wrapper
    script); then ``chromium`` on PATH.
    """
    if os.environ.get("CHROMIUM_PATH"):
        return os.environ["CHROMIUM_PATH"]
    if Path(DEBIAN_CHROMIUM).is_file():
        return DEBIAN_CHROMIUM
    return shutil.which("chromium")
