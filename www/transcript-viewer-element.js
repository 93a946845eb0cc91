// The <transcript-viewer> custom element, for any web page:
//
//   <link rel="stylesheet" href="viewer.css">
//   <script type="module" src="transcript-viewer-element.js"></script>
//   <transcript-viewer src="transcripts/talk.json" query="gas"></transcript-viewer>
//
// Attributes: src (required; URL of a transcript JSON, relative to the page), query,
// hidden-speakers (space-separated speaker ids), whole-words, match-diacritics (present = on),
// no-settings (hides the View settings bar), id-prefix, lang (the language of the
// viewer's words; by default the transcript's), media-for, hydrate (present: the element
// already holds the viewer's pre-rendered markup, `render-pages embed`, which is hydrated
// instead of rendered again). The `labels` property (an object, as mount's `labels`
// option), set before the element is connected, gives the host's own words. Read when
// the element is connected; the viewer is destroyed (listeners and all) when it is
// disconnected.
// The element fires `transcript-viewer-change` (detail: the reader's state) and has the
// handle's methods: setQuery, setSearchOptions, setHidden, nextMatch, previousMatch,
// seek, and the `state` getter (see docs/embedding.md); a call made before the viewer
// has mounted waits for it.
// The module also exports `ready` (the wasm's initialisation) and `mount`; once the
// wasm is ready, `document` gets a `transcript-viewer:ready` event (detail.wasm: its exports).
import init, { mount } from "./transcript-viewer.js";

export const ready = init({
  module_or_path: new URL("transcript-viewer_bg.wasm", import.meta.url),
}).then((wasm) => {
  // For pages and tools that watch the start-up (the benchmark reads the memory).
  document.dispatchEvent(new CustomEvent("transcript-viewer:ready", { detail: { wasm } }));
  return wasm;
});
export { mount };

class TranscriptViewerElement extends HTMLElement {
  connectedCallback() {
    ready.then(() => {
      if (!this.isConnected || this.viewer) return;
      const hidden = (this.getAttribute("hidden-speakers") || "").split(/\s+/).filter(Boolean);
      const options = {
        src: new URL(this.getAttribute("src") || "", document.baseURI).href,
        query: this.getAttribute("query") || "",
        hidden,
        wholeWords: this.hasAttribute("whole-words"),
        matchDiacritics: this.hasAttribute("match-diacritics"),
        showSettings: !this.hasAttribute("no-settings"),
      };
      if (this.hasAttribute("id-prefix")) options.idPrefix = this.getAttribute("id-prefix");
      if (this.hasAttribute("hydrate")) options.hydrate = true;
      if (this.hasAttribute("media-for")) options.mediaFor = this.getAttribute("media-for");
      if (this.hasAttribute("lang")) options.lang = this.getAttribute("lang");
      if (this.labels) options.labels = this.labels;
      this.viewer = mount(this, options);
      for (const call of this.#waiting.splice(0)) call(this.viewer);
    });
  }

  // Calls `f` with the handle now, or once the viewer has mounted.
  #waiting = [];
  #withViewer(f) {
    if (this.viewer) f(this.viewer);
    else this.#waiting.push(f);
  }

  get state() {
    return this.viewer ? this.viewer.state : null;
  }
  setQuery(query) {
    this.#withViewer((v) => v.setQuery(query));
  }
  setSearchOptions(options) {
    this.#withViewer((v) => v.setSearchOptions(options));
  }
  setHidden(ids) {
    this.#withViewer((v) => v.setHidden(ids));
  }
  nextMatch() {
    this.#withViewer((v) => v.nextMatch());
  }
  previousMatch() {
    this.#withViewer((v) => v.previousMatch());
  }
  seek(seconds) {
    this.#withViewer((v) => v.seek(seconds));
  }

  disconnectedCallback() {
    this.#waiting.length = 0;
    if (this.viewer) {
      this.viewer.destroy();
      this.viewer = undefined;
    }
  }
}

if (!customElements.get("transcript-viewer")) {
  customElements.define("transcript-viewer", TranscriptViewerElement);
}
