// The group's joint version (Gezamenlijke versie): one answer set written together from the
// session. Per question it starts from one participant's text or several combined (Tekst van …
// toevoegen), is edited, and what is missing filled in; a statement on a scale takes an agreed
// value. A repeated part (the matrix's activities, the 8-tje's partners) starts from one
// participant's: their activities or partners, whose texts are then edited the same way. The
// agreements list of the instrument is the session's Afspraken. The answers are the session's
// own (a Map): every edit is handed to `changed`, which keeps the session.
import { keyReader } from "../answers.js";
import { keyScheme } from "../keys.js";
import { textSections } from "./line-up.js";
import { h, hidden, nameOf, nextId } from "./comparison-view.js";

const NONE = "";

/** A scale's answer as its text: "4 (Eens)", or the label of "weet niet". */
function scaleText(value, scale) {
  if (scale.dontKnow && value === scale.dontKnow.value) return scale.dontKnow.label;
  const option = scale.options.find((o) => o.value === value);
  return option ? `${option.value} (${option.label})` : null;
}

/** The questions of the joint version, per section: `[{ id, title, repeat, items }]`, an item
 *  being `{ kind: "scale" | "text", key, label, place, field, answers: [{ respondent, value }] }`
 *  (everyone's answer to it). For a repeated section, the items are the base participant's
 *  (`bases`: section id → respondent index), with the others' answers lined up to them. */
export function jointQuestions(structure, respondents, parts, bases) {
  const keys = keyScheme(structure.keys);
  const answerSets = respondents.map(({ answers }) => answers);
  const lined = new Map(textSections(structure, answerSets, parts).map((section) => [section.id, section]));
  const scales = new Map(structure.scales.map((scale) => [scale.id, scale]));
  const everyone = (keyOf, field) =>
    respondents
      .map((respondent, i) => ({ respondent, value: keyOf(i) === null ? undefined : respondent.answers.get(keyOf(i)) }))
      .filter(({ value }) =>
        field.type === "scale" ? scaleText(value, scales.get(field.scale)) !== null : typeof value === "string" && value.trim() !== "",
      );
  return structure.sections.map((section) => {
    if (section.repeat) {
      const base = bases.get(section.id) ?? null;
      const items = [];
      if (base !== null) {
        for (const group of lined.get(section.id)?.groups ?? []) {
          if (group.rows.length === 0 || group.rows[0].keys[base] === null) continue;
          for (const row of group.rows) {
            items.push({ kind: "text", key: row.keys[base], label: row.field.label, place: group.heading, field: row.field, answers: everyone((i) => row.keys[i], row.field) });
          }
        }
      }
      return { id: section.id, title: section.title, repeat: true, items, base };
    }
    const items = section.fields
      .filter((field) => !parts[field.type] && ["scale", "long_text", "short_text"].includes(field.type))
      .map((field) => ({
        kind: field.type === "scale" ? "scale" : "text",
        key: field.key,
        label: field.label,
        place: null,
        field,
        scale: scales.get(field.scale),
        answers: everyone(() => field.key, field),
      }));
    const lists = section.fields.filter((field) => parts[field.type]);
    return { id: section.id, title: section.title, repeat: false, items, lists, keys };
  });
}

/** Everything the joint version holds of a repeated section, copied from one participant:
 *  which activities or partners, in order, their names and their texts. */
export function baseAnswers(section, answers, separator) {
  const prefix = section.id + separator;
  return [...answers].filter(([key]) => key === section.id || key.startsWith(prefix));
}

export class JointPanel {
  #element;
  #joint; // () => the joint version (a Map), changed in place
  #agreements; // () => the session's agreements
  #changed;
  #said;
  #drawnFor = null;
  #questions = [];

