// Printing an instrument: the blank print views (`?afdruk=leeg`, and `?afdruk=werkblad` for a
// poster's personal worksheet), and copies of typed text that print in full (printing a blank
// view from the filled-in page is in print-blank.js; paper of an instrument's own, such as the
// poster, is in paper/). A text box clips what does not fit in it on paper (and
// Material's print styles do not help), so every text control gets a print-only copy of its
// text that grows with it, in every browser.

const TEXT_CONTROLS = "textarea, input.gk-input[type=text], input.gk-input[type=date]";
export const BLANK_PARAMETER = "afdruk";
export const BLANK = "leeg";
export const WORKSHEET = "werkblad"; // a poster's blank form for one person, on A4 portrait
export const JOINT = "gezamenlijk"; // a session's joint version (print-joint.js), to print

/** Which print view this page is (nothing saved in any): BLANK or WORKSHEET (no answers shown),
 *  JOINT (a session's joint version shown), or null for the page to fill in. */
export const blankView = () => {
  const view = new URLSearchParams(window.location.search).get(BLANK_PARAMETER);
  return [BLANK, WORKSHEET, JOINT].includes(view) ? view : null;
};

/** Give a text control its print copy (once) and copy its current text into it. */
export const mirror = (control) => {
  let copy = control.nextElementSibling;
  if (!copy?.classList.contains("gk-print-text")) {
    copy = document.createElement("div");
    copy.className = "gk-print-text";
    copy.setAttribute("aria-hidden", "true");
    if (control.rows) copy.style.setProperty("--gk-rows", String(control.rows));
    control.classList.add("gk-print-mirrored");
    control.after(copy);
  }
  const text = onPaper(control);
  if (copy.textContent !== text) copy.textContent = text;
};

/** A date answer (stored as yyyy-mm-dd) as people read it here: dd-mm-jjjj. */
export const dutchDate = (stored) => stored.split("-").reverse().join("-");

/** A control's answer as paper shows it. */
const onPaper = ({ type, value }) => (type === "date" ? dutchDate(value) : value);

export const mirrorAll = (root) => {
  for (const control of root.querySelectorAll(TEXT_CONTROLS)) mirror(control);
};

export const isTextControl = (element) => element.matches?.(TEXT_CONTROLS) ?? false;

/** The date on paper: when it was printed (blank, a line to write it on). */
export const fillPrintFacts = (root, { blank }) => {
  const date = new Date().toLocaleDateString("nl-NL", { dateStyle: "long" }); // 9 november 2026
  for (const slot of root.querySelectorAll("[data-gk-print-date]")) slot.textContent = blank ? "" : date;
};
