// Answers: the answer file format (DESIGN.md §3), reading and writing them from a form, keeping
// them in localStorage, checking a file a user opens and handing one to the browser to save. No
// DOM work beyond the form's controls and that download. An `instrument` here is `{ id, version,
// keys }`, where `keys` is the key scheme the page carries as data (generator/answer_keys.py).

export const FORMAT = "gereedschapskist-antwoorden";
export const FORMAT_VERSION = 1;
export const MAX_TEXT = 100_000; // characters in one answer
// No instrument asks this many questions: a file with more is not an answer file, and would
// freeze the page that lays it out (docs/antwoordbestand.md states these limits).
const MAX_ANSWERS = 2000;
export const MAX_NAMED = 20; // own activities of a matrix, or partners of an 8-tje

/** How an answer file's keys are read, by the scheme a page carries as data (keys.js makes keys
 *  and place names from the same scheme). An id is lowercase letters and digits in groups joined
 *  by single hyphens (the definitions' id rule); a key's part is an id, or two joined in a link. */
export function keyReader({ separator, link, nameField, respondent, respondentFields }) {
  const prefix = respondent + separator;
  return {
    respondent: prefix,
    /** The respondent fields' keys, in the order a respondent's name is taken from them. */
    respondentKeys: respondentFields.map((field) => prefix + field),
    /** The section whose own column or party a key names (`<section>.<id>.naam`), or null. */
    namedIn: (key) => {
      const ids = key.split(separator);
      return ids.length === 3 && ids[2] === nameField ? ids[0] : null;
    },
    isValid: (key) =>
      key.split(separator).every((part) => {
        const ends = part.split(link);
        return ends.length < 3 && ends.every(isId);
      }),
  };
}

/** Whether text is one id: lowercase letters and digits in groups joined by single hyphens. */
export const isId = (text) => /^[a-z0-9]+(-[a-z0-9]+)*$/.test(text);

// --- the links across of a parties section (het 8-tje): which pairs of parties it links --------

const LINK = "--"; // joins two ids into a link's id (answer_keys.py)

/** The id of the link between two parties. */
export const linkId = (left, right) => `${left}${LINK}${right}`;

/** The two parties a link joins. */
export const endsOf = (id) => id.split(LINK);

/**
 * The links of a section whose parties are `order`: those `listed` (the answers'
 * `<section>.verbindingen`) that join two different parties of it, each pair once, in their
 * order; without a list (a file from before links could be chosen) each party and its
 * neighbour, as the 8-tje was then.
 */
export function linksOf(order, listed) {
  if (!Array.isArray(listed)) return order.slice(1).map((right, i) => linkId(order[i], right));
  const pairs = new Set();
  return listed.filter((id) => {
    const ends = typeof id === "string" ? endsOf(id) : [];
    const pair = [...ends].sort().join(" ");
    const fine = ends.length === 2 && ends[0] !== ends[1] && ends.every((end) => order.includes(end)) && !pairs.has(pair);
    pairs.add(pair);
    return fine;
  });
}

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
      // An order that is the blank form's own and only says so (an agreements list's one row)
      // is left out: a file without it means the same.
      if (value !== control.dataset.gkBlank) answers.set(name, value.split(" ").filter(Boolean));
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
export function apply(form, answers) {
  const placed = new Set();
  for (const control of controls(form)) {
    const { name, type } = control;
    if (control.dataset.gkOrder !== undefined) {
      // The parts put themselves in order; one whose code has not come yet keeps it aside.
      if (control.closest("[data-gk-part]:not(:defined)") === null) placed.add(name);
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
      setText(control, typeof answer === "string" ? answer : "");
      // A control refuses a value it cannot hold (a date field, text that is no date): kept.
      if (typeof answer === "string" && control.value === answer) placed.add(name);
    }
  }
  return new Map([...answers].filter(([key]) => !placed.has(key)));
}

/** Set a text control's value, only if it changes: the cursor in a field being typed in stays
 *  where it is when another tab's copy says the same (a new text puts it at the end). */
function setText(control, text) {
  if (control.value !== text) control.value = text;
}

