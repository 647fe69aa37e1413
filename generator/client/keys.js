// The answer keys and place names (generator/answer_keys.py), made from the scheme a page carries
// as data (`keys` in an instrument's structure), so the client never spells them out itself.

/** Key and place-name makers for a scheme: `{ separator, link, nameField, linksField, place,
 *  between }`
 *  (how an answer file's keys are read and checked is answers.js's `keyReader`). */
export const keyScheme = ({ separator, link, nameField, linksField, place, between }) => ({
  key: (...ids) => ids.join(separator),
  split: (key) => key.split(separator),
  link: (one, other) => `${one}${link}${other}`,
  isLink: (id) => id.includes(link),
  ends: (id) => id.split(link),
  nameField,
  linksField,
  nameKey: (section, item) => [section, item, nameField].join(separator),
  place: (...names) => names.join(place),
  between: (one, other) => `${one}${between}${other}`,
});
