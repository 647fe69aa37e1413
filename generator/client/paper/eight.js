// Het 8-tje on paper: the figure eight itself. Each partner is a loop of its levels (boxes), with
// the links down between two levels; between two neighbouring partners that are linked, the links
// across at each level, drawn as connectors from loop to loop (links between partners that aren't
// neighbours follow on a sheet of their own, a row of boxes per link). Up to three partners share one A3 landscape sheet;
// more continue on the next sheet, which starts with the last partner of the one before (so every
// link is on a sheet with both its partners; that partner's answers are on the sheet before, and
// its boxes there say so). Blank, every box and link is headed by its
// questions, with room to write; filled in, it holds the answers, as large as they fit (11 down
// to 9 pt), and what doesn't fit continues in the appendix.
import { endsOf } from "../answers.js";
import { add } from "../../parts/parties/parties-edit.js";
import { attacher, finish, labelText, make, paperOf, sourceLine, titleBand, valueOf } from "./sheet.js";

const TEXT_SIZES = [11, 10.5, 10, 9.5, 9];
const PER_SHEET = 3;
const PARTNERS = "partners";

/** A fieldset of the form's list (a box or a link): where it is, and its questions and answers. */
const group = (fieldset) => ({
  place: labelText(fieldset.querySelector("legend")),
  fields: [...fieldset.querySelectorAll(".gk-field")].map((field) => ({
    question: labelText(field.querySelector(".gk-label")),
    text: valueOf(field.querySelector("textarea, input")),
  })),
});

/** The partners in order, each with its groups top to bottom (level, link down, level, …); the
    links across between each two neighbours (its groups, one per level, or null: not linked);
    and the other links, each with its name and groups. */
const readParties = (parties) => {
  const groupsOf = (element) => [...element.querySelectorAll(":scope > fieldset")].map(group);
  const partners = [...parties.querySelectorAll("[data-gk-list] > .gk-party")].map((element) => ({
    id: element.dataset.gkParty,
    name: valueOf(element.querySelector("input[data-gk-names]")) || element.dataset.gkDefaultName,
    groups: groupsOf(element),
  }));
  const links = [...parties.querySelectorAll("[data-gk-links] > .gk-across")].map((element) => ({
    ends: endsOf(element.dataset.gkAcross),
    name: labelText(element.querySelector(".gk-across__title")),
    groups: groupsOf(element),
  }));
  const joins = (link, one, other) => link.ends.includes(one.id) && link.ends.includes(other.id);
  const across = partners.slice(1).map((right, i) => links.find((link) => joins(link, partners[i], right)) ?? null);
  const others = links.filter((link) => !across.includes(link));
  return { partners, across: across.map((link) => link?.groups ?? null), others };
};

/** The links between partners that aren't neighbours: a row of boxes per link, one per level. */
const otherLinks = (others, levels, { blank }) => {
  const grid = make("div", "gk-eight-links");
  grid.style.gridTemplateColumns = `auto repeat(${levels.length}, minmax(0, 1fr))`;
  const parts = [];
  for (const link of others) {
    grid.append(make("p", "gk-eight__name", link.name));
    link.groups.forEach((content, level) => {
      const part = cell("link", levels[level], content, { blank });
      grid.append(part.box);
      parts.push(part);
    });
  }
  return { grid, parts };
};

/** A box or link: its title (a level's name; a link has none), its questions, and the answers.
    Blank, the questions head the room to write in. With a `note`, only the note (a partner shown
    again: its answers are on the sheet before). */
const cell = (kind, title, { place, fields }, { blank, note }) => {
  const box = make("div", `gk-eight__${kind}`);
  if (title) box.append(make("h3", "gk-eight__title", title));
  const content = make("div", "gk-eight__content");
  const texts = [];
  if (note) content.append(make("p", "gk-eight__note", note));
  for (const { question, text } of note ? [] : fields) {
    content.append(make("p", "gk-eight__question", question));
    if (blank) continue;
    const answer = make("p", "gk-eight__answer", text);
    content.append(answer);
    if (text) texts.push({ box: answer, title: `${place} · ${question}`, text });
  }
  box.append(content);
  return { box, region: content, texts };
};

