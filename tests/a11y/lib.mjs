// Shared by run.mjs and screenshots.mjs: a static server for the built site and the
// system Chromium, driven by playwright-core (which downloads no browser).

import fs from "node:fs";
import http from "node:http";
import path from "node:path";

/** The viewer's one localStorage key (src/settings.rs, STORAGE_KEY). */
export const STORAGE_KEY = "transcript-viewer:settings:v1";

/** Every colour scheme the settings offer (src/settings.rs, Scheme::ALL). */
export const SCHEMES = [
  "system",
  "light",
  "dark",
  "black-on-white",
  "white-on-black",
  "dark-blue-on-light-blue",
  "brown-on-beige",
];

/** The smallest and largest font sizes (src/settings.rs, FontSize::ALL). */
export const SIZES = ["100", "200"];

const MIME = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".txt": "text/plain; charset=utf-8",
  ".md": "text/markdown; charset=utf-8",
};

/**
 * Serves `dir` on 127.0.0.1 (a free port). `extra` maps paths to [type, body] for files
 * the checks add (a stylesheet to inject). Resolves to { base, close }.
 */
export function serve(dir, extra = {}) {
  const root = path.resolve(dir);
  const server = http.createServer((req, res) => {
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, "http://x").pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (extra[pathname]) {
      const [type, body] = extra[pathname];
      // One byte range, as media elements ask for to seek (a recording's route).
      const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? "");
      if (range && Buffer.isBuffer(body)) {
        const start = range[1] === "" ? Math.max(0, body.length - Number(range[2])) : Number(range[1]);
        const end = range[1] !== "" && range[2] !== "" ? Math.min(Number(range[2]), body.length - 1) : body.length - 1;
        res.writeHead(206, {
          "content-type": type,
          "content-range": `bytes ${start}-${end}/${body.length}`,
          "accept-ranges": "bytes",
          "cache-control": "no-store",
        });
        res.end(req.method === "HEAD" ? undefined : body.subarray(start, end + 1));
        return;
      }
      res.writeHead(200, { "content-type": type, "cache-control": "no-store", "accept-ranges": "bytes" });
      res.end(req.method === "HEAD" ? undefined : body);
      return;
    }
    const file = path.resolve(root, "." + (pathname.endsWith("/") ? pathname + "index.html" : pathname));
    if (file !== root && !file.startsWith(root + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    fs.readFile(file, (err, body) => {
      if (err) {
        res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("not found");
        return;
      }
      const type = MIME[path.extname(file).toLowerCase()] ?? "application/octet-stream";
      res.writeHead(200, { "content-type": type, "cache-control": "no-store" });
      res.end(req.method === "HEAD" ? undefined : body);
    });
  });
  return new Promise((resolve, reject) => {
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      resolve({
        base: `http://127.0.0.1:${port}`,
        close: () => new Promise((done) => server.close(done)),
      });
    });
  });
}

/** The system Chromium, headless, with nothing that reaches the network. */
export async function launch() {
  const { chromium } = await import("playwright-core");
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

/** The settings JSON the viewer stores (src/settings.rs, Settings::to_json). */
export function settingsJson(settings) {
  return JSON.stringify({
    scheme: "system",
    size: "100",
    letter: "normal",
    line: "normal",
    word: "normal",
    font: "sans",
    open: false,
    ...settings,
  });
}

/**
 * The transcript's heading in a viewer whose script runs: the pages are pre-rendered, so
 * the heading is there before the app has hydrated the page and set `data-ready`.
 */
export const READY = ".tv-root[data-ready] article.tv-transcript h1";

/**
 * A new page in a new context: `settings` (if any) stored before the site loads,
 * console errors and page errors collected in `page.errors`.
 */
export async function openPage(browser, base, { path: at = "/", settings, viewport, context: options = {}, init, ready = READY } = {}) {
  const context = await browser.newContext({
    viewport: viewport ?? { width: 1280, height: 900 },
    colorScheme: "light",
    reducedMotion: "no-preference",
    ...options,
  });
  if (settings) {
    await context.addInitScript(
      ([key, value]) => {
        // Only before the first load: a reload must find what the page stored.
        if (!sessionStorage.getItem("a11y-seeded")) {
          sessionStorage.setItem("a11y-seeded", "1");
          localStorage.setItem(key, value);
        }
      },
      [STORAGE_KEY, settingsJson(settings)],
    );
  }
  if (init) {
    await context.addInitScript(init);
  }
  const page = await context.newPage();
  page.errors = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") page.errors.push(`console: ${msg.text()}`);
  });
  page.on("pageerror", (err) => page.errors.push(`page error: ${err.message}`));
  page.on("requestfailed", (req) => page.errors.push(`request failed: ${req.url()}`));
  await page.goto(base + at);
  await page.waitForSelector(ready);
  return page;
}
