// An instrument's form, enhanced (loaded by loader.js on pages that have one). The
// page reads, fills and prints without this script; with it, answers are saved in this browser on every keystroke, restored on load (also
// after Material's instant navigation), shared between tabs, exported, imported, wiped and
// printed in full. With `?afdruk=leeg` the page is the blank print view: no answers, no saving.
import {
  AnswerFileError,
  Store,
  StorageUnavailable,
  apply,
  changedKeys,
  collect,
  fromStored,
  merge,
  storageKey,
  takeEarlyAnswers,
  toFile,
  toStored,
} from "./answers.js";
import { JOINT, WORKSHEET, blankView, fillPrintFacts, isTextControl, mirror, mirrorAll } from "./print.js";

const EXPORT_TIP_KEY = "gereedschapskist:tip-exporteren";
// The parts of the form with code of their own (a matrix, parties): each is an element named by
// data-gk-part after its folder, parts/<type>/, whose module defines it. They add and remove
// controls, and restore the columns or parties answers need. Each loads only where one is, and
// the form starts once they are.
// A part marked data-gk-lazy (an agreements list, at the end of the form) loads its code once it
// nears the view, or once answers need it, not with the page.
const PARTS = "[data-gk-part]";
const LAZY = "[data-gk-lazy]";
const partModule = (type) => import(`../parts/${type}/${type}.js`);
const TOOL_BUTTONS =
  "[data-gk-toolbar] [data-gk-action], [data-gk-blank-notice] [data-gk-action], [data-gk-removed] [data-gk-action]";
const TOOLBAR_UNDO = '[data-gk-toolbar] [data-gk-action="undo"]';

// Let a long answer show in full on screen instead of scrolling inside its box (paper prints
// its copy: see print.js). Where CSS can (GROWS, base.css), the browser grows the boxes itself;
// elsewhere grow.js measures them.
const GROWS = CSS.supports("(field-sizing: content) and (min-height: calc(attr(rows type(<number>)) * 1lh))");
// (Without its code, offline or as the page is left, a box keeps its size and scrolls.)
const growToFit = (textareas) => GROWS || import("./grow.js").then(({ grow }) => grow(textareas), () => {});

// 09:05, local. Not through Intl: its first use on a page loads the locale's data, 50 ms on a
// slow phone while the page opens.
const time = () => new Date().toTimeString().slice(0, 5);

class GkInstrument extends HTMLElement {
  #form = null;
  #store = new Store();
  #extra = new Map(); // answers whose keys this version of the form does not have: kept
  #blank = new Map(); // the blank form, to wipe back to
  #undo = null; // the answers before the last import, wipe or removal
  #afterUndo = null; // what to do once they are back (focus what a removal took away)
  #latest = new Map(); // the answers as last saved or shown: what a removal can be undone to
  #edited = new Map(); // when each answer last changed, in any tab: the newer edit wins
  #storedText = null; // what this tab last wrote or read in storage: unchanged, no merge needed
  #restoring = true; // and until the form starts: what is typed before, it takes as early answers
  #pending = 0;
  #listening = null;
  #blankView = false; // a view for paper: nothing is saved
  #blankPaper = false; // a view for paper without answers
  #nearing = null; // watches the lazy parts come near the view
  #sentFor = new WeakMap(); // the lazy parts whose code was asked for (once only): its promise
  #instrument = null;
  #paper = null; // the code of the instrument's own paper, once asked for (a promise)

  /** `{ id, version, keys }` as answers.js takes it, read from the page once: every save uses it. */
  get instrument() {
    const { dataset } = this;
    this.#instrument ??= { id: dataset.instrument, version: Number(dataset.version), keys: JSON.parse(dataset.keys) };
    return this.#instrument;
  }

