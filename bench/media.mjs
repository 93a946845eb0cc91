#!/usr/bin/env node
// Media sync's benchmark (issue 20): the cost of one time update on a 2-hour,
// 20,000-word transcript with word timings, against a named baseline in the same run.
//
//   node bench/media.mjs --dist DIST [--seeks 300] [--steps 1000] [--json FILE]
//
// DIST is a release build (trunk build --release). The page mounts the viewer through
// the JavaScript API (`mount(el, { data, mediaFor })`) on a host <audio> whose source
// is a 2-hour WAV made in the page (a blob, so every time is seekable at once). Each
// time update is driven by setting `currentTime`; the viewer's listener runs inside
// `seeked` (the same code as `timeupdate`), bracketed by a capture listener before it
// and a listener added after it, so the figure is the handler's own work: the binary
// search, the marks moved (only when the passage or word changed), no layout read.
//
// Baseline, in the same events: "linear scan", the lookup Hyperaudio Lite does per
// `timeupdate` (a walk over every word's start time), written here in plain JS over a
// Float64Array (cheaper than its walk over word elements), then the same marks as
// ours moved (turn and paragraph attributes, the word's range in a highlight).
//
// Two series: random seeks anywhere in the 2 hours (the passage changes every time),
// and steps of 250 ms through 4 minutes (as playback's updates come: the word changes
// on most, the paragraph on few). Prints a markdown table; exits 1 if the page broke.

import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import http from "node:http";
import { launch, summary, thousands } from "./lib.mjs";

const args = { seeks: 300, steps: 1000 };
for (let i = 2; i < process.argv.length; i += 2) args[process.argv[i].replace(/^--/, "")] = process.argv[i + 1];
const DIST = path.resolve(args.dist ?? "dist");
const log = (...m) => console.error("bench-media:", ...m);

// --- the transcript: 2 hours, 20,000 words, two speakers, every word timed -----------
const WORDS = 20_000;
const SECONDS = 2 * 3600;
const VOCABULARY = ("the of and to in a is that for it as with was on be by this are we our " +
  "budget energy gas prices question answer minister president government year people").split(" ");
function transcript() {
  const step = Math.floor((SECONDS * 1000) / WORDS); // 360 ms a word
  const turns = [];
  let w = 0;
  let t = 0;
  let n = 0;
  while (w < WORDS) {
    const paragraphs = [];
    const times = [];
    const perTurn = 40 + ((n * 37) % 160);
    for (let p = 0; p < Math.ceil(perTurn / 40) && w < WORDS; p++) {
      const words = [];
      const steps = [];
      const start = t;
      for (let k = 0; k < 40 && w < WORDS; k++, w++) {
        words.push(VOCABULARY[(w * 7 + k) % VOCABULARY.length] + (k % 12 === 11 ? "." : ""));
        steps.push(k === 0 ? 0 : step);
        t += step;
      }
      paragraphs.push(words.join(" "));
      times.push({ start: start / 1000, end: (t - 40) / 1000, words: steps });
    }
    n++;
    turns.push({ id: `t${n}`, speaker: n % 2 ? "a" : "b", paragraphs, times });
  }
  return {
    schema: 2,
    lang: "en",
    title: "Two-hour timed benchmark",
    speakers: [
      { id: "a", name: "Speaker A" },
      { id: "b", name: "Speaker B" },
    ],
    turns,
    source: { file: "bench.json" },
  };
}

