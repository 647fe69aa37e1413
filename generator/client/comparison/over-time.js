// Ontwikkeling in de tijd: a session whose files come from several moments (the reflectietool
// filled in again halfway and at the end of a school year, see moments.js) shows how the group's
// figures moved, or, for an instrument in words, each moment's answers side by side; and each
// participant's entry gets the field that moves them to another moment. The figures are pure
// functions; the part is built as DOM.
import { formatFigure, summary } from "../figures.js";
import { answerList, headedGroup, textGroups } from "./answers-in-words.js";
import { chartWithLegend, count, h, hidden, nameOf, nextId, part, scrollingTable, th } from "./elements.js";
import { lineChart } from "./line-chart.js";
import { scaleAnswers, textSections } from "./line-up.js";
import { dateOf, dayLabel, momentOf, moments, weekLabel, weekOf } from "./moments.js";

const MOST = 5; // statements listed as changed most

/** The field that puts a participant in one of `weeks` (weekChoices), in their entry under
 *  Deelnemers, with the day their file was saved; a file without a time can stay without. */
export function momentField(r, weeks) {
  const id = `gk-compare-moment-${r.id}`;
  const own = weekOf(r.data?.saved);
  const current = momentOf(r) ?? "";
  const saved = own === null ? "Het bestand heeft geen datum." : `Opgeslagen op ${dayLabel(new Date(r.data.saved))}.`;
  return h(
    "div",
    { class: "gk-field" },
    h("label", { class: "gk-label", for: id }, "Moment", hidden(` van ${r.source}`)),
    h(
      "select",
      { class: "gk-input", id, "aria-describedby": `${id}-datum`, "data-gk-moment": r.id },
      (own === null ? ["", ...weeks] : weeks).map((week) => h("option", { value: week, selected: week === current }, week ? weekLabel(week) : "Zonder datum")),
    ),
    h("p", { class: "gk-help", id: `${id}-datum` }, saved),
  );
}

// --- figures ---------------------------------------------------------------------------------

/** The group's mean per aspect at each moment: all scores on the aspect's statements by the
 *  moment's participants together ("weet niet" left out), as the view's Alle deelnemers column.
 *  `sets`: everyone's scale answers (scaleAnswers). Returns `[{ id, title, means }]`, a mean
 *  (or null: nothing scored) per moment. */
export function meansOverTime(aspects, sets, list) {
  return aspects.map(({ id, title, statements }) => ({
    id,
    title,
    means: list.map(({ members }) => summary(members.flatMap((i) => statements.map(({ key }) => sets[i].get(key))))?.mean ?? null),
  }));
}

/**
 * The statements whose mean changed most between two moments (the first and the last): of those
 * with a mean at both, the largest change first, up or down, then in the instrument's order;
 * at most `limit`, and none that did not change. Means are taken as they are shown, to one
 * decimal, so the change is what a reader works out from them. Returns `{ compared, changed:
 * [{ key, label, aspect, from, to, change }] }`, `compared` being how many had a mean at both.
 */
export function changedMost(aspects, sets, first, last, limit = MOST) {
  const tenths = (members, key) => {
    const figures = summary(members.map((i) => sets[i].get(key)));
    return figures === null ? null : Math.round(figures.mean * 10);
  };
  const both = aspects
    .flatMap(({ title, statements }) => statements.map(({ key, label }) => ({ key, label, aspect: title })))
    .map((statement, order) => ({ ...statement, order, from: tenths(first.members, statement.key), to: tenths(last.members, statement.key) }))
    .filter(({ from, to }) => from !== null && to !== null);
  const changed = both
    .filter(({ from, to }) => from !== to)
    .sort((a, b) => Math.abs(b.to - b.from) - Math.abs(a.to - a.from) || a.order - b.order)
    .slice(0, limit)
    .map(({ key, label, aspect, from, to }) => ({ key, label, aspect, from: from / 10, to: to / 10, change: (to - from) / 10 }));
  return { compared: both.length, changed };
}

