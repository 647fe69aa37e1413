// The answer file (DESIGN.md §3) as answers.js reads, writes, stores and merges it. Pure logic
// only; the form's controls and localStorage are stood in for by tiny plain objects.
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import {
  AnswerFileError,
  FORMAT,
  MAX_TEXT,
  Store,
  StorageUnavailable,
  apply,
  changedKeys,
  collect,
  fromFile,
  fromStored,
  merge,
  storageKey,
  takeEarlyAnswers,
  toFile,
  toStored,
} from "../../generator/client/answers.js";
import { exportName, fileName } from "../../generator/client/files.js";
import { INSTRUMENT, REFUSED, answerFile, manyAnswers, ownActivities } from "./answer-files.js";

const DAY = 24 * 60 * 60 * 1000;

/** Assert that reading `data` is refused for `reason` (naming `detail`, when given). */
function refuses(data, reason, detail) {
  assert.throws(
    () => fromFile(data, INSTRUMENT),
    (error) => {
      assert.ok(error instanceof AnswerFileError, `not an AnswerFileError: ${error}`);
      assert.equal(error.message, reason);
      if (detail !== undefined) assert.equal(error.detail, detail);
      return true;
    },
  );
}

describe("fromFile: a file the user opens", () => {
  test("a good file gives its answers and who answered, as answer keys", () => {
    const answers = fromFile(answerFile(), INSTRUMENT);
    assert.deepEqual(
      answers,
      new Map([
        ["ambitie.uitgesproken", 4],
        ["ambitie.toelichting", "We hebben het er vorig jaar over gehad."],
        ["respondent.naam", "Docent techniek"],
        ["respondent.organisatie", "Vmbo De Brug"],
      ]),
    );
  });

  test("a file without respondent opens, with only its answers", () => {
    const answers = fromFile(answerFile({ respondent: undefined }), INSTRUMENT);
    assert.deepEqual([...answers.keys()], ["ambitie.uitgesproken", "ambitie.toelichting"]);
  });

  test("every kind of answer opens: text, score, 'weet niet', chosen options, links", () => {
    const given = {
      "ambitie.uitgesproken": 5,
      "ambitie.prikkelend": "weet-niet",
      activiteiten: ["leerlijnen", "eigen-abc123"],
      "achtje.partner-a--partner-b.bestuurlijk.nodig": "Overleg",
      "ambitie.toelichting": "x".repeat(MAX_TEXT),
    };
    assert.deepEqual(Object.fromEntries(fromFile(answerFile({ answers: given }), INSTRUMENT)), {
      ...given,
      "respondent.naam": "Docent techniek",
      "respondent.organisatie": "Vmbo De Brug",
    });
  });

  test("answers to questions this version lacks are kept, not dropped", () => {
    const answers = fromFile(answerFile({ answers: { "oud.vraag": "Nog bewaard" } }), INSTRUMENT);
    assert.equal(answers.get("oud.vraag"), "Nog bewaard");
  });

  test("a file from a newer version of the instrument still opens", () => {
    const answers = fromFile(answerFile({ instrument: { id: "reflectietool", version: 7 } }), INSTRUMENT);
    assert.equal(answers.get("ambitie.uitgesproken"), 4);
  });

  test("exactly at the limits (2000 answers, 20 own activities) a file still opens", () => {
    assert.equal(fromFile(answerFile({ answers: manyAnswers(2000) }), INSTRUMENT).size, 2002);
    assert.equal(fromFile(answerFile({ answers: ownActivities(20) }), INSTRUMENT).size, 22);
    // 20 in each of two sections is not 21 in one.
    const two = { ...ownActivities(20), ...ownActivities(20, "andere") };
    assert.equal(fromFile(answerFile({ answers: two }), INSTRUMENT).size, 42);
  });

  for (const { reason, why, data, detail } of REFUSED) {
    test(`${why} is refused (${reason})`, () => refuses(data, reason, detail));
  }

  test("anything that is not an answer file at all is refused as not ours", () => {
    for (const data of [null, 5, "tekst", [], {}, { ...answerFile(), format: undefined }]) {
      refuses(data, "not-ours", "");
    }
  });

  test("only a higher format version is called newer; others are unknown", () => {
    refuses(answerFile({ version: 3 }), "newer-format");
    for (const version of [0, -1, null, undefined, "2", 0.5]) refuses(answerFile({ version }), "unknown-format");
  });

  test("an instrument without a usable id is refused as having no instrument", () => {
    for (const instrument of [null, "reflectietool", ["reflectietool"], { version: 1 }, { id: 5, version: 1 }]) {
      refuses(answerFile({ instrument }), "no-instrument");
    }
  });

  test("an instrument version that is not a whole number from 1 is refused", () => {
    for (const version of [0, -1, 1.5, "1", null]) {
      refuses(answerFile({ instrument: { id: "reflectietool", version } }), "no-instrument-version");
    }
  });

  test("another instrument's id is named, cut to 60 characters", () => {
    const id = "a".repeat(200);
    refuses(answerFile({ instrument: { id, version: 1 } }), "other-instrument", "a".repeat(60));
  });

  test("answers or respondent that are not groups are unreadable", () => {
    for (const changes of [
      { answers: undefined },
      { answers: null },
      { answers: "4" },
      { respondent: null },
      { respondent: ["Docent"] },
      { respondent: "Docent" },
    ]) {
      refuses(answerFile(changes), "unreadable");
    }
  });

  test("keys that are not paths of ids are refused, also in respondent", () => {
    const keys = ["", "ambitie..x", "ambitie.", ".ambitie", "ambitie.x_y", "__proto__", "a---b", "a.b--c--d", "ambitie.-x"];
    for (const key of keys) {
      refuses(answerFile({ answers: { [key]: 1 } }), "bad-key");
    }
    refuses(answerFile({ respondent: { Naam: "Docent" } }), "bad-key");
  });

  test("a name or organisation over 100.000 characters is too long", () => {
    refuses(answerFile({ respondent: { organisatie: "x".repeat(MAX_TEXT + 1) } }), "too-long", "respondent.organisatie");
  });

  test("a name or organisation that is not text is refused, even a list", () => {
    refuses(answerFile({ respondent: { organisatie: ["a"] } }), "not-text", "respondent.organisatie");
  });

  test("values that are no text, number or list of ids are not answers", () => {
    for (const value of [null, true, Number.NaN, Number.POSITIVE_INFINITY, [1], ["Niet Een Id"], [["a"]]]) {
      refuses(answerFile({ answers: { "ambitie.uitgesproken": value } }), "not-an-answer", "ambitie.uitgesproken");
    }
    const options = Array.from({ length: 1001 }, (_, i) => `optie-${i}`);
    refuses(answerFile({ answers: { activiteiten: options } }), "not-an-answer", "activiteiten");
    const thousand = fromFile(answerFile({ answers: { activiteiten: options.slice(1) } }), INSTRUMENT);
    assert.equal(thousand.get("activiteiten").length, 1000);
  });

  test("21 partners in one 8-tje are refused like 21 own activities", () => {
    const partners = Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`achtje.partner-${i}.naam`, `P${i}`]));
    refuses(answerFile({ answers: partners }), "too-many-named", 20);
  });
});

