// Small DOM helpers shared by the instrument's components.

/** The content of <template data-gk-template="name"> in root, with its id tokens replaced. */
export function fromTemplate(root, name, tokens) {
  const template = root.querySelector(`template[data-gk-template="${name}"]`);
  let html = template.innerHTML;
  // Tokens only ever stand for ids we generated ([a-z0-9-]); names are set as text afterwards.
  for (const [token, value] of Object.entries(tokens)) html = html.replaceAll(token, value);
  const holder = document.createElement("template");
  holder.innerHTML = html;
  return holder.content;
}

/** Show a name wherever the thing with this id is named: headings, legends, labels, buttons
 *  (where it shows already, the page is not changed). */
export function showName(root, id, name) {
  for (const element of root.querySelectorAll(`[data-gk-name="${CSS.escape(id)}"]`)) {
    // Only ever text (from here): changed, not replaced, it is less work for the page.
    const text = element.firstChild ?? element.appendChild(new Text());
    if (text.data !== name) text.data = name;
  }
}

/** Whether any answer control inside the element holds an answer (names don't count). */
export function hasAnswer(element) {
  const controls = element.querySelectorAll(
    "textarea, input:not([type=hidden]):not([data-gk-names]), select",
  );
  return [...controls].some((control) =>
    control.type === "checkbox" || control.type === "radio"
      ? control.checked
      : control.value.trim() !== "",
  );
}

/** Tell listeners (saving, undo) that columns or parties were added or removed; `detail`
 *  names what was removed: `{ removed: { id, name } }`. */
export function announceChange(element, detail = {}) {
  element.dispatchEvent(new CustomEvent("gk-structure-change", { bubbles: true, detail }));
}

/** Resolves in a task of its own, so that long work done in steps leaves the page free between
 *  them (scheduler.yield where the browser has it: no wait of its own, ahead of other tasks). */
export const nextTask = () => globalThis.scheduler?.yield?.() ?? new Promise((go) => setTimeout(go));
