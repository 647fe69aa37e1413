"""One key scheme: the keys a blank form's controls store, the keys the model lists and the keys
the comparison view reads are the same set, for every instrument and test definition; and every
repeated question's label names its place. The keys are made in answer_keys.py alone; this
holds the templates, the models and the client's comparison (run in Node) to it."""

from __future__ import annotations

import json
import shutil
import subprocess
from typing import get_args

import pytest
from page_html import Element, page_body, parse
from unit_support import ROOT, TOOL_TEMPLATES, VALID

from generator import answer_keys as keys
from generator.definition.instrument import Instrument, RespondentField
from generator.definition.load import load_instruments
from generator.pages import comparison_data
from generator.pages.addresses import instrument_path
from generator.pages.render import GENERATOR_DIR, render_pages

INSTRUMENTS = [*load_instruments(TOOL_TEMPLATES), *load_instruments(VALID)]
NODE = shutil.which("node")

# Asks the comparison's own code (line-up.js and the parts' comparison modules) which keys of
# the given structure it knows; prints those it does not.
KNOWN = """
const [structure, keys] = JSON.parse(await new Promise((done) => {
  let text = ""; process.stdin.on("data", (c) => (text += c)).on("end", () => done(text));
}));
const root = process.argv[1];
const { knownKeys } = await import(`${root}/client/comparison/line-up.js`);
const parts = {};
for (const type of structure.parts) {
  parts[type] = await import(`${root}/parts/${type}/${type}-comparison.js`);
}
const known = knownKeys(structure, parts);
console.log(JSON.stringify(keys.filter((key) => !known(key))));
"""


def form_of(instrument: Instrument) -> Element:
    page = render_pages([instrument])[instrument_path(instrument)]
    return parse(page_body(page)).find_one("form")


def control_names(form: Element) -> set[str]:
    """The keys the blank form's controls store (not those of templates the script copies)."""
    return {
        name
        for element in form.iter()
        if element.tag in {"input", "textarea", "select"}
        and (name := element.get("name"))
        and element.closest("template") is None
    }


@pytest.mark.parametrize("instrument", INSTRUMENTS, ids=lambda i: i.id)
def test_the_page_stores_the_keys_the_model_lists(instrument: Instrument) -> None:
    """A key the page writes that the model does not list (or the other way round) is an answer
    the comparison, the schema or a later version would not find."""
    listed = list(instrument.stored_keys())
    assert len(listed) == len(set(listed)), "the model lists a key twice"
    assert control_names(form_of(instrument)) == set(listed)


@pytest.mark.skipif(NODE is None, reason="needs Node (it comes with the project's npm tools)")
def test_the_comparison_reads_the_keys_the_model_lists() -> None:
    """The comparison view decides which answers belong to an instrument; a key it does not
    know shows as an answer from another version, or not at all."""
    assert NODE is not None
    for instrument in INSTRUMENTS:
        structure = comparison_data.structure(instrument)
        stdin = json.dumps([structure, list(instrument.stored_keys())])
        result = subprocess.run(
            [NODE, "--input-type=module", "-e", KNOWN, str(GENERATOR_DIR)],
            input=stdin,
            capture_output=True,
            text=True,
            check=False,
            cwd=ROOT,
            timeout=60,
        )
        assert result.returncode == 0, result.stderr
        assert json.loads(result.stdout) == [], f"{instrument.id}: unknown to the comparison"


@pytest.mark.parametrize("instrument", INSTRUMENTS, ids=lambda i: i.id)
def test_every_label_names_its_place(instrument: Instrument) -> None:
    """A repeated question without its place ("Partner A, Bestuurlijk: …") is the same question
    many times over for a screen reader user."""
    form = form_of(instrument)
    by_name: dict[str, list[Element]] = {}
    for element in form.iter():
        if element.tag in {"input", "textarea"} and element.get("name"):
            by_name.setdefault(str(element.get("name")), []).append(element)
    for question in instrument.questions():
        control = by_name[question.key][0]
        if control.get("type") in {"radio", "checkbox"}:
            legend = control.closest("fieldset")
            assert legend is not None
            name = legend.find_all("legend")[0].text()
        else:
            name = form.find_one("label", for_=str(control.get("id"))).text()
        assert name == question.label, question.key


def test_pages_and_the_client_tests_carry_the_one_scheme() -> None:
    """The client reads and writes answer files by the scheme its page carries as data: a page
    or the Node tests' copy of the comparison structure with another scheme would store, or
    accept, other keys than the model lists."""
    scheme = keys.client_scheme()
    for instrument in load_instruments(TOOL_TEMPLATES):
        page = parse(page_body(render_pages([instrument])[instrument_path(instrument)]))
        carried = page.find_one("gk-instrument").get("data-keys")
        assert carried is not None and json.loads(carried) == scheme, instrument.id
    fixture = ROOT / "tests" / "client" / "fixtures" / "structures.json"
    for instrument_id, structure in json.loads(fixture.read_text(encoding="utf-8")).items():
        assert structure["keys"] == scheme, f"make {fixture.name} again ({instrument_id})"
    asked = RespondentField.model_fields["id"].annotation
    assert get_args(asked) == keys.RESPONDENT_FIELDS, "the fields a respondent's name comes from"


def test_the_client_joins_a_links_two_ends_as_the_keys_do() -> None:
    """answers.js spells the link separator out for the 8-tje's links (linkId, endsOf): another
    one than the keys' would store links the rest of the site cannot read."""
    source = (ROOT / "generator" / "client" / "answers.js").read_text(encoding="utf-8")
    assert f'const LINK = "{keys.LINK}";' in source
