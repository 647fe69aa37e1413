// Every file of the hostile corpus (tests/data/bad-answers/) is refused by the client's own
// reading code, readJson then fromFile, in Dutch, with the words messages.json expects. The
// browser suite opens a few of them through Importeren (tests/browser/test_bad_answer_files.py);
// here every one of them is read, in milliseconds.
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { describe, test } from "node:test";

import { fromFile } from "../../generator/client/answers.js";
import { readJson, refusal } from "../../generator/client/opening.js";
import { INSTRUMENT, STRUCTURES } from "./answer-files.js";

const CORPUS = new URL("../data/bad-answers/", import.meta.url);
const MESSAGES = JSON.parse(readFileSync(new URL("messages.json", CORPUS), "utf-8"));
// The instruments' titles, as every page carries them: another instrument is named by its title.
const TITLES = Object.fromEntries(Object.values(STRUCTURES).map(({ id, title }) => [id, title]));
const files = readdirSync(CORPUS).filter((name) => name.endsWith(".json") && name !== "messages.json");

/** What the page would say of a file: null when it is read as an answer file. */
async function reasonFor(bytes) {
  try {
    fromFile(await readJson(new Blob([bytes])), INSTRUMENT);
    return null;
  } catch (error) {
    return refusal(error, TITLES);
  }
}

describe("the hostile answer files are refused in Dutch", () => {
  test("the corpus is there", () => {
    assert.ok(files.length >= 50, `only ${files.length} files`);
  });

  for (const name of files) {
    test(name, async () => {
      const reason = await reasonFor(readFileSync(new URL(name, CORPUS)));
      assert.ok(reason, `${name} was read as an answer file`);
      const expected = MESSAGES[name] ?? ""; // a few files expect just a refusal
      assert.ok(reason.includes(expected), `${name}: "${reason}" lacks "${expected}"`);
      assert.doesNotMatch(reason, /TypeError|undefined|null|\[object/);
    });
  }
});
