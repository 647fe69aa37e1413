// The matrix on paper: a real table, its questions as rows and the activities as columns, every
// row the same height across the columns, on A3 landscape. Above it, the questions asked once
// (impact and goals) side by side; below it, the agreements. Blank, the columns are every
// activity of the menu and an empty one for an own activity; filled in, the chosen ones and the
// own ones, and when there are more than fit, the table continues on the next sheet with its row
// labels repeated. Answers take the largest size from 11 to 9 pt that fits their cell; beyond
// that they are cut, and continue in the appendix.
import { attacher, finish, labelText, make, paperOf, sourceLine, titleBand, valueOf } from "./sheet.js";

const TEXT_SIZES = [11, 10.5, 10, 9.5, 9];
const COLUMNS_PER_SHEET = 7;

/** A field's question, its help, and its answer. */
const asked = (field) => ({
  question: labelText(field.querySelector(".gk-label")),
  help: field.querySelector(".gk-help")?.textContent ?? "",
  text: valueOf(field.querySelector("textarea, input")),
});

/** A box with (filled) a text, headed by a question and its help if given: a part to fit.
    `where` names the text in the appendix. */
const textBox = (className, text, where, { blank, question, help }) => {
  const box = make("div", className);
  if (question) box.append(make("h2", `${className}-title`, question));
  if (help) box.append(make("p", "gk-matrix-sheet__help", help));
  const region = make("div", "gk-matrix-sheet__text");
  const texts = [];
  if (!blank) {
    const answer = make("p", "gk-matrix-sheet__answer", text);
    region.append(answer);
    if (text) texts.push({ box: answer, title: where, text });
  }
  box.append(region);
  return { box, region, texts };
};

/** The matrix's columns: the chosen ones (blank: the whole menu and one own, empty). */
const readColumns = (matrix, { blank }) => {
  const own = matrix.querySelector("[data-gk-own-label]")?.dataset.gkOwnLabel;
  const shown = [...matrix.querySelectorAll(".gk-column")].filter((column) =>
    blank ? !column.querySelector(".gk-column__name") : !column.hidden,
  );
  const description = (id) =>
    matrix.querySelector(`[data-gk-menu] input[value="${CSS.escape(id)}"]`)?.closest("li")
      ?.querySelector(".gk-menu__description")?.textContent ?? "";
  const columns = shown.map((column) => ({
    title: labelText(column.querySelector(".gk-column__title")) || own,
    description: description(column.dataset.gkColumn),
    cells: [...column.querySelectorAll(".gk-field:not(.gk-column__name)")].map(asked),
  }));
  if (blank && own) columns.push({ title: own, description: "", cells: columns[0]?.cells ?? [] });
  return columns;
};

/** One sheet's table: the questions as row headers, `columns` across. */
const table = (questions, columns, { blank }) => {
  const grid = make("div", "gk-matrix-sheet__table");
  grid.setAttribute("role", "table");
  grid.style.gridTemplateColumns = `46mm repeat(${columns.length}, minmax(0, 1fr))`;
  grid.style.gridTemplateRows = `auto repeat(${questions.length}, minmax(0, 1fr))`;
  const row = (...cells) => {
    const holder = make("div", "gk-matrix-sheet__row");
    holder.setAttribute("role", "row");
    holder.append(...cells);
    grid.append(holder);
  };
  const header = (role, text) => {
    const cell = make("div", `gk-matrix-sheet__${role}`, text);
    cell.setAttribute("role", role);
    return cell;
  };
  const heading = ({ title, description }) => {
    const cell = header("columnheader", title);
    if (description) cell.append(make("span", "gk-matrix-sheet__description", description));
    return cell;
  };
  row(header("cell", ""), ...columns.map(heading));
  const parts = [];
  questions.forEach((question, index) => {
    const cells = columns.map((column) => {
      const { text } = column.cells[index] ?? { text: "" };
      const where = `${column.title} · ${question}`;
      const part = textBox("gk-matrix-sheet__cell", text, where, { blank });
      part.box.setAttribute("role", "cell");
      parts.push(part);
      return part.box;
    });
    row(header("rowheader", question), ...cells);
  });
  return { grid, parts };
};

/** Lay the matrix out on its own paper (filled: fitted, with an appendix for what was cut). */
const render = (instrument, { blank }) => {
  const paper = paperOf(instrument);
  const matrix = instrument.querySelector("gk-menu-matrix");
  const columns = readColumns(matrix, { blank });
  const questions = columns[0]?.cells.map((cell) => cell.question) ?? [];
  const once = [...instrument.querySelectorAll(".gk-aspect:not(:has(gk-menu-matrix, gk-actions))")];
  const parts = [];
  for (let first = 0; first === 0 || first < columns.length; first += COLUMNS_PER_SHEET) {
    const sheet = make("section", `gk-sheet gk-sheet--matrix${blank ? " gk-sheet--blank" : ""}`);
    sheet.append(titleBand(instrument, { blank }));
    if (first === 0) {
      const top = make("div", "gk-matrix-sheet__once");
      for (const section of once) {
        for (const field of section.querySelectorAll(".gk-field")) {
          const { question, help, text } = asked(field);
          const part = textBox("gk-matrix-sheet__box", text, question, { blank, question, help });
          top.append(part.box);
          parts.push(part);
        }
      }
      sheet.append(top);
    }
    const shown = table(questions, columns.slice(first, first + COLUMNS_PER_SHEET), { blank });
    sheet.append(shown.grid, sourceLine(instrument));
    parts.push(...shown.parts);
    paper.append(sheet);
  }
  finish(instrument, paper, parts, { blank, sizes: TEXT_SIZES });
};

export const attach = attacher(render);
