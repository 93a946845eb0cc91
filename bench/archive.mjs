#!/usr/bin/env node
// The archive search's benchmark (issue 23): what a query downloads and how long the
// results take once its files are in, on a built archive (build-archive's output, with
// the search page of a trunk build: docs/archive-search.md).
//
//   node bench/archive.mjs --dist SITE [--reps 5] [--json FILE]
//
// For each query, in a fresh browser context (nothing cached): the page opens, the query
// is typed, and every file the page then fetches is logged by the server; the bytes are
// counted as a host serving gzip would send them (each file gzip -9, as HTTP compression
// sends it), split into the search's code (the Wasm module, its glue and the page's
// script), the index's meta file, the index shards (terms, chunks of common terms,
// document shards) and the fragments (the snippets' text). Then, in the same page, the
// other queries one after the other: a later query's bytes, with the code and the meta
// cached. Time: the page's own marks, from its last file arriving (`tv-archive-fetched`)
// to the results written into the page (`tv-archive-shown`).
//
// Named baseline: Pagefind's documented budget for a 10,000-page site (under 300 KB for
// a query, "closer to 100 KB" typically), quoted, not run here.

import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { serve, launch, summary, thousands, CHROMIUM_ARGS } from "./lib.mjs";

const args = { reps: 5 };
for (let i = 2; i < process.argv.length; i += 2) args[process.argv[i].replace(/^--/, "")] = process.argv[i + 1];
const DIST = path.resolve(args.dist ?? "dist");
const REPS = Number(args.reps);
const log = (...m) => console.error("bench-archive:", ...m);

// Words of gen-transcript's archive (`--archive`): its English and Russian vocabularies.
const QUERIES = [
  { name: "a word", q: "hospitals" },
  { name: "a common word", q: "the" },
  { name: "a phrase", q: "\"regional schools\"" },
  { name: "a Russian word", q: "больницы" },
  { name: "a word in one year", q: "budget", year: "2015" },
  { name: "a word by a speaker", q: "budget", speaker: "Kozlova" },
];

const gzipped = new Map();
function gzipSize(file) {
  if (!gzipped.has(file)) {
    gzipped.set(file, zlib.gzipSync(fs.readFileSync(path.join(DIST, file)), { level: 9 }).length);
  }
  return gzipped.get(file);
}

function kind(p) {
  if (/^\/search\/(pkg\/|archive-search\.js)/.test(p)) return "code";
  if (p === "/search/index/meta.bin") return "meta";
  if (/^\/search\/index\/[tpd]\//.test(p)) return "shards";
  if (/^\/search\/index\/f\//.test(p)) return "fragments";
  return "page";
}

function tally(entries) {
  const out = { code: 0, meta: 0, shards: 0, fragments: 0, page: 0, files: 0 };
  for (const e of entries) {
    if (e.status !== 200) throw new Error(`${e.path}: ${e.status}`);
    out[kind(e.path)] += gzipSize(e.path.slice(1).replace(/\/$/, "/index.html"));
    out.files += 1;
  }
  out.search = out.code + out.meta + out.shards + out.fragments;
  return out;
}

async function ask(page, server, query) {
  server.log.length = 0;
  await page.evaluate(() => performance.clearMarks());
  // The filters first (the first focus loads the code and the meta, and the years with
  // it), the words last: only they start the query.
  await page.fill("#tv-find-q", "");
  await page.focus("#tv-find-q");
  await page.waitForFunction(() => document.querySelector("#tv-find-year").options.length > 1, null, { timeout: 60_000 });
  await page.selectOption("#tv-find-year", query.year ?? "");
  await page.fill("#tv-find-speaker", query.speaker ?? "");
  await page.fill("#tv-find-q", query.q);
  await page.waitForFunction(
    () => performance.getEntriesByName("tv-archive-shown").length > 0 &&
      !document.querySelector(".tv-find-status").textContent.startsWith("Searching"),
    null,
    { timeout: 60_000, polling: 20 },
  );
  const shown = await page.evaluate(() => {
    const fetched = performance.getEntriesByName("tv-archive-fetched").at(-1).startTime;
    const done = performance.getEntriesByName("tv-archive-shown").at(-1).startTime;
    return { ms: done - fetched, status: document.querySelector(".tv-find-status").textContent };
  });
  // Let late requests land in the log.
  await page.waitForTimeout(50);
  const files = server.log.map((e) => `${e.path} ${gzipSize(e.path.slice(1).replace(/\/$/, "/index.html"))}`);
  return { ...shown, bytes: tally(server.log), files };
}

const server = await serve(DIST);
const browser = await launch();
const results = { first: {}, later: {} };
try {
  for (const query of QUERIES) {
    const runs = [];
    for (let r = 0; r < REPS; r++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${server.base}/search/`);
      await page.waitForSelector("#tv-find-q");
      // The page fetches its code and meta on the first use of the form.
      runs.push(await ask(page, server, query));
      await context.close();
    }
    results.first[query.name] = runs;
    log(`${query.name}: ${runs[0].status}`);
  }
  // Later queries: each after another in the same page (the code and meta cached).
  for (let r = 0; r < REPS; r++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.base}/search/`);
    await page.waitForSelector("#tv-find-q");
    await ask(page, server, { q: "minister" });
    for (const query of QUERIES) {
      (results.later[query.name] ??= []).push(await ask(page, server, query));
    }
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}

const kb = (b) => `${(b / 1000).toFixed(1)} KB`;
const ms = (v) => `${v.toFixed(1)} ms`;
const rows = [];
rows.push(`Archive: ${DIST} (${thousands(fs.readdirSync(path.join(DIST, "transcripts")).length - 1)} transcripts), Chromium, ${REPS} repetitions, gzip -9 per file`);
rows.push("");
// The issue's measure: the index's files and the search code (fragments, the snippets'
// text, beside them).
rows.push("| Query | first query: code + meta + shards | ≤ 150 KB | later: shards | ≤ 20 KB | fragments (first, later) | last file → results (median, max) | ≤ 50 ms |");
rows.push("|---|--:|:-:|--:|:-:|--:|--:|:-:|");
let worstFirst = 0;
for (const { name } of QUERIES) {
  const first = results.first[name];
  const later = results.later[name];
  const b = first[0].bytes;
  const l = later[0].bytes;
  const times = summary([...first, ...later].map((x) => x.ms));
  const index = b.code + b.meta + b.shards;
  worstFirst = Math.max(worstFirst, index + b.fragments);
  rows.push(`| ${name} (${first[0].status}) | ${kb(index)} (${kb(b.code)} + ${kb(b.meta)} + ${kb(b.shards)}) | ${index <= 150_000 ? "✓" : "✗"} | ${kb(l.shards)} | ${l.shards <= 20_000 ? "✓" : "✗"} | ${kb(b.fragments)}, ${kb(l.fragments)} | ${ms(times.median)}, ${ms(times.max)} | ${times.median <= 50 ? "✓" : "✗"} |`);
}
rows.push("");
rows.push(`Baseline (Pagefind's documentation, not run): under 300 KB for a query on a 10,000-page site, "closer to 100 KB" typically. Ours, the heaviest first query with its fragments: ${kb(worstFirst)} (${(worstFirst / 300_000).toFixed(2)} of 300 KB, ${(worstFirst / 100_000).toFixed(2)} of 100 KB).`);
console.log(rows.join("\n"));
if (args.json) fs.writeFileSync(args.json, JSON.stringify(results, null, 1));
