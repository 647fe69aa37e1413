// An instrument's form, enhanced (loaded by gereedschapskist.js on pages that have one). The
// page reads, fills and prints without this script; with it, answers are saved in this browser on every keystroke, restored on load (also
// after Material's instant navigation), shared between tabs, exported, imported, wiped and
// printed in full. With `?afdruk=leeg` the page is the blank print view: no answers, no saving.
import * as answersModule from "./answers.js";
import { fillPrintFacts, isBlankView, isTextControl, mirror, mirrorAll } from "./print.js";

const {
  AnswerFileError,
  Store,
  StorageUnavailable,
  apply,
  collect,
  download,
  fileName,
  fromFile,
  readFile,
  same,
  storageKey,
  takeEarlyAnswers,
  toFile,
} = answersModule;

const EXPORT_TIP_KEY = "gereedschapskist:tip-exporteren";
const STRUCTURE = "gk-menu-matrix, gk-parties"; // components that add and remove controls
// The components inside a form, each loaded only where one is (the form starts once they are).
const PARTS = {
  "gk-menu-matrix": () => import("./menu-matrix.js"),
  "gk-parties": () => import("./parties.js"),
};
const TOOL_BUTTONS =
  "[data-gk-toolbar] [data-gk-action], [data-gk-blank-notice] [data-gk-action], [data-gk-removed] [data-gk-action]";
const TOOLBAR_UNDO = '[data-gk-toolbar] [data-gk-action="undo"]';

const growToFit = (textarea) => {
  // Let a long answer show in full on screen instead of scrolling inside its box (paper prints
  // its copy: see print.js).
  // A hidden textarea has no height to measure; it is measured again once it shows.
  if (!textarea.value || textarea.offsetParent === null) return;
  textarea.style.height = "auto";
  textarea.style.height = `${textarea.scrollHeight + 2}px`;
};

const time = () => new Date().toLocaleTimeString("nl-NL", { hour: "2-digit", minute: "2-digit" });

class GkInstrument extends HTMLElement {
  #form = null;
  #store = new Store();
  #extra = new Map(); // answers whose keys this version of the form does not have: kept
  #blank = new Map(); // the blank form, to wipe back to
  #undo = null; // the answers before the last import, wipe or removal
  #afterUndo = null; // what to do once they are back (focus what a removal took away)
  #latest = new Map(); // the answers as last saved or shown: what a removal can be undone to
  #restoring = false;
  #warnedStorage = false;
  #pending = 0;
  #listening = null;
  #blankView = false;

  get instrument() {
    return { id: this.dataset.instrument, version: Number(this.dataset.version) };
  }

