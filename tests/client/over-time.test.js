// Ontwikkeling in de tijd: which moment (week) a file belongs to (comparison/moments.js), the
// group's figures per moment and what changed most (comparison/over-time.js), and the moment a
// participant was moved to, kept in the session (comparison/session.js).
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { aspects as aspectsOf, scaleAnswers } from "../../generator/client/comparison/line-up.js";
import { isWeek, moments, weekChoices, weekLabel, weekOf } from "../../generator/client/comparison/moments.js";
import { changeText, changedMost, meansOverTime } from "../../generator/client/comparison/over-time.js";
import { readSession, toSessionFile } from "../../generator/client/comparison/session.js";
import { refusal } from "../../generator/client/opening.js";
import { INSTRUMENT, STRUCTURES, answerFile } from "./answer-files.js";

/** An answer file's time for a moment in this computer's time zone (as the page reads it). */
const local = (...parts) => new Date(...parts).toISOString();
const DONT_KNOW = "weet-niet";

describe("weekOf: files saved in the same week (Monday to Sunday) form one moment", () => {
  test("a week is named by its Monday, from Monday 00:00 to Sunday 23:59", () => {
    assert.equal(weekOf(local(2026, 10, 2, 0, 0)), "2026-11-02"); // Monday
    assert.equal(weekOf(local(2026, 10, 5, 12, 30)), "2026-11-02"); // Thursday
    assert.equal(weekOf(local(2026, 10, 8, 23, 59, 59)), "2026-11-02"); // Sunday, a second before midnight
    assert.equal(weekOf(local(2026, 10, 9, 0, 0)), "2026-11-09"); // the next Monday
  });

  test("across the turn of the year: ISO week 53 of 2026 and week 52 of 2027", () => {
    // 2026 has 53 ISO weeks: the last runs from Monday 28 December 2026 to Sunday 3 January 2027.
    assert.equal(weekOf(local(2026, 11, 31, 9, 0)), "2026-12-28");
    assert.equal(weekOf(local(2027, 0, 2, 18, 0)), "2026-12-28");
    assert.equal(weekOf(local(2027, 0, 3, 23, 59)), "2026-12-28");
    assert.equal(weekOf(local(2027, 0, 4, 0, 0)), "2027-01-04"); // week 1 of 2027
    // Saturday 1 January 2028 still belongs to week 52 of 2027.
    assert.equal(weekOf(local(2028, 0, 1, 10, 0)), "2027-12-27");
  });

  test("a time with an offset is read as the moment it names", () => {
    const sunday = new Date(2026, 10, 8, 23, 30);
    const offset = -sunday.getTimezoneOffset();
    const sign = offset >= 0 ? "+" : "-";
    const pad = (n) => String(Math.floor(Math.abs(n))).padStart(2, "0");
    const text = `2026-11-08T23:30:00${sign}${pad(offset / 60)}:${pad(offset % 60)}`;
    assert.equal(weekOf(text), "2026-11-02");
  });

  test("no time, or one the site does not write, is no week", () => {
    for (const saved of [undefined, null, 20261102, "", "gisteren", "2026-11-29", "29-11-2026 10:15", "2026-13-45T10:00:00Z", "<b>2026-11-29T10:15:00Z</b>"]) {
      assert.equal(weekOf(saved), null, String(saved));
    }
  });

  test("a week is the date of a Monday, and reads as Dutch writes it", () => {
    assert.ok(isWeek("2026-11-02"));
    assert.ok(isWeek("2026-12-28"));
    for (const value of ["2026-11-03", "2026-02-30", "2026-11-2", " 2026-11-02", "2026-11-02T00:00:00Z", "<img src=x>", 20261102, null, {}, ["2026-11-02"]]) {
      assert.equal(isWeek(value), false, JSON.stringify(value));
    }
    assert.equal(weekLabel("2026-11-02"), "week van 2 november 2026");
  });
});

