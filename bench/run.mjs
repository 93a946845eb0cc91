#!/usr/bin/env node
// The viewer's benchmark (issue 7). Usually run by tools/bench.sh, which builds the
// release site, generates the 1 MB and 10 MB transcripts, converts them into
// DIST/transcripts/ and then runs:
//
//   node bench/run.mjs --dist DIST --small bench-1mb --large bench-10mb --strip bench-2mb \
//     --converter target/release/transcript2json --large-text bench-10mb.txt \
//     [--reps 20] [--large-reps 20] [--budget 15] [--markdown FILE] [--json FILE]
//     [--parse DIR]    # bench/parse's Wasm, built by wasm-bindgen --target web into DIR
//   node bench/run.mjs --report FILE.json    # the table again, from a run's --json
//
// Everything runs in one headless Chromium (the system's, driven by playwright-core)
// against DIST served from 127.0.0.1. See bench/README.md for what each figure means.
// Prints one markdown table on stdout (progress goes to stderr). Exits 0 whether or not
// targets are met; exits 1 when the benchmark itself breaks (a page error, a timeout, a
// count that does not add up).

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { cpuMonitor, launch, serve, sleep, summary, thousands } from "./lib.mjs";
import { LIBRARY_OPTIONS, staticPage } from "./static-page.mjs";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const PROBE = fs.readFileSync(path.join(HERE, "probe.js"), "utf8");

// --- arguments -------------------------------------------------------------------------
const args = { reps: 20, "large-reps": 20, small: "bench-1mb", large: "bench-10mb", budget: 15 };
for (let i = 2; i < process.argv.length; i += 2) {
  const key = process.argv[i].replace(/^--/, "");
  if (!process.argv[i].startsWith("--") || process.argv[i + 1] === undefined) {
    console.error(`usage: see the top of ${path.relative(process.cwd(), fileURLToPath(import.meta.url))}`);
    process.exit(2);
  }
  args[key] = process.argv[i + 1];
}
const REPS = Number(args.reps);
const LARGE_REPS = Number(args["large-reps"]);
/** Each measure stops repeating once it has used this much time (and has MIN_REPS). */
const BUDGET_MS = Number(args.budget) * 1000;
const MIN_REPS = 3;
const DIST = path.resolve(args.dist ?? "dist");
const log = (...m) => console.error("bench:", ...m);

/** The searches: on the generated text (src/bin/gen-transcript.rs) "of" is the word with
 * the count nearest 3,000 per MB (every other word of its vocabulary has ~1,900 or
 * ~2,400, so none is nearer); the phrase has a no-break space after "of". */
const QUERIES = [
  { key: "rare", label: "rare phrase", query: "investment of measures" },
  { key: "many", label: "~3,000 matches", query: "of" },
  { key: "letter", label: "one letter", query: "a" },
];
const TIMEOUT = 180_000;
const TURN = ".tv-turns section p, section.tv-turn p";
const SEARCH_INPUT = '[role="search"] input';

const readJson = (file) => JSON.parse(fs.readFileSync(file, "utf8"));
const transcriptFile = (id) => path.join(DIST, "transcripts", `${id}.json`);
for (const id of args.report ? [] : [args.small, args.large, args.strip].filter(Boolean)) {
  if (!fs.existsSync(transcriptFile(id))) {
    console.error(`bench: no ${transcriptFile(id)} (tools/bench.sh generates it)`);
    process.exit(1);
  }
}
const versionOf = (pkg) => readJson(require.resolve(`${pkg}/package.json`)).version;
const LIBS = [
  { key: "markjs", name: `mark.js ${versionOf("mark.js")}`, file: require.resolve("mark.js/dist/mark.min.js") },
  {
    key: "advanced",
    name: `advanced-mark.js ${versionOf("advanced-mark.js")}`,
    file: require.resolve("advanced-mark.js/dist/mark.min.js"),
  },
];

// --- the server ------------------------------------------------------------------------
const FLOOR_PAGE = `<!doctype html><html lang="en"><meta charset="utf-8"><title>floor</title>
<link rel="icon" href="data:,"><div role="search"><input aria-label="Search">
<p role="status"></p></div><button type="button" aria-pressed="true">Toggle</button><script>
const input = document.querySelector("input"), status = document.querySelector("p");
input.addEventListener("input", () => { status.textContent = input.value ? "1 of 1" : ""; });
const button = document.querySelector("button");
button.addEventListener("click", () => {
  button.setAttribute("aria-pressed", String(button.getAttribute("aria-pressed") !== "true"));
});
</script>`;
// The page floor's "library": the static page as it is, a handler that searches nothing
// and marks nothing, and writes "0 matches". A keystroke there costs the input, the
// status line and this page's frame: what any highlighter on this page pays at least.
const NOOP_LIB = "class Mark { unmark(o) { if (o && o.done) o.done(); } mark(q, o) { if (o && o.done) o.done(0); } }";
const PARSE_PAGE = `<!doctype html><html lang="en"><meta charset="utf-8"><title>parse</title>
<link rel="icon" href="data:,">`;
const staticPages = new Map();
const routes = (pathname) => {
  if (pathname === "/bench/floor.html") return ["text/html; charset=utf-8", FLOOR_PAGE];
  if (pathname === "/bench/lib/none.js") return ["text/javascript; charset=utf-8", NOOP_LIB];
  // Takes the who-spoke-when strip out of the layout (a stylesheet: the site's CSP
  // allows no inline style).
  if (pathname === "/bench/no-strip.css") return ["text/css; charset=utf-8", ".tv-root .tv-strip { display: none !important; }"];
  const lib = LIBS.find((l) => pathname === `/bench/lib/${l.key}.js`);
  if (lib) return ["text/javascript; charset=utf-8", fs.readFileSync(lib.file)];
  if (pathname === "/bench/parse.html") return ["text/html; charset=utf-8", PARSE_PAGE];
  const parse = pathname.match(/^\/bench\/parse\/([\w./-]+\.(js|wasm))$/);
  if (parse && args.parse && !parse[1].includes("..")) {
    const file = path.join(path.resolve(args.parse), parse[1]);
    if (fs.existsSync(file)) {
      return [parse[2] === "js" ? "text/javascript; charset=utf-8" : "application/wasm", fs.readFileSync(file)];
    }
  }
  const m = pathname.match(/^\/bench\/static\/([\w-]+)\/(\w+)\.html$/);
  if (m) {
    const key = `${m[1]}/${m[2]}`;
    if (!staticPages.has(key)) {
      staticPages.set(key, staticPage(readJson(transcriptFile(m[1])), `/bench/lib/${m[2]}.js`));
    }
    return ["text/html; charset=utf-8", staticPages.get(key)];
  }
  return null;
};

