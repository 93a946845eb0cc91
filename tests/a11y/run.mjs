#!/usr/bin/env node
// Accessibility audits of the built site in headless Chromium (the system's, driven by
// playwright-core; nothing is downloaded). Serves the dist directory itself on
// 127.0.0.1 and runs, each as one test:
//
//   - axe-core (WCAG 2.0/2.1/2.2 A and AA, plus color-contrast-enhanced, i.e. 7:1) in
//     every colour scheme at the smallest and largest font size, with a search and a
//     speaker filter on and the settings open; and the system scheme under the device's
//     dark and more-contrast preferences;
//   - reflow (WCAG 1.4.10): 320 CSS px wide at 200%, no horizontal scrolling;
//   - text spacing (WCAG 1.4.12): a stylesheet forcing the criterion's spacing, then no
//     control or text clipped and no two controls overlapping;
//   - a keyboard-only walk: skip link, settings, search, speaker filter, transcript, each
//     operated with Enter / Space / arrows, the focus always visible in the scheme's
//     focus colour, in every scheme;
//   - the settings surviving a reload; a blocked localStorage still letting the reader
//     change them; the system's preferences as defaults; print;
//   - the same axe, reflow and text spacing checks on two Russian pages (the site's
//     kremlin.ru excerpt and a long generated transcript), which also check that the
//     page says lang="ru" and that axe's language rules pass (A11Y_ONLY=ru runs them);
//   - and, throughout, no console errors, page errors or failed requests.
//
// Usage: npm ci --prefix tests/a11y && node tests/a11y/run.mjs [DIST]   (default: dist/)
// Prints one line per test and, last, "N passed, N failed"; exits 1 on any failure.

import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { READY, SCHEMES, SIZES, STORAGE_KEY, launch, openPage, serve } from "./lib.mjs";

const require = createRequire(import.meta.url);
const AXE = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

// WCAG 1.4.12's spacing, forced on every element; served as a file of the site so that
// the site's CSP (style-src 'self') lets it in. axe-core is served as a file too
// (/__a11y/axe.min.js): the CSP's script-src 'self' blocks inline scripts.
const TEXT_SPACING_CSS = `* {
  line-height: 1.5 !important;
  letter-spacing: 0.12em !important;
  word-spacing: 0.16em !important;
}
p, li, legend, label, dd, dt, h1, h2, h3, blockquote {
  margin-bottom: 2em !important;
}`;

const SEARCH = "/?q=mr+president&hide=alexander-lukashenko";

const dist = path.resolve(process.argv[2] ?? "dist");
if (!fs.existsSync(path.join(dist, "index.html"))) {
  console.error(`no ${path.join(dist, "index.html")}: build the site first`);
  console.log("0 passed, 1 failed");
  process.exit(1);
}

const tests = [];
const test = (name, fn) => tests.push({ name, fn });

class Failure extends Error {}
function check(ok, message) {
  if (!ok) throw new Failure(message);
}
function equal(got, want, what) {
  check(
    JSON.stringify(got) === JSON.stringify(want),
    `${what}: got ${JSON.stringify(got)}, want ${JSON.stringify(want)}`,
  );
}

/** The viewer's root attributes (src/settings.rs, Settings::to_attributes). */
async function rootSettings(page) {
  return page.$eval(".tv-root", (root) =>
    Object.fromEntries(
      ["scheme", "size", "letter", "line", "word", "font"].map((k) => [
        k,
        root.getAttribute(`data-${k}`),
      ]),
    ),
  );
}

/** A custom property of the root; a colour as `#rrggbb` (the minified CSS says `#fff`). */
async function rootProperty(page, name) {
  const value = await page.$eval(".tv-root", (root, n) => getComputedStyle(root).getPropertyValue(n).trim(), name);
  return /^#[0-9a-f]{3}$/i.test(value) ? value.replace(/[0-9a-f]/gi, (c) => c + c) : value;
}

/**
 * Runs axe with the WCAG 2.x A/AA tags and the 7:1 contrast rule: the violations, and the
 * ids of the rules that passed, found nothing to check (inapplicable) or could not
 * decide (incomplete).
 */
async function axeResults(page) {
  // Once per document: a second run (after the page changed) reuses it.
  if (!(await page.evaluate(() => Boolean(window.axe)))) {
    await page.addScriptTag({ url: "/__a11y/axe.min.js" });
  }
  return page.evaluate(async () => {
    // From the top of the page: axe's target-size rule counts a button the sticky
    // toolbar half covers, mid-scroll, as too small (scrolling moves it out; that
    // focus never lands under the toolbar is its own test, "focus not obscured").
    window.scrollTo(0, 0);
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const results = await window.axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
      rules: { "color-contrast-enhanced": { enabled: true } },
      resultTypes: ["violations"],
    });
    const ids = (list) => list.map((r) => r.id);
    return {
      violations: results.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(" ")}: ${n.failureSummary.replace(/\s+/g, " ")}`),
      })),
      passes: ids(results.passes),
      inapplicable: ids(results.inapplicable),
      incomplete: ids(results.incomplete),
    };
  });
}

/** Runs axe (see axeResults); returns the violations. */
async function axe(page) {
  return (await axeResults(page)).violations;
}

function describeViolations(violations) {
  return violations
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n      ${v.nodes.join("\n      ")}`)
    .join("\n    ");
}

/** Waits until the viewer has applied the search (the current match is marked). */
async function searchReady(page) {
  await page.waitForSelector("mark.tv-current");
  await openPanels(page);
}

/** Opens the disclosures a first visit finds closed (the speaker panel, the catalog),
 * so that the audit sees what is in them. */
async function openPanels(page) {
  await page.evaluate(() => {
    for (const b of document.querySelectorAll("button.tv-speakers-toggle[aria-expanded=false]")) b.click();
    for (const d of document.querySelectorAll("details.tv-catalog-menu")) d.open = true;
  });
  await page.waitForFunction(() => !document.querySelector(".tv-speakers[hidden]"));
}

// ---- axe in every scheme and size ------------------------------------------------

for (const scheme of SCHEMES) {
  for (const size of SIZES) {
    test(`axe: ${scheme} at ${size}%, search and speaker filter on, settings open`, async (t) => {
      const page = await t.open({ path: SEARCH, settings: { scheme, size, open: true } });
      await searchReady(page);
      equal(await rootSettings(page), { scheme, size, letter: "normal", line: "normal", word: "normal", font: "sans" }, "root attributes");
      check((await page.$$("form.tv-settings-panel input[type=radio]")).length >= 20, "the settings are open");
      check((await page.$$("button.tv-hidden-marker")).length > 0, "the filter hides turns");
      const violations = await axe(page);
      check(violations.length === 0, `${violations.length} violations:\n    ${describeViolations(violations)}`);
      });
  }
}

for (const [what, options, bg] of [
  ["prefers-color-scheme: dark", { colorScheme: "dark" }, "#16181b"],
  ["prefers-contrast: more", { contrast: "more" }, "#ffffff"],
  ["prefers-contrast: more and dark", { colorScheme: "dark", contrast: "more" }, "#000000"],
]) {
  test(`axe: the system scheme under ${what}`, async (t) => {
    const page = await t.open({ path: SEARCH, settings: { open: true }, context: options });
    await searchReady(page);
    equal(await rootProperty(page, "--tv-bg"), bg, "--tv-bg");
    const violations = await axe(page);
    check(violations.length === 0, `${violations.length} violations:\n    ${describeViolations(violations)}`);
  });
}

