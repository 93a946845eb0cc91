// Marks the passage a recording is playing (src/components/dom/media.rs calls it): the
// turn gets `data-playing`, the paragraph `aria-current="time"`, the word a range in the
// `tv-word` highlight (the CSS Custom Highlight API; without it, only turn and paragraph
// are marked). One call per change of passage, and an early return when nothing changed:
// a time update touches only what changed, and reads no layout.
// Imported by the Wasm module through wasm-bindgen, like paint.js; it reads element ids
// and numbers, never markup.

let wordHighlight = null;
function highlight() {
  if (wordHighlight === null && typeof Highlight === "function" && globalThis.CSS && CSS.highlights) {
    wordHighlight = new Highlight();
    CSS.highlights.set("tv-word", wordHighlight);
  }
  return wordHighlight;
}

function find(root, id) {
  if (!id) return null;
  const top = root.getRootNode();
  const found = typeof top.getElementById === "function" ? top.getElementById(id) : null;
  if (found && root.contains(found)) return found;
  return root.querySelector(`[id="${CSS.escape(id)}"]`);
}

/** The marks of one viewer (its root element). */
export class NowMarks {
  constructor(root) {
    this.root = root;
    this.turn = null;
    this.para = null;
    this.word = null; // [start16, end16]
    this.range = null;
  }

  /**
   * Marks turn `turnId`, paragraph `paraId` and, when `start16 < end16`, that word of the
   * paragraph's text (UTF-16 offsets); empty ids mark nothing. Returns true when the
   * paragraph marked is new (the caller may bring it into view).
   */
  mark(turnId, paraId, start16, end16) {
    const same =
      this.para !== null && this.para.isConnected && this.para.id === paraId &&
      this.turn !== null && this.turn.isConnected && this.turn.id === turnId;
    if (!same) {
      this.unmarkBlocks();
      this.turn = find(this.root, turnId);
      this.para = find(this.root, paraId);
      if (this.turn) this.turn.setAttribute("data-playing", "");
      if (this.para) this.para.setAttribute("aria-current", "time");
    }
    const word = start16 < end16 ? [start16, end16] : null;
    const sameWord = same && this.range !== null && this.range.startContainer.isConnected &&
      word !== null && this.word !== null && word[0] === this.word[0] && word[1] === this.word[1];
    if (!sameWord) this.markWord(word);
    return !same && this.para !== null;
  }

  /** True while what is marked is still in the page (a group of turns rendered again
   * replaces its nodes, and the marks with them). */
  intact() {
    return this.para !== null && this.para.isConnected &&
      (this.range === null || this.range.startContainer.isConnected);
  }

  unmarkBlocks() {
    if (this.turn) this.turn.removeAttribute("data-playing");
    if (this.para && this.para.getAttribute("aria-current") === "time") {
      this.para.removeAttribute("aria-current");
    }
    this.turn = null;
    this.para = null;
  }

  markWord(word) {
    const h = highlight();
    if (h === null) return;
    if (this.range !== null) {
      h.delete(this.range);
      this.range = null;
    }
    this.word = word;
    if (word === null || this.para === null) return;
    const walker = this.para.ownerDocument.createTreeWalker(this.para, NodeFilter.SHOW_TEXT);
    let at = 0;
    let start = null;
    let startOffset = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const end = at + node.length;
      if (start === null && word[0] < end) {
        start = node;
        startOffset = word[0] - at;
      }
      if (start !== null && word[1] <= end) {
        this.range = new StaticRange({
          startContainer: start,
          startOffset,
          endContainer: node,
          endOffset: word[1] - at,
        });
        h.add(this.range);
        return;
      }
      at = end;
    }
  }

  /** Takes every mark off. */
  clear() {
    this.unmarkBlocks();
    this.markWord(null);
  }
}

/**
 * Keeps one element in view without reading layout in the caller: an
 * IntersectionObserver reports whether the element is wholly in the viewport, and when
 * it is not, it is scrolled to the middle (smoothly unless the reader prefers reduced
 * motion).
 */
export class Follower {
  constructor() {
    this.el = null;
    this.observer =
      typeof IntersectionObserver === "function"
        ? new IntersectionObserver((entries) => {
            for (const e of entries) {
              if (e.target === this.el && e.intersectionRatio < 0.99) this.scroll(e.target);
            }
          }, { threshold: [0, 0.99] })
        : null;
  }

  scroll(el) {
    const reduced = matchMedia("(prefers-reduced-motion: reduce)").matches;
    el.scrollIntoView({ block: "center", behavior: reduced ? "auto" : "smooth" });
  }

  /** Follows `el` (null: nothing); `now` scrolls to it at once if it is out of view. */
  follow(el) {
    if (this.observer === null) {
      if (el) this.scroll(el);
      this.el = el;
      return;
    }
    if (this.el) this.observer.unobserve(this.el);
    this.el = el;
    if (el) this.observer.observe(el);
  }

  stop() {
    if (this.observer !== null) this.observer.disconnect();
    this.el = null;
  }
}
