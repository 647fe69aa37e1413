// The answer keys and place names as the client makes them from the scheme a page carries
// (keys.js). The scheme below is generator/answer_keys.py's client_scheme(), as pages carry it.
import assert from "node:assert/strict";
import { test } from "node:test";

import { keyScheme } from "../../generator/client/keys.js";

const SCHEME = { separator: ".", link: "--", nameField: "naam", respondent: "respondent", place: ", ", between: " – " };
const keys = keyScheme(SCHEME);

test("a key is its path of ids joined by dots, and splits back into them", () => {
  assert.equal(keys.key("achtje", "partner-a", "bestuurlijk", "wie"), "achtje.partner-a.bestuurlijk.wie");
  assert.deepEqual(keys.split("achtje.partner-a--partner-b.bestuurlijk.nodig"), [
    "achtje",
    "partner-a--partner-b",
    "bestuurlijk",
    "nodig",
  ]);
  assert.equal(keys.key("ambitie"), "ambitie");
});

test("a link joins two ids with a double dash, and gives its ends back", () => {
  assert.equal(keys.link("bestuurlijk", "management"), "bestuurlijk--management");
  assert.deepEqual(keys.ends("partner-a--partner-b"), ["partner-a", "partner-b"]);
  assert.equal(keys.isLink("partner-a--partner-b"), true);
  assert.equal(keys.isLink("partner-a"), false, "a single dash inside an id is no link");
});

test("an own column's or a party's name is kept under '<section>.<id>.naam'", () => {
  assert.equal(keys.nameField, "naam");
  assert.equal(keys.nameKey("activiteiten", "eigen-abc123"), "activiteiten.eigen-abc123.naam");
});

test("who answered is kept under the 'respondent.' prefix", () => {
  assert.equal(keys.respondent, "respondent.");
  assert.ok("respondent.naam".startsWith(keys.respondent));
  assert.ok(!"respondenten.naam".startsWith(keys.respondent));
});

test("place names read 'Partner A, Bestuurlijk' and 'Partner A – Partner B', as the labels say", () => {
  assert.equal(keys.place("Partner A", "Bestuurlijk"), "Partner A, Bestuurlijk");
  assert.equal(keys.between("Partner A", "Partner B"), "Partner A – Partner B");
  assert.equal(
    keys.place(keys.between("Partner A", "Partner B"), "Management"),
    "Partner A – Partner B, Management",
  );
});

test("the client follows the scheme it is given, not a spelling of its own", () => {
  const other = keyScheme({
    separator: "/",
    link: "~",
    nameField: "name",
    respondent: "who",
    place: " | ",
    between: " & ",
  });
  assert.equal(other.key("a", "b"), "a/b");
  assert.deepEqual(other.split("a/b.c"), ["a", "b.c"]);
  assert.equal(other.link("x", "y"), "x~y");
  assert.equal(other.nameKey("s", "i"), "s/i/name");
  assert.equal(other.respondent, "who/");
  assert.equal(other.place("P", other.between("Q", "R")), "P | Q & R");
});