// --- pages -----------------------------------------------------------------------------
const problems = [];
async function newPage(browser, config) {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    colorScheme: "light",
    // Instant scrolling: "next match" is timed until the match is in view, not to the
    // end of a smooth-scroll animation.
    reducedMotion: "reduce",
  });
  if (config) await context.addInitScript((c) => (window.__benchConfig = c), config);
  await context.addInitScript({ content: PROBE });
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  page.on("pageerror", (e) => problems.push(`page error on ${page.url()}: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console error on ${page.url()}: ${m.text()}`);
  });
  page.on("requestfailed", (r) => problems.push(`request failed: ${r.url()}`));
  return page;
}
const closePage = (page) => page.context().close();

/** Waits (without timing) until `fn(arg)` holds in the page. */
const until = (page, fn, arg, timeout = TIMEOUT) => page.waitForFunction(fn, arg, { timeout, polling: 20 });

/**
 * A pause between repetitions: two painted frames, then 50 ms without any. (Chromium
 * starts a frame at once when it has been idle, but not within ~16.7 ms of the last
 * one: input sent right after a frame would wait for the next.)
 */
const quiet = (page) =>
  page.evaluate(async () => {
    await __bench.afterPaint();
    await __bench.afterPaint();
    await new Promise((r) => setTimeout(r, 50));
  });

/**
 * `fn(i)` `reps` times, or fewer (but at least MIN_REPS) when the measure's time budget
 * runs out: the slowest measures would otherwise take many minutes. The table marks a
 * measure that stopped early.
 */
async function repeat(reps, fn, budget = BUDGET_MS) {
  const runs = [];
  const start = Date.now();
  for (let i = 0; i < reps; i++) {
    if (i >= MIN_REPS && Date.now() - start > budget) break;
    runs.push(await fn(i));
  }
  return runs;
}

/**
 * Readies a click as a person makes one and returns its release, the action to time
 * (`timed` starts at the click event, which the release fires): the pointer moves onto
 * `locator` and rests there, the button goes down, and the page settles after each. A
 * `locator.click()` moves the pointer, presses and releases in one instant instead, and
 * Chromium then produced the next frame 10-15 ms after the click even on a bare page
 * with a button (against 1-2 ms with the pointer already there): a cost of the
 * harness's pointer jump, not of the page, that no person's click has.
 */
async function readyClick(page, locator) {
  await locator.hover();
  await quiet(page);
  await page.mouse.down();
  await quiet(page);
  return () => page.mouse.up();
}

/** Times one interaction: arm the probe, send the trusted input, await the probe. */
async function timed(page, spec, act) {
  await page.evaluate((s) => __bench.arm(s), { timeout: TIMEOUT, ...spec });
  await act();
  return page.evaluate(() => __bench.settle());
}

async function clearSearch(page) {
  await page.locator(SEARCH_INPUT).first().fill("");
  await until(page, () => {
    const h = __bench.highlights();
    return __bench.statusText() === "" && h.marks === 0 && h.highlights + h.current === 0;
  });
}

/**
 * Searches `query` `reps` times, each from an empty box: one trusted input event inserts
 * the whole query (CDP Input.insertText, as a paste or an input method does), timed from
 * that event until the status matches `status` (its first group is the number of
 * matches, n) and all n matches are highlighted, painted. No warm-up: the first
 * repetition is timed too (the median is what counts).
 */
async function searchReps(page, query, reps, status) {
  const input = page.locator(SEARCH_INPUT).first();
  const runs = await repeat(reps, async () => {
    await clearSearch(page);
    await input.focus();
    await quiet(page);
    return timed(
      page,
      { start: ["beforeinput", "input"], ready: { statusPattern: status }, check: { matchesInStatus: status, query } },
      () => page.keyboard.insertText(query),
    );
  });
  const mode = await page.evaluate(() => __bench.highlights().mode);
  await clearSearch(page);
  const counts = [...new Set(runs.map((r) => Number(r.status.match(new RegExp(status))[1])))];
  if (counts.length !== 1) problems.push(`"${query}" on ${page.url()}: different counts ${counts}`);
  return { count: counts[0], mode, runs };
}