  constructor(element, { joint, agreements, changed, say }) {
    this.#element = element;
    this.#joint = joint;
    this.#agreements = agreements;
    this.#changed = changed;
    this.#said = say;
    element.addEventListener("input", this.#onInput);
    element.addEventListener("change", this.#onInput);
    element.addEventListener("click", this.#onClick);
  }

  #onInput = (event) => {
    const key = event.target.dataset.gkJoint;
    if (key === undefined) return;
    const { value } = event.target;
    const joint = this.#joint();
    if (event.target.tagName === "SELECT") {
      if (value === NONE) joint.delete(key);
      else joint.set(key, /^\d+$/.test(value) ? Number(value) : value);
    } else if (value.trim() === "") joint.delete(key);
    else joint.set(key, value);
    this.#changed();
  };

  #onClick = (event) => {
    const button = event.target.closest?.("button");
    if (!button) return;
    if (button.dataset.gkAdd !== undefined) this.#addText(button);
    else if (button.dataset.gkBase !== undefined) this.#startFrom(button.dataset.gkBase);
  };

  /** Add a participant's text to the joint answer: as it is when empty, else under it. */
  #addText(button) {
    const { gkAdd: key, gkFrom: from } = button.dataset;
    const [question] = this.#questions.flatMap((s) => s.items).filter((item) => item.key === key);
    const theirs = question?.answers.find(({ respondent }) => respondent.id === from);
    if (!theirs) return;
    const box = this.#element.querySelector(`[data-gk-joint="${CSS.escape(key)}"]`);
    box.value = box.value.trim() ? `${box.value.trimEnd()}\n\n${theirs.value.trim()}` : theirs.value.trim();
    box.dispatchEvent(new Event("input", { bubbles: true }));
    box.focus();
    this.#said(`De tekst van ${theirs.respondent.name} is toegevoegd aan de gezamenlijke versie.`);
  }

  /** A repeated section of the joint version starts from one participant's: replaces what it held. */
  #startFrom(sectionId) {
    const select = this.#element.querySelector(`[data-gk-base-of="${CSS.escape(sectionId)}"]`);
    const [structure, respondents] = this.#drawnFor;
    const respondent = respondents.find((r) => r.id === select.value);
    const section = structure.sections.find((s) => s.id === sectionId);
    if (!respondent || !section) return;
    const joint = this.#joint();
    const separator = structure.keys.separator;
    for (const [key] of baseAnswers(section, joint, separator)) joint.delete(key);
    for (const [key, value] of baseAnswers(section, respondent.answers, separator)) joint.set(key, value);
    this.#changed();
    this.draw(...this.#drawnFor);
    this.#element.querySelector(`[data-gk-base-of="${CSS.escape(sectionId)}"]`)?.focus();
    this.#said(`${section.title}: de gezamenlijke versie begint nu bij die van ${respondent.name}.`);
  }

