// The comparison view (/tools/<id>/vergelijken/): the table a group sits around. The answer
// files of several respondents opened at once (picked or dropped), optionally with the visitor's
// own answers from this browser, shown side by side for a conversation; with the group's joint
// version and agreements, it is a session. Files are read in this browser and nothing is sent:
// the session is kept in this tab (sessionStorage) until Sessie sluiten, and can be saved as a
// file. Loaded by loader.js on these pages only; it defines <gk-compare>.
import { AnswerFileError, Store, fromStored, storageKey } from "../answers.js";
import { nextTask } from "../dom.js";
import { MAX_FILE_BYTES, fileTooBig, readJson, refusal } from "../opening.js";

// A visit without a session starts with an empty view: the code that reads the files and draws
// the view (with the view's stylesheet) loads once the visitor reaches for the page (a pointer over it, a focus in it, a file
// dragged in), or at once to bring back this tab's session: with it, the comparison module of
// each part that lines its answers up itself (parts/<type>/<type>-comparison.js: a matrix, the
// 8-tje, an agreements list).
// Every module settles before the load counts as failed: a retry never overlaps the requests
// of the one before.
const VIEW_STYLES = new URL("./comparison-view.css", import.meta.url).href;
// A task each: asking for a module takes a slow phone a few milliseconds, and asked for all at
// once they blocked it for a tenth of a second (issue 19).
const loadCode = async (structure) => {
  const loads = [];
  for (const load of [
    () => import("../stylesheet.js").then(({ stylesheet }) => stylesheet(VIEW_STYLES)),
    () => import("./line-up.js"),
    () => import("./comparison-view.js"),
    () => import("./moments.js"),
    () => import("./session.js"),
    () => import("./joint-panel.js"),
    () => import("./agreements-panel.js"),
    () => import("./presenter.js"),
    () => import("./report.js"),
    () => import("../share-link.js"),
    () => import("./take-over.js"),
    () => import("../files.js"),
    ...structure.parts.map((type) => () => import(`../../parts/${type}/${type}-comparison.js`)),
  ]) {
    if (loads.length) await nextTask();
    loads.push(load());
  }
  const results = await Promise.allSettled(loads);
  const failed = results.find(({ status }) => status === "rejected");
  if (failed) throw failed.reason;
  const [, lineUp, view, moments, session, joint, agreements, presenter, report, links, takeOver, files, ...modules] = results.map(
    ({ value }) => value,
  );
  return {
    ...lineUp,
    ...view,
    ...moments,
    ...session,
    ...joint,
    ...agreements,
    ...presenter,
    ...report,
    ...links,
    ...takeOver,
    ...files,
    parts: Object.fromEntries(structure.parts.map((type, index) => [type, modules[index]])),
  };
};
const UNAVAILABLE =
  "Het overzicht kon niet worden geladen: de verbinding met de site is weg. Probeer het opnieuw zodra je weer verbinding hebt.";

const MAX_COMPARISON_BYTES = 20 * MAX_FILE_BYTES;
// What the view shows in a frame, at most about (#unfold): elements (each took some 30 µs to
// style and lay out on the machine the benchmarks ran on, and a phone is slower still), and
// milliseconds of making them (the figures behind the topics take a few). A frame took 10-15 ms
// there, so on a phone four times slower it stays under the 50 ms that blocks a tap (issue 19).
const FRAME_ELEMENTS = 100;
const FRAME_MS = 3;
const OWN = "mijn antwoorden in deze browser";
const SESSION_KEY = (id) => `gereedschapskist:sessie:${id}`; // this tab's session (sessionStorage)
const CLOSE_QUESTION =
  "Sessie sluiten? De geopende bestanden, de namen, de gezamenlijke versie en de afspraken verdwijnen uit dit tabblad. " +
  "Wil je ze bewaren, kies dan eerst Sessie exporteren.";
