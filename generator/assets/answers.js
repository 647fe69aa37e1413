// Answers: the answer file format (DESIGN.md §3), reading and writing them from a form, keeping
// them in localStorage, checking a file a user opens and handing one to the browser to save. No
// DOM work beyond the form's controls and that download.

export const FORMAT = "gereedschapskist-antwoorden";
export const FORMAT_VERSION = 1;
export const MAX_FILE_BYTES = 1024 * 1024;
const MAX_TEXT = 100_000; // characters in one answer
// An answer key: ids joined by ".", where one part may name a link between two ids ("a--b").
const KEY = /^[a-z0-9]+(-[a-z0-9]+)*(--[a-z0-9]+(-[a-z0-9]+)*)?(\.[a-z0-9]+(-[a-z0-9]+)*(--[a-z0-9]+(-[a-z0-9]+)*)?)*$/;
const RESPONDENT = "respondent.";

/** The localStorage key of an instrument's answers (namespaced: Material keeps its own keys). */
export const storageKey = (instrumentId) => `gereedschapskist:antwoorden:${instrumentId}`;

/** Every control of a form that holds an answer, by its name (the answer key). */
function controls(form) {
  return [...form.elements].filter((c) => c.name); // a <template>'s content is not in the form
}

/** The answers in a form: a Map of key to text, number, or list (checkbox groups, orders). */
export function collect(form) {
  const answers = new Map();
  for (const control of controls(form)) {
    const { name, type, value } = control;
    if (type === "checkbox") {
      const list = answers.get(name) ?? [];
      if (control.checked) list.push(value);
      answers.set(name, list);
    } else if (type === "radio") {
      if (control.checked) answers.set(name, /^\d+$/.test(value) ? Number(value) : value);
    } else if (control.dataset.gkOrder !== undefined) {
      answers.set(name, value.split(" ").filter(Boolean));
    } else if (value !== "") {
      answers.set(name, value);
    }
  }
  return answers;
}

const checkable = (control) => control.type === "checkbox" || control.type === "radio";

/** Whether a control differs from the page as it was written: changed by the visitor. */
function changed(control) {
  if (checkable(control)) return control.checked !== control.defaultChecked;
  if (control.options) return [...control.options].some((option) => option.selected !== option.defaultSelected);
  return control.value !== control.defaultValue;
}

/** Set a control back to the page as it was written. */
function unchange(control) {
  if (checkable(control)) control.checked = control.defaultChecked;
  else if (control.options) for (const option of control.options) option.selected = option.defaultSelected;
  else control.value = control.defaultValue;
}

/** The answers a visitor gave before the page's code started (typed into the plain form), and
 *  those controls set back to the page as written, so that what was stored can be put around
 *  them. */
export function takeEarlyAnswers(form) {
  const edited = controls(form).filter(changed);
  const names = new Set(edited.map((control) => control.name));
  const early = new Map([...collect(form)].filter(([key]) => names.has(key)));
  for (const control of edited) unchange(control);
  return early;
}

/** Put answers into a form's controls, as text (never as HTML). Returns the answers it had no
 *  place for (a key this form lacks, or a value that does not fit its control, like text for a
 *  scale): they are kept and saved again, never dropped. */
export function apply(form, answers, { skip = null } = {}) {
  const placed = new Set();
  for (const control of controls(form)) {
    const { name, type } = control;
    if (control === skip || control.dataset.gkOrder !== undefined) {
      // The user is typing here (their text wins), or the parties put themselves in order.
      placed.add(name);
      continue;
    }
    const answer = answers.get(name);
    if (type === "checkbox") {
      const list = Array.isArray(answer) ? answer : [];
      control.checked = list.includes(control.value);
      if (Array.isArray(answer)) placed.add(name);
    } else if (type === "radio") {
      control.checked = answer !== undefined && String(answer) === control.value;
      if (control.checked) placed.add(name);
    } else {
      control.value = typeof answer === "string" ? answer : "";
      if (typeof answer === "string") placed.add(name);
    }
  }
  return new Map([...answers].filter(([key]) => !placed.has(key)));
}

/** Whether two sets of answers say the same (a blank form compared with the current one). */
export function same(a, b) {
  const text = (answers) => JSON.stringify([...answers].sort(([x], [y]) => (x < y ? -1 : 1)));
  return text(a) === text(b);
}

/** The answer file of an instrument (what is exported and what localStorage holds). */
export function toFile(instrument, answers, saved = new Date()) {
  const respondent = {};
  const rest = {};
  for (const [key, value] of answers) {
    if (key.startsWith(RESPONDENT)) respondent[key.slice(RESPONDENT.length)] = value;
    else rest[key] = value;
  }
  return {
    format: FORMAT,
    version: FORMAT_VERSION,
    instrument: { id: instrument.id, version: instrument.version },
    respondent,
    saved: saved.toISOString().replace(/\.\d{3}Z$/, "Z"),
    answers: rest,
  };
}

/** Thrown for a file or stored value that is not a valid answer file; the message is Dutch. */
export class AnswerFileError extends Error {}

const isObject = (value) => typeof value === "object" && value !== null && !Array.isArray(value);

