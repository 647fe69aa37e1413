// The group's joint version (Gezamenlijke versie): one answer set written together from the
// session. Per question it starts from one participant's text or several combined (Tekst van …
// toevoegen), is edited, and what is missing filled in; a statement on a scale takes an agreed
// value. A repeated part (the matrix's activities, the 8-tje's partners) can start from one
// participant's (Beginnen), and takes in any activity or partner only others have (Toevoegen),
// texts and all; their texts are then edited the same way. The agreements list of the
// instrument is the session's Afspraken. The answers are the session's own (a Map): every edit
// is handed to `changed`, which keeps the session.
import { MAX_NAMED, Store, fromFile } from "../answers.js";
import { download, fileName } from "../files.js";
import { keyScheme } from "../keys.js";
import { textSections } from "./line-up.js";
import { JOINT_NAME, jointAnswerFile } from "./session.js";
import { ownAnswers, takeOver } from "./take-over.js";
import { h, hidden, nameOf, nextId } from "./elements.js";

const NONE = "";

/** A scale's answer as its text: "4 (Eens)", or the label of "weet niet". */
function scaleText(value, scale) {
  if (scale.dontKnow && value === scale.dontKnow.value) return scale.dontKnow.label;
  const option = scale.options.find((o) => o.value === value);
  return option ? `${option.value} (${option.label})` : null;
}

/**
 * The questions of the joint version, per section: `[{ id, title, repeat, items, missing }]`.
 * An item is `{ kind: "scale" | "text", key, label, place, field, scale, answers: [{
 * respondent, value }] }`: the joint version's key and everyone's answer to it. A repeated
 * section is lined up with the joint version as one more participant: its items are the
 * activities or partners the joint version has; `missing` those only participants have, each
 * as `{ heading, from, id }` (the first participant who has it, and its id there). Links
 * between two partners come with the partners.
 */
