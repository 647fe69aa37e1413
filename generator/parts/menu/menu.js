// A matrix of columns chosen from a menu. Un-choosing hides a column but keeps what was typed;
// own columns (named by the user) can be added, and removed for good after a question.
import { MAX_NAMED, isId } from "../../client/answers.js";
import { announceChange, fromTemplate, hasAnswer, showName } from "../../client/dom.js";
import { newId } from "../../client/ids.js";

/** How many items two lists share from their start. */
function sharedStart(a, b) {
  let count = 0;
  while (count < a.length && count < b.length && a[count] === b[count]) count += 1;
  return count;
}

class GkMenuMatrix extends HTMLElement {
  #listening = null;

  #onChange = (event) => {
    const box = event.target;
    if (box instanceof HTMLInputElement && box.name === this.dataset.section) {
      this.#column(box.value).hidden = !box.checked;
      // The column shows far from the menu: say so to those who cannot see it appear.
      const name = this.#column(box.value).querySelector("[data-gk-name]").textContent;
      this.querySelector("[data-gk-status]").textContent = box.checked
        ? `Kolom ${name} staat onder de menukaart.`
        : `Kolom ${name} is verborgen. Wat je erin had ingevuld, blijft bewaard.`;
    }
  };

  #onInput = (event) => {
    const id = event.target.dataset?.gkNames;
    if (id) this.#showName(id);
  };

  #onClick = (event) => {
    const button = event.target.closest("button[data-gk-action]");
    if (!button) return;
    if (button.dataset.gkAction === "add-own") {
      const name = this.#nameInput(this.addOwn());
      name.focus();
      name.select(); // typing replaces the default name
    } else if (button.dataset.gkAction === "remove-own") {
      this.#removeOwn(button.closest("[data-gk-own]").dataset.gkOwn);
    }
  };

  connectedCallback() {
    // One signal removes every listener again when the element leaves the page.
    this.#listening = new AbortController();
    const on = { signal: this.#listening.signal };
    this.addEventListener("change", this.#onChange, on);
    this.addEventListener("input", this.#onInput, on);
    this.addEventListener("click", this.#onClick, on);
    this.refresh();
  }

  disconnectedCallback() {
    this.#listening?.abort();
  }

  /** Show the chosen columns only, and every own column's name (also after a restore). */
  refresh() {
    for (const box of this.#menuBoxes()) this.#column(box.value).hidden = !box.checked;
    for (const entry of this.querySelectorAll("[data-gk-own]")) this.#showName(entry.dataset.gkOwn);
    this.#showRoom();
  }

  // An answer file holds at most MAX_NAMED own activities (answers.js): one more could be saved
  // but never come back, so the add button makes way for a note at that number.
  #showRoom() {
    const add = this.#addButton();
    if (!add) return;
    const full = this.#ownIds().length >= MAX_NAMED;
    add.hidden = full;
    const note = this.querySelector("[data-gk-menu-full]");
    note.hidden = !full;
    note.textContent = full
      ? `Je hebt het maximum van ${MAX_NAMED} bereikt voor "${add.dataset.gkOwnLabel}". Verwijder er een om een nieuwe toe te voegen.`
      : "";
  }

  /** Make the own columns those the answers name; values follow. Where a column's name is
   *  kept, the page says (`data-name-key`, made by generator/answer_keys.py, with `__id__` for
   *  the column's id). */
  restore(answers) {
    const [before, after] = this.dataset.nameKey.split("__id__");
    // The menu's own options (an own column's box is on the menu too, but not one of them).
    const fixed = [...this.#menuBoxes()].filter((box) => !box.closest("[data-gk-own]"));
    const menu = new Set(fixed.map((box) => box.value));
    const own = new Map();
    for (const [key, name] of answers) {
      const id = key.startsWith(before) && key.endsWith(after) ? key.slice(before.length, -after.length) : "";
      if (isId(id) && !menu.has(id)) own.set(id, name); // one id, not a path of them
    }
    for (const id of this.#ownIds()) if (!own.has(id)) this.#drop(id);
    // From the first column out of place on (one put back by Ongedaan maken), they are added anew.
    const current = this.#ownIds();
    const wanted = [...own.keys()];
    const kept = sharedStart(current, wanted);
    for (const id of current.slice(kept)) this.#drop(id);
    for (const id of wanted.slice(kept)) {
      const name = own.get(id);
      this.addOwn({ id, name: typeof name === "string" ? name : "" });
    }
  }

  /** Put the focus on an own column's name (one just brought back). */
  reveal(id) {
    this.#nameInput(id)?.focus();
  }

  /** Add an own column, chosen, and return its id. */
  addOwn({ id = newId("eigen"), name = "" } = {}) {
    const numbers = [...this.querySelectorAll("[data-gk-number]")].map((n) => Number(n.textContent));
    const number = String(Math.max(0, ...numbers) + 1);
    this.querySelector("[data-gk-menu]").append(fromTemplate(this, "menu-entry", { __id__: id }));
    this.querySelector("[data-gk-columns]").append(
      fromTemplate(this, "column", { __id__: id, __number__: number }),
    );
    // The default name is an answer like any other: saved, and the same after a reload.
    const defaultName = `${this.#addButton().dataset.gkOwnLabel} ${number}`;
    const input = this.#nameInput(id);
    input.value = name || defaultName;
    input.dataset.gkFallback = defaultName;
    this.#showName(id);
    this.#showRoom();
    announceChange(this);
    return id;
  }

  #removeOwn(id) {
    const name = this.#displayName(id);
    const column = this.#column(id);
    const question = hasAnswer(column)
      ? `"${name}" en wat je daarbij hebt ingevuld verwijderen?`
      : `"${name}" verwijderen?`;
    if (!window.confirm(question)) return;
    this.#drop(id);
    this.#addButton().focus();
    announceChange(this, { removed: { id, name: `"${name}"` } });
  }

  /** Take an own column and its menu entry off the page. */
  #drop(id) {
    this.#column(id).remove();
    this.querySelector(`[data-gk-own="${CSS.escape(id)}"]`).remove();
    this.#showRoom();
  }

  #ownIds() {
    return [...this.querySelectorAll("[data-gk-own]")].map((entry) => entry.dataset.gkOwn);
  }

  #showName(id) {
    showName(this, id, this.#displayName(id));
  }

  #displayName(id) {
    const input = this.#nameInput(id);
    return input.value.trim() || input.dataset.gkFallback || "";
  }

  #menuBoxes() {
    return this.querySelectorAll(`input[type=checkbox][name="${CSS.escape(this.dataset.section)}"]`);
  }

  #column(id) {
    return this.querySelector(`[data-gk-column="${CSS.escape(id)}"]`);
  }

  #nameInput(id) {
    return this.querySelector(`[data-gk-names="${CSS.escape(id)}"]`);
  }

  #addButton() {
    return this.querySelector('[data-gk-action="add-own"]');
  }
}

if (!customElements.get("gk-menu-matrix")) customElements.define("gk-menu-matrix", GkMenuMatrix);