const LINK_FRAGMENT = "#antwoorden="; // an answer link's (share-link.js)
const TAKE_QUESTION =
  "Je eigen antwoorden op dit instrument in deze browser worden vervangen door die uit de link. " +
  "Je kunt dit daarna nog ongedaan maken. Doorgaan?";
const REPLACE_QUESTION = "De sessie in dit tabblad wordt vervangen door die uit het bestand. Doorgaan?";
const NOT_KEPT =
  "Deze sessie kon niet in dit tabblad worden bewaard (de opslag van de browser is vol of geblokkeerd). " +
  "Herladen of een andere pagina openen haalt haar weg: kies Sessie exporteren om haar te bewaren.";

// The link last read from the address, and the promise of its reading (what was read, whether
// someone was added, the refusals). When the fragment changes on a page already open, Material's
// navigation draws the page anew (a new view, with this tab's session) and sets the fragment
// once more after it was taken out: the same link is read once, and each view takes it in.
const fromAddress = { link: null, read: null };

const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;
/** How a refusal names what was opened (`label`), or one participant of it (`part`). */
const naming = (label) => (part) => (part === null ? label : `${label}, deelnemer ${part},`);
const andNot = (refusals) => (refusals.length ? `, ${plural(refusals.length, "niet", "niet")} geopend (zie hieronder)` : "");
const quoted = (name) => `"${name.length > 120 ? `${name.slice(0, 119)}…` : name}"`;

