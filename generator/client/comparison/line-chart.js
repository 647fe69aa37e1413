// A line chart as SVG, drawn by our own small code (no chart library): moments from left to
// right, the scale from bottom to top, a line per series (an aspect). Series differ in line
// style and point shape as well as colour (radar.js's styles), so they stay apart on a
// black-and-white printer. The chart is an image with a text alternative; the caller shows the
// same figures in a table.
import { marker, seriesStyle, svgElement } from "../radar.js";

const WIDTH = 400; // the viewBox; the chart scales with its box
const HEIGHT = 230;
const PLOT = { left: 34, right: WIDTH - 24, top: 14, bottom: HEIGHT - 44 };
const MAX_LABELS = 8; // moments named under the axis; with more, every so many

const round = (value) => Math.round(value * 10) / 10;

/**
 * An SVG line chart.
 *
 * - `moments`: the labels along the bottom, in time order, each `[line, line]` (two short lines).
 * - `series`: `[{ name, values }]`, one value per moment, a number or null (no figure: the line
 *   breaks there and the point is left out).
 * - `min`, `max`: the scale's lowest and highest value (the bottom and the top).
 * - `title`, `description`: the text alternative (the figures themselves belong in a table).
 */
export function lineChart({ moments, series, min, max, title, description }) {
  const svg = svgElement("svg", { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: "img", class: "gk-line-chart" });
  svg.append(svgElement("title", {}, title), svgElement("desc", {}, description));
  const x = (i) => round(moments.length === 1 ? (PLOT.left + PLOT.right) / 2 : PLOT.left + ((PLOT.right - PLOT.left) * i) / (moments.length - 1));
  const y = (value) => round(PLOT.bottom - ((PLOT.bottom - PLOT.top) * (value - min)) / (max - min || 1));

  const grid = svgElement("g", { class: "gk-line-chart__grid", stroke: "#767676", "font-size": 14, fill: "currentColor" });
  for (let step = min; step <= max; step += 1) {
    grid.append(
      svgElement("line", { x1: PLOT.left - 10, y1: y(step), x2: PLOT.right + 10, y2: y(step), "stroke-width": step === min ? 1.5 : 0.75 }),
      svgElement("text", { x: PLOT.left - 16, y: y(step), "text-anchor": "end", "dominant-baseline": "middle", stroke: "none" }, String(step)),
    );
  }
  const every = Math.ceil(moments.length / MAX_LABELS);
  moments.forEach((lines, i) => {
    if (i % every !== 0 && i !== moments.length - 1) return;
    const label = svgElement("text", { x: x(i), y: PLOT.bottom + 18, "text-anchor": "middle", stroke: "none" });
    lines.forEach((line, n) => label.append(svgElement("tspan", { x: x(i), dy: n === 0 ? 0 : 15 }, line)));
    grid.append(label);
  });
  svg.append(grid);

  series.forEach(({ name, values }, index) => {
    const style = seriesStyle(index);
    const group = svgElement("g", { class: "gk-line-chart__series" });
    group.append(svgElement("title", {}, name));
    // A line from each point to the next one that has a figure too; a gap breaks it.
    const path = values
      .map((value, i) => (value === null ? null : `${i === 0 || values[i - 1] === null ? "M" : "L"}${x(i)},${y(value)}`))
      .filter(Boolean)
      .join(" ");
    group.append(
      svgElement("path", {
        d: path,
        fill: "none",
        stroke: style.colour,
        "stroke-width": 2.5,
        "stroke-dasharray": style.dash,
        "stroke-linejoin": "round",
      }),
    );
    values.forEach((value, i) => {
      if (value !== null) group.append(marker(style, x(i), y(value)));
    });
    svg.append(group);
  });
  return svg;
}
