// A session of the comparison view as data: who takes part (their names in the view and their
// answer files), the joint version the group writes and the agreements it makes. The same data
// is kept in this tab (sessionStorage, so a reload or the site's instant navigation loses
// nothing) and saved as a session file (Sessie exporteren, docs/sessie.schema.json). Pure: no
// DOM, no storage.
import { AnswerFileError, MAX_TEXT, fromFile, keyReader, toFile } from "../answers.js";
import { keyScheme } from "../keys.js";
import { SESSION_FORMAT, readEntries } from "./line-up.js";
import { isWeek } from "./moments.js";

export { SESSION_FORMAT };
export const SESSION_VERSION = 1;
export const JOINT_NAME = "Gezamenlijk";
export const AGREEMENT_FIELDS = [
  { id: "wat", label: "Wat" },
  { id: "wie", label: "Wie" },
  { id: "wanneer", label: "Wanneer" },
];
const MAX_AGREEMENTS = 200;

const isObject = (value) => typeof value === "object" && value !== null && !Array.isArray(value);
const stamp = (date) => date.toISOString().replace(/\.\d{3}Z$/, "Z");

/** The joint version as an answer file: respondent "Gezamenlijk" (the name the group goes by). */
export function jointFile(instrument, joint, saved = new Date()) {
  const [nameKey] = keyReader(instrument.keys).respondentKeys;
  const answers = new Map([...joint].filter(([key]) => key !== nameKey));
  if (nameKey) answers.set(nameKey, JOINT_NAME);
  return toFile(instrument, answers, saved);
}

/** The instrument's agreements list in the joint version's answers: the session's agreements,
 *  row by row, under the list's own columns (by id, else in order). */
function agreementsAnswers(field, agreements, keys) {
  const answers = new Map();
  const rows = agreements.filter((row) => AGREEMENT_FIELDS.some(({ id }) => row[id]?.trim()));
  const ids = rows.map((_, i) => `afspraak-${i + 1}`);
  if (ids.length) answers.set(field.key, ids);
  rows.forEach((row, i) => {
    field.columns.forEach(({ id }, c) => {
      const value = row[id] ?? row[AGREEMENT_FIELDS[c]?.id] ?? "";
      if (value.trim()) answers.set(keys.key(field.key, ids[i], id), value);
    });
  });
  return answers;
}

/** The joint version as the group takes it away (Gezamenlijke versie exporteren, overnemen,
 *  afdrukken): an answer file whose agreements lists hold the session's agreements. */
export function jointAnswerFile(structure, instrument, joint, agreements, saved = new Date()) {
  const answers = new Map(joint ?? []);
  const keys = keyScheme(structure.keys);
  for (const section of structure.sections.filter((s) => !s.repeat)) {
    for (const field of section.fields.filter((f) => f.type === "actions")) {
      for (const [key, value] of agreementsAnswers(field, agreements, keys)) answers.set(key, value);
    }
  }
  return jointFile(instrument, answers, saved);
}

/**
 * The session as a file: `respondents` (`[{ name, source, own, data, moment }]`, `moment` the
 * week a participant was put in, if the facilitator moved them: over-time.js), `joint` (a Map of
 * answers, or null before anyone started one) and `agreements` (`[{ wat, wie, wanneer }]`).
 * `inThisTab`: for this tab's own storage, which also keeps whose answers came from this
 * browser (in a file that would be untrue on the next computer).
 */
export function toSessionFile(instrument, { respondents, joint, agreements }, { inThisTab = false, saved = new Date() } = {}) {
  return {
    format: SESSION_FORMAT,
    version: SESSION_VERSION,
    instrument: { id: instrument.id, version: instrument.version },
    saved: stamp(saved),
    respondents: respondents.map(({ name, source, own, moment, data }) => ({
      name,
      source,
      ...(inThisTab && own ? { own: true } : {}),
      ...(moment ? { moment } : {}),
      file: data,
    })),
    joint: joint ? jointFile(instrument, joint, saved) : null,
    agreements: agreements.map((row) => Object.fromEntries(AGREEMENT_FIELDS.map(({ id }) => [id, row[id] ?? ""]))),
  };
}

function readAgreements(list) {
  if (list === undefined) return [];
  const rows = Array.isArray(list) && list.length <= MAX_AGREEMENTS ? list : null;
  const fine = rows?.every(
    (row) =>
      isObject(row) &&
      AGREEMENT_FIELDS.every(({ id }) => row[id] === undefined || (typeof row[id] === "string" && row[id].length <= MAX_TEXT)),
  );
  if (!fine) throw new AnswerFileError("De afspraken in deze sessie zijn niet leesbaar.");
  return rows.map((row) => Object.fromEntries(AGREEMENT_FIELDS.map(({ id }) => [id, row[id] ?? ""])));
}

/**
 * A session file (or this tab's copy) read back: its respondents as `readEntries` gives them
 * (bad ones refused one by one, `own` kept where this tab's copy says so, `moment` where one was
 * chosen: a participant whose moment is no week is refused), its joint version
 * (a Map, or null) and its agreements. Throws AnswerFileError for a file that is no session of
 * this instrument, or whose joint version or agreements cannot be read: nothing of it is used.
 */
export function readSession(data, instrument) {
  if (!isObject(data) || data.format !== SESSION_FORMAT) {
    throw new AnswerFileError("Dit is geen sessiebestand van de Gereedschapskist.");
  }
  const read = readEntries(data, instrument);
  const refusals = [...read.refusals];
  const entries = read.entries.filter((entry) => {
    const { own, moment } = data.respondents[entry.part - 1];
    if (moment !== undefined && !isWeek(moment)) {
      refusals.push({ part: entry.part, error: new AnswerFileError("Het moment van deze deelnemer is niet leesbaar.") });
      return false;
    }
    entry.own = own === true;
    if (moment !== undefined) entry.moment = moment;
    return true;
  });
  refusals.sort((a, b) => a.part - b.part);
  let joint = null;
  if (data.joint !== null && data.joint !== undefined) {
    try {
      joint = fromFile(data.joint, instrument);
    } catch {
      throw new AnswerFileError("De gezamenlijke versie in deze sessie is niet leesbaar.");
    }
  }
  return { entries, refusals, joint, agreements: readAgreements(data.agreements) };
}