const ourSearch = (page, q, reps) => searchReps(page, q, reps, "^1 of (\\d+)$");
const theirSearch = (page, q, reps) => searchReps(page, q, reps, "^(\\d+) matches$");

/** Enter in the search box `reps` times, from "1 of n": the next match painted and in view. */
async function nextReps(page, query, reps) {
  const input = page.locator(SEARCH_INPUT).first();
  await clearSearch(page);
  await input.focus();
  await page.keyboard.insertText(query);
  await until(page, () => /^1 of \d+$/.test(__bench.statusText()));
  const n = Number((await page.evaluate(() => __bench.statusText())).match(/of (\d+)/)[1]);
  const runs = await repeat(reps, async (i) => {
    await quiet(page);
    return timed(
      page,
      { start: "keydown", ready: { status: `${((i + 1) % n) + 1} of ${n}` }, check: { currentInView: true } },
      () => page.keyboard.press("Enter"),
    );
  });
  await clearSearch(page);
  return { count: n, runs };
}

/** Hides and shows again the speaker with the most turns, `reps` times each (no search). */
async function toggleReps(page, transcript, reps) {
  const turns = new Map();
  for (const t of transcript.turns) if (t.speaker) turns.set(t.speaker, (turns.get(t.speaker) ?? 0) + 1);
  const [id, count] = [...turns].sort((a, b) => b[1] - a[1])[0];
  const selector = `.tv-speaker-item[data-speaker="${id}"] button[aria-pressed], [data-speaker="${id}"] > button[aria-pressed]`;
  // The viewer's speaker panel starts closed (not timed: a reader opens it once).
  const panel = page.locator("button.tv-speakers-toggle[aria-expanded=false]");
  if (await panel.count()) await panel.first().click();
  const button = page.locator(selector).first();
  const once = async (shown) =>
    timed(
      page,
      {
        start: "click",
        ready: { selector, attribute: "aria-pressed", value: String(shown) },
        check: { speaker: { id, shown, turns: count } },
      },
      await readyClick(page, button),
    );
  const pairs = await repeat(reps, async () => [await once(false), await once(true)]);
  const hide = pairs.map((p) => p[0]);
  const show = pairs.map((p) => p[1]);
  const name = transcript.speakers.find((s) => s.id === id)?.name ?? id;
  return { speaker: name, turns: count, hide, show };
}

/** One cold load of `url` in a new context: FCP, transcript painted, interactive, long tasks. */
async function loadOnce(browser, url, { query } = {}) {
  const page = await newPage(browser, { load: { turn: TURN, query } });
  await page.goto(url, { waitUntil: "commit" });
  await until(page, () => __bench.load.done);
  // Let the long-task observer report the last task, then read everything.
  await sleep(300);
  const r = await page.evaluate(() => ({
    ...__bench.load,
    fcp: __bench.paints["first-contentful-paint"],
    fp: __bench.paints["first-paint"],
    longTasks: __bench.longTasks,
  }));
  if (r.error) throw new Error(`${url}: ${r.error}`);
  let memory = null;
  if (!query) {
    // A pre-rendered page is painted before its Wasm starts: memory is read once it has.
    await until(page, () => !!__bench.wasm);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("HeapProfiler.collectGarbage");
    const { usedSize } = await cdp.send("Runtime.getHeapUsage");
    memory = { jsHeap: usedSize, wasm: await page.evaluate(() => __bench.wasmMemoryBytes()) };
  }
  await closePage(page);
  const firstPaint = r.fp ?? r.fcp;
  const after = r.longTasks.filter((t) => t.start >= firstPaint);
  return {
    fcp: r.fcp,
    transcriptPainted: r.transcriptPainted,
    interactive: r.interactive,
    attempts: r.attempts,
    longTaskMax: after.length ? Math.max(...after.map((t) => t.duration)) : 0,
    longTasksOver200: after.filter((t) => t.duration > 200).length,
    longTasksOver50: after.length,
    memory,
  };
}

async function loadReps(browser, base, id, reps, memoryReps) {
  // One load gives four figures (FCP, transcript painted, interactive, long tasks): it
  // gets the budget of three measures.
  const query = QUERIES[0].query;
  const loads = await repeat(reps, () => loadOnce(browser, `${base}/${id}/`, { query }), 3 * BUDGET_MS);
  const memory = [];
  for (let i = 0; i < memoryReps; i++) {
    memory.push((await loadOnce(browser, `${base}/${id}/`)).memory);
  }
  return { loads, memory };
}

/** Every interaction on one loaded page of transcript `id`. */
async function interactions(browser, base, id, reps) {
  const transcript = readJson(transcriptFile(id));
  const page = await newPage(browser);
  await page.goto(`${base}/${id}/`);
  await until(page, (sel) => document.querySelector(sel), TURN);
  await quiet(page);
  const toggle = await toggleReps(page, transcript, reps);
  const search = {};
  for (const q of QUERIES) {
    log(`  ${id}: "${q.query}"`);
    search[q.key] = await ourSearch(page, q.query, reps);
  }
  const next = await nextReps(page, "of", reps);
  await closePage(page);
  return { toggle, search, next };
}

