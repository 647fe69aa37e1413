"""Read instrument definitions from YAML, keeping line numbers, and validate them.

Every mistake in a file is reported at once as ``file:line:col: key.path: what is wrong
(expected …)``. This module raises :class:`DefinitionError` and never prints.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from . import errors
from .model import Instrument

SUFFIXES = (".yml", ".yaml")
KeyPath = tuple[str | int, ...]


@dataclasses.dataclass(frozen=True)
class Problem:
    """One mistake in a definition file, located by line and column (1-based; 0 for none)."""

    file: Path
    line: int
    column: int
    key_path: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}" if self.line else str(self.file)
        line = (
            f"{where}: {self.key_path}: {self.message}"
            if self.key_path
            else f"{where}: {self.message}"
        )
        return _printable(line)


def _printable(text: str) -> str:
    """Control characters quoted from a file shown as escapes (``\\x1b``), so a report stays
    one readable line and cannot steer the terminal it is printed in."""
    return "".join(
        char if char.isprintable() else char.encode("unicode_escape").decode("ascii")
        for char in text
    )


class DefinitionError(Exception):
    """One or more definition files are wrong; ``problems`` says where and how."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


@dataclasses.dataclass
class _Document:
    """A parsed YAML file: its data, and where each key and value starts."""

    data: Any
    value_marks: dict[KeyPath, tuple[int, int]]
    key_marks: dict[KeyPath, tuple[int, int]]


def _mark(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _parse(file: Path, text: str) -> tuple[_Document, list[Problem]]:
    """Parse YAML into data plus positions; duplicate keys are problems, not silent overwrites."""
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return _Document(None, {}, {}), []
        data = loader.construct_document(node)
    finally:
        loader.dispose()
    document = _Document(data, {}, {})
    problems: list[Problem] = []

    def walk(node: yaml.Node, path: KeyPath) -> None:
        document.value_marks[path] = _mark(node)
        if isinstance(node, yaml.MappingNode):
            seen: set[Any] = set()
            for key_node, value_node in node.value:
                key = key_node.value if isinstance(key_node, yaml.ScalarNode) else ""
                if key in seen:
                    line, column = _mark(key_node)
                    problems.append(
                        Problem(
                            file,
                            line,
                            column,
                            errors.format_path((*path, key)),
                            "key appears twice in this mapping (expected each key once)",
                        )
                    )
                # PyYAML keeps the last value of a repeated key: point at that one.
                seen.add(key)
                document.key_marks[(*path, key)] = _mark(key_node)
                walk(value_node, (*path, key))
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                walk(item, (*path, index))

    walk(node, ())
    return document, problems


def _locate(document: _Document, loc: KeyPath) -> tuple[KeyPath, bool]:
    """The real key path of a pydantic error location, without union tags.

    Pydantic puts the discriminator value into the location of errors inside a tagged union
    (``fields, 2, 'scale', 'label'``). A tag is told from a key of the same name by trying the
    key first and falling back to the tag when the rest of the location does not fit the data.
    Returns the path and whether it exists in the data.
    """

    def resolve(data: Any, rest: KeyPath) -> tuple[KeyPath, bool] | None:
        if not rest:
            return (), True
        head, tail = rest[0], rest[1:]
        if isinstance(data, dict) and head in data:
            found = resolve(data[head], tail)
            if found is not None:
                return (head,) + found[0], found[1]
        if isinstance(data, list) and isinstance(head, int) and 0 <= head < len(data):
            found = resolve(data[head], tail)
            if found is not None:
                return (head,) + found[0], found[1]
        if isinstance(data, dict) and isinstance(head, str) and data.get("type") == head:
            return resolve(data, tail)
        if isinstance(data, dict) and len(tail) == 0:
            return (head,), False  # a missing key
        return None

    found = resolve(document.data, loc)
    return found if found is not None else (loc, False)


def _position(document: _Document, path: KeyPath, exists: bool, kind: str) -> tuple[int, int]:
    """Where to point for an error: the key itself for unknown keys, else its value."""
    if exists and kind in errors.POINT_AT_KEY and path in document.key_marks:
        return document.key_marks[path]
    if exists and path in document.value_marks:
        return document.value_marks[path]
    # A missing key: point at the mapping that lacks it.
    parent = path[:-1]
    while parent not in document.value_marks and parent:
        parent = parent[:-1]
    return document.value_marks.get(parent, (1, 1))


def _validation_problems(file: Path, document: _Document, error: ValidationError) -> list[Problem]:
    problems = []
    for err in error.errors():
        loc = tuple(err["loc"])
        if err["type"] in errors.TYPE_KEY_ERRORS:
            loc += ("type",)
        path, exists = _locate(document, loc)
        line, column = _position(document, path, exists, err["type"])
        message = errors.describe(err, path, document.data)
        problems.append(Problem(file, line, column, errors.format_path(path), message))
    return sorted(problems, key=lambda p: (p.line, p.column, p.message))


def _file_error(file: Path, message: str, line: int = 1, column: int = 1) -> DefinitionError:
    """A mistake in a file as a whole (or before it could be parsed)."""
    return DefinitionError([Problem(file, line, column, "", message)])


def load_instrument(file: Path) -> Instrument:
    """Read, parse and validate one definition file."""
    try:
        raw = file.read_bytes()
    except OSError as error:
        raise _file_error(file, f"cannot be read: {error.strerror}") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        message = "the file is not valid UTF-8 (expected a file saved as UTF-8)"
        raise _file_error(file, message, line, column) from None
    try:
        document, problems = _parse(file, text)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = error.problem or error.context or "unreadable"
        message = f"YAML syntax error: {errors.yaml_problem(what)}"
        raise _file_error(file, message, line, column) from None
    except yaml.YAMLError as error:
        raise _file_error(file, f"YAML error: {error} (expected valid YAML)") from None

    if document.data is None:
        raise _file_error(file, "the file is empty (expected an instrument definition)")
    if not isinstance(document.data, dict):
        raise _file_error(
            file, "the file is not a mapping of keys (expected 'id: …', 'title: …' and so on)"
        )
    instrument = None
    try:
        instrument = Instrument.model_validate(document.data)
    except ValidationError as error:
        problems.extend(_validation_problems(file, document, error))
    data_id = document.data.get("id")
    if isinstance(data_id, str) and data_id != file.stem:
        line, column = document.value_marks.get(("id",), (1, 1))
        message = f"id '{data_id}' does not match the file name (expected '{file.stem}')"
        problems.append(Problem(file, line, column, "id", message))
    if problems or instrument is None:
        raise DefinitionError(sorted(problems, key=lambda p: (p.line, p.column)))
    return instrument


def definition_files(directory: Path) -> list[Path]:
    """The definition files in a folder, in name order."""
    return sorted(p for p in directory.iterdir() if p.suffix in SUFFIXES and p.is_file())


def load_instruments(directory: Path) -> list[Instrument]:
    """Load every definition in a folder, collecting the problems of all files before failing."""
    if not directory.is_dir():
        raise _file_error(directory, "no such folder (expected the folder of the definitions)", 0)
    files = definition_files(directory)
    if not files:
        raise _file_error(directory, "no definition files found (expected *.yml files)", 0)
    instruments: list[Instrument] = []
    problems: list[Problem] = []
    for file in files:
        try:
            instruments.append(load_instrument(file))
        except DefinitionError as error:
            problems.extend(error.problems)
    if problems:
        raise DefinitionError(problems)
    return sorted(instruments, key=lambda i: i.order)
