// Opening a file the user chose (Importeren, or the comparison's files): its size, its text in
// UTF-8, its JSON and how deep it nests, each refused in plain Dutch; the Dutch wording of every
// refusal of answers.js's check, and of an import's question and outcome. Loaded when a file is
// opened.
import { AnswerFileError, fromFile } from "./answers.js";

export const MAX_FILE_BYTES = 1024 * 1024;
const MAX_DEPTH = 16; // levels of nesting in a file (an answer file has four, a comparison six)

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
  // Deeper data is never ours, and writing it out again (a comparison's export) would fail.
  if (tooDeep(data, MAX_DEPTH)) {
    throw new AnswerFileError("Dit bestand is geen antwoordbestand: de gegevens erin zijn te diep genest.");
  }
  return data;
}

/** Open an answer file of `instrument` (Importeren): its answers, and the version of the
 *  instrument it was made with when that is newer than the page's (else null). Throws what
 *  readJson and answers.js's check throw. */
export async function openAnswers(file, instrument) {
  const data = await readJson(file);
  const answers = fromFile(data, instrument);
  const { version } = data.instrument;
  return { answers, newer: version > instrument.version ? version : null };
}

/** Whether data nests deeper than `limit` levels (looked at without recursion: any depth). */
export function tooDeep(data, limit = MAX_DEPTH) {
  const stack = [[data, 1]];
  while (stack.length) {
    const [value, depth] = stack.pop();
    if (typeof value !== "object" || value === null) continue;
    if (depth > limit) return true;
    for (const item of Object.values(value)) stack.push([item, depth + 1]);
  }
  return false;
}

/** What answers.js's check can find wrong with an answer file, in Dutch, by its reason. */
const REFUSALS = {
  "not-ours": () => "Dit is geen antwoordbestand van de Gereedschapskist.",
  "newer-format": () =>
    "Dit antwoordbestand is gemaakt met een nieuwere versie van de site en kan hier niet worden geopend.",
  "unknown-format": () => "De versie van dit antwoordbestand is onbekend.",
  "no-instrument": () => "In dit antwoordbestand staat niet bij welk instrument het hoort.",
  "no-instrument-version": () => "In dit antwoordbestand staat niet bij welke versie van het instrument het hoort.",
  "other-instrument": (id, titles) =>
    `Dit antwoordbestand hoort bij een ander instrument (${Object.hasOwn(titles, id) ? titles[id] : `"${id}"`}), niet bij dit instrument.`,
  unreadable: () => "De antwoorden in dit bestand zijn niet leesbaar.",
  "too-many": (max) => `Dit antwoordbestand heeft meer dan ${max} antwoorden; zoveel vragen heeft geen instrument.`,
  "bad-key": () => "Dit antwoordbestand bevat een antwoord met een ongeldige naam.",
  "too-long": (key) => `Het antwoord bij "${key}" is te lang (meer dan 100.000 tekens).`,
  "not-text": (key) => `Het antwoord bij "${key}" is geen tekst.`, // a name is text
  "not-an-answer": (key) => `Het antwoord bij "${key}" is geen tekst, getal of lijst.`,
  "too-many-named": (max) =>
    `Dit antwoordbestand heeft meer dan ${max} eigen activiteiten of partners in één onderdeel; meer kan het formulier niet tonen.`,
};

/** Why a file was not opened, in plain Dutch. (A refusal made here or in line-up.js says it
 *  in Dutch already; anything else that went wrong is told as unreadable.) Another instrument
 *  of this site is named by its title (`titles`, by id: the page's), any other by its id. */
export const refusal = (error, titles = pageTitles()) =>
  error instanceof AnswerFileError
    ? (REFUSALS[error.message]?.(error.detail, titles) ?? error.message)
    : "Het bestand kon niet worden gelezen.";

/** The titles of the site's instruments by id, as the page carries them (data-gk-titles on
 *  the form or the comparison view, written by the generator); none off a page. */
const pageTitles = () => JSON.parse(globalThis.document?.querySelector("[data-gk-titles]")?.dataset.gkTitles ?? "{}");

export const REPLACE_QUESTION = "De antwoorden op deze pagina worden vervangen door die uit het bestand. Doorgaan?";

/** What an import did: from a newer version of the instrument (`newer`, else null) than the
 *  page's (`version`), and with `unknown` answers this version has no question for (kept). */
export const imported = (newer, version, unknown) =>
  "Antwoorden geïmporteerd." +
  (newer
    ? ` Het bestand is gemaakt met een nieuwere versie van dit instrument (versie ${newer}; deze pagina heeft versie ${version}).`
    : "") +
  (unknown === 1
    ? " 1 antwoord hoort niet bij deze versie van het instrument; het blijft bewaard en gaat mee bij exporteren."
    : unknown
      ? ` ${unknown} antwoorden horen niet bij deze versie van het instrument; ze blijven bewaard en gaan mee bij exporteren.`
      : "");