/**
 * The who-spoke-when strip on transcript `id`'s page (src/components/strip.rs).
 *
 * Drawing: in a trace of a fresh load, the viewer's `tv-strip-draw` User Timing measure
 * (from the render of the strip's runs, placed from the turns' word counts, to right
 * after their nodes are in the page), and the main-thread task in which the runs enter
 * the page (a MutationObserver on the strip's `<svg>`, there from the pre-rendered
 * markup, marks it with `performance.mark`): Yew's scheduler runs the strip's renders
 * in the same task as whatever else is queued then (on a long transcript, the turn
 * list's groups waking up). Beside them, the longest task of the same load: the
 * hydration, which renders the whole transcript.
 *
 * Search: the "of" keystroke → highlights painted, `reps` times with the strip shown and
 * `reps` times on the same page with it `display: none` (a stylesheet): what the ticks
 * cost the browser (style, layout, paint). The Wasm side of the ticks runs in both.
 */
async function stripReps(browser, base, id, reps) {
  const draws = await repeat(reps, async () => {
    const page = await newPage(browser);
    await page.addInitScript(() => {
      document.addEventListener("DOMContentLoaded", () => {
        const svg = document.querySelector(".tv-strip-svg");
        const target = svg ?? document.documentElement;
        const observer = new MutationObserver(() => {
          if (document.querySelector(".tv-strip-runs")) {
            performance.mark("tv-strip-drawn");
            observer.disconnect();
          }
        });
        observer.observe(target, { childList: true, subtree: !svg });
      });
    });
    const cdp = await page.context().newCDPSession(page);
    const events = [];
    cdp.on("Tracing.dataCollected", (d) => events.push(...d.value));
    const complete = new Promise((resolve) => cdp.once("Tracing.tracingComplete", resolve));
    await cdp.send("Tracing.start", { categories: "toplevel,devtools.timeline,disabled-by-default-devtools.timeline,blink.user_timing", transferMode: "ReportEvents" });
    await page.goto(`${base}/${id}/`);
    await until(page, () => performance.getEntriesByName("tv-strip-drawn").length > 0);
    await sleep(200);
    await cdp.send("Tracing.end");
    await complete;
    const shape = await page.evaluate(() => ({
      turns: Number(document.querySelector(".tv-strip-slider").getAttribute("aria-valuemax")),
      // One rectangle per run, in the paths of the colours' layers.
      runs: [...document.querySelectorAll(".tv-strip-svg .tv-strip-layer")].reduce(
        (n, p) => n + (p.getAttribute("d").match(/M/g) ?? []).length,
        0,
      ),
    }));
    await closePage(page);
    // The mark is made on the page's main thread: its tasks are that thread's.
    const mark = events.find((e) => e.name === "tv-strip-drawn");
    const tasks = events.filter((e) => e.ph === "X" && e.name === "RunTask" && e.dur && mark && e.pid === mark.pid && e.tid === mark.tid);
    const task = tasks.find((t) => t.ts <= mark.ts && mark.ts <= t.ts + t.dur);
    if (!task) throw new Error(`${id}: no task holds the strip's drawing in the trace`);
    const longest = Math.max(...tasks.map((t) => t.dur));
    // The strip's own drawing: the viewer's User Timing measure (src/components/strip.rs,
    // DRAW_MARK), from its runs' render to right after their nodes are in the page.
    const measure = events.find((e) => e.name === "tv-strip-draw" && e.ph === "b");
    const measureEnd = events.find((e) => e.name === "tv-strip-draw" && e.ph === "e");
    if (!measure || !measureEnd) throw new Error(`${id}: no tv-strip-draw measure in the trace`);
    return { own: (measureEnd.ts - measure.ts) / 1000, strip: task.dur / 1000, longest: longest / 1000, ...shape };
  });
  const page = await newPage(browser);
  await page.goto(`${base}/${id}/`);
  await until(page, () => document.querySelector(".tv-strip-layer"));
  await quiet(page);
  const shown = await ourSearch(page, QUERIES[1].query, reps);
  await page.addStyleTag({ url: "/bench/no-strip.css" });
  await until(page, () => !document.querySelector(".tv-strip").getClientRects().length);
  const hidden = await ourSearch(page, QUERIES[1].query, reps);
  await closePage(page);
  return { draws, shown, hidden };
}

async function libraryReps(browser, base, id, reps) {
  const out = {};
  for (const lib of LIBS) {
    const page = await newPage(browser);
    await page.goto(`${base}/bench/static/${id}/${lib.key}.html`);
    await until(page, (sel) => document.querySelector(sel), TURN);
    await quiet(page);
    out[lib.key] = {};
    for (const q of QUERIES) {
      log(`  ${lib.name}: "${q.query}"`);
      out[lib.key][q.key] = await theirSearch(page, q.query, reps);
    }
    await closePage(page);
  }
  return out;
}

async function floorReps(browser, base, reps) {
  const page = await newPage(browser);
  await page.goto(`${base}/bench/floor.html`);
  await page.locator("input").focus();
  const runs = await repeat(reps, async () => {
    await page.locator("input").fill("");
    await quiet(page);
    return timed(page, { start: ["beforeinput", "input"], ready: { status: "1 of 1" } }, () =>
      page.keyboard.insertText("x"),
    );
  });
  await closePage(page);
  return runs;
}

/** The "of" keystroke on the static page of transcript `id` whose library marks nothing. */
async function pageFloorReps(browser, base, id, reps) {
  const page = await newPage(browser);
  await page.goto(`${base}/bench/static/${id}/none.html`);
  await until(page, (sel) => document.querySelector(sel), TURN);
  await quiet(page);
  const input = page.locator(SEARCH_INPUT).first();
  const runs = await repeat(reps, async () => {
    await clearSearch(page);
    await input.focus();
    await quiet(page);
    return timed(page, { start: ["beforeinput", "input"], ready: { status: "0 matches" } }, () =>
      page.keyboard.insertText(QUERIES[1].query),
    );
  });
  await closePage(page);
  return runs;
}

