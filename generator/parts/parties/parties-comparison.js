// The 8-tje in the comparison view: which keys a parties section asks, and its answers lined up
// across respondents: per partner and level, per link down and per link across, partners being
// the same when their names are. Loaded by the comparison view on the pages of instruments with
// parties (see line-up.js for what `knows` and `groups` return).
import { endsOf, isId, linksOf } from "../../client/answers.js";
import { oneLine, rows, sameName } from "../../client/comparison/line-up.js";

const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const ids = (list) => new Set(list.map(({ id }) => id));

/** Whether the ids after the section's (`rest`) name a box, a link down or across, a name, or
 *  the list of links across. */
export function knows(section, rest, keys) {
  if (rest.length === 1) return rest[0] === keys.linksField;
  if (rest.length !== 3) return rest.length === 2 && rest[1] === keys.nameField && !keys.isLink(rest[0]);
  const levels = ids(section.repeat.levels);
  const links = ids(section.repeat.linkFields);
  const [party, level, field] = rest;
  if (keys.isLink(party)) return levels.has(level) && links.has(field); // across
  if (keys.isLink(level)) return keys.ends(level).every((l) => levels.has(l)) && links.has(field); // down
  return levels.has(level) && ids(section.fields).has(field);
}

/** One respondent's parties in order, with their names. */
function partiesOf(section, answers, keys) {
  const { party, parties } = section.repeat;
  const listed = answers.get(section.id);
  const valid = Array.isArray(listed) && listed.length >= 2 && listed.every(isId);
  const order = valid && new Set(listed).size === listed.length ? listed : parties.map(({ id }) => id);
  return order.map((id, index) => {
    const stored = answers.get(keys.nameKey(section.id, id));
    const name =
      (typeof stored === "string" && oneLine(stored)) ||
      parties.find((p) => p.id === id)?.name ||
      `${party} ${LETTERS[index] ?? index + 1}`;
    return { id, name };
  });
}

/** One group per partner and level, per link down, and per link across; partners are the same
 *  when their names are (case and spaces aside), whatever their ids. */
export function groups(section, answerSets, keys) {
  const { levels, linkFields } = section.repeat;
  const partners = new Map(); // same name (and how many before it in that file) → partner
  const align = answerSets.map((answers, index) => {
    const seen = new Map();
    return partiesOf(section, answers, keys).map(({ id, name }) => {
      const count = (seen.get(sameName(name)) ?? 0) + 1;
      seen.set(sameName(name), count);
      const key = `${sameName(name)}#${count}`;
      if (!partners.has(key)) partners.set(key, { name: count > 1 ? `${name} (${count})` : name, ids: Array(answerSets.length).fill(null) });
      partners.get(key).ids[index] = id;
      return [id, key];
    });
  });
  const result = [];
  const keysFor = (owners, path, fields) =>
    rows(fields, (f) => owners.map((id) => (id === null ? null : keys.key(section.id, ...path(id), f.id))));
  for (const { name, ids: owners } of partners.values()) {
    levels.forEach((level, i) => {
      result.push({ heading: keys.place(name, level.label), absent: "Partner niet genoemd", rows: keysFor(owners, (id) => [id, level.id], section.fields) });
      const lower = levels[i + 1];
      if (!lower) return;
      result.push({
        heading: keys.place(name, keys.between(level.label, lower.label)),
        absent: "Partner niet genoemd",
        rows: keysFor(owners, (id) => [id, keys.link(level.id, lower.id)], linkFields),
      });
    });
  }
  const links = new Map(); // the two partners, in the order first seen → each respondent's link
  align.forEach((pairs, index) => {
    const partnerOf = new Map(pairs);
    const listed = answerSets[index].get(keys.key(section.id, keys.linksField));
    for (const link of linksOf([...partnerOf.keys()], listed)) {
      const [left, right] = endsOf(link).map((id) => partnerOf.get(id));
      const pair = [left, right].sort().join("|");
      if (!links.has(pair)) links.set(pair, { ends: [left, right], ids: Array(answerSets.length).fill(null) });
      links.get(pair).ids[index] = link;
    }
  });
  for (const { ends, ids: owners } of links.values()) {
    const [left, right] = ends.map((key) => partners.get(key).name);
    for (const level of levels) {
      result.push({
        heading: keys.place(keys.between(left, right), level.label),
        absent: "Geen verbinding tussen deze partners",
        rows: keysFor(owners, (id) => [id, level.id], linkFields),
      });
    }
  }
  return result;
}
