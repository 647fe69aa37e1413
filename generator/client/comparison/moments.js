// The moments of a session: the reflectietool is filled in again and again (halfway, at the end
// of a school year), and files saved in the same ISO week (Monday to Sunday, in this browser's
// time zone) form one moment. The facilitator can put a participant in another week: their
// `moment` in the session (session.js keeps it). A week is named by the date of its Monday,
// "2026-11-02". Pure: no DOM, no storage.

const TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const WEEK = /^(\d{4})-(\d{2})-(\d{2})$/;
const pad = (n) => String(n).padStart(2, "0");
const dayKey = (date) => `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;

/** The local date of a week's key ("2026-11-02"), or null for no real date. */
export function dateOf(week) {
  const [, year, month, day] = WEEK.exec(week) ?? [];
  if (!year) return null;
  const date = new Date(Number(year), Number(month) - 1, Number(day));
  return dayKey(date) === week ? date : null;
}

/** The week an answer file was saved in, as the date of its Monday ("2026-11-02") in this
 *  browser's time zone; null when the file has no time as the site writes it (ISO 8601). */
export function weekOf(saved) {
  if (typeof saved !== "string" || !TIME.test(saved)) return null;
  const time = new Date(saved);
  if (Number.isNaN(time.getTime())) return null;
  return dayKey(new Date(time.getFullYear(), time.getMonth(), time.getDate() - ((time.getDay() + 6) % 7)));
}

/** Whether text names a week as a moment does: the date of a Monday. */
export const isWeek = (value) => typeof value === "string" && dateOf(value)?.getDay() === 1;

/** The week a participant belongs to: the one chosen in this session, else their file's. */
export const momentOf = (respondent) => respondent.moment ?? weekOf(respondent.data?.saved);

/** "2 november 2026". */
export const dayLabel = (date) => date.toLocaleDateString("nl-NL", { day: "numeric", month: "long", year: "numeric" });

/** "week van 2 november 2026". */
export const weekLabel = (week) => `week van ${dayLabel(dateOf(week))}`;

/** The moments of a session in time order, `[{ week, members }]` (`members`: the indexes of its
 *  participants, in the order of the view), and `undated`: the indexes of those in none (a file
 *  without a time, not placed in a week). */
export function moments(respondents) {
  const byWeek = new Map();
  const undated = [];
  respondents.forEach((r, i) => {
    const week = momentOf(r);
    if (week === null) undated.push(i);
    else byWeek.set(week, [...(byWeek.get(week) ?? []), i]);
  });
  const list = [...byWeek].map(([week, members]) => ({ week, members }));
  return { moments: list.sort((a, b) => (a.week < b.week ? -1 : 1)), undated };
}

/** The weeks a participant can be put in, in time order: every moment of the session and the
 *  week of every file (so a moved file can go back); null while there is nothing to choose (one
 *  moment, and nobody moved). */
export function weekChoices(respondents) {
  const moved = respondents.some((r) => r.moment);
  const present = respondents.map(momentOf).filter(Boolean);
  if (new Set(present).size < 2 && !moved) return null;
  return [...new Set([...present, ...respondents.map((r) => weekOf(r.data?.saved)).filter(Boolean)])].sort();
}
