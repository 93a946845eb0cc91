// The benchmark's in-page probe, installed with `addInitScript` so that it runs before
// any script of the page (the viewer's or the static comparison page's). It times one
// interaction at a time, entirely inside the page (no Playwright round trip between the
// input and the measurement):
//
//   arm(spec)   start listening. t0 is the `timeStamp` of the first `spec.start` event
//               (keydown, beforeinput, click…) that reaches window in the capture phase,
//               i.e. when the browser created the trusted input event.
//   (the harness then sends trusted input through Playwright / CDP)
//   done        a promise of { t0, dom, painted, frames, … } in ms since t0:
//               dom      the first moment the cheap "ready" condition held (status text
//                        or an attribute), seen by a MutationObserver of just that;
//               painted  that moment, then requestAnimationFrame, then a MessageChannel
//                        message: the message runs after the frame that rendered the
//                        change (style, layout, paint on the main thread) was produced;
//               and the full check (every match highlighted, current match in view,
//               turns hidden…) must hold once painted, or the probe goes on checking at
//               every frame and takes the first painted frame in which it holds.
//
// Highlights are counted as `<mark>` elements or as ranges of the CSS Custom Highlight
// API (`CSS.highlights`), whichever the page uses, so the probe works with either.
(() => {
  "use strict";
  if (window.__bench) return;
  const now = () => performance.now();
  const bench = (window.__bench = {});

  // --- load: first contentful paint, long tasks, the wasm module --------------------
  bench.paints = {};
  bench.longTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) bench.paints[e.name] = e.startTime;
    }).observe({ type: "paint", buffered: true });
  } catch {}
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        bench.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: "longtask", buffered: true });
  } catch {}
  // The viewer's module (www/transcript-viewer-element.js) dispatches this with the wasm
  // exports (`memory` among them); trunk's own loader, where a page uses it, the other.
  const started = (e) => {
    bench.wasm = e.detail && e.detail.wasm;
    bench.wasmStarted = now();
  };
  document.addEventListener("transcript-viewer:ready", started);
  addEventListener("TrunkApplicationStarted", started);
  bench.wasmMemoryBytes = () => {
    const memory = bench.wasm && bench.wasm.memory;
    return memory && memory.buffer ? memory.buffer.byteLength : null;
  };

  // One painted frame: rAF, then a task posted from inside it runs after that frame.
  const afterPaint = () =>
    new Promise((resolve) =>
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(now());
        channel.port2.postMessage(0);
      }),
    );
  bench.afterPaint = afterPaint;

  // --- what the page shows --------------------------------------------------------------
  const statusElement = () =>
    document.querySelector('[role="search"] [role="status"]') ||
    document.querySelector(".tv-search-status") ||
    document.querySelector("#bench-status");
  // Numbers as digits only: the viewer groups them as the UI's language does
  // ("1 of 3,000", "1 из 3 000").
  bench.statusText = () => {
    const el = statusElement();
    if (!el) return null;
    const text = el.textContent.trim().replace(/(\d)[,\u00a0](?=\d{3}\b)/g, "$1");
    return text.replace(/\s+/g, " ");
  };

  const isCurrentName = (name) => /current/i.test(name);
  /** { marks, highlights, current, mode } of the search highlights on the page. */
  bench.highlights = () => {
    const marks = document.getElementsByTagName("mark").length;
    let highlights = 0;
    let current = 0;
    if (window.CSS && CSS.highlights) {
      for (const [name, h] of CSS.highlights) {
        if (isCurrentName(name)) current += h.size;
        else highlights += h.size;
      }
    }
    const mode = highlights + current > 0 ? (marks > 0 ? "mark+highlight" : "highlight") : "mark";
    return { marks, highlights, current, mode };
  };
  /** True when exactly `n` matches are highlighted (marks, or highlight ranges), or, on
   * a page that paints only what is near the view, every match of `query` there. */
  const showsMatches = (n, query) => {
    const h = bench.highlights();
    if (h.highlights + h.current === 0) return h.marks === n || (n > 0 && query !== undefined && showsMatchesNearView(n, query));
    // Painted ranges, plus the current match as a range or as the one <mark> (the
    // viewer paints every match but the current one, which stays an element).
    if (h.highlights === n || h.highlights + h.current === n || h.highlights + h.marks === n) return true;
    return query !== undefined && h.highlights + h.marks < n && showsMatchesNearView(n, query);
  };
  // --- a page that paints only the matches near the view --------------------------------
  // On a long transcript the viewer paints the matches of the groups of turns near the
  // view, and a group's when it comes near: its highlights then hold fewer ranges than
  // there are matches. For such a page the probe checks, independently of the viewer,
  // that the query's matches in the whole text (folded as the viewer folds: case, Latin
  // and Greek diacritics, white space) number n, as the status says, and that every one
  // of them in the title, the summary and every group of turns the browser renders
  // (`content-visibility`) is highlighted.
  const fold = (s) =>
    s
      .normalize("NFD")
      .replace(/([A-Za-z\u00C0-\u024F\u0370-\u03FF])[\u0300-\u036f]+/g, "$1")
      .normalize("NFC")
      .replace(/[\u200b-\u200d\u2060\ufeff]/g, "")
      .toLowerCase()
      .replace(/\s+/g, " ");
  const occurrences = (text, q) => {
    let n = 0;
    for (let at = text.indexOf(q); at !== -1; at = text.indexOf(q, at + q.length)) n++;
    return n;
  };
  const TEXTS = ':is([id$="title"], [id*="summary-"]), section.tv-turn:not([hidden]) p[id]';
  const totals = new Map();
  /** The query's matches in every searchable text of the page, counted here. */
  const totalMatches = (q) => {
    if (!totals.has(q)) {
      let n = 0;
      for (const el of document.querySelectorAll(`.tv-root :is(${TEXTS})`)) n += occurrences(fold(el.textContent), q);
      totals.set(q, n);
    }
    return totals.get(q);
  };
  /** Whether every match of `query` in what the browser renders is highlighted. */
  const showsMatchesNearView = (n, query) => {
    const q = fold(query).trim();
    if (!q || totalMatches(q) !== n) return false;
    const painted = new Map();
    const count = (node) => {
      const el = node && (node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement);
      const owner = el && el.closest(TEXTS);
      if (owner) painted.set(owner, (painted.get(owner) || 0) + 1);
    };
    for (const [name, h] of CSS.highlights) if (!isCurrentName(name)) for (const r of h) count(r.startContainer);
    for (const mark of document.querySelectorAll("mark.tv-current")) count(mark);
    const rendered = (group) => {
      const p = group.querySelector("section.tv-turn:not([hidden]) p");
      return !p || p.checkVisibility({ contentVisibilityAuto: true });
    };
    const texts = [...document.querySelectorAll(`.tv-root :is([id$="title"], [id*="summary-"])`)];
    for (const group of document.querySelectorAll(".tv-root .tv-turn-group")) {
      if (rendered(group)) texts.push(...group.querySelectorAll("section.tv-turn:not([hidden]) p[id]"));
    }
    return texts.every((el) => occurrences(fold(el.textContent), q) === (painted.get(el) || 0));
  };

  /** The current match: an element, or a highlight range. */
  const currentMatch = () => {
    const el = document.querySelector("mark.tv-current, mark[aria-current]");
    if (el) return el;
    if (window.CSS && CSS.highlights) {
      for (const [name, h] of CSS.highlights) {
        if (isCurrentName(name) && h.size > 0) return h.values().next().value;
      }
    }
    return null;
  };
  const inView = (target) => {
    if (!target) return false;
    const r = target.getBoundingClientRect();
    return r.height > 0 && r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth;
  };
  const rendered = (el) =>
    typeof el.checkVisibility === "function" ? el.checkVisibility() : el.getClientRects().length > 0;

  // The cheap condition, checked on every DOM mutation (so it must stay cheap).
  const ready = (spec) => {
    const q = spec.ready;
    if (q.status !== undefined) return bench.statusText() === q.status;
    if (q.statusPattern !== undefined) return new RegExp(q.statusPattern).test(bench.statusText() || "");
    if (q.attribute) {
      const el = document.querySelector(q.selector);
      return !!el && el.getAttribute(q.attribute) === q.value;
    }
    return false;
  };
  // The full check, after the paint.
  const complete = (spec) => {
    const c = spec.check || {};
    if (c.matches !== undefined && !showsMatches(c.matches)) return false;
    if (c.matchesInStatus !== undefined) {
      // The count the status line gives (its first group), highlighted.
      const m = (bench.statusText() || "").match(new RegExp(c.matchesInStatus));
      if (!m || !showsMatches(Number(m[1]), c.query)) return false;
    }
    if (c.currentInView && !inView(currentMatch())) return false;
    if (c.speaker) {
      const turns = document.querySelectorAll(
        `section[data-speaker="${CSS.escape(c.speaker.id)}"]`,
      );
      const wrong = [...turns].filter((el) => rendered(el) !== c.speaker.shown);
      // Shown: every turn of the speaker in the DOM is rendered (all of them, unless the
      // viewer ever renders only part of the transcript); hidden: none is.
      if (turns.length === 0 || wrong.length > 0) {
        const where = wrong.slice(0, 3).map((el) => {
          const group = el.closest(".tv-turn-group");
          return `${el.id}${el.hidden ? " [hidden]" : ""}${group && group.hasAttribute("data-dormant") ? " (dormant group)" : ""}`;
        });
        bench.failures.push(`${wrong.length} of ${turns.length} turns not ${c.speaker.shown ? "shown" : "hidden"}: ${where.join(", ")}`);
        return false;
      }
    }
    return true;
  };
  bench.complete = complete;
  // Why the full check failed in a painted frame (the speaker check says which turns), by
  // interaction: `done` resolves with them as `failures`.
  bench.failures = [];

  // --- one timed interaction --------------------------------------------------------------
  let armed = null;
  const START_EVENTS = ["keydown", "beforeinput", "input", "pointerdown", "mousedown", "click"];
  const starts = (spec, type) => (Array.isArray(spec.start) ? spec.start : [spec.start]).includes(type);
  for (const type of START_EVENTS) {
    addEventListener(
      type,
      (e) => {
        if (armed && armed.t0 === undefined && starts(armed.spec, type) && e.isTrusted) {
          armed.t0 = e.timeStamp;
          armed.t0Seen = now();
          armed.t0Type = type;
        }
      },
      { capture: true },
    );
  }

  bench.arm = (spec) => {
    if (armed) throw new Error("bench.arm: already armed");
    const run = { spec, frames: 0 };
    bench.failures.length = 0;
    armed = run;
    bench.done = new Promise((resolve, reject) => {
      let observer = null;
      let waitingForPaint = false;
      let polling = false;
      const finish = (painted) => {
        observer && observer.disconnect();
        clearTimeout(timer);
        armed = null;
        if (run.t0 === undefined) {
          reject(new Error(`no trusted ${spec.start} event was seen`));
          return;
        }
        resolve({
          status: bench.statusText(),
          t0: run.t0,
          handlerLag: run.t0Seen - run.t0,
          dom: run.dom - run.t0,
          painted: painted - run.t0,
          frames: run.frames,
          startEvent: run.t0Type,
          fallback: polling,
          failures: bench.failures.splice(0),
        });
      };
      const timer = setTimeout(() => {
        observer && observer.disconnect();
        armed = null;
        reject(
          new Error(
            `timed out after ${spec.timeout} ms waiting for ${JSON.stringify(spec.ready)} / ` +
              `${JSON.stringify(spec.check)}; status ${JSON.stringify(bench.statusText())}, ` +
              `highlights ${JSON.stringify(bench.highlights())}, t0 ${run.t0}`,
          ),
        );
      }, spec.timeout || 60000);
      // Fallback: look at every frame (highlights set without a DOM mutation, the
      // change arriving in several steps, or the input not yet handled when the harness
      // settles): the first frame whose rAF sees the cheap condition is awaited, then the
      // full check runs after it, as in onChange. (Run inside the rAF, before the frame's
      // own style and layout, the full check forced them: on 10 MB, a visibility check of
      // 2,200 turns then took 300-500 ms of forced layout, counted as the viewer's.)
      const poll = () => {
        polling = true;
        requestAnimationFrame(() => {
          if (armed !== run) return;
          if (run.t0 === undefined || !ready(spec)) {
            poll();
            return;
          }
          if (run.dom === undefined) run.dom = now();
          const channel = new MessageChannel();
          channel.port1.onmessage = () => {
            const painted = now();
            if (armed !== run) return;
            run.frames++;
            if (complete(spec)) finish(painted);
            else poll();
          };
          channel.port2.postMessage(0);
        });
      };
      const onChange = () => {
        if (armed !== run || waitingForPaint || polling || run.t0 === undefined) return;
        if (!ready(spec)) return;
        run.dom = now();
        waitingForPaint = true;
        afterPaint().then((painted) => {
          waitingForPaint = false;
          if (armed !== run) return;
          run.frames++;
          if (complete(spec)) finish(painted);
          else poll();
        });
      };
      // Observes only what the cheap condition reads: the attribute, wherever it
      // changes, or the status line's text. (A whole-document observer also got a record
      // for every node the viewer replaced meanwhile, such as a 10 MB page's groups of
      // turns waking after the load, and slowed that work down.) An element rendered
      // anew escapes it: the fallback below catches that.
      observer = new MutationObserver(onChange);
      const status = statusElement();
      if (spec.ready.attribute) {
        observer.observe(document, { subtree: true, attributes: true, attributeFilter: [spec.ready.attribute] });
      } else if (status) {
        observer.observe(status, { subtree: true, childList: true, characterData: true });
      } else {
        observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
      }
      // The condition may hold without any later mutation (e.g. highlights only).
      run.kick = () => {
        if (armed !== run || waitingForPaint || polling) return;
        if (run.t0 !== undefined && ready(spec)) onChange();
        else poll();
      };
    });
    bench.done.catch(() => {});
  };
  // --- load: transcript painted, then interactive -----------------------------------------
  // With window.__benchConfig.load = { turn: SELECTOR, query: Q } (set by an earlier init
  // script): `transcriptPainted` is the frame after the first element matching SELECTOR
  // (a paragraph of the first turn) entered the DOM; then, in a new task, the probe types
  // Q into the search box (a synthetic input event, as many times as needed, once per
  // frame) and `interactive` is the frame that shows the search's "N of M" status. All
  // times are ms since navigation start (performance.timeOrigin).
  const config = window.__benchConfig || {};
  bench.load = { done: false, attempts: 0 };
  if (config.load) {
    const load = bench.load;
    const finishLoad = () => {
      load.wasmMemoryBytes = bench.wasmMemoryBytes();
      load.done = true;
    };
    const startInteractive = () => {
      const query = config.load.query;
      const attempt = () => {
        const input = document.querySelector('[role="search"] input');
        if (input) {
          input.value = query;
          input.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertText", data: query }));
        }
        load.attempts++;
        afterPaint().then((t) => {
          if (/\b\d+ of \d+\b/.test(bench.statusText() || "")) {
            load.interactive = t;
            finishLoad();
          } else if (load.attempts > 100000) {
            load.error = "the search box never answered";
            load.done = true;
          } else {
            attempt();
          }
        });
      };
      setTimeout(attempt, 0);
    };
    let found = false;
    const watch = new MutationObserver(() => {
      if (found || !document.querySelector(config.load.turn)) return;
      found = true;
      watch.disconnect();
      load.transcriptDom = now();
      afterPaint().then((t) => {
        load.transcriptPainted = t;
        load.heapAtPaint = performance.memory ? performance.memory.usedJSHeapSize : null;
        load.wasmMemoryAtPaint = bench.wasmMemoryBytes();
        if (config.load.query) startInteractive();
        else finishLoad();
      });
    });
    watch.observe(document, { childList: true, subtree: true });
  }

  // After the input is sent: if nothing mutated, fall back to checking every frame.
  bench.settle = () => {
    if (armed && armed.kick) armed.kick();
    return bench.done;
  };
})();
