"""Command line: ``python -m generator validate``, ``build OUT_DIR`` and ``schema``."""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from pathlib import Path

from .feedback import FeedbackAddressError, feedback_address
from .load import DefinitionError, load_instruments
from .model import json_schema
from .render import write_site_sources

SCHEMA_FILE = "instrument.schema.json"
# In OUT_DIR: the files the last build wrote there, one path per line. The next build removes
# those it no longer writes (a removed instrument, an old stylesheet) and nothing else.
BUILD_LIST = ".generator-files"


def schema_text() -> str:
    """The JSON Schema of a definition file, as kept in the definitions folder."""
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code (0 ok, 1 invalid definitions, 2 usage)."""
    parser = argparse.ArgumentParser(
        prog="python -m generator",
        description="Validate instrument definitions, or build the pages generated from them.",
    )
    parser.add_argument(
        "--definitions",
        type=Path,
        default=Path("tool_templates"),
        help="folder of the instrument definitions (default: tool_templates)",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("validate", help="check every definition and report all mistakes")
    build = commands.add_parser("build", help="write the generated pages and assets to OUT_DIR")
    build.add_argument("out_dir", type=Path, metavar="OUT_DIR")
    build.add_argument(
        "--feedback-email",
        metavar="ADDRESS",
        help="end each instrument page in a feedback block that sends to ADDRESS (default: none)",
    )
    commands.add_parser("schema", help=f"rewrite {SCHEMA_FILE} in the definitions folder")
    args = parser.parse_args(argv)
    try:
        feedback_email = feedback_address(getattr(args, "feedback_email", None))
    except FeedbackAddressError as error:
        parser.error(f"--feedback-email: {error}")

    if args.command == "schema":
        if not args.definitions.is_dir():
            print(f"{args.definitions}: no such folder (expected the folder of the definitions)")
            return 1
        target = args.definitions / SCHEMA_FILE
        target.write_text(schema_text(), encoding="utf-8")
        print(f"Wrote {target}")
        return 0

    try:
        instruments = load_instruments(args.definitions)
    except DefinitionError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        count = len(error.problems)
        print(
            f"{count} problem{'s' if count != 1 else ''} found; nothing was written.",
            file=sys.stderr,
        )
        return 1

    if args.command == "validate":
        names = ", ".join(i.id for i in instruments)
        print(f"{len(instruments)} instrument definitions are valid: {names}")
        return 0

    # Write into a temporary folder first, so a failure never leaves a half-written OUT_DIR.
    out_dir: Path = args.out_dir
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=out_dir.parent, prefix=".generator-") as staging:
        written = write_site_sources(instruments, Path(staging), feedback_email=feedback_email)
        out_dir.mkdir(exist_ok=True)
        paths = {file.relative_to(staging).as_posix() for file in written}
        for file in written:
            target = out_dir / file.relative_to(staging)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(file, target)
    removed = _remove_stale(out_dir, paths)
    (out_dir / BUILD_LIST).write_text("".join(f"{path}\n" for path in sorted(paths)), "utf-8")
    print(
        f"Wrote {len(written)} files for {len(instruments)} instruments to {out_dir}"
        + (f" (and removed {removed} of the previous build)" if removed else "")
    )
    return 0


def _remove_stale(out_dir: Path, paths: set[str]) -> int:
    """Remove what the previous build wrote into ``out_dir`` and this one did not (only files it
    listed, and only inside ``out_dir``), and the folders that leaves empty. Returns how many."""
    listing = out_dir / BUILD_LIST
    previous = listing.read_text("utf-8").splitlines() if listing.is_file() else []
    root = out_dir.resolve()
    removed = 0
    for stale in sorted(set(previous) - paths):
        target = (out_dir / stale).resolve()
        if not target.is_relative_to(root) or not target.is_file():
            continue
        target.unlink()
        removed += 1
        folder = target.parent
        while folder != root and not any(folder.iterdir()):
            folder.rmdir()
            folder = folder.parent
    return removed


if __name__ == "__main__":
    sys.exit(main())
