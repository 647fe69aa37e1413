// The links across of a parties section (het 8-tje): which pairs of parties are linked, each as
// `<left>--<right>` (generator/answer_keys.py, LINK), the order the user made them in. Pure: the
// form (parties.js) and the comparison (parties-comparison.js) read a file's links alike.

const LINK = "--";

/** The id of the link between two parties. */
export const linkId = (left, right) => `${left}${LINK}${right}`;

/** The two parties a link joins. */
export const endsOf = (id) => id.split(LINK);

/** Whether a link joins these two parties (either way round). */
export const sameEnds = (link, one, other) => endsOf(link).sort().join(" ") === [one, other].sort().join(" ");

/**
 * The links of a section whose parties are `order`: those `listed` (the answers'
 * `<section>.verbindingen`) that join two different parties of it, each pair once, in their
 * order; without a list (a file from before links could be chosen) each party and its
 * neighbour, as the 8-tje was then.
 */
export function linksOf(order, listed) {
  if (!Array.isArray(listed)) return order.slice(1).map((right, i) => linkId(order[i], right));
  const pairs = new Set();
  return listed.filter((id) => {
    const ends = typeof id === "string" ? endsOf(id) : [];
    const pair = [...ends].sort().join(" ");
    const fine = ends.length === 2 && ends[0] !== ends[1] && ends.every((end) => order.includes(end)) && !pairs.has(pair);
    pairs.add(pair);
    return fine;
  });
}