test("axe: the audit catches a planted nameless button and 5.6:1 text (self-check)", async (t) => {
  const page = await t.open();
  await page.evaluate(() => {
    // CSSOM, which the CSP allows (inline style attributes it would block).
    document.styleSheets[document.styleSheets.length - 1].insertRule(".tv-planted-grey { color: #666666 }");
    const root = document.querySelector(".tv-root");
    root.insertAdjacentHTML("beforeend", '<button type="button"></button><p class="tv-planted-grey">Grey text at 5.6:1</p>');
  });
  const ids = (await axe(page)).map((v) => v.id).sort();
  equal(ids, ["button-name", "color-contrast-enhanced"], "violations found");
});

test("axe: a first visit (nothing stored, settings collapsed)", async (t) => {
  const page = await t.open();
  equal(await page.getAttribute(".tv-settings-toggle", "aria-expanded"), "false", "aria-expanded");
  const violations = await axe(page);
  check(violations.length === 0, `${violations.length} violations:\n    ${describeViolations(violations)}`);
});

// ---- the archive: search page and catalog ---------------------------------------------

/** No horizontal scrolling at this width: `scrollWidth <= clientWidth`. */
async function checkNoSideScroll(page) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  check(scrollWidth <= clientWidth, `scrollWidth ${scrollWidth} > clientWidth ${clientWidth}`);
}

for (const [what, viewport] of [["1280 px", { width: 1280, height: 900 }], ["320 px (reflow)", { width: 320, height: 640 }]]) {
  test(`axe: the archive search page with results, ${what}`, async (t) => {
    const page = await t.open({ path: "/search/?q=thank+you", viewport, ready: ".tv-find-result" });
    check((await page.textContent(".tv-find-status")).includes("transcripts"), "the status line counts the results");
    check((await page.$$("a.tv-find-turn mark")).length > 0, "matches are marked");
    const violations = await axe(page);
    check(violations.length === 0, `${violations.length} violations:\n    ${describeViolations(violations)}`);
    await checkNoSideScroll(page);
  });
}

test("axe: the archive search page in the dark scheme, and with no results", async (t) => {
  const page = await t.open({ path: "/search/?q=zzzzqqq", context: { colorScheme: "dark" }, ready: ".tv-find-status:not(:empty)" });
  await page.waitForFunction(() => document.querySelector(".tv-find-status").textContent.includes("No transcript"));
  const violations = await axe(page);
  check(violations.length === 0, `${violations.length} violations:\n    ${describeViolations(violations)}`);
});

test("keyboard: the search page's links and fields by Tab, a search by Enter", async (t) => {
  const page = await t.open({ path: "/search/", ready: "#tv-find-q" });
  const stops = [];
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press("Tab");
    const f = await focused(page);
    stops.push(f.name ? `${f.tag}[name=${f.name}]` : `${f.tag}:${f.text}`);
    check(f.visible && f.ring, `no visible focus ring on ${describeStop(f)}: ${f.style}`);
    if (f.name === "year") break;
  }
  equal(stops.slice(0, 5), ["a:Skip to the results", "a:Home", "a:All transcripts", "a:Search", "input[name=q]"], "the first stops");
  check(stops.includes("input[name=speaker]") && stops.includes("select[name=year]"), `the fields: ${stops.join(", ")}`);
  await page.focus("#tv-find-q");
  await page.keyboard.type("thank you");
  await page.keyboard.press("Enter");
  await page.waitForSelector(".tv-find-result");
  equal(await page.getAttribute(".tv-find-status", "role"), "status", "the count is announced");
  // After the form, the results' links, each with a visible focus.
  await page.focus(".tv-find-go button");
  await page.keyboard.press("Tab");
  const f = await focused(page);
  check(f.tag === "a" && f.visible && f.ring, `Tab goes on to the first result: ${describeStop(f)}`);
});

for (const [what, at] of [["the catalog", "/catalog/"], ["a year's page", "/catalog/2022/"], ["the speaker index", "/catalog/speaker/"]]) {
  test(`axe: ${what}, 1280 px and 320 px, and its links prefetched when pointed at`, async (t) => {
    for (const viewport of [{ width: 1280, height: 900 }, { width: 320, height: 640 }]) {
      const page = await t.open({ path: at, viewport, ready: ".tv-archive-main" });
      equal(await page.$$eval("script", (s) => s.map((e) => e.getAttribute("src"))), ["catalog.js"], "the page's scripts");
      // A link to another page (an entry's or a facet's, not a letter's anchor).
      const link = page.locator(".tv-archive-list a[href], .tv-archive-facets a[href]").first();
      await link.hover();
      const href = await link.evaluate((a) => a.href);
      await page.waitForFunction((h) => [...document.querySelectorAll("link[rel=prefetch]")].some((l) => l.href === h), href);
      const violations = await axe(page);
      check(violations.length === 0, `${at} at ${viewport.width} px: ${violations.length} violations:\n    ${describeViolations(violations)}`);
      await checkNoSideScroll(page);
    }
  });
}

// ---- the first screen ---------------------------------------------------------------

/** What of the title, the date and the transcript's text shows on the first screen. */
async function firstScreen(page) {
  return page.evaluate(() => {
    const inView = (el) => {
      if (!el) return false;
      const r = el.getBoundingClientRect();
      return r.height > 0 && r.top >= 0 && r.top + 16 <= innerHeight;
    };
    const text = document.querySelector(".tv-summary p, .tv-turn p");
    return {
      title: inView(document.querySelector("h1.tv-title")),
      date: inView(document.querySelector(".tv-dateline")),
      text: inView(text),
      search: inView(document.querySelector("input.tv-search-input")),
    };
  });
}

for (const [what, viewport] of [["a phone, 390 × 844", { width: 390, height: 844 }], ["a laptop, 1280 × 800", { width: 1280, height: 800 }]]) {
  for (const [name, path] of [["the English page", "/"], ["the Russian page", "/press-conference-2021-12-23-ru/"]]) {
    test(`first screen on ${what}, ${name}: title, date, the text's first lines and the search show`, async (t) => {
      const page = await t.open({ path, viewport });
      const shown = await firstScreen(page);
      equal(shown, { title: true, date: true, text: true, search: true }, "on the first screen");
      if (viewport.width >= 1000) {
        // A laptop shows the first turn too.
        check(await page.$eval(".tv-turn p", (p) => p.getBoundingClientRect().top + 16 <= innerHeight), "the first turn's first line");
      }
    });
  }
}

test("first screen: the toolbar stays at the top while reading, at 100 % on a phone", async (t) => {
  const page = await t.open({ viewport: { width: 390, height: 844 } });
  await page.evaluate(() => document.querySelector(".tv-turn:last-of-type").scrollIntoView());
  await page.waitForTimeout(100);
  const top = await page.$eval(".tv-toolbar", (b) => Math.round(b.getBoundingClientRect().top));
  equal(top, 0, "the toolbar's top after scrolling");
  const height = await page.$eval(".tv-toolbar", (b) => b.getBoundingClientRect().height / innerHeight);
  check(height < 0.25, `the toolbar takes ${(height * 100).toFixed(0)} % of the window`);
});

