// Figures of scale answers, for one respondent (the own result) or many (the comparison): per
// statement and per aspect (a section of statements). "Weet niet" and empty answers are left out
// of every figure; they only lower the count. Pure functions: no DOM, no storage.

/** A scale answer as a number, or null when it is "weet niet", empty or not a number. */
export const score = (value) => (typeof value === "number" && Number.isFinite(value) ? value : null);

// One formatter for every figure: toLocaleString with options makes a new one each call, and a
// view of 20 participants formats hundreds of figures (11 ms of a slow phone's load, issue 19).
const ONE_DECIMAL = new Intl.NumberFormat("nl-NL", { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** Round for showing: one decimal, as Dutch writes it ("3,5"); "–" when there is no figure. */
export const formatFigure = (value) => (value === null ? "–" : ONE_DECIMAL.format(value));

/**
 * The figures of a set of answers to one statement: how many gave a score (`n`), their mean,
 * lowest, highest and spread (highest minus lowest). Null when nobody gave a score.
 */
export function summary(values) {
  const scores = values.map(score).filter((value) => value !== null);
  if (scores.length === 0) return null;
  const min = Math.min(...scores);
  const max = Math.max(...scores);
  const mean = scores.reduce((sum, value) => sum + value, 0) / scores.length;
  return { n: scores.length, mean, min, max, spread: max - min };
}

/**
 * The mean score of each aspect for one respondent: the mean of their scores on its statements.
 * `aspects` is `[{ id, title, statements: [{ key, label }] }]`; `answers` a Map of key → value.
 * Returns `[{ id, title, mean, n }]` in the aspects' order (`mean` null when nothing was scored).
 */
export function aspectMeans(aspects, answers) {
  return aspects.map(({ id, title, statements }) => {
    const figures = summary(statements.map(({ key }) => answers.get(key)));
    return { id, title, mean: figures?.mean ?? null, n: figures?.n ?? 0 };
  });
}

/**
 * The statements one respondent scored lowest, as starting points for a conversation: every
 * scored statement at the lowest score given, in the order of the instrument, at most `limit`.
 * Returns `[{ key, label, aspect, score }]`; empty when nothing was scored.
 */
export function lowestStatements(aspects, answers, limit = 5) {
  const scored = aspects.flatMap(({ title, statements }) =>
    statements
      .map(({ key, label }) => ({ key, label, aspect: title, score: score(answers.get(key)) }))
      .filter((statement) => statement.score !== null),
  );
  if (scored.length === 0) return [];
  const lowest = Math.min(...scored.map((statement) => statement.score));
  return scored.filter((statement) => statement.score === lowest).slice(0, limit);
}

/**
 * The statements to talk about when several respondents answered: first those they differ on
 * most (the largest spread, at least `minSpread`, by spread then by order in the instrument),
 * then those with the lowest mean (below `belowMean`, lowest first, then by order) that are not
 * already listed. Only statements scored by at least two respondents count. At most `limit` of
 * each. `answerSets` is an array of Maps; returns `{ differ, lowest }`, each
 * `[{ key, label, aspect, figures }]` with the statement's `summary`.
 */
export function conversationTopics(
  aspects,
  answerSets,
  { limit = 5, minSpread = 2, belowMean = 3 } = {},
) {
  // In the instrument's order, which breaks ties the same way every time.
  const statements = aspects
    .flatMap(({ title, statements: list }) => list.map(({ key, label }) => ({ key, label, aspect: title })))
    .map((statement, order) => ({
      ...statement,
      order,
      figures: summary(answerSets.map((answers) => answers.get(statement.key))),
    }));
  const counted = statements.filter((statement) => statement.figures && statement.figures.n >= 2);
  const differ = counted
    .filter((statement) => statement.figures.spread >= minSpread)
    .sort((a, b) => b.figures.spread - a.figures.spread || a.order - b.order)
    .slice(0, limit);
  const listed = new Set(differ.map((statement) => statement.key));
  const lowest = counted
    .filter((statement) => !listed.has(statement.key) && statement.figures.mean < belowMean)
    .sort((a, b) => a.figures.mean - b.figures.mean || a.order - b.order)
    .slice(0, limit);
  const strip = ({ order, ...statement }) => statement;
  return { differ: differ.map(strip), lowest: lowest.map(strip) };
}
