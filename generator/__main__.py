"""Command line: ``python -m generator validate``, ``build OUT_DIR``, ``schema``, and for a
builder without MkDocs' plugins (Zensical) ``config OUT_FILE``, ``secure SITE_DIR``,
``pdf SITE_DIR`` and ``offline SITE_DIR``."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .definition.instrument import Instrument, json_schema
from .definition.load import DefinitionError, load_instruments
from .pages.addresses import published_address
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
    build.add_argument(
        "--docs",
        type=Path,
        metavar="DOCS_DIR",
        help="copy the site's own pages from DOCS_DIR in too: OUT_DIR is then a whole docs "
        "folder, for a builder without MkDocs' plugins (Zensical)",
    )
    build.add_argument(
        "--pdfs",
        action="store_true",
        help="link the ready PDFs that `pdf SITE_DIR` prints (default: the blank print view)",
    )
    build.add_argument(
        "--site-url",
        metavar="URL",
        help="the address the site is published at, which paper names (default: none)",
    )
    commands.add_parser("schema", help=f"rewrite {SCHEMA_FILE} in the definitions folder")
    config = commands.add_parser(
        "config",
        help="write a configuration for Zensical: mkdocs.yml with the instruments in the menu "
        "and the site's script, for a docs folder made by `build --docs`",
    )
    config.add_argument("out_file", type=Path, metavar="OUT_FILE")
    config.add_argument("--mkdocs", type=Path, default=Path("mkdocs.yml"), metavar="FILE")
    config.add_argument("--docs-dir", type=Path, required=True, metavar="DIR")
    config.add_argument("--site-dir", type=Path, required=True, metavar="DIR")
    secure = commands.add_parser(
        "secure",
        help="write the security policy into every page of a built site, and _headers",
    )
    secure.add_argument("site_dir", type=Path, metavar="SITE_DIR")
    secure.add_argument(
        "--templates",
        type=Path,
        action="append",
        default=[],
        metavar="DIR",
        help="a folder of templates whose inline scripts pages may have (default: overrides/ "
        "and the installed themes')",
    )
    pdf = commands.add_parser("pdf", help="print the blank instruments' PDFs into a built site")
    pdf.add_argument("site_dir", type=Path, metavar="SITE_DIR")
    offline = commands.add_parser(
        "offline",
        help="write the service worker that keeps a built site for offline use, and its list "
        "of files (last: after pdf)",
    )
    offline.add_argument("site_dir", type=Path, metavar="SITE_DIR")
    offline.add_argument(
        "--off",
        action="store_true",
        help="write the worker that ends offline use for visitors who had it",
    )
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

    if args.command == "secure":  # a built site's pages only: no definitions needed
        return secure_built(args.site_dir, args.templates)
    if args.command == "offline":  # a built site's files only
        return keep_offline(args.site_dir, enabled=not args.off)

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
    if args.command == "config":
        return write_config(args, instruments)
    if args.command == "pdf":
        return print_pdfs(args.site_dir, instruments)

    out_dir: Path = args.out_dir
    files = site_sources(
        instruments,
        feedback_email=feedback_email,
        pdfs=args.pdfs,
        site_address=published_address(args.site_url),
    )
    if args.docs is not None:
        if not args.docs.is_dir():
            print(
                f"--docs {args.docs}: no such folder (expected the site's docs folder)",
                file=sys.stderr,
            )
            return 1
        from .site.successor import hand_written

        files = {**hand_written(args.docs, instruments), **files}
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


def _is_built_site(site_dir: Path, needs: str) -> bool:
    """Whether ``site_dir`` holds what a command needs of a built site (``.``: the folder
    itself); if not, says so in one line."""
    if site_dir.is_dir() and (site_dir / needs).exists():
        return True
    lacks = f"no {needs} in it" if site_dir.is_dir() else "no such folder"
    print(f"{site_dir}: {lacks} (expected a built site)", file=sys.stderr)
    return False


def write_config(args: argparse.Namespace, instruments: list[Instrument]) -> int:
    """``config OUT_FILE``: the project's mkdocs.yml for Zensical (successor.builder_config)."""
    import yaml
    from mkdocs.utils.yaml import yaml_load

    from .site.successor import builder_config

    try:
        with args.mkdocs.open(encoding="utf-8") as source:
            read = yaml_load(source)
    except OSError as error:
        print(f"{args.mkdocs}: cannot be read: {error.strerror}", file=sys.stderr)
        return 1
    except yaml.YAMLError as error:
        print(f"{args.mkdocs}: not valid YAML: {error}", file=sys.stderr)
        return 1
    built = builder_config(
        read,
        instruments,
        target=args.out_file,
        docs_dir=args.docs_dir,
        site_dir=args.site_dir,
    )
    try:
        args.out_file.write_text(
            yaml.safe_dump(built, allow_unicode=True, sort_keys=False), encoding="utf-8"
        )
    except OSError as error:
        print(f"{args.out_file}: cannot be written: {error.strerror}", file=sys.stderr)
        return 1
    print(f"Wrote {args.out_file}: {args.docs_dir} into {args.site_dir}")
    return 0


def secure_built(site_dir: Path, templates: list[Path]) -> int:
    """``secure SITE_DIR``: the security policy in every page, and ``_headers``."""
    from .site.successor import SecureError, secure_site, theme_templates

    if not _is_built_site(site_dir, "."):
        return 1
    overrides = [Path("overrides")] if Path("overrides").is_dir() else []
    try:
        count = secure_site(site_dir, theme_templates([*overrides, *templates]))
    except SecureError as error:
        print(f"{error}; no page was changed.", file=sys.stderr)
        return 1
    print(f"Secured {count} pages in {site_dir}, and wrote {site_dir / '_headers'}")
    return 0


def keep_offline(site_dir: Path, *, enabled: bool) -> int:
    """``offline SITE_DIR``: the service worker and the list of the files it keeps."""
    from .site.offline import WORKER, write_offline

    if not _is_built_site(site_dir, "index.html"):
        return 1
    kept = write_offline(site_dir, enabled=enabled)
    what = f"keeps {kept} files" if enabled else "ends offline use"
    print(f"Wrote {site_dir / WORKER}: the service worker {what}")
    return 0


def print_pdfs(site_dir: Path, instruments: list[Instrument]) -> int:
    """``pdf SITE_DIR``: the blank instruments' ready PDFs, printed into a built site."""
    from .pages.addresses import TOOLS_DIR
    from .site.chromium import NoBrowser
    from .site.printing import Printer

    if not _is_built_site(site_dir, f"{TOOLS_DIR}/"):
        return 1
    try:
        printer = Printer()
    except NoBrowser as reason:
        print(f"No PDFs can be made: {reason}.", file=sys.stderr)
        return 1
    try:
        written = printer.print_blank(site_dir, instruments)
    finally:
        printer.close()
    print(f"Printed {len(written)} blank PDFs into {site_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
