// Opening a file (opening.js): what a user reads when a file is refused or imported, and the
// checks on a file's bytes before its answers are looked at.
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { AnswerFileError, fromFile } from "../../generator/client/answers.js";
import { MAX_FILE_BYTES, fileTooBig, imported, openAnswers, readJson, refusal } from "../../generator/client/opening.js";
import { INSTRUMENT, REFUSED, answerFile } from "./answer-files.js";

/** The error reading `data` as an answer file throws. */
function errorOf(data) {
  try {
    fromFile(data, INSTRUMENT);
  } catch (error) {
    return error;
  }
  assert.fail("the file was not refused");
}

/** A file the user chose, as readJson takes it. */
const file = (...parts) => new Blob(parts);

/** The Dutch sentence readJson refuses `blob` with. */
async function refusedWith(blob, options) {
  try {
    await readJson(blob, options);
  } catch (error) {
    assert.ok(error instanceof AnswerFileError, `not an AnswerFileError: ${error}`);
    return refusal(error);
  }
  assert.fail("the file was read");
}

const nested = (depth) => "[".repeat(depth) + "]".repeat(depth);

describe("refusal: why a file was not opened, in Dutch", () => {
  for (const { reason, why, data, dutch } of REFUSED) {
    test(`${why} is explained in Dutch (${reason})`, () => {
      assert.equal(refusal(errorOf(data)), dutch);
    });
  }

  test("a long other instrument id is quoted cut short, not in full", () => {
    const sentence = refusal(errorOf(answerFile({ instrument: { id: "x".repeat(500), version: 1 } })));
    assert.equal(sentence, `Dit antwoordbestand hoort bij een ander instrument ("${"x".repeat(60)}"), niet bij dit instrument.`);
  });

  test("another instrument of this site is named by its title, any other by its id", () => {
    const titles = { matrix: "Matrix met menukaart activiteiten", praatplaat: "Praatplaat „De opgave”" };
    const refused = (id) => refusal(errorOf(answerFile({ instrument: { id, version: 1 } })), titles);
    assert.equal(
      refused("matrix"),
      "Dit antwoordbestand hoort bij een ander instrument (Matrix met menukaart activiteiten), niet bij dit instrument.",
    );
    assert.equal(refused("praatplaat"), "Dit antwoordbestand hoort bij een ander instrument (Praatplaat „De opgave”), niet bij dit instrument.");
    assert.equal(refused("vragenlijst"), 'Dit antwoordbestand hoort bij een ander instrument ("vragenlijst"), niet bij dit instrument.');
    assert.equal(refused("__proto__"), 'Dit antwoordbestand hoort bij een ander instrument ("__proto__"), niet bij dit instrument.');
  });

  test("a refusal already in Dutch is passed on as it is", () => {
    const sentence = "De versie van deze vergelijking is onbekend.";
    assert.equal(refusal(new AnswerFileError(sentence)), sentence);
  });

  test("any other error is told as a file that could not be read, never as code", () => {
    const errors = [new TypeError("x is undefined"), new SyntaxError("Unexpected token"), new Error("not-ours"), "boom"];
    for (const error of errors) {
      assert.equal(refusal(error), "Het bestand kon niet worden gelezen.");
    }
  });
});

describe("imported: what an import says it did", () => {
  test("a plain import just says so", () => {
    assert.equal(imported(null, 1, 0), "Antwoorden geïmporteerd.");
  });

  test("a file from a newer version says which versions", () => {
    assert.equal(
      imported(3, 1, 0),
      "Antwoorden geïmporteerd. Het bestand is gemaakt met een nieuwere versie van dit instrument (versie 3; deze pagina heeft versie 1).",
    );
  });

  test("one answer this version has no question for is counted in the singular", () => {
    assert.equal(
      imported(null, 1, 1),
      "Antwoorden geïmporteerd. 1 antwoord hoort niet bij deze versie van het instrument; het blijft bewaard en gaat mee bij exporteren.",
    );
  });

  test("several such answers are counted in the plural", () => {
    assert.equal(
      imported(null, 1, 4),
      "Antwoorden geïmporteerd. 4 antwoorden horen niet bij deze versie van het instrument; ze blijven bewaard en gaan mee bij exporteren.",
    );
  });

  test("newer and unknown answers are both told, newer first", () => {
    const text = imported(2, 1, 2);
    assert.ok(text.startsWith("Antwoorden geïmporteerd. Het bestand is gemaakt met een nieuwere versie"), text);
    const unknown = "2 antwoorden horen niet bij deze versie van het instrument; ze blijven bewaard en gaan mee bij exporteren.";
    assert.ok(text.endsWith(unknown), text);
  });
});