describe("moments: who belongs to which moment", () => {
  const person = (saved, moment = null) => ({ data: { saved }, moment });
  const september = local(2026, 8, 16, 10, 0);
  const june = local(2027, 5, 8, 10, 0);

  test("in time order, each with its participants in the order of the view", () => {
    const list = [person(june), person(september), person(june), person(undefined), person(september)];
    assert.deepEqual(moments(list), {
      moments: [
        { week: "2026-09-14", members: [1, 4] },
        { week: "2027-06-07", members: [0, 2] },
      ],
      undated: [3],
    });
  });

  test("a participant moved to another week counts there, a file without a time too", () => {
    const list = [person(september), person(june, "2026-09-14"), person(undefined, "2027-06-07")];
    assert.deepEqual(moments(list).moments, [
      { week: "2026-09-14", members: [0, 1] },
      { week: "2027-06-07", members: [2] },
    ]);
  });

  test("the weeks to choose from: every moment and every file's own week, once there are two", () => {
    assert.equal(weekChoices([person(september), person(september)]), null);
    assert.equal(weekChoices([person(september), person(undefined)]), null);
    assert.deepEqual(weekChoices([person(june), person(september)]), ["2026-09-14", "2027-06-07"]);
    // All in one moment after a move: the file can still go back to its own week.
    assert.deepEqual(weekChoices([person(september), person(june, "2026-09-14")]), ["2026-09-14", "2027-06-07"]);
  });
});

describe("meansOverTime and changedMost: the group's figures per moment", () => {
  const structure = STRUCTURES.reflectietool;
  const aspects = aspectsOf(structure);
  const scales = new Map(structure.scales.map((scale) => [scale.id, scale]));
  const sets = (list) => scaleAnswers(aspects, scales, list.map((answers) => ({ answers: new Map(Object.entries(answers)) })));
  const first = { members: [0, 1] };
  const last = { members: [2, 3] };

  test("all scores on an aspect's statements by a moment's participants, Weet niet left out", () => {
    const answers = sets([
      { "ambitie.uitgesproken": 2, "ambitie.prikkelend": 3, "belangen.balans": DONT_KNOW },
      { "ambitie.uitgesproken": 1, "ambitie.prikkelend": DONT_KNOW, "belangen.balans": 6 }, // 6 is off the scale
      { "ambitie.uitgesproken": 4, "ambitie.prikkelend": 5, "belangen.balans": 4 },
      { "ambitie.uitgesproken": 5, "relatie.vertrouwen": DONT_KNOW },
    ]);
    const means = meansOverTime(aspects, answers, [first, last]);
    assert.deepEqual(means[0], { id: "ambitie", title: "Ambitie", means: [2, 14 / 3] });
    assert.deepEqual(means[1].means, [null, 4]);
    assert.deepEqual(means[2].means, [null, null]);
  });

  test("the largest change first, up or down; then the instrument's order; at most five", () => {
    const before = { "ambitie.uitgesproken": 2, "ambitie.prikkelend": 4, "ambitie.bijstellen": 3, "ambitie.achterban": 1, "belangen.open-gesprek": 5, "belangen.interesse": 2, "belangen.balans": 3, "relatie.vertrouwen": 3 };
    const after = { "ambitie.uitgesproken": 4, "ambitie.prikkelend": 2, "ambitie.bijstellen": 3, "ambitie.achterban": 2, "belangen.open-gesprek": 1, "belangen.interesse": 3, "belangen.balans": 4, "relatie.vertrouwen": 4 };
    const answers = sets([before, { ...before, "ambitie.uitgesproken": 3 }, after, { ...after, "relatie.conflicten": 5 }]);
    const { compared, changed } = changedMost(aspects, answers, first, last);
    assert.equal(compared, 8);
    assert.deepEqual(
      changed.map(({ key, from, to, change }) => [key, from, to, change]),
      [
        ["belangen.open-gesprek", 5, 1, -4],
        ["ambitie.prikkelend", 4, 2, -2],
        ["ambitie.uitgesproken", 2.5, 4, 1.5],
        ["ambitie.achterban", 1, 2, 1],
        ["belangen.interesse", 2, 3, 1],
      ],
    );
    assert.equal(changed[0].aspect, "Belangen");
    assert.equal(changed[0].label, "We voeren een open gesprek over onze belangen.");
  });

  test("the change is worked out from the means as they are shown, to one decimal", () => {
    // 7/3 and 8/3 show as 2,3 and 2,7: the change reads +0,4, not +0,3.
    const answers = sets([{ "proces.fase": 2 }, { "proces.fase": 2 }, { "proces.fase": 3 }, { "proces.fase": 3 }]);
    const thirds = changedMost(aspects, answers, { members: [0, 1, 2] }, { members: [0, 2, 3] });
    assert.deepEqual(thirds.changed.map(({ from, to, change }) => [from, to, change]), [[2.3, 2.7, 0.4]]);
    assert.equal(changeText(thirds.changed[0]), "2,3 → 2,7 (+0,4)");
    assert.equal(changeText({ from: 4, to: 2.5, change: -1.5 }), "4,0 → 2,5 (−1,5)");
  });

  test("only statements with a mean at both moments; nothing when nothing changed", () => {
    const same = sets([{ "ambitie.uitgesproken": 3, "relatie.vertrouwen": 2 }, {}, { "ambitie.uitgesproken": 3, "relatie.conflicten": 5 }, { "ambitie.uitgesproken": DONT_KNOW }]);
    assert.deepEqual(changedMost(aspects, same, first, last), { compared: 1, changed: [] });
    const none = sets([{ "ambitie.uitgesproken": 3 }, {}, { "relatie.vertrouwen": 4 }, {}]);
    assert.deepEqual(changedMost(aspects, none, first, last), { compared: 0, changed: [] });
  });
});

