// Feedback on an instrument: three questions whose answers stay in this browser, apart from the
// instrument's answers (never in the answer file), until the visitor sends them with their own
// e-mail program. Without this script the block is a plain mailto: link with a subject.
import { Store, StorageUnavailable } from "../answers.js";
import { stylesheet } from "../stylesheet.js";

// Its looks come with its code (the block is a plain link without it): in place before the
// element is defined, so it never shows unstyled. Without them (offline) it works unstyled.
await stylesheet(new URL("./feedback.css", import.meta.url).href).catch(() => {});

/** The localStorage key of the feedback on an instrument (namespaced, like the answers). */
export const feedbackKey = (instrumentId) => `gereedschapskist:feedback:${instrumentId}`;

const CRLF = "\r\n"; // a line break in a mailto: body (RFC 6068)
const UNANSWERED = "(niet ingevuld)";

// A lone half of an emoji, pasted in, would make encodeURIComponent throw.
const wellFormed = (text) => text.toWellFormed?.() ?? text;

/** The e-mail's text: each question with its answer below it, a blank line between them. */
export function mailBody(questions) {
  return questions
    .map(({ topic, question, answer }) => `${topic} — ${question}\n${answer.trim() || UNANSWERED}`)
    .join("\n\n")
    .replace(/\r?\n/g, CRLF);
}

class GkFeedback extends HTMLElement {
  #store = new Store();
  #listening = null;
  #address = ""; // the link as the page wrote it, up to its "?"
  #warnedStorage = false;

  get #key() {
    return feedbackKey(this.dataset.instrument);
  }

  get #fields() {
    return [...this.querySelectorAll("textarea[data-gk-feedback]")];
  }

  get #link() {
    return this.querySelector("[data-gk-feedback-send]");
  }

  #onInput = (event) => {
    if (!event.target.matches?.("textarea[data-gk-feedback]")) return;
    this.#save();
    this.#writeLink();
  };

  #onClick = (event) => {
    if (event.target.closest?.("[data-gk-feedback-clear]")) this.clear();
  };

  // Another tab changed this feedback: show it (so typing here does not undo it), but leave the
  // box being typed in.
  #onStorage = (event) => {
    if (event.key !== this.#key) return;
    this.#show(event.newValue, { skip: document.activeElement });
    this.#writeLink();
  };

  connectedCallback() {
    const link = this.#link;
    if (!link) return;
    this.#listening = new AbortController();
    const on = { signal: this.#listening.signal };
    this.addEventListener("input", this.#onInput, on);
    this.addEventListener("click", this.#onClick, on);
    window.addEventListener("storage", this.#onStorage, on);
    this.#address = link.getAttribute("href").split("?")[0];
    for (const part of this.querySelectorAll("[data-gk-feedback-fields], [data-gk-feedback-clear]")) {
      part.hidden = false;
    }
    this.#load();
    this.#writeLink();
    this.toggleAttribute("data-gk-ready", true); // its code arrives after the page
  }

  disconnectedCallback() {
    this.#listening?.abort();
  }

  /** Empty the feedback, here and in storage, after asking. */
  clear() {
    if (this.#fields.every((field) => field.value === "")) {
      this.#message("Er staat geen feedback om te wissen.");
      return;
    }
    if (!window.confirm("Je feedback op dit instrument wissen? Dit kun je niet ongedaan maken.")) return;
    for (const field of this.#fields) field.value = "";
    this.#save();
    this.#writeLink();
    this.#message("Je feedback is gewist.");
  }

  #load() {
    try {
      this.#show(this.#store.read(this.#key));
    } catch (error) {
      this.#storageProblem(error);
    }
  }

  /** Put stored feedback (JSON text, or null for none) into the boxes, as text. */
  #show(text, { skip = null } = {}) {
    let saved = null;
    try {
      saved = JSON.parse(text);
    } catch {
      // Unreadable: the boxes start empty, and the next keystroke writes it anew.
    }
    const feedback = typeof saved === "object" && saved !== null ? saved : {};
    for (const field of this.#fields) {
      const value = feedback[field.dataset.gkFeedback];
      if (field !== skip) field.value = typeof value === "string" ? value : "";
    }
  }

  #save() {
    const feedback = Object.fromEntries(this.#fields.map((f) => [f.dataset.gkFeedback, f.value]));
    try {
      if (Object.values(feedback).every((value) => value === "")) this.#store.remove(this.#key);
      else this.#store.write(this.#key, JSON.stringify(feedback));
    } catch (error) {
      this.#storageProblem(error);
    }
  }

  /** Keep the link's e-mail up to date with the text typed so far. */
  #writeLink() {
    const text = (field, part) => field.labels[0]?.querySelector(part)?.textContent ?? "";
    const questions = this.#fields.map((field) => ({
      topic: text(field, "[data-gk-topic]"),
      question: text(field, "[data-gk-question]"),
      answer: field.value,
    }));
    const subject = encodeURIComponent(wellFormed(this.dataset.subject));
    const body = encodeURIComponent(wellFormed(mailBody(questions)));
    this.#link.href = `${this.#address}?subject=${subject}&body=${body}`;
  }

  #storageProblem(error) {
    if (!(error instanceof StorageUnavailable)) throw error;
    if (this.#warnedStorage) return;
    this.#warnedStorage = true;
    this.#message(
      (error.full ? "De opslag van deze browser is vol. " : "Deze browser laat de site niets opslaan. ") +
        "Je feedback wordt hier dus niet bewaard; verstuur haar voordat je de pagina verlaat.",
    );
  }

  #message(text) {
    const box = this.querySelector("[data-gk-feedback-message]");
    if (box) box.textContent = text;
  }
}

if (!customElements.get("gk-feedback")) {
  customElements.define("gk-feedback", GkFeedback);
}
