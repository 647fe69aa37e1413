// Leeg afdrukken on a filled-in page: the blank print view printed from a hidden frame, so the
// page and its answers stay as they are. Loaded by instrument.js when the button is pressed, and
// by the comparison view to print a session's joint version (JOINT) on its instrument's page.
import { BLANK, BLANK_PARAMETER } from "./print.js";

/** A print view (BLANK, WORKSHEET or JOINT) of the instrument page at `path`; for an 8-tje,
    with as many partners as this page has (paper/eight.js draws them). */
const blankViewUrl = (view, path) => {
  const query = new URLSearchParams([[BLANK_PARAMETER, view]]);
  const partners = document.querySelectorAll("gk-parties .gk-parties__list > .gk-party").length;
  if (partners) query.set("partners", String(partners));
  return `${path}?${query}`;
};

/** Resolves once the instrument in a document has started (its code arrives after the page's
    load event), or after a few seconds: then the page prints as it is. A hidden frame gets no
    animation frames, so this asks on a timer. */
const started = (document, patience = 5000) =>
  new Promise((done) => {
    const since = Date.now();
    const ask = () => {
      const instrument = document.querySelector("gk-instrument");
      if (!instrument || instrument.hasAttribute("data-gk-ready") || Date.now() - since > patience) {
        done();
      } else {
        setTimeout(ask, 25);
      }
    };
    ask();
  });

/** Print a print view of an instrument's page (this one, else `path`), in a hidden frame, so
 *  this page and its answers stay. */
export const printBlank = (view = BLANK, path = window.location.pathname) => {
  document.querySelector(".gk-print-frame")?.remove();
  const frame = document.createElement("iframe");
  frame.className = "gk-print-frame";
  frame.title = "Lege afdrukversie";
  frame.tabIndex = -1;
  frame.setAttribute("aria-hidden", "true");
  frame.addEventListener(
    "load",
    async () => {
      const view = frame.contentWindow;
      await started(view.document);
      view.addEventListener("afterprint", () => setTimeout(() => frame.remove()), { once: true });
      view.focus();
      view.print();
    },
    { once: true },
  );
  frame.src = blankViewUrl(view, path);
  document.body.append(frame);
};
