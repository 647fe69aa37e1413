// Overnemen als mijn antwoorden: answers from the comparison view made this browser's own answers
// on the instrument: the group's joint version, or the answers in a link someone opened to move
// their own answers to this device. What was there before can be put back.
import { fromStored, storageKey, toStored } from "../answers.js";

/** This browser's answers on the instrument: a Map; null when it has none; an empty Map when
 *  they can't be read (storage blocked or the copy damaged), which taking over replaces. */
export function ownAnswers(store, instrument) {
  try {
    const text = store.read(storageKey(instrument.id));
    return text === null ? null : fromStored(text, instrument).answers;
  } catch {
    return new Map();
  }
}

/**
 * Store `answers` as this browser's answers on the instrument, in place of `before` (as
 * ownAnswers gave them). Every answer, and every one it replaces, counts as edited now: an open
 * tab of the instrument takes them over rather than keeping its own. Returns the way back: a
 * function that puts `before` back the same way (or removes the answers, when there were none).
 * Throws StorageUnavailable when the browser lets the site store nothing.
 */
export function takeOver(store, instrument, answers, before) {
  const key = storageKey(instrument.id);
  const write = (next, replaced) => {
    const now = Date.now();
    const edited = new Map([...replaced.keys(), ...next.keys()].map((k) => [k, now]));
    store.write(key, JSON.stringify(toStored(instrument, next, edited, now)));
  };
  write(answers, before ?? new Map());
  return () => (before === null ? store.remove(key) : write(before, answers));
}
