"""Writing a build into OUT_DIR: all of it or, when anything fails, nothing.

Every file is first written next to its place under a temporary name, with every folder it
needs; only when all of them are there are they renamed into place (a rename within one folder
does not fail in practice). On a failure the temporary files and new folders go again, and no
file that was there has changed.
"""

from __future__ import annotations

import os
from pathlib import Path

# In OUT_DIR: the files the last build wrote there, one path per line. The next build removes
# those it no longer writes (a removed instrument, an old stylesheet) and nothing else.
BUILD_LIST = ".generator-files"


class OutputError(Exception):
    """OUT_DIR cannot take the build; nothing in it was changed."""


def write_build(out_dir: Path, files: dict[str, bytes]) -> int:
    """Write ``files`` (by their path below ``out_dir``) and the build list into ``out_dir``,
    then remove what the previous build wrote and this one does not; returns how many were
    removed. Raises OutputError, with nothing changed, when any of it cannot be written."""
    listing = "".join(f"{path}\n" for path in sorted(files)).encode("utf-8")
    everything = {**files, BUILD_LIST: listing}
    previous = _previous_build(out_dir)
    created: list[Path] = []
    staged: dict[Path, Path] = {}
    relative = ""
    try:
        _make_folders(out_dir, created)
        for relative, content in sorted(everything.items()):
            target = out_dir / relative
            _make_folders(target.parent, created)
            if target.is_dir():
                raise IsADirectoryError(21, "a folder stands where the file goes", str(target))
            temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
            with temporary.open("xb") as stream:
                staged[temporary] = target
                stream.write(content)
    except OSError as error:
        for temporary in staged:
            temporary.unlink(missing_ok=True)
        for folder in reversed(created):
            folder.rmdir()
        what = f"cannot write {relative}" if relative else "cannot make the folder"
        raise OutputError(f"{out_dir}: {what}: {_reason(error)}") from None
    for temporary, target in staged.items():
        temporary.replace(target)
    return _remove_stale(out_dir, previous - set(everything))


def _make_folders(folder: Path, created: list[Path]) -> None:
    """Create ``folder`` and the folders above it that are missing, noting each one made."""
    missing = []
    while not folder.is_dir():
        missing.append(folder)
        folder = folder.parent
    for new in reversed(missing):
        new.mkdir()
        created.append(new)


def _reason(error: OSError) -> str:
    """What stopped the write, naming the file that stands where a folder must go."""
    where = Path(error.filename) if error.filename else None
    for path in (where, *where.parents) if where else ():
        if path.exists() and not path.is_dir():
            return f"{path} is a file, not a folder"
    if isinstance(error, PermissionError):
        return f"{where}: permission denied"
    return f"{where}: {error.strerror or error}"


def _previous_build(out_dir: Path) -> set[str]:
    """The files the previous build listed; none when it left no readable list."""
    try:
        return set((out_dir / BUILD_LIST).read_text("utf-8").splitlines())
    except (OSError, UnicodeError):
        return set()


def _remove_stale(out_dir: Path, stale: set[str]) -> int:
    """Remove these files of the previous build (only inside ``out_dir``), and the folders that
    leaves empty. Returns how many. Leftovers it cannot remove stay: the new build is whole."""
    root = out_dir.resolve()
    removed = 0
    for path in sorted(stale):
        target = (out_dir / path).resolve()
        if not target.is_relative_to(root) or not target.is_file():
            continue
        try:
            target.unlink()
        except OSError:
            continue
        removed += 1
        folder = target.parent
        while folder != root and not any(folder.iterdir()):
            folder.rmdir()
            folder = folder.parent
    return removed