  get #key() {
    return storageKey(this.dataset.instrument);
  }

  #onInput = (event) => {
    if (event.target instanceof HTMLTextAreaElement) growToFit([event.target]);
    if (isTextControl(event.target)) mirror(event.target);
    if (event.target.closest?.("[data-gk-toolbar]")) return;
    this.#hideUndo();
    this.save();
  };

  #onStructure = (event) => {
    const before = this.#latest;
    this.#mirrorSoon();
    this.save();
    const removed = event.detail?.removed;
    if (removed && !this.#restoring) this.#offerUndoOfRemoval(before, event.target, removed);
  };

  #onClick = (event) => {
    const action = event.target.closest?.(TOOL_BUTTONS)?.dataset.gkAction;
    if (action === "print") this.#print();
    else if (action === "print-blank") this.#printBlank(event.target.closest("[data-gk-view]")?.dataset.gkView);
    else if (action === "export") this.export();
    // A moment later: opened during the key press of Enter, Chromium at times drops the dialog.
    else if (action === "import") setTimeout(() => this.querySelector("[data-gk-file]").click());
    else if (action === "share") this.#share();
    else if (action === "wipe") this.wipe();
    else if (action === "undo") this.undo();
    else if (action?.endsWith("-set-aside")) this.#setAsideAction(action);
  };

  #onFile = async (event) => {
    const [file] = event.target.files;
    event.target.value = ""; // the same file can be chosen again
    if (file) await this.import(file);
  };

  // Another tab saved this instrument: take its newer answers, and give back ours where its copy
  // lacks a newer one of ours (both saved at once, each without the other's answer).
  #onStorage = (event) => {
    if (event.key !== this.#key || event.newValue === null || this.#blankView || this.#restoring || !this.#form) {
      return;
    }
    const merged = this.#mergeStored(event.newValue, this.#current());
    if (merged?.oursNewer) this.#write(merged.answers);
  };

  // Widths change (a column shows, the window turns, the page goes to paper): measure again.
  #growAll = () => {
    cancelAnimationFrame(this.#pending);
    this.#pending = requestAnimationFrame(() => this.#growNow());
  };

  #growNow = () => {
    growToFit(this.querySelectorAll("textarea"));
  };

  // The form has no server to go to: Enter in a one-line field must not reload the page.
  #onSubmit = (event) => event.preventDefault();

  // Every text's print copy (print.js) is brought up to date before printing. A keystroke's is
  // at once; after answers are put in or parts are added, all of them a moment later, apart from
  // the page's first work: an 8-tje of six partners has over a hundred, and a print that tells
  // the page nothing (no beforeprint) still finds them done.
  #onBeforePrint = () => {
    mirrorAll(this);
    fillPrintFacts(this, { blank: this.#blankPaper });
  };

  #mirrorSoon = () => setTimeout(() => mirrorAll(this));

  // Paper of its own (data-paper: its module in paper/, the praatplaat's poster), for a form that
  // is not what it looks like on paper. Its code loads on the page's first use, on Afdrukken, or
  // on the print shortcut, and then lays the paper out before every print. Without it
  // (offline), the form prints as it is.
  #loadPaper = () =>
    this.dataset.paper
      ? (this.#paper ??= import(`./paper/${this.dataset.paper}.js`)
          .then((paper) => paper.attach(this, { blank: this.#blankPaper, signal: this.#listening.signal }))
          .catch(() => (this.#paper = null))) // another try later, with the connection back
      : Promise.resolve();

  // The print shortcut prints as Afdrukken does: once the paper's code and every part's is there.
  #onKey = (event) => {
    // Not with Shift or Alt: Ctrl+Shift+P opens a private window in Firefox.
    if ((event.ctrlKey || event.metaKey) && !event.shiftKey && !event.altKey && event.key.toLowerCase() === "p") {
      event.preventDefault();
      this.#print();
    }
  };

  #print() {
    this.readyToPrint().finally(() => window.print());
  }

  connectedCallback() {
    this.#form = this.querySelector("form");
    if (!this.#form) return;
    // One signal removes every listener again when the element leaves the page.
    this.#listening = new AbortController();
    const on = { signal: this.#listening.signal };
    this.#form.addEventListener("submit", this.#onSubmit, on);
    this.addEventListener("input", this.#onInput, on);
    this.addEventListener("change", this.#onInput, on);
    this.addEventListener("change", this.#growAll, on);
    this.addEventListener("gk-structure-change", this.#onStructure, on);
    this.addEventListener("click", this.#onClick, on);
    this.querySelector("[data-gk-file]")?.addEventListener("change", this.#onFile, on);
    window.addEventListener("storage", this.#onStorage, on);
    window.addEventListener("resize", this.#growAll, on);
    window.addEventListener("beforeprint", this.#onBeforePrint, on);
    window.addEventListener("keydown", this.#onKey, on);
    for (const use of ["pointerdown", "focusin"]) {
      this.addEventListener(use, this.#loadPaper, { ...on, once: true });
    }
    // Start once the components inside are defined (and so upgraded), as restoring needs them.
    const types = new Set([...this.querySelectorAll(`${PARTS}:not(${LAZY})`)].map((part) => part.dataset.gkPart));
    Promise.all([...types].map(partModule)).then(
      () => this.#start(),
      () => {
        // Without them the rest of the form still saves; what they hold is kept, not shown.
        this.#start();
        this.#message(this.#text("onderdeel-weg"), "alert");
      },
    );
  }

  disconnectedCallback() {
    this.#listening?.abort();
    this.#nearing?.disconnect();
    cancelAnimationFrame(this.#pending);
    this.#form = null;
  }

  #start() {
    if (!this.#form) return;
    this.#restoring = false;
    const view = blankView();
    this.#blankView = view !== null;
    this.#blankPaper = this.#blankView && view !== JOINT;
    // Whatever was typed before this code arrived: kept, with the stored answers put around it
    // (and not printed in the blank view).
    const early = takeEarlyAnswers(this.#form);
    if (this.#blankView) {
      // The form is for paper here: it cannot be typed in, so nothing can be lost from it. Its
      // date (through Intl, see time()) and copies are put in now, else when it prints.
      this.#onBeforePrint();
      this.#form.inert = true;
      if (view === JOINT) {
        // Ready once the joint version is shown, with every part and its paper.
        import("./print-joint.js")
          .then(({ jointAnswers }) => this.#show(jointAnswers(this.instrument)))
          .finally(() => this.readyToPrint().finally(() => this.toggleAttribute("data-gk-ready", true)));
        return;
      }
      this.dataset.gkAfdruk = "leeg";
      this.querySelector("[data-gk-blank-notice]")?.removeAttribute("hidden");
      if (view === WORKSHEET) {
        this.closest(".gk-page")?.setAttribute("data-gk-paper", "a4-portrait");
      } else if (this.dataset.paper) {
        // Ready once its paper is laid out: the ready PDFs are printed then.
        this.#loadPaper().then(() => this.toggleAttribute("data-gk-ready", true));
        return;
      }
    } else {
      this.#mirrorSoon();
      this.querySelector("[data-gk-toolbar]")?.removeAttribute("hidden");
      this.#blank = collect(this.#form);
      this.#latest = this.#blank;
      this.load();
      if (early.size) {
        this.#show(new Map([...this.#current(), ...early]));
        this.#stamp(early.keys());
        this.save();
      }
      this.#offerSetAside();
    }
    this.#watchLazyParts();
    // Its code arrives after the page has loaded: say when the form is ready for use.
    this.toggleAttribute("data-gk-ready", true);
  }

  #watchLazyParts() {
    if (this.#blankView) return;
    this.#nearing = new IntersectionObserver(
      (entries) => entries.forEach((entry) => entry.isIntersecting && this.#loadPart(entry.target)),
      { rootMargin: "50% 0px" },
    );
    for (const part of this.querySelectorAll(LAZY)) this.#nearing.observe(part);
  }

  /** Load a lazy part's code, then show the answers again: what it holds (rows beyond the blank
   *  form's, kept aside meanwhile) finds its place. Offline, the page says so, as for any part;
   *  what the part holds stays kept. */
  #loadPart(part) {
    this.#nearing?.unobserve(part);
    if (!this.#sentFor.has(part) && !part.matches(":defined")) {
      const loading = partModule(part.dataset.gkPart).then(
        () => this.#show(this.#current()),
        () => this.#message(this.#text("onderdeel-weg"), "alert"),
      );
      this.#sentFor.set(part, loading);
    }
    return this.#sentFor.get(part);
  }

  /** Resolves once the page can print all it holds: the date on it, the code of its own paper,
   *  and of every lazy part, showing what it holds. (Without a connection, the form prints as it
   *  is.) */
  readyToPrint() {
    this.#onBeforePrint();
    if (this.#blankPaper) return Promise.resolve();
    const parts = [...this.querySelectorAll(LAZY)].map((part) => this.#loadPart(part));
    return Promise.all([this.#loadPaper(), ...parts]);
  }

  /** Restore the answers saved in this browser, if any. */
  load() {
    const text = this.#readStored();
    if (text === null || text === undefined) return;
    let stored;
    try {
      stored = fromStored(text, this.instrument);
    } catch (error) {
      if (!(error instanceof AnswerFileError || error instanceof SyntaxError)) throw error;
      this.#setAside(text);
      return;
    }
    this.#edited = stored.edited;
    this.#storedText = text;
    this.#show(stored.answers);
    this.#status(`Antwoorden teruggezet uit deze browser · ${time()}`);
  }

  /** Save the form's answers in this browser now. */
  save() {
    if (this.#restoring || this.#blankView || !this.#form) return;
    const answers = this.#current();
    this.#stamp(changedKeys(this.#latest, answers));
    this.#latest = answers;
    this.#write(answers);
    this.#filesCode().catch(() => {}); // Exporteren's code, while the connection is there
  }

  /** The stored copy's text (null: none yet), or undefined where storage cannot be read (and
   *  the page says so). */
  #readStored() {
    try {
      return this.#store.read(this.#key);
    } catch (error) {
      this.#storageProblem(error);
      return undefined;
    }
  }

  /** Mark answers as changed here, now: newer than any edit of them seen so far. */
  #stamp(keys) {
    const now = Date.now();
    for (const key of keys) this.#edited.set(key, Math.max(now, (this.#edited.get(key) ?? 0) + 1));
  }

  /** Write answers to storage, merged first with what another tab stored since we last looked. */
  #write(answers) {
    const text = this.#readStored();
    if (text === undefined) return;
    const merged = text !== null && text !== this.#storedText ? this.#mergeStored(text, answers) : null;
    const stored = JSON.stringify(toStored(this.instrument, merged?.answers ?? answers, this.#edited));
    try {
      this.#store.write(this.#key, stored);
    } catch (error) {
      this.#storageProblem(error);
      return;
    }
    this.#storedText = stored;
    this.#status(`Opgeslagen in deze browser · ${time()}`);
    this.#firstSave();
    this.#storageWorks(); // after the first save's tip: that storage works again matters more
  }

  /** Merge another tab's stored copy (text) into `answers` and show what it changes here.
   *  Returns the merge, or null for a copy that cannot be read (it changes nothing here). */
  #mergeStored(text, answers) {
    let theirs;
    try {
      theirs = fromStored(text, this.instrument);
    } catch {
      return null;
    }
    this.#storedText = text;
    const merged = merge(answers, this.#edited, theirs.answers, theirs.edited);
    this.#edited = merged.edited;
    if (merged.taken.size) {
      const typing = document.activeElement;
      this.#show(merged.answers);
      if (this.#form?.contains(typing) && merged.taken.has(typing.name)) {
        this.#message(this.#text("ander-tabblad"));
      }
    }
    return merged;
  }

  // What few visits use loads when its button is pressed: `load` imports the code, `use` runs it;
  // without a connection, `failed` is said ("Dat lukte niet" unless told).
  #onUse(load, use, failed = "Dat lukte niet") {
    load().then(use, () =>
      this.#message(`${failed}: ${this.#text("verbinding-weg")}`, "alert"),
    );
  }

  #printBlank(view) {
    this.#onUse(() => import("./print-blank.js"), ({ printBlank }) => printBlank(view), this.#text("lege-afdruk-weg"));
  }

  /** Deel als link: this browser's answers in a link to the comparison view (share.js). */
  #share() {
    const answers = this.#current();
    const file = changedKeys(this.#blank, answers).length ? toFile(this.instrument, answers) : null;
    this.#onUse(() => import("./share.js"), ({ share }) => share(this, file, (text, kind) => this.#message(text, kind)));
  }

  // Exporteren's code (files.js): asked for with the first save, so it is here when wanted, also
  // once the connection is gone; a failed load is asked for again.
  #files = null;
  #filesCode() {
    return (this.#files ??= import("./files.js").catch((error) => {
      this.#files = null;
      throw error;
    }));
  }

  /** Download the answers, named after the instrument, who answered and the date (DESIGN.md §3). */
  export() {
    const answers = this.#current();
    this.#onUse(
      () => this.#filesCode(),
      ({ download, exportName }) => {
        download(exportName(this.instrument, answers), toFile(this.instrument, answers));
        this.#message("");
      },
    );
  }

  /** Open an answer file: check it, ask before replacing answers, and offer a way back. */
  async import(file) {
    let opening;
    let opened;
    try {
      // Few visits open a file: the code that reads one loads when it is needed.
      opening = await import("./opening.js");
      opened = await opening.openAnswers(file, this.instrument);
    } catch (error) {
      const reason = opening
        ? opening.refusal(error)
        : this.#text("bestand-weg");
      this.#message(`Niet geïmporteerd. ${reason} Je antwoorden zijn niet veranderd.`, "alert");
      return;
    }
    const current = this.#current();
    if (changedKeys(this.#blank, current).length && !window.confirm(opening.REPLACE_QUESTION)) return;
    this.#replace(opened.answers, current);
    this.#message(opening.imported(opened.newer, this.instrument.version, this.#extra.size));
  }

  /** Empty the form (after asking), with a way back. */
  wipe() {
    if (!window.confirm(this.#text("wissen"))) return;
    this.#replace(this.#blank, this.#current());
    this.#message(this.#text("gewist"));
  }

  /** Bring back the answers from before the last import or wipe. */
  undo() {
    if (!this.#undo) return;
    const previous = this.#undo;
    const afterUndo = this.#afterUndo;
    const before = this.#current();
    this.#show(previous);
    this.#stamp(changedKeys(before, this.#current()));
    this.save();
    this.#hideUndo();
    this.#message(this.#text("teruggezet"));
    afterUndo?.();
  }

  #replace(answers, previous) {
    this.#hideUndo();
    this.#undo = previous;
    this.#show(answers);
    this.#stamp(changedKeys(previous, this.#current()));
    this.save();
    const undo = this.querySelector(TOOLBAR_UNDO);
    undo.hidden = false;
    undo.focus();
  }

  /** A column or party was removed (after asking): beside the part it left, say so and offer
   *  Ongedaan maken, which brings back the answers from before, the removed one with them. */
  #offerUndoOfRemoval(previous, part, { id, name }) {
    this.#hideUndo();
    const notice = part.querySelector("[data-gk-removed]");
    if (!notice) return;
    this.#undo = previous;
    this.#afterUndo = () => part.reveal?.(id);
    notice.querySelector("[data-gk-removed-text]").textContent = `${name} is verwijderd.`;
    notice.hidden = false;
    this.#message(`${name} ${this.#text("verwijderd")}`);
  }

  #hideUndo() {
    if (!this.#undo) return;
    this.#undo = null;
    this.#afterUndo = null;
    this.querySelector(TOOLBAR_UNDO).hidden = true;
    for (const notice of this.querySelectorAll("[data-gk-removed]")) notice.hidden = true;
  }

  /** Every answer: the form's, and those kept from another version of the instrument. */
  #current() {
    const answers = collect(this.#form);
    for (const [key, value] of this.#extra) if (!answers.has(key)) answers.set(key, value);
    return answers;
  }

  /** Put answers on the page: first the columns and parties they need, then the values. */
  #show(answers) {
    this.#restoring = true;
    try {
      const parts = [...this.querySelectorAll(PARTS)];
      for (const part of parts) {
        // A lazy part without its code keeps what it holds aside until the code is there.
        if (part.matches(":defined")) part.restore?.(answers);
        else if (answers.has(part.querySelector("[data-gk-order]")?.name)) this.#loadPart(part);
      }
      this.#extra = apply(this.#form, answers);
      for (const part of parts) part.refresh?.();
      this.#mirrorSoon();
      this.#growAll();
      this.#latest = this.#current();
    } finally {
      this.#restoring = false;
    }
    // No input events fire when answers are put on the page: tell those who show them (own-result.js).
    this.dispatchEvent(new CustomEvent("gk-answers-shown"));
  }

  get #setAsidePrefix() {
    return `${this.#key}:beschadigd:`;
  }

  #setAside(text) {
    try {
      this.#store.write(`${this.#setAsidePrefix}${Date.now()}`, text);
      this.#store.remove(this.#key); // set aside once, not again on every reload
    } catch {
      // Nowhere to put it: it stays where it is until the next save.
    }
    this.#message(this.#text("beschadigd"), "alert");
  }

  /** Answers once set aside as damaged can be taken from the page as a file, on every visit. */
  #offerSetAside() {
    let keys = [];
    try {
      keys = this.#store.keys(this.#setAsidePrefix);
    } catch {
      // Storage is blocked: there is nothing set aside to reach either.
    }
    const offer = this.querySelector("[data-gk-set-aside]");
    if (offer) offer.hidden = keys.length === 0;
  }

  /** Export or remove the copies set aside as damaged (rarely needed: the code loads on use). */
  #setAsideAction(action) {
    this.#onUse(
      () => import("./set-aside.js"),
      ({ SET_ASIDE_ACTIONS }) => {
        try {
          SET_ASIDE_ACTIONS[action](this.#store, this.#setAsidePrefix, this.instrument.id);
        } catch (error) {
          this.#storageProblem(error);
        }
        this.#offerSetAside();
      },
    );
  }

  // A storage problem stays in view, whatever other message comes, until storage works again.
  #storageProblem(error) {
    if (!(error instanceof StorageUnavailable)) throw error;
    this.#status("Niet opgeslagen");
    const warning = this.querySelector("[data-gk-storage-warning]");
    const text = this.#text(error.full ? "opslag-vol" : "opslag-geblokkeerd");
    // Said once, not again on every keystroke (an alert is read out each time it changes).
    if (!warning || (!warning.hidden && warning.textContent === text)) return;
    warning.textContent = text;
    warning.hidden = false;
  }

  #storageWorks() {
    const warning = this.querySelector("[data-gk-storage-warning]");
    if (warning && !warning.hidden) {
      warning.hidden = true;
      warning.textContent = "";
      this.#message(this.#text("opslag-werkt"));
    }
  }

  #firstSave() {
    try {
      if (this.#store.read(EXPORT_TIP_KEY) !== null) return;
      this.#store.write(EXPORT_TIP_KEY, "1");
    } catch {
      return;
    }
    // Ask the browser to keep our storage (Safari otherwise clears it after 7 days unused).
    navigator.storage?.persist?.().catch(() => {});
    this.#message(this.#text("tip"));
  }

  #status(text) {
    const status = this.querySelector("[data-gk-saved]");
    if (status) status.textContent = text;
  }

  /** One of the page's own messages: written in its template (blocks/toolbar.html), where the
   *  publisher keeps the page's words, not in this code. */
  #text(name) {
    return this.querySelector("template[data-gk-texts]")?.content.querySelector(`[data-gk-text=${name}]`)?.textContent ?? "";
  }

  #message(text, kind = "status") {
    for (const box of this.querySelectorAll("[data-gk-message]")) {
      box.textContent = box.getAttribute("role") === kind ? text : "";
    }
  }
}

if (!customElements.get("gk-instrument")) {
  customElements.define("gk-instrument", GkInstrument);
}
