// Lining up several respondents' answers in the comparison view (comparison/line-up.js, with
// the matrix's and the 8-tje's comparison modules).
//
// fixtures/structures.json holds the real instruments' structures as their comparison pages
// carry them (generator/pages/comparison_data.py `structure`), made from tool_templates/ by
// running, from the repository root:
//   .venv/bin/python -c "import json; from generator.definition.load import load_instruments;
//     from generator.pages.comparison_data import structure; from pathlib import Path;
//     print(json.dumps({i.id: structure(i) for i in load_instruments(Path('tool_templates'))}))"
//     > tests/client/fixtures/structures.json
// Make it again when a definition in tool_templates/ changes what these tests rely on.
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { AnswerFileError } from "../../generator/client/answers.js";
import {
  COMPARISON_FORMAT,
  aspects,
  distinctName,
  knownKeys,
  readEntries,
  respondentName,
  anonymousName,
  sameRespondent,
  textSections,
} from "../../generator/client/comparison/line-up.js";
import { refusal } from "../../generator/client/opening.js";
import * as actions from "../../generator/parts/actions/actions-comparison.js";
import * as menu from "../../generator/parts/menu/menu-comparison.js";
import * as parties from "../../generator/parts/parties/parties-comparison.js";
import { INSTRUMENT, STRUCTURES, answerFile } from "./answer-files.js";

const PARTS = { actions, menu, parties };
const answers = (object) => new Map(Object.entries(object));

/** A combined comparison file of INSTRUMENT with these respondents. */
const comparison = (respondents, changes = {}) => ({
  format: COMPARISON_FORMAT,
  version: 1,
  instrument: { id: "reflectietool", version: 1 },
  saved: "2026-11-29T11:30:00Z",
  respondents,
  ...changes,
});

/** Assert that reading `data` as a comparison is refused with this Dutch sentence. */
function refusedAs(data, sentence) {
  assert.throws(
    () => readEntries(data, INSTRUMENT),
    (error) => error instanceof AnswerFileError && refusal(error) === sentence,
  );
}

describe("respondentName: what a respondent is called", () => {
  test("their name, else their organisation, else none (the view numbers them)", () => {
    const both = answers({ "respondent.naam": "Anna", "respondent.organisatie": "ROC" });
    assert.equal(respondentName(both, INSTRUMENT), "Anna");
    assert.equal(respondentName(answers({ "respondent.naam": "  ", "respondent.organisatie": "ROC" }), INSTRUMENT), "ROC");
    assert.equal(respondentName(answers({}), INSTRUMENT), null);
    assert.equal(respondentName(answers({ "respondent.naam": " \n\t " }), INSTRUMENT), null);
  });

  test("spaces and line breaks in a name become single spaces", () => {
    assert.equal(respondentName(answers({ "respondent.naam": "  Anna \n de   Vries\t" }), INSTRUMENT), "Anna de Vries");
  });

  test("a very long name is cut to 80 characters, ending in an ellipsis", () => {
    const name = respondentName(answers({ "respondent.naam": "x".repeat(200) }), INSTRUMENT);
    assert.equal(name, `${"x".repeat(79)}…`);
    assert.equal(respondentName(answers({ "respondent.naam": "y".repeat(80) }), INSTRUMENT), "y".repeat(80));
  });
});

describe("anonymousName: one who gave no name is 'Deelnemer n'", () => {
  test("numbered in the order opened, the first number no one goes by", () => {
    assert.equal(anonymousName([]), "Deelnemer 1");
    assert.equal(anonymousName(["Anna", "Deelnemer 1"]), "Deelnemer 2");
    assert.equal(anonymousName(["deelnemer  1", "Deelnemer 3"]), "Deelnemer 2", "case and spaces aside");
  });
});

describe("distinctName: two respondents never share a name", () => {
  test("a new name is kept as it is", () => {
    assert.equal(distinctName("Docent", ["Anna", "Bob"]), "Docent");
  });

  test("a name already used gets a number, also when it differs only in case or spaces", () => {
    assert.equal(distinctName("Docent", ["Docent"]), "Docent (2)");
    assert.equal(distinctName("Docent", [" DOCENT "]), "Docent (2)");
    assert.equal(distinctName("Docent", ["Docent", "docent (2)"]), "Docent (3)");
  });
});

