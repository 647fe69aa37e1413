"""Plain wording for validation errors: what is wrong, and what was expected instead.

Pydantic's own messages speak of "inputs" and "models". This table rewrites each error type in
the terms of a definition file, and takes the "expected" part from the description of the key in
the model, which is also what editors show from the JSON Schema.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Annotated, Any, get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from ..parts import FIELD_TYPES, REPEAT_TYPES
from .instrument import Instrument
from .rules import ID_PATTERN

# Unknown keys and duplicate keys are shown where the key is, not where its value is.
POINT_AT_KEY = {"extra_forbidden"}

# Errors that belong to a list item's ``type`` key rather than to the item as a whole.
TYPE_KEY_ERRORS = {"union_tag_invalid", "union_tag_not_found"}

_TYPE_WORDS = {
    "string_type": "text",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
    "bool_type": "true or false",
    "list_type": "a list",
    "model_type": "a mapping of keys",
    "model_attributes_type": "a mapping of keys",
    "dict_type": "a mapping of keys",
    "literal_error": "one of the allowed values",
}


# PyYAML's syntax messages, in the words of someone editing a definition file.
_YAML_PROBLEMS = (
    (
        "mapping values are not allowed",
        (
            "a ':' where no new key can start (expected the key's indentation to line up, "
            "or quotes around a text that holds ': ')"
        ),
    ),
    ("expected <block end>", "the indentation does not line up (expected that of the keys above)"),
    ("could not find expected ':'", "a key without ':' (expected 'key: value')"),
    ("found unexpected end of stream", "a quote is not closed (expected a closing quote)"),
    ("found '<stream end>'", "the file ends where a value should follow (expected a value)"),
)


def yaml_problem(problem: str, before: str = "") -> str:
    """A YAML syntax error in plain words, ending with what was expected; ``before`` is the text
    of its line before the error."""
    # PyYAML refuses a tab anywhere outside quotes with one message: say which case this is.
    if "found character '\\t'" in problem:
        if not before.strip(" \t"):
            return "a tab is used to indent (expected spaces)"
        return "a tab outside quotes (expected a space, or quotes around a text with a tab in it)"
    for fragment, plain in _YAML_PROBLEMS:
        if fragment in problem:
            return plain
    return f"{problem} (expected valid YAML)"


_PLAIN_KEY = re.compile(r"[\w-]+")


def format_path(path: tuple[str | int, ...]) -> str:
    """``('sections', 0, 'fields', 2, 'label')`` → ``sections[0].fields[2].label``."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        elif not _PLAIN_KEY.fullmatch(part):  # an empty key, or one with spaces: quoted
            text += f"[{part!r}]"
        else:
            text += f".{part}" if text else part
    return text


def _found(value: Any) -> str:
    """A short, plain description of a value that has the wrong type."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"true/false ({str(value).lower()})"
    if isinstance(value, (int, float)):
        return f"a number ({value})"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "…"
        return f"text ('{shown}')"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping of keys"
    return type(value).__name__


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    """The model classes an annotation can hold (through lists, unions and Annotated)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    if get_origin(annotation) is Annotated:
        return _models_in(get_args(annotation)[0])
    return [model for arg in get_args(annotation) for model in _models_in(arg)]


def _pick(candidates: list[type[BaseModel]], node: Any) -> type[BaseModel] | None:
    """The candidate model a mapping is meant to be, told apart by its ``type`` key."""
    if len(candidates) == 1:
        return candidates[0]
    type_name = node.get("type") if isinstance(node, dict) else None
    for model in candidates:
        type_field = model.model_fields.get("type")
        if type_field is not None and type_name in get_args(type_field.annotation):
            return model
    return None


def _key_at(
    path: tuple[str | int, ...], data: Any
) -> tuple[type[BaseModel] | None, FieldInfo | None]:
    """The model holding the last key of ``path``, and that key's field (its list's, for items)."""
    candidates: list[type[BaseModel]] = [Instrument]
    node = data
    model: type[BaseModel] | None = None
    field: FieldInfo | None = None
    for key in path:
        if isinstance(key, str):
            model = _pick(candidates, node)
            field = model.model_fields.get(key) if model else None
            if field is None:
                return model, None
            candidates = _models_in(field.annotation)
            node = node.get(key) if isinstance(node, dict) else None
        else:
            node = node[key] if isinstance(node, list) and 0 <= key < len(node) else None
    return model, field


def _type_names(models: Iterable[type[BaseModel]]) -> list[str]:
    """The ``type`` value of each model of a tagged union."""
    return [str(get_args(m.model_fields["type"].annotation)[0]) for m in models]


def _union_types(path: tuple[str | int, ...], data: Any) -> str:
    """The allowed ``type`` values where ``path`` (ending in 'type') names an item of a union."""
    container = path[:-1] if isinstance(path[-2], str) else path[:-2]
    _, field = _key_at(container, data)
    models = _models_in(field.annotation) if field is not None else []
    return ", ".join(_type_names(models))


def _union_kind(path: tuple[str | int, ...]) -> str:
    return "repeat" if len(path) >= 2 and path[-2] == "repeat" else "field"


def describe(error: Mapping[str, Any], path: tuple[str | int, ...], data: Any) -> str:
    """One error as ``what is wrong (expected …)``."""
    kind = error["type"]
    ctx = error.get("ctx", {})
    value = error.get("input")
    if "problem" in ctx and "expected" in ctx:  # our own rules are worded already
        return f"{ctx['problem']} (expected {ctx['expected']})"

    model, field = _key_at(path, data)
    about = field.description if field is not None and field.description else "a valid value"

    if kind == "missing":
        return f"required key is missing (expected {about})"
    if kind == "extra_forbidden":
        keys = ", ".join(model.model_fields) if model else ""
        return f"unknown key '{path[-1]}' (expected one of the keys: {keys})"
    if kind == "union_tag_invalid":
        tag, types, what = ctx.get("tag", value), _union_types(path, data), _union_kind(path)
        known = _type_names(REPEAT_TYPES if what == "repeat" else FIELD_TYPES)
        if tag in known:  # a real type, but not one this list takes (e.g. a scale as a link field)
            return f"{what} type '{tag}' is not allowed here (expected one of: {types})"
        return f"unknown {what} type '{tag}' (expected one of: {types})"
    if kind == "union_tag_not_found":
        types = _union_types(path, data)
        return f"the {_union_kind(path)} has no type (expected 'type:' with one of: {types})"
    if kind == "string_too_short" or (kind == "string_type" and value is None):
        return f"is empty (expected {about})"
    if kind == "string_pattern_mismatch":
        if ctx.get("pattern") == ID_PATTERN:
            return (
                f"'{value}' is not a valid id (expected lowercase letters and digits, "
                "words joined by single '-', e.g. 'gedeelde-ambitie')"
            )
        return f"has more than one line (expected {about}, on one line)"
    if kind == "literal_error":
        return f"'{value}' is not allowed (expected {ctx.get('expected', about)})"
    if kind == "too_short":
        length = ctx.get("actual_length")
        found = "is empty" if length == 0 else f"has {length} item{'s' if length != 1 else ''}"
        return f"{found} (expected {about})"
    if kind in {"greater_than_equal", "greater_than", "less_than_equal", "less_than"}:
        return f"{value} is out of range (expected {about})"
    if kind in _TYPE_WORDS:
        return f"found {_found(value)} (expected {_TYPE_WORDS[kind]}: {about})"
    return f"{error.get('msg', kind)} (expected {about})"
