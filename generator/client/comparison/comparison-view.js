// The comparison view's parts, built as DOM: who takes part, the topics to talk about, the
// figures per statement and per aspect, and the answers in words side by side; with files from
// several moments, how they changed (over-time.js). Every text from a file goes in as text,
// never as HTML.
import { aspectMeans, conversationTopics, formatFigure, summary } from "../figures.js";
import { radarChart } from "../radar.js";
import { textGroupPieces } from "./answers-in-words.js";
import { chartWithLegend, count, h, hidden, nameOf, nextId, part, scrollingTable, th } from "./elements.js";
import { aspects as aspectsOf, knownKeys, linkNumber, scaleAnswers, textSections } from "./line-up.js";
import { weekChoices } from "./moments.js";
import { momentField, overTimePart } from "./over-time.js";

const number = (value) => value.toLocaleString("nl-NL");
const DIFFER = "Waar jullie het meest verschillen";
const LOWEST = "Waar jullie het laagst scoren";

// --- who takes part ------------------------------------------------------------------------

/** A participant's entry: the name to use here, where the answers came from, what differs; the
 *  moment they belong to, once there is one to choose (`weeks`, else null). */
function respondent(r, structure, known, weeks) {
  const input = `gk-compare-naam-${r.id}`;
  const notes = [];
  if (r.version !== structure.version) {
    notes.push(
      `Ingevuld met versie ${r.version} van dit instrument; deze pagina heeft versie ${structure.version}. ` +
        "Vragen die in die versie niet stonden, zijn bij deze deelnemer leeg.",
    );
  }
  const unknown = [...r.answers.keys()].filter((key) => !known(key));
  if (unknown.length) {
    const listed = unknown.slice(0, 12).join(", ") + (unknown.length > 12 ? ", …" : "");
    notes.push(
      `${count(unknown.length, "antwoord hoort", "antwoorden horen")} niet bij deze versie en ${unknown.length === 1 ? "telt" : "tellen"} niet mee (niet in deze versie): ${listed}`,
    );
  }
  return h(
    "li",
    { class: "gk-compare__respondent" },
    h("p", { class: "gk-print-only gk-compare__printed-name" }, nameOf(r)),
    h(
      "div",
      { class: "gk-field" },
      h("label", { class: "gk-label", for: input }, "Naam in dit overzicht", hidden(` voor ${r.source}`)),
      h("input", { class: "gk-input", type: "text", id: input, value: r.name, autocomplete: "off", "data-gk-rename": r.id }),
    ),
    weeks ? momentField(r, weeks) : null,
    h("p", { class: "gk-compare__source" }, r.own ? "Uit deze browser" : linkNumber(r.source) ? "Via een link" : `Bestand: ${r.source}`),
    notes.map((note) => h("p", { class: "gk-compare__note" }, note)),
    h(
      "button",
      { type: "button", class: "gk-button gk-button--quiet", "data-gk-remove": r.id },
      "Weghalen",
      hidden(` uit het overzicht: ${r.source}`),
    ),
  );
}

function* respondentsPart(structure, respondents, parts) {
  const known = knownKeys(structure, parts);
  const versions = respondents.some((r) => r.version !== structure.version);
  const weeks = weekChoices(respondents);
  const list = h("ul", { class: "gk-compare__respondents" });
  yield part(
    "deelnemers",
    "Deelnemers",
    h("p", {}, `${count(respondents.length, "deelnemer", "deelnemers")} in dit overzicht. Pas een naam aan als dat het gesprek makkelijker maakt.`),
    versions
      ? h(
          "p",
          { class: "gk-compare__note" },
          `Niet alle antwoorden zijn met versie ${structure.version} van dit instrument gegeven. ` +
            "Vergeleken wordt op de vragen die in deze versie staan; wat afwijkt, staat bij de deelnemer.",
        )
      : null,
    list,
  );
  for (const r of respondents) yield list.appendChild(respondent(r, structure, known, weeks));
}

