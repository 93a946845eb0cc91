// Paints search matches over the text with the CSS Custom Highlight API, a whole
// repaint in one call from the Wasm (src/components/paint.rs) instead of several calls
// per match: with 36,000 matches the calls across the boundary cost more than the work.
// Imported by the Wasm module through wasm-bindgen (served as a snippet next to it, so a
// `script-src 'self'` policy allows it). It reads element ids and numbers, never markup.

/**
 * Paints texts `i = 0..idLens.length`: the element whose id is the next `idLens[i]`
 * UTF-16 units of `ids`, found inside `root`; its text is `len16s[i]` units long and
 * `counts[i]` ranges (pairs of UTF-16 offsets, in order, in `offsets`) are painted in it.
 * Returns, per text, the array of ranges added to `highlight`, or null when the element
 * is missing or holds text of another length (nothing is painted there).
 */
export function paintTexts(root, highlight, ids, idLens, len16s, counts, offsets) {
  const top = root.getRootNode();
  const out = new Array(idLens.length);
  let at = 0;
  let pair = 0;
  for (let i = 0; i < idLens.length; i++) {
    const id = ids.slice(at, at + idLens[i]);
    at += idLens[i];
    out[i] = paintText(root, top, highlight, id, len16s[i], offsets, pair, counts[i]);
    pair += 2 * counts[i];
  }
  return out;
}

/** Takes every range of the arrays in `lists` off `highlight` (all at once when they are
 * all it holds and `all` says they are all its painter's). */
export function takeOff(highlight, lists, all) {
  let n = 0;
  for (const list of lists) n += list.length;
  if (n === 0) return;
  if (all && highlight.size === n) {
    highlight.clear();
    return;
  }
  for (const list of lists) for (const range of list) highlight.delete(range);
}

/** The indices (a Uint32Array) of the arrays in `lists` whose ranges are in text nodes no
 * longer in the document: their element was rendered again. */
export function detached(lists) {
  const out = [];
  for (let i = 0; i < lists.length; i++) {
    const list = lists[i];
    if (list.length > 0 && !list[0].startContainer.isConnected) out.push(i);
  }
  return new Uint32Array(out);
}

// The element with this id inside root: through the id map of its document or shadow
// root, and when that finds another element (a page repeating the viewer's ids), by a
// search of the viewer itself.
function find(root, top, id) {
  const found = typeof top.getElementById === "function" ? top.getElementById(id) : null;
  if (found && root.contains(found)) return found;
  return root.querySelector(`[id="${CSS.escape(id)}"]`);
}

function paintText(root, top, highlight, id, len16, offsets, first, count) {
  const el = find(root, top, id);
  if (!el) return null;
  let nodes;
  let starts;
  const only = el.firstChild;
  if (only && only === el.lastChild && only.nodeType === Node.TEXT_NODE) {
    // Most paragraphs are one text node: no walk.
    if (only.length !== len16) return null;
    nodes = [only];
    starts = [0];
  } else {
    nodes = [];
    starts = [];
    let total = 0;
    const walker = el.ownerDocument.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      nodes.push(node);
      starts.push(total);
      total += node.length;
    }
    if (total !== len16) return null;
  }
  const ranges = [];
  let k = 0; // ranges come in order: the node search only moves forward
  for (let m = 0; m < count; m++) {
    const start = offsets[first + 2 * m];
    const end = offsets[first + 2 * m + 1];
    while (k + 1 < nodes.length && starts[k + 1] <= start) k++;
    let e = k;
    // An end at a node boundary stays in the earlier node.
    while (e + 1 < nodes.length && starts[e + 1] < end) e++;
    if (start < starts[k] || start >= starts[k] + nodes[k].length) continue;
    if (end <= starts[e] || end > starts[e] + nodes[e].length) continue;
    const range = new StaticRange({
      startContainer: nodes[k],
      startOffset: start - starts[k],
      endContainer: nodes[e],
      endOffset: end - starts[e],
    });
    highlight.add(range);
    ranges.push(range);
  }
  return ranges;
}