describe("toFile: what Exporteren writes", () => {
  const answers = new Map([
    ["respondent.naam", "Anna"],
    ["ambitie.uitgesproken", 4],
    ["activiteiten", ["leerlijnen"]],
  ]);

  test("the file has the documented members, who answered apart from the answers", () => {
    assert.deepEqual(toFile(INSTRUMENT, answers, new Date("2026-11-29T10:15:00.123Z")), {
      format: FORMAT,
      version: 1,
      instrument: { id: "reflectietool", version: 1 },
      respondent: { naam: "Anna" },
      saved: "2026-11-29T10:15:00Z",
      answers: { "ambitie.uitgesproken": 4, activiteiten: ["leerlijnen"] },
    });
  });

  test("an exported file opens again with the same answers", () => {
    const text = JSON.stringify(toFile(INSTRUMENT, answers));
    assert.deepEqual(fromFile(JSON.parse(text), INSTRUMENT), new Map([...answers]));
  });

  test("an empty form exports a file that opens again, empty", () => {
    const file = toFile(INSTRUMENT, new Map());
    assert.deepEqual(file.respondent, {});
    assert.equal(fromFile(file, INSTRUMENT).size, 0);
  });
});

describe("toStored / fromStored: what this browser keeps", () => {
  const now = Date.UTC(2026, 10, 29, 12);

  test("answers and their edit times come back as they were kept", () => {
    const answers = new Map([
      ["ambitie.uitgesproken", 3],
      ["respondent.naam", "Anna"],
    ]);
    const edited = new Map([
      ["ambitie.uitgesproken", now - 5000],
      ["respondent.naam", now - 100 * DAY], // an answer kept long ago still has its time
    ]);
    const stored = fromStored(JSON.stringify(toStored(INSTRUMENT, answers, edited, now)), INSTRUMENT);
    assert.deepEqual(stored.answers, answers);
    assert.deepEqual(stored.edited, edited);
  });

  test("the file part has no edit times: an export from it would not carry them", () => {
    const kept = toStored(INSTRUMENT, new Map([["a.b", 1]]), new Map([["a.b", now]]), now);
    const stored = fromStored(JSON.stringify(kept), INSTRUMENT);
    assert.equal("edited" in stored.file, false);
    assert.equal(stored.file.format, FORMAT);
    assert.equal(stored.file.saved, new Date(now).toISOString().replace(".000Z", "Z"));
  });

  test("an emptied answer's time is kept for 30 days, then forgotten", () => {
    const edited = new Map([
      ["recent.leeg", now - 29 * DAY],
      ["oud.leeg", now - 31 * DAY],
    ]);
    const stored = toStored(INSTRUMENT, new Map(), edited, now);
    assert.deepEqual(stored.edited, { "recent.leeg": now - 29 * DAY });
  });

  test("edit times that are not times are ignored; the answers still open", () => {
    const text = JSON.stringify({
      ...answerFile(),
      edited: {
        "ambitie.uitgesproken": 1_700_000_000_000,
        "ambitie.toelichting": "gisteren",
        "ambitie.achterban": -5,
        "ambitie.bijstellen": 0,
        "ambitie.prikkelend": null,
        "Geen Sleutel": 1_700_000_000_000,
      },
    });
    const stored = fromStored(text, INSTRUMENT);
    assert.deepEqual(stored.edited, new Map([["ambitie.uitgesproken", 1_700_000_000_000]]));
    assert.equal(stored.answers.get("ambitie.uitgesproken"), 4);
  });

  test("edit times that are not a group are ignored", () => {
    for (const edited of [[1, 2], "vandaag", null, 5]) {
      assert.equal(fromStored(JSON.stringify({ ...answerFile(), edited }), INSTRUMENT).edited.size, 0);
    }
  });

  test("a copy without edit times (an older page's) still opens", () => {
    assert.equal(fromStored(JSON.stringify(answerFile()), INSTRUMENT).edited.size, 0);
  });

  test("a damaged copy is refused the way the page sets it aside", () => {
    assert.throws(() => fromStored("{niet: json", INSTRUMENT), SyntaxError);
    assert.throws(() => fromStored(JSON.stringify({ edited: {} }), INSTRUMENT), AnswerFileError);
    assert.throws(() => fromStored("5", INSTRUMENT), AnswerFileError);
  });

  test("a stored copy that says null is set aside as damaged, like any other (not an uncaught TypeError)", () => {
    assert.throws(() => fromStored("null", INSTRUMENT), AnswerFileError);
  });
});

