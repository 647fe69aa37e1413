// A session of the comparison view as data (comparison/session.js): the file Sessie exporteren
// saves and Sessie openen reads, and this tab's copy of it.
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { AnswerFileError } from "../../generator/client/answers.js";
import { JOINT_NAME, readSession, toSessionFile } from "../../generator/client/comparison/session.js";
import { refusal } from "../../generator/client/opening.js";
import { INSTRUMENT, answerFile } from "./answer-files.js";

const SAVED = new Date("2026-12-05T14:30:00.250Z");
const anna = answerFile({ respondent: { naam: "Anna" } });
const anonymous = answerFile({ respondent: {}, saved: "2026-11-29T10:16:00Z" });
const session = {
  respondents: [
    { name: "Anna", source: "anna.json", own: false, data: anna },
    { name: "Deelnemer 1", source: "mijn antwoorden in deze browser", own: true, data: anonymous },
  ],
  joint: new Map([
    ["ambitie.uitgesproken", 3],
    ["ambitie.toelichting", "Samen: we willen meer."],
  ]),
  agreements: [{ wat: "Rooster delen", wie: "Anna", wanneer: "maart" }, { wat: "Terugkomdag" }],
};

/** Assert that reading `data` as a session is refused whole, with this Dutch sentence. */
function refusedAs(data, sentence) {
  assert.throws(
    () => readSession(data, INSTRUMENT),
    (error) => error instanceof AnswerFileError && refusal(error) === sentence,
  );
}

describe("toSessionFile: Sessie exporteren", () => {
  test("everyone as named in the view, the joint version as an answer file, the agreements", () => {
    assert.deepEqual(toSessionFile(INSTRUMENT, session, { saved: SAVED }), {
      format: "gereedschapskist-sessie",
      version: 1,
      instrument: { id: "reflectietool", version: 1 },
      saved: "2026-12-05T14:30:00Z",
      respondents: [
        { name: "Anna", source: "anna.json", file: anna },
        { name: "Deelnemer 1", source: "mijn antwoorden in deze browser", file: anonymous },
      ],
      joint: {
        format: "gereedschapskist-antwoorden",
        version: 1,
        instrument: { id: "reflectietool", version: 1 },
        respondent: { naam: JOINT_NAME },
        saved: "2026-12-05T14:30:00Z",
        answers: { "ambitie.uitgesproken": 3, "ambitie.toelichting": "Samen: we willen meer." },
      },
      agreements: [
        { wat: "Rooster delen", wie: "Anna", wanneer: "maart" },
        { wat: "Terugkomdag", wie: "", wanneer: "" },
      ],
    });
  });

  test("only this tab's copy says whose answers came from this browser", () => {
    const kept = toSessionFile(INSTRUMENT, session, { inThisTab: true });
    assert.deepEqual(
      kept.respondents.map((r) => r.own),
      [undefined, true],
    );
    assert.equal(readSession(kept, INSTRUMENT).entries[1].own, true);
    const file = JSON.parse(JSON.stringify(toSessionFile(INSTRUMENT, session)));
    assert.deepEqual(
      readSession(file, INSTRUMENT).entries.map((e) => e.own),
      [false, false],
    );
  });

  test("no joint version yet is null", () => {
    assert.equal(toSessionFile(INSTRUMENT, { ...session, joint: null }).joint, null);
  });
});

describe("readSession: Sessie openen, and this tab's copy after a reload", () => {
  test("a saved session comes back as it was", () => {
    const data = JSON.parse(JSON.stringify(toSessionFile(INSTRUMENT, session)));
    const back = readSession(data, INSTRUMENT);
    assert.deepEqual(back.refusals, []);
    assert.deepEqual(
      back.entries.map(({ name, source }) => [name, source]),
      [
        ["Anna", "anna.json"],
        ["Deelnemer 1", "mijn antwoorden in deze browser"],
      ],
    );
    assert.equal(back.joint.get("ambitie.uitgesproken"), 3);
    assert.equal(back.joint.get("respondent.naam"), JOINT_NAME);
    assert.deepEqual(back.agreements, toSessionFile(INSTRUMENT, session).agreements);
  });

  test("a bad participant is refused alone; the rest opens", () => {
    const data = toSessionFile(INSTRUMENT, session);
    data.respondents[0].file = { format: "iets-anders" };
    const back = readSession(data, INSTRUMENT);
    assert.deepEqual(
      back.entries.map((e) => e.name),
      ["Deelnemer 1"],
    );
    assert.deepEqual(
      back.refusals.map(({ part, error }) => [part, refusal(error)]),
      [[1, "Dit is geen antwoordbestand van de Gereedschapskist."]],
    );
  });

  test("what is no session of this instrument is refused whole", () => {
    refusedAs(anna, "Dit is geen sessiebestand van de Gereedschapskist.");
    refusedAs(null, "Dit is geen sessiebestand van de Gereedschapskist.");
    refusedAs({ ...toSessionFile(INSTRUMENT, session), version: 2 }, "Deze sessie is gemaakt met een nieuwere versie van de site en kan hier niet worden geopend.");
    refusedAs({ ...toSessionFile(INSTRUMENT, session), instrument: { id: "matrix", version: 1 } }, "Deze sessie hoort bij een ander instrument.");
    refusedAs({ ...toSessionFile(INSTRUMENT, session), respondents: "alle" }, "De deelnemers in deze sessie zijn niet leesbaar.");
  });

  test("a hostile joint version or agreements list is refused whole, not half taken", () => {
    const base = toSessionFile(INSTRUMENT, session);
    refusedAs({ ...base, joint: { ...base.joint, instrument: { id: "matrix", version: 1 } } }, "De gezamenlijke versie in deze sessie is niet leesbaar.");
    refusedAs({ ...base, joint: "<img src=x onerror=alert(1)>" }, "De gezamenlijke versie in deze sessie is niet leesbaar.");
    for (const agreements of [
      "veel",
      [5],
      [{ wat: 5 }],
      [{ wat: "x".repeat(100_001) }],
      Array.from({ length: 201 }, () => ({ wat: "x" })),
    ]) {
      refusedAs({ ...base, agreements }, "De afspraken in deze sessie zijn niet leesbaar.");
    }
  });

  test("agreements keep only what and who and when; missing parts are empty", () => {
    const data = { ...toSessionFile(INSTRUMENT, session), agreements: [{ wat: "Bellen", extra: "<b>" }] };
    assert.deepEqual(readSession(data, INSTRUMENT).agreements, [{ wat: "Bellen", wie: "", wanneer: "" }]);
    assert.deepEqual(readSession({ ...data, agreements: undefined }, INSTRUMENT).agreements, []);
  });
});
