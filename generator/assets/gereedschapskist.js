// Gereedschapskist: on every page of the site, and small. It loads the code of a component only
// on pages that have one (an instrument, its feedback block, a comparison view), at first and
// after each of Material's instant navigations, so other pages carry none of it. Each module
// defines its element, which then upgrades the ones on the page.
const COMPONENTS = {
  "gk-instrument": () => import("./instrument.js"),
  "gk-feedback": () => import("./feedback.js"),
  "gk-compare": () => import("./compare.js"),
};

const load = () => {
  for (const [tag, module] of Object.entries(COMPONENTS)) {
    if (!customElements.get(tag) && document.querySelector(tag)) module();
  }
};

load();
// Material's stream of page loads (its instant navigation swaps the content in place).
window.document$?.subscribe?.(load);