describe("merge: two tabs, one truth", () => {
  const map = (object) => new Map(Object.entries(object));

  test("per answer the newer edit wins, from either tab", () => {
    const result = merge(
      map({ "a.een": "mijn oude", "a.twee": "mijn nieuwe" }),
      map({ "a.een": 100, "a.twee": 300 }),
      map({ "a.een": "hun nieuwe", "a.twee": "hun oude" }),
      map({ "a.een": 200, "a.twee": 150 }),
    );
    assert.deepEqual(result.answers, map({ "a.een": "hun nieuwe", "a.twee": "mijn nieuwe" }));
    assert.deepEqual(result.edited, map({ "a.een": 200, "a.twee": 300 }));
    assert.deepEqual(result.taken, new Set(["a.een"]));
    assert.equal(result.oursNewer, true);
  });

  test("an answer emptied later in the other tab is emptied here too", () => {
    const result = merge(map({ "a.een": "oud" }), map({ "a.een": 100 }), map({}), map({ "a.een": 200 }));
    assert.equal(result.answers.has("a.een"), false);
    assert.deepEqual(result.taken, new Set(["a.een"]));
    assert.deepEqual(result.edited, map({ "a.een": 200 }));
  });

  test("an answer emptied here stays empty against the other tab's older text", () => {
    const result = merge(map({}), map({ "a.een": 300 }), map({ "a.een": "oud" }), map({ "a.een": 100 }));
    assert.equal(result.answers.has("a.een"), false);
    assert.equal(result.taken.size, 0);
    assert.equal(result.oursNewer, true, "the other tab still has the old text: it must hear of this");
  });

  test("an answer without an edit time loses to one with a time", () => {
    const result = merge(map({ "a.een": "zonder tijd" }), map({}), map({ "a.een": "met tijd" }), map({ "a.een": 1 }));
    assert.equal(result.answers.get("a.een"), "met tijd");
  });

  test("edited at the same moment, both tabs end with the same answer", () => {
    const cases = [
      [map({ "a.een": "appel" }), map({ "a.een": "peer" })],
      [map({ "a.een": 2 }), map({ "a.een": "2" })],
      [map({ "a.een": ["x"] }), map({ "a.een": ["x", "y"] })],
      [map({ "a.een": "tekst" }), map({})], // emptied in one tab at that moment
    ];
    const times = map({ "a.een": 500 });
    for (const [one, other] of cases) {
      const here = merge(one, times, other, times);
      const there = merge(other, times, one, times);
      assert.deepEqual(here.answers, there.answers, JSON.stringify([...one, ...other]));
      // Exactly one of the two tabs takes the other's answer, and the other tab has it newer.
      assert.equal(here.taken.size + there.taken.size, 1);
      assert.equal(here.oursNewer, there.taken.size === 1);
      assert.equal(there.oursNewer, here.taken.size === 1);
    }
  });

  test("tabs that agree take nothing and have nothing newer", () => {
    const answers = map({ "a.een": "zelfde", activiteiten: ["leerlijnen", "evenementen"] });
    const theirs = map({ "a.een": "zelfde", activiteiten: ["leerlijnen", "evenementen"] }); // other list objects
    const result = merge(answers, map({ "a.een": 100 }), theirs, map({ "a.een": 200, activiteiten: 50 }));
    assert.equal(result.taken.size, 0);
    assert.equal(result.oursNewer, false);
    assert.deepEqual(result.answers, answers);
    assert.deepEqual(result.edited, map({ "a.een": 200, activiteiten: 50 }), "the latest time of each is kept");
  });

  test("answers only one tab has are kept, and only the other's are taken", () => {
    const result = merge(map({ "a.mijn": 1 }), map({ "a.mijn": 10 }), map({ "a.hun": 2 }), map({ "a.hun": 20 }));
    assert.deepEqual(result.answers, map({ "a.mijn": 1, "a.hun": 2 }));
    assert.deepEqual(result.taken, new Set(["a.hun"]));
    assert.equal(result.oursNewer, true);
  });
});