describe("openAnswers: an answer file the user imports", () => {
  const opened = (data, version = 1) => openAnswers(file(JSON.stringify(data)), { ...INSTRUMENT, version });

  test("gives its answers, and no newer version for a file of this one", async () => {
    const { answers, newer } = await opened(answerFile());
    assert.equal(answers.get("ambitie.uitgesproken"), 4);
    assert.equal(newer, null);
  });

  test("only a file from a later instrument version is called newer", async () => {
    const made = (version) => answerFile({ instrument: { id: "reflectietool", version } });
    assert.equal((await opened(made(3))).newer, 3);
    assert.equal((await opened(made(1), 2)).newer, null);
  });

  test("a file the check refuses is refused with its reason", async () => {
    await assert.rejects(opened(answerFile({ format: "iets-anders" })), (error) => error.message === "not-ours");
  });
});

describe("readJson: the bytes of a file the user chose", () => {
  test("a good answer file is read as its data", async () => {
    assert.deepEqual(await readJson(file(JSON.stringify(answerFile()))), answerFile());
  });

  test("letters outside ASCII and a leading byte-order mark are read right", async () => {
    const data = { naam: "Zoë – één café" };
    assert.deepEqual(await readJson(file("\uFEFF", JSON.stringify(data))), data);
  });

  test("a file over 1 MB is refused before it is read", async () => {
    const huge = {
      size: MAX_FILE_BYTES + 1,
      arrayBuffer: () => assert.fail("a file over the limit was read"),
    };
    assert.equal(await refusedWith(huge), "Dit bestand is te groot voor een antwoordbestand (meer dan 1 MB).");
  });

  test("a file of exactly 1 MB is still read", async () => {
    const text = JSON.stringify({ tekst: "" });
    const padded = text.slice(0, -1) + " ".repeat(MAX_FILE_BYTES - text.length) + "}";
    assert.equal(padded.length, MAX_FILE_BYTES);
    assert.deepEqual(await readJson(file(padded)), { tekst: "" });
  });

  test("a comparison may be larger, and its refusal names its own limit", async () => {
    const big = file(JSON.stringify({ tekst: "x".repeat(MAX_FILE_BYTES) }));
    assert.equal((await readJson(big, { maxBytes: 20 * MAX_FILE_BYTES })).tekst.length, MAX_FILE_BYTES);
    assert.equal(
      await refusedWith({ size: 21 * MAX_FILE_BYTES }, { maxBytes: 20 * MAX_FILE_BYTES }),
      "Dit bestand is te groot (meer dan 20 MB).",
    );
  });

  test("fileTooBig names 1 MB for an answer file", () => {
    assert.equal(refusal(fileTooBig()), "Dit bestand is te groot voor een antwoordbestand (meer dan 1 MB).");
  });

  test("text saved in another encoding than UTF-8 is refused, not mangled", async () => {
    // "café" in Latin-1: é is the single byte 0xE9.
    const latin1 = new Uint8Array([...new TextEncoder().encode('{"naam":"caf'), 0xe9, ...new TextEncoder().encode('"}')]);
    assert.equal(
      await refusedWith(file(latin1)),
      "Dit bestand is geen antwoordbestand: de tekst is niet in UTF-8 opgeslagen.",
    );
  });

  test("text that is no JSON is refused", async () => {
    for (const text of ["", "Beste collega,", '{"answers": {', "{'a': 1}", "NaN"]) {
      const sentence = await refusedWith(file(text));
      assert.equal(sentence, "Dit bestand is geen antwoordbestand: het is geen leesbare JSON.", text);
    }
  });

  test("data nested deeper than 16 levels is refused; 16 levels are read", async () => {
    assert.equal(
      await refusedWith(file(nested(17))),
      "Dit bestand is geen antwoordbestand: de gegevens erin zijn te diep genest.",
    );
    assert.equal(
      await refusedWith(file(`{"a":${nested(16)}}`)),
      "Dit bestand is geen antwoordbestand: de gegevens erin zijn te diep genest.",
    );
    assert.deepEqual(await readJson(file(nested(16))), JSON.parse(nested(16)));
    assert.deepEqual(await readJson(file(`{"a":${nested(15)}}`)), { a: JSON.parse(nested(15)) });
  });

  test("very deep data (a hostile file) is refused without overflowing the stack", async () => {
    assert.equal(
      await refusedWith(file(nested(100_000))),
      "Dit bestand is geen antwoordbestand: de gegevens erin zijn te diep genest.",
    );
  });
});