// --- scale statements: topics, figures per statement, means per aspect --------------------------

export const figuresText = (figures) =>
  `Gemiddelde ${formatFigure(figures.mean)} · spreiding ${figures.min} – ${figures.max} · ${count(figures.n, "antwoord", "antwoorden")}`;

/** Everyone's answer to a statement, in the order of the view (never ranked): "Anna: 4". */
function distribution(key, sets, respondents, scale) {
  return h(
    "ul",
    { class: "gk-compare__who", "aria-label": "Antwoord per deelnemer" },
    respondents.map((r, i) => {
      const value = sets[i].get(key);
      const text = value === undefined ? "–" : scale.dontKnow && value === scale.dontKnow.value ? scale.dontKnow.label : String(value);
      return h("li", {}, nameOf(r), `: ${text}`);
    }),
  );
}

/** A topic: the statement and its figures; within its aspect, everyone's answer too (the
 *  overview leaves that to the aspect: fifty participants make long lists). `where`: its
 *  aspect, or why it is a topic (within an aspect). */
const topicItem = ({ key, label, figures }, where, sets, respondents, scale) =>
  h(
    "li",
    {},
    h("p", { class: "gk-compare__statement" }, label),
    h("p", { class: "gk-compare__figures" }, `${where} · ${figuresText(figures)}`),
    sets ? distribution(key, sets, respondents, scale) : null,
  );

/** A heading (h3) and the list of topics under it, named by it. */
function topicList(title, rule, topics, empty) {
  const id = nextId();
  const heading = h("h3", { id }, title);
  const explained = h("p", { class: "gk-compare__rule" }, rule);
  if (topics.length === 0) return [heading, explained, h("p", { class: "gk-compare__empty" }, empty)];
  return [
    heading,
    explained,
    h(
      "ol",
      { class: "gk-compare__topics", "aria-labelledby": id },
      topics.map((topic) => topicItem(topic, topic.aspect)),
    ),
  ];
}

/** The rules that make a statement a topic, from the scale: half the scale apart, or a mean
 *  below its middle (2 points and 3, "Neutraal", on a 1–5 scale); and the topics they find. */
function topicRules(aspects, sets, scale) {
  const values = scale.options.map((o) => o.value);
  const [min, max] = [Math.min(...values), Math.max(...values)];
  const minSpread = (max - min) / 2;
  const belowMean = (min + max) / 2;
  const middle = scale.options.find((o) => o.value === belowMean);
  const scored = sets.filter((set) => [...set.values()].some((v) => typeof v === "number")).length;
  return { minSpread, belowMean, middle, scored, ...conversationTopics(aspects, sets, { minSpread, belowMean }) };
}

function topicsPart(topics) {
  const { minSpread, belowMean, middle, scored, differ, lowest } = topics;
  if (scored < 2) {
    return part(
      "onderwerpen",
      "Gespreksonderwerpen",
      h("p", {}, "Gespreksonderwerpen verschijnen zodra minstens twee deelnemers stellingen hebben beantwoord."),
    );
  }
  return part(
    "onderwerpen",
    "Gespreksonderwerpen",
    h(
      "p",
      {},
      "Geen rapportcijfers en geen winnaars: dit zijn de stellingen waar een gesprek het meest oplevert. " +
        "Alleen stellingen die minstens twee deelnemers met een cijfer beantwoordden tellen mee; Weet niet en lege antwoorden tellen niet mee. " +
        "Wie wat antwoordde, staat bij elk aspect onder Per aspect.",
    ),
    topicList(
      DIFFER,
      `Het hoogste en het laagste antwoord liggen minstens ${number(minSpread)} punten uit elkaar. Het grootste verschil staat bovenaan; ` +
        "bij een gelijk verschil gaat de volgorde van de vragenlijst voor. Hoogstens vijf. Vraag elkaar: wat maakt dat jullie dit zo verschillend zien?",
      differ,
      `Geen stellingen waarop jullie ${number(minSpread)} punten of meer uiteenlopen.`,
    ),
    topicList(
      LOWEST,
      `Het gemiddelde ligt onder ${number(belowMean)}${middle ? ` (${middle.label})` : ""}, en de stelling staat hierboven nog niet. ` +
        "Het laagste gemiddelde staat bovenaan; bij een gelijk gemiddelde gaat de volgorde van de vragenlijst voor. Hoogstens vijf. " +
        "Vraag elkaar: wat is er nodig om hier verder te komen?",
      lowest,
      `Geen andere stellingen met een gemiddelde onder ${number(belowMean)}.`,
    ),
  );
}