/** The same for a click (as a speaker toggle is timed): a bare button's `aria-pressed`. */
async function clickFloorReps(browser, base, reps) {
  const page = await newPage(browser);
  await page.goto(`${base}/bench/floor.html`);
  const button = page.locator("button");
  const runs = await repeat(reps, async (i) => {
    const value = String(i % 2 === 1);
    return timed(
      page,
      { start: "click", ready: { selector: "button", attribute: "aria-pressed", value } },
      await readyClick(page, button),
    );
  });
  await closePage(page);
  return runs;
}

/**
 * Reads transcript `id`'s JSON into the viewer's `Transcript` in the Wasm `reps` times
 * each way (bench/parse): serde_json on the text (the viewer's way: `read_text`, the
 * string copied in) and `JSON.parse` + serde-wasm-bindgen (`read_value`), alternating
 * which goes first, a 20 ms pause before each. The text is fetched once, untimed.
 */
async function parseReps(browser, base, id, reps) {
  const page = await newPage(browser);
  await page.goto(`${base}/bench/parse.html`);
  const r = await page.evaluate(
    async ({ id, reps }) => {
      const wasm = await import("/bench/parse/bench_parse.js");
      await wasm.default();
      const text = await (await fetch(`/transcripts/${id}.json`)).text();
      const pause = () => new Promise((done) => setTimeout(done, 20));
      const out = { text: [], value: [], jsonParse: [], turns: new Set() };
      const viaText = () => {
        const t0 = performance.now();
        out.turns.add(wasm.read_text(text));
        out.text.push(performance.now() - t0);
      };
      const viaValue = () => {
        const t0 = performance.now();
        const value = JSON.parse(text);
        const t1 = performance.now();
        out.turns.add(wasm.read_value(value));
        out.value.push(performance.now() - t0);
        out.jsonParse.push(t1 - t0);
      };
      for (let i = 0; i < reps; i++) {
        for (const way of i % 2 ? [viaValue, viaText] : [viaText, viaValue]) {
          await pause();
          way();
        }
      }
      return { ...out, turns: [...out.turns] };
    },
    { id, reps },
  );
  await closePage(page);
  if (r.turns.length !== 1) problems.push(`reading ${id}: the two ways found different turns: ${r.turns}`);
  return r;
}

/** What the site's page loads (not the transcripts): raw and gzip -9 bytes per kind. */
async function transferSizes(browser, server) {
  server.log.length = 0;
  const page = await newPage(browser, { load: { turn: TURN } });
  await page.goto(`${server.base}/`, { waitUntil: "load" });
  await until(page, () => __bench.load.done);
  await sleep(500);
  await closePage(page);
  const files = new Map();
  for (const entry of server.log) {
    if (entry.status !== 200 || entry.path.startsWith("/transcripts/") || entry.path.startsWith("/bench/")) continue;
    const rel = entry.path.endsWith("/") ? entry.path + "index.html" : entry.path;
    const ext = path.extname(rel).toLowerCase();
    const kind =
      ext === ".wasm" ? "wasm" : ext === ".js" || ext === ".mjs" ? "JS" : ext === ".css" ? "CSS" : ext === ".html" ? "HTML" : "other";
    const body = fs.readFileSync(path.join(DIST, rel));
    files.set(rel, { kind, raw: body.length, gzip: zlib.gzipSync(body, { level: 9 }).length });
  }
  const byKind = {};
  for (const [file, f] of files) {
    byKind[f.kind] ??= { raw: 0, gzip: 0, files: [] };
    byKind[f.kind].raw += f.raw;
    byKind[f.kind].gzip += f.gzip;
    byKind[f.kind].files.push(file);
  }
  return byKind;
}

/** transcript2json on the large text, `runs` times (after one untimed run): MB/s. */
function converterThroughput(converter, text, runs) {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "bench-convert-"));
  const bytes = fs.statSync(text).size;
  const once = () => {
    const start = process.hrtime.bigint();
    const r = spawnSync(converter, ["-q", "-o", out, text], { stdio: ["ignore", "ignore", "pipe"] });
    const secs = Number(process.hrtime.bigint() - start) / 1e9;
    if (r.status !== 0) throw new Error(`${converter} failed (${r.status}): ${r.stderr}`);
    return secs;
  };
  once();
  const rates = [];
  for (let i = 0; i < runs; i++) rates.push(bytes / 1e6 / once());
  fs.rmSync(out, { recursive: true, force: true });
  return { bytes, rates };
}

// --- the table -------------------------------------------------------------------------
const ms = (v) => (v === undefined || v === null || Number.isNaN(v) ? "–" : `${v.toFixed(1)} ms`);
const kb = (v) => `${(v / 1000).toFixed(1)} KB`;
const mib = (v) => `${(v / 1048576).toFixed(1)} MiB`;
const rows = [];
let stopped = false;
const verdict = (pass) => (pass === null || pass === undefined ? "" : pass ? "✓" : "✗");
/**
 * A row of timings in ms (`values`), with the median time until the DOM was updated
 * (`dom`) when known; `target` { text, test(summary) }.
 */
