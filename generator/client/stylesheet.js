// A stylesheet that code loads itself, with what it draws (render.py, LOADED_STYLES), rather than
// every page with the page's own.
const loading = new Map(); // href: the promise of its load

/** Resolves once the stylesheet at `href` has loaded. It is added once, at the end of the body
 *  (after the page's own stylesheet, whose rules it may override), and again if a page change
 *  took it; a failed load is tried again next time. */
export function stylesheet(href) {
  if (!document.querySelector(`link[href="${href}"]`)) loading.delete(href);
  if (!loading.has(href)) {
    const loaded = new Promise((done, fail) => {
      const link = Object.assign(document.createElement("link"), { rel: "stylesheet", href });
      link.addEventListener("load", done, { once: true });
      link.addEventListener(
        "error",
        () => {
          loading.delete(href);
          link.remove();
          fail(new Error(`${href} did not load`));
        },
        { once: true },
      );
      document.body.append(link);
    });
    loading.set(href, loaded);
  }
  return loading.get(href);
}
