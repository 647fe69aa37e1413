// Parties side by side on the same levels (het 8-tje). The diagram leads to each box and link
// and shows which are still empty; parties can be added (up to a maximum), renamed and removed.
import { isId } from "../../client/answers.js";
import { announceChange, fromTemplate, hasAnswer, newId, sharedStart, showName } from "../../client/dom.js";

const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

class GkParties extends HTMLElement {
  #listening = null;

  #onInput = (event) => {
    const id = event.target.dataset?.gkNames;
    if (id) this.#showName(id);
    const group = event.target.closest("[data-gk-group]");
    if (group) this.#showState(group.dataset.gkGroup);
  };

  #onClick = (event) => {
    const target = event.target.closest("[data-gk-target]");
    if (target) {
      event.preventDefault();
      event.stopPropagation(); // or Material's instant navigation follows the link, moving focus
      this.open(target.dataset.gkTarget);
      return;
    }
    const button = event.target.closest("button[data-gk-action]");
    if (button?.dataset.gkAction === "add-party") {
      const id = this.addParty();
      if (id) {
        const name = this.#nameInput(id);
        name.focus();
        name.select(); // typing replaces the default name
      }
    } else if (button?.dataset.gkAction === "remove-party") {
      this.#removeParty(button.closest("[data-gk-party]").dataset.gkParty);
    }
  };

  connectedCallback() {
    // One signal removes every listener again when the element leaves the page.
    this.#listening = new AbortController();
    const on = { signal: this.#listening.signal };
    this.addEventListener("input", this.#onInput, on);
    this.addEventListener("change", this.#onInput, on);
    this.addEventListener("click", this.#onClick, on);
    this.refresh();
  }

  disconnectedCallback() {
    this.#listening?.abort();
  }

  /** Bring every name, state, button and the order field up to date (also after a restore). */
  refresh() {
    const order = this.#order();
    for (const id of order) this.#showName(id);
    for (const link of this.querySelectorAll("[data-gk-target]")) {
      this.#showState(link.dataset.gkTarget);
    }
    this.querySelector("[data-gk-order]").value = order.join(" ");
    this.#addButton().hidden = order.length >= Number(this.dataset.max);
    for (const button of this.querySelectorAll('[data-gk-action="remove-party"]')) {
      button.hidden = order.length <= Number(this.dataset.min);
    }
  }

  /** Make the parties those the answers list, in their order; their names and values follow. */
  restore(answers) {
    const listed = answers.get(this.dataset.section);
    const wanted = Array.isArray(listed) ? listed.filter(isId) : [];
    if (new Set(wanted).size !== wanted.length) return;
    if (wanted.length < Number(this.dataset.min) || wanted.length > Number(this.dataset.max)) return;
    for (const id of this.#order()) if (!wanted.includes(id)) this.#drop(id);
    // From the first party out of place on (one put back by Ongedaan maken), they are laid out
    // anew, from the last: so no link is made between parties that are both going.
    const current = this.#order();
    const kept = sharedStart(current, wanted);
    for (const id of current.slice(kept).reverse()) this.#drop(id);
    for (const id of wanted.slice(kept)) this.#append(id);
  }

  /** Put the focus on a party's name (one just brought back). */
  reveal(id) {
    this.#nameInput(id)?.focus();
  }

  /** Move to a box or link's fields: scroll it into view and put the cursor in its first field. */
  open(key) {
    const group = this.#group(key);
    group.scrollIntoView({ block: "start" });
    (group.querySelector("textarea, input") ?? group).focus({ preventScroll: true });
  }

  /** Add a party after the last one and return its id, or null at the maximum. */
  addParty({ id = newId("partner"), name } = {}) {
    if (this.#order().length >= Number(this.dataset.max)) return null;
    this.#append(id, name);
    this.refresh();
    announceChange(this);
    return id;
  }

  #append(id, name) {
    const defaultName = this.#nextDefaultName();
    const last = this.#order().at(-1);
    const diagram = fromTemplate(this, "party-diagram", { __id__: id });
    const list = fromTemplate(this, "party-list", { __id__: id });
    if (last) {
      const across = { __left__: last, __right__: id };
      this.#diagram(last).after(fromTemplate(this, "across-diagram", across), diagram);
      this.#party(last).after(fromTemplate(this, "across-list", across), list);
    } else {
      // The first (a restore that lays them all out anew).
      this.querySelector("[data-gk-diagram]").append(diagram);
      this.querySelector("[data-gk-list]").append(list);
    }
    const party = this.#party(id);
    party.dataset.gkDefaultName = defaultName;
    party.querySelector("[data-gk-default-label]").textContent = defaultName;
    this.#nameInput(id).value = name ?? defaultName;
  }

  #removeParty(id) {
    if (this.#order().length <= Number(this.dataset.min)) return;
    const parts = [this.#party(id), ...this.querySelectorAll(this.#acrossSelector(id))];
    const name = this.#displayName(id);
    const question = `${name} en alles wat bij deze ${this.dataset.party.toLowerCase()} is ingevuld verwijderen?`;
    if (parts.some(hasAnswer) && !window.confirm(question)) return;
    this.#drop(id);
    this.refresh();
    this.#addButton().focus();
    announceChange(this, { removed: { id, name } });
  }

  /** Take a party and its links off the page; its neighbours get a link of their own. */
  #drop(id) {
    const order = this.#order();
    const index = order.indexOf(id);
    const parts = [this.#party(id), this.#diagram(id), ...this.querySelectorAll(this.#acrossSelector(id))];
    for (const part of parts) part.remove();
    const [left, right] = [order[index - 1], order[index + 1]];
    if (left && right) {
      const across = { __left__: left, __right__: right };
      this.#diagram(left).after(fromTemplate(this, "across-diagram", across));
      this.#party(left).after(fromTemplate(this, "across-list", across));
    }
  }

  #nextDefaultName() {
    // The letter after the last one in use: a partner added after C is D, even if B was removed.
    const names = [...this.querySelectorAll("[data-gk-list] > [data-gk-party]")].map(
      (p) => p.dataset.gkDefaultName,
    );
    const word = this.dataset.party;
    const used = names.map((n) => LETTERS.indexOf(n.slice(word.length + 1)));
    const next =
      LETTERS[Math.max(...used) + 1] ?? [...LETTERS].find((l) => !names.includes(`${word} ${l}`));
    return `${word} ${next}`;
  }

  #showName(id) {
    showName(this, id, this.#displayName(id));
  }

  #displayName(id) {
    const input = this.#nameInput(id);
    return input.value.trim() || this.#party(id).dataset.gkDefaultName;
  }

  #showState(key) {
    const filled = hasAnswer(this.#group(key));
    for (const link of this.querySelectorAll(`[data-gk-target="${CSS.escape(key)}"]`)) {
      link.classList.toggle("is-filled", filled);
      link.querySelector("[data-gk-state]").textContent = filled ? " (ingevuld)" : " (leeg)";
    }
  }

  #order() {
    return [...this.querySelectorAll("[data-gk-list] > [data-gk-party]")].map((p) => p.dataset.gkParty);
  }

  #acrossSelector(id) {
    const escaped = CSS.escape(id);
    return `[data-gk-across^="${escaped}--"], [data-gk-across$="--${escaped}"]`;
  }

  #party(id) {
    return this.querySelector(`[data-gk-list] > [data-gk-party="${CSS.escape(id)}"]`);
  }

  #diagram(id) {
    return this.querySelector(`[data-gk-diagram] > [data-gk-party="${CSS.escape(id)}"]`);
  }

  #group(key) {
    return this.querySelector(`[data-gk-group="${CSS.escape(key)}"]`);
  }

  #nameInput(id) {
    return this.querySelector(`[data-gk-names="${CSS.escape(id)}"]`);
  }

  #addButton() {
    return this.querySelector('[data-gk-action="add-party"]');
  }
}

if (!customElements.get("gk-parties")) customElements.define("gk-parties", GkParties);