export function jointQuestions(structure, joint, respondents, parts) {
  const keys = keyScheme(structure.keys);
  const lined = new Map(
    textSections(structure, [joint, ...respondents.map(({ answers }) => answers)], parts).map((section) => [section.id, section]),
  );
  const scales = new Map(structure.scales.map((scale) => [scale.id, scale]));
  // Everyone's answer under their own key (keyOf(i) for participant i; null: they lack it).
  const everyone = (keyOf, field) =>
    respondents
      .map((respondent, i) => ({ respondent, value: keyOf(i) === null ? undefined : respondent.answers.get(keyOf(i)) }))
      .filter(({ value }) =>
        field.type === "scale" ? scaleText(value, scales.get(field.scale)) !== null : typeof value === "string" && value.trim() !== "",
      );
  return structure.sections.map((section) => {
    if (section.repeat) {
      const items = [];
      const missing = [];
      for (const group of lined.get(section.id)?.groups ?? []) {
        const [own, ...theirs] = group.rows[0]?.keys ?? [];
        if (own === undefined) continue;
        if (own !== null) {
          for (const row of group.rows) {
            items.push({ kind: "text", key: row.keys[0], label: row.field.label, place: group.heading, field: row.field, answers: everyone((i) => row.keys[i + 1], row.field) });
          }
          continue;
        }
        const from = theirs.findIndex((key) => key !== null);
        const id = from < 0 ? null : keys.split(theirs[from])[1];
        // A partner has a group per level ("ROC, Bestuurlijk"): it is named by the partner.
        const heading = section.repeat.type === "parties" ? group.heading.split(structure.keys.place)[0] : group.heading;
        if (id !== null && !keys.isLink(id)) missing.push({ heading, from, id });
      }
      return { id: section.id, title: section.title, repeat: true, items, missing: dedupe(missing) };
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
    return { id: section.id, title: section.title, repeat: false, items, lists: section.fields.filter((f) => parts[f.type]) };
  });
}

/** One entry per activity or partner (a partner has a group per level: the first names it). */
const dedupe = (missing) => {
  const seen = new Set();
  return missing.filter(({ from, id }) => !seen.has(`${from} ${id}`) && seen.add(`${from} ${id}`));
};

/** What a participant's answers hold of a repeated section: which activities or partners, in
 *  order, their names and their texts. */
export function sectionAnswers(section, answers, separator) {
  const prefix = section.id + separator;
  return [...answers].filter(([key]) => key === section.id || key.startsWith(prefix));
}

/** Add one activity or partner (`id`) of a participant's answers to the joint version: its name
 *  and texts, at the end of the section's order (a form's own partners when it has none yet),
 *  under an id of its own there. False when the section holds as many as a form can. */
export function addThing(section, joint, answers, id, keys) {
  const listed = joint.get(section.id);
  const order = Array.isArray(listed) ? listed : (section.repeat.parties ?? []).map((party) => party.id);
  if (order.length >= MAX_NAMED) return false;
  let own = id;
  for (let n = 2; order.includes(own); n += 1) own = `${id}-${n}`;
  joint.set(section.id, [...order, own]);
  for (const [key, value] of answers) {
    const [first, second, ...rest] = keys.split(key);
    if (first === section.id && second === id && rest.length) joint.set(keys.key(section.id, own, ...rest), value);
  }
  return true;
}

export class JointPanel {
  #element;
  #joint; // () => the joint version (a Map), changed in place
  #agreements; // () => the session's agreements
  #changed;
  #said;
  #drawnFor = null;
  #questions = [];

  #tookOver;
  #store = new Store();

  /** `element`: where the panel is drawn; `joint()`, `agreements()`: the session's; `changed()`:
   *  keep the session; `say(text)`: tell the visitor; `tookOver()`: the joint version is now
   *  this browser's own answers. */
  constructor(element, { joint, agreements, changed, say, tookOver }) {
    this.#element = element;
    this.#joint = joint;
    this.#agreements = agreements;
    this.#changed = changed;
    this.#said = say;
    this.#tookOver = tookOver;
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
    const action = button.dataset.gkJointAction;
    if (action === "export") this.export();
    else if (action === "take") this.takeOver();
    else if (action === "print") this.print();
    else if (button.dataset.gkAdd !== undefined) this.#addText(button);
    else if (button.dataset.gkBase !== undefined) this.#startFrom(button.dataset.gkBase);
    else if (button.dataset.gkMissing !== undefined) this.#addMissing(button);
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
    const { separator } = structure.keys;
    for (const [key] of sectionAnswers(section, joint, separator)) joint.delete(key);
    for (const [key, value] of sectionAnswers(section, respondent.answers, separator)) joint.set(key, value);
    this.#changed();
    this.draw(...this.#drawnFor);
    this.#element.querySelector(`[data-gk-base-of="${CSS.escape(sectionId)}"]`)?.focus();
    this.#said(`${section.title}: de gezamenlijke versie begint nu bij die van ${respondent.name}.`);
  }

  /** Add an activity or partner only a participant has to the joint version, with its texts. */
  #addMissing(button) {
    const [structure, respondents] = this.#drawnFor;
    const { gkMissing: sectionId, gkFrom: from, gkThing: id, gkHeading: heading } = button.dataset;
    const section = structure.sections.find((s) => s.id === sectionId);
    const respondent = respondents.find((r) => r.id === from);
    if (!section || !respondent) return;
    if (!addThing(section, this.#joint(), respondent.answers, id, keyScheme(structure.keys))) {
      this.#said(`${section.title}: de gezamenlijke versie heeft er al ${MAX_NAMED}, meer kan het formulier niet tonen.`);
      return;
    }
    this.#changed();
    this.draw(...this.#drawnFor);
    this.#element.querySelector(`[data-gk-base-of="${CSS.escape(sectionId)}"]`)?.focus();
    this.#said(`${heading} staat nu in de gezamenlijke versie, met de teksten van ${respondent.name}.`);
  }

  draw(structure, respondents, parts) {
    this.#drawnFor = [structure, respondents, parts];
    const joint = this.#joint();
    this.#questions = jointQuestions(structure, joint, respondents, parts);
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
        h("button", { type: "button", class: "gk-button", "data-gk-joint-action": "export" }, "Gezamenlijke versie exporteren"),
        h("button", { type: "button", class: "gk-button", "data-gk-joint-action": "take" }, "Overnemen als mijn antwoorden"),
        h("button", { type: "button", class: "gk-button gk-button--quiet", "data-gk-joint-action": "print" }, "Gezamenlijke versie afdrukken"),
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
            respondents.map((r) => h("option", { value: r.id }, r.name)),
          ),
          h("button", { type: "button", class: "gk-button", "data-gk-base": section.id }, "Beginnen", hidden(` met ${section.title}`)),
        ),
        h(
          "p",
          { class: "gk-compare__rule" },
          "Beginnen zet de activiteiten of partners van die deelnemer in de gezamenlijke versie, met de teksten erbij, in plaats van wat er stond.",
        ),
      );
    }
    children.push(section.items.map((item) => this.#item(item, joint)));
    if (section.missing?.length) {
      const missingId = nextId();
      children.push(
        h("h4", { id: missingId }, "Nog niet in de gezamenlijke versie"),
        h(
          "ul",
          { class: "gk-joint__theirs", "aria-labelledby": missingId },
          section.missing.map(({ heading, from, id }) =>
            h(
              "li",
              {},
              h("p", {}, heading, " (bij ", nameOf(respondents[from]), ")"),
              h(
                "button",
                {
                  type: "button",
                  class: "gk-button gk-button--quiet",
                  "data-gk-missing": section.id,
                  "data-gk-from": respondents[from].id,
                  "data-gk-thing": id,
                  "data-gk-heading": heading,
                },
                `Toevoegen: ${heading}`,
              ),
            ),
          ),
        ),
      );
    }
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

  // --- taking it away ---------------------------------------------------------------------------

  get #instrument() {
    const [{ id, version, keys }] = this.#drawnFor;
    return { id, version, keys };
  }

  /** The joint version as an answer file, with the session's agreements in its agreements list. */
  #file() {
    return jointAnswerFile(this.#drawnFor[0], this.#instrument, this.#joint(), this.#agreements());
  }

  /** Save the joint version as an ordinary answer file (respondent "Gezamenlijk"). */
  export() {
    download(fileName(this.#instrument.id, [JOINT_NAME]), this.#file());
  }

  /** Print the joint version as its instrument prints (the poster, the figure eight, the
   *  table): the instrument's page shows it in a hidden frame, from this tab's storage. */
  async print() {
    try {
      const [{ jointKey }, { printBlank }, { JOINT }] = await Promise.all([
        import("../print-joint.js"),
        import("../print-blank.js"),
        import("../print.js"),
      ]);
      sessionStorage.setItem(jointKey(this.#instrument.id), JSON.stringify(this.#file()));
      printBlank(JOINT, new URL("../", window.location.href).pathname);
    } catch {
      this.#said("De gezamenlijke versie kon niet worden afgedrukt: de verbinding met de site is weg, of deze browser laat de site niets opslaan.");
    }
  }

  /** Make the joint version this browser's own answers on the instrument (after asking, when
   *  there are some). */
  takeOver() {
    const before = ownAnswers(this.#store, this.#instrument);
    const question =
      "Je eigen antwoorden op dit instrument in deze browser worden vervangen door de gezamenlijke versie. " +
      "Wil je ze bewaren, exporteer ze dan eerst op de pagina van het instrument. Doorgaan?";
    if (before !== null && !window.confirm(question)) return;
    try {
      takeOver(this.#store, this.#instrument, fromFile(this.#file(), this.#instrument), before);
      this.#said("De gezamenlijke versie staat nu als jouw antwoorden in deze browser. Je vindt ze op de pagina van het instrument.");
    } catch {
      this.#said("De gezamenlijke versie kon niet worden overgenomen: deze browser laat de site niets opslaan. Exporteer haar als bestand.");
    }
    this.#tookOver();
  }
}
