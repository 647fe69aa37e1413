"""Smaller JavaScript for visitors, with the code itself untouched.

Only what is certainly not code goes: comments on lines of their own, comments after code
(`` // `` with spaces, outside strings), indentation and blank lines. Line breaks stay (so no
statement runs into the next), and so does everything else, strings and template literals
included: a general minifier once took the space out of a nested template literal. Our modules
keep every string on one line; a file that breaks that rule is refused, not shipped changed.
"""

from __future__ import annotations


class UnsafeToMinify(ValueError):
    """The source has a string or template literal spanning lines, which this cannot read."""


def minify_js(source: str, name: str = "script") -> str:
    """The source without whole-line comments, indentation and blank lines."""
    lines = []
    in_comment = False
    for number, line in enumerate(source.splitlines(), start=1):
        text = line.strip()
        if in_comment:
            if "*/" in text:
                in_comment = False
                rest = text.split("*/", 1)[1].strip()
                if rest:
                    lines.append(rest)
            continue
        if not text or text.startswith("//"):
            continue
        if text.startswith("/*"):
            if "*/" not in text:
                in_comment = True
                continue
            rest = text.split("*/", 1)[1].strip()
            if rest:
                lines.append(rest)
            continue
        lines.append(_without_trailing_comment(text, f"{name}:{number}"))
    return "\n".join(lines) + "\n"


def _without_trailing_comment(line: str, where: str) -> str:
    """The line up to a `` // `` comment that stands outside every string and template."""
    quotes: list[str] = []  # the open strings; "}" marks a ${…} inside a template
    index = 0
    while index < len(line):
        char = line[index]
        inside = quotes[-1] if quotes else None
        if inside in ("'", '"', "`"):
            if char == "\\":
                index += 2
                continue
            if char == inside:
                quotes.pop()
            elif inside == "`" and line.startswith("${", index):
                quotes.append("}")
                index += 1
        elif char in ("'", '"', "`"):
            quotes.append(char)
        elif inside == "}" and char == "{":
            quotes.append("{")
        elif inside in ("}", "{") and char == "}":
            quotes.pop()
        elif not quotes and line.startswith(" // ", index):
            return line[:index].rstrip()
        index += 1
    if quotes:
        raise UnsafeToMinify(f"{where}: a string or template literal spans lines")
    return line
