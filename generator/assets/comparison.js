// Lining up the answer files of several respondents to one instrument (the comparison view):
// who they are, which of their answers belong to this version of the instrument, which of their
// matrix columns and 8-tje partners are the same, and the combined file. Pure: no DOM, no storage.
import { AnswerFileError, fromFile } from "./answers.js";

export const COMPARISON_FORMAT = "gereedschapskist-vergelijking";
const MAX_NAME = 80; // characters of a name shown; the facilitator can rename
const MAX_RESPONDENTS = 200;
const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const isObject = (value) => typeof value === "object" && value !== null && !Array.isArray(value);
const oneLine = (text) => text.replace(/\s+/g, " ").trim();
const shorten = (text) => (text.length > MAX_NAME ? `${text.slice(0, MAX_NAME - 1)}…` : text);
/** Names are the same when they differ only in case or spaces ("ROC Zadkine", " roc  zadkine"). */
const sameName = (name) => oneLine(name).toLocaleLowerCase("nl");

/** The name a respondent goes by: their name, else their organisation, else the file's name. */
export function respondentName(answers, fileName) {
  for (const key of ["respondent.naam", "respondent.organisatie"]) {
    const value = answers.get(key);
    if (typeof value === "string" && oneLine(value)) return shorten(oneLine(value));
  }
  return shorten(oneLine(fileName.replace(/\.json$/i, ""))) || "Naamloos";
}

/** `name`, or "name (2)", "name (3)"… when a name in `taken` is the same. */
export function distinctName(name, taken) {
  const used = new Set([...taken].map(sameName));
  if (!used.has(sameName(name))) return name;
  for (let number = 2; ; number += 1) {
    const candidate = `${name} (${number})`;
    if (!used.has(sameName(candidate))) return candidate;
  }
}

/**
 * The respondents in an opened file: one for an answer file, all of them for a combined file.
 * Returns `{ entries: [{ name, data, answers, part }], refusals: [{ part, error }] }`, where
 * `part` numbers the respondents of a combined file (null in an answer file): its bad entries
 * are refused one by one. Throws AnswerFileError when nothing in the file can be used.
 */
export function readEntries(data, fileName, instrument) {
  if (!isObject(data) || data.format !== COMPARISON_FORMAT) {
    const answers = fromFile(data, instrument);
    return { entries: [{ name: respondentName(answers, fileName), data, answers, part: null }], refusals: [] };
  }
  if (data.version !== 1) {
    throw new AnswerFileError(
      typeof data.version === "number" && data.version > 1
        ? "Deze vergelijking is gemaakt met een nieuwere versie van de site en kan hier niet worden geopend."
        : "De versie van deze vergelijking is onbekend.",
    );
  }
  if (!isObject(data.instrument) || data.instrument.id !== instrument.id) {
    throw new AnswerFileError("Deze vergelijking hoort bij een ander instrument.");
  }
  if (!Array.isArray(data.respondents) || data.respondents.length > MAX_RESPONDENTS) {
    throw new AnswerFileError("De deelnemers in deze vergelijking zijn niet leesbaar.");
  }
  const entries = [];
  const refusals = [];
  data.respondents.forEach((respondent, index) => {
    const part = index + 1;
    try {
      if (!isObject(respondent)) throw new AnswerFileError("Deze deelnemer is niet leesbaar.");
      const answers = fromFile(respondent.file, instrument);
      const given = typeof respondent.name === "string" ? shorten(oneLine(respondent.name)) : "";
      const name = given || respondentName(answers, `${fileName} ${part}`);
      entries.push({ name, data: respondent.file, answers, part });
    } catch (error) {
      if (!(error instanceof AnswerFileError)) throw error;
      refusals.push({ part, error });
    }
  });
  return { entries, refusals };
}

/** The combined file: every respondent's name in the view and their answer file as opened. */
export function toComparisonFile(instrument, respondents, saved = new Date()) {
  return {
    format: COMPARISON_FORMAT,
    version: 1,
    instrument: { id: instrument.id, version: instrument.version },
    saved: saved.toISOString().replace(/\.\d{3}Z$/, "Z"),
    respondents: respondents.map(({ name, data }) => ({ name, file: data })),
  };
}



