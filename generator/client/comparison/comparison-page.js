// The comparison view (/tools/<id>/vergelijken/): the answer files of several respondents opened
// at once (picked or dropped), optionally with the visitor's own answers from this browser, and
// shown side by side for a conversation. Files are read in this browser: nothing is sent or kept.
// Loaded by loader.js on these pages only; it defines <gk-compare>.
import { Store, download, fileName, fromStored, storageKey } from "../answers.js";
import { MAX_FILE_BYTES, fileTooBig, readJson, refusal } from "../opening.js";

// Every visit starts with an empty view: the code that reads the files and draws the view loads
// once the visitor reaches for the page (a pointer over it, a focus in it, a file dragged in):
// with it, the comparison module of each part that lines its answers up itself
// (parts/<type>/<type>-comparison.js: a matrix, the 8-tje, an agreements list).
const loadCode = (structure) =>
  Promise.all([
    import("./line-up.js"),
    import("./comparison-view.js"),
    ...structure.parts.map((type) => import(`../../parts/${type}/${type}-comparison.js`)),
  ]).then(([lineUp, view, ...modules]) => ({
    ...lineUp,
    ...view,
    parts: Object.fromEntries(structure.parts.map((type, index) => [type, modules[index]])),
  }));
const UNAVAILABLE =
  "Het overzicht kon niet worden geladen: de verbinding met de site is weg. Probeer het opnieuw zodra je weer verbinding hebt.";

const MAX_COMPARISON_BYTES = 20 * MAX_FILE_BYTES;
const OWN = "mijn antwoorden in deze browser";

const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;
const quoted = (name) => `"${name.length > 120 ? `${name.slice(0, 119)}…` : name}"`;

class Comparison {
  #element;
  #structure;
  #store = new Store();
  #respondents = []; // { id, name, defaultName, source, own, version, data, answers }
  #next = 1;
  #listening = null;
  #loading = null; // the promise of the code below, once asked for
  #code = null; // line-up.js, comparison-view.js and the parts' comparisons, once loaded
  #warmed = false;

  constructor(element) {
    this.#element = element;
    const island = element.querySelector("template[data-gk-structure]");
    this.#structure = JSON.parse(island.content.textContent);
  }

  get #instrument() {
    return { id: this.#structure.id, version: this.#structure.version, keys: this.#structure.keys };
  }

