// Answers set aside as damaged (instrument.js keeps them apart from the answers that are read
// back): handed to the user as one text file, each copy as it was. Loaded when asked for.
import { downloadText, fileName } from "./answers.js";

/** Download every copy stored under `prefix` (a time follows it) as `<id>-apart-bewaard-<date>.txt`;
 *  throws StorageUnavailable when storage cannot be read. */
export function exportSetAside(store, prefix, instrumentId) {
  let text = "";
  for (const key of store.keys(prefix)) {
    const when = new Date(Number(key.slice(prefix.length)));
    const stamp = Number.isNaN(when.getTime()) ? "onbekend" : when.toLocaleString("nl-NL");
    text += `--- Apart bewaard op ${stamp} ---\n${store.read(key)}\n\n`;
  }
  downloadText(fileName(`${instrumentId}-apart-bewaard`).replace(/\.json$/, ".txt"), text);
}