describe("the moment in the session: kept, and refused when it is no week", () => {
  const anna = answerFile({ respondent: { naam: "Anna" }, saved: "2026-09-16T10:00:00Z" });
  const bram = answerFile({ respondent: { naam: "Bram" }, saved: "2027-06-08T10:00:00Z" });
  const session = {
    respondents: [
      { name: "Anna", source: "anna.json", own: false, data: anna, moment: null },
      { name: "Bram", source: "bram.json", own: false, data: bram, moment: "2026-09-14" },
    ],
    joint: null,
    agreements: [],
  };

  test("a moved participant's week goes into the file and comes back; the others have none", () => {
    const file = JSON.parse(JSON.stringify(toSessionFile(INSTRUMENT, session)));
    assert.deepEqual(
      file.respondents.map((r) => r.moment),
      [undefined, "2026-09-14"],
    );
    const back = readSession(file, INSTRUMENT);
    assert.deepEqual(back.refusals, []);
    assert.deepEqual(
      back.entries.map(({ name, moment }) => [name, moment]),
      [
        ["Anna", undefined],
        ["Bram", "2026-09-14"],
      ],
    );
  });

  test("a participant whose moment is no week is refused alone, with a plain sentence", () => {
    for (const moment of [null, 5, "", "2026-09-15", "2026-02-30", "<img src=x onerror=alert(1)>", "x".repeat(1_000_000), { week: "2026-09-14" }, ["2026-09-14"]]) {
      const file = toSessionFile(INSTRUMENT, session);
      file.respondents[0].moment = moment;
      const back = readSession(file, INSTRUMENT);
      assert.deepEqual(
        back.entries.map(({ name }) => name),
        ["Bram"],
        JSON.stringify(moment)?.slice(0, 40),
      );
      assert.deepEqual(
        back.refusals.map(({ part, error }) => [part, refusal(error)]),
        [[1, "Het moment van deze deelnemer is niet leesbaar."]],
      );
    }
  });

  test("refusals stay in the order of the participants", () => {
    const file = toSessionFile(INSTRUMENT, session);
    file.respondents[0].file = { format: "iets-anders" };
    file.respondents[1].moment = "maandag";
    file.respondents.push({ name: "Cas", file: anna, moment: "2026-09-14" });
    const back = readSession(file, INSTRUMENT);
    assert.deepEqual(back.refusals.map(({ part }) => part), [1, 2]);
    assert.deepEqual(back.entries.map(({ name, moment }) => [name, moment]), [["Cas", "2026-09-14"]]);
  });
});