describe("comparing sets of answers", () => {
  const map = (object) => new Map(Object.entries(object));

  test("changedKeys names added, removed and changed answers, not unchanged lists", () => {
    const before = map({ "a.zelfde": "x", "a.anders": 1, "a.weg": "y", lijst: ["p", "q"], lijst2: ["p"] });
    const after = map({ "a.zelfde": "x", "a.anders": 2, "a.nieuw": "z", lijst: ["p", "q"], lijst2: ["q"] });
    assert.deepEqual(new Set(changedKeys(before, after)), new Set(["a.anders", "a.nieuw", "a.weg", "lijst2"]));
    assert.deepEqual(changedKeys(after, after), []);
  });

  test("changedKeys sees a list whose order changed (the partners moved)", () => {
    assert.deepEqual(changedKeys(map({ achtje: ["a", "b"] }), map({ achtje: ["b", "a"] })), ["achtje"]);
  });

  test("changedKeys finds none between the same answers in another order, and any difference", () => {
    const differ = (a, b) => changedKeys(map(a), map(b)).length > 0;
    assert.equal(differ({ "a.x": 1, "a.y": ["p"] }, { "a.y": ["p"], "a.x": 1 }), false);
    assert.equal(differ({ "a.x": 1 }, { "a.x": "1" }), true);
    assert.equal(differ({ "a.x": 1 }, { "a.x": 1, "a.y": "" }), true);
    assert.equal(differ({ "a.y": ["p", "q"] }, { "a.y": ["q", "p"] }), true);
    assert.equal(differ({}, {}), false);
  });
});

