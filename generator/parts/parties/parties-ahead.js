// The parties and links a page's stored answers have beyond the page's own (het 8-tje), made
// ahead for the form's first restore (parties.js): off the page, named and filled in, one a task,
// so that no task blocks a slow phone and the restore only puts them in place. What differs by
// then (another tab saved meanwhile) the restore puts right, as it does for any answer.
import { apply, endsOf, fromStored, isId, linksOf, storageKey } from "../../client/answers.js";
import { nextTask, showName } from "../../client/dom.js";
import { mirrorAll } from "../../client/print.js";

/** The parties and links to make, by id: each a form off the page (so answers can be put in)
 *  holding its diagram part and its fields. */
export async function makeAhead(parties, instrument) {
  const { answers } = fromStored(localStorage.getItem(storageKey(instrument.id)), instrument);
  const listed = answers.get(parties.dataset.section);
  const order = Array.isArray(listed) ? listed.filter(isId) : [];
  const links = linksOf(order, answers.get(parties.querySelector("[data-gk-link-order]").name));
  const made = new Map();
  // A party's name, shown in root as the answers give it (where they give none, the restore
  // names it).
  const showNameIn = (root, id) => {
    const input = parties.nameInput(id) ?? made.get(id)?.querySelector("[data-gk-names]");
    const name = answers.get(input?.name);
    if (typeof name === "string" && name.trim()) showName(root, id, name.trim());
  };
  // The page's own parties are named first, before the others are made.
  for (const id of order) if (parties.party(id)) showNameIn(parties, id);
  for (const id of [...order, ...links]) {
    if (parties.party(id) || parties.across(id)) continue;
    await nextTask();
    const ends = endsOf(id);
    const form = document.createElement("form");
    form.append(
      parties.make(ends.length > 1 ? ["across-diagram", "across-list"] : ["party-diagram", "party-list"], {
        __id__: id,
        __left__: ends[0],
        __right__: ends[1],
      }),
    );
    apply(form, answers);
    mirrorAll(form);
    for (const group of form.querySelectorAll("[data-gk-group]")) parties.showState(group, form);
    made.set(id, form);
    for (const end of ends) showNameIn(form, end);
  }
  return made;
}
