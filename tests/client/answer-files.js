// Answer files for the client's unit tests: a good one to vary, and one bad file for every reason
// answers.js's check refuses a file, with the Dutch sentence a user then reads (opening.js).
// Shared by answers.test.js (the reason) and opening.test.js (the sentence); not a test itself.

import { readFileSync } from "node:fs";

// The real instruments' structures as their comparison pages carry them (see line-up.test.js).
export const STRUCTURES = JSON.parse(readFileSync(new URL("./fixtures/structures.json", import.meta.url), "utf8"));
// An instrument as answers.js takes it: with the key scheme the page carries as data.
export const INSTRUMENT = { id: "reflectietool", version: 1, keys: STRUCTURES.reflectietool.keys };

/** A good answer file of INSTRUMENT, with some of its members replaced (undefined: left out). */
export function answerFile(changes = {}) {
  const file = {
    format: "gereedschapskist-antwoorden",
    version: 1,
    instrument: { id: "reflectietool", version: 1 },
    respondent: { naam: "Docent techniek", organisatie: "Vmbo De Brug" },
    saved: "2026-11-29T10:15:00Z",
    answers: { "ambitie.uitgesproken": 4, "ambitie.toelichting": "We hebben het er vorig jaar over gehad." },
    ...changes,
  };
  for (const [member, value] of Object.entries(file)) if (value === undefined) delete file[member];
  return file;
}

/** `count` answers with distinct, valid keys. */
export const manyAnswers = (count, value = 1) =>
  Object.fromEntries(Array.from({ length: count }, (_, i) => [`deel.vraag-${i}`, value]));

/** `count` own activities named in one section of a matrix. */
export const ownActivities = (count, section = "activiteiten") =>
  Object.fromEntries(Array.from({ length: count }, (_, i) => [`${section}.eigen-${i}.naam`, `Activiteit ${i}`]));

// Every reason fromFile gives, each with a file that has it, the detail it names, and the
// sentence opening.js's `refusal` makes of it.
export const REFUSED = [
  {
    reason: "not-ours",
    why: "another program's JSON",
    data: { format: "iets-anders", version: 1 },
    detail: "",
    dutch: "Dit is geen antwoordbestand van de Gereedschapskist.",
  },
  {
    reason: "newer-format",
    why: "a newer answer file format",
    data: answerFile({ version: 2 }),
    detail: "",
    dutch: "Dit antwoordbestand is gemaakt met een nieuwere versie van de site en kan hier niet worden geopend.",
  },
  {
    reason: "unknown-format",
    why: "a format version that is not a number",
    data: answerFile({ version: "1" }),
    detail: "",
    dutch: "De versie van dit antwoordbestand is onbekend.",
  },
  {
    reason: "no-instrument",
    why: "no instrument",
    data: answerFile({ instrument: undefined }),
    detail: "",
    dutch: "In dit antwoordbestand staat niet bij welk instrument het hoort.",
  },
  {
    reason: "no-instrument-version",
    why: "no instrument version",
    data: answerFile({ instrument: { id: "reflectietool" } }),
    detail: "",
    dutch: "In dit antwoordbestand staat niet bij welke versie van het instrument het hoort.",
  },
  {
    reason: "other-instrument",
    why: "another instrument's file",
    data: answerFile({ instrument: { id: "matrix", version: 1 } }),
    detail: "matrix",
    dutch: 'Dit antwoordbestand hoort bij een ander instrument ("matrix"), niet bij dit instrument.',
  },
  {
    reason: "unreadable",
    why: "answers that are a list",
    data: answerFile({ answers: [4, 5] }),
    detail: "",
    dutch: "De antwoorden in dit bestand zijn niet leesbaar.",
  },
  {
    reason: "too-many",
    why: "more than 2000 answers",
    data: answerFile({ answers: manyAnswers(2001) }),
    detail: 2000,
    dutch: "Dit antwoordbestand heeft meer dan 2000 antwoorden; zoveel vragen heeft geen instrument.",
  },
  {
    reason: "bad-key",
    why: "a key with capitals and spaces",
    data: answerFile({ answers: { "Ambitie Uitgesproken": 4 } }),
    detail: "",
    dutch: "Dit antwoordbestand bevat een antwoord met een ongeldige naam.",
  },
  {
    reason: "too-long",
    why: "an answer over 100.000 characters",
    data: answerFile({ answers: { "ambitie.toelichting": "x".repeat(100_001) } }),
    detail: "ambitie.toelichting",
    dutch: 'Het antwoord bij "ambitie.toelichting" is te lang (meer dan 100.000 tekens).',
  },
  {
    reason: "not-text",
    why: "a name that is a number",
    data: answerFile({ respondent: { naam: 12 } }),
    detail: "respondent.naam",
    dutch: 'Het antwoord bij "respondent.naam" is geen tekst.',
  },
  {
    reason: "not-an-answer",
    why: "an answer that is a group",
    data: answerFile({ answers: { "ambitie.uitgesproken": { score: 4 } } }),
    detail: "ambitie.uitgesproken",
    dutch: 'Het antwoord bij "ambitie.uitgesproken" is geen tekst, getal of lijst.',
  },
  {
    reason: "too-many-named",
    why: "21 own activities in one matrix",
    data: answerFile({ answers: ownActivities(21) }),
    detail: 20,
    dutch:
      "Dit antwoordbestand heeft meer dan 20 eigen activiteiten of partners in één onderdeel; meer kan het formulier niet tonen.",
  },
];
