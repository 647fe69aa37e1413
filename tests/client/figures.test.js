// The figures of scale answers (figures.js): what the own result and the comparison show.
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import {
  aspectMeans,
  conversationTopics,
  formatFigure,
  lowestStatements,
  score,
  summary,
} from "../../generator/client/figures.js";

// Two aspects, as line-up.js's `aspects` gives them.
const ASPECTS = [
  {
    id: "ambitie",
    title: "Ambitie",
    statements: [
      { key: "ambitie.a1", label: "Stelling A1" },
      { key: "ambitie.a2", label: "Stelling A2" },
      { key: "ambitie.a3", label: "Stelling A3" },
    ],
  },
  {
    id: "relatie",
    title: "Relatie",
    statements: [
      { key: "relatie.r1", label: "Stelling R1" },
      { key: "relatie.r2", label: "Stelling R2" },
    ],
  },
];
const answers = (object) => new Map(Object.entries(object));
const keysOf = (list) => list.map(({ key }) => key);

describe("score and summary", () => {
  test("only numbers count as scores: 'weet niet', empty and text do not", () => {
    assert.equal(score(4), 4);
    assert.equal(score(0), 0);
    for (const value of ["weet-niet", "4", undefined, null, Number.NaN, Number.POSITIVE_INFINITY, [4]]) {
      assert.equal(score(value), null, String(value));
    }
  });

  test("a statement's figures: count, mean, lowest, highest and spread of the scores given", () => {
    assert.deepEqual(summary([2, 5, "weet-niet", undefined, 4, 1]), { n: 4, mean: 3, min: 1, max: 5, spread: 4 });
  });

  test("one score is its own mean, with no spread", () => {
    assert.deepEqual(summary([3]), { n: 1, mean: 3, min: 3, max: 3, spread: 0 });
  });

  test("a statement nobody scored has no figures (not a mean of 0)", () => {
    assert.equal(summary([]), null);
    assert.equal(summary(["weet-niet", undefined]), null);
  });
});

describe("formatFigure: figures as Dutch writes them", () => {
  test("one decimal, with a comma", () => {
    assert.equal(formatFigure(3.5), "3,5");
    assert.equal(formatFigure(4), "4,0");
    assert.equal(formatFigure(10 / 3), "3,3");
    assert.equal(formatFigure(2.96), "3,0");
  });

  test("no figure shows as a dash, not as 0 or 'null'", () => {
    assert.equal(formatFigure(null), "–");
  });
});

describe("aspectMeans: one respondent's mean per aspect", () => {
  test("the mean of the statements scored, 'weet niet' and empty left out", () => {
    const means = aspectMeans(
      ASPECTS,
      answers({ "ambitie.a1": 2, "ambitie.a2": "weet-niet", "ambitie.a3": 5, "relatie.r1": 4, "anders.x": 1 }),
    );
    assert.deepEqual(means, [
      { id: "ambitie", title: "Ambitie", mean: 3.5, n: 2 },
      { id: "relatie", title: "Relatie", mean: 4, n: 1 },
    ]);
  });

  test("an aspect with nothing scored has no mean and a count of 0", () => {
    assert.deepEqual(aspectMeans(ASPECTS, answers({ "relatie.r1": "weet-niet" }))[1], {
      id: "relatie",
      title: "Relatie",
      mean: null,
      n: 0,
    });
  });
});

describe("lowestStatements: one respondent's starting points", () => {
  test("every statement at the lowest score, in the instrument's order, with its aspect", () => {
    const lowest = lowestStatements(
      ASPECTS,
      answers({ "ambitie.a1": 3, "ambitie.a2": 2, "ambitie.a3": "weet-niet", "relatie.r1": 4, "relatie.r2": 2 }),
    );
    assert.deepEqual(lowest, [
      { key: "ambitie.a2", label: "Stelling A2", aspect: "Ambitie", score: 2 },
      { key: "relatie.r2", label: "Stelling R2", aspect: "Relatie", score: 2 },
    ]);
  });

  test("at most `limit` statements", () => {
    const all = answers({ "ambitie.a1": 1, "ambitie.a2": 1, "ambitie.a3": 1, "relatie.r1": 1, "relatie.r2": 1 });
    assert.deepEqual(keysOf(lowestStatements(ASPECTS, all, 2)), ["ambitie.a1", "ambitie.a2"]);
    assert.equal(lowestStatements(ASPECTS, all).length, 5);
  });

  test("nothing scored: no statements ('weet niet' is not the lowest score)", () => {
    assert.deepEqual(lowestStatements(ASPECTS, answers({ "ambitie.a1": "weet-niet" })), []);
  });
});

