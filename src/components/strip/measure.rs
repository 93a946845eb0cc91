//! The strip's browser calls: which rendered turns the reader sees, moving the view to a
//! turn (or the marker of its hidden run), and a scroll watch that calls back once per
//! animation frame. Native stand-ins do nothing, so the strip renders without a browser.

#![cfg_attr(not(target_arch = "wasm32"), allow(unused_variables, dead_code))]

use std::collections::HashMap;
use yew::prelude::*;

#[cfg(target_arch = "wasm32")]
mod imp {
    use super::*;
    use crate::components::dom::visible_band;
    use crate::state::TurnBox;
    use std::cell::Cell;
    use std::rc::Rc;
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    use web_sys::{Element, HtmlElement};

    fn rect(e: &Element) -> (f64, f64) {
        let r = e.get_bounding_client_rect();
        (r.top(), r.bottom())
    }

    fn elements(root: &Element, selector: &str) -> Vec<Element> {
        let Ok(list) = root.query_selector_all(selector) else {
            return Vec::new();
        };
        (0..list.length())
            .filter_map(|i| list.item(i)?.dyn_into::<Element>().ok())
            .collect()
    }

    /// The band of the window the reader sees the viewer's text in: the window, cut by
    /// every scrolling box around the viewer, below whatever sticky bar of the viewer
    /// (the search bar, the bar the strip is in) is stuck over it.
    fn band(root: &Element, strip: &Element) -> Option<(f64, f64)> {
        let window = web_sys::window()?;
        let html = window.document()?.document_element()?;
        let style = |e: &Element, name: &str| {
            window
                .get_computed_style(e)
                .ok()
                .flatten()
                .and_then(|s| s.get_property_value(name).ok())
                .unwrap_or_default()
        };
        let mut clips = Vec::new();
        let mut at = root.parent_element();
        while let Some(e) = at {
            if e == html {
                break;
            }
            if e.scroll_height() > e.client_height() && style(&e, "overflow-y") != "visible" {
                let top = e.get_bounding_client_rect().top() + f64::from(e.client_top());
                clips.push((top, top + f64::from(e.client_height())));
            }
            at = e.parent_element();
        }
        let view = (0.0, f64::from(html.client_height()));
        let top = visible_band(view, &clips, None).0;
        // Bars that stick: the strip's own ancestors inside the viewer, and the search bar.
        let mut bars: Vec<Element> = root
            .query_selector(".tv-search")
            .ok()
            .flatten()
            .into_iter()
            .collect();
        let mut at = strip.parent_element();
        while let Some(e) = at {
            if &e == root {
                break;
            }
            at = e.parent_element();
            bars.push(e);
        }
        let stuck = bars
            .iter()
            .filter(|bar| style(bar, "position") == "sticky")
            .filter_map(|bar| {
                let offset = js_sys::parse_float(&style(bar, "top"));
                let offset = if offset.is_finite() { offset } else { 0.0 };
                let (bar_top, bar_bottom) = rect(bar);
                (bar_top <= top + offset + 1.0).then_some(bar_bottom)
            })
            .fold(None, |a: Option<f64>, b| Some(a.map_or(b, |a| a.max(b))));
        Some(visible_band(view, &clips, stuck))
    }

