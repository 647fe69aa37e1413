// The matrix in the comparison view: which keys a menu section asks, and its answers lined up
// across respondents, one group per activity anyone chose. Loaded by the comparison view on the
// pages of instruments with a matrix (see line-up.js for what `knows` and `groups` return).
import { oneLine, rows, sameName } from "../../client/comparison/line-up.js";

/** Whether the ids after the section's (`rest`) name a cell, or an own column's name. */
export function knows(section, rest, keys) {
  const fields = new Set(section.fields.map(({ id }) => id));
  return rest.length === 2 && (fields.has(rest[1]) || (rest[1] === keys.nameField && !keys.isLink(rest[0])));
}

/** One group per activity anyone chose; menu options by id, own ones by name. */
export function groups(section, answerSets, keys) {
  const { options, own } = section.repeat;
  const menuIds = new Set(options.map(({ id }) => id));
  const chosen = answerSets.map((answers) => {
    const list = answers.get(section.id);
    return new Set(Array.isArray(list) ? list : []);
  });
  const activities = options
    .filter(({ id }) => chosen.some((set) => set.has(id)))
    .map(({ id, label }) => ({ heading: label, columns: chosen.map((set) => (set.has(id) ? id : null)) }));
  const owned = new Map(); // same name → the activity, with each respondent's column id
  answerSets.forEach((answers, index) => {
    for (const [key, value] of answers) {
      const [first, column, last, ...more] = keys.split(key);
      if (first !== section.id || last !== keys.nameField || more.length || menuIds.has(column)) continue;
      if (!chosen[index].has(column) || typeof value !== "string" || !oneLine(value)) continue;
      const name = sameName(value);
      if (!owned.has(name)) {
        owned.set(name, { heading: `${own ?? "Eigen activiteit"}: ${oneLine(value)}`, columns: Array(answerSets.length).fill(null) });
      }
      const activity = owned.get(name);
      activity.columns[index] ??= column;
    }
  });
  return [...activities, ...owned.values()].map(({ heading, columns }) => ({
    heading,
    absent: "Niet gekozen",
    rows: rows(section.fields, (f) => columns.map((c) => (c === null ? null : keys.key(section.id, c, f.id)))),
  }));
}
