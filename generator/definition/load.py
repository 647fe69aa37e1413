"""Read instrument definitions from YAML, keeping line numbers, and validate them.

Every mistake in a file is reported at once as ``file:line:col: key.path: what is wrong
(expected …)``. This module raises :class:`DefinitionError` and never prints.

A definition file may come from anyone, so reading it takes bounded time and memory: YAML
aliases, nesting past :data:`MAX_DEPTH` and numbers longer than :data:`MAX_DIGITS` are refused
where they are written, before anything is expanded or converted.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Hashable
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from . import wording
from .instrument import Instrument

SUFFIXES = (".yml", ".yaml")
KeyPath = tuple[str | int, ...]
MAX_DEPTH = 32  # levels of lists and mappings; a real definition uses fewer than ten
MAX_DIGITS = 15  # a whole number the client can hold exactly (below 2**53)
_LINE_BREAK = re.compile("\r\n|[\n\r\x85\u2028\u2029]")


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


class _Refused(Exception):
    """Something the loader will not read, with the line and column where it starts."""

    def __init__(self, position: tuple[int, int], message: str):
        super().__init__(message)
        (self.line, self.column), self.message = position, message


class _DefinitionLoader(yaml.SafeLoader):
    """PyYAML's safe loader, reading only what a definition needs, in bounded time and memory."""

    def __init__(self, text: str):
        super().__init__(text)
        self._depth = 0

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        event: yaml.Event = self.peek_event()  # type: ignore[no-untyped-call]
        mark = event.start_mark
        position = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        # Nine nested lists of nine aliases expand to 387 million items, and an alias may hold
        # itself: no definition needs one, so refuse it before anything is expanded.
        if isinstance(event, yaml.AliasEvent):
            raise _Refused(
                position,
                "YAML aliases (*name) are not supported (expected the value written out in full)",
            )
        # A tag (`!!int abc`, `!!set [a]`) makes PyYAML's constructors fail with a traceback;
        # no definition needs one.
        tag = getattr(event, "tag", None)
        if tag is not None:
            shown = tag.replace("tag:yaml.org,2002:", "!!")
            raise _Refused(
                position,
                f"YAML tags ({shown}) are not supported "
                "(expected the value without its tag, in quotes if it is text)",
            )
        if not isinstance(event, yaml.SequenceStartEvent | yaml.MappingStartEvent):
            return super().compose_node(parent, index)
        # Composing recurses once per level: stopping at a fixed depth keeps Python's stack safe.
        if self._depth >= MAX_DEPTH:
            raise _Refused(
                position,
                f"nested more than {MAX_DEPTH} levels deep "
                f"(expected at most {MAX_DEPTH} levels of lists and mappings)",
            )
        self._depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Hashable, Any]:
        """A mapping whose keys are read as written: every key of a definition is a name, so
        `1:` or `~:` is an unknown key '1' or '~', not a number or nothing."""
        mapping: dict[Hashable, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise _Refused(
                    _mark(key_node),
                    "a list or mapping is used as a key (expected a name, e.g. 'title')",
                )
            mapping[key_node.value] = self.construct_object(value_node, deep=deep)
        return mapping

    def construct_yaml_int(self, node: yaml.ScalarNode) -> int:
        # Python refuses to convert more than 4300 digits, and the client cannot hold more
        # than 15 exactly; check the length before converting.
        if len(node.value.lstrip("+-").replace("_", "")) > MAX_DIGITS:
            raise _Refused(
                _mark(node),
                f"number too large (expected a whole number of at most {MAX_DIGITS} digits)",
            )
        return super().construct_yaml_int(node)

    def construct_date_as_text(self, node: yaml.ScalarNode) -> str:
        # No definition holds a date: what looks like one ('2024-13-45' too, which PyYAML fails
        # on) is text, as editors (YAML 1.2) read it.
        return str(self.construct_scalar(node))


_DefinitionLoader.add_constructor("tag:yaml.org,2002:int", _DefinitionLoader.construct_yaml_int)
_DefinitionLoader.add_constructor(
    "tag:yaml.org,2002:timestamp", _DefinitionLoader.construct_date_as_text
)


def _parse(file: Path, text: str) -> tuple[_Document, list[Problem]]:
    """Parse YAML into data plus positions; duplicate keys are problems, not silent overwrites."""
    loader = _DefinitionLoader(text)
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
                key = key_node.value  # as the loader reads keys: their text
                if key in seen:
                    line, column = _mark(key_node)
                    problems.append(
                        Problem(
                            file,
                            line,
                            column,
                            wording.format_path((*path, key)),
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
    if exists and kind in wording.POINT_AT_KEY and path in document.key_marks:
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
        if err["type"] in wording.TYPE_KEY_ERRORS:
            loc += ("type",)
        path, exists = _locate(document, loc)
        line, column = _position(document, path, exists, err["type"])
        message = wording.describe(err, path, document.data)
        problems.append(Problem(file, line, column, wording.format_path(path), message))
    return sorted(problems, key=lambda p: (p.line, p.column, p.message))


def _lines_before(text: str, index: int) -> list[str]:
    """The lines of a text up to a position, broken where PyYAML breaks them."""
    return _LINE_BREAK.split(text[:index])


def _file_error(file: Path, message: str, line: int = 1, column: int = 1) -> DefinitionError:
    """A mistake in a file as a whole (or before it could be parsed)."""
    return DefinitionError([Problem(file, line, column, "", message)])


def load_instrument(file: Path) -> Instrument:
    """Read, parse and validate one definition file."""
    return _load(file)[0]


def _load(file: Path) -> tuple[Instrument, _Document]:
    """One definition file's instrument, and where its keys and values are written."""
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
    except _Refused as error:
        raise _file_error(file, error.message, error.line, error.column) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = error.problem or error.context or "unreadable"
        before = _lines_before(text, mark.index)[-1] if mark else ""
        message = f"YAML syntax error: {wording.yaml_problem(what, before)}"
        raise _file_error(file, message, line, column) from None
    except yaml.reader.ReaderError as error:
        lines = _lines_before(text, error.position)
        char = chr(error.character) if isinstance(error.character, int) else "?"
        message = (
            f"a control character ({char}) that YAML does not allow "
            "(expected text without control characters)"
        )
        raise _file_error(file, message, len(lines), len(lines[-1]) + 1) from None
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
    return instrument, document


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
    first_files: dict[str, Path] = {}
    for file in files:
        try:
            instrument, document = _load(file)
        except DefinitionError as error:
            problems.extend(error.problems)
            continue
        # The id is the file's name, but 'x.yml' and 'x.yaml' share it: one page, two cards.
        first = first_files.setdefault(instrument.id, file)
        if first != file:
            line, column = document.value_marks[("id",)]
            message = (
                f"id '{instrument.id}' is already used by {first.name} "
                "(expected one file per instrument)"
            )
            problems.append(Problem(file, line, column, "id", message))
        instruments.append(instrument)
    if problems:
        raise DefinitionError(problems)
    return sorted(instruments, key=lambda i: i.order)