const data = JSON.stringify(transcript());
const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>media bench</title>
<link rel="icon" href="data:,"><link rel="stylesheet" href="/viewer.css"></head>
<body><audio id="bench-audio" controls preload="auto"></audio><div id="viewer"></div>
<script type="module" src="/bench-media.js"></script></body></html>`;
const SCRIPT = `
import init, { mount } from "/transcript-viewer.js";
function wav(seconds, rate) {
  const n = seconds * rate, buf = new ArrayBuffer(44 + n), v = new DataView(buf);
  const s = (o, t) => [...t].forEach((c, i) => v.setUint8(o + i, c.charCodeAt(0)));
  s(0, "RIFF"); v.setUint32(4, 36 + n, true); s(8, "WAVEfmt "); v.setUint32(16, 16, true);
  v.setUint16(20, 1, true); v.setUint16(22, 1, true); v.setUint32(24, rate, true);
  v.setUint32(28, rate, true); v.setUint16(32, 1, true); v.setUint16(34, 8, true);
  s(36, "data"); v.setUint32(40, n, true); new Uint8Array(buf, 44).fill(128);
  return new Blob([buf], { type: "audio/wav" });
}
await init();
const audio = document.getElementById("bench-audio");
audio.src = URL.createObjectURL(wav(${SECONDS + 10}, 4000));
const data = await (await fetch("/bench-media.json")).json();
const t0 = performance.now();
window.viewer = mount(document.getElementById("viewer"), { data, mediaFor: "bench-audio", storeSettings: false });
window.mountMs = performance.now() - t0;
`;

// A server of its own: the page must be cross-origin isolated (COOP + COEP) for
// `performance.now()` to resolve 5 µs instead of 100 µs, finer than the handler's work.
const TYPES = { ".js": "text/javascript", ".wasm": "application/wasm", ".css": "text/css", ".woff2": "font/woff2" };
const ROUTES = {
  "/bench-media.html": ["text/html; charset=utf-8", PAGE],
  "/bench-media.js": ["text/javascript; charset=utf-8", SCRIPT],
  "/bench-media.json": ["application/json", data],
};
const httpServer = http.createServer((req, res) => {
  const p = new URL(req.url, "http://x").pathname;
  const headers = {
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-embedder-policy": "require-corp",
    "cache-control": "no-store",
  };
  if (ROUTES[p]) {
    res.writeHead(200, { ...headers, "content-type": ROUTES[p][0] }).end(ROUTES[p][1]);
    return;
  }
  const file = path.join(DIST, path.normalize(p).replace(/^(\.\.[/\\])+/, ""));
  fs.readFile(file, (err, body) => {
    if (err) return res.writeHead(404, headers).end();
    res.writeHead(200, { ...headers, "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" }).end(body);
  });
});
await new Promise((r) => httpServer.listen(0, "127.0.0.1", r));
const server = {
  base: `http://127.0.0.1:${httpServer.address().port}`,
  close: () => new Promise((r) => httpServer.close(r)),
};
const browser = await launch();
const page = await browser.newPage();
const errors = [];
page.on("pageerror", (e) => errors.push(String(e)));
page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
await page.goto(`${server.base}/bench-media.html`);
await page.waitForFunction(
  () => document.getElementById("bench-audio").readyState >= 1 &&
    document.querySelectorAll("#viewer .tv-seek").length > 0 &&
    !document.querySelector("#viewer .tv-turns[aria-busy]"),
  null, { timeout: 120_000 });
log("mounted; measuring");