function timingRow(what, values, target = null, { asked = results.reps, dom = null } = {}) {
  const s = summary(values);
  if (s.n < asked) stopped = true;
  rows.push({
    what,
    n: s.n < asked ? `${s.n}*` : String(s.n),
    median: ms(s.median),
    spread: `${ms(s.p10)} – ${ms(s.p90)}`,
    max: ms(s.max),
    dom: dom ? ms(summary(dom).median) : "",
    target: target ? target.text : "",
    pass: target ? target.test(s) : null,
  });
  return s;
}
/** A row for timed interactions (probe results). */
const interactionRow = (what, runs, target = null, asked = results.reps) =>
  timingRow(
    what,
    runs.map((r) => r.painted),
    target,
    { asked, dom: runs.map((r) => r.dom) },
  );
function valueRow(what, { n = "", median = "", spread = "", max = "", target = "", pass = null }) {
  rows.push({ what, n: String(n), median, spread, max, dom: "", target, pass });
}
const memRow = (what, values) => {
  const s = summary(values);
  valueRow(what, { n: s.n, median: mib(s.median), spread: `${mib(s.min)} – ${mib(s.max)}`, max: mib(s.max) });
};
const medianAtMost = (limit) => ({ text: `median ≤ ${limit} ms`, test: (s) => s.median <= limit });
const maxBelow = (limit) => ({ text: `max < ${limit} ms`, test: (s) => s.max < limit });

function table() {
  const head = [
    "| Measure | n | Median | p10 – p90 | Max | DOM updated (median) | Target | ✓/✗ |",
    "|---|--:|--:|--:|--:|--:|---|:-:|",
  ];
  const lines = rows.map(
    (r) => `| ${r.what} | ${r.n} | ${r.median} | ${r.spread} | ${r.max} | ${r.dom} | ${r.target} | ${verdict(r.pass)} |`,
  );
  return [...head, ...lines].join("\n");
}

// --- main --------------------------------------------------------------------------------
/** Runs every phase; the results (every repetition) as one object. */
async function runAll() {
  const started = Date.now();
  const cpuUse = cpuMonitor();
  const loadSamples = [os.loadavg()[0]];
  const sampler = setInterval(() => loadSamples.push(os.loadavg()[0]), 5000);
  const results = {
    date: new Date().toISOString(),
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model?.trim() ?? "CPU"}`,
    reps: REPS,
    largeReps: LARGE_REPS,
    budgetSeconds: BUDGET_MS / 1000,
    minReps: MIN_REPS,
    queries: QUERIES,
    jsonBytes: { small: fs.statSync(transcriptFile(args.small)).size, large: fs.statSync(transcriptFile(args.large)).size },
  };
  let browser;
  let server;
  try {
    if (args.converter && args["large-text"]) {
      log("converter throughput");
      results.converter = converterThroughput(
        path.resolve(args.converter),
        path.resolve(args["large-text"]),
        Math.max(5, Math.min(REPS, 9)),
      );
    }
    server = await serve(DIST, routes);
    browser = await launch();
    results.browser = `Chromium ${browser.version()}`;
    log(`${results.browser}, ${server.base}, ${REPS} repetitions (${LARGE_REPS} on ${args.large}), budget ${BUDGET_MS / 1000} s per measure`);

    log("transfer sizes");
    results.sizes = await transferSizes(browser, server);
    log("floor: a bare input");
    results.floor = await floorReps(browser, server.base, REPS);
    log("floor: a bare button");
    results.clickFloor = await clickFloorReps(browser, server.base, REPS);

    if (args.strip) {
      log(`${args.strip}: the who-spoke-when strip`);
      results.strip = { id: args.strip, ...(await stripReps(browser, server.base, args.strip, REPS)) };
    }
    log(`${args.small}: loads`);
    results.small = await loadReps(browser, server.base, args.small, REPS, 3);
    log(`${args.small}: interactions`);
    Object.assign(results.small, await interactions(browser, server.base, args.small, REPS));
    log(`${args.small}: ${LIBS.map((l) => l.name).join(", ")}`);
    results.libs = await libraryReps(browser, server.base, args.small, REPS);
    log(`${args.small}: the static page's floor`);
    results.pageFloor = await pageFloorReps(browser, server.base, args.small, REPS);

    if (args.parse) {
      log("reading the JSON: serde_json, serde-wasm-bindgen");
      results.parse = {};
      for (const [key, id] of [["small", args.small], ["large", args.large]]) {
        results.parse[key] = await parseReps(browser, server.base, id, key === "small" ? REPS : LARGE_REPS);
      }
    }
    log(`${args.large}: loads`);
    results.large = await loadReps(browser, server.base, args.large, LARGE_REPS, 1);
    log(`${args.large}: interactions`);
    Object.assign(results.large, await interactions(browser, server.base, args.large, LARGE_REPS));
  } catch (e) {
    problems.push(`the benchmark broke: ${e.stack ?? e}`);
  } finally {
    clearInterval(sampler);
    results.cpu = cpuUse.stop();
    if (browser) await browser.close().catch(() => {});
    if (server) await server.close();
    loadSamples.push(os.loadavg()[0]);
  }
  results.seconds = (Date.now() - started) / 1000;
  results.loadAverage = loadSamples;
  results.problems = problems;
  return results;
}

const results = args.report ? readJson(args.report) : await runAll();
if (args.report) problems.push(...(results.problems ?? []));