describe("sameRespondent: one person's file opened twice counts once", () => {
  const entry = (changes) => {
    const data = answerFile(changes);
    return readEntries(data, INSTRUMENT).entries[0];
  };

  test("the same content is the same respondent, whatever the file is called", () => {
    assert.equal(sameRespondent(entry(), entry(), INSTRUMENT), true);
  });

  test("the same name and organisation saved at the same moment is the same respondent", () => {
    const edited = entry({ answers: { "ambitie.uitgesproken": 2 } });
    assert.equal(sameRespondent(entry(), edited, INSTRUMENT), true);
    const otherCase = entry({ respondent: { naam: " docent  TECHNIEK", organisatie: "vmbo de brug" }, answers: {} });
    assert.equal(sameRespondent(entry(), otherCase, INSTRUMENT), true);
  });

  test("another moment, another person, or nobody named is someone else", () => {
    assert.equal(sameRespondent(entry(), entry({ saved: "2026-11-29T10:16:00Z", answers: {} }), INSTRUMENT), false);
    const anna = entry({ respondent: { naam: "Anna" }, answers: {} });
    assert.equal(sameRespondent(entry(), anna, INSTRUMENT), false);
    // Two anonymous people may well save in the same second: only identical files are one.
    const nobody = (answers) => entry({ respondent: undefined, answers });
    assert.equal(sameRespondent(nobody({ "ambitie.uitgesproken": 1 }), nobody({ "ambitie.uitgesproken": 2 }), INSTRUMENT), false);
    assert.equal(sameRespondent(nobody({ "ambitie.uitgesproken": 1 }), nobody({ "ambitie.uitgesproken": 1 }), INSTRUMENT), true);
  });
});

describe("readEntries: the respondents in an opened file", () => {
  test("an answer file is one respondent, named after who answered", () => {
    const data = answerFile();
    const { entries, refusals } = readEntries(data, INSTRUMENT);
    assert.deepEqual(refusals, []);
    assert.equal(entries.length, 1);
    assert.equal(entries[0].name, "Docent techniek");
    assert.equal(entries[0].part, null);
    assert.equal(entries[0].data, data);
    assert.equal(entries[0].answers.get("ambitie.uitgesproken"), 4);
  });

  test("a bad answer file is refused whole, with the import's reason", () => {
    assert.throws(
      () => readEntries(answerFile({ instrument: { id: "matrix", version: 1 } }), INSTRUMENT),
      (error) => error instanceof AnswerFileError && error.message === "other-instrument",
    );
    assert.throws(() => readEntries({ iets: "anders" }, INSTRUMENT), AnswerFileError);
  });

  test("an answer file from a newer instrument version is still lined up", () => {
    const data = answerFile({ instrument: { id: "reflectietool", version: 2 } });
    assert.equal(readEntries(data, INSTRUMENT).entries.length, 1);
  });

  test("a combined file's bad respondents are refused one by one; the good ones open", () => {
    const data = comparison([
      { name: "Anna", file: answerFile() },
      5,
      { name: "Bob", file: answerFile({ instrument: { id: "matrix", version: 1 } }) },
      { file: answerFile({ respondent: undefined }) },
      { name: "   ", file: answerFile({ respondent: { naam: "Cas" } }) },
      { name: "  Dirk \n (docent) ", file: answerFile({ instrument: { id: "reflectietool", version: 2 } }) },
      { name: "Eva" },
    ]);
    const { entries, refusals } = readEntries(data, INSTRUMENT);
    assert.deepEqual(
      entries.map(({ part }) => part),
      [1, 4, 5, 6],
    );
    assert.equal(entries[0].name, "Anna");
    assert.equal(entries[1].name, null, "no name: the view numbers them");
    assert.equal(entries[2].name, "Cas");
    assert.equal(entries[3].name, "Dirk (docent)");
    assert.equal(entries[0].data, data.respondents[0].file);
    assert.deepEqual(
      refusals.map(({ part, error }) => [part, refusal(error)]),
      [
        [2, "Deze deelnemer is niet leesbaar."],
        [3, 'Dit antwoordbestand hoort bij een ander instrument ("matrix"), niet bij dit instrument.'],
        [7, "Dit is geen antwoordbestand van de Gereedschapskist."],
      ],
    );
  });

  test("a combined file of a newer or unknown version is refused whole", () => {
    refusedAs(
      comparison([], { version: 2 }),
      "Deze vergelijking is gemaakt met een nieuwere versie van de site en kan hier niet worden geopend.",
    );
    for (const version of ["1", 0, undefined]) {
      refusedAs(comparison([], { version }), "De versie van deze vergelijking is onbekend.");
    }
  });

  test("another instrument's combined file is refused whole", () => {
    for (const instrument of [{ id: "matrix", version: 1 }, undefined, "reflectietool"]) {
      refusedAs(
        comparison([{ name: "Anna", file: answerFile() }], { instrument }),
        "Deze vergelijking hoort bij een ander instrument.",
      );
    }
  });

  test("respondents that are no list, or more than 200, are refused whole", () => {
    refusedAs(comparison({ 0: answerFile() }), "De deelnemers in deze vergelijking zijn niet leesbaar.");
    const many = Array.from({ length: 201 }, () => ({ name: "X", file: answerFile() }));
    refusedAs(comparison(many), "De deelnemers in deze vergelijking zijn niet leesbaar.");
    assert.equal(readEntries(comparison(many.slice(1)), INSTRUMENT).entries.length, 200);
  });

  test("a combined file with no respondents opens empty", () => {
    assert.deepEqual(readEntries(comparison([]), INSTRUMENT), { entries: [], refusals: [] });
  });
});