function scaleCell(value, scale) {
  if (value === undefined) return h("td", { class: "is-empty" }, "–");
  if (scale.dontKnow && value === scale.dontKnow.value) return h("td", { class: "is-dont-know" }, scale.dontKnow.label);
  return h("td", {}, String(value));
}

/** Per aspect in one place: everyone's scores on its statements with their figures, its topics
 *  with everyone's answer, and everyone's explanation (the aspect's questions in words, by
 *  section id in `texts`). Made in pieces (comparisonView): the part with its legend, then per
 *  aspect its table, each topic and each question (20 participants make 1,600 elements here). */
function* perAspectPart(aspects, sets, respondents, scales, topics, texts) {
  const scale = scales.get(aspects[0].statements[0].scale);
  const legend = scale.options.map((o) => `${o.value} = ${o.label}`).join(" · ");
  const why = new Map([
    ...topics.differ.map((topic) => [topic.key, { topic, reason: "Hier verschillen jullie het meest" }]),
    ...topics.lowest.map((topic) => [topic.key, { topic, reason: "Hier scoren jullie het laagst" }]),
  ]);
  const made = part("per-aspect", "Per aspect", h("p", { class: "gk-compare__legend-text" }, `${legend}. Spreiding: het laagste en het hoogste antwoord.`));
  yield made;
  for (const { id, title, statements } of aspects) {
    const head = h("tr", {}, th("Stelling"), respondents.map((r) => h("th", { scope: "col" }, nameOf(r))), th("Gemiddelde"), th("Spreiding"), th("Antwoorden"));
    const body = statements.map(({ key, label, scale: scaleId }) => {
      const values = sets.map((set) => set.get(key));
      const figures = summary(values);
      return h(
        "tr",
        {},
        th(label, "row"),
        values.map((value) => scaleCell(value, scales.get(scaleId))),
        h("td", {}, figures ? formatFigure(figures.mean) : "–"),
        h("td", {}, figures ? `${figures.min} – ${figures.max}` : "–"),
        h("td", {}, String(figures?.n ?? 0)),
      );
    });
    const heading = `gk-compare-aspect-${id}`;
    const aspect = h(
      "div",
      { class: "gk-compare__aspect", role: "group", "aria-labelledby": heading, "data-gk-aspect": id },
      h("h3", { id: heading }, title),
      scrollingTable(`${title}: antwoorden per stelling`, head, body),
    );
    yield made.appendChild(aspect);
    const own = statements.map(({ key }) => why.get(key)).filter(Boolean);
    if (own.length) {
      const topicsId = nextId();
      const list = h("ul", { class: "gk-compare__topics", "aria-labelledby": topicsId });
      aspect.append(h("h4", { id: topicsId }, `Gespreksonderwerpen bij ${title}`), list);
      for (const { topic, reason } of own) yield list.appendChild(topicItem(topic, reason, sets, respondents, scale));
    }
    if (texts.has(id)) yield* wordsInto(aspect, texts.get(id).groups, respondents, scales);
  }
}

