// The joint version's questions and what it takes from the participants
// (comparison/joint-panel.js), and the file the group takes away (comparison/session.js).
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { fromFile } from "../../generator/client/answers.js";
import { addThing, jointQuestions, sectionAnswers } from "../../generator/client/comparison/joint-panel.js";
import { jointAnswerFile } from "../../generator/client/comparison/session.js";
import { keyScheme } from "../../generator/client/keys.js";
import * as actions from "../../generator/parts/actions/actions-comparison.js";
import * as menu from "../../generator/parts/menu/menu-comparison.js";
import * as parties from "../../generator/parts/parties/parties-comparison.js";
import { STRUCTURES } from "./answer-files.js";

const PARTS = { actions, menu, parties };
const answers = (object) => new Map(Object.entries(object));
const person = (id, name, object) => ({ id, name, answers: answers(object) });
const instrumentOf = (structure) => ({ id: structure.id, version: structure.version, keys: structure.keys });

describe("jointQuestions: what the group writes together", () => {
  test("a statement and an explanation, with everyone's answer", () => {
    const structure = STRUCTURES.reflectietool;
    const people = [
      person("r1", "Anna", { "ambitie.uitgesproken": 5, "ambitie.toelichting": "Zo zie ik het." }),
      person("r2", "Bram", { "ambitie.uitgesproken": "weet-niet", "ambitie.toelichting": "  " }),
    ];
    const [ambitie] = jointQuestions(structure, new Map(), people, PARTS);
    const [statement] = ambitie.items;
    assert.equal(statement.kind, "scale");
    assert.deepEqual(
      statement.answers.map(({ respondent, value }) => [respondent.name, value]),
      [
        ["Anna", 5],
        ["Bram", "weet-niet"],
      ],
    );
    const explanation = ambitie.items.find((item) => item.key === "ambitie.toelichting");
    assert.equal(explanation.kind, "text");
    assert.deepEqual(
      explanation.answers.map(({ respondent }) => respondent.name),
      ["Anna"],
      "an empty text is no answer",
    );
  });

  test("a partner only a participant has is missing, named by the partner, until it is added", () => {
    const structure = STRUCTURES.achtje;
    const [section] = structure.sections;
    const keys = keyScheme(structure.keys);
    const anna = person("r1", "Anna", {
      achtje: ["p1", "p2"],
      "achtje.p1.naam": "ROC Zuid",
      "achtje.p2.naam": "Vmbo Noord",
      "achtje.p1.bestuurlijk.wie": "De bestuurder",
      "achtje.p1.bestuurlijk--management.nodig": "Overleg",
    });
    const joint = new Map();
    let [achtje] = jointQuestions(structure, joint, [anna], PARTS);
    assert.deepEqual(
      achtje.missing.map(({ heading, id }) => [heading, id]),
      [
        ["ROC Zuid", "p1"],
        ["Vmbo Noord", "p2"],
      ],
    );
    // With nothing yet, the joint version has the form's own partners (A and B).
    assert.ok(achtje.items.some((item) => item.place.startsWith("Partner A")));

    assert.equal(addThing(section, joint, anna.answers, "p1", keys), true);
    assert.deepEqual(joint.get("achtje"), ["partner-a", "partner-b", "p1"]);
    assert.equal(joint.get("achtje.p1.naam"), "ROC Zuid");
    assert.equal(joint.get("achtje.p1.bestuurlijk.wie"), "De bestuurder");
    assert.equal(joint.get("achtje.p1.bestuurlijk--management.nodig"), "Overleg");
    [achtje] = jointQuestions(structure, joint, [anna], PARTS);
    const who = achtje.items.find((item) => item.key === "achtje.p1.bestuurlijk.wie");
    assert.equal(who.place, "ROC Zuid, Bestuurlijk");
    assert.deepEqual(
      who.answers.map(({ value }) => value),
      ["De bestuurder"],
    );
    assert.deepEqual(
      achtje.missing.map(({ heading }) => heading),
      ["Vmbo Noord"],
    );
  });

  test("an added partner whose id the joint version uses already gets an id of its own", () => {
    const structure = STRUCTURES.achtje;
    const [section] = structure.sections;
    const keys = keyScheme(structure.keys);
    const joint = answers({ achtje: ["a", "b"], "achtje.a.naam": "ROC Zuid", "achtje.b.naam": "Vmbo Noord" });
    const bram = answers({ achtje: ["a", "c"], "achtje.a.naam": "Bedrijf West", "achtje.a.management.wie": "HR" });
    addThing(section, joint, bram, "a", keys);
    assert.deepEqual(joint.get("achtje"), ["a", "b", "a-2"]);
    assert.equal(joint.get("achtje.a-2.naam"), "Bedrijf West");
    assert.equal(joint.get("achtje.a-2.management.wie"), "HR");
    assert.equal(joint.get("achtje.a.naam"), "ROC Zuid", "the joint version's own partner stays");
  });

  test("a matrix activity only a participant chose is added with its texts; at most 20", () => {
    const structure = STRUCTURES.matrix;
    const section = structure.sections.find((s) => s.id === "activiteiten");
    const keys = keyScheme(structure.keys);
    const cas = answers({ activiteiten: ["evenementen"], "activiteiten.evenementen.wie": "Iedereen" });
    const joint = new Map();
    const [, activiteiten] = jointQuestions(structure, joint, [person("r1", "Cas", Object.fromEntries(cas))], PARTS);
    assert.deepEqual(
      activiteiten.missing.map(({ heading, id }) => [heading, id]),
      [["Evenementen", "evenementen"]],
    );
    addThing(section, joint, cas, "evenementen", keys);
    assert.deepEqual(joint.get("activiteiten"), ["evenementen"]);
    assert.equal(joint.get("activiteiten.evenementen.wie"), "Iedereen");
    const full = answers({ activiteiten: Array.from({ length: 20 }, (_, i) => `eigen-${i}`) });
    assert.equal(addThing(section, full, cas, "evenementen", keys), false);
  });

  test("Beginnen takes a participant's whole section, and only that section", () => {
    const [section] = STRUCTURES.achtje.sections;
    const held = sectionAnswers(section, answers({ achtje: ["a", "b"], "achtje.a.naam": "X", "afspraken.afspraken": ["1"] }), ".");
    assert.deepEqual(held, [
      ["achtje", ["a", "b"]],
      ["achtje.a.naam", "X"],
    ]);
  });
});