/** A connector and a link's box on it: across (a line left and right) or down (above, below). */
const connected = (part, direction) => {
  const holder = make("div", `gk-eight__connector gk-eight__connector--${direction}`);
  holder.append(make("span", "gk-eight__line"), part.box, make("span", "gk-eight__line"));
  return holder;
};

/** One sheet's figure: `partners` side by side, the links across between them; `again` says
    where the first partner's answers are, when it is shown a second time. */
const figure = (partners, across, levels, { blank, again }) => {
  const grid = make("div", "gk-eight");
  const parts = [];
  const columns = partners.map(() => "minmax(0, 1.5fr)").join(" minmax(0, 1fr) ");
  grid.style.gridTemplateColumns = columns;
  // The partner's name, its levels with the links down between them, and the loop's foot.
  const rows = levels.map(() => "minmax(0, 1.25fr)").join(" minmax(0, 1fr) ");
  grid.style.gridTemplateRows = `auto ${rows} 3mm`;
  const place = (element, column, row, rows = 1) => {
    element.style.gridArea = `${row} / ${column} / span ${rows} / span 1`;
    grid.append(element);
  };
  partners.forEach((partner, index) => {
    const column = 2 * index + 1;
    place(make("div", "gk-eight__loop"), column, 1, 2 * levels.length + 1);
    place(make("p", "gk-eight__name", partner.name), column, 1);
    const note = index === 0 ? again : undefined;
    partner.groups.forEach((content, row) => {
      const level = row % 2 === 0;
      const part = cell(level ? "box" : "link", level ? levels[row / 2] : "", content, { blank, note });
      place(level ? part.box : connected(part, "down"), column, row + 2);
      parts.push(part);
    });
    if (index === partners.length - 1 || !across[index]) return;
    across[index].forEach((content, level) => {
      const part = cell("link", "", content, { blank });
      place(connected(part, "across"), column + 1, 2 * level + 2);
      parts.push(part);
    });
  });
  return { grid, parts };
};

/** The blank figure for as many partners as the page it was printed from had (print-blank.js
    asks for them: `?afdruk=leeg&partners=3`); without, for the partners a new 8-tje starts with. */
const addAskedPartners = (parties) => {
  const asked = Number(new URLSearchParams(window.location.search).get(PARTNERS));
  while (parties.querySelectorAll(".gk-parties__list > .gk-party").length < asked) {
    if (!add(parties)) return; // at its maximum
  }
};

/** Lay the 8-tje out on its own paper: the figure on one sheet per three partners, the
    agreements under the last (filled: fitted, with an appendix when something was cut). */
const render = (instrument, { blank }) => {
  const paper = paperOf(instrument);
  const parties = instrument.querySelector("gk-parties");
  if (blank) addAskedPartners(parties);
  const levels = [...parties.querySelectorAll(".gk-diagram__party:first-child .gk-node__text")].map(labelText);
  const { partners, across, others } = readParties(parties);
  const parts = [];
  for (let first = 0; first === 0 || first < partners.length - 1; first += PER_SHEET - 1) {
    const sheet = make("section", `gk-sheet gk-sheet--eight${blank ? " gk-sheet--blank" : ""}`);
    const again = first && !blank ? `Ingevuld op blad ${paper.children.length}` : undefined;
    const shown = figure(partners.slice(first, first + PER_SHEET), across.slice(first), levels, { blank, again });
    sheet.append(titleBand(instrument, { blank }), shown.grid, sourceLine(instrument));
    parts.push(...shown.parts);
    paper.append(sheet);
  }
  if (others.length) {
    const sheet = make("section", `gk-sheet gk-sheet--eight gk-sheet--links${blank ? " gk-sheet--blank" : ""}`);
    const shown = otherLinks(others, levels, { blank });
    sheet.append(titleBand(instrument, { blank }), make("h2", "gk-eight-links__title", "Andere verbindingen"), shown.grid, sourceLine(instrument));
    parts.push(...shown.parts);
    paper.append(sheet);
  }
  finish(instrument, paper, parts, { blank, sizes: TEXT_SIZES });
};

export const attach = attacher(render);
