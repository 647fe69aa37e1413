"""Benchmark: how the build grows with the number of instruments, and of fields in one.

Generates synthetic instruments of about 30 fields each (10, 100 and 1000 of them by default),
then times validation + rendering (the generator alone) and the whole ``mkdocs build`` of a copy
of the site with them. Prints the cost per instrument and the generator's share of the build, and
whether the cost per instrument stays flat (linear growth). Then times the generator alone on one
instrument of many fields (1,000 and 10,000 by default), whose cost per field must stay flat too.

Run from the project folder:
``.venv/bin/python benchmarks/build_scaling.py [--counts 10 100] [--fields 1000 10000]``;
an empty ``--counts`` or ``--fields`` leaves that part out.
"""

from __future__ import annotations

import argparse
import itertools
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.definition.load import load_instruments  # noqa: E402
from generator.pages.render import render_pages  # noqa: E402

FIELD_TYPES = ["long_text", "short_text", "scale", "scale", "choice"]


def synthetic(number: int) -> dict[str, object]:
    """An instrument of 6 sections x 5 fields (30 fields) of every kind."""

    def field(section: int, index: int) -> dict[str, object]:
        kind = FIELD_TYPES[index % len(FIELD_TYPES)]
        spec: dict[str, object] = {
            "id": f"vraag-{index + 1}",
            "type": kind,
            "label": f"Vraag {index + 1} van deel {section + 1} over de samenwerking?",
        }
        if kind == "scale":
            spec["scale"] = "eens-oneens"
        if kind == "choice":
            spec["options"] = [{"id": f"optie-{o}", "label": f"Optie {o}"} for o in (1, 2, 3)]
        return spec

    return {
        "id": f"synthetisch-{number}",
        "version": 1,
        "title": f"Synthetisch instrument {number}",
        "purpose": "Een instrument om de bouw te meten.",
        "challenges": [{"number": 5, "title": "Reflecteren op de samenwerking"}],
        "intro": "Een inleiding van een paar zinnen, **met nadruk**.",
        "guidance": {
            "when": "Altijd.",
            "with_whom": "Met iedereen.",
            "duration": "10 minuten",
            "materials": "Niets.",
        },
        "print": {"paper": "A4", "orientation": "portrait"},
        "layout": "questionnaire",
        "respondent": {"title": "Wie vult in?", "fields": [{"id": "naam", "label": "Naam"}]},
        "scales": [
            {
                "id": "eens-oneens",
                "options": [{"value": v, "label": f"Waarde {v}"} for v in range(1, 6)],
                "dont_know": "Weet niet",
            }
        ],
        "sections": [
            {
                "id": f"deel-{s + 1}",
                "title": f"Deel {s + 1}",
                "fields": [field(s, i) for i in range(5)],
            }
            for s in range(6)
        ],
    }


def with_many_fields(count: int) -> dict[str, object]:
    """One instrument of ``count`` fields, ten to a section, every label asked in two sections
    (so each question is named by its place, the work that once grew with the square)."""
    instrument = synthetic(0)
    instrument["id"] = f"velden-{count}"
    sections = []
    for s in range(count // 10):
        fields = [
            {"id": f"vraag-{i + 1}", "type": "short_text", "label": f"Vraag {(s // 2) * 10 + i}?"}
            for i in range(10)
        ]
        sections.append({"id": f"deel-{s + 1}", "title": f"Deel {s + 1}", "fields": fields})
    instrument["sections"] = sections
    return instrument


def project_with(count: int, folder: Path) -> Path:
    """A copy of the site whose instruments are ``count`` synthetic ones; returns mkdocs.yml."""
    for part in ("docs", "overrides"):
        shutil.copytree(ROOT / part, folder / part)
    shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    definitions = folder / "tool_templates"
    definitions.mkdir()
    for number in range(1, count + 1):
        data = synthetic(number)
        (definitions / f"{data['id']}.yml").write_text(
            yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8"
        )
    return folder / "mkdocs.yml"


def seconds(action) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def linearity(timings: list[tuple[int, float]], unit: str) -> None:
    """Print the cost of each extra ``unit`` between two sizes; flat means linear growth."""
    steps = [((t2 - t1) / (n2 - n1), n1, n2) for (n1, t1), (n2, t2) in itertools.pairwise(timings)]
    for cost, n1, n2 in steps:
        print(f"each extra {unit} from {n1} to {n2}: {cost * 1000:.2f} ms")
    if len(steps) > 1:
        growth = steps[-1][0] / steps[0][0]
        verdict = "linear" if growth < 1.5 else "faster than linear"
        print(f"extra cost, last step against first: x{growth:.2f} ({verdict})")


def fields(counts: list[int]) -> None:
    """Time the generator alone on one instrument of each number of fields."""
    print("fields in one instrument | generator (load+render) | per field")
    timings: list[tuple[int, float]] = []
    for count in counts:
        with tempfile.TemporaryDirectory() as tmp:
            data = with_many_fields(count)
            (Path(tmp) / f"{data['id']}.yml").write_text(
                yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8"
            )
            generator = min(
                seconds(lambda: render_pages(load_instruments(Path(tmp)))) for _ in range(2)
            )
        timings.append((count, generator))
        print(f"{count:24d} | {generator * 1000:19.0f} ms | {generator / count * 1000:6.3f} ms")
    if len(timings) > 1:
        # Quadratic work shows as a cost per field that grows with the number of fields.
        (n1, t1), (n2, t2) = timings[0], timings[-1]
        growth = (t2 / n2) / (t1 / n1)
        verdict = "linear" if growth < 1.5 else "faster than linear"
        print(f"cost per field, {n2} against {n1} fields: x{growth:.2f} ({verdict})")


def instruments(counts: list[int]) -> None:
    """Time the generator and the whole build for each number of instruments."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", GEREEDSCHAPSKIST_PDF="never")
    print("instruments | generator (load+render) | per instrument | mkdocs build | share")
    timings: list[tuple[int, float]] = []
    for count in counts:
        with tempfile.TemporaryDirectory() as tmp:
            config = project_with(count, Path(tmp))
            definitions = Path(tmp) / "tool_templates"
            # The best of three: the first run also compiles the templates.
            generator = min(
                seconds(lambda: render_pages(load_instruments(definitions)))  # noqa: B023
                for _ in range(3)
            )
            command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config)]
            build = seconds(
                lambda: subprocess.run(command, check=True, env=env, cwd=tmp)  # noqa: B023
            )
        timings.append((count, generator))
        print(
            f"{count:11d} | {generator * 1000:19.0f} ms | {generator / count * 1000:11.2f} ms"
            f" | {build:10.2f} s | {generator / build:5.1%}"
        )
    linearity(timings, "instrument")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--counts", type=int, nargs="*", default=[10, 100, 1000])
    parser.add_argument("--fields", type=int, nargs="*", default=[1000, 10000])
    args = parser.parse_args()
    if args.counts:
        instruments(args.counts)
    if args.fields:
        fields(args.fields)


if __name__ == "__main__":
    main()
