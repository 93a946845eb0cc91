// The <transcript-viewer> custom element, for any web page:
//
//   <link rel="stylesheet" href="viewer.css">
//   <script type="module" src="transcript-viewer-element.js"></script>
//   <transcript-viewer src="transcripts/talk.json" query="gas"></transcript-viewer>
//
// Attributes: src (required; URL of a transcript JSON, relative to the page), query,
// hidden-speakers (space-separated speaker ids), whole-words, match-diacritics (present = on),
// no-settings (hides the View settings bar), id-prefix, hydrate (present: the element
// already holds the viewer's pre-rendered markup, `render-pages embed`, which is hydrated
// instead of rendered again). Read when the element is connected; the viewer is
// destroyed (listeners and all) when it is disconnected.
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
      this.viewer = mount(this, options);
    });
  }

  disconnectedCallback() {
    if (this.viewer) {
      this.viewer.destroy();
      this.viewer = undefined;
    }
  }
}

if (!customElements.get("transcript-viewer")) {
  customElements.define("transcript-viewer", TranscriptViewerElement);
}
