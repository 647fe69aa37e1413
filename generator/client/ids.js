// Ids for what the user adds: a column, a row, a partner. Apart from dom.js, so that a page whose
// adding code loads when first wanted (the 8-tje's parties-edit.js) doesn't carry it from the
// start.

/** A fresh id for something the user adds: the prefix, '-' and always six letters or digits
 *  (a definition may not use ids of this form: definition/instrument.py). */
export const newId = (prefix) => `${prefix}-${Math.random().toString(36).slice(2, 8).padEnd(6, "0")}`;
