// Answers set aside as damaged (instrument.js keeps them apart from the answers that are read
// back): handed to the user as one text file, each copy as it was, or removed once they are no
// longer wanted. Loaded when asked for.
import { downloadText, fileName } from "./files.js";

/** Download every copy stored under `prefix` (a time follows it) as `<id>-apart-bewaard-<date>.txt`;
 *  throws StorageUnavailable when storage cannot be read. */
function exportSetAside(store, prefix, instrumentId) {
  let text = "";
  for (const key of store.keys(prefix)) {
    const when = new Date(Number(key.slice(prefix.length)));
    const stamp = Number.isNaN(when.getTime()) ? "onbekend" : when.toLocaleString("nl-NL");
    text += `--- Apart bewaard op ${stamp} ---\n${store.read(key)}\n\n`;
  }
  downloadText(fileName(`${instrumentId}-apart-bewaard`).replace(/\.json$/, ".txt"), text);
}

/** Remove every copy stored under `prefix`, after asking. */
function removeSetAside(store, prefix) {
  const question =
    "De apart bewaarde antwoorden verwijderen? Exporteer ze eerst als je ze nog wilt bekijken. Dit kan niet ongedaan worden gemaakt.";
  if (!window.confirm(question)) return;
  for (const key of store.keys(prefix)) store.remove(key);
}

/** What the toolbar's buttons ask for, by their data-gk-action. */
export const SET_ASIDE_ACTIONS = {
  "export-set-aside": exportSetAside,
  "remove-set-aside": removeSetAside,
};