/** "2,5 → 4,0 (+1,5)". */
export const changeText = ({ from, to, change }) =>
  `${formatFigure(from)} → ${formatFigure(to)} (${change > 0 ? "+" : "−"}${formatFigure(Math.abs(change))})`;

// --- the part --------------------------------------------------------------------------------

const names = (members, respondents) => members.flatMap((i, n) => [n ? ", " : "", nameOf(respondents[i])]);

/** Each moment, with how many took part then and who. */
function momentList(list, undated, respondents) {
  return [
    h(
      "ul",
      { class: "gk-compare__moments" },
      list.map(({ week, members }) =>
        h("li", {}, h("strong", {}, weekLabel(week)), `: ${count(members.length, "deelnemer", "deelnemers")} (`, names(members, respondents), ")"),
      ),
    ),
    undated.length
      ? h(
          "p",
          { class: "gk-compare__note" },
          "Zonder datum, en daarom hier niet meegeteld: ",
          names(undated, respondents),
          ". Kies onder Deelnemers bij welk moment het bestand hoort.",
        )
      : null,
  ];
}

/** The group's mean per aspect at each moment: a line chart, and a table with the same figures. */
function meansPart(aspects, sets, list, scale) {
  const values = scale.options.map((o) => o.value);
  const [min, max] = [Math.min(...values), Math.max(...values)];
  const rows = meansOverTime(aspects, sets, list);
  const labels = list.map(({ week }) => weekLabel(week));
  const [lowest, highest] = [scale.options.find((o) => o.value === min), scale.options.find((o) => o.value === max)];
  const chart = lineChart({
    moments: list.map(({ week }) => {
      const date = dateOf(week);
      return [date.toLocaleDateString("nl-NL", { day: "numeric", month: "short" }), String(date.getFullYear())];
    }),
    series: rows.map(({ title, means }) => ({ name: title, values: means })),
    min,
    max,
    title: "Gemiddelde per aspect, per moment",
    description:
      `Een lijn per aspect, van het eerste moment links (${labels[0]}) naar het laatste rechts (${labels.at(-1)}). ` +
      `Onderaan ${min} (${lowest.label}), bovenaan ${max} (${highest.label}). De cijfers staan in de tabel hieronder.`,
  });
  const head = h("tr", {}, th("Aspect"), labels.map((label) => th(label)));
  const body = rows.map(({ title, means }) => h("tr", {}, th(title, "row"), means.map((mean) => h("td", {}, formatFigure(mean)))));
  return [
    h("h3", {}, "Gemiddelde per aspect"),
    h(
      "p",
      {},
      "Per moment het gemiddelde van alle antwoorden op de stellingen van elk aspect, van iedereen die toen meedeed. Weet niet en lege antwoorden tellen niet mee.",
    ),
    chartWithLegend(chart, rows.map(({ title }) => title)),
    scrollingTable("Gemiddelde per aspect, per moment", head, body),
  ];
}

/** The statements that changed most between the first and the last moment. */
function changesPart(aspects, sets, list) {
  const [first, last] = [list[0], list.at(-1)];
  const { compared, changed } = changedMost(aspects, sets, first, last);
  const id = nextId();
  const shown = [
    h("h3", { id }, "Wat het meest veranderde"),
    h(
      "p",
      { class: "gk-compare__rule" },
      `Het gemiddelde per stelling in de ${weekLabel(first.week)} en in de ${weekLabel(last.week)}. De grootste verandering, omhoog of omlaag, ` +
        "staat bovenaan; bij een gelijke verandering gaat de volgorde van de vragenlijst voor. Hoogstens vijf.",
    ),
  ];
  if (changed.length === 0) {
    const why =
      compared === 0
        ? "Geen stelling is bij zowel het eerste als het laatste moment met een cijfer beantwoord."
        : "Geen enkel gemiddelde is veranderd tussen het eerste en het laatste moment.";
    return [...shown, h("p", { class: "gk-compare__empty" }, why)];
  }
  const items = changed.map((statement) =>
    h(
      "li",
      {},
      h("p", { class: "gk-compare__statement" }, statement.label),
      h("p", { class: "gk-compare__figures" }, `${statement.aspect} · ${changeText(statement)}`),
    ),
  );
  return [...shown, h("ol", { class: "gk-compare__topics", "aria-labelledby": id }, items)];
}