/** The answer file of an instrument (what is exported and what localStorage holds). */
export function toFile(instrument, answers, saved = new Date()) {
  const { respondent: prefix } = keyReader(instrument.keys);
  const respondent = {};
  const rest = {};
  for (const [key, value] of answers) {
    if (key.startsWith(prefix)) respondent[key.slice(prefix.length)] = value;
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

// --- two tabs, one truth: what this browser keeps is merged per answer -----------------------

// Beside the answer file, the stored copy says when each answer last changed (ms since 1970,
// also for answers since emptied or removed), so tabs merge per answer: the newer edit wins.
// An export leaves it out; an import ignores it.
const EDITED = "edited";
const FORGET_EMPTIED = 30 * 24 * 60 * 60 * 1000; // an emptied answer's time matters this long

const encode = (value) => (value === undefined ? "" : JSON.stringify(value));

/** Whether two answers are the same: text, number, list of ids, or none. (Cheaper than encoding
 *  both: this runs for every answer on every keystroke.) */
const sameAnswer = (a, b) =>
  a === b || (Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => x === b[i]));

/** The keys whose answers differ between two sets of answers (added and removed ones too):
 *  none when they say the same. */
export function changedKeys(before, after) {
  const changed = [...after.keys()].filter((key) => !sameAnswer(before.get(key), after.get(key)));
  for (const key of before.keys()) if (!after.has(key)) changed.push(key);
  return changed;
}

/** What this browser keeps for an instrument: its answer file, and when each answer changed. */
export function toStored(instrument, answers, edited, now = Date.now()) {
  const times = {};
  for (const [key, time] of edited) {
    if (answers.has(key) || now - time < FORGET_EMPTIED) times[key] = time;
  }
  return { ...toFile(instrument, answers, new Date(now)), [EDITED]: times };
}

/** A stored copy (text) as its answer file (without the edit times), its answers and when each
 *  changed; throws AnswerFileError or SyntaxError. */
export function fromStored(text, instrument) {
  const stored = JSON.parse(text);
  if (!isObject(stored)) throw new AnswerFileError("not-ours"); // "null", a number: damaged
  const { [EDITED]: times, ...file } = stored;
  const answers = fromFile(file, instrument);
  const keys = keyReader(instrument.keys);
  const edited = new Map();
  for (const [key, time] of Object.entries(isObject(times) ? times : {})) {
    // A time that is not one is taken as none: the answer then counts as oldest.
    if (keys.isValid(key) && Number.isFinite(time) && time > 0) edited.set(key, time);
  }
  return { file, answers, edited };
}

/**
 * Merge this tab's answers with another's, per answer: the one edited last wins (an emptied or
 * removed answer too); at the same moment, the same one in every tab. Returns the merged
 * answers and times, the keys whose answer here changes (`taken`), and whether this tab has
 * something newer than the other (`oursNewer`: the other's copy lacks it).
 */
export function merge(mine, mineEdited, theirs, theirEdited) {
  const answers = new Map();
  const edited = new Map();
  const taken = new Set();
  let oursNewer = false;
  const keys = new Set([...mine.keys(), ...theirs.keys(), ...mineEdited.keys(), ...theirEdited.keys()]);
  for (const key of keys) {
    const ours = mine.get(key);
    const other = theirs.get(key);
    const ourTime = mineEdited.get(key) ?? 0;
    const theirTime = theirEdited.get(key) ?? 0;
    const differ = !sameAnswer(ours, other);
    // Edited at the same moment: the same answer wins in every tab, whichever merges.
    const takeTheirs = differ && (theirTime > ourTime || (theirTime === ourTime && encode(other) > encode(ours)));
    const value = takeTheirs ? other : ours;
    const time = Math.max(ourTime, theirTime);
    if (value !== undefined) answers.set(key, value);
    if (time) edited.set(key, time);
    if (takeTheirs) taken.add(key);
    else if (differ) oursNewer = true;
  }
  return { answers, edited, taken, oursNewer };
}

/** Thrown for a file or stored value that is not an answer file this page can use. The
 *  message names the reason (`detail`: the key or instrument concerned); its Dutch wording is
 *  in opening.js, which loads when a file is opened, not on every page: see `refusal`. */
export class AnswerFileError extends Error {
  constructor(reason, detail = "") {
    super(reason);
    this.detail = detail;
  }
}

const isObject = (value) => typeof value === "object" && value !== null && !Array.isArray(value);

function checkValue(key, value, keys) {
  if (typeof value === "string" && value.length > MAX_TEXT) throw new AnswerFileError("too-long", key);
  if (key.startsWith(keys.respondent) && typeof value !== "string") throw new AnswerFileError("not-text", key);
  const ok =
    typeof value === "string" ||
    (typeof value === "number" && Number.isFinite(value)) ||
    (Array.isArray(value) && value.length <= 1000 && value.every((v) => typeof v === "string" && keys.isValid(v)));
  if (!ok) throw new AnswerFileError("not-an-answer", key);
}

/** Check parsed JSON as an answer file of this instrument; returns its answers as a Map. */
export function fromFile(data, instrument) {
  if (!isObject(data) || data.format !== FORMAT) throw new AnswerFileError("not-ours");
  if (data.version !== FORMAT_VERSION) {
    const newer = typeof data.version === "number" && data.version > FORMAT_VERSION;
    throw new AnswerFileError(newer ? "newer-format" : "unknown-format");
  }
  if (!isObject(data.instrument) || typeof data.instrument.id !== "string") {
    throw new AnswerFileError("no-instrument");
  }
  if (!Number.isInteger(data.instrument.version) || data.instrument.version < 1) {
    throw new AnswerFileError("no-instrument-version");
  }
  if (data.instrument.id !== instrument.id) {
    throw new AnswerFileError("other-instrument", data.instrument.id.slice(0, 60));
  }
  if (!isObject(data.answers) || (data.respondent !== undefined && !isObject(data.respondent))) {
    throw new AnswerFileError("unreadable");
  }
  if (Object.keys(data.answers).length > MAX_ANSWERS) throw new AnswerFileError("too-many", MAX_ANSWERS);
  const keys = keyReader(instrument.keys);
  const answers = new Map();
  for (const [group, prefix] of [[data.answers, ""], [data.respondent ?? {}, keys.respondent]]) {
    for (const [name, value] of Object.entries(group)) {
      const key = prefix + name;
      if (!keys.isValid(key)) throw new AnswerFileError("bad-key");
      checkValue(key, value, keys);
      answers.set(key, value);
    }
  }
  checkNamed(answers, keys);
  return answers;
}

/** At most MAX_NAMED own activities or partners in one part of the form. */
function checkNamed(answers, keys) {
  const named = new Map();
  for (const key of answers.keys()) {
    const section = keys.namedIn(key);
    if (section) named.set(section, (named.get(section) ?? 0) + 1);
  }
  if ([...named.values()].some((count) => count > MAX_NAMED)) throw new AnswerFileError("too-many-named", MAX_NAMED);
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

  /** The stored keys that start with `prefix`, in order. */
  keys(prefix) {
    try {
      return Object.keys(this.storage())
        .filter((key) => key.startsWith(prefix))
        .sort();
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