function checkValue(key, value) {
  if (typeof value === "string" && value.length > MAX_TEXT) {
    throw new AnswerFileError(`Het antwoord bij "${key}" is te lang (meer dan 100.000 tekens).`);
  }
  if (key.startsWith(RESPONDENT) && typeof value !== "string") {
    throw new AnswerFileError(`Het antwoord bij "${key}" is geen tekst.`); // a name is text
  }
  const ok =
    typeof value === "string" ||
    (typeof value === "number" && Number.isFinite(value)) ||
    (Array.isArray(value) && value.length <= 1000 && value.every((v) => typeof v === "string" && KEY.test(v)));
  if (!ok) throw new AnswerFileError(`Het antwoord bij "${key}" is geen tekst, getal of lijst.`);
}

/** Check parsed JSON as an answer file of this instrument; returns its answers as a Map. */
export function fromFile(data, instrument) {
  if (!isObject(data) || data.format !== FORMAT) {
    throw new AnswerFileError("Dit is geen antwoordbestand van de Gereedschapskist.");
  }
  if (data.version !== FORMAT_VERSION) {
    throw new AnswerFileError(
      typeof data.version === "number" && data.version > FORMAT_VERSION
        ? "Dit antwoordbestand is gemaakt met een nieuwere versie van de site en kan hier niet worden geopend."
        : "De versie van dit antwoordbestand is onbekend.",
    );
  }
  if (!isObject(data.instrument) || typeof data.instrument.id !== "string") {
    throw new AnswerFileError("In dit antwoordbestand staat niet bij welk instrument het hoort.");
  }
  if (!Number.isInteger(data.instrument.version) || data.instrument.version < 1) {
    throw new AnswerFileError(
      "In dit antwoordbestand staat niet bij welke versie van het instrument het hoort.",
    );
  }
  if (data.instrument.id !== instrument.id) {
    throw new AnswerFileError(
      `Dit antwoordbestand hoort bij een ander instrument ("${data.instrument.id.slice(0, 60)}"), niet bij dit instrument.`,
    );
  }
  if (!isObject(data.answers) || (data.respondent !== undefined && !isObject(data.respondent))) {
    throw new AnswerFileError("De antwoorden in dit bestand zijn niet leesbaar.");
  }
  const answers = new Map();
  for (const [group, prefix] of [[data.answers, ""], [data.respondent ?? {}, RESPONDENT]]) {
    for (const [name, value] of Object.entries(group)) {
      const key = prefix + name;
      if (!KEY.test(key)) {
        throw new AnswerFileError(`Dit antwoordbestand bevat een antwoord met een ongeldige naam.`);
      }
      checkValue(key, value);
      answers.set(key, value);
    }
  }
  return answers;
}

/** Read a file the user opened: size, JSON, format, instrument. Resolves to its answers. */
export async function readFile(file, instrument) {
  return fromFile(await readJson(file), instrument);
}

/** The refusal of a file larger than `maxBytes`: an answer file's limit, or a larger one. */
export const fileTooBig = (maxBytes = MAX_FILE_BYTES) =>
  new AnswerFileError(
    maxBytes === MAX_FILE_BYTES
      ? "Dit bestand is te groot voor een antwoordbestand (meer dan 1 MB)."
      : `Dit bestand is te groot (meer dan ${maxBytes / MAX_FILE_BYTES} MB).`,
  );

/** Read a file the user opened as JSON (size, UTF-8, syntax checked). Resolves to the data.
 *  A comparison, which holds many answer files, may be larger than one (`maxBytes`). */
export async function readJson(file, { maxBytes = MAX_FILE_BYTES } = {}) {
  if (file.size > maxBytes) throw fileTooBig(maxBytes);
  let text;
  try {
    // Strictly UTF-8 (a leading byte-order mark is fine): other encodings would mangle letters.
    text = new TextDecoder("utf-8", { fatal: true }).decode(await file.arrayBuffer());
  } catch {
    throw new AnswerFileError("Dit bestand is geen antwoordbestand: de tekst is niet in UTF-8 opgeslagen.");
  }
  let data;
  try {
    data = JSON.parse(text);
  } catch {
    throw new AnswerFileError("Dit bestand is geen antwoordbestand: het is geen leesbare JSON.");
  }
  return data;
}

/** The file name of an export: `<id>-<yyyy-mm-dd>.json`, in local time. */
export function fileName(instrumentId, date = new Date()) {
  const pad = (n) => String(n).padStart(2, "0");
  return `${instrumentId}-${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}.json`;
}

/** Hand data to the browser to save as a JSON file named `name` (nothing leaves the device). */
export function download(name, data) {
  const blob = new Blob([`${JSON.stringify(data, null, 2)}\n`], { type: "application/json" });
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

/** localStorage behind try/catch: blocked, full or missing storage is reported, never thrown.
 *  Even reaching `localStorage` throws where it is blocked, so it is looked up on every use. */
export class Store {
  constructor(storage = () => globalThis.localStorage) {
    this.storage = storage;
  }

  /** The stored text under a key, or null; throws only StorageUnavailable. */
  read(key) {
    try {
      return this.storage().getItem(key);
    } catch {
      throw new StorageUnavailable();
    }
  }

  write(key, text) {
    try {
      this.storage().setItem(key, text);
    } catch (error) {
      throw new StorageUnavailable(error?.name === "QuotaExceededError");
    }
  }

  remove(key) {
    try {
      this.storage().removeItem(key);
    } catch {
      throw new StorageUnavailable();
    }
  }
}

export class StorageUnavailable extends Error {
  constructor(full = false) {
    super(full ? "full" : "unavailable");
    this.full = full;
  }
}
