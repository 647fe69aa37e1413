// A radar chart as SVG, drawn by our own small code (no chart library): one axis per aspect, a
// ring per scale step, and a closed line per series (a respondent, or the group). Series differ
// in line style and point shape as well as colour, so they stay apart on a black-and-white
// printer. The chart is an image with a text alternative; the caller shows the same figures in
// a table.

const SVG = "http://www.w3.org/2000/svg";
const SIZE = 400; // the viewBox; the chart scales with its box
const CENTRE = SIZE / 2;
const RADIUS = 130; // room around it for the axis labels
// Line styles for series, in order: colour (print-safe dark tones) and dash pattern.
const LINES = [
  { colour: "#1a4fd6", dash: "" },
  { colour: "#b3261e", dash: "8 4" },
  { colour: "#237a3b", dash: "2 3" },
  { colour: "#8e44ad", dash: "10 3 2 3" },
  { colour: "#5f4b00", dash: "4 4" },
  { colour: "#00607a", dash: "12 6" },
];
// Point shapes, five against six lines: thirty series before a style comes back.
const MARKERS = ["circle", "square", "triangle", "diamond", "ring"];

/** The look of the series at `index`: colour, dash pattern and point shape. */
export const seriesStyle = (index) => ({
  ...LINES[index % LINES.length],
  marker: MARKERS[index % MARKERS.length],
});

/** An SVG element with attributes; `text`, if given, as its text. */
export const svgElement = (name, attributes = {}, text = null) => {
  const node = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  if (text !== null) node.textContent = text; // always text: labels come from users' files too
  return node;
};

/** The point at `fraction` of the radius on axis `index` of `count` (the first points up). */
const point = (index, count, fraction) => {
  const angle = -Math.PI / 2 + (2 * Math.PI * index) / count;
  return [CENTRE + RADIUS * fraction * Math.cos(angle), CENTRE + RADIUS * fraction * Math.sin(angle)];
};

const round = (value) => Math.round(value * 10) / 10;

/** A point of a series, in its shape, centred on (x, y). */
export const marker = ({ marker: shape, colour }, x, y) => {
  const corners = (list) => list.map(([dx, dy]) => `${round(x + dx)},${round(y + dy)}`).join(" ");
  const shapes = {
    circle: () => svgElement("circle", { cx: x, cy: y, r: 3.5, fill: colour }),
    ring: () => svgElement("circle", { cx: x, cy: y, r: 3.2, fill: "#fff", stroke: colour, "stroke-width": 2 }),
    square: () => svgElement("polygon", { points: corners([[-3.2, -3.2], [3.2, -3.2], [3.2, 3.2], [-3.2, 3.2]]), fill: colour }),
    triangle: () => svgElement("polygon", { points: corners([[0, -4.5], [4, 3], [-4, 3]]), fill: colour }),
    diamond: () => svgElement("polygon", { points: corners([[0, -4.5], [4.5, 0], [0, 4.5], [-4.5, 0]]), fill: colour }),
  };
  const node = shapes[shape]();
  node.setAttribute("data-gk-marker", shape);
  return node;
};

/**
 * An SVG radar chart.
 *
 * - `axes`: the axis labels (the aspects), at least three.
 * - `series`: `[{ name, values }]`, one value per axis, a number or null (no figure: the line
 *   skips to the centre there and the point is left out).
 * - `min`, `max`: the scale's lowest and highest value (the centre and the outer ring).
 * - `title`, `description`: the text alternative (the figures themselves belong in a table).
 */
export function radarChart({ axes, series, min, max, title, description }) {
  const count = axes.length;
  const svg = svgElement("svg", { viewBox: `0 0 ${SIZE} ${SIZE}`, role: "img", class: "gk-radar" });
  svg.append(svgElement("title", {}, title), svgElement("desc", {}, description));

  const grid = svgElement("g", { class: "gk-radar__grid", fill: "none", stroke: "#767676" });
  for (let step = min; step <= max; step += 1) {
    const fraction = max === min ? 1 : (step - min) / (max - min);
    const ring = Array.from({ length: count }, (_, i) => point(i, count, fraction).map(round).join(","));
    grid.append(svgElement("polygon", { points: ring.join(" "), "stroke-width": step === max ? 1.5 : 0.75 }));
  }
  for (let i = 0; i < count; i += 1) {
    const [x, y] = point(i, count, 1).map(round);
    grid.append(svgElement("line", { x1: CENTRE, y1: CENTRE, x2: x, y2: y, "stroke-width": 0.75 }));
  }
  svg.append(grid);

  const labels = svgElement("g", { class: "gk-radar__labels", "font-size": 13, fill: "currentColor" });
  axes.forEach((label, i) => {
    const [x, y] = point(i, count, 1.18).map(round);
    const anchor = Math.abs(x - CENTRE) < 1 ? "middle" : x > CENTRE ? "start" : "end";
    labels.append(svgElement("text", { x, y, "text-anchor": anchor, "dominant-baseline": "middle" }, label));
  });
  svg.append(labels);

  series.forEach(({ name, values }, index) => {
    const style = seriesStyle(index);
    const group = svgElement("g", { class: "gk-radar__series" });
    group.append(svgElement("title", {}, name));
    const fraction = (value) => (value === null ? 0 : (value - min) / (max - min));
    const corners = values.map((value, i) => point(i, count, fraction(value)).map(round).join(","));
    group.append(
      svgElement("polygon", {
        points: corners.join(" "),
        fill: style.colour,
        "fill-opacity": series.length === 1 ? 0.15 : 0.05,
        stroke: style.colour,
        "stroke-width": 2.5,
        "stroke-dasharray": style.dash,
        "stroke-linejoin": "round",
      }),
    );
    values.forEach((value, i) => {
      if (value === null) return;
      const [cx, cy] = point(i, count, fraction(value)).map(round);
      group.append(marker(style, cx, cy));
    });
    svg.append(group);
  });

  return svg;
}