  get #key() {
    return storageKey(this.dataset.instrument);
  }

  #onInput = (event) => {
    if (event.target instanceof HTMLTextAreaElement) growToFit(event.target);
    if (isTextControl(event.target)) mirror(event.target);
    if (event.target.closest?.("[data-gk-toolbar]")) return;
    this.#hideUndo();
    this.save();
  };

  #onStructure = (event) => {
    const before = this.#latest;
    mirrorAll(this);
    this.save();
    const removed = event.detail?.removed;
    if (removed && !this.#restoring) this.#offerUndoOfRemoval(before, event.target, removed);
  };

  #onClick = (event) => {
    const action = event.target.closest?.(TOOL_BUTTONS)?.dataset.gkAction;
    if (action === "print") window.print();
    else if (action === "print-blank") this.#printBlank();
    else if (action === "export") this.export();
    else if (action === "import") this.querySelector("[data-gk-file]").click();
    else if (action === "wipe") this.wipe();
    else if (action === "undo") this.undo();
  };

  #onFile = async (event) => {
    const [file] = event.target.files;
    event.target.value = ""; // the same file can be chosen again
    if (file) await this.import(file);
  };

  // Another tab saved this instrument: show its answers, but leave the field being typed in.
  #onStorage = (event) => {
    if (event.key !== this.#key || event.newValue === null || this.#restoring || this.#blankView) {
      return;
    }
    try {
      const answers = fromFile(JSON.parse(event.newValue), this.instrument);
      this.#show(answers, { skip: document.activeElement });
    } catch {
      // A broken value from elsewhere changes nothing here.
    }
  };

  // Widths change (a column shows, the window turns, the page goes to paper): measure again.
  #growAll = () => {
    cancelAnimationFrame(this.#pending);
    this.#pending = requestAnimationFrame(() => this.#growNow());
  };

  #growNow = () => {
    for (const textarea of this.querySelectorAll("textarea")) growToFit(textarea);
  };

  // The form has no server to go to: Enter in a one-line field must not reload the page.
  #onSubmit = (event) => event.preventDefault();

  #onBeforePrint = () => fillPrintFacts(this, { blank: this.#blankView });

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
    // The own result and its chart load only where there is one (instruments with a scale); it
    // reads the form itself once it runs, so it needs none of the events sent before.
    if (this.querySelector("gk-result") && !isBlankView()) import("./result.js");
    // Start once the components inside are defined (and so upgraded), as restoring needs them.
    const parts = Object.entries(PARTS).filter(([tag]) => this.querySelector(tag));
    Promise.all(parts.map(([, load]) => load())).then(
      () => this.#start(),
      () => {
        // Without them the rest of the form still saves; what they hold is kept, not shown.
        this.#start();
        this.#message(
          "Een deel van dit formulier kon niet worden geladen: de verbinding met de site is weg. Je antwoorden worden wel bewaard. Laad de pagina opnieuw zodra je weer verbinding hebt.",
          "alert",
        );
      },
    );
  }

  disconnectedCallback() {
    this.#listening?.abort();
    cancelAnimationFrame(this.#pending);
    this.#form = null;
  }

  #start() {
    if (!this.#form) return;
    this.#blankView = isBlankView();
    // Whatever was typed before this code arrived: kept, with the stored answers put around it
    // (and not printed in the blank view).
    const early = takeEarlyAnswers(this.#form);
    fillPrintFacts(this, { blank: this.#blankView });
    mirrorAll(this);
    if (this.#blankView) {
      // The form is for paper here: it cannot be typed in, so nothing can be lost from it.
      this.dataset.gkAfdruk = "leeg";
      this.#form.inert = true;
      this.querySelector("[data-gk-blank-notice]")?.removeAttribute("hidden");
    } else {
      this.querySelector("[data-gk-toolbar]")?.removeAttribute("hidden");
      this.#blank = collect(this.#form);
      this.#latest = this.#blank;
      this.load();
      if (early.size) {
        this.#show(new Map([...this.#current(), ...early]));
        this.save();
      }
    }
    // Its code arrives after the page has loaded: say when the form is ready for use.
    this.toggleAttribute("data-gk-ready", true);
  }

  /** Restore the answers saved in this browser, if any. */
  load() {
    let text;
    try {
      text = this.#store.read(this.#key);
    } catch (error) {
      this.#storageProblem(error);
      return;
    }
    if (text === null) return;
    let answers;
    try {
      answers = fromFile(JSON.parse(text), this.instrument);
    } catch (error) {
      if (!(error instanceof AnswerFileError || error instanceof SyntaxError)) throw error;
      this.#setAside(text);
      return;
    }
    this.#show(answers);
    this.#status(`Antwoorden teruggezet uit deze browser · ${time()}`);
  }

  /** Save the form's answers in this browser now. */
  save() {
    if (this.#restoring || this.#blankView || !this.#form) return;
    const answers = this.#current();
    this.#latest = answers;
    const file = toFile(this.instrument, answers);
    try {
      this.#store.write(this.#key, JSON.stringify(file));
    } catch (error) {
      this.#storageProblem(error);
      return;
    }
    this.#status(`Opgeslagen in deze browser · ${time()}`);
    this.#firstSave();
  }

  // Few visits print the blank view from here: its code loads when the button is pressed.
  #printBlank() {
    import("./print-blank.js").then(
      ({ printBlank }) => printBlank(),
      () =>
        this.#message(
          "De lege afdrukversie kon niet worden geladen: de verbinding met de site is weg. Probeer het opnieuw zodra je weer verbinding hebt.",
          "alert",
        ),
    );
  }

  /** Download the answers as `<id>-<yyyy-mm-dd>.json`. */
  export() {
    download(fileName(this.instrument.id), toFile(this.instrument, this.#current()));
    this.#message("");
  }

  /** Open an answer file: check it, ask before replacing answers, and offer a way back. */
  async import(file) {
    let answers;
    try {
      answers = await readFile(file, this.instrument);
    } catch (error) {
      const reason = error instanceof AnswerFileError ? error.message : "Het bestand kon niet worden gelezen.";
      this.#message(`Niet geïmporteerd. ${reason} Je antwoorden zijn niet veranderd.`, "alert");
      return;
    }
    const current = this.#current();
    const question = "De antwoorden op deze pagina worden vervangen door die uit het bestand. Doorgaan?";
    if (!same(current, this.#blank) && !window.confirm(question)) return;
    this.#replace(answers, current);
    const unknown = this.#extra.size;
    this.#message(
      "Antwoorden geïmporteerd." +
        (unknown === 1
          ? " 1 antwoord hoort niet bij deze versie van het instrument; het blijft bewaard en gaat mee bij exporteren."
          : unknown
            ? ` ${unknown} antwoorden horen niet bij deze versie van het instrument; ze blijven bewaard en gaan mee bij exporteren.`
            : ""),
    );
  }

  /** Empty the form (after asking), with a way back. */
  wipe() {
    const question = "Alle antwoorden op deze pagina wissen? Je kunt dit daarna nog ongedaan maken.";
    if (!window.confirm(question)) return;
    this.#replace(this.#blank, this.#current());
    this.#message("Alle antwoorden zijn gewist.");
  }

  /** Bring back the answers from before the last import or wipe. */
  undo() {
    if (!this.#undo) return;
    const previous = this.#undo;
    const afterUndo = this.#afterUndo;
    this.#show(previous);
    this.save();
    this.#hideUndo();
    this.#message("De vorige antwoorden zijn teruggezet.");
    afterUndo?.();
  }

  #replace(answers, previous) {
    this.#hideUndo();
    this.#undo = previous;
    this.#show(answers);
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
    this.#message(`${name} is verwijderd. Met Ongedaan maken komt het terug.`);
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
  #show(answers, { skip = null } = {}) {
    this.#restoring = true;
    try {
      const parts = [...this.querySelectorAll(STRUCTURE)];
      for (const part of parts) part.restore?.(answers);
      this.#extra = apply(this.#form, answers, { skip });
      for (const part of parts) part.refresh?.();
      mirrorAll(this);
      this.#growAll();
      this.#latest = this.#current();
    } finally {
      this.#restoring = false;
    }
    // No input events fire when answers are put on the page: tell those who show them (result.js).
    this.dispatchEvent(new CustomEvent("gk-answers-shown"));
  }

  #setAside(text) {
    try {
      this.#store.write(`${this.#key}:beschadigd:${Date.now()}`, text);
      this.#store.remove(this.#key); // set aside once, not again on every reload
    } catch {
      // Nowhere to put it: it stays where it is until the next save.
    }
    this.#message(
      "De antwoorden die in deze browser waren opgeslagen, zijn beschadigd en konden niet worden teruggezet. Ze zijn apart bewaard; je begint met een leeg formulier.",
      "alert",
    );
  }

  #storageProblem(error) {
    if (!(error instanceof StorageUnavailable)) throw error;
    this.#status("Niet opgeslagen");
    if (this.#warnedStorage) return;
    this.#warnedStorage = true;
    this.#message(
      (error.full
        ? "De opslag van deze browser is vol. "
        : "Deze browser laat de site niets opslaan. ") +
        "Je antwoorden worden hier dus niet bewaard. Gebruik Exporteren om ze in een bestand te bewaren.",
      "alert",
    );
  }

  #firstSave() {
    let shown = true;
    try {
      shown = this.#store.read(EXPORT_TIP_KEY) !== null;
      if (!shown) this.#store.write(EXPORT_TIP_KEY, "1");
    } catch {
      return;
    }
    if (shown) return;
    // Ask the browser to keep our storage (Safari otherwise clears it after 7 days unused).
    navigator.storage?.persist?.().catch(() => {});
    this.#message(
      "Tip: je antwoorden staan alleen in deze browser. Exporteer ze af en toe naar een bestand, dan raak je ze nooit kwijt.",
    );
  }

  #status(text) {
    const status = this.querySelector("[data-gk-saved]");
    if (status) status.textContent = text;
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
