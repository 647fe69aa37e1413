// One small interface over two WebDriver clients, so each journey is written once:
// Firefox ESR over WebDriver BiDi (puppeteer-core, no geckodriver) and WebKit through
// WebKitWebDriver (selenium-webdriver; MiniBrowser, on a screen: run under xvfb-run); and
// Chromium (puppeteer-core) for a site built with Zensical.
//
// A page: open(url), reload(), run(fn, ...args) (a function run in the page; a promise it
// returns is awaited), until(fn, ...args) (run until it returns something truthy), type(css,
// text) and click(css) (real key presses and clicks), files(css, paths) (a file input),
// size(width, height), picture(path) (a screenshot, PNG), pdf(path) (printed as the page's
// paper says; null where the driver can't print), errors() (what the page threw) and close().

import { spawn } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { createServer } from "node:net";

const WAIT_MS = 10_000;

async function poll(check, what) {
  const until = Date.now() + WAIT_MS;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > until) throw new Error(`waited ${WAIT_MS / 1000} s for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const describe = (fn, args) => `${String(fn).slice(0, 160)}${args.length ? ` with ${JSON.stringify(args).slice(0, 80)}` : ""}`;

// Firefox reports a load that the site's service worker was answering and that the page cut
// off by moving on (a reload, the next address; its favicon, a <link rel="next"> it fetched
// ahead) as an error of the page, though no code of the page failed: "Failed to load ‘…’. A
// ServiceWorker intercepted the request…", or the bare NS_BINDING_ABORTED. A load that fails
// for real fails the journey's own checks.
const CUT_OFF = /^(Failed to load ‘[^’]*’\. A ServiceWorker intercepted the request and encountered an unexpected error\.|NS_BINDING_ABORTED)$/;

/** Firefox ESR, headless, driven over WebDriver BiDi. */
export const firefox = ({ executable = process.env.FIREFOX_PATH || "/usr/bin/firefox-esr" } = {}) =>
  puppeteerBrowser("Firefox ESR", { browser: "firefox", executablePath: executable, headless: true });

/** Chromium, headless, over the DevTools protocol: for a site built another way (Zensical),
 *  which the pytest suite doesn't build. */
export const chromium = ({ executable = process.env.CHROMIUM_PATH || "/usr/lib/chromium/chromium" } = {}) =>
  puppeteerBrowser("Chromium", {
    executablePath: executable,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
  });

async function puppeteerBrowser(name, options) {
  const { default: puppeteer } = await import("puppeteer-core");
  const browser = await puppeteer.launch(options);
  const version = await browser.version();
  return {
    name,
    version,
    async page() {
      const context = await browser.createBrowserContext(); // its own storage, as a new visitor
      const page = await context.newPage();
      const thrown = [];
      page.on("pageerror", (error) => {
        const text = String(error?.message ?? error);
        if (!CUT_OFF.test(text)) thrown.push(text);
      });
      page.on("dialog", (dialog) => dialog.accept()); // a question asked is answered yes
      await page.setViewport({ width: 1280, height: 900 });
      // Into the middle of the window first: at its top edge Material's fixed header, or its
      // "Terug naar boven" button, could be over it and take the click.
      const centre = (css) => page.$eval(css, (el) => el.scrollIntoView({ block: "center" }));
      return {
        open: (url) => page.goto(url, { waitUntil: "load" }),
        reload: () => page.reload({ waitUntil: "load" }),
        run: (fn, ...args) => page.evaluate(fn, ...args),
        until: (fn, ...args) => poll(() => page.evaluate(fn, ...args), describe(fn, args)),
        type: async (css, text) => {
          await centre(css);
          await page.click(css);
          await page.keyboard.type(text);
        },
        click: async (css) => {
          await centre(css);
          await page.click(css);
        },
        files: async (css, paths) => (await page.$(css)).uploadFile(...paths),
        size: (width, height) => page.setViewport({ width, height }),
        picture: (path) => page.screenshot({ path, fullPage: false }),
        pdf: (path) => page.pdf({ path, preferCSSPageSize: true, printBackground: true }),
        errors: () => thrown,
        close: () => context.close(),
      };
    },
    close: () => browser.close(),
  };
}

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });

/** WebKit (WebKitGTK's MiniBrowser), through WebKitWebDriver. Needs a screen: xvfb-run. */
export async function webkit({
  driver = process.env.WEBKIT_DRIVER || "WebKitWebDriver",
  binary = process.env.WEBKIT_BROWSER || "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser",
} = {}) {
  const { Builder, By, until: ready } = await import("selenium-webdriver");
  const port = await freePort();
  const service = spawn(driver, [`--port=${port}`], { stdio: "ignore" });
  const serviceExited = new Promise((resolve) => service.on("exit", resolve));
  await poll(
    async () => {
      try {
        return (await fetch(`http://127.0.0.1:${port}/status`)).ok;
      } catch {
        return false;
      }
    },
    "WebKitWebDriver to start",
  );
  const start = () =>
    new Builder()
      .usingServer(`http://127.0.0.1:${port}`)
      .withCapabilities({
        browserName: "MiniBrowser",
        "webkitgtk:browserOptions": { binary, args: ["--automation"] },
      })
      .build();
  let version = "";
  return {
    name: "WebKit",
    get version() {
      return version;
    },
    // WebKitWebDriver runs one session at a time: a page is a fresh browser (and storage).
    async page() {
      const session = await start();
      version ||= (await session.getCapabilities()).get("browserVersion");
      await session.manage().window().setRect({ width: 1280, height: 900 });
      // Into the middle of the window first: scrolled to its top edge, Material's fixed header
      // would be over it, and take the click.
      const find = async (css) => {
        const element = await session.wait(ready.elementLocated(By.css(css)), WAIT_MS);
        await session.executeScript((el) => el.scrollIntoView({ block: "center" }), element);
        return element;
      };
      const run = (fn, ...args) => session.executeScript(fn, ...args);
      return {
        open: async (url) => {
          await session.get(url);
          await poll(() => run(() => document.readyState === "complete"), "the page to load");
        },
        reload: async () => {
          await session.navigate().refresh();
          await poll(() => run(() => document.readyState === "complete"), "the page to load");
        },
        run,
        until: (fn, ...args) => poll(() => run(fn, ...args), describe(fn, args)),
        type: async (css, text) => (await find(css)).sendKeys(text),
        click: async (css) => (await find(css)).click(),
        files: async (css, paths) => (await find(css)).sendKeys(paths.join("\n")),
        size: (width, height) => session.manage().window().setRect({ width, height }),
        picture: async (path) => writeFile(path, Buffer.from(await session.takeScreenshot(), "base64")),
        pdf: null, // WebKitWebDriver has no Print Page command ("Unknown command")
        errors: () => [], // WebDriver classic does not hand them over
        close: () => session.quit(),
      };
    },
    async close() {
      service.kill();
      await serviceExited;
    },
  };
}
