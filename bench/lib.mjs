// The benchmark's plumbing: a static server that logs what it serves, the system
// Chromium, statistics and formatting. (The server and the browser launch follow
// tests/a11y/lib.mjs.)

import fs from "node:fs";
import http from "node:http";
import path from "node:path";

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
};

/**
 * Serves `dir` on 127.0.0.1 (a free port), uncompressed, `cache-control: no-store`.
 * `routes(pathname)` may answer first with [type, body]. Every answered path is
 * appended to `log` (cleared by the caller). Resolves to { base, log, close }.
 */
export function serve(dir, routes = () => null) {
  const root = path.resolve(dir);
  const log = [];
  const server = http.createServer((req, res) => {
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, "http://x").pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    const send = (status, type, body) => {
      log.push({ path: pathname, status, bytes: body ? body.length : 0 });
      res.writeHead(status, { "content-type": type, "cache-control": "no-store" });
      res.end(req.method === "HEAD" ? undefined : body);
    };
    const routed = routes(pathname);
    if (routed) {
      send(200, routed[0], routed[1]);
      return;
    }
    const file = path.resolve(root, "." + (pathname.endsWith("/") ? pathname + "index.html" : pathname));
    if (file !== root && !file.startsWith(root + path.sep)) {
      send(403, "text/plain", "forbidden");
      return;
    }
    fs.readFile(file, (err, body) => {
      if (err) {
        send(404, "text/plain; charset=utf-8", "not found");
        return;
      }
      send(200, MIME[path.extname(file).toLowerCase()] ?? "application/octet-stream", body);
    });
  });
  return new Promise((resolve, reject) => {
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      resolve({
        base: `http://127.0.0.1:${port}`,
        log,
        close: () => new Promise((done) => server.close(done)),
      });
    });
  });
}

/**
 * The system Chromium, headless, with nothing that reaches the network (the flags of
 * tests/a11y), plus: frames produced as soon as they are needed instead of at a 60 Hz
 * vsync (so "painted" measures the page's work, not the phase of a display refresh),
 * and precise `performance.memory`.
 */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-frame-rate-limit",
  "--disable-gpu-vsync",
  "--enable-precise-memory-info",
];

export async function launch() {
  const { chromium } = await import("playwright-core");
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

// --- statistics ------------------------------------------------------------------------

/** The q-quantile (0..1) of `values`, linear between order statistics (R's type 7). */
export function quantile(values, q) {
  const v = [...values].sort((a, b) => a - b);
  if (v.length === 0) return NaN;
  const h = (v.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return v[lo] + (v[hi] - v[lo]) * (h - lo);
}

/** { n, median, p10, p90, min, max } of `values`. */
export function summary(values) {
  return {
    n: values.length,
    median: quantile(values, 0.5),
    p10: quantile(values, 0.1),
    p90: quantile(values, 0.9),
    min: Math.min(...values),
    max: Math.max(...values),
  };
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** 12345 -> "12,345". */
export const thousands = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");

// --- CPU time: how busy the machine was with other work -------------------------------

/** { pid, ppid, pgid, ticks (utime + stime), childTicks (cutime + cstime) } per process. */
function processes() {
  const out = [];
  for (const name of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    let stat;
    try {
      stat = fs.readFileSync(`/proc/${name}/stat`, "utf8");
    } catch {
      continue;
    }
    // After "pid (comm) ": state ppid pgrp session tty tpgid flags minflt cminflt majflt
    // cmajflt utime stime cutime cstime ...
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    out.push({
      pid: Number(name),
      ppid: Number(f[1]),
      pgid: Number(f[2]),
      ticks: Number(f[11]) + Number(f[12]),
      childTicks: Number(f[13]) + Number(f[14]),
    });
  }
  return out;
}

/** Busy and total ticks of all CPUs (/proc/stat). */
function machine() {
  const f = fs.readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).slice(1).map(Number);
  const [user, nice, system, idle, iowait = 0, irq = 0, softirq = 0, steal = 0] = f;
  const busy = user + nice + system + irq + softirq + steal;
  return { busy, total: busy + idle + iowait };
}

/**
 * Measures, on Linux, what share of the machine's CPU time went to other processes
 * while the benchmark ran. "Ours" is this process, the processes it waited for (the
 * converter) and every process in the process groups of its children (the browser,
 * which Playwright starts in its own group, with its renderers, which Chromium's zygote
 * re-parents away from it). It samples every second and keeps each process's last CPU
 * time, so a renderer's last second before it exits may count as "others": the figure is
 * approximate. `stop()` (call it before closing the browser) returns
 * { others, ours } as fractions of all CPUs, or null where /proc is missing.
 */
export function cpuMonitor() {
  let start;
  try {
    start = { machine: machine(), procs: processes() };
  } catch {
    return { stop: () => null };
  }
  const before = new Map(start.procs.map((p) => [p.pid, p.ticks]));
  const seen = new Map();
  const self = start.procs.find((p) => p.pid === process.pid);
  const selfStart = self ? self.ticks + self.childTicks : 0;
  const sample = () => {
    const procs = processes();
    const groups = new Set(procs.filter((p) => p.ppid === process.pid).map((p) => p.pgid));
    for (const p of procs) {
      if (p.pid !== process.pid && groups.has(p.pgid)) seen.set(p.pid, p.ticks - (before.get(p.pid) ?? 0));
    }
    return procs;
  };
  const timer = setInterval(sample, 1000);
  return {
    stop() {
      clearInterval(timer);
      const procs = sample();
      const now = procs.find((p) => p.pid === process.pid);
      const end = machine();
      let ours = now ? now.ticks + now.childTicks - selfStart : 0;
      for (const ticks of seen.values()) ours += ticks;
      const total = end.total - start.machine.total;
      if (total <= 0) return null;
      const busy = end.busy - start.machine.busy;
      return { others: Math.max(0, busy - ours) / total, ours: Math.min(busy, ours) / total };
    },
  };
}