// --- the instrument's structure (generator/compare.py) -------------------------------------

/** The sections with statements on a scale, as results.js takes them. */
export const aspects = (structure) =>
  structure.sections
    .filter((section) => section.role === "aspect")
    .map(({ id, title, fields }) => ({
      id,
      title,
      statements: fields.filter((f) => f.type === "scale").map(({ key, label, scale }) => ({ key, label, scale })),
    }));

/** Whether an answer key belongs to this version of the instrument (a question it asks, a
 *  name or order of its repeats, or who answered). */
export function knownKeys(structure) {
  const plain = new Set();
  const repeats = new Map();
  for (const section of structure.sections) {
    if (section.repeat) repeats.set(section.id, section);
    else for (const field of section.fields) plain.add(field.key);
  }
  const ids = (list) => new Set(list.map(({ id }) => id));
  return (key) => {
    if (key.startsWith("respondent.") || plain.has(key)) return true;
    const [first, ...rest] = key.split(".");
    const section = repeats.get(first);
    if (!section) return false;
    if (rest.length === 0) return true; // the chosen columns, the parties in order
    const fields = ids(section.fields);
    const isName = rest.length === 2 && rest[1] === structure.nameField && !rest[0].includes("--");
    if (section.repeat.type === "menu") return isName || (rest.length === 2 && fields.has(rest[1]));
    const levels = ids(section.repeat.levels);
    const links = ids(section.repeat.linkFields);
    if (rest.length !== 3) return isName;
    const [party, level, field] = rest;
    if (party.includes("--")) return levels.has(level) && links.has(field); // across
    if (level.includes("--")) return level.split("--").every((l) => levels.has(l)) && links.has(field); // down
    return levels.has(level) && fields.has(field);
  };
}

// --- text answers side by side ---------------------------------------------------------------

// A group of questions asked of one thing (an activity, a partner on a level, a link), with
// each respondent's key for every question, or null where the respondent lacks the thing.

const rows = (fields, keyOf) => fields.map((field) => ({ field, keys: keyOf(field) }));

function plainGroups(section, count) {
  const fields = section.fields.filter((field) => field.type !== "scale");
  if (fields.length === 0) return [];
  return [{ heading: null, absent: null, rows: rows(fields, (f) => Array(count).fill(f.key)) }];
}

/** Matrix: one group per activity anyone chose; menu options by id, own ones by name. */
function menuGroups(section, answerSets, nameField) {
  const { options, own } = section.repeat;
  const menuIds = new Set(options.map(({ id }) => id));
  const chosen = answerSets.map((answers) => {
    const list = answers.get(section.id);
    return new Set(Array.isArray(list) ? list : []);
  });
  const activities = options
    .filter(({ id }) => chosen.some((set) => set.has(id)))
    .map(({ id, label }) => ({ heading: label, columns: chosen.map((set) => (set.has(id) ? id : null)) }));
  const owned = new Map(); // same name → the activity, with each respondent's column id
  answerSets.forEach((answers, index) => {
    for (const [key, value] of answers) {
      const [first, column, last, ...more] = key.split(".");
      if (first !== section.id || last !== nameField || more.length || menuIds.has(column)) continue;
      if (!chosen[index].has(column) || typeof value !== "string" || !oneLine(value)) continue;
      const name = sameName(value);
      if (!owned.has(name)) {
        owned.set(name, { heading: `${own ?? "Eigen activiteit"}: ${oneLine(value)}`, columns: Array(answerSets.length).fill(null) });
      }
      const activity = owned.get(name);
      activity.columns[index] ??= column;
    }
  });
  return [...activities, ...owned.values()].map(({ heading, columns }) => ({
    heading,
    absent: "Niet gekozen",
    rows: rows(section.fields, (f) => columns.map((c) => (c === null ? null : `${section.id}.${c}.${f.id}`))),
  }));
}

