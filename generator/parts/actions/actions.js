// An agreements list: rows the user adds ("Afspraak toevoegen") and removes (with Ongedaan maken,
// offered by the form), each asking the same columns. A row keeps the id it got when it was
// added; the hidden order field lists the rows, and restoring makes the rows it lists.
import { isId } from "../../client/answers.js";
import { announceChange, fromTemplate } from "../../client/dom.js";
import { newId } from "../../client/ids.js";

class GkActions extends HTMLElement {
  #listening = null;

  #onClick = (event) => {
    const action = event.target.closest("button[data-gk-action]")?.dataset.gkAction;
    if (action === "add-row") this.addRow();
    else if (action === "remove-row") this.#removeRow(event.target.closest("[data-gk-row]"));
  };

  connectedCallback() {
    this.#listening = new AbortController();
    this.addEventListener("click", this.#onClick, { signal: this.#listening.signal });
    this.refresh();
  }

  disconnectedCallback() {
    this.#listening?.abort();
  }

  /** Number the rows, list them in the order field, and show the buttons that can be used. */
  refresh() {
    const rows = this.#rows();
    rows.forEach((row, index) => {
      for (const number of row.querySelectorAll("[data-gk-number]")) number.textContent = index + 1;
      const remove = row.querySelector('[data-gk-action="remove-row"]');
      remove.setAttribute("aria-label", `${this.dataset.item} ${index + 1} verwijderen`);
      remove.hidden = false;
    });
    this.#order().value = rows.map((row) => row.dataset.gkRow).join(" ");
    const full = rows.length >= Number(this.dataset.max);
    this.#addButton().hidden = full;
    this.querySelector("[data-gk-full]").hidden = !full;
  }

  /** Make the rows those the answers list, in their order (none listed: the blank form's one);
   *  their values follow. */
  restore(answers) {
    const listed = answers.get(this.dataset.key);
    const wanted = Array.isArray(listed) ? listed : [this.dataset.first];
    if (!wanted.every(isId) || new Set(wanted).size !== wanted.length) return;
    if (wanted.length > Number(this.dataset.max)) return;
    const list = this.querySelector("[data-gk-rows]");
    const rows = new Map(this.#rows().map((row) => [row.dataset.gkRow, row]));
    for (const [id, row] of rows) if (!wanted.includes(id)) row.remove();
    // Only rows out of place move: one being typed in keeps the focus.
    wanted.forEach((id, index) => {
      const row = rows.get(id) ?? this.#newRow(id);
      if (list.children[index] !== row) list.insertBefore(row, list.children[index] ?? null);
    });
  }

  /** Put the focus in a row's first answer (one just brought back). */
  reveal(id) {
    this.#row(id)?.querySelector("input, textarea")?.focus();
  }

  /** Add an empty row at the end and put the cursor in it; returns its id (null: full). */
  addRow() {
    if (this.#rows().length >= Number(this.dataset.max)) return null;
    const id = newId(this.dataset.prefix);
    this.querySelector("[data-gk-rows]").append(this.#newRow(id));
    this.refresh();
    announceChange(this);
    this.reveal(id);
    return id;
  }

  #removeRow(row) {
    const name = row.querySelector(".gk-actions__number").textContent; // "Afspraak 2"
    row.remove();
    this.refresh();
    this.#addButton().focus();
    announceChange(this, { removed: { id: row.dataset.gkRow, name } });
  }

  #newRow(id) {
    return fromTemplate(this, "row", { __id__: id }).firstElementChild;
  }

  #rows() {
    return [...this.querySelectorAll("[data-gk-rows] > [data-gk-row]")];
  }

  #row(id) {
    return this.querySelector(`[data-gk-rows] > [data-gk-row="${CSS.escape(id)}"]`);
  }

  #order() {
    return this.querySelector("[data-gk-order]");
  }

  #addButton() {
    return this.querySelector('[data-gk-action="add-row"]');
  }
}

if (!customElements.get("gk-actions")) customElements.define("gk-actions", GkActions);
