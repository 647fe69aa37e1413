// The own result under an instrument's form: per aspect the mean of the statements scored, as a
// radar chart and a table, and the lowest-scored statements as starting points for the
// conversation. The structure comes from the generator (JSON in data-model, never the page's text);
// the answers from the form, after every choice and whenever the instrument puts answers on the
// page (restore, import, wipe, undo, another tab: "gk-answers-shown").
import { collect } from "../answers.js";
import { blankView } from "../print.js";
import { radarChart } from "../radar.js";
import { aspectMeans, formatFigure, lowestStatements } from "../figures.js";

const LOWEST = 5; // statements to talk about, at most

class GkResult extends HTMLElement {
  #model = null;
  #statements = new Map(); // key → statement { key, label, scale }
  #instrument = null;
  #listening = null;

  connectedCallback() {
    const region = this.closest("[data-gk-result]");
    this.#instrument = this.closest("gk-instrument");
    // The blank print view is for paper: it shows no answers, so no result either (this code is
    // not loaded there, but may already be defined after instant navigation from a filled page).
    if (!region || !this.#instrument || blankView()) return;
    try {
      this.#model = JSON.parse(this.dataset.model);
    } catch {
      return; // without its structure the region stays hidden, as without the script
    }
    for (const { statements } of this.#model.aspects) {
      for (const statement of statements) this.#statements.set(statement.key, statement);
    }
    this.#listening = new AbortController();
    const on = { signal: this.#listening.signal };
    this.#instrument.addEventListener("change", this.#onChange, on);
    this.#instrument.addEventListener("gk-answers-shown", this.#update, on);
    region.hidden = false;
    this.#update();
  }

  disconnectedCallback() {
    this.#listening?.abort();
  }

  #onChange = (event) => {
    if (this.#statements.has(event.target.name)) this.#update();
  };

  #update = () => {
    const form = this.#instrument.querySelector("form");
    if (!form) return;
    const { aspects, min, max, labels } = this.#model;
    const answers = collect(form);
    const means = aspectMeans(aspects, answers);
    const scored = means.some(({ n }) => n > 0);
    this.closest("[data-gk-result]").classList.toggle("gk-result--empty", !scored);
    this.querySelector("[data-gk-result-empty]").hidden = scored;
    this.querySelector("[data-gk-result-figures]").hidden = !scored;

    means.forEach(({ id, mean, n }, index) => {
      const row = this.querySelector(`[data-gk-aspect="${CSS.escape(id)}"]`);
      row.querySelector("[data-gk-mean]").textContent = formatFigure(mean);
      row.querySelector("[data-gk-count]").textContent = `${n} van ${aspects[index].statements.length}`;
    });

    const chart = this.querySelector("[data-gk-result-chart]");
    chart?.replaceChildren(
      radarChart({
        axes: aspects.map(({ title }) => title),
        series: [{ name: "Jouw antwoorden", values: means.map(({ mean }) => mean) }],
        min,
        max,
        title: "Radardiagram: jouw beeld per aspect",
        description: `Per aspect het gemiddelde van jouw antwoorden, van ${min} in het midden tot ${max} aan de rand. Dezelfde cijfers staan in de tabel.`,
      }),
    );

    const items = lowestStatements(aspects, answers, LOWEST).map(({ key, label, aspect, score }) => {
      const words = labels[this.#statements.get(key).scale]?.[String(score)];
      const item = document.createElement("li");
      const statement = document.createElement("span");
      statement.className = "gk-result__statement";
      statement.textContent = label;
      const answer = document.createElement("span");
      answer.className = "gk-result__answer";
      answer.textContent = `${aspect} · jouw antwoord: ${words ? `${words} (${score})` : score}`;
      item.append(statement, " ", answer);
      return item;
    });
    this.querySelector("[data-gk-result-lowest]").replaceChildren(...items);
  };
}

if (!customElements.get("gk-result")) {
  customElements.define("gk-result", GkResult);
}
