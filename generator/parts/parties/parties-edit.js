// What the buttons of the 8-tje do (parties.js loads this as the part is first reached for): add
// a partner, move one left or right, link two partners or take a link away, remove a partner.
// Each is named after its button's data-gk-action and gets the <gk-parties> element and the
// button; removing asks first when answers would go, and offers Ongedaan maken (instrument.js).
import { endsOf, linkId } from "../../client/answers.js";
import { hasAnswer } from "../../client/dom.js";
import { newId } from "../../client/ids.js";

/** Whether a link joins these two parties (either way round). */
const sameEnds = (link, one, other) => endsOf(link).sort().join(" ") === [one, other].sort().join(" ");

/** Add a partner after the last, linked to it, and return its id; null at the maximum. */
export function add(parties) {
  const order = parties.order();
  if (order.length >= Number(parties.dataset.max)) return null;
  const id = newId("partner");
  parties.append(id);
  if (order.length) parties.appendLink(linkId(order.at(-1), id));
  parties.changed();
  parties.unfold(true);
  return id;
}

/** Partner toevoegen: a new partner after the last, linked to it; its name selected to type over. */
export function addParty(parties) {
  const id = add(parties);
  if (!id) return;
  const name = parties.nameInput(id);
  name.focus();
  name.select();
}

/** Naar links / Naar rechts: swap a partner with its neighbour; the focus stays on the button
 *  (or goes to the other one, at an end). */
export function move(parties, button) {
  const id = button.closest("[data-gk-party]").dataset.gkParty;
  const step = Number(button.dataset.gkStep);
  const order = parties.order();
  const index = order.indexOf(id);
  if (!order[index + step]) return;
  [order[index], order[index + step]] = [order[index + step], order[index]];
  parties.querySelector("[data-gk-list]").replaceChildren(...order.map((each) => parties.party(each)));
  parties.changed();
  const party = parties.party(id);
  const same = party.querySelector(`[data-gk-step="${step}"]`);
  (same.offsetParent === null ? party.querySelector(`[data-gk-step="${-step}"]`) : same).focus(); // not shown at an end
}

/** Verbinding toevoegen: link the two partners chosen under Nieuwe verbinding (once), and go
 *  to the link's first field. */
export function addLink(parties) {
  const [one, other] = [...parties.querySelectorAll("[data-gk-connect]")].map((select) => select.value);
  const status = parties.querySelector("[data-gk-connect-status]");
  const there = parties.links().find((link) => sameEnds(link, one, other));
  status.textContent = one === other ? "Kies twee verschillende." : there ? "Die verbinding is er al." : "";
  if (one === other) return;
  const link = there ?? linkId(one, other);
  if (!there) {
    parties.appendLink(link);
    parties.changed();
  }
  parties.open(parties.across(link).querySelector("[data-gk-group]").dataset.gkGroup);
}

/** "<Partner> verwijderen": the partner and its links, after asking when anything is filled in. */
export function removeParty(parties, button) {
  const id = button.closest("[data-gk-party]").dataset.gkParty;
  if (parties.order().length <= Number(parties.dataset.min)) return;
  const name = parties.displayName(id);
  const links = parties.links().filter((link) => endsOf(link).includes(id));
  const question = `${name} en alles wat bij deze ${parties.dataset.party.toLowerCase()} is ingevuld verwijderen?`;
  if ([parties.party(id), ...links.map((link) => parties.across(link))].some(hasAnswer) && !window.confirm(question)) return;
  parties.drop(id);
  parties.changed({ removed: { id, name } });
  parties.addButton().focus();
}

/** "<Partner> – <Partner> verwijderen": a link across, after asking when anything is filled in. */
export function removeLink(parties, button) {
  const link = button.closest("[data-gk-across]").dataset.gkAcross;
  const name = parties.across(link).querySelector(".gk-across__title").textContent;
  const question = `De verbinding ${name} en alles wat daarbij is ingevuld verwijderen?`;
  if (hasAnswer(parties.across(link)) && !window.confirm(question)) return;
  parties.dropLink(link);
  parties.changed({ removed: { id: link, name: `De verbinding ${name}` } });
  parties.querySelector('[data-gk-action="addLink"]').focus();
}
