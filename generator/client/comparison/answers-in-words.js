// Answers in words side by side (the comparison view, its aspects' explanations, the
// presentation and the report): an answer as text, everyone's answers to a question, and the
// groups a section's questions come in (an activity of a matrix, a place of the 8-tje, an
// agreements list). Every text from a file goes in as text, never as HTML.
import { dutchDate } from "../print.js";
import { h, nameOf, nextId, scrollingTable, th } from "./elements.js";

/** An answer as a person reads it: a scale's label and value, a date as Dutch writes it, the
 *  labels of chosen options; "" when there is none. */
export function answerText(field, value, scales) {
  if (value === undefined) return "";
  if (field.type === "scale") {
    const { options, dontKnow } = scales.get(field.scale);
    if (dontKnow && value === dontKnow.value) return dontKnow.label;
    const option = options.find((o) => o.value === value);
    return option ? `${option.label} (${option.value})` : "";
  }
  if (field.format === "date" && typeof value === "string") return dutchDate(value);
  const list = Array.isArray(value) ? value : [value];
  const labels = new Map((field.options ?? []).map((o) => [o.id, o.label]));
  return list.map((item) => labels.get(item) ?? String(item)).join(", ").trim();
}

/** The answers to a question (a row of a group), each with whose it is, in the order of the
 *  view; `which`: the indexes of the respondents to show (everyone by default). */
export function answerList(row, group, respondents, scales, which = respondents.map((_, i) => i)) {
  return h(
    "dl",
    { class: "gk-compare__answers" },
    which.map((i) => {
      const key = row.keys[i];
      const text = key === null ? "" : answerText(row.field, respondents[i].answers.get(key), scales);
      const empty = key === null ? group.absent : "Niet ingevuld";
      return h("div", {}, h("dt", {}, nameOf(respondents[i])), text ? h("dd", {}, text) : h("dd", { class: "is-empty" }, empty));
    }),
  );
}

/** A group named by its heading (h`level`): a question with its answers, or one of its parts. */
export function headedGroup(className, level, heading, ...children) {
  const id = nextId();
  return h("div", { class: className, role: "group", "aria-labelledby": id }, h(`h${level}`, { id }, heading), ...children);
}

export const answered = (row, respondents) =>
  respondents.some((r, i) => row.keys[i] !== null && r.answers.has(row.keys[i]));

/** A list's rows (an agreements list), everyone's under each other, each with whose it is. */
function listTable({ field, columns, rows }, respondents) {
  const head = h("tr", {}, th("Deelnemer"), columns.map(({ label }) => th(label)));
  const body = rows.map(({ respondent, values }) =>
    h(
      "tr",
      {},
      h("th", { scope: "row" }, nameOf(respondents[respondent])),
      values.map((value) => (value ? h("td", {}, value) : h("td", { class: "is-empty" }, "–"))),
    ),
  );
  // The table is named by the question already (its scrolling group and caption): no third name.
  return h(
    "div",
    { class: "gk-compare__question" },
    h("h4", {}, field.label),
    rows.length ? scrollingTable(field.label, head, body, "list") : h("p", { class: "gk-compare__empty" }, "Door niemand ingevuld."),
  );
}

/**
 * A section's groups of questions in words (textSections in line-up.js), each question with
 * its answers: by default everyone's side by side; `answers(row, group, level)` gives them
 * otherwise (per moment, in over-time.js), `level` being the question's heading level. What
 * nobody answered of a matrix or 8-tje (with `onlyAnswered`, of any question) is one line at
 * the end. Made a piece at a time, to show a few at a time (comparison-view.js): yields
 * `[group, piece]`, `group` null for a piece of the section itself (a question, a group of
 * them, that line: the caller adds it), else the group, yielded before, the piece was added to.
 */
export function* textGroupPieces(groups, respondents, scales, { answers = (row, group) => answerList(row, group, respondents, scales), onlyAnswered = false } = {}) {
  const question = (row, group, level) => headedGroup("gk-compare__question", level, row.field.label, answers(row, group, level));
  const unanswered = [];
  for (const group of groups) {
    if (group.list) {
      yield [null, listTable(group.list, respondents)];
      continue;
    }
    const rows = group.heading || onlyAnswered ? group.rows.filter((row) => answered(row, respondents)) : group.rows;
    if (!group.heading) {
      unanswered.push(...group.rows.filter((row) => !rows.includes(row)).map((row) => row.field.label));
      for (const row of rows) yield [null, question(row, group, 4)];
      continue;
    }
    if (rows.length === 0) {
      unanswered.push(group.heading);
      continue;
    }
    const present = group.rows[0].keys.filter((key) => key !== null).length;
    const note = present < respondents.length ? h("p", { class: "gk-compare__note" }, `Bij ${present} van de ${respondents.length} deelnemers.`) : null;
    const made = headedGroup("gk-compare__group", 4, group.heading, note);
    yield [null, made];
    for (const row of rows) yield [made, made.appendChild(question(row, group, 5))];
  }
  if (unanswered.length) yield [null, h("p", { class: "gk-compare__unanswered" }, `Door niemand ingevuld: ${unanswered.join("; ")}.`)];
}

/** The same pieces made at once: the section's own, each group with its questions in it. */
export const textGroups = (...args) =>
  [...textGroupPieces(...args)].filter(([group]) => group === null).map(([, piece]) => piece);
