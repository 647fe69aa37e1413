// The poster layout on paper (the praatplaat): one landscape sheet with a small title band, its
// areas two by two in the colours of the screen, and the agreements in a band below them.
// Blank, it is a poster for a group: large titles and questions, and the open space of each area
// kept for writing and post-its. Filled in, each question has its answer under it, as large as
// the area's answers fit (12 down to 9 pt); beyond that, they are cut with a reference to the
// appendix.
import { Appendix, cutToFit, labelText, largestFitting, make, paperOf, stylesReady } from "./sheet.js";

export const ready = stylesReady;

const TEXT_SIZES = [12, 11.5, 11, 10.5, 10, 9.5, 9];
const BLANK_AGREEMENT_ROWS = 3;

/** The value of a control, as typed (white space at the ends left off). */
const valueOf = (control) => control?.value.trim() ?? "";

const titleBand = (instrument, { blank }) => {
  const page = instrument.closest(".gk-page");
  const band = make("header", "gk-sheet__band");
  band.append(make("h1", "gk-sheet__title", page.querySelector("h1").textContent));
  const facts = make("p", "gk-sheet__facts");
  if (blank) {
    facts.textContent = page.querySelector(".gk-purpose")?.textContent ?? "";
  } else {
    const who = ["naam", "organisatie"]
      .map((field) => valueOf(instrument.querySelector(`[name="respondent.${field}"]`)))
      .filter(Boolean);
    const date = instrument.querySelector("[data-gk-print-date]")?.textContent ?? "";
    const filledBy = who.length ? `Ingevuld door ${who.join(", ")}` : "";
    facts.textContent = [filledBy, date && `Datum ${date}`].filter(Boolean).join(" · ");
  }
  band.append(facts);
  return band;
};

/** An area of the poster: its title in its colour, its questions, and (filled) the answers. */
const area = (section, { blank }) => {
  const number = [...section.classList].find((name) => /^gk-area--\d$/.test(name))?.slice(-1) ?? "1";
  const title = section.querySelector(".gk-area__title").textContent.trim();
  const box = make("section", `gk-sheet__area gk-sheet__area--${number}`);
  box.append(make("h2", "gk-sheet__area-title", title));
  const questions = make(blank ? "ul" : "div", "gk-sheet__questions");
  const texts = [];
  for (const field of section.querySelectorAll(".gk-field--long-text")) {
    const question = labelText(field.querySelector(".gk-label"));
    if (blank) {
      questions.append(make("li", "gk-sheet__question", question));
      continue;
    }
    const text = valueOf(field.querySelector("textarea"));
    const answer = make("p", "gk-sheet__answer", text);
    questions.append(make("p", "gk-sheet__question", question), answer);
    if (text) texts.push({ box: answer, title: `${title} · ${question}`, text });
  }
  box.append(questions);
  return { box, region: questions, texts };
};

/** The agreements: a table with a numbered row for each (blank: a few rows to write in). */
const agreements = (section, { blank }) => {
  const list = section.querySelector("gk-actions");
  const title = section.querySelector(".gk-area__title").textContent.trim();
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

/** Lay the instrument out as a poster, in its own paper element (filled: fitted, with an
    appendix when something had to be cut). */
export const render = (instrument, { blank }) => {
  const paper = paperOf(instrument);
  const sheet = make("section", `gk-sheet gk-sheet--poster${blank ? " gk-sheet--blank" : ""}`);
  const grid = make("div", "gk-sheet__areas");
  const parts = [];
  let band = null;
  for (const section of instrument.querySelectorAll(".gk-poster > .gk-area")) {
    if (section.querySelector("gk-actions")) {
      band = agreements(section, { blank });
      continue;
    }
    const part = area(section, { blank });
    grid.append(part.box);
    parts.push(part);
  }
  sheet.append(titleBand(instrument, { blank }), grid);
  if (band) {
    sheet.append(band.box);
    parts.push(band);
  }
  const source = instrument.querySelector(".gk-print-source");
  if (source) sheet.append(make("p", "gk-sheet__source", source.textContent));
  paper.append(sheet);
  if (blank) return;
  const appendix = new Appendix();
  for (const { region, texts } of parts) {
    largestFitting(region, TEXT_SIZES);
    cutToFit(region, texts, appendix);
  }
  const title = instrument.closest(".gk-page").querySelector("h1").textContent;
  appendix.appendTo(paper, `Bijlage bij ${title}: de volledige antwoorden`);
};