for (const [what, viewport, path] of [
  ["a phone, English", { width: 390, height: 844 }, "/?q=mr+president"],
  ["a phone, Russian", { width: 390, height: 844 }, "/press-conference-2021-12-23-ru/?q=работать"],
  ["a narrow window, Russian", { width: 700, height: 800 }, "/press-conference-2021-12-23-ru/?q=работать"],
  ["a laptop, English", { width: 1280, height: 800 }, "/?q=mr+president"],
]) {
  test(`focus not obscured (2.4.11) on ${what}: no Tab stop hides under the sticky toolbar`, async (t) => {
    const page = await t.open({ path, viewport });
    await searchReady(page);
    await page.evaluate(() => window.scrollTo(0, 0));
    const hidden = [];
    const step = async (key) => {
      await page.keyboard.press(key);
      const f = await page.evaluate(() => {
        const el = document.activeElement;
        const bar = document.querySelector(".tv-toolbar");
        if (!el || el === document.body || bar.contains(el)) return null;
        const r = el.getBoundingClientRect();
        const b = bar.getBoundingClientRect();
        const last = [...document.querySelectorAll(".tv-turn-link")].pop();
        return { what: `${el.tagName.toLowerCase()}.${el.className}`, top: r.top, bottom: b.bottom, stuck: b.top <= 0, last: el === last };
      });
      if (f && f.stuck && f.top < f.bottom - 1) hidden.push(`${key}: ${f.what} at ${f.top.toFixed(0)} under ${f.bottom.toFixed(0)}`);
      return f;
    };
    // Down to the last turn, then back up (where a stop comes in at the top).
    for (let i = 0; i < 80 && !(await step("Tab"))?.last; i++);
    for (let i = 0; i < 40; i++) await step("Shift+Tab");
    check(hidden.length === 0, `focused under the toolbar: ${hidden.slice(0, 5).join("; ")}`);
  });
}

// ---- a timed transcript playing -------------------------------------------------------

/** A WAV of `seconds` of silence (8 kHz, 8-bit), for the timed page's recording. */
function silentWav(seconds) {
  const n = seconds * 8000;
  const b = Buffer.alloc(44 + n, 128);
  b.write("RIFF", 0); b.writeUInt32LE(36 + n, 4); b.write("WAVEfmt ", 8); b.writeUInt32LE(16, 16);
  b.writeUInt16LE(1, 20); b.writeUInt16LE(1, 22); b.writeUInt32LE(8000, 24); b.writeUInt32LE(8000, 28);
  b.writeUInt16LE(1, 32); b.writeUInt16LE(8, 34); b.write("data", 36); b.writeUInt32LE(n, 40);
  return b;
}
const TIMED = JSON.stringify({
  schema: 2, lang: "en", title: "A timed hearing",
  speakers: [{ id: "ann", name: "Ann Lee" }, { id: "bo", name: "Bo Park" }],
  turns: [
    { id: "t1", speaker: "ann", paragraphs: ["Good morning, everyone."], times: [{ start: 0.5, end: 2, words: [0, 400, 500] }] },
    { id: "t2", speaker: "bo", paragraphs: ["Thank you, chair."], times: [{ start: 4.5, end: 6, words: [0, 500, 500] }] },
  ],
  media: { url: "/__a11y/hearing.wav" },
  source: { file: "hearing.vtt" },
});
const TIMED_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>A timed hearing</title><link rel="icon" href="/favicon.svg">
<link rel="stylesheet" href="/viewer.css">
<script type="module" src="/transcript-viewer-element.js"></script></head>
<body><main><transcript-viewer src="/__a11y/hearing.json"></transcript-viewer></main></body></html>`;

for (const scheme of SCHEMES) {
  test(`axe: a timed transcript playing, ${scheme}: media bar, time buttons, the marks`, async (t) => {
    const page = await t.open({ path: "/__a11y/timed.html", settings: { scheme } });
    await page.waitForSelector(".tv-media audio");
    await page.evaluate(() => {
      const audio = document.querySelector(".tv-media audio");
      return new Promise((resolve) => {
        const go = () => { audio.addEventListener("seeked", resolve, { once: true }); audio.currentTime = 5.2; };
        if (audio.readyState >= 1) go(); else audio.addEventListener("loadedmetadata", go, { once: true });
      });
    });
    await page.waitForSelector(".tv-turn[data-playing] p[aria-current=time]");
    equal(await page.getAttribute("button.tv-follow", "aria-pressed"), "true", "Follow playback");
    const names = await page.$$eval("button.tv-seek", (bs) => bs.map((b) => b.getAttribute("aria-label")));
    equal(names.join(" | "), "Play from 0:00 (Ann Lee) | Play from 0:04 (Bo Park)", "time buttons' names");
    const violations = await axe(page);
    check(violations.length === 0, `${violations.length} violations:\n    ${describeViolations(violations)}`);
  });
}

// ---- reflow and text spacing -----------------------------------------------------------

/** The reflow tests' settings (at 320 × 640 CSS px), for each page they check. */
const REFLOW_CASES = [
  ["at 200%", { size: "200", open: true }],
  ["at 200% with the widest spacing and the legible font", { size: "200", letter: "widest", line: "widest", word: "widest", font: "legible", open: true }],
];
const NARROW = { width: 320, height: 640 };

for (const [what, settings] of REFLOW_CASES) {
  test(`reflow: 320 CSS px wide ${what}, no horizontal scrolling`, async (t) => {
    const page = await t.open({ path: SEARCH, settings, viewport: NARROW });
    await searchReady(page);
    await checkReflow(page);
  });
}

/** At 200% (36 px) the page scrolls only down: `scrollWidth <= clientWidth`. */
async function checkReflow(page) {
  const size = await page.$eval(".tv-root", (r) => getComputedStyle(r).fontSize);
  equal(size, "36px", "root font size");
  const { scrollWidth, clientWidth, wide } = await page.evaluate(() => {
    const d = document.documentElement;
    const wide = [...document.querySelectorAll(".tv-root *")]
      .filter((el) => el.getBoundingClientRect().right > d.clientWidth + 1)
      .filter((el) => el.getBoundingClientRect().width > 1)
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}`);
    return { scrollWidth: d.scrollWidth, clientWidth: d.clientWidth, wide };
  });
  check(scrollWidth <= clientWidth, `scrollWidth ${scrollWidth} > clientWidth ${clientWidth}; wider: ${wide.join(", ")}`);
}

