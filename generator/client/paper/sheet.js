// Paper of our own, for an instrument whose form is not what it looks like on paper (the
// praatplaat as a poster, het 8-tje as its figure, the matrix as a table). A sheet is laid out in millimetres and points, the same on screen and
// on paper, so its text is fitted before printing, while it is measured off-screen: text that
// does not fit is cut at a word with a numbered reference ("zie 3") to an appendix that prints
// every character. Off-screen it is hidden from everyone (on screen the form is the page); on
// paper it is what a tagged PDF's reader reads.

import { stylesheet } from "../stylesheet.js";

// The sheets' stylesheet: after the page's own, whose print rules it overrides.
const STYLES = new URL("./paper.css", import.meta.url).href;

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

/** What a paper module gives the instrument (instrument.js): `attach(instrument, { blank,
    signal })`, which lays the paper out with `render` once its stylesheet is there: a blank view
    at once, a filled page just before each print (and takes it away after), until `signal`. */
export const attacher = (render) => async (instrument, { blank, signal }) => {
  await stylesheet(STYLES);
  if (blank) {
    render(instrument, { blank });
    return;
  }
  // After instrument.js's own beforeprint handler, which dates the page (`titleBand` reads it).
  window.addEventListener("beforeprint", () => render(instrument, { blank }), { signal });
  window.addEventListener("afterprint", () => removePaper(instrument), { signal });
};

const removePaper = (instrument) => instrument.querySelector(":scope > .gk-paper")?.remove();

/** The paper of an instrument, in place of any earlier one: its sheets, and the appendix. */
export const paperOf = (instrument) => {
  removePaper(instrument);
  const paper = make("div", "gk-paper");
  instrument.append(paper);
  return paper;
};

/** The value of a control, as typed (white space at the ends left off). */
export const valueOf = (control) => control?.value.trim() ?? "";

const pageTitle = (instrument) => instrument.closest(".gk-page").querySelector("h1").textContent;

/** The sheet's title band: the instrument, and its purpose (blank) or who filled it in when. */
export const titleBand = (instrument, { blank }) => {
  const band = make("header", "gk-sheet__band");
  band.append(make("h1", "gk-sheet__title", pageTitle(instrument)));
  const facts = make("p", "gk-sheet__facts");
  if (blank) {
    facts.textContent = instrument.closest(".gk-page").querySelector(".gk-purpose")?.textContent ?? "";
  } else {
    const who = [...instrument.querySelectorAll(".gk-respondent input.gk-input")].map(valueOf).filter(Boolean);
    const date = instrument.querySelector("[data-gk-print-date]")?.textContent ?? "";
    const filledBy = who.length ? `Ingevuld door ${who.join(", ")}` : "";
    facts.textContent = [filledBy, date && `Datum ${date}`].filter(Boolean).join(" · ");
  }
  band.append(facts);
  return band;
};

/** The line that ends a sheet: where it comes from, and where to fill it in online. */
export const sourceLine = (instrument) =>
  make("p", "gk-sheet__source", instrument.querySelector(".gk-print-source")?.textContent ?? "");

const BLANK_AGREEMENT_ROWS = 3;

/** The agreements (an actions field) as a band: a table with a numbered row for each (blank:
    a few rows to write in), or null when a filled one has none. A part to fit. */
const agreementsBand = (list, { blank }) => {
  const title = list.closest("section").querySelector("h2").textContent.trim();
  const columns = [...list.querySelectorAll(".gk-actions__paper thead th")].slice(1);
  const rows = blank
    ? Array.from({ length: BLANK_AGREEMENT_ROWS }, () => columns.map(() => ""))
    : [...list.querySelectorAll("[data-gk-row]")]
        .map((row) => [...row.querySelectorAll(".gk-input")].map(valueOf))
        .filter((cells) => cells.some(Boolean));
  if (!blank && !rows.length) return null;
  const box = make("section", "gk-sheet__agreements");
  box.append(make("h2", "gk-sheet__agreements-title", title));
  const table = make("table", "gk-sheet__table");
  const head = table.createTHead().insertRow();
  head.append(make("th", "", ""), ...columns.map((column) => make("th", "", column.textContent)));
  const body = table.createTBody();
  const texts = [];
  rows.forEach((cells, index) => {
    const row = body.insertRow();
    row.append(make("td", "gk-sheet__number", String(index + 1)));
    cells.forEach((text, column) => {
      const cell = make("td", "", text);
      row.append(cell);
      const heading = columns[column].textContent;
      if (text) texts.push({ box: cell, title: `${title} ${index + 1} · ${heading}`, text });
    });
  });
  box.append(table);
  return { box, region: box, texts };
};

const overflows = (region) => region.scrollHeight > region.clientHeight + 1;

/** Every character of the texts cut on the sheets, numbered in order of reference. */
class Appendix {
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

/** The end of laying paper out: the agreements (if any) in a band on the last sheet, above its
    source line, and, filled in, every part fitted (see `fit`). */
export const finish = (instrument, paper, parts, { blank, sizes }) => {
  const list = instrument.querySelector("gk-actions");
  const band = list && agreementsBand(list, { blank });
  if (band) {
    paper.lastElementChild.querySelector(".gk-sheet__source").before(band.box);
    parts.push(band);
  }
  if (!blank) fit(instrument, paper, parts, sizes);
};

/** Fit the text of each part ({ region, texts }: `texts` are { box, title, text }, `box` an
    element inside `region` that shows `text`) into its region, which has a fixed size on the
    sheet: at the largest of `sizes` (points, largest first) that fits, else at the smallest,
    with texts cut. What was cut is in an appendix after the sheets. */
const fit = (instrument, paper, parts, sizes) => {
  const appendix = new Appendix();
  for (const { region, texts } of parts) {
    largestFitting(region, sizes);
    cutToFit(region, texts, appendix);
  }
  appendix.appendTo(paper, `Bijlage bij ${pageTitle(instrument)}: de volledige antwoorden`);
};

/** Set a region's text size (--gk-text) to the largest of `sizes` at which it does not
    overflow, or the smallest. */
const largestFitting = (region, sizes) => {
  for (const size of sizes) {
    region.style.setProperty("--gk-text", `${size}pt`);
    if (!overflows(region)) return;
  }
};

/** Make a region fit by cutting its texts, longest first: each is cut at the last word that
    still fits with its reference, and its whole text goes to the appendix. */
const cutToFit = (region, texts, appendix) => {
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
