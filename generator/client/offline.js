// Gereedschapskist: offline use (on every page when the build keeps the site offline: the
// plugin's `offline` option). A few seconds after the page has loaded, it registers the site's
// service worker (sw.js at the site's root, written by the build), which then keeps the site's
// files in this browser; not on a connection the visitor asked to save data on. Two quiet notes:
// that the network is gone and the answers are still saved here, and that a new version of the
// site is ready for the next visit.
const ROOT = new URL("../../../", import.meta.url); // this file is at assets/gereedschapskist/client/
// The first visit's download of the whole site (about 720 KB gzipped, every file fetched and
// checked) waits until the page has started: begun at its load, it competed with the page's own
// start on a 2-core machine (the 8-tje's blocking time in Lighthouse: 250-400 ms, 150-210 without).
// Milliseconds after the load; tests/browser/test_offline.py waits past it.
const SETTLE = 3000;

const NOTES = {
  offline: "Je bent offline. Je antwoorden worden gewoon bewaard op dit apparaat.",
  update: "Er is een nieuwe versie van deze site. Die gebruik je bij je volgende bezoek, als alle tabbladen van de site dicht zijn geweest.",
};

// Its look, here with its code (a page without the worker carries none of it): a line under
// the header, in the flow of the page, so it covers nothing. An empty note stays on the page, of
// no height, so what it says later is read out.
const LOOK = ".gk-note{margin:0;padding:0.4rem max(0.8rem,calc(50% - 29.7rem));font-size:0.7rem;background:var(--md-code-bg-color,#f5f5f5)}.gk-note:empty{padding:0}@media print{.gk-note{display:none}}";

/** Say a note of this kind, or take it away (`shown` false). */
function say(kind, shown) {
  let note = document.querySelector(`[data-gk-note=${kind}]`);
  if (!note) {
    if (!shown) return;
    if (!document.querySelector("[data-gk-note]")) {
      const look = new CSSStyleSheet();
      look.replaceSync(LOOK);
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, look];
    }
    // Beside Material's header, outside what its instant navigation replaces: it stays.
    note = document.createElement("p");
    note.className = "gk-note";
    note.dataset.gkNote = kind;
    note.setAttribute("role", "status");
    (document.querySelector(".md-header") ?? document.body.firstChild).after(note);
  }
  // A moment after the note is on the page, so that it is read out.
  requestAnimationFrame(() => (note.textContent = shown ? NOTES[kind] : ""));
}

const showOnline = () => say("offline", !navigator.onLine);

/** A new version kept and waiting, while this page is served by the one before. */
const showUpdate = (registration) => {
  if (registration.waiting && navigator.serviceWorker.controller) say("update", true);
};

async function register() {
  if (navigator.connection?.saveData) return;
  const registration = await navigator.serviceWorker.register(new URL("sw.js", ROOT), { scope: ROOT.pathname });
  showUpdate(registration);
  registration.addEventListener("updatefound", () => {
    const coming = registration.installing;
    coming?.addEventListener("statechange", () => coming.state === "installed" && showUpdate(registration));
  });
}

if ("serviceWorker" in navigator && window.top === window) {
  addEventListener("online", showOnline);
  addEventListener("offline", showOnline);
  showOnline();
  // A registration that fails changes nothing: the site works as before, online.
  const start = () => setTimeout(() => register().catch(() => {}), SETTLE);
  if (document.readyState === "complete") start();
  else addEventListener("load", start, { once: true });
}