describe("jointAnswerFile: the joint version as the group takes it away", () => {
  test("an answer file of Gezamenlijk, with the session's agreements in its agreements list", () => {
    const structure = STRUCTURES.praatplaat;
    const instrument = instrumentOf(structure);
    const joint = answers({ "urgentie.opgave": "Samen", "respondent.naam": "Iemand" });
    const agreements = [
      { wat: "Werkgroep", wie: "Fatima", wanneer: "" },
      { wat: "", wie: "", wanneer: "" },
      { wat: "Verslag", wie: "", wanneer: "mei" },
    ];
    const file = jointAnswerFile(structure, instrument, joint, agreements, new Date("2026-12-05T10:00:00Z"));
    assert.deepEqual(file.respondent, { naam: "Gezamenlijk" });
    assert.deepEqual(file.answers, {
      "urgentie.opgave": "Samen",
      "afspraken.afspraken": ["afspraak-1", "afspraak-2"],
      "afspraken.afspraken.afspraak-1.wat": "Werkgroep",
      "afspraken.afspraken.afspraak-1.wie": "Fatima",
      "afspraken.afspraken.afspraak-2.wat": "Verslag",
      "afspraken.afspraken.afspraak-2.wanneer": "mei",
    });
    assert.equal(fromFile(file, instrument).get("respondent.naam"), "Gezamenlijk", "it opens as any answer file");
  });
});
