// The session's agreements (Afspraken): what, who and when, written by the facilitator while the
// group talks; under them the agreements the participants wrote in their own files (an
// agreements list in the instrument), each of which can be taken over. The rows are the
// session's own (`session.agreements`): every edit is handed to `changed`, which keeps the
// session. Drawn again only when rows come or go, so typing never loses its place.
import { AGREEMENT_FIELDS } from "./session.js";
import { textSections } from "./line-up.js";
import { h, nameOf, nextId } from "./elements.js";

const MAX_ROWS = 200;

/** Everyone's agreements from their files, as `{ respondent, values: { wat, wie, wanneer } }`:
 *  an instrument's columns by their id where they are called the same, else in their order. */
export function participantsAgreements(structure, respondents, parts) {
  if (!parts.actions) return [];
  const sections = textSections(structure, respondents.map(({ answers }) => answers), parts);
  return sections
    .flatMap(({ groups }) => groups.filter((group) => group.list))
    .flatMap(({ list }) =>
      list.rows.map(({ respondent, values }) => {
        const byId = new Map(list.columns.map(({ id }, i) => [id, values[i]]));
        const mapped = AGREEMENT_FIELDS.map(({ id }, i) => [id, byId.has(id) ? byId.get(id) : (values[i] ?? "")]);
        return { respondent: respondents[respondent], values: Object.fromEntries(mapped) };
      }),
    );
}

export class AgreementsPanel {
  #element;
  #session; // () => the session's agreements, changed in place
  #changed;
  #said;
  #drawnFor = null; // what it was last drawn for: [structure, respondents, parts]
  #theirs = [];

  /** `element`: where the panel is drawn; `rows()`: the session's agreements; `changed()`: keep
   *  the session; `say(text)`: tell the visitor (the page's status line). */
  constructor(element, { rows, changed, say }) {
    this.#element = element;
    this.#session = rows;
    this.#changed = changed;
    this.#said = say;
    element.addEventListener("input", this.#onInput);
    element.addEventListener("click", this.#onClick);
  }

  get #rows() {
    return this.#session();
  }

  #onInput = (event) => {
    const { gkRow: row, gkColumn: column } = event.target.dataset;
    if (row === undefined) return;
    this.#rows[Number(row)][column] = event.target.value;
    this.#changed();
  };

  #onClick = (event) => {
    const button = event.target.closest?.("button");
    if (!button) return;
    const { gkAgreement: action, gkIndex: index } = button.dataset;
    if (action === "add") this.add({});
    else if (action === "remove") this.remove(Number(index));
    else if (action === "take") this.add(this.#theirs[Number(index)].values, true);
  };

  /** Draw the panel for these respondents; `structure`, `parts`: see comparison-view.js. */
  draw(structure, respondents, parts) {
    this.#drawnFor = [structure, respondents, parts];
    this.#theirs = participantsAgreements(structure, respondents, parts);
    const titleId = nextId();
    const rows = this.#rows.map((row, index) =>
      h(
        "li",
        { class: "gk-session-agreements__row" },
        AGREEMENT_FIELDS.map(({ id, label }) => {
          const control = `${titleId}-${index}-${id}`;
          const attributes = { class: "gk-input", id: control, "data-gk-row": index, "data-gk-column": id, autocomplete: "off" };
          return h(
            "div",
            { class: `gk-field gk-session-agreements__${id}` },
            h("label", { class: "gk-label", for: control }, `Afspraak ${index + 1}: ${label}`),
            id === "wat"
              ? Object.assign(h("textarea", { ...attributes, rows: "2" }), { value: row[id] ?? "" })
              : Object.assign(h("input", { ...attributes, type: "text" }), { value: row[id] ?? "" }),
          );
        }),
        h(
          "button",
          { type: "button", class: "gk-button gk-button--quiet", "data-gk-agreement": "remove", "data-gk-index": index },
          `Afspraak ${index + 1} verwijderen`,
        ),
      ),
    );
    const theirsId = nextId();
    this.#element.replaceChildren(
      h("h2", { id: titleId, tabindex: "-1" }, "Afspraken van deze sessie"),
      h("p", {}, "Wat spreken jullie af, wie doet het en wanneer? Schrijf het hier op terwijl jullie praten: het blijft bij de sessie."),
      rows.length
        ? h("ol", { class: "gk-session-agreements", "aria-labelledby": titleId }, rows)
        : h("p", { class: "gk-compare__empty" }, "Nog geen afspraken."),
      h(
        "button",
        { type: "button", class: "gk-button", "data-gk-agreement": "add", disabled: this.#rows.length >= MAX_ROWS },
        "Afspraak toevoegen",
      ),
      ...(this.#theirs.length
        ? [
            h("h3", { id: theirsId }, "Afspraken van de deelnemers"),
            h("p", {}, "Wat deelnemers zelf als afspraak invulden. Neem over wat de groep afspreekt."),
            h(
              "ul",
              { class: "gk-session-agreements__theirs", "aria-labelledby": theirsId },
              this.#theirs.map(({ respondent, values }, index) =>
                h(
                  "li",
                  {},
                  h("p", {}, nameOf(respondent), ": ", AGREEMENT_FIELDS.map(({ id, label }) => (values[id] ? `${label}: ${values[id]}. ` : ""))),
                  h(
                    "button",
                    { type: "button", class: "gk-button gk-button--quiet", "data-gk-agreement": "take", "data-gk-index": index },
                    `Overnemen: ${values.wat || values.wie || values.wanneer}`,
                  ),
                ),
              ),
            ),
          ]
        : []),
    );
  }

  #redraw() {
    this.draw(...this.#drawnFor);
  }

  /** Add a row (empty, or taken over from a participant) and put the cursor in it. */
  add(values, taken = false) {
    if (this.#rows.length >= MAX_ROWS) return;
    this.#rows.push(Object.fromEntries(AGREEMENT_FIELDS.map(({ id }) => [id, values[id] ?? ""])));
    this.#changed();
    this.#redraw();
    const number = this.#rows.length;
    this.#element.querySelector(`[data-gk-row="${number - 1}"][data-gk-column="wat"]`)?.focus();
    this.#said(taken ? `Afspraak ${number} is overgenomen.` : `Afspraak ${number} is toegevoegd.`);
  }

  /** Remove a row; the cursor goes to the next one, or to Afspraak toevoegen. */
  remove(index) {
    this.#rows.splice(index, 1);
    this.#changed();
    this.#redraw();
    const next = this.#element.querySelector(`[data-gk-row="${Math.min(index, this.#rows.length - 1)}"][data-gk-column="wat"]`);
    (next ?? this.#element.querySelector('[data-gk-agreement="add"]')).focus();
    this.#said(`Afspraak ${index + 1} is verwijderd.`);
  }
}
