//! Search matches painted over the text with the CSS Custom Highlight API
//! (`CSS.highlights`, styled by `::highlight(tv-match)` in `viewer.css`) instead of
//! `<mark>` elements: the DOM does not change while the reader types, so a keystroke
//! costs no layout, however many matches a long transcript has. The current match
//! stays a real `<mark class="tv-current" aria-current="true">` (rendered by the
//! components), so it can be scrolled to and found by assistive technology.
//!
//! Every viewer on a page shares the one `tv-match` highlight and removes only the ranges
//! it added. Natively, and in a browser without the API, nothing is painted and
//! [`supported`] is false, so the viewer renders `<mark>` elements instead.

#![cfg_attr(not(target_arch = "wasm32"), allow(unused_variables, dead_code))]

use crate::state::PaintedText;
use yew::prelude::*;

/// The highlight's name in `CSS.highlights` and in `::highlight()`.
pub const HIGHLIGHT: &str = "tv-match";

#[cfg(target_arch = "wasm32")]
mod imp {
    use super::*;
    use crate::state::paint_plan;
    use js_sys::Reflect;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use web_sys::{Document, DocumentFragment, Element, Node, StaticRange, StaticRangeInit, Text};

    #[wasm_bindgen]
    extern "C" {
        /// A `Highlight`: a set of ranges painted with one `::highlight()` style.
        type Highlight;
        #[wasm_bindgen(constructor)]
        fn new() -> Highlight;
        #[wasm_bindgen(method)]
        fn add(this: &Highlight, range: &StaticRange);
        #[wasm_bindgen(method, js_name = delete)]
        fn remove(this: &Highlight, range: &StaticRange) -> bool;
        #[wasm_bindgen(method)]
        fn clear(this: &Highlight);
        #[wasm_bindgen(method, getter)]
        fn size(this: &Highlight) -> u32;

        /// `CSS.highlights`, a map from names to highlights.
        type HighlightRegistry;
        #[wasm_bindgen(method)]
        fn get(this: &HighlightRegistry, name: &str) -> JsValue;
        #[wasm_bindgen(method)]
        fn set(this: &HighlightRegistry, name: &str, highlight: &Highlight);
    }

    fn registry() -> Option<HighlightRegistry> {
        let global = js_sys::global();
        let has = |name: &str| {
            Reflect::get(&global, &JsValue::from_str(name)).is_ok_and(|v| v.is_function())
        };
        if !has("Highlight") || !has("StaticRange") {
            return None;
        }
        let css = Reflect::get(&global, &JsValue::from_str("CSS")).ok()?;
        let registry = Reflect::get(&css, &JsValue::from_str("highlights")).ok()?;
        registry.is_object().then(|| registry.unchecked_into())
    }

    /// Whether this browser can paint highlights.
    pub fn supported() -> bool {
        registry().is_some()
    }

    /// What one viewer has painted: each element's text with its ranges, and the
    /// transcript they belong to.
    #[derive(Default)]
    pub struct Painter {
        /// The texts painted, and each one's ranges.
        texts: Vec<PaintedText>,
        ranges: Vec<Vec<StaticRange>>,
        transcript: usize,
        /// The element the current match was in (its `<mark>` splits the text).
        current: Option<String>,
    }

    impl Painter {
        /// Paints `texts` of `transcript` (an identity: the texts of another one are
        /// never kept) inside `root`'s document or shadow root; `current` is the id of
        /// the element holding the current match. What was painted before with the
        /// same element and ranges stays (`state::paint_plan`), unless the current
        /// match's `<mark>` is or was in that element; the rest is taken off or
        /// painted. A text whose element is missing or no longer holds
        /// text of the expected length is skipped, never painted wrongly, and tried
        /// again next time.
        pub fn paint(
            &mut self,
            root: &NodeRef,
            transcript: usize,
            current: Option<String>,
            texts: Vec<PaintedText>,
        ) {
            let Some(registry) = registry() else { return };
            let highlight = match registry.get(HIGHLIGHT) {
                h if h.is_object() => h.unchecked_into::<Highlight>(),
                _ => {
                    let h = Highlight::new();
                    registry.set(HIGHLIGHT, &h);
                    h
                }
            };
            if transcript != self.transcript {
                self.remove_from(&highlight);
                self.transcript = transcript;
            }
            let fresh: Vec<&str> = [&self.current, &current]
                .into_iter()
                .flatten()
                .map(String::as_str)
                .collect();
            let plan = paint_plan(&self.texts, &texts, &fresh);
            let mut kept: Vec<Option<Vec<StaticRange>>> = Vec::with_capacity(plan.keep.len());
            let mut dropped = Vec::new();
            for (ranges, keep) in self.ranges.drain(..).zip(&plan.keep) {
                if *keep {
                    kept.push(Some(ranges));
                } else {
                    dropped.extend(ranges);
                    kept.push(None);
                }
            }
            self.texts.clear();
            Self::take_off(&highlight, dropped, !plan.keep.contains(&true));
            let lookup = root.cast::<Element>().map(Lookup::new);
            for (text, from) in texts.into_iter().zip(plan.from) {
                let ranges = match from.and_then(|i| kept[i].take()) {
                    Some(ranges) => ranges,
                    None => match lookup.as_ref().and_then(|l| ranges_of(l, &text)) {
                        Some(ranges) => {
                            for range in &ranges {
                                highlight.add(range);
                            }
                            ranges
                        }
                        None => continue,
                    },
                };
                self.texts.push(text);
                self.ranges.push(ranges);
            }
            self.current = current;
        }

