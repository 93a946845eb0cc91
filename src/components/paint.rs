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
    use js_sys::{Array, Reflect};
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use web_sys::Element;

    #[wasm_bindgen]
    extern "C" {
        /// A `Highlight`: a set of ranges painted with one `::highlight()` style.
        type Highlight;
        #[wasm_bindgen(constructor)]
        fn new() -> Highlight;

        /// `CSS.highlights`, a map from names to highlights.
        type HighlightRegistry;
        #[wasm_bindgen(method)]
        fn get(this: &HighlightRegistry, name: &str) -> JsValue;
        #[wasm_bindgen(method)]
        fn set(this: &HighlightRegistry, name: &str, highlight: &Highlight);
    }

    // The loops over matches and text nodes run in JavaScript: one call per repaint
    // instead of several per match (see www/paint.js).
    #[wasm_bindgen(module = "/www/paint.js")]
    extern "C" {
        #[wasm_bindgen(js_name = paintTexts)]
        fn paint_texts(
            root: &Element,
            highlight: &Highlight,
            ids: &str,
            id_lens: &[u32],
            len16s: &[u32],
            counts: &[u32],
            offsets: &[u32],
        ) -> Array;
        /// The groups of turns near the view (www/paint.js).
        type NearGroups;
        #[wasm_bindgen(constructor, catch)]
        fn new(root: &Element, changed: &js_sys::Function) -> Result<NearGroups, JsValue>;
        #[wasm_bindgen(method)]
        fn sync(this: &NearGroups) -> Vec<u32>;
        #[wasm_bindgen(method)]
        fn disconnect(this: &NearGroups);

        #[wasm_bindgen(js_name = takeOff)]
        fn take_off(highlight: &Highlight, lists: &Array, all: bool);
        fn detached(lists: &Array) -> Vec<u32>;
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

    /// Which groups of turns are near the view, for a painter that paints only theirs.
    /// Stops watching when dropped.
    pub struct Nearby {
        groups: NearGroups,
        _changed: Closure<dyn FnMut()>,
    }

    impl Nearby {
        /// Watches `root`'s groups of turns; `changed` is called when groups come near
        /// the view. `None` where matches are not painted or nothing can watch.
        pub fn new(root: &NodeRef, changed: impl FnMut() + 'static) -> Option<Nearby> {
            let root = root.cast::<Element>()?;
            let has_observer = Reflect::get(
                &js_sys::global(),
                &JsValue::from_str("IntersectionObserver"),
            )
            .is_ok_and(|v| v.is_function());
            if !supported() || !has_observer {
                return None;
            }
            let changed = Closure::<dyn FnMut()>::new(changed);
            let groups = NearGroups::new(&root, changed.as_ref().unchecked_ref()).ok()?;
            Some(Nearby {
                groups,
                _changed: changed,
            })
        }

        /// The indices of the groups near the view, ascending, with those not reported
        /// on yet (groups rendered since the last call are watched from now on; the
        /// first report on a group comes with the next frame).
        pub fn groups(&self) -> Vec<u32> {
            self.groups.sync()
        }
    }

    impl Drop for Nearby {
        fn drop(&mut self) {
            self.groups.disconnect();
        }
    }

    /// What one viewer has painted: each element's text with its ranges, and the
    /// transcript they belong to.
    #[derive(Default)]
    pub struct Painter {
        /// The texts painted, and each one's ranges (a JavaScript array).
        texts: Vec<PaintedText>,
        ranges: Vec<JsValue>,
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
        /// painted. A text whose element is missing or no longer holds text of the
        /// expected length is skipped, never painted wrongly, and tried again next
        /// time. With `recheck` (elements may have been rendered again since the last
        /// paint), a text whose ranges are in nodes no longer in the document is
        /// painted again too.
        pub fn paint(
            &mut self,
            root: &NodeRef,
            transcript: usize,
            current: Option<String>,
            texts: Vec<PaintedText>,
            recheck: bool,
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
            let mut fresh: Vec<&str> = [&self.current, &current]
                .into_iter()
                .flatten()
                .map(String::as_str)
                .collect();
            if recheck && !self.ranges.is_empty() {
                let lists: Array = self.ranges.iter().collect();
                let gone = detached(&lists);
                fresh.extend(
                    gone.iter()
                        .map(|&i| self.texts[i as usize].element_id.as_str()),
                );
            }
            let plan = paint_plan(&self.texts, &texts, &fresh);
            let mut kept: Vec<Option<JsValue>> = Vec::with_capacity(plan.keep.len());
            let dropped = Array::new();
            for (ranges, keep) in self.ranges.drain(..).zip(&plan.keep) {
                if *keep {
                    kept.push(Some(ranges));
                } else {
                    dropped.push(&ranges);
                    kept.push(None);
                }
            }
            self.texts.clear();
            take_off(&highlight, &dropped, !plan.keep.contains(&true));

            // The texts to paint, flattened for one call.
            let new: Vec<usize> = (0..texts.len())
                .filter(|&i| plan.from[i].is_none())
                .collect();
            let mut painted = Vec::new();
            if let (Some(root), false) = (root.cast::<Element>(), new.is_empty()) {
                let (mut ids, mut id_lens) = (String::new(), Vec::with_capacity(new.len()));
                let (mut len16s, mut counts) = (Vec::new(), Vec::new());
                let mut offsets = Vec::new();
                for &i in &new {
                    let text = &texts[i];
                    ids.push_str(&text.element_id);
                    id_lens.push(crate::search::utf16_len(&text.element_id) as u32);
                    len16s.push(text.len16);
                    counts.push(text.ranges16.len() as u32);
                    offsets.extend(text.ranges16.iter().flat_map(|r| [r.start, r.end]));
                }
                painted = paint_texts(
                    &root, &highlight, &ids, &id_lens, &len16s, &counts, &offsets,
                )
                .to_vec();
            }
            let mut painted = new.into_iter().zip(painted).peekable();
            for (i, (text, from)) in texts.into_iter().zip(plan.from).enumerate() {
                let ranges = match from.and_then(|k| kept[k].take()) {
                    Some(ranges) => ranges,
                    None => match painted.next_if(|(j, _)| *j == i) {
                        Some((_, ranges)) if !ranges.is_null() => ranges,
                        _ => continue,
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
            let lists: Array = self.ranges.drain(..).collect();
            take_off(highlight, &lists, true);
        }
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

    pub struct Nearby;

    impl Nearby {
        pub fn new(root: &NodeRef, changed: impl FnMut() + 'static) -> Option<Nearby> {
            None
        }
        pub fn groups(&self) -> Vec<u32> {
            Vec::new()
        }
    }

    impl Painter {
        pub fn paint(
            &mut self,
            root: &NodeRef,
            transcript: usize,
            current: Option<String>,
            texts: Vec<PaintedText>,
            recheck: bool,
        ) {
        }
        pub fn clear(&mut self) {}
    }
}

pub use imp::*;
