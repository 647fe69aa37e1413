// Lining up the answer files of several respondents to one instrument (the comparison view):
// who they are, which of their answers belong to this version of the instrument, and the combined
// file. A repeated section is lined up by its part (parts/<type>/<type>-comparison.js: which matrix
// columns or 8-tje partners are the same). Pure: no DOM, no storage.
import { AnswerFileError, fromFile, keyReader } from "../answers.js";
import { keyScheme } from "../keys.js";

export const COMPARISON_FORMAT = "gereedschapskist-vergelijking";
export const SESSION_FORMAT = "gereedschapskist-sessie"; // session.js: respondents, and more
const GROUP_FORMATS = [COMPARISON_FORMAT, SESSION_FORMAT];
const MAX_NAME = 80; // characters of a name shown; the facilitator can rename
const MAX_RESPONDENTS = 200;

const isObject = (value) => typeof value === "object" && value !== null && !Array.isArray(value);
export const oneLine = (text) => text.replace(/\s+/g, " ").trim();
const shorten = (text) => (text.length > MAX_NAME ? `${text.slice(0, MAX_NAME - 1)}…` : text);
/** Names are the same when they differ only in case or spaces ("ROC Zadkine", " roc  zadkine"). */
export const sameName = (name) => oneLine(name).toLocaleLowerCase("nl");

/** The name a respondent goes by: their name, else their organisation; null for one who gave
 *  neither (the view calls them "Deelnemer 1", "Deelnemer 2", … in the order opened). */
export function respondentName(answers, instrument) {
  for (const key of keyReader(instrument.keys).respondentKeys) {
    const value = answers.get(key);
    if (typeof value === "string" && oneLine(value)) return shorten(oneLine(value));
  }
  return null;
}

/** The name of an anonymous participant: "Deelnemer n", the first number no one goes by. */
export function anonymousName(taken) {
  const used = new Set([...taken].map(sameName));
  for (let number = 1; ; number += 1) {
    const name = `Deelnemer ${number}`;
    if (!used.has(sameName(name))) return name;
  }
}

/** Whether two opened respondents ({ data, answers }) are one: the same answer file, or the
 *  same name or organisation saved at the same moment (the file exported twice, renamed). */
