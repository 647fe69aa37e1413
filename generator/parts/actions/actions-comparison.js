// An agreements list in the comparison view: which keys below the list's own it knows (a row's
// column), and everyone's rows under each other, with whose they are. Loaded by the comparison
// view on the pages of instruments with such a list (see line-up.js).
import { isId } from "../../client/answers.js";

/** Whether the ids after the list's key (`rest`) name a column of a row. */
export function knows(field, rest) {
  return rest.length === 2 && isId(rest[0]) && field.columns.some(({ id }) => id === rest[1]);
}

/** Each respondent's rows: in the order their file lists them, then any it has answers for but
 *  does not list; a row without any text is left out. */
function rowsOf(field, answers, keys) {
  const listed = answers.get(field.key);
  const ids = Array.isArray(listed) ? listed.filter(isId) : [];
  for (const key of answers.keys()) {
    const [first, second, row, ...rest] = keys.split(key);
    if (keys.key(first, second) === field.key && rest.length === 1 && knows(field, [row, rest[0]]) && !ids.includes(row)) {
      ids.push(row);
    }
  }
  return [...new Set(ids)]
    .map((row) =>
      field.columns.map(({ id }) => {
        const value = answers.get(keys.key(field.key, row, id));
        return typeof value === "string" ? value.trim() : "";
      }),
    )
    .filter((values) => values.some(Boolean));
}

/** One group: the list, with every respondent's rows, respondent after respondent. */
export function groups(field, answerSets, keys) {
  const rows = answerSets.flatMap((answers, respondent) =>
    rowsOf(field, answers, keys).map((values) => ({ respondent, values })),
  );
  return [{ list: { field, columns: field.columns, rows } }];
}