// Counts must agree, or the comparison compares different work.
const S = results.small;
if (S?.search && results.libs) {
  for (const q of QUERIES) {
    for (const lib of LIBS) {
      const theirs = results.libs[lib.key]?.[q.key]?.count;
      if (theirs !== undefined && theirs !== S.search[q.key]?.count) {
        problems.push(`"${q.query}": the viewer finds ${S.search[q.key]?.count}, ${lib.name} ${theirs}`);
      }
    }
  }
}

if (args.json && !args.report) fs.writeFileSync(args.json, JSON.stringify(results, null, 1));
if (problems.length) {
  for (const p of problems) console.error(`bench: ERROR: ${p}`);
  process.exit(1);
}

// --- rows, in the order of the issue ---------------------------------------------------
const s1 = "1 MB";
const s10 = "10 MB";
interactionRow("harness floor · keystroke → painted, a bare `<input>` without the app", results.floor);
if (results.clickFloor) interactionRow("harness floor · click → painted, a bare `<button>` without the app", results.clickFloor);
if (results.pageFloor) {
  interactionRow(
    `harness floor · keystroke → painted, “${QUERIES[1].query}” on the ${s1} static page, whose handler only writes the status (no search)`,
    results.pageFloor,
  );
}

const oursMedian = {};
for (const q of QUERIES) {
  const r = S.search[q.key];
  oursMedian[q.key] = interactionRow(
    `${s1} · keystroke → highlights painted · “${q.query}” (${thousands(r.count)} matches)`,
    r.runs,
    q.key === "many" ? medianAtMost(16) : null,
  ).median;
}
interactionRow(
  `${s1} · speaker toggle → painted · hide ${S.toggle.speaker} (${S.toggle.turns} turns)`,
  S.toggle.hide,
  medianAtMost(16),
);
interactionRow(`${s1} · speaker toggle → painted · show ${S.toggle.speaker} again`, S.toggle.show, medianAtMost(16));
interactionRow(`${s1} · next match (Enter) → current match painted and in view`, S.next.runs, medianAtMost(16));
timingRow(`${s1} · load → first contentful paint`, S.loads.map((l) => l.fcp));
timingRow(`${s1} · load → transcript painted`, S.loads.map((l) => l.transcriptPainted));
timingRow(`${s1} · load → interactive (a search answered and painted)`, S.loads.map((l) => l.interactive));
timingRow(`${s1} · load → longest task after first paint`, S.loads.map((l) => l.longTaskMax));
memRow(`${s1} · JS heap after load (after a GC)`, S.memory.map((m) => m.jsHeap));
memRow(`${s1} · Wasm memory after load`, S.memory.map((m) => m.wasm));

const St = results.strip;
if (St) {
  const { turns, runs } = St.draws[0];
  timingRow(
    `${St.id} · who-spoke-when strip · its drawing on load: every turn placed and drawn (${thousands(turns)} turns, ${thousands(runs)} runs; the \`tv-strip-draw\` measure)`,
    St.draws.map((d) => d.own),
    medianAtMost(5),
  );
  const draw = timingRow(
    `${St.id} · the task it lands in (with the scheduler's other work of that task: the turn list waking up)`,
    St.draws.map((d) => d.strip),
  );
  const longest = timingRow(
    `${St.id} · the same loads' longest task (the hydration: the whole transcript's render)`,
    St.draws.map((d) => d.longest),
  );
  valueRow(`${St.id} · strip ÷ hydration (medians)`, {
    median: (draw.median / longest.median).toFixed(2),
    spread: `the strip ${(longest.median / draw.median).toFixed(1)}× shorter`,
  });
  const shown = interactionRow(
    `${St.id} · keystroke → highlights painted · “${QUERIES[1].query}” (${thousands(St.shown.count)} matches), the strip's ticks shown`,
    St.shown.runs,
  );
  const hidden = interactionRow(
    `${St.id} · the same, the strip \`display: none\` (no ticks to style, lay out, paint)`,
    St.hidden.runs,
  );
  valueRow(`${St.id} · shown ÷ not shown (medians)`, {
    median: (shown.median / hidden.median).toFixed(2),
    spread: `the ticks' share ≈ ${ms(shown.median - hidden.median)}`,
  });
}

for (const lib of LIBS) {
  for (const q of QUERIES) {
    const r = results.libs[lib.key][q.key];
    const theirs = interactionRow(
      `${s1} · ${lib.name}, static HTML · keystroke → highlights painted · “${q.query}”`,
      r.runs,
    ).median;
    const faster = theirs / oursMedian[q.key];
    const want = q.key === "many" ? (lib.key === "markjs" ? 10 : 3) : null;
    valueRow(`${s1} · ours ÷ ${lib.name} · “${q.query}” (medians)`, {
      median: `${(oursMedian[q.key] / theirs).toFixed(2)}`,
      spread: faster >= 1 ? `ours ${faster.toFixed(2)}× faster` : `ours ${(1 / faster).toFixed(2)}× slower`,
      target: want ? `ours ≥ ${want}× faster (≤ ${(1 / want).toFixed(2)})` : "",
      pass: want ? faster >= want : null,
    });
  }
}