class Comparison {
  #element;
  #structure;
  #store = new Store();
  #tab = new Store(() => globalThis.sessionStorage); // this tab's session
  #respondents = []; // { id, name, defaultName, source, own, version, data, answers, moment }
  #joint = null; // the group's joint version (a Map of answers), once started
  #agreements = []; // the session's agreements: [{ wat, wie, wanneer }]
  #later = null; // the view's pieces still to make and show (#unfold)
  #frame = 0; // the frame that shows the next of them, once asked for
  #kept = true; // whether the session could be kept in this tab, as last tried
  #panels = null; // the joint version's and the agreements' panels, once the code is there
  #next = 1;
  #links = 0; // answer links read in this tab: each participant from one is "link n"
  #listening = null;
  #loading = null; // the promise of the code below, once asked for
  #code = null; // the modules loadCode brings (the view, the session, its panels), once loaded
  #warmed = false;
  #fromLink = null; // the answers of the link last opened from the address, to take over
  #undoTake = null; // puts back this browser's answers from before they were taken over

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
    this.#element.addEventListener("change", this.#onMoment, on);
    for (const type of ["pointerover", "focusin"]) this.#element.addEventListener(type, this.#warm, on);
    this.#part("file").addEventListener("change", this.#onFile, on);
    this.#part("session-file").addEventListener("change", this.#onSessionFile, on);
    for (const type of ["dragover", "dragleave", "drop"]) document.addEventListener(type, this.#onDrag, on);
    window.addEventListener("beforeprint", this.#onBeforePrint, on);
    // A link pasted into the address bar of this page already open only changes its fragment.
    window.addEventListener("hashchange", this.#fromAddress, on);
    this.#part("needs-script").hidden = true;
    this.#part("open").hidden = false;
    if (this.#storedSession() === null) this.#render();
    else await this.#restore();
    await this.#fromAddress();
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
    if (action === "open") this.#choose("file");
    else if (action === "own") this.addOwn();
    else if (action === "print") window.print();
    else if (action === "export") this.export();
    else if (action === "open-session") this.#choose("session-file");
    else if (action === "close") this.close();
    else if (action === "joint" || action === "agreements") this.#openPanel(action);
    else if (action === "present") this.present();
    else if (action === "links") this.openLinks(this.#part("links").value);
    else if (action === "take-link") this.#takeLink();
    else if (action === "undo-take-link") this.#undoTakeLink();

    else if (button.dataset.gkRemove) this.remove(button.dataset.gkRemove);
  };

  // The file dialog opens a moment after the button is pressed: opened during the key press of
  // Enter, Chromium would at times drop it (the keyboard's activation lasts long enough).
  #choose(input) {
    setTimeout(() => this.#part(input).click());
  }

  #onSessionFile = async (event) => {
    const [file] = event.target.files;
    event.target.value = "";
    if (file) await this.openSession(file);
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
    this.#keep();
  };

  // A participant put in another moment (a week; their file's own week again is no choice to keep).
  #onMoment = (event) => {
    const id = event.target.dataset?.gkMoment;
    const respondent = this.#respondents.find((r) => r.id === id);
    if (!respondent || !this.#code) return;
    const week = event.target.value;
    respondent.moment = week === (this.#code.weekOf(respondent.data?.saved) ?? "") ? null : week;
    this.#keep();
    this.#render();
    this.#status(`${respondent.name} hoort nu bij ${week ? `de ${this.#code.weekLabel(week)}` : "geen moment"}.`);
    // The view is drawn anew: the choice keeps the focus, for the next one.
    const name = this.#made(`[data-gk-rename="${CSS.escape(id)}"]`); // with the moment, in one card
    (this.#element.querySelector(`[data-gk-moment="${CSS.escape(id)}"]`) ?? name)?.focus();
  };

  // The date on paper: set with every drawing too, so a PDF printed without the print dialog
  // has it.
  #fillDate() {
    const date = new Date().toLocaleDateString("nl-NL", { day: "numeric", month: "long", year: "numeric" });
    const page = this.#element.closest(".gk-page") ?? this.#element;
    for (const slot of page.querySelectorAll("[data-gk-print-date]")) slot.textContent = date;
  }

  // The session report's own parts (the joint version, the agreements), as they are when it
  // prints: made for paper only, not with every drawing or keystroke.
  #onBeforePrint = () => {
    this.#unfold(true);
    this.#fillDate();
    const report = this.#part("report");
    if (this.#code && !this.#empty) report.replaceChildren(...this.#code.reportParts(this.#structure, this.#session, this.#code.parts));
    else report.replaceChildren();
  };

  /** Open answer files (and combined comparisons): add the good ones, refuse the bad one by one. */
  async open(files) {
    const code = await this.#ready();
    if (!code) return;
    const results = await Promise.all(files.map((file) => this.#read(file, code)));
    const { opened, refusals } = this.#addRead(results, code);
    this.#opened(refusals, `${plural(opened, "bestand", "bestanden")} geopend${andNot(refusals)}`);
  }

  /** Add the participants read from files or links: `[{ source, which, entries, refused }]`,
   *  `source` naming where each came from, `which` how a refusal names it. Each person once: a
   *  second copy is refused. Returns how many files or links added someone, and the refusals. */
  #addRead(results, code) {
    const refusals = [];
    let opened = 0;
    for (const { source: origin, which, entries, refused } of results) {
      let added = 0;
      for (const { name, source: from, data, answers, part } of entries) {
        const source = from ?? (part === null ? origin : `${origin}, deelnemer ${part}`);
        // The same file twice (or twice exported) would count one person twice.
        const twice = this.#respondents.find((r) => code.sameRespondent(r, { data, answers }, this.#instrument));
        if (twice) {
          refusals.push(`${which(null)} is al geopend, als ${twice.name}. Het telt maar één keer mee.`);
          continue;
        }
        this.#add({ name, data, answers, source });
        added += 1;
      }
      if (added) opened += 1;
      for (const { part, error } of refused) refusals.push(`${which(part)} is niet geopend. ${refusal(error)}`);
    }
    return { opened, refusals };
  }

  /** After opening: keep and draw the session, and say what was opened and what not (`done`). */
  #opened(refusals, done) {
    this.#keep();
    this.#render();
    this.#refuse(this.#kept ? refusals : [...refusals, NOT_KEPT]);
    this.#status(`${done}. ${this.#count()}`);
  }

  async #read(file, { isGroupFile, readEntries }) {
    try {
      const data = await readJson(file, { maxBytes: MAX_COMPARISON_BYTES });
      if (!isGroupFile(data) && file.size > MAX_FILE_BYTES) throw fileTooBig();
      const { entries, refusals } = readEntries(data, this.#instrument);
      return { ...this.#fromFile(file), entries, refused: refusals };
    } catch (error) {
      return { ...this.#fromFile(file), entries: [], refused: [{ part: null, error }] };
    }
  }

  #fromFile(file) {
    return { source: file.name, which: naming(quoted(file.name)) };
  }

  /** Open answer links (DESIGN.md §3), pasted in Links plakken: one a line, or anything between
   *  white space as a chat pastes them. The good ones are added, each bad one refused in its own
   *  words; what was refused stays in the box to mend, the rest leaves it. */
  async openLinks(text) {
    const code = await this.#ready();
    if (!code) return;
    const links = code.linksIn(text);
    if (links.length === 0) {
      this.#refuse(["Er staat geen antwoordlink in het vak Links plakken. Een antwoordlink bevat #antwoorden=."]);
      this.#status("");
      return;
    }
    const results = await Promise.all(links.map(({ payload }, i) => this.#readLink(payload, `Link ${i + 1}`, code)));
    const { opened, refusals } = this.#addRead(results, code);
    this.#part("links").value = links.filter((_, i) => results[i].entries.length === 0).map(({ link }) => link).join("\n");
    this.#opened(refusals, `${plural(opened, "link", "links")} geopend${andNot(refusals)}`);
  }

  // A link opened in the address bar (or pasted there, on this page): read once, and taken out
  // of the address as soon as the code to read it is there, so the answers don't stay in view
  // or in a bookmark. Without that code (the connection gone) it stays, for a reload to read.
  #fromAddress = async () => {
    if (!location.hash.startsWith(LINK_FRAGMENT)) return;
    const link = location.href;
    const code = await this.#ready();
    if (!code) return;
    history.replaceState(history.state, "", location.pathname + location.search);
    const first = link !== fromAddress.link;
    if (first) {
      fromAddress.link = link;
      fromAddress.read = this.#readLink(code.payloadOf(link), "De link", code).then((result) => ({
        result,
        ...this.#addRead([result], code),
      }));
    }
    const { result, opened, refusals } = await fromAddress.read;
    // A view drawn anew takes the same reading in: once, however its session came back.
    if (!first) this.#addRead([result], code);
    this.#opened(refusals, opened ? `De antwoorden uit de link zijn geopend${andNot(refusals)}` : "De link is niet geopend (zie hieronder)");
    // Someone moving their own answers to this device may take them over.
    this.#fromLink = opened ? result.entries[0] : null;
    this.#offerTake();
  };

  async #readLink(payload, label, { fromPayload, readEntries, linkSource }) {
    const source = linkSource((this.#links += 1));
    const which = naming(label);
    try {
      if (payload === null) throw new AnswerFileError("Dit is geen antwoordlink: er staat geen #antwoorden= in.");
      const { entries, refusals } = readEntries(await fromPayload(payload), this.#instrument);
      return { source, which, entries, refused: refusals };
    } catch (error) {
      return { source, which, entries: [], refused: [{ part: null, error }] };
    }
  }

  #offerTake() {
    this.#part("link-own").hidden = this.#fromLink === null;
    this.#element.querySelector("[data-gk-action=take-link]").hidden = false;
    this.#element.querySelector("[data-gk-action=undo-take-link]").hidden = true;
  }

  /** Make the answers of the link opened from the address this browser's own (after asking,
   *  when it has some), with a way back. */
  #takeLink() {
    if (!this.#fromLink || !this.#code) return;
    const before = this.#code.ownAnswers(this.#store, this.#instrument);
    if (before !== null && !window.confirm(TAKE_QUESTION)) return;
    try {
      this.#undoTake = this.#code.takeOver(this.#store, this.#instrument, this.#fromLink.answers, before);
    } catch {
      this.#status("De antwoorden konden niet worden overgenomen: deze browser laat de site niets opslaan.");
      return;
    }
    this.#element.querySelector("[data-gk-action=take-link]").hidden = true;
    const undo = this.#element.querySelector("[data-gk-action=undo-take-link]");
    undo.hidden = false;
    undo.focus();
    this.#render();
    this.#status(`De antwoorden uit de link zijn nu jouw antwoorden in deze browser, op de pagina ${this.#structure.title}.`);
  }

  #undoTakeLink() {
    try {
      this.#undoTake?.();
    } catch {
      this.#status("Je vorige antwoorden konden niet worden teruggezet: deze browser laat de site niets opslaan.");
      return;
    }
    this.#undoTake = null;
    this.#offerTake();
    this.#element.querySelector("[data-gk-action=take-link]").focus();
    this.#render();
    this.#status("Je vorige antwoorden in deze browser zijn teruggezet.");
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
    const name = code.respondentName(stored.answers, this.#instrument) ?? "Mijn antwoorden";
    this.#add({ ...stored, name, source: OWN, own: true });
    this.#keep();
    this.#render();
    this.#refuse([]);
    this.#status(`Je eigen antwoorden zijn toegevoegd. ${this.#count()}`);
    this.#element.querySelector("[data-gk-action=open]").focus();
  }

  #add({ name, data, answers, source, own = false, moment = null }) {
    const taken = this.#respondents.map((r) => r.name);
    const unique = name === null ? this.#code.anonymousName(taken) : this.#code.distinctName(name, taken);
    const version = Number.isInteger(data?.instrument?.version) ? data.instrument.version : this.#structure.version;
    this.#respondents.push({ id: `r${this.#next++}`, name: unique, defaultName: unique, source, own, version, data, answers, moment });
  }

  /** Take a respondent out of the view; the figures are worked out again without them. */
  remove(id) {
    const index = this.#respondents.findIndex((r) => r.id === id);
    if (index < 0) return;
    const [gone] = this.#respondents.splice(index, 1);
    this.#keep();
    this.#render();
    this.#status(`${gone.name} is uit het overzicht gehaald. ${this.#count()}`);
    const next = this.#respondents[Math.min(index, this.#respondents.length - 1)];
    const focus = next
      ? this.#made(`[data-gk-remove="${CSS.escape(next.id)}"]`)
      : this.#element.querySelector("[data-gk-action=open]");
    focus?.focus();
  }

  /** The panels of the joint version and the agreements, made once the code is there. */
  get #panel() {
    this.#panels ??= {
      joint: new this.#code.JointPanel(this.#part("joint-panel"), {
        joint: () => (this.#joint ??= new Map()),
        agreements: () => this.#agreements,
        changed: () => this.#keep(),
        say: (text) => this.#status(text),
        tookOver: () => this.#render(), // Mijn antwoorden … toevoegen now adds the joint version
      }),
      agreements: new this.#code.AgreementsPanel(this.#part("agreements-panel"), {
        rows: () => this.#agreements,
        changed: () => this.#keep(),
        say: (text) => this.#status(text),
      }),
    };
    return this.#panels;
  }

  /** Show the joint version or the agreements (drawn afresh), and go to it. */
  #openPanel(name) {
    if (!this.#code) return;
    this.#showPanel(name, true);
    this.#part(`${name}-panel`).querySelector("h2").focus();
  }

  #showPanel(name, open) {
    const element = this.#part(`${name}-panel`);
    if (open) this.#panel[name].draw(this.#structure, this.#respondents, this.#code.parts);
    else element.replaceChildren();
    element.hidden = !open;
    this.#element.querySelector(`[data-gk-action=${name}]`).setAttribute("aria-expanded", String(open));
  }

  /** Present the session on a projector, screen by screen; back to Presenteren afterwards. */
  present() {
    if (!this.#code || this.#respondents.length === 0) return;
    const button = this.#element.querySelector("[data-gk-action=present]");
    const screens = this.#code.slides(this.#structure, this.#respondents, this.#code.parts, this.#agreements);
    // The browser gives the focus back as the dialog closes, before its close event: a visitor
    // may have moved on by then, so the button only takes back a focus that was lost.
    const lost = () => !document.activeElement || document.activeElement === document.body;
    this.#code.present(screens, { done: () => lost() && button.focus() });
  }

  get #session() {
    return { respondents: this.#respondents, joint: this.#joint, agreements: this.#agreements };
  }

  /** Save the whole session (everyone under the names given here, the joint version and the
   *  agreements) as one file, which Sessie openen brings back. */
  export() {
    try {
      const { download, fileName, toSessionFile } = this.#code;
      download(fileName(`${this.#structure.id}-sessie`), toSessionFile(this.#instrument, this.#session));
    } catch {
      // Files are checked on opening, so this is not expected; if it happens, it is told.
      this.#status("De sessie kon niet worden geëxporteerd. Er is geen bestand gemaakt.");
    }
  }

  /** Open a session file in place of this tab's session (after asking, when it has one). */
  async openSession(file) {
    const code = await this.#ready();
    if (!code) return;
    let session;
    try {
      session = code.readSession(await readJson(file, { maxBytes: MAX_COMPARISON_BYTES }), this.#instrument);
    } catch (error) {
      this.#refuse([`${quoted(file.name)} is niet geopend. ${refusal(error)} De sessie is niet veranderd.`]);
      this.#status("");
      return;
    }
    if (!this.#empty && !window.confirm(REPLACE_QUESTION)) return;
    for (const entry of session.entries) entry.source ??= `${file.name}, deelnemer ${entry.part}`;
    this.#take(session);
    this.#keep();
    this.#render();
    this.#refuse(session.refusals.map(({ part, error }) => `Deelnemer ${part} uit ${quoted(file.name)} is niet geopend. ${refusal(error)}`));
    this.#status(`Sessie geopend uit ${quoted(file.name)}. ${this.#count()}`);
  }

  /** Empty the session (after asking): the view, the joint version, the agreements, this tab's copy. */
  close() {
    if (!this.#empty && !window.confirm(CLOSE_QUESTION)) return;
    this.#take({ entries: [], joint: null, agreements: [] });
    try {
      this.#tab.remove(SESSION_KEY(this.#structure.id));
    } catch {
      // Storage is blocked: nothing was kept in it either.
    }
    this.#kept = true;
    this.#render();
    this.#refuse([]);
    this.#status("De sessie is gesloten. Er staat niets meer van in dit tabblad.");
    this.#element.querySelector("[data-gk-action=open]").focus();
  }

  get #empty() {
    return this.#respondents.length === 0 && this.#joint === null && this.#agreements.length === 0;
  }

  /** Make a session read from a file or this tab's copy the one in view. */
  #take({ entries, joint, agreements }) {
    this.#respondents = [];
    for (const { name, source, own, data, answers, part, moment } of entries) {
      this.#add({ name, source: source ?? `deelnemer ${part}`, own, data, answers, moment });
    }
    // A link read later is "link n" after those already in the session.
    this.#links = Math.max(0, ...this.#respondents.map(({ source }) => this.#code.linkNumber(source)));
    this.#joint = joint;
    this.#agreements = agreements;
    if (this.#code) {
      this.#showPanel("joint", joint !== null);
      this.#showPanel("agreements", agreements.length > 0);
    }
  }

  /** This tab's copy of the session (text), or null. */
  #storedSession() {
    try {
      return this.#tab.read(SESSION_KEY(this.#structure.id));
    } catch {
      return null;
    }
  }

  /** Bring back this tab's session (after a reload or a visit to another page of the site). */
  async #restore() {
    const code = await this.#ready();
    if (!code) return;
    try {
      const session = code.readSession(JSON.parse(this.#storedSession()), this.#instrument);
      this.#take(session);
      this.#status(`De sessie in dit tabblad is teruggezet. ${this.#count()}`);
    } catch {
      // Not expected (this page wrote it); a damaged copy is not shown and is replaced by the next change.
      this.#status("De sessie in dit tabblad kon niet worden teruggezet.");
    }
    this.#render();
  }

  /** Keep the session in this tab: every change is kept at once. */
  #keep() {
    const key = SESSION_KEY(this.#structure.id);
    let kept = true;
    try {
      if (this.#empty) this.#tab.remove(key);
      else this.#tab.write(key, JSON.stringify(this.#code.toSessionFile(this.#instrument, this.#session, { inThisTab: true })));
    } catch {
      kept = false;
    }
    // Said once, when it stops working, and again once it works again.
    if (kept !== this.#kept) this.#refuse(kept ? [] : [NOT_KEPT]);
    this.#kept = kept;
  }

  #count() {
    const n = this.#respondents.length;
    return n === 0 ? "Er staan nog geen antwoorden in dit overzicht." : `In dit overzicht: ${plural(n, "deelnemer", "deelnemers")}.`;
  }

  // Respondents come only through the loaded code, so an empty view is all there is without them.
  #render() {
    const filled = this.#respondents.length > 0;
    // The view is made and shown a few pieces a frame (#unfold): made and laid out at once, the
    // view of 20 participants (4,000 boxes) blocked a slow phone for a third of a second.
    this.#later = filled ? this.#code.comparisonView(this.#structure, this.#respondents, this.#code.parts) : null;
    cancelAnimationFrame(this.#frame); // the view drawn before: one drawing at a time
    this.#part("view").replaceChildren();
    this.#part("when-filled").hidden = this.#empty;
    this.#element.querySelector("[data-gk-action=own]").hidden =
      this.#respondents.some((r) => r.own) || this.#stored() === null;
    this.#element.classList.toggle("is-filled", filled);
    // What the panels show of the participants changes with them.
    for (const name of ["joint", "agreements"]) if (!this.#part(`${name}-panel`).hidden) this.#showPanel(name, true);
    this.#fillDate();
    this.#unfold();
  }

  /** Make and show the view's next pieces (comparisonView), a frame's worth (FRAME_ELEMENTS,
   *  FRAME_MS), and the next ones a frame later, and so on; then say the view is drawn. All at
   *  once (`all`) when it prints. */
  #unfold(all) {
    const start = performance.now();
    let shown = 0;
    for (let piece = this.#step(); piece; piece = this.#step()) {
      shown += piece.getElementsByTagName("*").length + 1;
      const full = shown >= FRAME_ELEMENTS || performance.now() - start >= FRAME_MS;
      if (full && !all) {
        this.#frame = requestAnimationFrame(() => this.#unfold());
        return;
      }
    }
    // Tests and the benchmark wait for this: the view is drawn.
    if (!all) this.#element.dispatchEvent(new CustomEvent("gk-compare-rendered", { bubbles: true }));
  }

  /** Make and show the view's next piece; null once it is all there. */
  #step() {
    const next = this.#later?.next();
    if (!next || next.done) return null;
    if (!next.value.isConnected) this.#part("view").append(next.value); // a part; its pieces are in it
    return next.value;
  }

  /** The view's element that `selector` finds, made now if it was still to come (to take the
   *  focus the moment the view is drawn anew); null if the view has none. */
  #made(selector) {
    let found = this.#element.querySelector(selector);
    while (!found && this.#step()) found = this.#element.querySelector(selector);
    return found;
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
