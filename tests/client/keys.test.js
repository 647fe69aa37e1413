// The answer keys and place names as the client makes them from the scheme a page carries
// (keys.js), and reads an answer file's keys by it (answers.js, keyReader). The scheme is generator/answer_keys.py's client_scheme(), as the comparison pages
// carry it (fixtures/structures.json; tests/unit/test_key_scheme.py holds the two together).
import assert from "node:assert/strict";
import { test } from "node:test";

import { keyReader } from "../../generator/client/answers.js";
import { keyScheme } from "../../generator/client/keys.js";
import { STRUCTURES } from "./answer-files.js";

const keys = keyScheme(STRUCTURES.reflectietool.keys);
const reader = keyReader(STRUCTURES.reflectietool.keys);

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

test("a name key says which section's column or party it names; other keys say none", () => {
  assert.equal(reader.namedIn("activiteiten.eigen-abc123.naam"), "activiteiten");
  assert.equal(reader.namedIn("achtje.partner-a.naam"), "achtje");
  assert.equal(reader.namedIn("respondent.naam"), null, "who answers is no column");
  assert.equal(reader.namedIn("achtje.partner-a.bestuurlijk.naam"), null);
  assert.equal(reader.namedIn("activiteiten.eigen-abc123.doelen"), null);
});

test("who answered is kept under the 'respondent.' prefix; the name comes before the organisation", () => {
  assert.equal(reader.respondent, "respondent.");
  assert.ok("respondent.naam".startsWith(reader.respondent));
  assert.ok(!"respondenten.naam".startsWith(reader.respondent));
  assert.deepEqual(reader.respondentKeys, ["respondent.naam", "respondent.organisatie"]);
});

test("a key is valid when each of its parts is an id or a link of two", () => {
  for (const key of ["ambitie", "ambitie.toelichting", "achtje.partner-a--partner-b.bestuurlijk.nodig", "a1.b-2"]) {
    assert.ok(reader.isValid(key), key);
  }
  for (const key of ["", ".a", "a.", "a..b", "A.b", "a.b c", "a---b", "a--b--c", "a-.b", "a.-b", "__proto__", "a/b"]) {
    assert.ok(!reader.isValid(key), key);
  }
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
  const scheme = {
    separator: "/",
    link: "~",
    nameField: "name",
    respondent: "who",
    respondentFields: ["alias"],
    place: " | ",
    between: " & ",
  };
  const other = keyScheme(scheme);
  const read = keyReader(scheme);
  assert.equal(other.key("a", "b"), "a/b");
  assert.deepEqual(other.split("a/b.c"), ["a", "b.c"]);
  assert.equal(other.link("x", "y"), "x~y");
  assert.equal(other.nameKey("s", "i"), "s/i/name");
  assert.equal(read.respondent, "who/");
  assert.deepEqual(read.respondentKeys, ["who/alias"]);
  assert.equal(read.namedIn("s/i/name"), "s");
  assert.equal(read.namedIn("s.i.naam"), null);
  assert.ok(read.isValid("s/x~y/f") && !read.isValid("s.f"));
  assert.equal(other.place("P", other.between("Q", "R")), "P | Q & R");
});