/** Controls or text clipped by overflow, and controls whose boxes overlap. */
async function spacingProblems(page) {
  return page.evaluate(() => {
    const problems = [];
    const name = (el) =>
      `${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""}.${String(el.className).split(" ")[0]} "${(el.textContent || el.value || "").trim().slice(0, 30)}"`;
    const shown = (el) => {
      const r = el.getBoundingClientRect();
      return r.width > 1 && r.height > 1 && getComputedStyle(el).visibility !== "hidden";
    };
    const all = [...document.querySelectorAll(".tv-root *")].filter(shown);
    for (const el of all) {
      const cs = getComputedStyle(el);
      const clips = (v) => v === "hidden" || v === "clip";
      if (clips(cs.overflowX) && el.scrollWidth > el.clientWidth + 1) {
        problems.push(`clipped across: ${name(el)} (${el.scrollWidth} > ${el.clientWidth})`);
      }
      if (clips(cs.overflowY) && el.scrollHeight > el.clientHeight + 1) {
        problems.push(`clipped down: ${name(el)} (${el.scrollHeight} > ${el.clientHeight})`);
      }
    }
    const controls = all.filter((el) => el.matches("a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex='-1'])"));
    const boxes = controls.map((el) => [el, el.getBoundingClientRect()]);
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, ra] = boxes[i];
        const [b, rb] = boxes[j];
        if (a.contains(b) || b.contains(a)) continue;
        const w = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left);
        const h = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
        if (w > 1 && h > 1) problems.push(`overlap: ${name(a)} and ${name(b)} (${w.toFixed(1)}×${h.toFixed(1)})`);
      }
    }
    // Text that runs out of its control.
    for (const el of controls) {
      if (el.scrollWidth > el.clientWidth + 1 && el.tagName !== "INPUT") {
        problems.push(`text wider than its control: ${name(el)} (${el.scrollWidth} > ${el.clientWidth})`);
      }
    }
    return { problems, controls: controls.length };
  });
}

/** The text spacing tests' viewports and settings, for each page they check. */
const SPACING_CASES = [
  ["1280 px wide, at 100%", { width: 1280, height: 900 }, { open: true }],
  ["320 px wide, at 100%", NARROW, { open: true }],
  ["1280 px wide, at 200% with the widest spacing", { width: 1280, height: 900 }, { size: "200", letter: "widest", line: "widest", word: "widest", open: true }],
];

for (const [what, viewport, settings] of SPACING_CASES) {
  test(`text spacing (1.4.12), ${what}: nothing clipped, no controls overlap`, async (t) => {
    const page = await t.open({ path: SEARCH, settings, viewport });
    await searchReady(page);
    await checkTextSpacing(page);
  });
}

/** Forces WCAG 1.4.12's spacing (TEXT_SPACING_CSS), then checks spacingProblems. */
async function checkTextSpacing(page) {
  await page.evaluate(
    (href) =>
      new Promise((resolve, reject) => {
        const link = document.createElement("link");
        link.rel = "stylesheet";
        link.href = href;
        link.onload = resolve;
        link.onerror = () => reject(new Error("the spacing stylesheet did not load"));
        document.head.append(link);
      }),
    "/__a11y/text-spacing.css",
  );
  await seeEveryGroup(page);
  // The first turn's first paragraph (`t1-p1`, after the viewer's id prefix if any).
  const spacing = await page.$eval("[id$='t1-p1']", (p) => getComputedStyle(p).letterSpacing);
  check(parseFloat(spacing) > 2, `the spacing stylesheet applies (letter-spacing ${spacing})`);
  const { problems, controls } = await spacingProblems(page);
  check(controls >= 30, `only ${controls} controls found`);
  check(problems.length === 0, `${problems.length} problems:\n    ${problems.slice(0, 15).join("\n    ")}`);
}

// ---- keyboard ----------------------------------------------------------------------------

