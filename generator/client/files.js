// Files the site hands to the browser to save (nothing leaves the device): their names (DESIGN.md
// §3) and the download itself. An instrument page asks for this code with its first save, so
// Exporteren finds it there (also once the connection is gone); the comparison view loads it
// with the rest of its code.
import { keyReader } from "./answers.js";

/** A file's name (DESIGN.md §3): `<base>-<name>-<yyyy-mm-dd>.json`, the name being the first of
 *  `names` that leaves anything once made safe for file systems; without one,
 *  `<base>-<yyyy-mm-dd>.json`. The date is the local one. */
export function fileName(base, names = [], date = new Date()) {
  const name = names.map(fileSafe).find(Boolean);
  const pad = (n) => String(n).padStart(2, "0");
  return `${base}${name ? `-${name}` : ""}-${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}.json`;
}

/** The file name of an export of `answers`: after the respondent's name, else organisation. */
export const exportName = (instrument, answers, date) =>
  fileName(instrument.id, keyReader(instrument.keys).respondentKeys.map((key) => answers.get(key)), date);

/** Text as part of a file name that Windows, macOS, Linux and phones all take: a Latin letter
 *  loses its accents ("é" is "e"; other scripts keep their marks), every run of anything but
 *  letters and digits (spaces, punctuation, `<>:"/\|?*`, control characters) is one hyphen,
 *  none at either end, and at most 40 characters are kept. */
const fileSafe = (text = "") => {
  const plain = text.normalize("NFKD").replace(/(\p{sc=Latn})\p{M}+/gu, "$1").normalize("NFC");
  return [...plain.replace(/[^\p{L}\p{M}\p{N}]+/gu, "-")].slice(0, 40).join("").replace(/^-|-$/g, "");
};

/** Hand data to the browser to save as a JSON file named `name` (nothing leaves the device). */
export function download(name, data) {
  downloadText(name, `${JSON.stringify(data, null, 2)}\n`, "application/json");
}

/** Hand text to the browser to save as a file named `name`. */
export function downloadText(name, text, type = "text/plain") {
  const blob = new Blob([text], { type });
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}