/** The questions in words, each with a column per moment holding its participants' answers. */
function textsPart(structure, respondents, parts, scales, list) {
  const perMoment = (row, group, level) =>
    h(
      "div",
      { class: "gk-compare__moment-columns" },
      list.map(({ week, members }) =>
        headedGroup("gk-compare__moment", level + 1, weekLabel(week), answerList(row, group, respondents, scales, members)),
      ),
    );
  return textSections(structure, respondents.map(({ answers }) => answers), parts).map(({ id, title, groups }) =>
    headedGroup("gk-compare__texts", 3, title, textGroups(groups, respondents, scales, { answers: perMoment, onlyAnswered: true })),
  );
}

/** The screens of Ontwikkeling in de tijd for Presenteren (presenter.js), for a scale
 *  instrument with two or more moments: the means per aspect from moment to moment, and what
 *  changed most. In large type, as lists: the chart and the table stay in the view. */
export function overTimeSlides(respondents, { aspects, scales }) {
  const { moments: list } = moments(respondents);
  if (list.length < 2 || aspects.length === 0) return [];
  const sets = scaleAnswers(aspects, scales, respondents);
  const [first, last] = [list[0], list.at(-1)];
  const title = "Ontwikkeling in de tijd";
  const { changed } = changedMost(aspects, sets, first, last);
  return [
    {
      title,
      question: `Gemiddelde per aspect, van de ${weekLabel(first.week)} tot de ${weekLabel(last.week)}`,
      body: h(
        "ul",
        { class: "gk-present__list" },
        meansOverTime(aspects, sets, list).map(({ title: aspect, means }) => h("li", {}, `${aspect}: ${means.map(formatFigure).join(" → ")}`)),
      ),
    },
    {
      title,
      question: "Wat het meest veranderde",
      body: changed.length
        ? h(
            "ul",
            { class: "gk-present__statements" },
            changed.map((statement) =>
              h(
                "li",
                {},
                h("p", { class: "gk-present__statement" }, statement.label),
                h("p", {}, `${statement.aspect} · ${changeText(statement)}`),
              ),
            ),
          )
        : h("p", { class: "is-empty" }, "Geen gemiddelde van een stelling veranderde tussen het eerste en het laatste moment."),
    },
  ];
}

/** The part Ontwikkeling in de tijd, or null for a session of one moment. `aspects`, `scales`:
 *  as the view has them (the sections with statements, the scales by id). */
export function overTimePart(structure, respondents, parts, { aspects, scales }) {
  const { moments: list, undated } = moments(respondents);
  if (list.length < 2) return null;
  const intro = h(
    "p",
    {},
    `De antwoorden komen van ${list.length} momenten. Bestanden die in dezelfde week (maandag tot en met zondag) zijn opgeslagen, horen bij één moment. ` +
      "Hoort een bestand bij een ander moment, kies dat dan bij de deelnemer onder Deelnemers. De andere onderdelen van dit overzicht tellen alle deelnemers samen.",
  );
  const shown = [intro, momentList(list, undated, respondents)];
  if (aspects.length) {
    const sets = scaleAnswers(aspects, scales, respondents);
    shown.push(meansPart(aspects, sets, list, scales.get(aspects[0].statements[0].scale)), changesPart(aspects, sets, list));
  } else {
    shown.push(textsPart(structure, respondents, parts, scales, list));
  }
  return part("in-de-tijd", "Ontwikkeling in de tijd", ...shown);
}
