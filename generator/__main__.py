"""Command line: ``python -m generator validate``, ``build OUT_DIR`` and ``schema``."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .definition.instrument import json_schema
from .definition.load import DefinitionError, load_instruments
from .pages.feedback import FeedbackAddressError, feedback_address
from .pages.render import site_sources
from .site.output import OutputError, write_build

SCHEMA_FILE = "instrument.schema.json"


def schema_text() -> str:
    """The JSON Schema of a definition file, as kept in the definitions folder."""
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code (0 ok, 1 invalid definitions or an output
    folder that cannot take the build, 2 usage)."""
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
        try:
            target.write_text(schema_text(), encoding="utf-8")
        except OSError as error:
            print(f"{target}: cannot be written: {error.strerror}", file=sys.stderr)
            return 1
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

    out_dir: Path = args.out_dir
    files = site_sources(instruments, feedback_email=feedback_email)
    try:
        removed = write_build(out_dir, files)
    except OutputError as error:
        print(f"{error}; nothing was written.", file=sys.stderr)
        return 1
    print(
        f"Wrote {len(files)} files for {len(instruments)} instruments to {out_dir}"
        + (f" (and removed {removed} of the previous build)" if removed else "")
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
