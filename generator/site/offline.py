"""Offline use: the service worker of a built site, and the list of files it keeps.

After the build (and its PDFs), ``write_offline`` writes into the site folder:

- ``offline.json``: every file a visitor may need without a network (each page, its code and
  styles, the search index, the blank PDFs), by its address below the site's root, each with a
  hash of its content. A page is listed at its folder's address (``tools/achtje/``), as it is
  linked and requested.
- ``sw.js``: the worker (``worker.js`` beside this module), with the list's own hash as its
  version: a build that changes any file changes the worker, and browsers take the new version
  (fetching only the files whose hash changed).

Turned off (the plugin's ``offline: false``, and while serving), the worker written instead
removes what an earlier version kept and unregisters itself, so a site that once worked offline
stops serving its old pages. The pages load the registration (``client/offline.js``) only when
offline use is on.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from pathlib import Path

from .minify import minify_js

WORKER = "sw.js"
LIST = "offline.json"
SCRIPT = "client/offline.js"  # the registration, below the generator's assets
CACHE_PREFIX = "gereedschapskist-offline-"  # the worker's caches: each version's, and no others
HASH_LENGTH = 16  # hex digits of SHA-256: more than enough to tell two versions of a file apart

# Not kept: what no page asks for (source maps, the host's headers, the zipped sitemap), the
# worker and its list themselves, and the search's word tools for languages the site has not.
_LEFT_OUT_NAMES = {"_headers", "sitemap.xml.gz", WORKER, LIST}
_LUNR = "assets/javascripts/lunr/"

RETIRED = f"""// Gereedschapskist: offline use is off for this site. A browser that kept an
// earlier version removes it, and the pages come from the network again.
const ours = (name) => name.startsWith("{CACHE_PREFIX}");
self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(caches.keys()
  .then((names) => Promise.all(names.filter(ours).map((name) => caches.delete(name))))
  .then(() => self.registration.unregister())));
"""


def _search_files(languages: Iterable[str]) -> set[str]:
    """The files Material's search loads for these languages (its worker's setup: nothing more
    for English alone)."""
    languages = list(languages)
    if languages in ([], ["en"]):
        return set()
    files = {"min/lunr.stemmer.support.min.js"}
    files |= {f"min/lunr.{lang}.min.js" for lang in languages if lang != "en"}
    if "ja" in languages:
        files.add("tinyseg.js")
    if "th" in languages:
        files.add("wordcut.js")
    if len(languages) > 1:
        files.add("min/lunr.multi.min.js")
    return {_LUNR + name for name in files}


def kept_files(site_dir: Path, search_languages: Iterable[str] = ()) -> dict[str, str]:
    """Every file the worker keeps, by its address below the site's root, with its hash."""
    search = _search_files(search_languages)
    files = {}
    for path in sorted(site_dir.rglob("*")):
        if not path.is_file():
            continue
        name = path.relative_to(site_dir).as_posix()
        if name in _LEFT_OUT_NAMES or name.endswith(".map"):
            continue
        if name.startswith(_LUNR) and name not in search:
            continue
        if name == "index.html" or name.endswith("/index.html"):
            name = name.removesuffix("index.html") or "./"
        files[name] = hashlib.sha256(path.read_bytes()).hexdigest()[:HASH_LENGTH]
    return files


def write_offline(site_dir: Path, *, enabled: bool, search_languages: Iterable[str] = ()) -> int:
    """Write the worker (and, when enabled, its list) into a built site; returns how many files
    it keeps."""
    worker = site_dir / WORKER
    listed = site_dir / LIST
    if not enabled:
        listed.unlink(missing_ok=True)
        worker.write_text(RETIRED, encoding="utf-8")
        return 0
    files = kept_files(site_dir, search_languages)
    text = json.dumps({"files": files}, sort_keys=True, separators=(",", ":"))
    version = hashlib.sha256(text.encode("utf-8")).hexdigest()[:HASH_LENGTH]
    source = (Path(__file__).with_name("worker.js")).read_text(encoding="utf-8")
    listed.write_text(text, encoding="utf-8")
    code = minify_js(source, "worker.js").replace("__CACHE_PREFIX__", CACHE_PREFIX)
    worker.write_text(code.replace("__VERSION__", version), encoding="utf-8")
    return len(files)
