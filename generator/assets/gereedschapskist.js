// Gereedschapskist: progressive enhancement of an instrument's form. The page reads, fills and
// prints without this script; it keeps long answers fully visible and the form from submitting.
// A custom element, so it also works with Material's instant navigation.
import "./menu-matrix.js";
import "./parties.js";

const growToFit = (textarea) => {
  // Let a long answer show in full (on screen and on paper) instead of scrolling inside its box.
  // A hidden textarea has no height to measure; it is measured again once it shows.
  if (!textarea.value || textarea.offsetParent === null) return;
  textarea.style.height = "auto";
  textarea.style.height = `${textarea.scrollHeight + 2}px`;
};

class GkInstrument extends HTMLElement {
  #form = null;
  #pending = 0;

  #onInput = (event) => {
    if (event.target instanceof HTMLTextAreaElement) growToFit(event.target);
  };

  // Widths change (a column shows, the window turns, the page goes to paper): measure again.
  #growAll = () => {
    cancelAnimationFrame(this.#pending);
    this.#pending = requestAnimationFrame(() => {
      for (const textarea of this.querySelectorAll("textarea")) growToFit(textarea);
    });
  };

  #beforePrint = () => {
    for (const textarea of this.querySelectorAll("textarea")) growToFit(textarea);
  };

  // The form has no server to go to: Enter in a one-line field must not reload the page.
  #onSubmit = (event) => event.preventDefault();

  connectedCallback() {
    this.#form = this.querySelector("form");
    if (!this.#form) return;
    this.#form.addEventListener("submit", this.#onSubmit);
    this.addEventListener("input", this.#onInput);
    this.addEventListener("change", this.#growAll);
    window.addEventListener("resize", this.#growAll);
    window.addEventListener("beforeprint", this.#beforePrint);
    this.#growAll();
  }

  disconnectedCallback() {
    this.#form?.removeEventListener("submit", this.#onSubmit);
    this.removeEventListener("input", this.#onInput);
    this.removeEventListener("change", this.#growAll);
    window.removeEventListener("resize", this.#growAll);
    window.removeEventListener("beforeprint", this.#beforePrint);
    cancelAnimationFrame(this.#pending);
    this.#form = null;
  }
}

if (!customElements.get("gk-instrument")) {
  customElements.define("gk-instrument", GkInstrument);
}