describe("names", () => {
  const DAY_9 = new Date(2026, 10, 9, 23, 59); // local time, a minute before midnight
  /** The name of an export of INSTRUMENT by someone with this name and organisation (each
   *  left out when undefined), among other answers. */
  const exported = (naam, organisatie) => {
    const answers = new Map([["ambitie.toelichting", "Geen naam"]]);
    if (naam !== undefined) answers.set("respondent.naam", naam);
    if (organisatie !== undefined) answers.set("respondent.organisatie", organisatie);
    return exportName(INSTRUMENT, answers, DAY_9);
  };

  test("an export is named after the instrument and the local date, with two-digit month and day", () => {
    assert.equal(fileName("reflectietool", [], DAY_9), "reflectietool-2026-11-09.json");
    assert.equal(fileName("matrix", [], new Date(2027, 0, 1, 0, 0)), "matrix-2027-01-01.json");
  });

  test("without a name or organisation the name is left out", () => {
    assert.equal(exported(), "reflectietool-2026-11-09.json");
    assert.equal(exported("", ""), "reflectietool-2026-11-09.json");
  });

  test("an export is named after the respondent's name, even when an organisation is given", () => {
    assert.equal(exported("Jan de Vries"), "reflectietool-Jan-de-Vries-2026-11-09.json");
    assert.equal(exported("Jan de Vries", "ROC Zadkine"), "reflectietool-Jan-de-Vries-2026-11-09.json");
  });

  test("without a name, after the organisation; a slash is no folder", () => {
    assert.equal(exported("", "ROC Zadkine / Rotterdam"), "reflectietool-ROC-Zadkine-Rotterdam-2026-11-09.json");
    assert.equal(exported(undefined, "ROC Zadkine / Rotterdam"), "reflectietool-ROC-Zadkine-Rotterdam-2026-11-09.json");
  });

  test("a name with nothing usable in it gives way to the organisation, and to none after that", () => {
    assert.equal(exported("?!... --", "Vmbo De Brug"), "reflectietool-Vmbo-De-Brug-2026-11-09.json");
    assert.equal(exported("?!... --", "***"), "reflectietool-2026-11-09.json");
    assert.equal(exported("   ", "\t\n"), "reflectietool-2026-11-09.json");
  });

  test("accented Latin letters become plain ones; other letters and case stay", () => {
    assert.equal(exported("Ünïcødé"), "reflectietool-Unicøde-2026-11-09.json");
    assert.equal(exported("Zoë Çelik-Şahin"), "reflectietool-Zoe-Celik-Sahin-2026-11-09.json");
    assert.equal(exported("ﬁne ＡＢＣ"), "reflectietool-fine-ABC-2026-11-09.json"); // compatibility forms
    assert.equal(exported("Йошкар Ола"), "reflectietool-Йошкар-Ола-2026-11-09.json");
    assert.equal(exported("हिन्दी"), "reflectietool-हिन्दी-2026-11-09.json");
    assert.equal(exported("한국어 학교"), "reflectietool-한국어-학교-2026-11-09.json");
  });

  test("nothing a file system refuses or treats specially is left", () => {
    assert.equal(exported("../../etc/passwd"), "reflectietool-etc-passwd-2026-11-09.json");
    assert.equal(exported('a<b>c:d"e/f\\g|h?i*j'), "reflectietool-a-b-c-d-e-f-g-h-i-j-2026-11-09.json");
    assert.equal(exported("tab\there\u0000nul\u001fend\u007f"), "reflectietool-tab-here-nul-end-2026-11-09.json");
    assert.equal(exported(" . -Jan- . "), "reflectietool-Jan-2026-11-09.json");
    assert.equal(exported("\u202Eevil\u200B"), "reflectietool-evil-2026-11-09.json"); // direction and zero-width marks
    assert.equal(exported("😀 Piet 🎉"), "reflectietool-Piet-2026-11-09.json");
    // Windows' reserved device names are only reserved as a whole name, never inside ours.
    assert.equal(exported("CON"), "reflectietool-CON-2026-11-09.json");
  });

  test("a long name is cut at 40 characters, never at a hyphen or into a character", () => {
    const cut = (naam) => exported(naam).slice("reflectietool-".length, -"-2026-11-09.json".length);
    assert.equal(cut("Regionaal Opleidingscentrum Midden-Nederland, locatie Utrecht"), "Regionaal-Opleidingscentrum-Midden-Neder");
    assert.equal(cut(`${"a".repeat(39)} bcd`), "a".repeat(39));
    assert.equal([...cut("𠀀".repeat(50))].length, 40); // letters beyond U+FFFF are whole
    assert.equal(cut("x".repeat(5000)), "x".repeat(40));
  });

  test("the set-aside and comparison files keep their names", () => {
    assert.equal(fileName("achtje-apart-bewaard", undefined, DAY_9), "achtje-apart-bewaard-2026-11-09.json");
    assert.equal(fileName("achtje-vergelijking", [], DAY_9), "achtje-vergelijking-2026-11-09.json");
  });

  test("each instrument keeps its answers under its own storage key", () => {
    assert.equal(storageKey("matrix"), "gereedschapskist:antwoorden:matrix");
    assert.notEqual(storageKey("matrix"), storageKey("achtje"));
  });
});