/** What has the focus, and whether its focus ring shows in the scheme's focus colour. */
async function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { tag: "body" };
    const root = el.closest(".tv-root");
    const value = root ? getComputedStyle(root).getPropertyValue("--tv-focus").trim() : "";
    // `#rgb` (the minified CSS) or `#rrggbb`.
    const hex = value.length === 4 ? value.replace(/[0-9a-f]/gi, (c) => c + c) : value;
    const n = parseInt(hex.slice(1), 16);
    const rgb = `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
    const cs = getComputedStyle(el);
    const outline = cs.outlineStyle !== "none" && parseFloat(cs.outlineWidth) >= 2 && cs.outlineColor === rgb;
    const shadow = cs.boxShadow !== "none" && cs.boxShadow.includes(rgb);
    const r = el.getBoundingClientRect();
    return {
      tag: el.tagName.toLowerCase(),
      cls: String(el.className),
      type: el.getAttribute("type"),
      name: el.getAttribute("name"),
      value: el.value,
      text: (el.getAttribute("aria-label") || el.textContent || "").trim().slice(0, 40),
      ring: outline || shadow,
      style: `${cs.outlineStyle} ${cs.outlineWidth} ${cs.outlineColor}; shadow ${cs.boxShadow}; want ${rgb}`,
      visible: r.width > 1 && r.height > 1,
    };
  });
}

/** Tabs through the page until the focus comes back to the start; every stop. */
async function tabWalk(page, limit = 120) {
  const stops = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    const f = await focused(page);
    if (f.tag === "body" || (stops.length > 0 && f.cls === stops[0].cls && f.tag === stops[0].tag)) break;
    stops.push(f);
  }
  return stops;
}

function describeStop(f) {
  return `${f.tag}.${f.cls.split(" ")[0]}${f.name ? `[name=${f.name}][value=${f.value}]` : ""} "${f.text}"`;
}

test("keyboard: Tab reaches the skip link, settings, search, speaker filter and transcript", async (t) => {
  const page = await t.open({ path: "/?q=mr+president" });
  await searchReady(page);
  await page.evaluate(() => window.scrollTo(0, 0));
  const stops = await tabWalk(page);
  const seen = (pred, what) => check(stops.some(pred), `Tab never reaches ${what}: ${stops.map(describeStop).join(" → ")}`);
  check(stops[0]?.cls === "tv-skip-link" && stops[0].visible, `the first stop is the visible skip link, not ${describeStop(stops[0] ?? {})}`);
  const order = ["tv-settings-toggle", "tv-search-input", "tv-speaker-toggle", "tv-turn-link"].map((c) => stops.findIndex((f) => f.cls === c));
  check(order.every((n, i) => n > 0 && (i === 0 || n > order[i - 1])), `settings, search, speakers, transcript in this order: ${stops.map(describeStop).join(" → ")}`);
  seen((f) => f.cls === "tv-search-input", "the search box");
  seen((f) => f.cls === "tv-match-diacritics", "the search options");
  seen((f) => f.cls === "tv-catalog-toggle", "the catalog's button");
  seen((f) => f.cls === "tv-speakers-toggle", "the speaker panel's button");
  seen((f) => f.cls === "tv-speaker-toggle", "a speaker toggle");
  seen((f) => f.cls === "tv-show-all", "Show all");
  seen((f) => f.cls === "tv-turn-link", "a turn's link");
  seen((f) => f.cls === "tv-hidden-marker" || f.cls === "tv-turn-link", "the transcript");
  const hidden = stops.filter((f) => !f.ring || !f.visible);
  check(hidden.length === 0, `focus not visible on: ${hidden.map((f) => `${describeStop(f)} (${f.style})`).join("; ")}`);
  // The skip link: Enter moves the focus to the transcript's title.
  await page.evaluate(() => document.activeElement.blur());
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  const title = await focused(page);
  equal([title.tag, title.cls], ["h1", "tv-title"], "focus after the skip link");
  check(title.ring, `the title shows its focus (${title.style})`);
  await page.keyboard.press("Tab");
  equal((await focused(page)).cls, "tv-turn-link", "the next stop after the title");
});

test("keyboard: the settings operate with Enter, Space and arrow keys", async (t) => {
  const page = await t.open();
  const toggle = page.locator(".tv-settings-toggle");
  // The skip link, the catalog's links (when the site bundles several transcripts), then
  // the settings toggle.
  for (let i = 0; i < 10 && (await focused(page)).cls !== "tv-settings-toggle"; i++) {
    await page.keyboard.press("Tab");
  }
  equal((await focused(page)).cls, "tv-settings-toggle", "focus");
  await page.keyboard.press("Enter");
  equal(await toggle.getAttribute("aria-expanded"), "true", "Enter expands");
  await page.keyboard.press("Space");
  equal(await toggle.getAttribute("aria-expanded"), "false", "Space collapses");
  check((await page.$$("form.tv-settings-panel")).length === 0, "the form is gone");
  await page.keyboard.press("Space");
  equal(await toggle.getAttribute("aria-expanded"), "true", "Space expands");
  // Toggle → Smaller → the size group (one stop, the checked radio) → Larger → colours.
  await page.keyboard.press("Tab");
  equal((await focused(page)).cls, "tv-size-step tv-size-smaller", "after the toggle");
  await page.keyboard.press("Tab");
  let f = await focused(page);
  equal([f.name, f.value], ["tv-size", "100"], "the size group");
  await page.keyboard.press("ArrowRight");
  equal((await rootSettings(page)).size, "125", "ArrowRight in the size group");
  await page.keyboard.press("ArrowRight");
  equal((await rootSettings(page)).size, "150", "ArrowRight again");
  await page.keyboard.press("ArrowLeft");
  equal((await rootSettings(page)).size, "125", "ArrowLeft");
  await page.keyboard.press("Tab");
  equal((await focused(page)).cls, "tv-size-step tv-size-larger", "then Larger");
  await page.keyboard.press("Enter");
  equal((await rootSettings(page)).size, "150", "Enter on Larger");
  await page.keyboard.press("Space");
  equal((await rootSettings(page)).size, "175", "Space on Larger");
  equal(await page.textContent(".tv-announcement"), "Font size 175%", "announced");
  await page.keyboard.press("Tab");
  f = await focused(page);
  equal([f.name, f.value], ["tv-scheme", "system"], "the colours group");
  await page.keyboard.press("ArrowDown");
  equal((await rootSettings(page)).scheme, "light", "ArrowDown in the colours");
  await page.keyboard.press("ArrowDown");
  equal((await rootSettings(page)).scheme, "dark", "ArrowDown again");
  equal(await rootProperty(page, "--tv-bg"), "#16181b", "dark colours");
  for (const [name, key, want] of [
    ["tv-letter", "letter", "wider"],
    ["tv-line", "line", "wider"],
    ["tv-word", "word", "wider"],
    ["tv-font", "font", "serif"],
  ]) {
    await page.keyboard.press("Tab");
    f = await focused(page);
    equal(f.name, name, "the next group");
    await page.keyboard.press("ArrowRight");
    equal((await rootSettings(page))[key], want, `ArrowRight in ${name}`);
  }
  await page.keyboard.press("Tab");
  equal((await focused(page)).cls, "tv-settings-reset", "then Reset");
  await page.keyboard.press("Enter");
  equal(await rootSettings(page), { scheme: "system", size: "100", letter: "normal", line: "normal", word: "normal", font: "sans" }, "after Reset");
  equal(await page.textContent(".tv-announcement"), "Settings reset", "announced");
  equal((await focused(page)).cls, "tv-settings-reset", "the focus stays on Reset");
});

test("keyboard: search and speaker filter operate from the keyboard", async (t) => {
  const page = await t.open();
  await page.focus(".tv-search-input");
  await page.keyboard.type("mr president");
  await page.waitForFunction(() => document.querySelector(".tv-search-status").textContent === "1 of 2");
  await page.keyboard.press("Enter");
  equal(await page.textContent(".tv-search-status"), "2 of 2", "Enter: next match");
  await page.keyboard.press("Escape");
  equal(await page.inputValue(".tv-search-input"), "", "Esc clears");
  // The speaker panel is a disclosure: Enter opens it, its button says the filter.
  equal(await page.getAttribute(".tv-speakers-toggle", "aria-expanded"), "false", "the panel starts closed");
  equal((await page.textContent(".tv-speakers-toggle")).trim(), "All 2 speakers", "the panel's button");
  await page.focus(".tv-speakers-toggle");
  await page.keyboard.press("Enter");
  equal(await page.getAttribute(".tv-speakers-toggle", "aria-expanded"), "true", "Enter opens the panel");
  await page.focus(".tv-speaker-item[data-speaker=alexander-lukashenko] .tv-speaker-toggle");
  await page.keyboard.press("Space");
  equal(await page.getAttribute(".tv-speaker-item[data-speaker=alexander-lukashenko] .tv-speaker-toggle", "aria-pressed"), "false", "Space hides the speaker");
  check((await page.$$("button.tv-hidden-marker")).length === 2, "two runs of hidden turns");
  equal((await page.textContent(".tv-speakers-toggle")).trim(), "1 of 2 speakers", "the panel's button with one hidden");
  await page.focus("button.tv-hidden-marker");
  await page.keyboard.press("Enter");
  check((await page.$$("button.tv-hidden-marker")).length === 1, "Enter on a marker shows its turns");
  await page.focus(".tv-show-all");
  await page.keyboard.press("Enter");
  check((await page.$$("button.tv-hidden-marker")).length === 0, "Enter on Show all shows every turn");
  await page.focus(".tv-speaker-item[data-speaker=vladimir-putin] .tv-show-only");
  await page.keyboard.press("Space");
  equal(await page.getAttribute(".tv-speaker-item[data-speaker=alexander-lukashenko] .tv-speaker-toggle", "aria-pressed"), "false", "Space on Only hides the others");
  await page.focus("input.tv-whole-words");
  await page.keyboard.press("Space");
  check(await page.isChecked("input.tv-whole-words"), "Space checks Whole words");
});

for (const scheme of SCHEMES) {
  test(`keyboard: the focus ring shows in the ${scheme} scheme's focus colour on every stop`, async (t) => {
    const page = await t.open({ path: SEARCH, settings: { scheme, open: true } });
    await searchReady(page);
    await page.evaluate(() => window.scrollTo(0, 0));
    const stops = await tabWalk(page);
    check(stops.length >= 25, `only ${stops.length} stops`);
    check(stops.some((f) => f.type === "radio"), "radios were reached");
    const hidden = stops.filter((f) => !f.ring || !f.visible);
    check(hidden.length === 0, `focus not visible on: ${hidden.map((f) => `${describeStop(f)} (${f.style})`).join("; ")}`);
  });
}

// ---- storage, system preferences, print ----------------------------------------------

