// Paper of our own, for an instrument whose form is not what it looks like on paper (the
// praatplaat as a poster). A sheet is laid out in millimetres and points, the same on screen and
// on paper, so its text is fitted before printing, while it is measured off-screen: text that
// does not fit is cut at a word with a numbered reference ("zie 3") to an appendix that prints
// every character. Off-screen it is hidden from everyone (on screen the form is the page); on
// paper it is what a tagged PDF's reader reads.

const STYLES = new URL("./paper.css", import.meta.url).href;
let styles = null;

/** Resolves once the sheets' stylesheet has loaded (added once, at the end of the body: after
    the page's own stylesheet, whose print rules it overrides). */
export const stylesReady = () =>
  (styles ??= new Promise((done, fail) => {
    const link = Object.assign(document.createElement("link"), { rel: "stylesheet", href: STYLES });
    link.addEventListener("load", done, { once: true });
    link.addEventListener("error", () => ((styles = null), link.remove(), fail()), { once: true });
    document.body.append(link);
  }));

/** An element with a class and, optionally, its text. */
export const make = (tag, className, text) => {
  const element = document.createElement(tag);
  if (className) element.className = className;
  if (text !== undefined) element.textContent = text;
  return element;
};

/** The text a label shows, without what only screen readers hear ("Partner A, Bestuurlijk: "). */
export const labelText = (label) => {
  const copy = label.cloneNode(true);
  for (const hidden of copy.querySelectorAll(".gk-visually-hidden")) hidden.remove();
  return copy.textContent.trim();
};

/** The paper of an instrument, in place of any earlier one: its sheets, and the appendix. */
export const paperOf = (instrument) => {
  instrument.querySelector(":scope > .gk-paper")?.remove();
  const paper = make("div", "gk-paper");
  instrument.append(paper);
  return paper;
};

export const removePaper = (instrument) => instrument.querySelector(":scope > .gk-paper")?.remove();

const overflows = (region) => region.scrollHeight > region.clientHeight + 1;

/** Every character of the texts cut on the sheets, numbered in order of reference. */
export class Appendix {
  #entries = [];

  /** The number of a cut text's full version. */
  refer(title, text) {
    this.#entries.push({ title, text });
    return this.#entries.length;
  }

  /** Its own sheet(s) after the others, when anything was cut ("Bijlage"). */
  appendTo(paper, heading) {
    if (!this.#entries.length) return;
    const sheet = make("section", "gk-sheet gk-appendix");
    sheet.append(make("h2", "gk-appendix__title", heading));
    const list = make("div", "gk-appendix__list");
    this.#entries.forEach(({ title, text }, index) => {
      const item = make("div", "gk-appendix__entry");
      const label = make("p", "gk-appendix__label", `${index + 1}. ${title}`);
      item.append(label, make("p", "gk-appendix__text", text));
      list.append(item);
    });
    sheet.append(list);
    paper.append(sheet);
  }
}

/** Set a region's text size (--gk-text) to the largest of `sizes` (largest first, in points) at
    which it does not overflow, or the smallest; returns it. */
export const largestFitting = (region, sizes) => {
  for (const size of sizes) {
    region.style.setProperty("--gk-text", `${size}pt`);
    if (!overflows(region)) return size;
  }
  return sizes.at(-1);
};

/** Make each region fit by cutting its texts, longest first: each is cut at the last word that
    still fits with its reference, and its whole text goes to the appendix. `texts` are
    { box, title, text } with `box` an element inside `region` that shows `text`. */
export const cutToFit = (region, texts, appendix) => {
  const longestFirst = [...texts].sort((a, b) => b.text.length - a.text.length);
  for (const entry of longestFirst) {
    if (!overflows(region)) return;
    const number = appendix.refer(entry.title, entry.text);
    cut(region, entry.box, entry.text, ` … (zie ${number})`);
  }
};

/** Show in `box` as many of `text`'s words as fit in `region`, followed by `reference`. */
const cut = (region, box, text, reference) => {
  const ends = [...text.matchAll(/\S+/g)].map((word) => word.index + word[0].length);
  const show = (count) => {
    box.textContent = `${count ? text.slice(0, ends[count - 1]) : ""}${reference}`.trimStart();
  };
  let fits = 0;
  let tooMany = ends.length + 1;
  while (tooMany - fits > 1) {
    const middle = Math.floor((fits + tooMany) / 2);
    show(middle);
    if (overflows(region)) tooMany = middle;
    else fits = middle;
  }
  show(fits);
};