function* aspectsPart(aspects, sets, respondents, scale) {
  const means = sets.map((set) => aspectMeans(aspects, set));
  const values = scale.options.map((o) => o.value);
  const made = part(
    "aspecten",
    "Gemiddelde per aspect",
    h("p", {}, "Per deelnemer het gemiddelde van de antwoorden op de stellingen van elk aspect. Lijnen die uiteenlopen, zijn een goed begin van het gesprek."),
  );
  yield made;
  if (aspects.length >= 3) {
    const chart = radarChart({
      axes: aspects.map(({ title }) => title),
      series: respondents.map((r, i) => ({ name: r.name, values: means[i].map(({ mean }) => mean) })),
      min: Math.min(...values),
      max: Math.max(...values),
      title: "Gemiddelde per aspect, per deelnemer",
      description: `Een lijn per deelnemer; het midden is ${Math.min(...values)}, de buitenste ring ${Math.max(...values)}. De cijfers staan in de tabel hieronder.`,
    });
    chart.querySelectorAll(".gk-radar__series > title").forEach((title, i) => title.setAttribute("data-gk-respondent", respondents[i].id));
    yield made.appendChild(chartWithLegend(chart, respondents.map(nameOf)));
  }
  const head = h("tr", {}, th("Aspect"), respondents.map((r) => h("th", { scope: "col" }, nameOf(r))), th("Alle deelnemers"));
  const body = aspects.map(({ title, statements }, index) => {
    const all = summary(sets.flatMap((set) => statements.map(({ key }) => set.get(key))));
    return h(
      "tr",
      {},
      th(title, "row"),
      means.map((list) => h("td", {}, formatFigure(list[index].mean))),
      h("td", {}, formatFigure(all?.mean ?? null)),
    );
  });
  yield made.appendChild(scrollingTable("Gemiddelde per aspect, per deelnemer", head, body));
}

// --- answers in words ----------------------------------------------------------------------

function* textPart(sections, respondents, scales) {
  const made = part("teksten", "Antwoorden naast elkaar");
  yield made;
  for (const { id, title, groups } of sections) {
    const section = h(
      "div",
      { class: "gk-compare__texts", role: "group", "aria-labelledby": `gk-compare-tekst-${id}` },
      h("h3", { id: `gk-compare-tekst-${id}` }, title),
    );
    yield made.appendChild(section);
    yield* wordsInto(section, groups, respondents, scales);
  }
}

/** The answers in words of `groups`, added to `into` a piece at a time (textGroupPieces). */
function* wordsInto(into, groups, respondents, scales) {
  for (const [group, piece] of textGroupPieces(groups, respondents, scales)) yield group ? piece : into.appendChild(piece);
}

/** The whole view for these respondents (`[{ id, name, source, own, version, data, answers,
 *  moment }]`, `moment` the week chosen for them in this session, if any);
 *  `parts`: the comparison module of each part that lines its answers up itself, by type (see
 *  line-up.js). Made in pieces, to show a few at a time (comparison-page.js): it yields each
 *  part as it makes it (not on the page yet: the caller puts it at the end of the view), then
 *  each piece it adds to a part it yielded before (a participant, a table, a question). */
export function* comparisonView(structure, respondents, parts) {
  if (respondents.length === 0) return;
  const scales = new Map(structure.scales.map((scale) => [scale.id, scale]));
  const aspects = aspectsOf(structure).filter(({ statements }) => statements.length > 0);
  yield* respondentsPart(structure, respondents, parts);
  const overTime = overTimePart(structure, respondents, parts, { aspects, scales });
  if (overTime) yield overTime;
  const texts = textSections(structure, respondents.map(({ answers }) => answers), parts);
  const withAspect = new Map(texts.filter(({ id }) => aspects.some((a) => a.id === id)).map((t) => [t.id, t]));
  if (aspects.length) {
    const sets = scaleAnswers(aspects, scales, respondents);
    const scale = scales.get(aspects[0].statements[0].scale);
    const topics = topicRules(aspects, sets, scale);
    yield topicsPart(topics);
    yield* aspectsPart(aspects, sets, respondents, scale);
    yield* perAspectPart(aspects, sets, respondents, scales, topics, withAspect);
  }
  const rest = texts.filter(({ id }) => !withAspect.has(id));
  if (rest.length) yield* textPart(rest, respondents, scales);
}
