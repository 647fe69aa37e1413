"""The building blocks of every model: strict base, text and id types, and rule checking.

Cross-reference rules that JSON Schema cannot express (unique ids, references) run beside the
structural validation, so one run reports every mistake in a file.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    StringConstraints,
    ValidationError,
    ValidationInfo,
    ValidatorFunctionWrapHandler,
    WrapValidator,
)
from pydantic_core import InitErrorDetails, PydanticCustomError

from .markdown import MAX_NESTING, MarkdownTooDeep, markdown_html

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"

Id = Annotated[str, StringConstraints(pattern=ID_PATTERN)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
OneLine = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, pattern=r"^[^\n]*$")
]


def _renders(text: str) -> str:
    """Markdown that the pages can render: checked by rendering it as they will (cached)."""
    try:
        markdown_html(text)
    except MarkdownTooDeep:
        raise PydanticCustomError(
            "markdown_too_deep",
            "{problem} (expected {expected})",
            {
                "problem": "Markdown nested too deeply",
                "expected": f"at most {MAX_NESTING} levels of lists and quotes",
            },
        ) from None
    return text


Markdown = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1), AfterValidator(_renders)
]


class Strict(BaseModel):
    """Base of every model: unknown keys are mistakes, values are taken as written."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


# --- collecting rule violations as pydantic errors ------------------------------------------


def as_init_errors(error: ValidationError) -> list[InitErrorDetails]:
    """Turn the errors of a failed inner validation back into raisable details, keeping ctx."""
    details: list[InitErrorDetails] = []
    for err in error.errors():
        ctx = {**err.get("ctx", {}), "message": err["msg"]}
        details.append(
            InitErrorDetails(
                type=PydanticCustomError(err["type"], "{message}", ctx),
                loc=err["loc"],
                input=err["input"],
            )
        )
    return details


def rule_error(
    kind: str, problem: str, expected: str, loc: tuple[str | int, ...], value: Any
) -> InitErrorDetails:
    """A broken rule, worded like every other mistake: what is wrong, then what was expected."""
    return InitErrorDetails(
        type=PydanticCustomError(
            kind, "{problem} (expected {expected})", {"problem": problem, "expected": expected}
        ),
        loc=loc,
        input=value,
    )


def with_rules(
    check: Callable[[Any], Iterator[InitErrorDetails]],
) -> Callable[[Any, ValidatorFunctionWrapHandler, ValidationInfo], Any]:
    """Wrap validator running ``check`` on the raw input beside the structural validation.

    Both sets of errors are raised together, so one run reports every mistake in a file.
    """

    def validate(value: Any, handler: ValidatorFunctionWrapHandler, info: ValidationInfo) -> Any:
        errors: list[InitErrorDetails] = []
        result = None
        try:
            result = handler(value)
        except ValidationError as error:
            errors.extend(as_init_errors(error))
        errors.extend(check(value))
        if errors:
            raise ValidationError.from_exception_data("Instrument", errors)
        return result

    return validate


def _duplicate_ids(items: Any) -> Iterator[InitErrorDetails]:
    """Every item whose ``id`` was already used earlier in the same list."""
    if not isinstance(items, list):
        return
    first_index: dict[str, int] = {}
    for index, item in enumerate(items):
        item_id = item.get("id") if isinstance(item, dict) else None
        if not isinstance(item_id, str):
            continue
        if item_id in first_index:
            yield rule_error(
                "duplicate_id",
                f"id '{item_id}' is already used by item {first_index[item_id]} of this list",
                "an id used once in the list",
                (index, "id"),
                item_id,
            )
        else:
            first_index[item_id] = index


UniqueIds = WrapValidator(with_rules(_duplicate_ids))
