"""The command line as a maintainer uses it: ``python -m generator validate | build | schema``."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from unit_support import INVALID, TOOL_TEMPLATES, run, run_generator

from generator.__main__ import SCHEMA_FILE, schema_text
from generator.pages.render import asset_files
from generator.site.output import BUILD_LIST


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def _invalid_folder(tmp_path: Path) -> tuple[Path, list[str]]:
    """A folder with the definition of every golden invalid case, and the report expected for it."""
    folder = tmp_path / "definitions"
    folder.mkdir()
    expected_by_file: dict[str, list[str]] = {}
    for case in sorted(p for p in INVALID.iterdir() if p.is_dir()):
        (definition,) = [p for p in case.iterdir() if p.suffix == ".yml"]
        shutil.copy(definition, folder / definition.name)
        lines = (case / "expected.txt").read_text(encoding="utf-8").splitlines()[:-1]
        expected_by_file[definition.name] = lines
    # Files are checked in name order; each file's problems in line order.
    expected = [line for name in sorted(expected_by_file) for line in expected_by_file[name]]
    return folder, expected


def test_validate_accepts_the_real_definitions() -> None:
    """`python -m generator validate` fails on the shipped instruments. (The one test that starts
    the command as its own process; the others call its main function.)"""
    result = run(sys.executable, "-m", "generator", "validate")
    assert result.returncode == 0, result.stderr
    ids = sorted(p.stem for p in TOOL_TEMPLATES.glob("*.yml"))
    assert all(i in result.stdout for i in ids)
    assert result.stderr == ""


def test_validate_reports_every_problem_of_every_file(tmp_path: Path) -> None:
    """A maintainer has to fix mistakes one run at a time, or sees a traceback instead."""
    folder, expected = _invalid_folder(tmp_path)
    result = run_generator("--definitions", ".", "validate", cwd=folder)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        *expected,
        f"{len(expected)} problems found; nothing was written.",
    ]
    assert "Traceback" not in result.stderr


def test_validate_reports_a_missing_folder(tmp_path: Path) -> None:
    """A mistyped --definitions folder crashes instead of saying what is wrong."""
    result = run_generator("--definitions", "nergens", "validate", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == (
        "nergens: no such folder (expected the folder of the definitions)"
    )
    assert "Traceback" not in result.stderr


def test_build_writes_pages_and_assets(tmp_path: Path) -> None:
    """`build` leaves out an instrument page or its comparison view, the overview, the
    client's JS or the pages' stylesheets."""
    out_dir = tmp_path / "out"
    result = run_generator("build", out_dir)
    assert result.returncode == 0, result.stderr
    pages = {"tools/index.md", "voor-beheerders/referentie.md"}
    pages |= {f"tools/{p.stem}/index.md" for p in TOOL_TEMPLATES.glob("*.yml")}
    pages |= {f"tools/{p.stem}/vergelijken/index.md" for p in TOOL_TEMPLATES.glob("*.yml")}
    written = _snapshot(out_dir)
    listed = written.pop(BUILD_LIST).decode("utf-8").splitlines()
    stylesheets = {path for path in written if path.endswith(".css")}
    assert set(written) == pages | set(asset_files()) | stylesheets
    assert listed == sorted(written), "the build lists what it wrote"
    assert stylesheets, "the pages' stylesheets are written too"
    assert all(written[path] for path in pages), "no page is empty"
    assert [p.name for p in tmp_path.iterdir()] == ["out"], "no staging folder is left behind"


def test_build_with_invalid_definitions_writes_nothing(tmp_path: Path) -> None:
    """A broken definition leaves a half-written or missing output folder behind."""
    folder, _ = _invalid_folder(tmp_path)
    out_dir = tmp_path / "out"
    result = run_generator("--definitions", folder, "build", out_dir)
    assert result.returncode == 1
    assert "nothing was written" in result.stderr
    assert "Traceback" not in result.stderr
    assert not out_dir.exists()


def test_build_with_invalid_definitions_leaves_old_output_untouched(tmp_path: Path) -> None:
    """A failed build destroys the pages of the last good build."""
    folder, _ = _invalid_folder(tmp_path)
    out_dir = tmp_path / "out"
    assert run_generator("build", out_dir).returncode == 0
    before = _snapshot(out_dir)
    result = run_generator("--definitions", folder, "build", out_dir)
    assert result.returncode == 1
    assert _snapshot(out_dir) == before


def test_a_new_build_removes_what_it_no_longer_writes_and_nothing_else(tmp_path: Path) -> None:
    """An instrument taken out of the definitions would keep its pages in OUT_DIR, and old
    stylesheets would pile up; or a build would delete files that are not its own."""
    out_dir = tmp_path / "out"
    assert run_generator("build", out_dir).returncode == 0
    fewer = tmp_path / "definitions"
    fewer.mkdir()
    for name in ("praatplaat.yml", "reflectietool.yml"):
        shutil.copy(TOOL_TEMPLATES / name, fewer / name)
    own = out_dir / "tools" / "eigen-notities.md"
    own.write_text("Van de beheerder", encoding="utf-8")
    outside = tmp_path / "buiten.md"
    outside.write_text("Buiten de map", encoding="utf-8")
    listing = out_dir / BUILD_LIST
    listing.write_text(listing.read_text("utf-8") + "../buiten.md\n", "utf-8")

    result = run_generator("--definitions", fewer, "build", out_dir)
    assert result.returncode == 0, result.stderr
    assert "removed" in result.stdout
    written = set(_snapshot(out_dir)) - {BUILD_LIST}
    gone = [path for path in written if path.startswith(("tools/matrix", "tools/achtje"))]
    assert not gone, gone
    assert not (out_dir / "tools" / "matrix").exists(), "its emptied folder goes too"
    assert (out_dir / "tools" / "praatplaat" / "index.md").is_file()
    assert own.read_text(encoding="utf-8") == "Van de beheerder", "not the build's: kept"
    assert outside.is_file(), "outside OUT_DIR: never touched"
    assert set(listing.read_text("utf-8").splitlines()) == written - {"tools/eigen-notities.md"}


def test_schema_command_writes_the_schema(tmp_path: Path) -> None:
    """`python -m generator schema` does not refresh the schema file editors use."""
    result = run_generator("--definitions", tmp_path, "schema")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / SCHEMA_FILE).read_text(encoding="utf-8") == schema_text()


def test_schema_that_cannot_be_written_is_one_line(tmp_path: Path) -> None:
    """A schema file that cannot be written gave a traceback instead of saying so."""
    (tmp_path / SCHEMA_FILE).mkdir()  # a folder where the file goes: unwritable, even for root
    result = run_generator("--definitions", tmp_path, "schema")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().endswith("cannot be written: Is a directory"), result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr


def test_usage_error_exits_with_two() -> None:
    """Calling the command without a subcommand crashes instead of showing its usage."""
    result = run_generator()
    assert result.returncode == 2
    assert "usage:" in result.stderr
    assert "Traceback" not in result.stderr


def test_build_with_a_feedback_address_adds_the_feedback_block(tmp_path: Path) -> None:
    """`build --feedback-email` is ignored, so a site built without MkDocs asks no feedback."""
    with_address, without = tmp_path / "with", tmp_path / "without"
    result = run_generator("build", with_address, "--feedback-email", "feedback@example.org")
    assert result.returncode == 0, result.stderr
    assert run_generator("build", without).returncode == 0
    pages = [p.relative_to(with_address) for p in with_address.glob("tools/*/index.md")]
    assert len(pages) == len(list(TOOL_TEMPLATES.glob("*.yml")))
    for page in pages:
        assert "mailto:feedback@example.org?" in (with_address / page).read_text(encoding="utf-8")
        assert "mailto:" not in (without / page).read_text(encoding="utf-8")


def test_build_with_a_malformed_feedback_address_writes_nothing(tmp_path: Path) -> None:
    """A typo in the address writes a site whose send link goes nowhere, or shows a traceback."""
    out_dir = tmp_path / "out"
    result = run_generator("build", out_dir, "--feedback-email", "geen adres")
    assert result.returncode == 2
    assert result.stderr.splitlines()[-1].endswith(
        "--feedback-email: 'geen adres' is not an e-mail address "
        "(expected one address without spaces, like feedback@example.org)"
    )
    assert "Traceback" not in result.stderr
    assert not out_dir.exists()


# --- the output folder: a clear line when it cannot be written, and never half-written ---------


def _one_line_error(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    (line,) = result.stderr.splitlines()
    return line


def test_build_into_a_file_is_a_clear_error(tmp_path: Path) -> None:
    """OUT_DIR naming a file (or a file where one of its folders goes) ends in a traceback."""
    occupied = tmp_path / "bestand"
    occupied.write_text("van de beheerder", encoding="utf-8")
    for out_dir in (occupied, occupied / "site"):
        line = _one_line_error(run_generator("build", out_dir))
        assert str(occupied) in line and "nothing was written" in line, line
        assert occupied.read_text(encoding="utf-8") == "van de beheerder"
    assert [p.name for p in tmp_path.iterdir()] == ["bestand"], "no staging folder is left"


def test_a_build_that_cannot_write_one_page_changes_nothing(tmp_path: Path) -> None:
    """A build that adds an instrument overwrote the overview and then failed before writing the
    new comparison page, leaving the half-written folder the command promises never to leave."""
    fewer = tmp_path / "definitions"
    fewer.mkdir()
    for name in ("matrix.yml", "reflectietool.yml"):
        shutil.copy(TOOL_TEMPLATES / name, fewer / name)
    out_dir = tmp_path / "out"
    assert run_generator("--definitions", fewer, "build", out_dir).returncode == 0
    # A file where the new instrument's folder must go (its comparison page lives in it).
    blocker = out_dir / "tools" / "praatplaat"
    blocker.write_text("van de beheerder", encoding="utf-8")
    before = _snapshot(out_dir)

    line = _one_line_error(run_generator("build", out_dir))

    assert str(blocker) in line and "nothing was written" in line, line
    assert _snapshot(out_dir) == before, "no file of the last build changed, none was added"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["definitions", "out"]