    /// The first and last rendered turns of the viewer around `strip` that the reader
    /// sees (a hidden one when the marker of its run is seen) (by index; `ids` maps an element id, less `prefix`, to its turn).
    /// Only the groups of turns in the band are looked into, found by a binary search.
    pub fn turns_in_view(
        strip: &NodeRef,
        prefix: &str,
        ids: &HashMap<String, usize>,
    ) -> Option<(usize, usize)> {
        let strip = strip.cast::<Element>()?;
        let root = strip.closest(".tv-root").ok().flatten()?;
        let band = band(&root, &strip)?;
        let list = root.query_selector(".tv-turns").ok().flatten()?;
        let groups = elements(&list, ":scope > .tv-turn-group");
        let first = groups.partition_point(|g| rect(g).1 <= band.0);
        let mut boxes = Vec::new();
        for group in groups.iter().skip(first) {
            if rect(group).0 >= band.1 {
                break;
            }
            // A hidden turn is where its run's marker is (which stands before the run's
            // first turn, in this group or an earlier one).
            let mut marker = None;
            for el in elements(
                group,
                ":scope > section.tv-turn, :scope > .tv-hidden-marker",
            ) {
                if el.matches(".tv-hidden-marker").unwrap_or(false) {
                    marker = Some(rect(&el));
                    continue;
                }
                let id = el.id();
                let Some(&turn) = id.strip_prefix(prefix).and_then(|id| ids.get(id)) else {
                    continue;
                };
                let (top, bottom) = match el.has_attribute("hidden") {
                    true => match marker {
                        Some(at) => at,
                        None => continue,
                    },
                    false => {
                        marker = None;
                        rect(&el)
                    }
                };
                boxes.push(TurnBox { turn, top, bottom });
            }
        }
        crate::state::turns_in_view(&boxes, band)
    }

