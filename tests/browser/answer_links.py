"""Answer links (DESIGN.md §3) made the way the site makes them, and the corpus of crafted links
the comparison view must refuse: each with the words its refusal must say. The payload is the
answer file's JSON, raw deflate (as the browser's CompressionStream "deflate-raw"), base64url
without padding."""

from __future__ import annotations

import base64
import json
import os
import zlib
from typing import Any

from . import answer_files

MAX_LINK = 8000  # characters of a whole link (share-link.js, the README)
MAX_INFLATED = 1024 * 1024  # bytes a payload may inflate to


def deflate_raw(data: bytes) -> bytes:
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    return compressor.compress(data) + compressor.flush()


def base64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def payload_of(data: Any) -> str:
    """The payload of a link carrying this JSON."""
    return base64url(deflate_raw(json.dumps(data, ensure_ascii=False).encode("utf-8")))


def link(origin: str, instrument_id: str, payload: str) -> str:
    return f"{origin}/tools/{instrument_id}/vergelijken/#antwoorden={payload}"


def answer_link(origin: str, instrument_id: str, data: Any) -> str:
    """The link Deel als link makes for this answer file."""
    return link(origin, instrument_id, payload_of(data))


NOT_A_LINK = "Dit is geen antwoordlink"
DAMAGED = "beschadigd of onvolledig"
TOO_LONG = "langer dan 8.000 tekens"


def hostile_links(origin: str, instrument_id: str) -> list[tuple[str, str, str]]:
    """Crafted links to this instrument's comparison view that must each be refused, with nothing
    stored or executed: ``(what it is, the link, words of its refusal)``."""
    good = answer_files.answer_file(
        instrument_id, {}, {"naam": "<img src=x onerror=window.__pwned=1>"}
    )
    good_payload = payload_of(good)
    on = lambda payload: link(origin, instrument_id, payload)  # noqa: E731
    deflated = lambda text: base64url(deflate_raw(text.encode("utf-8")))  # noqa: E731
    with_answers = lambda answers, **top: on(  # noqa: E731
        payload_of({**answer_files.answer_file(instrument_id, answers), **top})
    )
    bomb = b'{"format":"gereedschapskist-antwoorden","answers":{"x":"' + b" " * (2 * MAX_INFLATED)
    # Random bytes don't compress: a valid answer file whose link is over the limit.
    noise = base64.b64encode(os.urandom(6500)).decode("ascii")
    big = answer_files.answer_file(instrument_id, {}, {"naam": noise})
    deep = "[" * 5000 + "]" * 5000
    other_instrument = "matrix" if instrument_id != "matrix" else "praatplaat"
    return [
        ("halved", on(good_payload[: len(good_payload) // 2]), DAMAGED),
        ("one character short", on(good_payload[:-1]), DAMAGED),
        ("cut at a length base64 never has", on(good_payload[: 4 * 20 + 1]), DAMAGED),
        ("empty", on(""), DAMAGED),
        (
            "not base64: a dollar sign inside",
            on(f"{good_payload[:10]}${good_payload[10:]}"),
            DAMAGED,
        ),
        ("percent-encoded", on("%7B%22format%22"), DAMAGED),
        ("standard base64 with + and /", on("++//" + good_payload), DAMAGED),
        ("not compressed: JSON in base64", on(base64url(json.dumps(good).encode())), DAMAGED),
        ("zlib with its header, not raw deflate", on(base64url(zlib.compress(b"{}"))), DAMAGED),
        ("junk after the compressed data", on(base64url(deflate_raw(b"{}") + b"junk")), DAMAGED),
        ("a compression bomb", on(base64url(deflate_raw(bomb))), "groter dan 1 MB"),
        ("not UTF-8", on(base64url(deflate_raw(b'{"a":"\xff\xfe"}'))), "geen UTF-8"),
        ("not JSON", on(deflated("hallo, dit zijn mijn antwoorden")), "geen leesbare JSON"),
        ("nested too deeply", on(deflated(deep)), "te diep genest"),
        ("JSON, but no answer file", on(deflated('{"a": 1}')), "geen antwoordbestand"),
        ("a list", on(deflated("[]")), "geen antwoordbestand"),
        (
            "another instrument's answers",
            on(payload_of(answer_files.answer_file(other_instrument, {}))),
            "ander instrument",
        ),
        ("a newer format", on(payload_of({**good, "version": 99})), "nieuwere versie"),
        ("an answer under a key of script", with_answers({"<script>": "x"}), "ongeldige naam"),
        ("a prototype key", with_answers({"__proto__": {"x": 1}}), "ongeldige naam"),
        (
            "an answer that is an object",
            with_answers({"x.y": {"a": 1}}),
            "geen tekst, getal of lijst",
        ),
        (
            "an answer of 100,001 characters",
            with_answers({}, respondent={"naam": "a" * 100_001}),
            "te lang",
        ),
        ("a name that is a number", with_answers({}, respondent={"naam": 7}), "geen tekst"),
        ("over the length limit", on(payload_of(big)), TOO_LONG),
        ("no answers in it", f"{origin}/tools/{instrument_id}/vergelijken/", NOT_A_LINK),
    ]
