// The small DOM builders every part of the comparison view (and the session's panels, the
// presentation and the report) makes itself from: elements, names, parts, tables, and a chart's
// legend. Every text goes in as text, never as HTML. A respondent's name is always a <span
// data-gk-respondent>, so a rename reaches every place at once.
import { marker, seriesStyle, svgElement } from "../radar.js";

/** An element with attributes and children; strings become text nodes. */
export function h(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== null && value !== undefined && value !== false) node.setAttribute(name, value === true ? "" : value);
  }
  node.append(...children.flat(Infinity).filter((child) => child !== null && child !== undefined));
  return node;
}

let serial = 0;
export const nextId = () => `gk-compare-${(serial += 1)}`;
export const hidden = (text) => h("span", { class: "gk-visually-hidden" }, text);
export const nameOf = ({ id, name }) => h("span", { "data-gk-respondent": id }, name);
export const count = (n, one, many) => `${n} ${n === 1 ? one : many}`;

/** A part of the view: a section with its heading (h2), labelled by it. */
export function part(id, title, ...children) {
  return h(
    "section",
    { class: `gk-compare__part gk-compare__part--${id}`, "aria-labelledby": `gk-compare-${id}` },
    h("h2", { id: `gk-compare-${id}` }, title),
    ...children,
  );
}

/** A table that scrolls sideways when it is wider than the page (with many respondents);
 *  focusable, so it can be scrolled with the keyboard too. `kind` adds a modifier class. */
export function scrollingTable(caption, head, body, kind = null) {
  const table = h("table", { class: kind ? `gk-compare__table gk-compare__table--${kind}` : "gk-compare__table" });
  table.append(h("caption", { class: "gk-visually-hidden" }, caption), h("thead", {}, head), h("tbody", {}, body));
  return h("div", { class: "gk-compare__scroll", role: "group", "aria-label": caption, tabindex: "0" }, table);
}

export const th = (text, scope = "col") => h("th", { scope }, text);

/** A short line in a series' colour and dash, with its point shape: the legend's key to the chart. */
function swatch(style) {
  const svg = svgElement("svg", { viewBox: "0 0 36 10", class: "gk-compare__swatch", "aria-hidden": "true" });
  const line = { x1: 1, y1: 5, x2: 35, y2: 5, stroke: style.colour, "stroke-width": 3, "stroke-dasharray": style.dash };
  svg.append(svgElement("line", line), marker(style, 18, 5));
  return svg;
}

/** A chart with its legend beside it (under it on a phone): one entry per series, in the
 *  series' order, each named by `names` (text or nodes). */
export const chartWithLegend = (chart, names) =>
  h(
    "div",
    { class: "gk-compare__chart" },
    chart,
    h(
      "ul",
      { class: "gk-compare__legend", "aria-label": "Legenda" },
      names.map((name, i) => h("li", {}, swatch(seriesStyle(i)), name)),
    ),
  );