        /// Removes everything this painter painted.
        pub fn clear(&mut self) {
            if let Some(h) = registry()
                .map(|r| r.get(HIGHLIGHT))
                .filter(JsValue::is_object)
            {
                self.remove_from(h.unchecked_ref());
            }
        }

        fn remove_from(&mut self, highlight: &Highlight) {
            self.texts.clear();
            let ranges = self.ranges.drain(..).flatten().collect();
            Self::take_off(highlight, ranges, true);
        }

        /// Takes `ranges` off `highlight`; when they are all this painter has there
        /// (`all`) and nobody else painted (one viewer on the page, the usual case),
        /// one call clears them.
        fn take_off(highlight: &Highlight, ranges: Vec<StaticRange>, all: bool) {
            if ranges.is_empty() {
                return;
            }
            if all && highlight.size() as usize == ranges.len() {
                highlight.clear();
            } else {
                for range in &ranges {
                    highlight.remove(range);
                }
            }
        }
    }

    /// The ranges of `text` in its element, or `None` when the element is missing or
    /// holds other text.
    fn ranges_of(lookup: &Lookup, text: &PaintedText) -> Option<Vec<StaticRange>> {
        let el = lookup.element(&text.element_id)?;
        let nodes = text_nodes(&el);
        if nodes.iter().map(|(_, len)| len).sum::<u32>() != text.len16 {
            return None;
        }
        let mut ranges = Vec::with_capacity(text.ranges16.len());
        for r in &text.ranges16 {
            let (Some((start, start_at)), Some((end, end_at))) =
                (locate(&nodes, r.start, false), locate(&nodes, r.end, true))
            else {
                continue;
            };
            let init = StaticRangeInit::new(end, end_at, start, start_at);
            if let Ok(range) = StaticRange::new(&init) {
                ranges.push(range);
            }
        }
        Some(ranges)
    }

    /// Finds elements by id inside a viewer: through the id map of the document or
    /// shadow root it lives in, and when that finds another element (a page that
    /// repeats the viewer's ids), by a search of the viewer itself.
    struct Lookup {
        root: Element,
        top: Option<Top>,
    }

    enum Top {
        Document(Document),
        Fragment(DocumentFragment),
    }

    impl Lookup {
        fn new(root: Element) -> Lookup {
            let top = root.get_root_node();
            let top = match top.dyn_into::<Document>() {
                Ok(doc) => Some(Top::Document(doc)),
                Err(top) => top.dyn_into::<DocumentFragment>().ok().map(Top::Fragment),
            };
            Lookup { root, top }
        }

        fn element(&self, id: &str) -> Option<Element> {
            let found = match &self.top {
                Some(Top::Document(d)) => d.get_element_by_id(id),
                Some(Top::Fragment(f)) => f.get_element_by_id(id),
                None => None,
            };
            match found {
                Some(el) if self.root.contains(Some(&el)) => Some(el),
                _ => {
                    let selector = format!("[id=\"{}\"]", web_sys::css::escape(id));
                    self.root.query_selector(&selector).ok().flatten()
                }
            }
        }
    }

    /// The text nodes inside `el`, in order, with their lengths in UTF-16 units.
    fn text_nodes(el: &Element) -> Vec<(Node, u32)> {
        let mut out = Vec::new();
        let mut stack = vec![el.first_child()];
        while let Some(entry) = stack.pop() {
            let Some(node) = entry else { continue };
            stack.push(node.next_sibling());
            match node.dyn_ref::<Text>() {
                Some(text) => out.push((node.clone(), text.length())),
                None => stack.push(node.first_child()),
            }
        }
        out
    }

    /// The node and offset at UTF-16 position `at` of the concatenated text; an `end`
    /// position at a node boundary stays in the earlier node.
    fn locate(nodes: &[(Node, u32)], at: u32, end: bool) -> Option<(&Node, u32)> {
        let mut start = 0;
        for (node, len) in nodes {
            let inside = if end {
                at > start && at <= start + len
            } else {
                at >= start && at < start + len
            };
            if inside {
                return Some((node, at - start));
            }
            start += len;
        }
        None
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use super::*;

    pub fn supported() -> bool {
        false
    }

    #[derive(Default)]
    pub struct Painter;

    impl Painter {
        pub fn paint(
            &mut self,
            root: &NodeRef,
            transcript: usize,
            current: Option<String>,
            texts: Vec<PaintedText>,
        ) {
        }
        pub fn clear(&mut self) {}
    }
}

pub use imp::*;