export function sameRespondent(one, other, instrument) {
  if (JSON.stringify(one.data) === JSON.stringify(other.data)) return true;
  const who = ({ answers }) =>
    keyReader(instrument.keys)
      .respondentKeys.map((key) => (typeof answers.get(key) === "string" ? sameName(answers.get(key)) : ""))
      .join("\n");
  const saved = one.data?.saved;
  return typeof saved === "string" && saved === other.data?.saved && who(one).trim() !== "" && who(one) === who(other);
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

/** Whether parsed JSON is a file of several respondents (a comparison or a session). */
/** Where a participant read from an answer link came from: "link 3" (the third in this tab). */
export const linkSource = (n) => `link ${n}`;

/** The number of a participant's link (`linkSource`), or 0 for one from a file or this browser. */
export const linkNumber = (source) => Number(/^link (\d+)$/.exec(source)?.[1] ?? 0);

export const isGroupFile = (data) => isObject(data) && GROUP_FORMATS.includes(data.format);

/**
 * The respondents in an opened file: one for an answer file, all of them for a combined file
 * (a comparison, or a session: see session.js for the rest of it). Returns `{ entries: [{ name,
 * source, data, answers, part }], refusals: [{ part, error }] }`, where `name` is null for one
 * who gave no name, `source` the file they came from in a session (else null), and `part`
 * numbers the respondents of a combined file (null in an answer file): its bad entries are
 * refused one by one. Throws AnswerFileError when nothing in the file can be used.
 */
export function readEntries(data, instrument) {
  if (!isGroupFile(data)) {
    const answers = fromFile(data, instrument);
    return { entries: [{ name: respondentName(answers, instrument), source: null, data, answers, part: null }], refusals: [] };
  }
  const session = data.format === SESSION_FORMAT;
  if (data.version !== 1) {
    throw new AnswerFileError(
      typeof data.version === "number" && data.version > 1
        ? `Deze ${session ? "sessie" : "vergelijking"} is gemaakt met een nieuwere versie van de site en kan hier niet worden geopend.`
        : `De versie van deze ${session ? "sessie" : "vergelijking"} is onbekend.`,
    );
  }
  if (!isObject(data.instrument) || data.instrument.id !== instrument.id) {
    throw new AnswerFileError(`Deze ${session ? "sessie" : "vergelijking"} hoort bij een ander instrument.`);
  }
  if (!Array.isArray(data.respondents) || data.respondents.length > MAX_RESPONDENTS) {
    throw new AnswerFileError(`De deelnemers in deze ${session ? "sessie" : "vergelijking"} zijn niet leesbaar.`);
  }
  const entries = [];
  const refusals = [];
  data.respondents.forEach((respondent, index) => {
    const part = index + 1;
    try {
      if (!isObject(respondent)) throw new AnswerFileError("Deze deelnemer is niet leesbaar.");
      const answers = fromFile(respondent.file, instrument);
      const given = typeof respondent.name === "string" ? shorten(oneLine(respondent.name)) : "";
      const source = typeof respondent.source === "string" ? shorten(oneLine(respondent.source)) : "";
      const name = given || respondentName(answers, instrument);
      entries.push({ name, source: source || null, data: respondent.file, answers, part });
    } catch (error) {
      if (!(error instanceof AnswerFileError)) throw error;
      refusals.push({ part, error });
    }
  });
  return { entries, refusals };
}

// --- the instrument's structure (generator/pages/comparison_data.py) ---------------------------

/** The sections with statements on a scale, as figures.js takes them. */
export const aspects = (structure) =>
  structure.sections
    .filter((section) => section.role === "aspect")
    .map(({ id, title, fields }) => ({
      id,
      title,
      statements: fields.filter((f) => f.type === "scale").map(({ key, label, scale }) => ({ key, label, scale })),
    }));

/** Each respondent's scale answers that are on the scale ("weet niet" included); anything else
 *  in a file (text, a number off the scale) is no answer to the statement. */
export function scaleAnswers(aspects, scales, respondents) {
  const statements = aspects.flatMap(({ statements: list }) => list);
  return respondents.map(({ answers }) => {
    const kept = new Map();
    for (const { key, scale } of statements) {
      const value = answers.get(key);
      const { options, dontKnow } = scales.get(scale);
      if (options.some((o) => o.value === value) || (dontKnow && value === dontKnow.value)) kept.set(key, value);
    }
    return kept;
  });
}

/** Whether an answer key belongs to this version of the instrument (a question it asks, a
 *  name or order of its repeats, a row of its lists, or who answered). `parts`: the comparison
 *  module of each part that lines its answers up itself (parts/<type>/<type>-comparison.js),
 *  by type. */
export function knownKeys(structure, parts) {
  const keys = keyScheme(structure.keys);
  const { respondent } = keyReader(structure.keys);
  const plain = new Set();
  const repeated = new Map();
  const own = new Map(); // fields whose part lines them up: an agreements list's rows
  for (const section of structure.sections) {
    if (section.repeat) repeated.set(section.id, section);
    else {
      for (const field of section.fields) {
        plain.add(field.key);
        if (parts[field.type]) own.set(field.key, field);
      }
    }
  }
  return (key) => {
    if (key.startsWith(respondent) || plain.has(key)) return true;
    const [first, second, ...rest] = keys.split(key);
    const section = repeated.get(first);
    // Of a repeat, the key of its section alone holds the chosen columns or the parties in order.
    if (section) return second === undefined || parts[section.repeat.type].knows(section, [second, ...rest], keys);
    const field = second === undefined ? null : own.get(keys.key(first, second));
    return field ? parts[field.type].knows(field, rest, keys) : false;
  };
}

// --- text answers side by side ---------------------------------------------------------------

// A group of questions asked of one thing (an activity, a partner on a level, a link), with
// each respondent's key for every question, or null where the respondent lacks the thing.

export const rows = (fields, keyOf) => fields.map((field) => ({ field, keys: keyOf(field) }));

/** A section asked once: each question in words side by side, or lined up by its part. */
function plainGroups(section, answerSets, parts, keys) {
  return section.fields
    .filter((field) => field.type !== "scale")
    .flatMap((field) =>
      parts[field.type]
        ? parts[field.type].groups(field, answerSets, keys)
        : [{ heading: null, absent: null, rows: rows([field], () => Array(answerSets.length).fill(field.key)) }],
    );
}

/**
 * The questions answered in words, per section, lined up across respondents:
 * `[{ id, title, groups }]`. A group is `{ heading, absent, rows: [{ field, keys }] }`, where
 * `keys` holds each respondent's answer key (null: the respondent did not choose the activity
 * or name the partner, and `absent` says so); or a list, `{ list: { field, columns, rows:
 * [{ respondent, values }] } }`: everyone's rows under each other, with whose they are (an
 * agreements list). Scale statements are left out: they have their figures.
 */
export function textSections(structure, answerSets, parts) {
  const keys = keyScheme(structure.keys);
  return structure.sections
    .map((section) => {
      const groups = section.repeat
        ? parts[section.repeat.type].groups(section, answerSets, keys)
        : plainGroups(section, answerSets, parts, keys);
      return { id: section.id, title: section.title, groups };
    })
    .filter(({ groups }) => groups.length > 0);
}
