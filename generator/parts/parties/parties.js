// Parties side by side on the same levels (het 8-tje). The diagram leads to each box and link
// and shows which are still empty: the parties in order, each a loop of its levels, and under
// them the links between two parties. Parties can be added (up to a maximum), renamed, moved and
// removed, and any two parties linked (or unlinked): parties-edit.js, loaded as it is reached for.
import { endsOf, isId, linksOf, storageKey } from "../../client/answers.js";
import { announceChange, fromTemplate, hasAnswer, showName } from "../../client/dom.js";
import { blankView } from "../../client/print.js";

const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const ORDER = "[data-gk-order]:not([data-gk-link-order])";

/** Put these nodes in the container in this order; nothing moves when they already are (a node
 *  moved loses the focus, and restoring the same answers must not take it away). */
const arrange = (container, nodes) => {
  const children = [...container.children];
  if (nodes.length !== children.length || nodes.some((node, i) => node !== children[i])) container.replaceChildren(...nodes);
};
class GkParties extends HTMLElement {
  #listening = null;
  #ahead = null; // parties and links made ahead for the first restore, by id (parties-ahead.js)

  #onInput = (event) => {
    const id = event.target.dataset?.gkNames;
    if (id) this.#showName(id);
    const group = event.target.closest("[data-gk-group]");
    if (group) this.showState(group);
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
    if (button && button.dataset.gkAction !== "undo") {
      this.#edit().then(
        (edit) => edit[button.dataset.gkAction]?.(this, button),
        () => ((status) => (status.textContent = status.dataset.gkOffline))(this.querySelector("[data-gk-connect-status]")),
      );
    }
  };

  // Adding, moving, linking and removing: their code loads as the part is first reached for
  // (parties-edit.js), and is there by the time a button is pressed.
  #editing = null;
  #edit = () =>
    (this.#editing ??= import("./parties-edit.js").catch((error) => {
      this.#editing = null;
      throw error;
    }));

  connectedCallback() {
    // One signal removes every listener again when the element leaves the page.
    this.#listening = new AbortController();
    const on = { signal: this.#listening.signal };
    this.addEventListener("input", this.#onInput, on);
    this.addEventListener("change", this.#onInput, on);
    this.addEventListener("click", this.#onClick, on);
    for (const use of ["pointerdown", "focusin"]) this.addEventListener(use, () => this.#edit().catch(() => {}), { ...on, once: true });
    this.#layout();
    this.refresh();
    this.madeAhead = this.#makeAhead();
  }

  /** Parties and links the stored answers have beyond the page's own are made ahead: off the
   *  page, with their answers in, one a task (parties-ahead.js, loaded only then). Restoring
   *  them then takes the page one short step, where six partners and their links (1,500
   *  elements) otherwise blocked a slow phone for a third of a second. The form starts once
   *  they are made (the end of this module); without them, a restore makes them itself. */
  async #makeAhead() {
    const form = this.closest("gk-instrument");
    try {
      if (!blankView() && localStorage.getItem(storageKey(form.dataset.instrument))) {
        this.#ahead = await (await import("./parties-ahead.js")).makeAhead(this, form.instrument);
      }
    } catch {
      // Storage blocked, or the code not here (offline): the restore makes them.
    }
  }

  disconnectedCallback() {
    this.#listening?.abort();
  }

  /** Bring every name, state, button, choice and order field up to date (also after a restore). */
  refresh() {
    const order = this.order();
    for (const id of order) this.#showName(id);
    // Each box's state is looked for in the diagram only: a restore does this for a hundred.
    const diagram = this.querySelector(".gk-diagram");
    for (const group of this.querySelectorAll("[data-gk-group]")) this.showState(group, diagram);
    this.querySelector(ORDER).value = order.join(" ");
    // Saved only when the links are other than each party with its neighbour (what a file
    // without them means): a file from before links could be chosen comes back out the same.
    const links = this.querySelector("[data-gk-link-order]");
    links.value = this.links().join(" ");
    links.dataset.gkBlank = linksOf(order).join(" ");
    this.addButton().hidden = order.length >= Number(this.dataset.max);
    for (const button of this.querySelectorAll('[data-gk-action="removeParty"]')) {
      button.hidden = order.length <= Number(this.dataset.min);
    }
    this.querySelectorAll("[data-gk-connect]").forEach((select, which) => {
      const chosen = order.includes(select.value) ? select.value : order.at(-which);
      // Made again only when the parties changed (their names follow them: showName).
      if ([...select.options].map((option) => option.value).join(" ") !== order.join(" ")) {
        select.replaceChildren(
          ...order.map((id) => {
            const option = new Option(this.displayName(id), id);
            option.dataset.gkName = id;
            return option;
          }),
        );
      }
      select.value = chosen;
    });
  }

  /** Make the parties those the answers list, in their order, linked as they list (a file
   *  without links: each with its neighbour); their names and values follow. */
  restore(answers) {
    const listed = answers.get(this.dataset.section);
    const wanted = Array.isArray(listed) ? listed.filter(isId) : [];
    if (new Set(wanted).size !== wanted.length) return;
    if (wanted.length < Number(this.dataset.min) || wanted.length > Number(this.dataset.max)) return;
    const current = this.order();
    if (wanted.length !== current.length || wanted.some((id) => !current.includes(id))) {
      // From the first party out of place on, they are laid out anew, in order: a party put
      // back by Ongedaan maken gets its name back.
      let kept = 0;
      while (current[kept] !== undefined && current[kept] === wanted[kept]) kept += 1;
      for (const id of current.slice(kept)) this.drop(id);
      for (const id of wanted.slice(kept)) this.append(id);
    }
    arrange(this.querySelector("[data-gk-list]"), wanted.map((id) => this.party(id)));
    const links = linksOf(wanted, answers.get(this.querySelector("[data-gk-link-order]").name));
    for (const link of this.links()) if (!links.includes(link)) this.dropLink(link);
    for (const link of links) if (!this.across(link)) this.appendLink(link);
    arrange(this.querySelector("[data-gk-links]"), links.map((link) => this.across(link)));
    this.#ahead = null;
    this.#layout();
    requestAnimationFrame(() => this.unfold()); // the first one too: the diagram's frame is full
  }

  /** Show the parties and links made from the templates, which come hidden (their parts in the
   *  diagram too): after a restore, one part a frame, so that no frame lays them all out (six
   *  partners and their links are 1,500 elements, which blocked a slow phone for a third of a
   *  second); their answers are in place at once. All at once (`all`) where one is wanted. */
  unfold(all) {
    for (const later of this.querySelectorAll(":is(.gk-diagram__party, .gk-diagram__across, .gk-party, .gk-across)[hidden]")) {
      later.hidden = false;
      if (!all) return requestAnimationFrame(() => this.unfold());
    }
  }

  /** Put the focus on a party's name, or a link's first field (one just brought back). */
  reveal(id) {
    this.unfold(true);
    (this.nameInput(id) ?? this.across(id)?.querySelector("textarea, input"))?.focus();
  }

  /** Move to a box or link's fields: scroll it into view and put the cursor in its first field. */
  open(key) {
    this.unfold(true);
    const group = this.#group(key);
    group.scrollIntoView({ block: "start" });
    (group.querySelector("textarea, input") ?? group).focus({ preventScroll: true });
  }

  // What follows, up to #layout, parties-edit.js uses as well: the parts of the form it changes.

  /** Lay out a new party at the end (its links are made apart). */
  append(id) {
    const defaultName = JSON.parse(this.dataset.names)[id] ?? this.#nextDefaultName();
    const [diagram, party] = this.#made(id, ["party-diagram", "party-list"], { __id__: id });
    this.querySelector("[data-gk-diagram]").append(diagram);
    this.querySelector("[data-gk-list]").append(party);
    party.dataset.gkDefaultName = defaultName;
    party.querySelector("[data-gk-default-label]").textContent = defaultName;
    this.nameInput(id).value ||= defaultName; // one made ahead has its answer
  }

  appendLink(link) {
    const [left, right] = endsOf(link);
    const [diagram, across] = this.#made(link, ["across-diagram", "across-list"], { __left__: left, __right__: right });
    this.querySelector("[data-gk-apart]").append(diagram);
    this.querySelector("[data-gk-links]").append(across);
  }

  /** A party's or link's diagram part and fields: made ahead, or from the templates now. */
  #made(id, templates, tokens) {
    return [...(this.#ahead?.get(id) ?? this.make(templates, tokens)).children];
  }

  /** A party's or link's diagram part and fields, from the templates, in one fragment. */
  make(templates, tokens) {
    const made = new DocumentFragment();
    for (const name of templates) made.append(fromTemplate(this, name, tokens));
    return made;
  }

  /** Take a party and its links off the page. */
  drop(id) {
    for (const link of this.links()) if (endsOf(link).includes(id)) this.dropLink(link);
    this.party(id).remove();
    this.#diagram(id).remove();
  }

  dropLink(link) {
    for (const part of this.querySelectorAll(`[data-gk-across="${CSS.escape(link)}"]`)) part.remove();
  }

  /** After a change: lay out, bring up to date, and tell (`detail`: what was removed). */
  changed(detail) {
    this.#layout();
    this.refresh();
    announceChange(this, detail);
  }

  /** The diagram in the parties' order, and under them their links in theirs. */
  #layout() {
    arrange(this.querySelector("[data-gk-diagram]"), this.order().map((id) => this.#diagram(id)));
    arrange(this.querySelector("[data-gk-apart]"), this.links().map((link) => this.#acrossDiagram(link)));
  }

  #nextDefaultName() {
    // The letter after the last one in use (the blank form's count as in use): a partner added
    // after C is D, even if B was removed.
    const names = [...this.querySelectorAll("[data-gk-list] > [data-gk-party]")]
      .map((p) => p.dataset.gkDefaultName)
      .concat(Object.values(JSON.parse(this.dataset.names)));
    const word = this.dataset.party;
    const used = names.map((n) => LETTERS.indexOf(n.slice(word.length + 1)));
    const next =
      LETTERS[Math.max(...used) + 1] ?? [...LETTERS].find((l) => !names.includes(`${word} ${l}`));
    return `${word} ${next}`;
  }

  #showName(id) {
    showName(this, id, this.displayName(id));
  }

  displayName(id) {
    const input = this.nameInput(id);
    return input.value.trim() || this.party(id).dataset.gkDefaultName;
  }

  /** Say in the diagram (in `root`) whether a box or link (its fieldset) is filled in. */
  showState(group, root = this) {
    const filled = hasAnswer(group);
    const text = filled ? " (ingevuld)" : " (leeg)";
    for (const link of root.querySelectorAll(`[data-gk-target="${CSS.escape(group.dataset.gkGroup)}"]`)) {
      link.classList.toggle("is-filled", filled);
      // Its text changed (not replaced), and only where it differs: less work for the page.
      const state = link.querySelector("[data-gk-state]").firstChild;
      if (state.data !== text) state.data = text;
    }
  }

  order() {
    return [...this.querySelectorAll("[data-gk-list] > [data-gk-party]")].map((p) => p.dataset.gkParty);
  }

  links() {
    return [...this.querySelectorAll("[data-gk-links] > [data-gk-across]")].map((a) => a.dataset.gkAcross);
  }

  party(id) {
    return this.querySelector(`[data-gk-list] > [data-gk-party="${CSS.escape(id)}"]`);
  }

  #diagram(id) {
    return this.querySelector(`.gk-diagram [data-gk-party="${CSS.escape(id)}"]`);
  }

  across(link) {
    return this.querySelector(`[data-gk-links] > [data-gk-across="${CSS.escape(link)}"]`);
  }

  #acrossDiagram(link) {
    return this.querySelector(`.gk-diagram [data-gk-across="${CSS.escape(link)}"]`);
  }

  #group(key) {
    return this.querySelector(`[data-gk-group="${CSS.escape(key)}"]`);
  }

  nameInput(id) {
    return this.querySelector(`[data-gk-names="${CSS.escape(id)}"]`);
  }

  addButton() {
    return this.querySelector('[data-gk-action="addParty"]');
  }
}

if (!customElements.get("gk-parties")) customElements.define("gk-parties", GkParties);
// The form starts once this code is here (instrument.js): on a page's first load, once the
// parties it restores are made ahead.
await Promise.all([...document.querySelectorAll("gk-parties")].map((parties) => parties.madeAhead));