test("settings survive a reload", async (t) => {
  const page = await t.open();
  await page.click(".tv-settings-toggle");
  await page.check("input[name=tv-scheme][value=white-on-black]");
  await page.click(".tv-size-larger");
  await page.check("input[name=tv-font][value=legible]");
  await page.check("input[name=tv-line][value=widest]");
  const want = { scheme: "white-on-black", size: "125", letter: "normal", line: "widest", word: "normal", font: "legible" };
  equal(await rootSettings(page), want, "before the reload");
  const stored = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), STORAGE_KEY));
  equal(stored, { ...want, open: true }, "stored");
  const font = page.waitForResponse((r) => r.url().endsWith("/fonts/atkinson-hyperlegible-latin-400-normal.woff2"));
  await page.reload();
  await page.waitForSelector(READY);
  equal(await rootSettings(page), want, "after the reload");
  check(await page.isChecked("input[name=tv-scheme][value=white-on-black]"), "the radio shows it");
  equal(await rootProperty(page, "--tv-bg"), "#000000", "colours");
  // The legible font comes from this site, and is used.
  const response = await font;
  equal([response.status(), response.headers()["content-type"]], [200, "font/woff2"], "the bundled font");
  await page.waitForFunction(() => [...document.fonts].some((f) => f.family.includes("Atkinson Hyperlegible") && f.status === "loaded"));
});

test("blocked storage: settings still change, nothing is thrown or logged", async (t) => {
  const page = await t.open({
    init: () => {
      Object.defineProperty(window, "localStorage", {
        configurable: true,
        get() {
          throw new DOMException("The operation is insecure.", "SecurityError");
        },
      });
    },
  });
  check(await page.evaluate(() => { try { window.localStorage; return false; } catch (e) { return e.name === "SecurityError"; } }), "localStorage throws");
  await page.click(".tv-settings-toggle");
  await page.check("input[name=tv-scheme][value=brown-on-beige]");
  await page.click(".tv-size-larger");
  await page.click(".tv-size-larger");
  equal(await rootSettings(page), { scheme: "brown-on-beige", size: "150", letter: "normal", line: "normal", word: "normal", font: "sans" }, "settings");
  equal(await rootProperty(page, "--tv-bg"), "#f5ecd9", "colours");
  await page.click(".tv-settings-reset");
  equal((await rootSettings(page)).scheme, "system", "after Reset");
});

test("system preferences are the defaults until the reader chooses", async (t) => {
  const page = await t.open({ context: { colorScheme: "dark", reducedMotion: "reduce" } });
  equal(await rootProperty(page, "--tv-bg"), "#16181b", "dark device: dark scheme");
  const transition = await page.$eval("a.tv-skip-link", (a) => getComputedStyle(a).transitionDuration);
  equal(transition, "0s", "reduced motion: no transitions");
  await page.click(".tv-settings-toggle");
  await page.check("input[name=tv-scheme][value=light]");
  equal(await rootProperty(page, "--tv-bg"), "#fdfcf8", "the reader's choice wins");
  await page.reload();
  await page.waitForSelector(READY);
  equal(await rootProperty(page, "--tv-bg"), "#fdfcf8", "and is kept");
});

test("print: the transcript as filtered, without controls", async (t) => {
  const page = await t.open({ path: SEARCH, settings: { scheme: "white-on-black", open: true } });
  await searchReady(page);
  await page.emulateMedia({ media: "print" });
  const shown = await page.evaluate(() => {
    const visible = (sel) => [...document.querySelectorAll(sel)].filter((el) => el.getClientRects().length > 0).length;
    return {
      controls: visible(".tv-skip-link, .tv-banner, .tv-settings, .tv-controls, .tv-toolbar, .tv-tools, .tv-speakers, .tv-turn-link"),
      turns: visible(".tv-turn"),
      title: visible("h1"),
      credit: visible(".tv-source"),
      bg: getComputedStyle(document.querySelector(".tv-root")).backgroundColor,
    };
  });
  equal(shown, { controls: 0, turns: 3, title: 1, credit: 1, bg: "rgb(255, 255, 255)" }, "printed");
  const pdf = await page.pdf({ format: "A4" });
  check(pdf.length > 1000, "a PDF is made");
});

test("no inline styles anywhere (the site's CSP has style-src 'self')", async (t) => {
  const page = await t.open({ path: SEARCH, settings: { scheme: "dark", size: "150", open: true } });
  await searchReady(page);
  const csp = await page.getAttribute("meta[http-equiv=Content-Security-Policy]", "content");
  equal(csp, "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; media-src 'self'", "the page's CSP");
  await page.check("input[name=tv-letter][value=widest]");
  await page.click(".tv-speaker-toggle");
  equal(await page.$$eval("[style]", (els) => els.map((e) => e.outerHTML.slice(0, 80))), [], "elements with a style attribute");
  equal(await page.$$eval("body style", (els) => els.length), 0, "style elements");
});

// ---- Russian pages ------------------------------------------------------------------------
//
// The viewer speaks the transcript's language (src/i18n/): the same audits on two Russian
// pages. "ru site page": the site's kremlin.ru excerpt (one speaker, one turn), as built.
// "ru generated page": a longer transcript made here from that file's sentences, with
// several speakers and counts past a thousand (CLDR plurals, digits grouped with U+00A0),
// in a <transcript-viewer> element like the timed page. Every test's name starts with
// "ru " after its kind, so A11Y_ONLY=ru runs these alone.

/** The kremlin.ru excerpt the site bundles, as sentences: its summary's and its turn's. */
const RU_SENTENCES = (() => {
  const file = new URL("../../transcripts/press-conference-2021-12-23-ru.txt", import.meta.url);
  const [head, body] = fs.readFileSync(file, "utf8").split("* * *");
  const paragraphs = (text) => text.split(/\n\s*\n/).map((p) => p.replace(/\s+/g, " ").trim()).filter(Boolean);
  const summary = paragraphs(head).filter((p) => p.split(" ").length >= 12);
  const turn = paragraphs(body).map((p) => p.replace(/^В\.Путин: /, ""));
  const sentences = [...summary, ...turn].flatMap((p) => p.split(/(?<=[.!?])\s+(?=[А-ЯЁ])/));
  if (sentences.length < 6 || !sentences.some((s) => s.includes("работать"))) {
    throw new Error("transcripts/press-conference-2021-12-23-ru.txt: not the sentences these tests expect");
  }
  return sentences;
})();

/** Words as the viewer counts them (src/model/timing.rs): runs without white space that hold a letter or digit. */
const wordCount = (text) => text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

/** CLDR's Russian plural forms of a count, its digits grouped by U+00A0 (src/i18n/ru.rs). */
function ruCount(n, [one, few, many]) {
  const [ten, hundred] = [n % 10, n % 100];
  const form = ten === 1 && hundred !== 11 ? one : ten >= 2 && ten <= 4 && !(hundred >= 12 && hundred <= 14) ? few : many;
  return `${String(n).replace(/\B(?=(\d{3})+$)/g, "\u00a0")} ${form}`;
}
const RU_TURNS = ["реплика", "реплики", "реплик"];
const RU_WORDS = ["слово", "слова", "слов"];

/**
 * The generated transcript: four speakers (one anonymous), 290 turns in a repeating
 * order, each turn the excerpt's next sentence (every seventh the next two, as two
 * paragraphs), whoever first said it; Владимир Путин's last turn is long enough that he
 * says exactly 1 234 words. Each speaker's `stats` is what the filter should show.
 */
