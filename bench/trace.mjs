// Where the time of one interaction goes: Chromium's own trace of it, summed per event.
//
//   node bench/trace.mjs DIST PAGE ACTION [--cpu]
//
// DIST is a built site (e.g. the benchmark's, kept with BENCH_KEEP=1: <tmp>/dist), PAGE
// a transcript's page in it (bench-1mb), ACTION one of
//   type   an empty search box gets "of" (one insertText), traced until 250 ms later
//   next   Enter in the search box, after "of" was typed once
//   show   a click that shows the speaker with the most turns again (hidden untraced)
//   hide   a click that hides that speaker
//   load   the page opened in a fresh context, traced until every group of turns is
//          awake: each main-thread task over 50 ms, with the events that fill it
//          (three loads; the other actions' figures are not printed)
// Ten interactions are traced one by one (what prepares each is not traced); the output
// is the mean self time per interaction of each trace event on the renderer's main
// thread (FunctionCall = script, Layout, Paint, ...). With --cpu, also a sampled CPU
// profile per function: build the site with `data-wasm-opt="0" data-keep-debug` on the
// rust link in index.html to see Wasm function names. Not part of tools/bench.sh: a tool
// for finding what to change, whose figures are not comparable with the table's.
import { launch, serve } from "./lib.mjs";

const [dist, pageName, action, flag] = process.argv.slice(2);
if (!dist || !pageName || !["type", "next", "show", "hide", "load"].includes(action)) {
  console.error("usage: node bench/trace.mjs DIST PAGE type|next|show|hide|load [--cpu]");
  process.exit(2);
}
const cpuProfile = flag === "--cpu";
const N = 10;
const server = await serve(dist);
const browser = await launch();
const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: "reduce" });
if (action === "load") {
  for (let i = 0; i < 3; i++) {
    const fresh = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await fresh.newPage();
    const cdp = await fresh.newCDPSession(page);
    const events = [];
    cdp.on("Tracing.dataCollected", (d) => events.push(...d.value));
    const complete = new Promise((resolve) => cdp.once("Tracing.tracingComplete", resolve));
    await cdp.send("Tracing.start", {
      categories: "devtools.timeline,blink,v8.execute,disabled-by-default-devtools.timeline",
      transferMode: "ReportEvents",
    });
    await page.goto(`${server.base}/${pageName}/`);
    await page.waitForFunction(
      () => document.querySelector(".tv-root[data-ready]") && !document.querySelector(".tv-turn-group[data-dormant]"),
      null,
      { timeout: 60000 },
    );
    await page.waitForTimeout(300);
    await cdp.send("Tracing.end");
    await complete;
    const threads = new Map();
    for (const e of events) if (e.ph === "M" && e.name === "thread_name") threads.set(`${e.pid}:${e.tid}`, e.args.name);
    const main = events.filter((e) => e.ph === "X" && e.dur && threads.get(`${e.pid}:${e.tid}`) === "CrRendererMain");
    const tasks = main.filter((e) => e.name === "RunTask" && e.dur > 50000).sort((a, b) => a.ts - b.ts);
    console.log(`load ${i + 1} of /${pageName}/: main-thread tasks over 50 ms`);
    for (const task of tasks) {
      const inside = new Map();
      for (const e of main) {
        if (e !== task && e.ts >= task.ts && e.ts + e.dur <= task.ts + task.dur) inside.set(e.name, (inside.get(e.name) ?? 0) + e.dur);
      }
      const what = [...inside].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([n, us]) => `${n} ${(us / 1000).toFixed(0)}`);
      console.log(`  ${(task.dur / 1000).toFixed(0).padStart(5)} ms at +${((task.ts - tasks[0].ts) / 1000).toFixed(0)} ms: ${what.join(", ")}`);
    }
    await fresh.close();
  }
  await browser.close();
  await server.close();
  process.exit(0);
}
const page = await context.newPage();
await page.goto(`${server.base}/${pageName}/`);
await page.waitForFunction(() => document.querySelector(".tv-root[data-ready]"), null, { timeout: 60000 });
await page.waitForTimeout(3000);
const input = page.locator("input[type=search]").first();
const transcript = await (await fetch(`${server.base}/transcripts/${pageName}.json`)).json();
const turns = new Map();
for (const t of transcript.turns) if (t.speaker) turns.set(t.speaker, (turns.get(t.speaker) ?? 0) + 1);
const speaker = [...turns].sort((a, b) => b[1] - a[1])[0][0];
// The speaker panel starts closed.
const panel = page.locator("button.tv-speakers-toggle[aria-expanded=false]");
if (await panel.count()) await panel.first().click();
const toggle = page.locator(`.tv-speaker-item[data-speaker="${speaker}"] button[aria-pressed]`).first();

