// Opening a file the user chose (Importeren, or the comparison's files): its size, its text in
// UTF-8, its JSON and how deep it nests, each refused in plain Dutch. Loaded when a file is opened.
import { AnswerFileError } from "./answers.js";

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

/** Whether data nests deeper than `limit` levels (looked at without recursion: any depth). */
function tooDeep(data, limit) {
  const stack = [[data, 1]];
  while (stack.length) {
    const [value, depth] = stack.pop();
    if (typeof value !== "object" || value === null) continue;
    if (depth > limit) return true;
    for (const item of Object.values(value)) stack.push([item, depth + 1]);
  }
  return false;
}
