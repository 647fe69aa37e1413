// A session's joint version on its instrument's page (`?afdruk=gezamenlijk`), to print as the
// instrument prints (the poster, the figure eight): the comparison view keeps it in this tab for
// the page in its hidden print frame to read. Loaded by instrument.js for that view only.
import { fromFile } from "./answers.js";

/** The sessionStorage key under which the comparison view leaves a joint version to print. */
export const jointKey = (instrumentId) => `gereedschapskist:gezamenlijk:${instrumentId}`;

/** The joint version's answers (checked as any answer file); none when there is none. */
export function jointAnswers(instrument) {
  try {
    return fromFile(JSON.parse(sessionStorage.getItem(jointKey(instrument.id))), instrument);
  } catch {
    return new Map();
  }
}
