// Gereedschapskist: on every page of the site, and small. It loads the code of a component only
// on pages that have one (an instrument, its feedback block, a comparison view), at first and
// after each of Material's instant navigations, so other pages carry none of it. Each module
// defines its element, which then upgrades the ones on the page.
const COMPONENTS = {
  "gk-instrument": { module: () => import("./instrument.js") },
  "gk-compare": { module: () => import("./comparison/comparison-page.js") },
  // Under the form, far down a long page: it loads when it comes within a screen of the view,
  // or once anything on the page takes focus (a keyboard user on the way to it). Until then it
  // is a plain e-mail link.
  "gk-feedback": { module: () => import("./feedback/feedback.js"), later: true },
  // The own result (instruments with a scale), under the form too; it reads the form itself once
  // it runs, so it needs none of the events sent before.
  "gk-result": { module: () => import("./own-result/own-result.js"), later: true },
};

let waiting = null; // the current page's watch for components that load later

// A component whose code does not come (no connection, or the page was left meanwhile) stays as
// the page wrote it, which works without it.
const run = (module) => module().catch(() => {});

const load = () => {
  waiting?.abort();
  waiting = new AbortController();
  for (const [tag, { module, later }] of Object.entries(COMPONENTS)) {
    const element = customElements.get(tag) ? null : document.querySelector(tag);
    if (!element) continue;
    if (later) whenNear(element, module, waiting.signal);
    else run(module);
  }
};

const whenNear = (element, module, page) => {
  const watching = new AbortController(); // ends at the first sign, or when the page goes
  const now = () => {
    if (watching.signal.aborted) return;
    watching.abort();
    run(module);
  };
  const near = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && now(), {
    rootMargin: "100% 0px",
  });
  // A component in a region that its code shows (the own result) is watched at the region's
  // place, by an empty mark: what is hidden never comes near the view.
  const hidden = element.closest("[hidden]");
  const mark = hidden ? hidden.insertAdjacentElement("beforebegin", document.createElement("div")) : null;
  near.observe(mark ?? element);
  document.addEventListener("focusin", now, { signal: watching.signal });
  watching.signal.addEventListener("abort", () => (near.disconnect(), mark?.remove()), { once: true });
  page.addEventListener("abort", () => watching.abort(), { once: true });
};

load();
// Material's stream of page loads (its instant navigation swaps the content in place).
window.document$?.subscribe?.(load);