describe("aspects: the statements the figures are made of", () => {
  test("each aspect section with its scale statements, not its open questions", () => {
    const found = aspects(STRUCTURES.reflectietool);
    // Not the agreements at the end: no statements there.
    assert.deepEqual(
      found.map(({ id }) => id),
      ["ambitie", "belangen", "relatie", "organisatie", "proces"],
    );
    const [ambitie] = found;
    assert.equal(ambitie.title, "Ambitie");
    assert.deepEqual(ambitie.statements[0], {
      key: "ambitie.uitgesproken",
      label: "We hebben expliciet met elkaar uitgesproken wat onze gezamenlijke ambitie is.",
      scale: "eens-oneens",
    });
    for (const aspect of found) {
      assert.ok(aspect.statements.length > 0, aspect.id);
      for (const statement of aspect.statements) assert.ok(!statement.key.endsWith(".toelichting"), statement.key);
    }
    assert.equal(found.flatMap(({ statements }) => statements).length, 21);
  });

  test("an instrument without aspects has no figures", () => {
    assert.deepEqual(aspects(STRUCTURES.matrix), []);
    assert.deepEqual(aspects(STRUCTURES.praatplaat), []);
  });
});

describe("knownKeys: which answers belong to this version", () => {
  const check = (id, known, unknown) => {
    const knows = knownKeys(STRUCTURES[id], PARTS);
    for (const key of known) assert.equal(knows(key), true, `${id} should know ${key}`);
    for (const key of unknown) assert.equal(knows(key), false, `${id} should not know ${key}`);
  };

  test("a plain question, who answered; not a question of another version", () => {
    check(
      "reflectietool",
      ["ambitie.uitgesproken", "ambitie.toelichting", "proces.toelichting", "respondent.naam", "respondent.functie"],
      ["ambitie.verdwenen", "ambitie", "nieuw.onderdeel", "ambitie.uitgesproken.extra"],
    );
  });

  test("the matrix: chosen activities, cells of menu and own columns, own columns' names", () => {
    check(
      "matrix",
      [
        "opgave.impact",
        "activiteiten",
        "activiteiten.leerlijnen.wie",
        "activiteiten.eigen-abc123.volgende-stap",
        "activiteiten.eigen-abc123.naam",
      ],
      [
        "opgave.oud",
        "activiteiten.leerlijnen.onbekend",
        "activiteiten.leerlijnen",
        "activiteiten.leerlijnen.wie.extra",
        "activiteiten.a--b.naam",
      ],
    );
  });

  test("the 8-tje: boxes, links down and across, names; fields only where they belong", () => {
    check(
      "achtje",
      [
        "achtje",
        "achtje.partner-a.bestuurlijk.wie",
        "achtje.partner-xyz123.operationeel.rol",
        "achtje.partner-a.bestuurlijk--management.nodig",
        "achtje.partner-a--partner-b.management.plaats",
        "achtje.partner-b--partner-a.operationeel.nodig",
        "achtje.partner-xyz123.naam",
        "achtje.verbindingen",
      ],
      [
        "achtje.partner-a.bestuurlijk.nodig", // a link's question in a box
        "achtje.partner-a.bestuurlijk--management.wie", // a box's question on a link
        "achtje.partner-a--partner-b.bestuurlijk.wie",
        "achtje.partner-a.bestuurlijk--nergens.nodig",
        "achtje.partner-a.nergens.wie",
        "achtje.partner-a--partner-b.naam",
        "achtje.partner-a.bestuurlijk",
        "achtje.partner-a.bestuurlijk.wie.extra",
        "achtje.verbindingen.extra",
        "achtje.nergens",
      ],
    );
  });
});