const isolated = await page.evaluate(() => crossOriginIsolated);
if (!isolated) log("warning: the page is not cross-origin isolated (timer resolution 100 µs)");
const result = await page.evaluate(async ({ seeks, steps, SECONDS }) => {
  const audio = document.getElementById("bench-audio");
  // The baseline's index: every word's start, in order (as Hyperaudio Lite's data-m).
  const starts = [];
  const json = await (await fetch("/bench-media.json")).json();
  const paraOf = [];
  const turnOf = [];
  const offsetOf = [];
  const prefix = document.querySelector("#viewer .tv-turn").id.replace(/t1$/, "");
  for (const turn of json.turns) {
    turn.times.forEach((tm, k) => {
      let at = tm.start * 1000;
      const text = turn.paragraphs[k];
      let offset = 0;
      for (const d of tm.words) {
        at += d;
        starts.push(at / 1000);
        paraOf.push(`${prefix}${turn.id}-p${k + 1}`);
        turnOf.push(`${prefix}${turn.id}`);
        const end = text.indexOf(" ", offset);
        offsetOf.push([offset, end < 0 ? text.length : end]);
        offset = (end < 0 ? text.length : end) + 1;
      }
    });
  }
  const baseHighlight = new Highlight();
  CSS.highlights.set("bench-word", baseHighlight);
  const startsArr = Float64Array.from(starts);
  // The same marks as the viewer's (turn and paragraph attributes, the word's range in
  // a highlight), moved only on a change; only the lookup differs: a scan of every word.
  let baselineWord = -1;
  let marked = [null, null];
  const baseline = () => {
    const now = audio.currentTime;
    let found = -1;
    for (let i = 0; i < startsArr.length; i++) if (startsArr[i] <= now) found = i;
    if (found === baselineWord) return;
    baselineWord = found;
    for (const el of marked) el?.removeAttribute("data-baseline");
    baseHighlight.clear();
    if (found < 0) return;
    const turn = document.getElementById(turnOf[found]);
    const para = document.getElementById(paraOf[found]);
    turn?.setAttribute("data-baseline", "");
    para?.setAttribute("data-baseline", "");
    marked = [turn, para];
    const node = para?.firstChild;
    if (node) {
      const [a, b] = offsetOf[found];
      baseHighlight.add(new StaticRange({ startContainer: node, startOffset: a, endContainer: node, endOffset: b }));
    }
  };
  let t0 = 0, t1 = 0, t2 = 0;
  audio.addEventListener("seeked", () => { t0 = performance.now(); }, { capture: true });
  audio.addEventListener("seeked", () => { t1 = performance.now(); baseline(); t2 = performance.now(); });
  const seekTo = (s) => new Promise((resolve) => {
    audio.addEventListener("seeked", () => setTimeout(resolve, 0), { once: true });
    audio.currentTime = s;
  });
  const run = async (times) => {
    const ours = [], base = [];
    let checked = 0;
    for (const s of times) {
      await seekTo(s);
      ours.push(t1 - t0);
      base.push(t2 - t1);
      if (document.querySelector("#viewer [data-playing]")) checked++;
    }
    return { ours, base, checked };
  };
  // Warm up (JIT, first marks).
  await run([10, 20, 30, 40, 50]);
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const seekTimes = Array.from({ length: seeks }, () => 1 + random() * (SECONDS - 10));
  const stepTimes = Array.from({ length: steps }, (_, i) => 3000 + i * 0.25);
  const a = await run(seekTimes);
  const b = await run(stepTimes);
  const paragraphs = document.querySelectorAll("#viewer .tv-turn p").length;
  return { a, b, paragraphs, mountMs: window.mountMs };
}, { seeks: Number(args.seeks), steps: Number(args.steps), SECONDS });

await browser.close();
await server.close();
if (errors.length) {
  console.error(errors.join("\n"));
  process.exit(1);
}
if (result.a.checked !== result.a.ours.length || result.b.checked !== result.b.ours.length) {
  console.error("bench-media: a time update left no turn marked", result.a.checked, result.b.checked);
  process.exit(1);
}
const fmt = (x) => x.toFixed(3);
const rows = [];
for (const [name, s] of [["random seeks over 2 h", result.a], ["250 ms steps (playback)", result.b]]) {
  const o = summary(s.ours), b = summary(s.base);
  const p99 = (v) => [...v].sort((x, y) => x - y)[Math.floor(0.99 * (v.length - 1))];
  rows.push(`| ${name} | ${s.ours.length} | ${fmt(o.median)} | ${fmt(o.p90)} | ${fmt(p99(s.ours))} | ${fmt(o.max)} | ${fmt(b.median)} | ${fmt(b.p90)} | ${(b.median / Math.max(o.median, 0.001)).toFixed(2)}x |`);
}
const gz = zlib.gzipSync(data, { level: 9 }).length;
console.log(`Media sync, 2 h, ${thousands(WORDS)} timed words, ${thousands(result.paragraphs)} paragraphs; JSON ${thousands(data.length)} B (${thousands(gz)} B gzip); mount ${result.mountMs.toFixed(0)} ms`);
console.log("");
console.log("| time updates | events | ours median ms | p90 | p99 | max | linear-scan baseline median ms | p90 | baseline / ours (median) |");
console.log("|---|---|---|---|---|---|---|---|---|");
for (const r of rows) console.log(r);
if (args.json) fs.writeFileSync(args.json, JSON.stringify(result));
