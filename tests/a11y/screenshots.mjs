#!/usr/bin/env node
// Screenshots of every colour scheme, at 100% and 200% on a desktop window and at 200%
// on a 320 px wide one, with a search and a speaker filter on and the settings and the
// speaker panel open; and the first screen of a first visit on a phone (390 × 844) and a
// laptop (1280 × 800), English and Russian: for a person to look at. Not a test.
//
//   node tests/a11y/screenshots.mjs [DIST] [OUTDIR]     (defaults: dist/, /tmp/tv-screenshots)

import fs from "node:fs";
import path from "node:path";
import { SCHEMES, launch, openPage, serve } from "./lib.mjs";

const dist = process.argv[2] ?? "dist";
const out = process.argv[3] ?? "/tmp/tv-screenshots";
fs.mkdirSync(out, { recursive: true });

const server = await serve(dist);
const browser = await launch();
const query = "/?q=mr+president&hide=alexander-lukashenko";
const shots = [];
for (const [name, at] of [["en", "/"], ["ru", "/press-conference-2021-12-23-ru/"]]) {
  for (const [label, viewport] of [["phone", { width: 390, height: 844 }], ["laptop", { width: 1280, height: 800 }]]) {
    const page = await openPage(browser, server.base, { path: at, viewport });
    const file = path.join(out, `first-screen-${name}-${label}.png`);
    await page.screenshot({ path: file });
    shots.push(file);
    await page.context().close();
  }
}
for (const scheme of SCHEMES) {
  for (const [label, size, viewport, full] of [
    ["100", "100", { width: 1280, height: 1000 }, false],
    ["200", "200", { width: 1280, height: 1000 }, false],
    ["320", "200", { width: 320, height: 900 }, false],
  ]) {
    const page = await openPage(browser, server.base, {
      path: query,
      settings: { scheme, size, open: true },
      viewport,
      context: { reducedMotion: "reduce" },
    });
    await page.waitForSelector("mark.tv-current");
    await page.click(".tv-speakers-toggle");
    // The viewer brings the first match into view on load; back to the top.
    await page.waitForTimeout(200);
    await page.evaluate(() => window.scrollTo(0, 0));
    const file = path.join(out, `${scheme}-${label}.png`);
    await page.screenshot({ path: file, fullPage: full });
    shots.push(file);
    if (page.errors.length) console.error(`${file}: ${page.errors.join("; ")}`);
    await page.context().close();
  }
}
// Per scheme: the title at 320 px and 200%; the current match and a focused radio at
// 100% (element shots).
for (const scheme of SCHEMES) {
  const narrow = await openPage(browser, server.base, {
    path: query,
    settings: { scheme, size: "200" },
    viewport: { width: 320, height: 900 },
    context: { reducedMotion: "reduce" },
  });
  await narrow.waitForSelector("mark.tv-current");
  await narrow.waitForTimeout(200);
  await narrow.evaluate(() => document.querySelector(".tv-header").scrollIntoView());
  let file = path.join(out, `${scheme}-320-title.png`);
  await narrow.screenshot({ path: file });
  shots.push(file);
  await narrow.context().close();

  const page = await openPage(browser, server.base, {
    path: query,
    settings: { scheme, open: true },
    viewport: { width: 1280, height: 1000 },
    context: { reducedMotion: "reduce" },
  });
  await page.waitForSelector("mark.tv-current");
  await page.waitForTimeout(200);
  file = path.join(out, `${scheme}-match.png`);
  await page.locator("#t1").screenshot({ path: file });
  shots.push(file);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.focus("input[name=tv-scheme]:checked");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowLeft");
  file = path.join(out, `${scheme}-focus.png`);
  await page.locator(".tv-setting-scheme").screenshot({ path: file });
  shots.push(file);
  await page.click(".tv-speakers-toggle");
  await page.focus(".tv-speaker-item .tv-speaker-toggle");
  file = path.join(out, `${scheme}-focus-speakers.png`);
  await page.locator(".tv-speakers").screenshot({ path: file });
  shots.push(file);
  await page.context().close();
}
await browser.close();
await server.close();
console.log(shots.join("\n"));
