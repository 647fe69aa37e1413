// Run the key journeys (journeys.mjs) in one engine: `node run.mjs chromium|firefox|webkit BASE_URL OUT_DIR`
// (WebKit under xvfb-run). Prints a line per journey and its time; exits 1 if any failed. Run by
// checks/engines.py, which builds and serves the site.

import { mkdir } from "node:fs/promises";
import { chromium, firefox, webkit } from "./drivers.mjs";
import { JOURNEYS } from "./journeys.mjs";

const [engine, base, out] = process.argv.slice(2);
const ENGINES = { chromium, firefox, webkit };
if (!ENGINES[engine] || !base || !out) {
  console.error("usage: node run.mjs chromium|firefox|webkit BASE_URL OUT_DIR");
  process.exit(2);
}
await mkdir(out, { recursive: true });
const browser = await ENGINES[engine]();
const context = { base: base.replace(/\/$/, ""), out };
let failed = 0;
try {
  for (const [name, journey] of JOURNEYS) {
    const started = Date.now();
    const page = await browser.page();
    let problem = null;
    let note = "";
    try {
      note = (await journey(page, context)) ?? "";
      const thrown = page.errors();
      if (thrown.length) problem = `the page threw: ${thrown.join(" | ")}`;
    } catch (error) {
      problem = error?.message || error?.name || String(error) || "failed";
    } finally {
      await page.close().catch(() => {});
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (problem) failed += 1;
    const said = problem ? `: ${problem}` : note ? ` (${note})` : "";
    console.log(`${problem ? "FAIL" : "ok  "} ${browser.name} ${browser.version} · ${name} (${seconds} s)${said}`);
  }
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