const RU_LONG_SPEAKERS = [
  { id: "vopros", name: "Вопрос", anonymous: true, turns: 125 },
  { id: "v-putin", name: "Владимир Путин", role: "Президент России", turns: 71, words: 1234 },
  { id: "d-peskov", name: "Дмитрий Песков", role: "Пресс-секретарь Президента", turns: 52 },
  { id: "o-kuznetsova", name: "Ольга Кузнецова", role: "корреспондент", turns: 42 },
];
const RU_LONG = (() => {
  const byLetter = { В: "vopros", П: "v-putin", Д: "d-peskov", О: "o-kuznetsova" };
  const order = [..."ВПВДВПООВПДВ"].map((c) => byLetter[c]);
  const left = Object.fromEntries(RU_LONG_SPEAKERS.map((s) => [s.id, s.turns]));
  const said = [];
  for (let i = 0; Object.values(left).some((n) => n > 0); i++) {
    const id = order[i % order.length];
    if (left[id] > 0) {
      left[id]--;
      said.push(id);
    }
  }
  let next = 0;
  const sentence = () => RU_SENTENCES[next++ % RU_SENTENCES.length];
  const words = Object.fromEntries(RU_LONG_SPEAKERS.map((s) => [s.id, 0]));
  const turns = said.map((id, i) => {
    const speaker = RU_LONG_SPEAKERS.find((s) => s.id === id);
    let paragraphs;
    if (speaker.words && !said.slice(i + 1).includes(id)) {
      // The speaker's last turn: whole sentences, then as many words of one more as make
      // up the total.
      let need = speaker.words - words[id];
      if (need < 40) throw new Error(`${id}: ${words[id]} words before the last turn, too many for ${speaker.words}`);
      paragraphs = [];
      let paragraph = [];
      while (need > 0) {
        const s = sentence();
        const n = wordCount(s);
        if (n <= need) {
          paragraph.push(s);
          need -= n;
        } else {
          const kept = [];
          for (const w of s.split(" ")) {
            if (need === 0) break;
            kept.push(w);
            need -= wordCount(w);
          }
          paragraph.push(kept.join(" ").replace(/[,;:]$/, "") + "…");
        }
        if (paragraph.length === 3 || need === 0) {
          paragraphs.push(paragraph.join(" "));
          paragraph = [];
        }
      }
    } else {
      paragraphs = i % 7 === 6 ? [sentence(), sentence()] : [sentence()];
    }
    words[id] += paragraphs.reduce((n, p) => n + wordCount(p), 0);
    return { id: `t${i + 1}`, speaker: id, paragraphs };
  });
  for (const s of RU_LONG_SPEAKERS) s.stats = `${ruCount(s.turns, RU_TURNS)}, ${ruCount(words[s.id], RU_WORDS)}`;
  return JSON.stringify({
    schema: 2,
    lang: "ru",
    title: "Пресс-конференция: сборная стенограмма для проверки доступности",
    date: "2021-12-23",
    place: "Москва",
    dateline: "23 декабря 2021 года, Москва",
    kind: "Новости / Стенограммы",
    summary: [RU_SENTENCES[0]],
    speakers: RU_LONG_SPEAKERS.map(({ id, name, role, anonymous }) => ({ id, name, role, anonymous })),
    turns,
    source: { file: "press-conference-2021-12-23-ru.txt", credit: "Президент России, kremlin.ru", license: "CC BY 4.0" },
  });
})();

/** A Russian host page with the generated transcript in a <transcript-viewer>. */
const ruLongPage = (attributes) => `<!doctype html><html lang="ru"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Сборная стенограмма</title><link rel="icon" href="/favicon.svg">
<link rel="stylesheet" href="/viewer.css">
<script type="module" src="/transcript-viewer-element.js"></script></head>
<body><main><transcript-viewer src="/__a11y/ru-long.json"${attributes}></transcript-viewer></main></body></html>`;

const RU_QUERY = "работать";
/**
 * The two pages: where each is without and with the search (and, on the generated page,
 * Ольга Кузнецова hidden), and whether its <html lang> is the site's (the generated page's
 * host is this file's).
 */
const RU_PAGES = {
  site: {
    name: "ru site page",
    plain: "/press-conference-2021-12-23-ru/",
    search: `/press-conference-2021-12-23-ru/?q=${encodeURIComponent(RU_QUERY)}`,
    html: true,
  },
  long: {
    name: "ru generated page",
    plain: "/__a11y/ru-long.html",
    search: "/__a11y/ru-long-search.html",
    html: false,
  },
};

/**
 * The page is in Russian: the viewer's root (and, on the site's page, <html>) says
 * lang="ru", its words are Russian, and axe's language rules ran and passed.
 */
async function checkRussian(page, ru, results) {
  equal(await page.$eval(".tv-root", (r) => r.getAttribute("lang")), "ru", "the viewer root's lang");
  if (ru.html) equal(await page.getAttribute("html", "lang"), "ru", "<html lang>");
  equal((await page.textContent(".tv-settings-toggle")).trim(), "Настройки отображения", "the settings toggle");
  for (const id of ["html-has-lang", "html-lang-valid", "valid-lang"]) {
    check(
      results.passes.includes(id),
      `axe's ${id} passes (it is ${results.inapplicable.includes(id) ? "inapplicable" : results.incomplete.includes(id) ? "incomplete" : "a violation or not run"})`,
    );
  }
}

/**
 * Scrolls every group of turns into view once, then back to the top. A group off screen
 * keeps a placeholder height (`content-visibility: auto`, www/viewer.css): 50em until it
 * has been seen, then its height when last seen (`contain-intrinsic-size: auto`). The
 * turns a check lays out in it can then run past it, which nobody can see: over the
 * host page's white, past the viewer's box (axe's contrast check read 1.19:1 in the dark
 * scheme on the generated page), or into the next group's turns (the text spacing check
 * found overlapping turn links, the forced spacing having made every group taller).
 */
async function seeEveryGroup(page) {
  await page.evaluate(async () => {
    const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    for (const group of document.querySelectorAll(".tv-turn-group")) {
      group.scrollIntoView({ block: "start" });
      await frame();
    }
    window.scrollTo(0, 0);
    await frame();
  });
}

/** Runs axe; fails on any violation or on checkRussian. */
async function axeRussian(page, ru) {
  await seeEveryGroup(page);
  const results = await axeResults(page);
  const { violations } = results;
  check(violations.length === 0, `${violations.length} violations:\n    ${describeViolations(violations)}`);
  await checkRussian(page, ru, results);
}

/** The search found matches and shows "1 из N". */
async function checkRussianSearch(page) {
  const status = await page.textContent(".tv-search-status");
  const total = /^1 из (\d+)$/.exec(status)?.[1];
  check(total >= 2, `the search status: got ${JSON.stringify(status)}, want "1 из N", N >= 2`);
}

