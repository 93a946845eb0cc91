// The archive search page (search/index.html): the form's words go to the archive
// index's WebAssembly reader (crates/archive-search, in pkg/), which says which index
// files a query needs; this script fetches them, hands them back and writes the results
// as text nodes and <mark> elements (never as HTML). docs/archive-search.md.
//
// The Wasm and the index's meta file load when the reader first uses the form (or the
// address already holds a query), so opening the page costs nothing more. The query
// lives in the address (?q=…&speaker=…&year=…): a search can be linked, and the
// browser's Back goes to the previous one.

const LIMIT = 10;
const INDEX = new URL("index/", import.meta.url);
const TYPING_PAUSE_MS = 150;

const form = document.querySelector(".tv-find-form");
const fields = {
  q: form.querySelector("#tv-find-q"),
  speaker: form.querySelector("#tv-find-speaker"),
  year: form.querySelector("#tv-find-year"),
};
const status = document.querySelector(".tv-find-status");
const list = document.querySelector(".tv-find-list");
const more = document.querySelector(".tv-find-more");
const error = document.querySelector("[data-find-error]");

let session = null; // a promise of the ArchiveSearch
let asked = 0; // the number of the latest query: older answers are dropped
let next = null; // where the next page starts, for "More results"
let turnsShown = 0; // the matching turns of the transcripts listed

/** The query's text form from the fields (see `Query::parse`). */
function queryText() {
  let text = fields.q.value.trim();
  const speaker = fields.speaker.value.trim().replaceAll('"', " ");
  if (speaker) text += ` speaker:"${speaker}"`;
  if (fields.year.value) text += ` year:${fields.year.value}`;
  return text;
}

async function bytes(path) {
  const response = await fetch(new URL(path, INDEX));
  if (!response.ok) throw new Error(`${path}: ${response.status} ${response.statusText}`);
  return new Uint8Array(await response.arrayBuffer());
}

function start() {
  session ??= (async () => {
    const { default: init, ArchiveSearch } = await import("./pkg/archive_search.js");
    await init();
    const s = new ArchiveSearch(await bytes("meta.bin"));
    for (const year of JSON.parse(s.years())) {
      fields.year.append(new Option(String(year), String(year)));
    }
    const wanted = new URLSearchParams(location.search).get("year");
    if (wanted) fields.year.value = wanted;
    return s;
  })();
  return session;
}

/** Fetches what `text` needs for the page from `from`, then returns its results. */
async function answer(s, text, from) {
  for (let round = 0; ; round++) {
    const missing = s.plan(text, from, LIMIT);
    if (missing.length === 0) break;
    if (round === 8) throw new Error("the index asked for files again and again");
    const files = await Promise.all(missing.map(async (path) => [path, await bytes(path)]));
    for (const [path, data] of files) s.add(path, data);
  }
  performance.mark("tv-archive-fetched");
  return JSON.parse(s.results(text, from, LIMIT));
}

function element(tag, className, text) {
  const el = document.createElement(tag);
  if (className) el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "long", timeZone: "UTC" });
function longDate(iso) {
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? iso : dateFormat.format(d);
}

/** A result: the transcript's title (its link), date and place, and its turns. */
function result(t) {
  const item = element("li", "tv-find-result");
  item.lang = t.lang;
  const heading = element("h3", "tv-find-title");
  const link = element("a", "", t.title || t.id);
  link.href = new URL(`../${t.href}`, import.meta.url).pathname;
  heading.append(link);
  item.append(heading);
  const where = [t.date && longDate(t.date), t.place].filter(Boolean).join(" · ");
  if (where) item.append(element("p", "tv-find-where", where));
  const turns = element("ul", "tv-find-turns");
  for (const hit of t.hits) {
    const li = element("li");
    const a = element("a", "tv-find-turn");
    a.href = new URL(`../${hit.href}`, import.meta.url).href;
    if (hit.speaker) a.append(element("span", "tv-find-speaker", `${hit.speaker}: `));
    for (const piece of hit.pieces) {
      a.append(piece.mark ? element("mark", "", piece.text) : document.createTextNode(piece.text));
    }
    li.append(a);
    turns.append(li);
  }
  item.append(turns);
  if (t.more > 0 && t.more_href) {
    const p = element("p", "tv-find-more-turns");
    const a = element("a", "", `${plural(t.more, "more turn", "more turns")} in this transcript`);
    a.href = new URL(`../${t.more_href}`, import.meta.url).href;
    p.append(a);
    item.append(p);
  }
  return item;
}

function plural(n, one, many) {
  return `${n.toLocaleString("en")} ${n === 1 ? one : many}`;
}

async function search({ append = false } = {}) {
  const mine = ++asked;
  const text = queryText();
  error.hidden = true;
  if (!fields.q.value.trim()) {
    list.replaceChildren();
    more.hidden = true;
    status.textContent = "";
    return;
  }
  const from = append ? next : 0;
  if (!append) status.textContent = "Searching…";
  try {
    const s = await start();
    const view = await answer(s, text, from);
    if (mine !== asked) return;
    const items = view.transcripts.map(result);
    if (append) list.append(...items);
    else list.replaceChildren(...items);
    next = view.next;
    more.hidden = next === null;
    turnsShown = (append ? turnsShown : 0) + view.turns;
    const shown = list.children.length;
    const turns = turnsShown;
    status.textContent = shown === 0
      ? "No transcript matches."
      : `${plural(shown, "transcript", "transcripts")}, ${plural(turns, "turn", "turns")}${next === null ? "" : " so far"}.`;
    if (append && items[0]) items[0].querySelector("a").focus();
    performance.mark("tv-archive-shown");
  } catch (e) {
    if (mine !== asked) return;
    status.textContent = "";
    error.textContent = `The search failed: ${e.message}`;
    error.hidden = false;
  }
}

/** The query into the address, so that it can be linked and Back returns to it. */
function writeAddress(push) {
  const params = new URLSearchParams();
  for (const [key, field] of Object.entries(fields)) {
    if (field.value.trim()) params.set(key, field.value.trim());
  }
  const url = `${location.pathname}${params.size ? `?${params}` : ""}`;
  if (url === `${location.pathname}${location.search}`) return;
  (push ? history.pushState : history.replaceState).call(history, null, "", url);
}

function readAddress() {
  const params = new URLSearchParams(location.search);
  fields.q.value = params.get("q") ?? "";
  fields.speaker.value = params.get("speaker") ?? "";
  fields.year.value = params.get("year") ?? "";
}

let pause = null;
for (const field of [fields.q, fields.speaker]) {
  field.addEventListener("focus", start, { once: true });
  field.addEventListener("input", () => {
    clearTimeout(pause);
    pause = setTimeout(() => {
      writeAddress(false);
      search();
    }, TYPING_PAUSE_MS);
  });
}
fields.year.addEventListener("change", () => {
  writeAddress(true);
  search();
});
form.addEventListener("submit", (e) => {
  e.preventDefault();
  clearTimeout(pause);
  writeAddress(true);
  search();
});
more.addEventListener("click", () => search({ append: true }));
addEventListener("popstate", () => {
  readAddress();
  search();
});

// The address is the query, also when the page comes back (Back, the page cache): some
// engines restore the fields' old values, or clear them, after this script ran.
readAddress();
if (fields.q.value.trim()) search();
addEventListener("pageshow", () => {
  const before = [fields.q.value, fields.speaker.value, fields.year.value].join("\n");
  readAddress();
  const after = [fields.q.value, fields.speaker.value, fields.year.value].join("\n");
  if (after !== before) search();
});
