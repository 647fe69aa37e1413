// Gereedschapskist: the site's service worker (written to the site's root as sw.js by
// generator/site/offline.py, which fills in VERSION). After one visit it keeps the site's own
// files in this browser, so every page, its code and the blank PDFs open without a network.
//
// - What it keeps is the list the build wrote (offline.json: each file's path and a hash of its
//   content), in one cache per version. A new version copies the files whose hash is unchanged
//   from the last one and fetches only the rest, checking each against its hash; then the last
//   version's cache goes, so nothing stale survives.
// - A new version waits until no page of the site is open (it takes effect on the next visit,
//   never in the middle of filling in); the pages say it is ready (offline.js). The first
//   version serves the pages opened after it is kept: the page that kept it is not taken over
//   while it loads (Firefox then cut loads off), and its links open through the worker anyway.
// - It answers only GET requests for the site's own files, from the cache, and the network for
//   anything else. It never stores what a visitor typed: answers live in localStorage, and a
//   request's query (a print view's ?afdruk=leeg) is not part of what is kept.
const VERSION = "__VERSION__";
const PREFIX = "__CACHE_PREFIX__";
const CACHE = PREFIX + VERSION;
const LIST = "offline.json";
const scope = self.registration.scope;

/** The caches of other versions of the site's files (never another site's or script's). */
const others = async () => (await caches.keys()).filter((name) => name.startsWith(PREFIX) && name !== CACHE);

const hex = (buffer) => [...new Uint8Array(buffer)].map((byte) => byte.toString(16).padStart(2, "0")).join("");

/** A file of this version, fetched past the browser's HTTP cache and checked against its hash. */
async function fetchChecked(path, hash) {
  const response = await fetch(new URL(path, scope), { cache: "no-cache" });
  const body = await response.clone().arrayBuffer();
  if (!response.ok || !hex(await crypto.subtle.digest("SHA-256", body)).startsWith(hash)) {
    // The site changed again while this version was being kept: the next visit tries anew.
    throw new Error(`${path} is not the file of version ${VERSION}`);
  }
  return response;
}

async function keep() {
  const list = await (await fetchChecked(`${LIST}?v=${VERSION}`, VERSION)).json();
  const cache = await caches.open(CACHE);
  const earlier = await others();
  const kept = earlier.length ? await caches.open(earlier.at(-1)) : null;
  const keptList = await (await kept?.match(new URL(LIST, scope)))?.json().catch(() => null);
  await Promise.all(
    Object.entries(list.files).map(async ([path, hash]) => {
      const url = new URL(path, scope);
      const same = keptList?.files?.[path] === hash ? await kept.match(url) : null;
      await cache.put(url, same ?? (await fetchChecked(path, hash)));
    }),
  );
  await cache.put(new URL(LIST, scope), new Response(JSON.stringify(list)));
}

self.addEventListener("install", (event) => event.waitUntil(keep()));

self.addEventListener("activate", (event) => {
  event.waitUntil(others().then((names) => Promise.all(names.map((name) => caches.delete(name)))));
});

self.addEventListener("fetch", (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== "GET" || !url.href.startsWith(scope)) return;
  event.respondWith(answer(request, url));
});

// Chrome gives a script kept while the worker installs a full V8 code cache (400 KB for
// Material's bundle). A page reads it back on its main thread, which took a slowed-down phone
// 30 ms before the page could answer; a script that comes without one is compiled off the main
// thread, as from the network (issue 19). A new response of the same body and headers has none.
const uncached = (kept) => new Response(kept.body, kept);

async function answer(request, url) {
  const cache = await caches.open(CACHE);
  const kept = await cache.match(url.origin + url.pathname);
  if (kept) return url.pathname.endsWith(".js") ? uncached(kept) : kept;
  try {
    return await fetch(request);
  } catch {
    // Without a network, a page that is not kept (a mistyped address) gets the site's own
    // "not found" page, not the browser's error; anything else fails as it would without us.
    return (request.mode === "navigate" && (await cache.match(new URL("404.html", scope)))) || Response.error();
  }
}