/** One respondent's parties of an 8-tje in order, with their names. */
function partiesOf(section, answers, nameField) {
  const { party, parties } = section.repeat;
  const listed = answers.get(section.id);
  const valid = Array.isArray(listed) && listed.length >= 2 && listed.every((id) => ID.test(id));
  const order = valid && new Set(listed).size === listed.length ? listed : parties.map(({ id }) => id);
  return order.map((id, index) => {
    const stored = answers.get(`${section.id}.${id}.${nameField}`);
    const name =
      (typeof stored === "string" && oneLine(stored)) ||
      parties.find((p) => p.id === id)?.name ||
      `${party} ${LETTERS[index] ?? index + 1}`;
    return { id, name };
  });
}

/** 8-tje: one group per partner and level, per link down, and per link across; partners are
 *  the same when their names are (case and spaces aside), whatever their ids. */
function partyGroups(section, answerSets, structure) {
  const { levels, linkFields } = section.repeat;
  const between = structure.between;
  const partners = new Map(); // same name (and how many before it in that file) → partner
  const align = answerSets.map((answers, index) => {
    const seen = new Map();
    return partiesOf(section, answers, structure.nameField).map(({ id, name }) => {
      const count = (seen.get(sameName(name)) ?? 0) + 1;
      seen.set(sameName(name), count);
      const key = `${sameName(name)}#${count}`;
      if (!partners.has(key)) partners.set(key, { name: count > 1 ? `${name} (${count})` : name, ids: Array(answerSets.length).fill(null) });
      partners.get(key).ids[index] = id;
      return key;
    });
  });
  const groups = [];
  const keysFor = (ids, path, fields) => rows(fields, (f) => ids.map((id) => (id === null ? null : `${section.id}.${path(id)}.${f.id}`)));
  for (const { name, ids } of partners.values()) {
    levels.forEach((level, i) => {
      groups.push({ heading: `${name}, ${level.label}`, absent: "Partner niet genoemd", rows: keysFor(ids, (id) => `${id}.${level.id}`, section.fields) });
      const lower = levels[i + 1];
      if (!lower) return;
      groups.push({
        heading: `${name}, ${level.label}${between}${lower.label}`,
        absent: "Partner niet genoemd",
        rows: keysFor(ids, (id) => `${id}.${level.id}--${lower.id}`, linkFields),
      });
    });
  }
  const links = new Map(); // the two partners, in the order first seen → each respondent's link
  align.forEach((order, index) => {
    order.slice(1).forEach((right, i) => {
      const left = order[i];
      const pair = [left, right].sort().join("|");
      if (!links.has(pair)) links.set(pair, { ends: [left, right], ids: Array(answerSets.length).fill(null) });
      links.get(pair).ids[index] = `${partners.get(left).ids[index]}--${partners.get(right).ids[index]}`;
    });
  });
  for (const { ends, ids } of links.values()) {
    const [left, right] = ends.map((key) => partners.get(key).name);
    for (const level of levels) {
      groups.push({
        heading: `${left}${between}${right}, ${level.label}`,
        absent: "Geen verbinding tussen deze partners",
        rows: keysFor(ids, (id) => `${id}.${level.id}`, linkFields),
      });
    }
  }
  return groups;
}

/**
 * The questions answered in words, per section, lined up across respondents:
 * `[{ id, title, groups: [{ heading, absent, rows: [{ field, keys }] }] }]`, where `keys` holds
 * each respondent's answer key (null: the respondent did not choose the activity or name the
 * partner, and `absent` says so). Scale statements are left out: they have their figures.
 */
export function textSections(structure, answerSets) {
  return structure.sections
    .map((section) => {
      const type = section.repeat?.type;
      const groups =
        type === "menu"
          ? menuGroups(section, answerSets, structure.nameField)
          : type === "parties"
            ? partyGroups(section, answerSets, structure)
            : plainGroups(section, answerSets.length);
      return { id: section.id, title: section.title, groups };
    })
    .filter(({ groups }) => groups.length > 0);
}
