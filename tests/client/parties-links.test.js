// Which links across an 8-tje has (generator/client/answers.js, linksOf): the file's list where it
// has one, else each partner with its neighbour, as every 8-tje before links could be chosen.
import assert from "node:assert/strict";
import { test } from "node:test";

import { endsOf, linkId, linksOf } from "../../generator/client/answers.js";

const ORDER = ["partner-a", "partner-b", "partner-c"];

test("a file from before links could be chosen links each partner with its neighbour", () => {
  assert.deepEqual(linksOf(ORDER, undefined), ["partner-a--partner-b", "partner-b--partner-c"]);
  assert.deepEqual(linksOf(["partner-a"], undefined), []);
});

test("a file's own list is taken as it is, in its order, also when it links no neighbours", () => {
  const listed = ["partner-a--partner-c", "partner-b--partner-a"];
  assert.deepEqual(linksOf(ORDER, listed), listed);
  assert.deepEqual(linksOf(ORDER, []), [], "no links at all is a choice too");
});

test("a link to a partner not there, to itself, twice (either way round) or no link is left out", () => {
  const listed = [
    "partner-a--partner-b",
    "partner-b--partner-a",
    "partner-a--partner-a",
    "partner-a--partner-x",
    "partner-a",
    "partner-a--partner-b--partner-c",
    7,
    null,
    "partner-c--partner-b",
  ];
  assert.deepEqual(linksOf(ORDER, listed), ["partner-a--partner-b", "partner-c--partner-b"]);
});

test("a link's id joins its two ends with a double dash, and gives them back", () => {
  assert.equal(linkId("partner-a", "partner-c"), "partner-a--partner-c");
  assert.deepEqual(endsOf("partner-a--partner-c"), ["partner-a", "partner-c"]);
});