  #part(name) {
    return this.#element.querySelector(`[data-gk-${name}]`);
  }

  async start() {
    this.#listening = new AbortController();
    const on = { signal: this.#listening.signal };
    this.#element.addEventListener("click", this.#onClick, on);
    this.#element.addEventListener("input", this.#onRename, on);
    for (const type of ["pointerover", "focusin"]) this.#element.addEventListener(type, this.#warm, on);
    this.#part("file").addEventListener("change", this.#onFile, on);
    for (const type of ["dragover", "dragleave", "drop"]) document.addEventListener(type, this.#onDrag, on);
    window.addEventListener("beforeprint", this.#onBeforePrint, on);
    this.#part("needs-script").hidden = true;
    this.#part("open").hidden = false;
    this.#render();
    this.#element.toggleAttribute("data-gk-ready", true); // its code arrives after the page
  }

  stop() {
    this.#listening?.abort();
  }

  /** The code that reads files and draws the view, loaded once; a failed load may be retried. */
  #load() {
    this.#loading ??= loadCode(this.#structure).then(
      (code) => (this.#code = code),
      (error) => {
        this.#loading = null;
        throw error;
      },
    );
    return this.#loading;
  }

  // Start loading early, once: a failure is told, and loading tried again, when they are needed.
  #warm = () => {
    if (this.#warmed) return;
    this.#warmed = true;
    this.#load().catch(() => {});
  };

  /** The loaded code, or null after telling the visitor it could not be loaded. */
  async #ready() {
    try {
      return await this.#load();
    } catch {
      this.#status("");
      this.#refuse([UNAVAILABLE]);
      return null;
    }
  }

  #onClick = (event) => {
    const button = event.target.closest?.("button");
    if (!button || !this.#element.contains(button)) return;
    const action = button.dataset.gkAction;
    if (action === "open") this.#part("file").click();
    else if (action === "own") this.addOwn();
    else if (action === "print") window.print();
    else if (action === "export") this.export();
    else if (button.dataset.gkRemove) this.remove(button.dataset.gkRemove);
  };

  #onFile = async (event) => {
    const files = [...event.target.files];
    event.target.value = ""; // the same files can be chosen again
    if (files.length) await this.open(files);
  };

  // Files dropped anywhere on the page are opened (the browser would otherwise leave the page
  // to show the file).
  #onDrag = (event) => {
    if (![...(event.dataTransfer?.types ?? [])].includes("Files")) return;
    event.preventDefault();
    this.#warm();
    const zone = this.#part("drop");
    if (event.type === "dragover") {
      event.dataTransfer.dropEffect = "copy";
      zone.classList.add("is-dragging");
    } else if (event.type === "drop" || event.relatedTarget === null) {
      zone.classList.remove("is-dragging");
    }
    if (event.type === "drop") this.open([...event.dataTransfer.files]);
  };

  #onRename = (event) => {
    const id = event.target.dataset?.gkRename;
    const respondent = this.#respondents.find((r) => r.id === id);
    if (!respondent) return;
    respondent.name = event.target.value.replace(/\s+/g, " ").trim() || respondent.defaultName;
    for (const name of this.#element.querySelectorAll(`[data-gk-respondent="${CSS.escape(id)}"]`)) {
      name.textContent = respondent.name;
    }
  };

  // The date on paper: set with every drawing too, so a PDF printed without the print dialog
  // has it.
  #onBeforePrint = () => {
    const date = new Date().toLocaleDateString("nl-NL", { day: "numeric", month: "long", year: "numeric" });
    for (const slot of this.#element.querySelectorAll("[data-gk-print-date]")) slot.textContent = date;
  };

  /** Open answer files (and combined comparisons): add the good ones, refuse the bad one by one. */
  async open(files) {
    const code = await this.#ready();
    if (!code) return;
    const results = await Promise.all(files.map((file) => this.#read(file, code)));
    const refusals = [];
    let opened = 0; // files of which someone was added
    for (const { file, entries, refused } of results) {
      let added = 0;
      for (const { name, data, answers, part } of entries) {
        const source = part === null ? file.name : `${file.name}, deelnemer ${part}`;
        // The same file twice (or twice exported) would count one person twice.
        const twice = this.#respondents.find((r) => code.sameRespondent(r, { data, answers }, this.#instrument));
        if (twice) {
          refusals.push(`${quoted(source)} is al geopend, als ${twice.name}. Het telt maar één keer mee.`);
          continue;
        }
        this.#add({ name, data, answers, source });
        added += 1;
      }
      if (added) opened += 1;
      for (const { part, error } of refused) {
        const which = part === null ? quoted(file.name) : `${quoted(file.name)}, deelnemer ${part},`;
        refusals.push(`${which} is niet geopend. ${refusal(error)}`);
      }
    }
    this.#render();
    this.#refuse(refusals);
    this.#status(
      `${plural(opened, "bestand", "bestanden")} geopend` +
        (refusals.length ? `, ${plural(refusals.length, "niet", "niet")} geopend (zie hieronder)` : "") +
        `. ${this.#count()}`,
    );
  }

  async #read(file, { COMPARISON_FORMAT, readEntries }) {
    try {
      const data = await readJson(file, { maxBytes: MAX_COMPARISON_BYTES });
      if (data?.format !== COMPARISON_FORMAT && file.size > MAX_FILE_BYTES) throw fileTooBig();
      const { entries, refusals } = readEntries(data, file.name, this.#instrument);
      return { file, entries, refused: refusals };
    } catch (error) {
      return { file, entries: [], refused: [{ part: null, error }] };
    }
  }

  /** The visitor's own answers on this instrument in this browser, or null. */
  #stored() {
    try {
      const text = this.#store.read(storageKey(this.#structure.id));
      if (text === null) return null;
      const { file, answers } = fromStored(text, this.#instrument);
      return { data: file, answers };
    } catch {
      return null; // none, blocked or damaged: nothing to add (the instrument page says why)
    }
  }

  /** Add the answers kept in this browser, as one more respondent. */
  async addOwn() {
    const code = await this.#ready();
    const stored = this.#stored();
    if (!code || !stored || this.#respondents.some((r) => r.own)) return;
    const name = code.respondentName(stored.answers, "Mijn antwoorden", this.#instrument);
    this.#add({ ...stored, name, source: OWN, own: true });
    this.#render();
    this.#refuse([]);
    this.#status(`Je eigen antwoorden zijn toegevoegd. ${this.#count()}`);
    this.#element.querySelector("[data-gk-action=open]").focus();
  }

  #add({ name, data, answers, source, own = false }) {
    const unique = this.#code.distinctName(name, this.#respondents.map((r) => r.name));
    const version = Number.isInteger(data?.instrument?.version) ? data.instrument.version : this.#structure.version;
    this.#respondents.push({ id: `r${this.#next++}`, name: unique, defaultName: unique, source, own, version, data, answers });
  }

  /** Take a respondent out of the view; the figures are worked out again without them. */
  remove(id) {
    const index = this.#respondents.findIndex((r) => r.id === id);
    if (index < 0) return;
    const [gone] = this.#respondents.splice(index, 1);
    this.#render();
    this.#status(`${gone.name} is uit het overzicht gehaald. ${this.#count()}`);
    const next = this.#respondents[Math.min(index, this.#respondents.length - 1)];
    const focus = next
      ? this.#element.querySelector(`[data-gk-remove="${CSS.escape(next.id)}"]`)
      : this.#element.querySelector("[data-gk-action=open]");
    focus?.focus();
  }

  /** Download every respondent in the view, under the names given here, as one file. */
  export() {
    try {
      download(
        fileName(`${this.#structure.id}-vergelijking`),
        this.#code.toComparisonFile(this.#instrument, this.#respondents),
      );
    } catch {
      // Files are checked on opening, so this is not expected; if it happens, it is told.
      this.#status("De vergelijking kon niet worden geëxporteerd. Er is geen bestand gemaakt.");
    }
  }

  #count() {
    const n = this.#respondents.length;
    return n === 0 ? "Er staan nog geen antwoorden in dit overzicht." : `In dit overzicht: ${plural(n, "deelnemer", "deelnemers")}.`;
  }

  // Respondents come only through the loaded code, so an empty view is all there is without them.
  #render() {
    const filled = this.#respondents.length > 0;
    this.#part("view").replaceChildren(...(filled ? this.#code.comparisonView(this.#structure, this.#respondents, this.#code.parts) : []));
    this.#part("when-filled").hidden = !filled;
    this.#element.querySelector("[data-gk-action=own]").hidden =
      this.#respondents.some((r) => r.own) || this.#stored() === null;
    this.#element.classList.toggle("is-filled", filled);
    this.#onBeforePrint();
    // Tests and the benchmark wait for this: the view is drawn.
    this.#element.dispatchEvent(new CustomEvent("gk-compare-rendered", { bubbles: true }));
  }

  #refuse(messages) {
    const box = this.#part("refusals");
    box.replaceChildren(...messages.map((text) => Object.assign(document.createElement("p"), { textContent: text })));
  }

  #status(text) {
    this.#part("message").textContent = text;
  }
}

// The element: the view starts when it is on the page and stops when it leaves.
class GkCompare extends HTMLElement {
  #comparison = null;

  connectedCallback() {
    if (this.#comparison) return;
    this.#comparison = new Comparison(this);
    this.#comparison.start();
  }

  disconnectedCallback() {
    this.#comparison?.stop();
    this.#comparison = null;
  }
}

if (!customElements.get("gk-compare")) customElements.define("gk-compare", GkCompare);