describe("textSections: open answers side by side", () => {
  test("plain sections line up each question's key for every respondent; scales left out", () => {
    const sections = textSections(STRUCTURES.reflectietool, [answers({}), answers({})], PARTS);
    assert.deepEqual(
      sections.map(({ id }) => id),
      ["ambitie", "belangen", "relatie", "organisatie", "proces", "afspraken"],
    );
    assert.deepEqual(sections[0], {
      id: "ambitie",
      title: "Ambitie",
      groups: [
        {
          heading: null,
          absent: null,
          rows: [
            {
              field: STRUCTURES.reflectietool.sections[0].fields[4],
              keys: ["ambitie.toelichting", "ambitie.toelichting"],
            },
          ],
        },
      ],
    });
  });

  test("a section of statements only is not shown among the open answers", () => {
    const structure = structuredClone(STRUCTURES.reflectietool);
    structure.sections[0].fields = structure.sections[0].fields.filter((field) => field.type === "scale");
    const ids = textSections(structure, [answers({})], PARTS).map(({ id }) => id);
    assert.ok(!ids.includes("ambitie"));
    assert.equal(ids.length, 5);
  });

  describe("an agreements list", () => {
    const structure = STRUCTURES.praatplaat;
    const sets = [
      answers({
        "respondent.naam": "Anna",
        "afspraken.afspraken": ["rij-bbb222", "eerste", "rij-ccc333"],
        "afspraken.afspraken.eerste.wat": "Open dag samen",
        "afspraken.afspraken.eerste.wanneer": "maart",
        "afspraken.afspraken.rij-bbb222.wat": "Stages afstemmen",
        "afspraken.afspraken.rij-bbb222.wie": " Jan ",
        // rij-ccc333 is listed but empty: no row of the view
      }),
      answers({}), // none
      answers({
        // No list (a file edited by hand): its rows still show, in the file's order.
        "afspraken.afspraken.rij-ddd444.wie": "Cas",
        "afspraken.afspraken.rij-ddd444.onbekend": "not a column",
      }),
    ];

    test("everyone's rows under each other, in each file's order, with whose they are", () => {
      const section = textSections(structure, sets, PARTS).find(({ id }) => id === "afspraken");
      assert.equal(section.title, "Afspraken");
      const [{ list }] = section.groups;
      assert.equal(list.field.label, "Welke afspraken maken we met elkaar?");
      assert.deepEqual(
        list.columns.map(({ label }) => label),
        ["Wat spreken we af?", "Wie doet het?", "Wanneer?"],
      );
      assert.deepEqual(list.rows, [
        { respondent: 0, values: ["Stages afstemmen", "Jan", ""] },
        { respondent: 0, values: ["Open dag samen", "", "maart"] },
        { respondent: 2, values: ["", "Cas", ""] },
      ]);
    });

    test("its keys belong to the instrument: the rows in order and every row's columns", () => {
      const known = knownKeys(structure, PARTS);
      for (const key of [
        "afspraken.afspraken",
        "afspraken.afspraken.eerste.wat",
        "afspraken.afspraken.rij-abc123.wanneer",
      ]) {
        assert.ok(known(key), key);
      }
      for (const key of [
        "afspraken.afspraken.rij-abc123.onbekend",
        "afspraken.afspraken.rij-abc123",
        "afspraken.afspraken.rij-abc123.wat.meer",
        "afspraken.anders.eerste.wat",
      ]) {
        assert.ok(!known(key), key);
      }
    });
  });

  describe("the matrix", () => {
    const sets = [
      answers({
        activiteiten: ["evenementen", "leerlijnen", "eigen-aaa111"],
        "activiteiten.eigen-aaa111.naam": "Gastlessen",
        "activiteiten.eigen-ccc333.naam": "Niet aangevinkt", // named but not chosen
      }),
      answers({
        activiteiten: ["leerlijnen", "eigen-bbb222", "eigen-ddd444"],
        "activiteiten.eigen-bbb222.naam": "  GASTLESSEN ",
        "activiteiten.eigen-ddd444.naam": "Stages",
      }),
      answers({ "opgave.impact": "Alleen de opgave" }), // chose nothing
    ];
    const [opgave, activiteiten] = textSections(STRUCTURES.matrix, sets, PARTS);
    const column = (group, field = "doelen") => group.rows.find((row) => row.field.id === field).keys;

    test("the plain questions line up for all three", () => {
      assert.equal(opgave.id, "opgave");
      assert.deepEqual(opgave.groups[0].rows[0].keys, ["opgave.impact", "opgave.impact", "opgave.impact"]);
    });

    test("one group per activity anyone chose: the menu's in its order, then own ones", () => {
      assert.deepEqual(
        activiteiten.groups.map(({ heading }) => heading),
        [
          "Gezamenlijk opzetten van doorlopende leerlijnen",
          "Evenementen",
          "Eigen activiteit: Gastlessen",
          "Eigen activiteit: Stages",
        ],
      );
    });

    test("a menu activity lines up by its id; who did not choose it has no answer", () => {
      const [leerlijnen, evenementen] = activiteiten.groups;
      assert.deepEqual(column(leerlijnen), ["activiteiten.leerlijnen.doelen", "activiteiten.leerlijnen.doelen", null]);
      assert.deepEqual(column(evenementen, "volgende-stap"), ["activiteiten.evenementen.volgende-stap", null, null]);
      assert.equal(evenementen.absent, "Niet gekozen");
      assert.deepEqual(
        evenementen.rows.map(({ field }) => field.id),
        ["doelen", "wie", "inzet", "meten", "volgende-stap"],
      );
    });

    test("own activities with the same name (case and spaces aside) are one, whatever their ids", () => {
      const [, , gastlessen, stages] = activiteiten.groups;
      assert.deepEqual(column(gastlessen), [
        "activiteiten.eigen-aaa111.doelen",
        "activiteiten.eigen-bbb222.doelen",
        null,
      ]);
      assert.deepEqual(column(stages, "wie"), [null, "activiteiten.eigen-ddd444.wie", null]);
    });

    test("an own activity named but not chosen, or chosen without a name, is no group", () => {
      const headings = activiteiten.groups.map(({ heading }) => heading).join(" | ");
      assert.ok(!headings.includes("Niet aangevinkt"), headings);
      const blank = textSections(
        STRUCTURES.matrix,
        [answers({ activiteiten: ["eigen-eee555"], "activiteiten.eigen-eee555.naam": "   " })],
        PARTS,
      );
      assert.deepEqual(blank.find(({ id }) => id === "activiteiten"), undefined);
    });

    test("a name given to a menu activity does not make it an own activity", () => {
      const [, section] = textSections(
        STRUCTURES.matrix,
        [answers({ activiteiten: ["leerlijnen"], "activiteiten.leerlijnen.naam": "Hernoemd" })],
        PARTS,
      );
      assert.deepEqual(
        section.groups.map(({ heading }) => heading),
        ["Gezamenlijk opzetten van doorlopende leerlijnen"],
      );
    });

    test("one respondent with two own activities of the same name keeps the first", () => {
      const [section] = textSections(
        STRUCTURES.matrix,
        [
          answers({
            activiteiten: ["eigen-aaa111", "eigen-bbb222"],
            "activiteiten.eigen-aaa111.naam": "Stages",
            "activiteiten.eigen-bbb222.naam": "stages",
          }),
        ],
        PARTS,
      ).filter(({ id }) => id === "activiteiten");
      assert.equal(section.groups.length, 1);
      assert.deepEqual(column(section.groups[0]), ["activiteiten.eigen-aaa111.doelen"]);
    });
  });

  describe("the 8-tje", () => {
    const sets = [
      // Partner A and B in the definition's order, named.
      answers({ "achtje.partner-a.naam": "ROC Zadkine", "achtje.partner-b.naam": "Vmbo De Brug" }),
      // The same two, the other way round: B is the ROC here, and put first.
      answers({
        achtje: ["partner-b", "partner-a"],
        "achtje.partner-a.naam": "vmbo de  brug",
        "achtje.partner-b.naam": "ROC ZADKINE",
      }),
      // Nobody named: the definition's names.
      answers({}),
    ];
    const [section] = textSections(STRUCTURES.achtje, sets, PARTS);
    const group = (heading) => {
      const found = section.groups.find((g) => g.heading === heading);
      assert.ok(found, `no group "${heading}" in: ${section.groups.map((g) => g.heading).join(" | ")}`);
      return found;
    };
    const keys = (heading, field) => group(heading).rows.find((row) => row.field.id === field).keys;

    test("a group per partner and level, a link down between levels, and a link across per level", () => {
      assert.deepEqual(
        section.groups.slice(0, 5).map(({ heading }) => heading),
        [
          "ROC Zadkine, Bestuurlijk",
          "ROC Zadkine, Bestuurlijk – Management",
          "ROC Zadkine, Management",
          "ROC Zadkine, Management – Operationeel (professioneel)",
          "ROC Zadkine, Operationeel (professioneel)",
        ],
      );
      // Four partners (two named, two by default) with five groups each, two links across.
      assert.equal(section.groups.length, 4 * 5 + 2 * 3);
    });

    test("partners are the same when their names are, whatever their ids or order", () => {
      assert.deepEqual(keys("ROC Zadkine, Bestuurlijk", "wie"), [
        "achtje.partner-a.bestuurlijk.wie",
        "achtje.partner-b.bestuurlijk.wie",
        null,
      ]);
      assert.deepEqual(keys("Vmbo De Brug, Operationeel (professioneel)", "rol"), [
        "achtje.partner-b.operationeel.rol",
        "achtje.partner-a.operationeel.rol",
        null,
      ]);
      assert.deepEqual(keys("ROC Zadkine, Management – Operationeel (professioneel)", "plaats"), [
        "achtje.partner-a.management--operationeel.plaats",
        "achtje.partner-b.management--operationeel.plaats",
        null,
      ]);
    });

    test("a link across is the same link in each file, under each file's own link id", () => {
      assert.deepEqual(keys("ROC Zadkine – Vmbo De Brug, Bestuurlijk", "nodig"), [
        "achtje.partner-a--partner-b.bestuurlijk.nodig",
        "achtje.partner-b--partner-a.bestuurlijk.nodig",
        null,
      ]);
      assert.equal(group("ROC Zadkine – Vmbo De Brug, Bestuurlijk").absent, "Geen verbinding tussen deze partners");
    });

    test("unnamed partners go by the definition's names; who lacks a partner has no answer", () => {
      assert.deepEqual(keys("Partner A, Bestuurlijk", "wie"), [null, null, "achtje.partner-a.bestuurlijk.wie"]);
      assert.equal(group("Partner A, Bestuurlijk").absent, "Partner niet genoemd");
      assert.deepEqual(keys("Partner A – Partner B, Management", "plaats"), [
        null,
        null,
        "achtje.partner-a--partner-b.management.plaats",
      ]);
    });

    test("a link across is one link also when the partners stand the other way round", () => {
      const [turned] = textSections(
        STRUCTURES.achtje,
        [
          sets[0],
          answers({
            achtje: ["partner-b", "partner-a"],
            "achtje.partner-a.naam": "ROC Zadkine",
            "achtje.partner-b.naam": "Vmbo De Brug",
          }),
        ],
        PARTS,
      );
      const across = turned.groups.filter((g) => g.absent === "Geen verbinding tussen deze partners");
      assert.deepEqual(
        across.map((g) => g.heading),
        [
          "ROC Zadkine – Vmbo De Brug, Bestuurlijk",
          "ROC Zadkine – Vmbo De Brug, Management",
          "ROC Zadkine – Vmbo De Brug, Operationeel (professioneel)",
        ],
      );
      assert.deepEqual(across[0].rows[0].keys, [
        "achtje.partner-a--partner-b.bestuurlijk.nodig",
        "achtje.partner-b--partner-a.bestuurlijk.nodig",
      ]);
    });

    test("the links a file lists are the ones lined up, between any two partners", () => {
      const [chosen] = textSections(
        STRUCTURES.achtje,
        [
          answers({
            achtje: ["partner-a", "partner-b", "partner-c"],
            "achtje.verbindingen": ["partner-c--partner-a"],
            "achtje.partner-a.naam": "Vmbo",
            "achtje.partner-b.naam": "Mbo",
            "achtje.partner-c.naam": "Bedrijf",
          }),
          answers({ achtje: ["partner-a", "partner-b"], "achtje.partner-a.naam": "Vmbo", "achtje.partner-b.naam": "Bedrijf" }),
        ],
        PARTS,
      );
      const across = chosen.groups.filter((g) => g.absent === "Geen verbinding tussen deze partners");
      assert.deepEqual(
        across.map((g) => g.heading),
        ["Bedrijf – Vmbo, Bestuurlijk", "Bedrijf – Vmbo, Management", "Bedrijf – Vmbo, Operationeel (professioneel)"],
        "no Vmbo – Mbo: the first file took that link away; the second file's neighbours are the same link",
      );
      assert.deepEqual(across[0].rows[0].keys, [
        "achtje.partner-c--partner-a.bestuurlijk.nodig",
        "achtje.partner-a--partner-b.bestuurlijk.nodig",
      ]);
    });

    test("two partners of the same name in one file stay two", () => {
      const [twice] = textSections(
        STRUCTURES.achtje,
        [
          answers({ "achtje.partner-a.naam": "Gemeente", "achtje.partner-b.naam": " GEMEENTE " }),
          answers({ "achtje.partner-b.naam": "Gemeente", "achtje.partner-a.naam": "Praktijkschool" }),
        ],
        PARTS,
      );
      const box = (heading) => twice.groups.find((g) => g.heading === heading)?.rows[0].keys;
      assert.deepEqual(box("Gemeente, Bestuurlijk"), [
        "achtje.partner-a.bestuurlijk.wie",
        "achtje.partner-b.bestuurlijk.wie",
      ]);
      assert.deepEqual(box("GEMEENTE (2), Bestuurlijk"), ["achtje.partner-b.bestuurlijk.wie", null]);
      assert.deepEqual(box("Praktijkschool, Bestuurlijk"), [null, "achtje.partner-a.bestuurlijk.wie"]);
    });

    test("a damaged order of partners falls back to the definition's order", () => {
      for (const order of [["partner-a", "partner-a"], ["partner-a"], ["Partner A", "partner-b"], "partner-a"]) {
        const [fallback] = textSections(STRUCTURES.achtje, [answers({ achtje: order })], PARTS);
        assert.deepEqual(
          fallback.groups.filter((g) => g.heading.endsWith(", Bestuurlijk")).map((g) => g.heading),
          ["Partner A, Bestuurlijk", "Partner B, Bestuurlijk", "Partner A – Partner B, Bestuurlijk"],
          JSON.stringify(order),
        );
      }
    });

    test("a partner added on the page without a name is called by its letter", () => {
      const three = answers({ achtje: ["partner-a", "partner-b", "partner-q1w2e3"] });
      const [added] = textSections(STRUCTURES.achtje, [three], PARTS);
      assert.deepEqual(added.groups.find((g) => g.heading === "Partner C, Bestuurlijk")?.rows[0].keys, [
        "achtje.partner-q1w2e3.bestuurlijk.wie",
      ]);
      assert.ok(added.groups.some((g) => g.heading === "Partner B – Partner C, Operationeel (professioneel)"));
    });
  });
});