/** The generated page: every speaker's counts, the hidden speaker's turns as markers. */
async function checkLongPage(page, hidden) {
  const stats = await page.$$eval(".tv-speaker-item", (items) =>
    items.map((li) => [li.dataset.speaker, li.querySelector(".tv-speaker-stats").textContent]),
  );
  equal(stats, RU_LONG_SPEAKERS.map((s) => [s.id, s.stats]), "the speakers' counts");
  check(stats.some(([id, text]) => id === "v-putin" && text === "71 реплика, 1\u00a0234 слова"), "1\u00a0234 слова, grouped with U+00A0");
  if (hidden) {
    const markers = await page.$$eval("button.tv-hidden-marker", (bs) => bs.map((b) => b.textContent.trim()));
    check(markers.length > 0, "the filter hides turns");
    const want = /^Скрыт[аоы] \d+ реплик[аи]?: Ольга Кузнецова$/;
    check(markers.every((m) => want.test(m)), `hidden-turn markers: ${JSON.stringify(markers.slice(0, 3))}`);
  }
}

for (const scheme of SCHEMES) {
  for (const size of SIZES) {
    test(`axe: ru site page, ${scheme} at ${size}%: search "${RU_QUERY}" with matches, then its one speaker hidden; settings open`, async (t) => {
      const ru = RU_PAGES.site;
      const page = await t.open({ path: ru.search, settings: { scheme, size, open: true } });
      await searchReady(page);
      equal(await rootSettings(page), { scheme, size, letter: "normal", line: "normal", word: "normal", font: "sans" }, "root attributes");
      check((await page.$$("form.tv-settings-panel input[type=radio]")).length >= 20, "the settings are open");
      await checkRussianSearch(page);
      await axeRussian(page, ru);
      // The filter on: the page's only speaker hidden, the search still on.
      await page.click(".tv-speaker-item[data-speaker=v-putin] .tv-speaker-toggle");
      await page.waitForSelector("button.tv-hidden-marker");
      equal((await page.textContent("button.tv-hidden-marker")).trim(), "Скрыта 1 реплика: В.Путин", "the hidden-turn marker");
      await axeRussian(page, ru);
    });
    test(`axe: ru generated page, ${scheme} at ${size}%: search "${RU_QUERY}" and speaker filter on, settings open`, async (t) => {
      const ru = RU_PAGES.long;
      const page = await t.open({ path: ru.search, settings: { scheme, size, open: true } });
      await searchReady(page);
      equal(await rootSettings(page), { scheme, size, letter: "normal", line: "normal", word: "normal", font: "sans" }, "root attributes");
      check((await page.$$("form.tv-settings-panel input[type=radio]")).length >= 20, "the settings are open");
      await checkRussianSearch(page);
      await checkLongPage(page, true);
      await axeRussian(page, ru);
    });
  }
}

test("axe: ru site page, the language checks catch no <html lang> and a bad lang (self-check)", async (t) => {
  const page = await t.open({ path: RU_PAGES.site.plain });
  await page.evaluate(() => {
    document.documentElement.removeAttribute("lang");
    document.querySelector(".tv-root").setAttribute("lang", "xx");
  });
  const results = await axeResults(page);
  equal(results.violations.map((v) => v.id).sort(), ["html-has-lang", "valid-lang"], "violations found");
  let caught = "";
  await checkRussian(page, RU_PAGES.site, results).catch((e) => (caught = e.message));
  equal(caught, 'the viewer root\'s lang: got "xx", want "ru"', "checkRussian");
});

for (const [key, ru] of Object.entries(RU_PAGES)) {
  const { name } = ru;
  for (const [what, options, bg] of [
    ["prefers-color-scheme: dark", { colorScheme: "dark" }, "#16181b"],
    ["prefers-contrast: more", { contrast: "more" }, "#ffffff"],
    ["prefers-contrast: more and dark", { colorScheme: "dark", contrast: "more" }, "#000000"],
  ]) {
    test(`axe: ${name}, the system scheme under ${what}, search on, settings open`, async (t) => {
      const page = await t.open({ path: ru.search, settings: { open: true }, context: options });
      await searchReady(page);
      equal(await rootProperty(page, "--tv-bg"), bg, "--tv-bg");
      await axeRussian(page, ru);
    });
  }

  test(`axe: ${name}, a first visit (nothing stored, settings collapsed)`, async (t) => {
    const page = await t.open({ path: ru.plain });
    equal(await page.getAttribute(".tv-settings-toggle", "aria-expanded"), "false", "aria-expanded");
    if (key === "long") await checkLongPage(page, false);
    await axeRussian(page, ru);
  });

  for (const [what, settings] of REFLOW_CASES) {
    test(`axe: ${name}, 320 CSS px wide ${what}, search on, settings open`, async (t) => {
      const page = await t.open({ path: ru.search, settings, viewport: NARROW });
      await searchReady(page);
      await axeRussian(page, ru);
    });
    test(`reflow: ${name}, 320 CSS px wide ${what}, no horizontal scrolling`, async (t) => {
      const page = await t.open({ path: ru.search, settings, viewport: NARROW });
      await searchReady(page);
      await checkReflow(page);
    });
  }

  for (const [what, viewport, settings] of SPACING_CASES) {
    test(`text spacing (1.4.12): ${name}, ${what}: nothing clipped, no controls overlap`, async (t) => {
      const page = await t.open({ path: ru.search, settings, viewport });
      await searchReady(page);
      await checkTextSpacing(page);
    });
  }
}

// ---- run ------------------------------------------------------------------------------------

const server = await serve(dist, {
  "/__a11y/text-spacing.css": ["text/css; charset=utf-8", TEXT_SPACING_CSS],
  "/__a11y/axe.min.js": ["text/javascript; charset=utf-8", AXE],
  "/__a11y/timed.html": ["text/html; charset=utf-8", TIMED_PAGE],
  "/__a11y/hearing.json": ["application/json", TIMED],
  "/__a11y/hearing.wav": ["audio/wav", silentWav(10)],
  "/__a11y/ru-long.json": ["application/json; charset=utf-8", Buffer.from(RU_LONG)],
  "/__a11y/ru-long.html": ["text/html; charset=utf-8", Buffer.from(ruLongPage(""))],
  "/__a11y/ru-long-search.html": ["text/html; charset=utf-8", Buffer.from(ruLongPage(` query="${RU_QUERY}" hidden-speakers="o-kuznetsova"`))],
});
const browser = await launch();
let passed = 0;
let failed = 0;
// A11Y_ONLY=text runs only the tests whose name contains it (for working on one).
const only = process.env.A11Y_ONLY;
for (const [i, { name, fn }] of tests.entries()) {
  if (only && !name.includes(only)) continue;
  const pages = [];
  const t = {
    open: async (options) => {
      const page = await openPage(browser, server.base, options);
      pages.push(page);
      return page;
    },
  };
  let error;
  try {
    await fn(t);
  } catch (e) {
    error = e;
  }
  const errors = pages.flatMap((page) => page.errors);
  if (!error && errors.length) {
    error = new Failure(`console or page errors:\n    ${errors.join("\n    ")}`);
  }
  for (const page of pages) await page.context().close().catch(() => {});
  if (error) {
    failed++;
    console.log(`not ok ${i + 1} - ${name}`);
    console.log(`    ${error instanceof Failure ? error.message : error.stack}`);
  } else {
    passed++;
    console.log(`ok ${i + 1} - ${name}`);
  }
}
await browser.close();
await server.close();
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