describe("Store: localStorage that is blocked or full is reported, never thrown as is", () => {
  const memory = () => {
    const items = {};
    return Object.defineProperties(items, {
      getItem: { value: (key) => (Object.hasOwn(items, key) ? items[key] : null) },
      setItem: { value: (key, text) => (items[key] = String(text)) },
      removeItem: { value: (key) => delete items[key] },
    });
  };

  test("what is written can be read, listed by prefix in order, and removed", () => {
    const storage = memory();
    const kept = new Store(() => storage);
    kept.write("gk:b", "2");
    kept.write("gk:a", "1");
    kept.write("anders", "3");
    assert.equal(kept.read("gk:a"), "1");
    assert.deepEqual(kept.keys("gk:"), ["gk:a", "gk:b"]);
    kept.remove("gk:a");
    assert.equal(kept.read("gk:a"), null);
    assert.deepEqual(kept.keys("gk:"), ["gk:b"]);
  });

  test("blocked storage is reported as unavailable on every use", () => {
    const store = new Store(() => {
      throw new DOMException("geblokkeerd", "SecurityError");
    });
    const uses = [() => store.read("k"), () => store.write("k", "v"), () => store.remove("k"), () => store.keys("")];
    for (const use of uses) {
      assert.throws(use, (error) => error instanceof StorageUnavailable && error.full === false);
    }
  });

  test("full storage is reported as full, so the page can say so", () => {
    const full = {
      getItem: () => null,
      setItem: () => {
        throw new DOMException("vol", "QuotaExceededError");
      },
    };
    assert.throws(
      () => new Store(() => full).write("k", "v"),
      (error) => error instanceof StorageUnavailable && error.full === true && error.message === "full",
    );
  });
});

