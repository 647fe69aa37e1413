// Gereedschapskist: progressive enhancement of an instrument's form. The page reads, fills and
// prints without this script; it keeps long answers fully visible and the form from submitting.
// A custom element, so it also works with Material's instant navigation.
import "./menu-matrix.js";
import "./parties.js";

const growToFit = (textarea) => {
  // Let a long answer show in full (on screen and on paper) instead of scrolling inside its box.
  textarea.style.height = "auto";
  textarea.style.height = `${textarea.scrollHeight + 2}px`;
};

class GkInstrument extends HTMLElement {
  #form = null;

  #onInput = (event) => {
    if (event.target instanceof HTMLTextAreaElement) growToFit(event.target);
  };

  // The form has no server to go to: Enter in a one-line field must not reload the page.
  #onSubmit = (event) => event.preventDefault();

  connectedCallback() {
    this.#form = this.querySelector("form");
    if (!this.#form) return;
    this.#form.addEventListener("submit", this.#onSubmit);
    this.addEventListener("input", this.#onInput);
    for (const textarea of this.querySelectorAll("textarea")) {
      if (textarea.value) growToFit(textarea);
    }
  }

  disconnectedCallback() {
    this.#form?.removeEventListener("submit", this.#onSubmit);
    this.removeEventListener("input", this.#onInput);
    this.#form = null;
  }
}

if (!customElements.get("gk-instrument")) {
  customElements.define("gk-instrument", GkInstrument);
}
