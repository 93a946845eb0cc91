// The catalog pages (catalog/…, static HTML that works without any script): with
// JavaScript, a link the reader points at or focuses is fetched at once
// (`<link rel="prefetch">`), so that the page it opens (the next page, a year, a
// speaker, a place, a transcript) is there when they click or press Enter.
const asked = new Set();

function prefetch(event) {
  const link = event.target instanceof Element ? event.target.closest("a[href]") : null;
  if (!link || link.origin !== location.origin) return;
  const url = link.href.split("#")[0];
  if (asked.has(url) || url === location.href.split("#")[0]) return;
  asked.add(url);
  const hint = document.createElement("link");
  hint.rel = "prefetch";
  hint.href = url;
  document.head.append(hint);
}

document.addEventListener("pointerover", prefetch, { passive: true });
document.addEventListener("focusin", prefetch);
document.addEventListener("touchstart", prefetch, { passive: true });
