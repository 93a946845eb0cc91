// The comparison page: the same transcript JSON rendered as static HTML with the viewer's
// own markup and stylesheet (title, summary paragraphs, one <section class="tv-turn">
// with an <h2> speaker heading and <p> paragraphs per turn), a search box and a
// role="status" line, highlighted as-you-type by mark.js or advanced-mark.js.
//
// The library's context is the <article> without the speaker headings
// (`exclude`), i.e. exactly the text the viewer searches: the title and every paragraph.
// (A NodeList of the 2,000+ paragraphs as the context would be several times slower in
// both libraries.) Each input event runs
//   instance.unmark({ done() { instance.mark(query, { ...OPTIONS, done(n) { status = n } }) } })
// which is how these libraries do search-as-you-type.

/** The options that make both libraries do the viewer's job: one phrase (not separate
 * words), case-insensitive, diacritic-insensitive, substring matches, inside one
 * paragraph; white space in the query matches any run of white space (also no-break
 * spaces, which JavaScript's \s includes). */
export const LIBRARY_OPTIONS = {
  separateWordSearch: false,
  caseSensitive: false,
  diacritics: true,
  accuracy: "partially",
  acrossElements: false,
  className: "tv-match",
  exclude: [".tv-speaker", ".tv-speaker *"],
};

const escapeHtml = (s) =>
  String(s).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);

/** The page for `transcript` (parsed JSON), highlighting with the script at `libUrl`. */
export function staticPage(transcript, libUrl) {
  const speakers = new Map(transcript.speakers.map((s) => [s.id, s]));
  const turns = transcript.turns
    .map((turn) => {
      const speaker = turn.speaker && speakers.get(turn.speaker);
      const heading = speaker
        ? `<h2 class="tv-speaker"><span class="tv-speaker-name">${escapeHtml(speaker.name)}</span></h2>`
        : "";
      const paragraphs = turn.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join("");
      const attr = speaker ? ` data-speaker="${escapeHtml(speaker.id)}"` : "";
      return `<section class="tv-turn" id="${escapeHtml(turn.id)}"${attr}>${heading}${paragraphs}</section>`;
    });
  // In groups of 16 turns, as the viewer renders them (src/components/turn_list.rs), so
  // that the libraries get the same content-visibility as ours.
  const groups = [];
  for (let i = 0; i < turns.length; i += 16) {
    groups.push(`<div class="tv-turn-group">\n${turns.slice(i, i + 16).join("\n")}\n</div>`);
  }
  const summary = (transcript.summary || []).map((p) => `<p>${escapeHtml(p)}</p>`).join("");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(transcript.title)} (static, for the benchmark)</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/site.css">
<link rel="stylesheet" href="/viewer.css">
<script src="${escapeHtml(libUrl)}"></script>
</head>
<body>
<div class="tv-root tv-page">
<main class="tv-main">
<div class="tv-controls">
<div class="tv-search" role="search" aria-label="Search the transcript">
<label class="tv-search-field"><span class="tv-search-label">Search</span>
<input class="tv-search-input" type="search" autocomplete="off" spellcheck="false"></label>
<p class="tv-search-status" id="bench-status" role="status" aria-atomic="true"></p>
</div>
</div>
<article class="tv-transcript" lang="${escapeHtml(transcript.lang)}">
<header class="tv-header"><h1 class="tv-title">${escapeHtml(transcript.title)}</h1></header>
<section class="tv-summary">${summary}</section>
<div class="tv-turns">
${groups.join("\n")}
</div>
</article>
</main>
</div>
<script>
"use strict";
const OPTIONS = ${JSON.stringify(LIBRARY_OPTIONS)};
const input = document.querySelector(".tv-search-input");
const status = document.getElementById("bench-status");
const instance = new Mark(document.querySelector("article.tv-transcript"));
input.addEventListener("input", () => {
  const query = input.value;
  instance.unmark({
    done() {
      if (!query.trim()) {
        status.textContent = "";
        return;
      }
      instance.mark(query, { ...OPTIONS, done(n) { status.textContent = n + " matches"; } });
    },
  });
});
</script>
</body>
</html>
`;
}