describe("the form's controls (plain objects standing in for them)", () => {
  const control = (name, type, value, extra = {}) => ({
    name,
    type,
    value,
    defaultValue: extra.defaultValue ?? value,
    checked: extra.checked ?? false,
    defaultChecked: extra.defaultChecked ?? extra.checked ?? false,
    dataset: extra.dataset ?? {},
    // Inside a part whose code has not come yet (a lazy part), or not.
    closest: (selector) => (extra.waiting && selector.includes(":not(:defined)") ? {} : null),
  });
  const form = (...elements) => ({ elements });

  test("collect reads text, a score as a number, 'weet niet' as text, options and an order", () => {
    const answers = collect(
      form(
        control("ambitie.toelichting", "textarea", "Tekst"),
        control("leeg.veld", "text", ""),
        control("ambitie.uitgesproken", "radio", "3"),
        control("ambitie.uitgesproken", "radio", "4", { checked: true }),
        control("ambitie.prikkelend", "radio", "weet-niet", { checked: true }),
        control("ambitie.bijstellen", "radio", "2"),
        control("activiteiten", "checkbox", "leerlijnen", { checked: true }),
        control("activiteiten", "checkbox", "evenementen"),
        control("activiteiten", "checkbox", "eigen-abc123", { checked: true }),
        control("niets.gekozen", "checkbox", "x"),
        control("achtje", "hidden", "partner-b partner-a", { dataset: { gkOrder: "" } }),
        control("", "button", "Exporteren"),
      ),
    );
    assert.deepEqual(
      answers,
      new Map([
        ["ambitie.toelichting", "Tekst"],
        ["ambitie.uitgesproken", 4],
        ["ambitie.prikkelend", "weet-niet"],
        ["activiteiten", ["leerlijnen", "eigen-abc123"]],
        ["niets.gekozen", []],
        ["achtje", ["partner-b", "partner-a"]],
      ]),
    );
  });

  test("apply fills the controls and hands back what has no place, so it is kept", () => {
    const text = control("ambitie.toelichting", "textarea", "");
    const three = control("ambitie.uitgesproken", "radio", "3", { checked: true });
    const four = control("ambitie.uitgesproken", "radio", "4");
    const option = control("activiteiten", "checkbox", "leerlijnen");
    const left = apply(
      form(text, three, four, option, control("achtje", "hidden", "", { dataset: { gkOrder: "" } })),
      new Map([
        ["ambitie.toelichting", "<b>geen html</b>"],
        ["ambitie.uitgesproken", 4],
        ["activiteiten", ["leerlijnen"]],
        ["achtje", ["partner-a", "partner-b"]],
        ["oud.vraag", "uit een vorige versie"],
        ["ambitie.prikkelend", 5],
      ]),
    );
    assert.equal(text.value, "<b>geen html</b>");
    assert.deepEqual([three.checked, four.checked, option.checked], [false, true, true]);
    assert.deepEqual(left, new Map([["oud.vraag", "uit een vorige versie"], ["ambitie.prikkelend", 5]]));
  });

  test("an order that only says the blank form's one row is not kept: a file without it means the same", () => {
    const list = (value) => control("afspraken.afspraken", "hidden", value, { dataset: { gkOrder: "", gkBlank: "eerste" } });
    assert.deepEqual(collect(form(list("eerste"))), new Map());
    assert.deepEqual(collect(form(list("eerste rij-abc123"))), new Map([["afspraken.afspraken", ["eerste", "rij-abc123"]]]));
    assert.deepEqual(collect(form(list("rij-abc123"))), new Map([["afspraken.afspraken", ["rij-abc123"]]]));
  });

  test("apply keeps an order aside while its part's code has not come, and hands it over after", () => {
    const answers = new Map([["afspraken.afspraken", ["eerste", "rij-abc123"]]]);
    const waiting = control("afspraken.afspraken", "hidden", "eerste", { dataset: { gkOrder: "" }, waiting: true });
    assert.deepEqual(apply(form(waiting), answers), answers);
    const ready = control("afspraken.afspraken", "hidden", "eerste", { dataset: { gkOrder: "" } });
    assert.deepEqual(apply(form(ready), answers), new Map());
  });

  test("apply keeps text meant for a scale rather than losing it", () => {
    const scale = form(control("ambitie.uitgesproken", "radio", "4"));
    const left = apply(scale, new Map([["ambitie.uitgesproken", "heel erg"]]));
    assert.deepEqual(left, new Map([["ambitie.uitgesproken", "heel erg"]]));
  });

  test("apply keeps a score or list meant for a text field rather than losing it", () => {
    const text = control("a.tekst", "textarea", "");
    const left = apply(form(text), new Map([["a.tekst", 4]]));
    assert.deepEqual(left, new Map([["a.tekst", 4]]));
    assert.equal(text.value, "");
  });

  test("apply keeps a single value meant for a group of options rather than losing it", () => {
    const option = control("activiteiten", "checkbox", "leerlijnen");
    const left = apply(form(option), new Map([["activiteiten", "leerlijnen"]]));
    assert.deepEqual(left, new Map([["activiteiten", "leerlijnen"]]));
    assert.equal(option.checked, false);
  });

  test("apply empties controls the answers do not mention", () => {
    const text = control("a.tekst", "text", "oud", { defaultValue: "" });
    const option = control("a.keuze", "checkbox", "x", { checked: true });
    apply(form(text, option), new Map());
    assert.equal(text.value, "");
    assert.equal(option.checked, false);
  });

  test("what was typed before the code ran is taken, and those controls set back", () => {
    const typed = control("a.tekst", "text", "vroeg getypt", { defaultValue: "" });
    const untouched = control("a.ander", "text", "");
    const clicked = control("a.score", "radio", "5", { checked: true, defaultChecked: false });
    const early = takeEarlyAnswers(form(typed, untouched, clicked));
    assert.deepEqual(early, new Map([["a.tekst", "vroeg getypt"], ["a.score", 5]]));
    assert.equal(typed.value, "");
    assert.equal(clicked.checked, false);
  });
});
