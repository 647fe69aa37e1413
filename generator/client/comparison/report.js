// The session report's own parts (Sessieverslag afdrukken): the joint version and the session's
// agreements as text, for paper only; the rest of the report is the view itself. Drawn before
// every print, from the session as it is then.
import { aspects as aspectsOf, textSections } from "./line-up.js";
import { answerText } from "./answers-in-words.js";
import { h } from "./elements.js";
import { AGREEMENT_FIELDS } from "./session.js";

/** A question and the group's answer to it, on paper. */
const answer = (question, text) =>
  h("div", { class: "gk-report__answer" }, h("p", { class: "gk-report__question" }, question), h("p", {}, text));

/** The joint version in words: per section its statements with the agreed value, and its
 *  questions (per activity or partner in a repeated part) with the group's text. */
function jointPart(structure, joint, parts) {
  const scales = new Map(structure.scales.map((scale) => [scale.id, scale]));
  const statements = new Map(aspectsOf(structure).map(({ id, statements: list }) => [id, list]));
  const texts = new Map(textSections(structure, [joint], parts).map((section) => [section.id, section]));
  const sections = structure.sections.map(({ id, title, fields }) => {
    const agreed = (statements.get(id) ?? [])
      .filter(({ key }) => joint.has(key))
      .map(({ key, label }) => answer(label, answerText(fields.find((f) => f.key === key), joint.get(key), scales)));
    const written = (texts.get(id)?.groups ?? [])
      .filter((group) => !group.list)
      .flatMap((group) =>
        group.rows
          .filter(({ keys: [key] }) => key !== null && joint.has(key))
          .map(({ field, keys: [key] }) => answer(group.heading ? `${group.heading}: ${field.label}` : field.label, answerText(field, joint.get(key), scales))),
      );
    const shown = [...agreed, ...written];
    return shown.length ? h("div", { class: "gk-report__section" }, h("h3", {}, title), shown) : null;
  });
  const filled = sections.filter(Boolean);
  return h(
    "section",
    { class: "gk-compare__part gk-report__part" },
    h("h2", {}, "Gezamenlijke versie"),
    filled.length ? filled : h("p", {}, "De groep heeft (nog) geen gezamenlijke versie geschreven."),
  );
}

function agreementsPart(agreements) {
  const rows = agreements.filter((row) => AGREEMENT_FIELDS.some(({ id }) => row[id]?.trim()));
  return h(
    "section",
    { class: "gk-compare__part gk-report__part" },
    h("h2", {}, "Afspraken van deze sessie"),
    rows.length
      ? h(
          "table",
          { class: "gk-compare__table gk-compare__table--list" },
          h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Nr."), AGREEMENT_FIELDS.map(({ label }) => h("th", { scope: "col" }, label)))),
          h(
            "tbody",
            {},
            rows.map((row, i) => h("tr", {}, h("td", {}, String(i + 1)), AGREEMENT_FIELDS.map(({ id }) => h("td", {}, row[id] ?? "")))),
          ),
        )
      : h("p", {}, "Er zijn (nog) geen afspraken vastgelegd."),
  );
}

/** The report's parts that the view does not show: the joint version and the agreements. */
export const reportParts = (structure, { joint, agreements }, parts) => [
  jointPart(structure, joint ?? new Map(), parts),
  agreementsPart(agreements),
];
