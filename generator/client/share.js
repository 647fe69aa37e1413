// Deel als link (DESIGN.md §3, answer link): this browser's answers in a link to the instrument's
// comparison view, copied to the clipboard and shown to copy by hand. A link longer than mail and
// chat programs carry intact is not made: the answer file is the way then. Few visits share:
// loaded when the button is pressed.
import { MAX_LINK, linkTo, toPayload } from "./share-link.js";

const number = (n) => n.toLocaleString("nl-NL");

/**
 * Make the link for `file` (the answer file, as Exporteren saves it; null when nothing is
 * answered) on the instrument page `element`, and tell the visitor through `say(text, kind)`.
 */
export async function share(element, file, say) {
  const box = element.querySelector("[data-gk-share]");
  const field = box.querySelector("[data-gk-share-link]");
  box.hidden = true;
  if (file === null) {
    say("Er zijn nog geen antwoorden om te delen. Vul eerst iets in.", "alert");
    return;
  }
  const link = linkTo(element.querySelector("[data-gk-compare-link]").href, await toPayload(file));
  if (link.length > MAX_LINK) {
    say(
      `Je antwoorden passen niet in een link: die zou ${number(link.length)} tekens lang worden, en een link van meer dan ` +
        `${number(MAX_LINK)} tekens komt in mail en chat niet altijd heel aan. Kies Exporteren en stuur het bestand.`,
      "alert",
    );
    return;
  }
  field.value = link;
  box.hidden = false;
  field.focus();
  // All of it selected, to copy, with its start in view (where it says what it is).
  field.select();
  field.scrollLeft = 0;
  // The link holds the answers of this moment: once they change, it is out of date.
  const form = element.querySelector("form");
  const outOfDate = () => {
    box.hidden = true;
    field.value = "";
  };
  form.addEventListener("input", outOfDate, { once: true });
  try {
    await navigator.clipboard.writeText(link);
    say("De link met je antwoorden is gekopieerd. Plak hem in een bericht aan de gespreksleider.");
  } catch {
    say("Kopieer de link hieronder (Ctrl+C of Cmd+C) en plak hem in een bericht aan de gespreksleider.");
  }
}
