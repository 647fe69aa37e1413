// Presenteren: the session on a projector (made for 1280×720), one aspect, section or question
// per screen in large type, and nothing else: no menu, no toolbar. The arrow keys left and right
// (Home, End) or the buttons move; Escape or Sluiten leaves, back to Presenteren. Built
// from the same line-up as the view, for every instrument; names as the view has them.
import { aspectMeans, formatFigure, summary } from "../figures.js";
import { answerText, answered } from "./answers-in-words.js";
import { figuresText } from "./comparison-view.js";
import { h, nameOf, nextId } from "./elements.js";
import { aspects as aspectsOf, scaleAnswers, textSections } from "./line-up.js";
import { overTimeSlides } from "./over-time.js";

/** Everyone's answer, in the order of the view: "Anna" and what they said. */
const everyone = (respondents, textOf, absent = "Niet ingevuld") =>
  h(
    "dl",
    { class: "gk-present__answers" },
    respondents.map((r, i) => {
      const text = textOf(i);
      return h("div", {}, h("dt", {}, nameOf(r)), text ? h("dd", {}, text) : h("dd", { class: "is-empty" }, absent));
    }),
  );

/** An aspect: per statement its figures and everyone's answer; the participants' means. */
function aspectSlide(aspect, sets, respondents, scales) {
  const means = sets.map((set) => aspectMeans([aspect], set)[0].mean);
  return {
    title: aspect.title,
    body: [
      h(
        "ul",
        { class: "gk-present__statements" },
        aspect.statements.map(({ key, label, scale }) => {
          const values = sets.map((set) => set.get(key));
          const figures = summary(values);
          const { dontKnow } = scales.get(scale);
          return h(
            "li",
            {},
            h("p", { class: "gk-present__statement" }, label),
            h("p", { class: "gk-present__figures" }, figures ? figuresText(figures) : "Nog geen antwoorden met een cijfer"),
            h(
              "p",
              { class: "gk-present__who" },
              respondents.map((r, i) => {
                const value = values[i];
                const text = value === undefined ? "–" : dontKnow && value === dontKnow.value ? dontKnow.label : String(value);
                return h("span", {}, nameOf(r), `: ${text}`);
              }),
            ),
          );
        }),
      ),
      h(
        "p",
        { class: "gk-present__means" },
        "Gemiddelde van dit aspect: ",
        respondents.map((r, i) => h("span", {}, nameOf(r), ` ${formatFigure(means[i])}`)),
      ),
    ],
  };
}

/** The screens of a session: each aspect, then each question answered in words (per activity,
 *  partner or link in a repeated part; an agreements list whole), then the session's own
 *  agreements. */
export function slides(structure, respondents, parts, agreements = []) {
  const scales = new Map(structure.scales.map((scale) => [scale.id, scale]));
  const aspects = aspectsOf(structure).filter(({ statements }) => statements.length > 0);
  const sets = scaleAnswers(aspects, scales, respondents);
  const shown = aspects.map((aspect) => aspectSlide(aspect, sets, respondents, scales));
  shown.push(...overTimeSlides(respondents, { aspects, scales }));
  const texts = textSections(structure, respondents.map(({ answers }) => answers), parts);
  for (const { title, groups } of texts) {
    for (const group of groups) {
      if (group.list) {
        const { field, columns, rows } = group.list;
        shown.push({
          title: `${title}: ${field.label}`,
          body: rows.length
            ? h(
                "ul",
                { class: "gk-present__list" },
                rows.map(({ respondent, values }) =>
                  h("li", {}, nameOf(respondents[respondent]), ": ", columns.map(({ label }, i) => (values[i] ? `${label}: ${values[i]}. ` : ""))),
                ),
              )
            : h("p", { class: "is-empty" }, "Door niemand ingevuld."),
        });
        continue;
      }
      const rows = group.heading ? group.rows.filter((row) => answered(row, respondents)) : group.rows;
      if (rows.length === 0) continue;
      for (const row of rows) {
        shown.push({
          title: group.heading ? `${title}: ${group.heading}` : title,
          question: row.field.label,
          body: everyone(
            respondents,
            (i) => (row.keys[i] === null ? "" : answerText(row.field, respondents[i].answers.get(row.keys[i]), scales)),
            group.absent ?? "Niet ingevuld",
          ),
        });
      }
    }
  }
  const made = agreements.filter((row) => row.wat || row.wie || row.wanneer);
  if (made.length) {
    shown.push({
      title: "Afspraken van deze sessie",
      body: h(
        "ol",
        { class: "gk-present__list" },
        made.map(({ wat, wie, wanneer }) => h("li", {}, [wat, wie && `wie: ${wie}`, wanneer && `wanneer: ${wanneer}`].filter(Boolean).join(" · "))),
      ),
    });
  }
  return shown;
}

// Left and right move between screens; up and down (Page Up/Down, the space bar) scroll a screen
// longer than the projector is high.
const KEYS = { ArrowRight: 1, ArrowLeft: -1 };

/** Present these screens in a modal dialog over the whole page; `done()` when it closes. */
export function present(screens, { done }) {
  const dialog = h("dialog", { class: "gk-present", "aria-label": "Presentatie" });
  const heading = nextId();
  // Focus rests on the screen itself: it is read out by its title, and up and down scroll it.
  const stage = h("div", { class: "gk-present__stage", role: "group", "aria-roledescription": "dia", "aria-labelledby": heading, tabindex: "-1" });
  const where = h("p", { class: "gk-present__where", "aria-live": "polite" });
  const previous = h("button", { type: "button", class: "gk-button gk-present__button" }, "Vorige");
  const next = h("button", { type: "button", class: "gk-button gk-present__button" }, "Volgende");
  const close = h("button", { type: "button", class: "gk-button gk-button--quiet gk-present__button" }, "Sluiten");
  dialog.append(stage, h("div", { class: "gk-present__bar" }, previous, where, next, close));
  let at = 0;

  const show = (index) => {
    at = Math.max(0, Math.min(screens.length - 1, index));
    const { title, question, body } = screens[at];
    stage.replaceChildren(
      h("h2", { id: heading }, title),
      ...(question ? [h("p", { class: "gk-present__question" }, question)] : []),
      ...[body].flat(),
    );
    stage.scrollTop = 0;
    where.textContent = `${at + 1} van ${screens.length}`;
    previous.disabled = at === 0;
    next.disabled = at === screens.length - 1;
  };

  const move = (step) => {
    const to = Math.max(0, Math.min(screens.length - 1, at + step));
    if (to === at) return;
    show(to);
    stage.focus();
  };

  // On the document, not the dialog: keys work wherever the focus is while it is open.
  const listening = new AbortController();
  document.addEventListener("keydown", (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const step = KEYS[event.key];
    if (step) {
      event.preventDefault();
      move(step);
    } else if (event.key === "Home" || event.key === "End") {
      event.preventDefault();
      move(event.key === "Home" ? -at : screens.length);
    }
  }, { signal: listening.signal });
  previous.addEventListener("click", () => move(-1));
  next.addEventListener("click", () => move(1));
  close.addEventListener("click", () => dialog.close());
  dialog.addEventListener("close", () => {
    listening.abort();
    dialog.remove();
    done();
  });
  document.body.append(dialog);
  show(0);
  dialog.showModal();
  stage.focus();
  return dialog;
}
