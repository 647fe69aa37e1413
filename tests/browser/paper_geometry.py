"""What a printed PDF looks like, read back from its geometry with pdfplumber: where its words
and lines are, and how large its text is. Used to check paper as a reader would: no text crossed
by a line or printed over other text, nothing past the page margins, text large enough.

Every PDF checked here is also rendered to PNG (poppler's ``pdftoppm``, at 60 dpi) in
``test-results/png/`` for a person to look at.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pdfplumber

from .served_site import PROJECT_DIR

PNG_DIR = PROJECT_DIR / "test-results" / "png"
MM = 72 / 25.4  # points per millimetre
TOLERANCE = 0.6  # points: anti-aliasing and rounding, well under a hair line
PAGE_NUMBER = re.compile(r"^(Pagina|\d+|van)$")


@dataclass(frozen=True)
class Word:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float  # the largest font size among its characters, in points

    def crossed_by(self, x0: float, top: float, x1: float, bottom: float) -> bool:
        """Whether a line (a thin box, or one without width or height) runs through this word,
        more than the tolerance inside its box."""
        return max(x0, self.x0 + TOLERANCE) <= min(x1, self.x1 - TOLERANCE) and max(
            top, self.top + TOLERANCE
        ) <= min(bottom, self.bottom - TOLERANCE)


@dataclass(frozen=True)
class Sheet:
    """One page of a PDF: its size in millimetres, words (in reading order), and the line
    segments it draws (box borders, table rules, the edges of filled shapes)."""

    number: int
    width_mm: float
    height_mm: float
    words: list[Word]
    edges: list[tuple[float, float, float, float]]
    glyphs: list[Word]  # each character printed, as a word of one

    @property
    def text(self) -> str:
        return " ".join(word.text for word in self.words)

    @property
    def content(self) -> str:
        """Its text without the page number ("Pagina 1 van 2"), which comes first or last."""
        return re.sub(r"(^| )Pagina \d+ van \d+( |$)", " ", self.text).strip()

    def words_outside(self, margins_mm: tuple[float, float, float, float]) -> list[Word]:
        """Words past the page's margins (top, right, bottom, left), but the page number that
        the page's own bottom margin holds."""
        top, right, bottom, left = (m * MM for m in margins_mm)
        width, height = self.width_mm * MM, self.height_mm * MM
        return [
            w
            for w in self.words
            if not (w.top >= height - bottom and PAGE_NUMBER.match(w.text))
            and (
                w.x0 < left - TOLERANCE
                or w.x1 > width - right + TOLERANCE
                or w.top < top - TOLERANCE
                or w.bottom > height - bottom + TOLERANCE
            )
        ]

    def overlapping_text(self) -> list[tuple[Word, Word]]:
        """Pairs of characters printed over each other (by more than a third of the narrower's
        width, and half the lower's height: more than kerning ever does)."""
        found = []
        ordered = sorted(self.glyphs, key=lambda g: g.top)
        for index, glyph in enumerate(ordered):
            for other in ordered[index + 1 :]:
                if other.top >= glyph.bottom:
                    break
                across = min(glyph.x1, other.x1) - max(glyph.x0, other.x0)
                down = min(glyph.bottom, other.bottom) - max(glyph.top, other.top)
                narrower = min(glyph.x1 - glyph.x0, other.x1 - other.x0)
                lower = min(glyph.bottom - glyph.top, other.bottom - other.top)
                if across > narrower / 3 and down > lower / 2:
                    found.append((glyph, other))
        return found

    def words_crossed_by_lines(self) -> list[Word]:
        """Words that a drawn line (a border, a rule) runs through. (A dashed or rounded border
        is thousands of short edges: each word looks only at those in the squares it covers.)"""
        squares: dict[tuple[int, int], list[tuple[float, float, float, float]]] = {}
        for edge in self.edges:
            for square in _squares(*edge):
                squares.setdefault(square, []).append(edge)
        return [
            word
            for word in self.words
            if any(
                word.crossed_by(*edge)
                for square in _squares(word.x0, word.top, word.x1, word.bottom)
                for edge in squares.get(square, ())
            )
        ]

    def sizes_of(self, text: str) -> list[float]:
        """The font size of each run of words that spells ``text`` (white space aside)."""
        target = "".join(text.split())
        sizes = []
        for start in range(len(self.words)):
            joined = ""
            for word in self.words[start:]:
                joined += word.text
                if not target.startswith(joined):
                    break
                if joined == target:
                    run = self.words[start : self.words.index(word) + 1]
                    sizes.append(min(w.size for w in run))
                    break
        return sizes

    def smallest_size(self, leaving_out: tuple[str, ...] = ()) -> float:
        """The smallest font size of the page's words, but those of the lines ``leaving_out``
        starts (the source line, the page number)."""
        skipped: set[int] = set()
        for text in leaving_out:
            skipped |= {id(w) for w in self._line_of(text)}
        return min(w.size for w in self.words if id(w) not in skipped)

    def _line_of(self, start: str) -> list[Word]:
        for index, word in enumerate(self.words):
            if word.text == start.split()[0] and self.text_from(index).startswith(start):
                return [w for w in self.words if abs(w.top - word.top) < 1]
        return []

    def text_from(self, index: int) -> str:
        return " ".join(w.text for w in self.words[index:])


SQUARE = 20  # points: the side of the squares edges are sorted into


def _squares(x0: float, top: float, x1: float, bottom: float) -> list[tuple[int, int]]:
    """The squares of the page a box touches."""
    return [
        (column, row)
        for column in range(int(x0 // SQUARE), int(x1 // SQUARE) + 1)
        for row in range(int(top // SQUARE), int(bottom // SQUARE) + 1)
    ]


def read(pdf: Path) -> list[Sheet]:
    """The pages of a PDF, and its pictures in ``test-results/png/`` (named after it)."""
    render_png(pdf)
    sheets = []
    with pdfplumber.open(pdf) as document:
        for number, page in enumerate(document.pages, start=1):
            words = [
                Word(w["text"], w["x0"], w["top"], w["x1"], w["bottom"], float(w["size"]))
                for w in page.extract_words(use_text_flow=True, extra_attrs=["size"])
            ]
            # Every outline drawn: borders and rules, and the outlines of filled backgrounds,
            # which text inside them never reaches.
            edges = [(e["x0"], e["top"], e["x1"], e["bottom"]) for e in page.edges]
            glyphs = [
                Word(c["text"], c["x0"], c["top"], c["x1"], c["bottom"], float(c["size"]))
                for c in page.chars
                if c["text"].strip()
            ]
            sheets.append(Sheet(number, page.width / MM, page.height / MM, words, edges, glyphs))
    return sheets


def render_png(pdf: Path) -> list[Path]:
    """Each page of ``pdf`` as a PNG at 60 dpi, for a reviewer (a test artefact)."""
    PNG_DIR.mkdir(parents=True, exist_ok=True)
    for old in PNG_DIR.glob(f"{pdf.stem}-*.png"):
        old.unlink()
    target = PNG_DIR / pdf.stem
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-png", "-r", "60", str(pdf), str(target)], check=True)
    else:  # pdfplumber's own renderer (pypdfium2), where poppler is not installed
        with pdfplumber.open(pdf) as document:
            for number, page in enumerate(document.pages, start=1):
                page.to_image(resolution=60).save(f"{target}-{number}.png")
    return sorted(PNG_DIR.glob(f"{pdf.stem}-*.png"))