  /** The participant each repeated section of the joint version started from: the first whose
 *  activities or partners (and their names) it holds. */
  #bases(structure, respondents) {
    const joint = this.#joint();
    const { separator } = structure.keys;
    const reader = keyReader(structure.keys);
    const bases = new Map();
    for (const section of structure.sections.filter((s) => s.repeat)) {
      if (!joint.has(section.id)) continue;
      const which = (answers) =>
        JSON.stringify(
          baseAnswers(section, answers, separator)
            .filter(([key]) => key === section.id || reader.namedIn(key) === section.id)
            .sort(([a], [b]) => (a < b ? -1 : 1)),
        );
      const index = respondents.findIndex((r) => which(r.answers) === which(joint));
      if (index >= 0) bases.set(section.id, index);
    }
    return bases;
  }

  draw(structure, respondents, parts) {
    this.#drawnFor = [structure, respondents, parts];
    const joint = this.#joint();
    this.#questions = jointQuestions(structure, respondents, parts, this.#bases(structure, respondents));
    const titleId = nextId();
    this.#element.setAttribute("aria-labelledby", titleId);
    this.#element.replaceChildren(
      h("h2", { id: titleId, tabindex: "-1" }, "Gezamenlijke versie"),
      h(
        "p",
        {},
        "Schrijf samen één versie: begin per vraag bij de tekst van een deelnemer of voeg er meer samen, pas aan en vul aan wat ontbreekt. " +
          "Bij een stelling kiezen jullie samen een antwoord. Het blijft bij de sessie; met Exporteren bewaar je het als gewoon antwoordbestand.",
      ),
      h(
        "div",
        { class: "gk-toolbar__buttons" },
        h("button", { type: "button", class: "gk-button", "data-gk-action": "joint-export" }, "Gezamenlijke versie exporteren"),
        h("button", { type: "button", class: "gk-button", "data-gk-action": "joint-take" }, "Overnemen als mijn antwoorden"),
        h("button", { type: "button", class: "gk-button gk-button--quiet", "data-gk-action": "joint-print" }, "Gezamenlijke versie afdrukken"),
      ),
      ...this.#questions.map((section) => this.#section(section, respondents, joint)),
    );
  }

  #section(section, respondents, joint) {
    const id = nextId();
    const children = [h("h3", { id }, section.title)];
    if (section.repeat) {
      const select = nextId();
      children.push(
        h(
          "div",
          { class: "gk-field gk-joint__base" },
          h("label", { class: "gk-label", for: select }, `${section.title}: begin bij de antwoorden van`),
          h(
            "select",
            { class: "gk-input", id: select, "data-gk-base-of": section.id },
            respondents.map((r, i) => h("option", { value: r.id, selected: i === (section.base ?? 0) }, r.name)),
          ),
          h("button", { type: "button", class: "gk-button", "data-gk-base": section.id }, "Beginnen", hidden(` met ${section.title}`)),
        ),
      );
      if (section.base === null) {
        children.push(h("p", { class: "gk-compare__empty" }, "Kies bij wie jullie beginnen: diens activiteiten of partners komen in de gezamenlijke versie, met de teksten erbij."));
      }
    }
    children.push(section.items.map((item) => this.#item(item, joint)));
    for (const field of section.lists ?? []) {
      children.push(h("p", { class: "gk-compare__note" }, `${field.label}: dit zijn de afspraken van de sessie (Afspraken).`));
    }
    return h("div", { class: "gk-joint__section", role: "group", "aria-labelledby": id }, children);
  }

  #item(item, joint) {
    const control = nextId();
    const label = item.place ? `${item.place}: ${item.label}` : item.label;
    const value = joint.get(item.key);
    const theirs = item.answers.map(({ respondent, value: answer }) =>
      h("li", {}, nameOf(respondent), ": ", item.kind === "scale" ? scaleText(answer, item.scale) : answer),
    );
    if (item.kind === "scale") {
      const { options, dontKnow } = item.scale;
      return h(
        "div",
        { class: "gk-field gk-joint__item" },
        h("label", { class: "gk-label", for: control }, `Samen: ${label}`),
        h(
          "select",
          { class: "gk-input", id: control, "data-gk-joint": item.key },
          h("option", { value: NONE }, "Nog niet gekozen"),
          options.map((o) => h("option", { value: String(o.value), selected: value === o.value }, `${o.value} ${o.label}`)),
          dontKnow ? h("option", { value: dontKnow.value, selected: value === dontKnow.value }, dontKnow.label) : null,
        ),
        theirs.length ? h("ul", { class: "gk-compare__who", "aria-label": "Antwoord per deelnemer" }, theirs) : null,
      );
    }
    const box = h("textarea", { class: "gk-input", id: control, rows: "3", "data-gk-joint": item.key });
    box.value = typeof value === "string" ? value : "";
    return h(
      "div",
      { class: "gk-field gk-joint__item" },
      h("label", { class: "gk-label", for: control }, `Samen: ${label}`),
      box,
      item.answers.length
        ? h(
            "ul",
            { class: "gk-joint__theirs", "aria-label": `Antwoorden van de deelnemers: ${label}` },
            item.answers.map(({ respondent, value: answer }) =>
              h(
                "li",
                {},
                h("p", {}, nameOf(respondent), ": ", answer),
                h(
                  "button",
                  { type: "button", class: "gk-button gk-button--quiet", "data-gk-add": item.key, "data-gk-from": respondent.id },
                  "Tekst van ",
                  nameOf(respondent),
                  " toevoegen",
                  hidden(` bij ${label}`),
                ),
              ),
            ),
          )
        : h("p", { class: "gk-compare__empty" }, "Niemand heeft dit ingevuld."),
    );
  }
}