const cdp = await context.newCDPSession(page);
const selfTime = new Map();
const cpu = new Map();
const add = (map, key, us) => map.set(key, (map.get(key) ?? 0) + us);

async function traced(act) {
  const events = [];
  const onData = (d) => events.push(...d.value);
  cdp.on("Tracing.dataCollected", onData);
  const complete = new Promise((resolve) => cdp.once("Tracing.tracingComplete", resolve));
  if (cpuProfile) {
    await cdp.send("Profiler.enable");
    await cdp.send("Profiler.setSamplingInterval", { interval: 50 });
    await cdp.send("Profiler.start");
  }
  await cdp.send("Tracing.start", {
    categories: "devtools.timeline,blink,v8.execute,disabled-by-default-devtools.timeline",
    transferMode: "ReportEvents",
  });
  await act();
  await page.waitForTimeout(250);
  await cdp.send("Tracing.end");
  await complete;
  cdp.off("Tracing.dataCollected", onData);
  if (cpuProfile) {
    const { profile } = await cdp.send("Profiler.stop");
    const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
    profile.samples.forEach((id, i) => {
      const frame = nodes.get(id).callFrame;
      add(cpu, frame.functionName || frame.url.slice(-40) || "(anonymous)", profile.timeDeltas[i] ?? 0);
    });
  }
  // Self time: each complete event's duration less that of the events nested in it.
  const threads = new Map();
  for (const e of events) if (e.ph === "M" && e.name === "thread_name") threads.set(`${e.pid}:${e.tid}`, e.args.name);
  const main = events
    .filter((e) => e.ph === "X" && e.dur !== undefined && threads.get(`${e.pid}:${e.tid}`) === "CrRendererMain")
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const stack = [];
  for (const e of main) {
    while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= e.ts) stack.pop();
    if (stack.length) add(selfTime, stack.at(-1).name, -e.dur);
    add(selfTime, e.name, e.dur);
    stack.push(e);
  }
}

if (action === "next") {
  await input.focus();
  await page.keyboard.insertText("of");
  await page.waitForTimeout(1500);
}
for (let i = 0; i < N; i++) {
  if (action === "type") {
    await input.fill("");
    await page.waitForTimeout(300);
    await input.focus();
    await traced(() => page.keyboard.insertText("of"));
  } else if (action === "next") {
    await page.waitForTimeout(200);
    await traced(() => page.keyboard.press("Enter"));
  } else if (action === "show") {
    await toggle.click();
    await page.waitForTimeout(300);
    await traced(() => toggle.click());
  } else {
    await traced(() => toggle.click());
    await page.waitForTimeout(300);
    await toggle.click();
    await page.waitForTimeout(300);
  }
}
const top = (map, n) => [...map].sort((a, b) => b[1] - a[1]).slice(0, n);
console.log(`${action} on /${pageName}/: self time per interaction (ms), mean of ${N}`);
for (const [name, us] of top(selfTime, 18).filter(([name]) => !/RunTask/.test(name)))
  console.log(`  ${(us / 1000 / N).toFixed(2).padStart(8)}  ${name}`);
if (cpuProfile) {
  console.log("CPU profile, self time per function (ms per interaction):");
  for (const [name, us] of top(cpu, 30)) console.log(`  ${(us / 1000 / N).toFixed(2).padStart(8)}  ${name.slice(0, 140)}`);
}
await browser.close();
await server.close();