    fn scroll_into_view(el: &Element) {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Start);
        options.set_behavior(web_sys::ScrollBehavior::Instant);
        el.scroll_into_view_with_scroll_into_view_options(&options);
    }

    /// Scrolls `el` to the top of the view; true once it is in the window. An element
    /// in a group of turns far from the view (not laid out: `content-visibility`) may
    /// not move in WebKit: then its group is scrolled to, and the caller tries again
    /// once the group is laid out.
    fn scroll_to(el: &Element) -> bool {
        scroll_into_view(el);
        let r = el.get_bounding_client_rect();
        let height = web_sys::window()
            .and_then(|w| w.inner_height().ok())
            .and_then(|h| h.as_f64())
            .unwrap_or(0.0);
        if r.height() > 0.0 && r.top() >= -1.0 && r.top() < height {
            return true;
        }
        if let Some(group) = el.closest(".tv-turn-group").ok().flatten() {
            scroll_into_view(&group);
        }
        false
    }

    /// Brings the turn with element id `id` to the top of the view, or, when the
    /// speaker filter hides it, the marker of its run of hidden turns. False when the
    /// turn is not in the page (yet: a long transcript is rendered a batch at a time)
    /// or not in view yet.
    pub fn show_turn(id: &str) -> bool {
        let Some(el) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(id))
        else {
            return false;
        };
        if !el.has_attribute("hidden") {
            return scroll_to(&el);
        }
        // The marker stands before the run's first turn, perhaps in an earlier group.
        let mut at = Some(el.clone());
        while let Some(e) = at {
            if e.matches(".tv-hidden-marker").unwrap_or(false) {
                return scroll_to(&e);
            }
            at = e.previous_element_sibling().or_else(|| {
                let group = e.parent_element()?.previous_element_sibling()?;
                group.last_element_child()
            });
        }
        true
    }

    /// Moves the focus to the link button of the turn with element id `id`. False when
    /// the turn is not in the page yet.
    pub fn focus_turn(id: &str) -> bool {
        let button = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(id))
            .and_then(|el| el.query_selector(".tv-turn-link").ok().flatten())
            .and_then(|el| el.dyn_into::<HtmlElement>().ok());
        match button {
            Some(button) => button.focus().is_ok(),
            None => false,
        }
    }

    /// Where a click on the element `target` fell, as a fraction of its width (0 at its
    /// left edge).
    pub fn click_fraction(e: &MouseEvent, target: &NodeRef) -> Option<f64> {
        let el = target.cast::<Element>()?;
        let r = el.get_bounding_client_rect();
        (r.width() > 0.0).then(|| (f64::from(e.client_x()) - r.left()) / r.width())
    }

    /// A call at the next animation frame (where reading the page's layout costs no
    /// extra style and layout pass), cancelled when dropped.
    pub struct NextFrame {
        id: i32,
        _closure: Closure<dyn FnMut()>,
    }

    impl NextFrame {
        /// Calls `f` once, at the next animation frame.
        pub fn new(f: impl FnOnce() + 'static) -> Option<Self> {
            let closure = Closure::once(f);
            let id = web_sys::window()?
                .request_animation_frame(closure.as_ref().unchecked_ref())
                .ok()?;
            Some(NextFrame {
                id,
                _closure: closure,
            })
        }
    }

    impl Drop for NextFrame {
        fn drop(&mut self) {
            if let Some(w) = web_sys::window() {
                let _ = w.cancel_animation_frame(self.id);
            }
        }
    }

    /// Whether the `<details>` a `toggle` event came from is open now.
    pub fn details_open(e: &Event) -> Option<bool> {
        e.target_dyn_into::<Element>()
            .map(|el| el.has_attribute("open"))
    }

    /// Calls a function once per animation frame in which the page or a box in it
    /// scrolled or the window was resized (a passive, capturing listener on the window;
    /// scroll events do not bubble). Stops when dropped.
    pub struct ScrollWatch {
        listener: Closure<dyn FnMut(web_sys::Event)>,
        _frame: Rc<Closure<dyn FnMut()>>,
        /// The frame asked for, if any: cancelled with the watch.
        asked: Rc<Cell<Option<i32>>>,
    }

    impl ScrollWatch {
        /// Watches, calling `f`.
        pub fn new(f: impl Fn() + 'static) -> Option<Self> {
            let window = web_sys::window()?;
            let asked: Rc<Cell<Option<i32>>> = Rc::new(Cell::new(None));
            let frame = {
                let asked = asked.clone();
                Rc::new(Closure::<dyn FnMut()>::new(move || {
                    asked.set(None);
                    f();
                }))
            };
            let listener = {
                let (frame, asked) = (frame.clone(), asked.clone());
                Closure::<dyn FnMut(web_sys::Event)>::new(move |_| {
                    if asked.get().is_some() {
                        return;
                    }
                    let id = web_sys::window().and_then(|w| {
                        w.request_animation_frame((*frame).as_ref().unchecked_ref())
                            .ok()
                    });
                    asked.set(id);
                })
            };
            let options = web_sys::AddEventListenerOptions::new();
            options.set_passive(true);
            options.set_capture(true);
            for event in ["scroll", "resize"] {
                window
                    .add_event_listener_with_callback_and_add_event_listener_options(
                        event,
                        listener.as_ref().unchecked_ref(),
                        &options,
                    )
                    .ok()?;
            }
            Some(ScrollWatch {
                listener,
                _frame: frame,
                asked,
            })
        }
    }

    impl Drop for ScrollWatch {
        fn drop(&mut self) {
            if let Some(w) = web_sys::window() {
                if let Some(id) = self.asked.take() {
                    let _ = w.cancel_animation_frame(id);
                }
                for event in ["scroll", "resize"] {
                    let _ = w.remove_event_listener_with_callback_and_bool(
                        event,
                        self.listener.as_ref().unchecked_ref(),
                        true,
                    );
                }
            }
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use super::*;

    pub fn turns_in_view(
        strip: &NodeRef,
        prefix: &str,
        ids: &HashMap<String, usize>,
    ) -> Option<(usize, usize)> {
        None
    }
    pub fn show_turn(id: &str) -> bool {
        false
    }
    pub fn focus_turn(id: &str) -> bool {
        false
    }
    pub fn click_fraction(e: &MouseEvent, target: &NodeRef) -> Option<f64> {
        None
    }
    pub fn details_open(e: &Event) -> Option<bool> {
        None
    }
    pub struct NextFrame;
    impl NextFrame {
        pub fn new(f: impl FnOnce() + 'static) -> Option<Self> {
            None
        }
    }
    impl Drop for NextFrame {
        fn drop(&mut self) {}
    }
    pub struct ScrollWatch;
    impl ScrollWatch {
        pub fn new(f: impl Fn() + 'static) -> Option<Self> {
            None
        }
    }
    impl Drop for ScrollWatch {
        fn drop(&mut self) {}
    }
}

pub use imp::*;
