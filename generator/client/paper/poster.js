// The poster layout on paper (the praatplaat): one landscape sheet with a small title band, its
// areas two by two in the colours of the screen, and the agreements in a band below them.
// Blank, it is a poster for a group: large titles and questions, and the open space of each area
// kept for writing and post-its. Filled in, each question has its answer under it, as large as
// the area's answers fit (12 down to 9 pt); beyond that, they are cut with a reference to the
// appendix.
import { attacher, finish, labelText, make, paperOf, sourceLine, titleBand, valueOf } from "./sheet.js";

const TEXT_SIZES = [12, 11.5, 11, 10.5, 10, 9.5, 9];

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

/** Lay the instrument out as a poster, in its own paper element (filled: fitted, with an
    appendix when something had to be cut). */
const render = (instrument, { blank }) => {
  const paper = paperOf(instrument);
  const sheet = make("section", `gk-sheet gk-sheet--poster${blank ? " gk-sheet--blank" : ""}`);
  const grid = make("div", "gk-sheet__areas");
  const parts = [];
  for (const section of instrument.querySelectorAll(".gk-poster > .gk-area:not(:has(gk-actions))")) {
    const part = area(section, { blank });
    grid.append(part.box);
    parts.push(part);
  }
  sheet.append(titleBand(instrument, { blank }), grid, sourceLine(instrument));
  paper.append(sheet);
  finish(instrument, paper, parts, { blank, sizes: TEXT_SIZES });
};

export const attach = attacher(render);