/**
 * Which of root's groups of turns (its `.tv-turn-group` elements; the n-th in document
 * order is group n) are near the view: within a view's height above or below it, seen
 * by an IntersectionObserver. A painter then paints the matches of those groups only
 * (a 10 MB transcript's one-letter search has 380,000); `changed` is called when
 * groups come near, to paint theirs. Groups rendered later are observed at the next
 * `sync`, and a group whose element was replaced is observed anew.
 */
export class NearGroups {
  constructor(root, changed) {
    this.root = root;
    this.turns = null;
    this.observed = [];
    this.index = new Map();
    this.near = new Set();
    this.seen = new Set();
    const callback = (entries) => {
      let came = false;
      for (const entry of entries) {
        const i = this.index.get(entry.target);
        if (i === undefined) continue;
        // A group not seen yet counted as near (see `sync`).
        const was = this.near.has(i) || !this.seen.has(i);
        this.seen.add(i);
        if (entry.isIntersecting) {
          came = came || !was;
          this.near.add(i);
        } else {
          this.near.delete(i);
        }
      }
      if (came) changed();
    };
    // Printing shows every page: every group counts as near until it is done.
    this.printing = false;
    const view = root.ownerDocument.defaultView;
    this.onPrint = () => {
      this.printing = true;
      changed();
    };
    this.onPrinted = () => {
      this.printing = false;
    };
    view.addEventListener("beforeprint", this.onPrint);
    view.addEventListener("afterprint", this.onPrinted);
    this.view = view;
    const margin = { rootMargin: "100% 0px" };
    try {
      // The document's own viewport as the root: the margin then applies in a frame too.
      this.observer = new IntersectionObserver(callback, { ...margin, root: root.ownerDocument });
    } catch {
      this.observer = new IntersectionObserver(callback, margin);
    }
  }

  /** Observes the groups not observed yet; the indices of those near the view (or not
   * reported on yet; all of them while the page prints), ascending. */
  sync() {
    // The groups are the children of `.tv-turns` (a collection of its children only: a
    // collection of the whole viewer's descendants would walk all of them again after
    // every change, 5 ms on a 10 MB transcript).
    if (!this.turns || !this.turns.isConnected) this.turns = this.root.querySelector(".tv-turns");
    const groups = this.turns ? this.turns.children : [];
    const seen = this.observed;
    const same =
      groups.length === seen.length && (seen.length === 0 || (groups[0] === seen[0] && groups[groups.length - 1] === seen[seen.length - 1]));
    for (let i = 0; !same && i < groups.length; i++) {
      const el = groups[i];
      const was = this.observed[i];
      if (was === el) continue;
      if (was) {
        this.observer.unobserve(was);
        this.index.delete(was);
      }
      this.near.delete(i);
      this.seen.delete(i);
      this.observed[i] = el;
      this.index.set(el, i);
      this.observer.observe(el);
    }
    for (let i = groups.length; i < this.observed.length; i++) {
      this.observer.unobserve(this.observed[i]);
      this.index.delete(this.observed[i]);
      this.near.delete(i);
      this.seen.delete(i);
    }
    this.observed.length = groups.length;
    // Until the observer has reported a group (its first report comes with the next
    // frame), it counts as near: a search typed or given in the URL at once after the
    // viewer mounted is painted in full, not in part.
    const out = [];
    for (let i = 0; i < groups.length; i++) {
      if (this.printing || this.near.has(i) || !this.seen.has(i)) out.push(i);
    }
    return Uint32Array.from(out);
  }

  disconnect() {
    this.observer.disconnect();
    this.view.removeEventListener("beforeprint", this.onPrint);
    this.view.removeEventListener("afterprint", this.onPrinted);
  }
}