const L = results.large;
const LR = results.largeReps;
timingRow(`${s10} · load → first contentful paint`, L.loads.map((l) => l.fcp), null, { asked: LR });
timingRow(`${s10} · load → transcript painted`, L.loads.map((l) => l.transcriptPainted), null, { asked: LR });
timingRow(`${s10} · load → interactive (a search answered and painted)`, L.loads.map((l) => l.interactive), null, {
  asked: LR,
});
timingRow(
  `${s10} · load → longest task after first paint`,
  L.loads.map((l) => l.longTaskMax),
  { text: "max ≤ 200 ms", test: (s) => s.max <= 200 },
  { asked: LR },
);
valueRow(`${s10} · load → tasks over 200 ms after first paint, per load`, {
  n: L.loads.length,
  median: String(summary(L.loads.map((l) => l.longTasksOver200)).median),
  max: String(Math.max(...L.loads.map((l) => l.longTasksOver200))),
});
memRow(`${s10} · JS heap after load (after a GC)`, L.memory.map((m) => m.jsHeap));
memRow(`${s10} · Wasm memory after load`, L.memory.map((m) => m.wasm));
for (const q of QUERIES) {
  const r = L.search[q.key];
  interactionRow(
    `${s10} · keystroke → highlights painted · “${q.query}” (${thousands(r.count)} matches)`,
    r.runs,
    maxBelow(100),
    LR,
  );
}
interactionRow(`${s10} · speaker toggle → painted · hide ${L.toggle.speaker} (${L.toggle.turns} turns)`, L.toggle.hide, maxBelow(100), LR);
interactionRow(`${s10} · speaker toggle → painted · show again`, L.toggle.show, maxBelow(100), LR);
interactionRow(`${s10} · next match (Enter) → current match painted and in view`, L.next.runs, maxBelow(100), LR);

if (results.parse) {
  for (const [key, size] of [["small", s1], ["large", s10]]) {
    const r = results.parse[key];
    const asked = key === "small" ? results.reps : LR;
    const viaText = timingRow(`${size} · read the JSON in Wasm · serde_json on the text (the viewer's way)`, r.text, null, { asked });
    const viaValue = timingRow(`${size} · read the JSON in Wasm · JSON.parse + serde-wasm-bindgen`, r.value, null, { asked });
    timingRow(`${size} · read the JSON in Wasm · of which JSON.parse`, r.jsonParse, null, { asked });
    const ratio = viaValue.median / viaText.median;
    valueRow(`${size} · serde-wasm-bindgen ÷ serde_json (medians)`, {
      median: ratio.toFixed(2),
      spread: ratio >= 1 ? `serde_json ${ratio.toFixed(2)}× faster` : `serde-wasm-bindgen ${(1 / ratio).toFixed(2)}× faster`,
    });
  }
}

const sizes = results.sizes;
let totalRaw = 0;
let totalGzip = 0;
for (const kind of ["wasm", "JS", "CSS"]) {
  const k = sizes[kind] ?? { raw: 0, gzip: 0, files: [] };
  totalRaw += k.raw;
  totalGzip += k.gzip;
  const files = k.files.map((f) => f.replace(/^\//, "")).join(", ") || "none";
  valueRow(`transfer · ${kind}: ${files}`, { median: `${kb(k.gzip)} gzip`, spread: `${kb(k.raw)} raw` });
}
valueRow("transfer · wasm + JS + CSS (the site without the transcript)", {
  median: `${kb(totalGzip)} gzip`,
  spread: `${kb(totalRaw)} raw`,
  target: "≤ 100 KB gzip",
  pass: totalGzip <= 100_000,
});
if (sizes.HTML) {
  valueRow(`transfer · HTML: ${sizes.HTML.files.map((f) => f.replace(/^\//, "")).join(", ")} (not in the total)`, {
    median: `${kb(sizes.HTML.gzip)} gzip`,
    spread: `${kb(sizes.HTML.raw)} raw`,
  });
}
if (results.converter) {
  const c = results.converter;
  const s = summary(c.rates);
  valueRow(`converter · transcript2json, ${(c.bytes / 1e6).toFixed(1)} MB of text`, {
    n: s.n,
    median: `${s.median.toFixed(0)} MB/s`,
    spread: `${s.p10.toFixed(0)} – ${s.p90.toFixed(0)} MB/s`,
    max: `${s.max.toFixed(0)} MB/s`,
    target: "≥ 100 MB/s",
    pass: s.median >= 100,
  });
}

const pct = (x) => `${Math.round(x * 100)} %`;
const contention = results.cpu
  ? `other processes used ≈ ${pct(results.cpu.others)} of the machine's CPU time meanwhile (the benchmark and its browser ≈ ${pct(results.cpu.ours)})`
  : "CPU use of other processes unknown";
const la = `${Math.min(...results.loadAverage).toFixed(1)}–${Math.max(...results.loadAverage).toFixed(1)}`;
const mb = (bytes) => (bytes / 1e6).toFixed(1);
const out = [
  `${results.date.slice(0, 16).replace("T", " ")} UTC, ${results.browser} (headless, unthrottled frames) on ${results.machine}; ` +
    `${mb(results.jsonBytes.small)} MB and ${mb(results.jsonBytes.large)} MB transcript JSON; highlights seen as ${S.search.many.mode}; ` +
    `${results.reps} repetitions per measure (${LR} on 10 MB); ${Math.round(results.seconds)} s; load average ${la}; ${contention}.`,
  "",
  table(),
  "",
  ...(stopped
    ? [
        `\\* fewer repetitions than asked: a measure stops once it has used its time budget ` +
          `(${results.budgetSeconds} s; loads ${3 * results.budgetSeconds} s), after at least ${results.minReps}.`,
        "",
      ]
    : []),
].join("\n");
process.stdout.write(out);
if (args.markdown) fs.writeFileSync(args.markdown, out);
