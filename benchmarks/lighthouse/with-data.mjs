// Lighthouse (mobile, its default settings) on pages that have answers in them: what the CLI
// can't audit, since it opens every page in a new tab with empty storage.
//
// Reads a plan from stdin: [{ name, url, storage?: { key: value }, files?: [path], count?,
// report? }] (`report`: a path to write Lighthouse's whole result to, to look into a score).
// `storage` is put in the page's localStorage first (an 8-tje with six partners); `files` are
// opened in the comparison view's file input first, and the view waits for `count` participants
// (a session of 20). Then Lighthouse loads the page again in the same tab, with storage kept, so
// the page starts as a visitor finds it on their next visit (or reload). Prints, one JSON line a
// page: { name, scores: { performance, ... } }.
//
// Run by benchmarks/lighthouse.py, with CHROME_PATH set to the system Chromium.

import { writeFileSync } from "node:fs";
import puppeteer from "puppeteer-core";
import { navigation } from "lighthouse";

const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"];
const chunks = []; // read as a stream: readFileSync(0) fails (EAGAIN) on a pipe with a long plan
for await (const chunk of process.stdin) chunks.push(chunk);
const plan = JSON.parse(Buffer.concat(chunks).toString("utf8"));

const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH,
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
});
try {
  for (const { name, url, storage, files, count, report } of plan) {
    const context = await browser.createBrowserContext(); // nothing left from the page before
    const page = await context.newPage();
    await page.goto(url, { waitUntil: "load" });
    if (storage) {
      await page.evaluate((entries) => {
        for (const [key, value] of Object.entries(entries)) localStorage.setItem(key, value);
      }, storage);
    }
    if (files) {
      await page.waitForSelector("[data-gk-ready]");
      const input = await page.$("[data-gk-file]");
      await input.uploadFile(...files);
      await page.waitForFunction((n) => document.querySelectorAll("[data-gk-rename]").length === n, {}, count);
    }
    // A visitor with answers here has been here before: once the site's offline worker (if the
    // build has one) has kept the site, it serves their next visit, as it serves this load.
    const kept = () => !document.querySelector('script[src$="/offline.js"]') || navigator.serviceWorker.ready.then((r) => !!r.active);
    await page.waitForFunction(kept, { timeout: 60_000 });
    const result = await navigation(page, url, {
      flags: { disableStorageReset: true, onlyCategories: CATEGORIES },
    });
    const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round(result.lhr.categories[c].score * 100)]));
    if (report) writeFileSync(report, JSON.stringify(result.lhr));
    console.log(JSON.stringify({ name, scores }));
    await context.close();
  }
} finally {
  await browser.close();
}