describe("conversationTopics: what a group talks about", () => {
  test("the largest spread first, at least 2 apart; then the lowest means not already listed", () => {
    const sets = [
      answers({ "ambitie.a1": 1, "ambitie.a2": 2, "ambitie.a3": 5, "relatie.r1": 1, "relatie.r2": 2 }),
      answers({ "ambitie.a1": 5, "ambitie.a2": 4, "ambitie.a3": 5, "relatie.r1": 1, "relatie.r2": 3 }),
    ];
    const { differ, lowest } = conversationTopics(ASPECTS, sets);
    assert.deepEqual(keysOf(differ), ["ambitie.a1", "ambitie.a2"]); // spread 4, then 2
    assert.deepEqual(keysOf(lowest), ["relatie.r1", "relatie.r2"]); // mean 1, then 2.5
    assert.deepEqual(differ[0], {
      key: "ambitie.a1",
      label: "Stelling A1",
      aspect: "Ambitie",
      figures: { n: 2, mean: 3, min: 1, max: 5, spread: 4 },
    });
  });

  test("a statement both spread and low is listed once, under the differences", () => {
    const sets = [answers({ "ambitie.a1": 1 }), answers({ "ambitie.a1": 1 }), answers({ "ambitie.a1": 4 })];
    const { differ, lowest } = conversationTopics(ASPECTS, sets);
    assert.deepEqual(keysOf(differ), ["ambitie.a1"]);
    assert.deepEqual(lowest, []);
  });

  test("ties keep the instrument's order", () => {
    const sets = [
      answers({ "relatie.r2": 1, "ambitie.a3": 1, "ambitie.a1": 2, "relatie.r1": 2 }),
      answers({ "relatie.r2": 4, "ambitie.a3": 4, "ambitie.a1": 2, "relatie.r1": 2 }),
    ];
    const { differ, lowest } = conversationTopics(ASPECTS, sets);
    assert.deepEqual(keysOf(differ), ["ambitie.a3", "relatie.r2"]);
    assert.deepEqual(keysOf(lowest), ["ambitie.a1", "relatie.r1"]);
  });

  test("a statement scored by one respondent only is no topic, however low", () => {
    const sets = [answers({ "ambitie.a1": 1 }), answers({ "ambitie.a1": "weet-niet" }), answers({})];
    assert.deepEqual(conversationTopics(ASPECTS, sets), { differ: [], lowest: [] });
  });

  test("a spread under 2 and a mean of 3 or more are no topics", () => {
    const sets = [answers({ "ambitie.a1": 3, "ambitie.a2": 4 }), answers({ "ambitie.a1": 4, "ambitie.a2": 2 })];
    // a1: spread 1, mean 3.5; a2: spread 2 (listed), mean 3.
    const { differ, lowest } = conversationTopics(ASPECTS, sets);
    assert.deepEqual(keysOf(differ), ["ambitie.a2"]);
    assert.deepEqual(lowest, []);
    const level = [answers({ "ambitie.a1": 3 }), answers({ "ambitie.a1": 3 })];
    assert.deepEqual(conversationTopics(ASPECTS, level), { differ: [], lowest: [] });
  });

  test("at most five of each, and the options change the limits", () => {
    const wide = [
      answers({ "ambitie.a1": 1, "ambitie.a2": 1, "ambitie.a3": 1, "relatie.r1": 1, "relatie.r2": 1 }),
      answers({ "ambitie.a1": 5, "ambitie.a2": 5, "ambitie.a3": 5, "relatie.r1": 5, "relatie.r2": 5 }),
    ];
    assert.equal(conversationTopics(ASPECTS, wide).differ.length, 5);
    assert.equal(conversationTopics(ASPECTS, wide, { limit: 3 }).differ.length, 3);
    assert.deepEqual(conversationTopics(ASPECTS, wide, { minSpread: 5 }).differ, []);
    const low = [answers({ "ambitie.a1": 3 }), answers({ "ambitie.a1": 3 })];
    assert.deepEqual(keysOf(conversationTopics(ASPECTS, low, { belowMean: 4 }).lowest), ["ambitie.a1"]);
  });
});
