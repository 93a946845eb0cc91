//! The selection, for citing: the part of it in a turn, as offsets in the turn's
//! paragraphs' text; the first turn it touches and where it is; placing the viewer's
//! "Cite selection" button under it; selecting a text box's text. Native stand-ins do
//! nothing.

#![cfg_attr(not(target_arch = "wasm32"), allow(unused_variables, dead_code))]

use crate::state::Passage;
use yew::prelude::*;

#[cfg(target_arch = "wasm32")]
mod imp {
    use super::*;
    use wasm_bindgen::JsCast;
    use web_sys::{Element, HtmlElement};

    /// The selection's first range, unless there is none or it is collapsed.
    fn selected_range() -> Option<web_sys::Range> {
        let selection = web_sys::window()?.get_selection().ok()??;
        if selection.range_count() == 0 || selection.is_collapsed() {
            return None;
        }
        selection.get_range_at(0).ok()
    }

    /// The byte offset in `p`'s text of the point (`node`, `offset`) inside it.
    fn offset_in(p: &Element, node: &web_sys::Node, offset: u32) -> Option<usize> {
        let range = web_sys::window()?.document()?.create_range().ok()?;
        range.set_start(p, 0).ok()?;
        range.set_end(node, offset).ok()?;
        Some(String::from(range.to_string()).len())
    }

    /// The part of the selection in the turn with this element id, whose paragraphs
    /// are `#<id>-p1` to `#<id>-p<paragraphs>`: from the first paragraph the selection
    /// touches to the last, as byte offsets in their text (a paragraph it starts before
    /// from its start, one it ends after to its end). `None` when it touches none.
    pub fn selected_passage(turn_id: &str, paragraphs: usize) -> Option<Passage> {
        let range = selected_range()?;
        let document = web_sys::window()?.document()?;
        let mut touched = (0..paragraphs).filter_map(|i| {
            let p = document.get_element_by_id(&format!("{turn_id}-p{}", i + 1))?;
            range.intersects_node(&p).ok()?.then_some((i, p))
        });
        let first = touched.next()?;
        let last = touched.next_back().unwrap_or_else(|| first.clone());
        let (start_node, end_node) = (range.start_container().ok()?, range.end_container().ok()?);
        let start = match first.1.contains(Some(&start_node)) {
            true => offset_in(&first.1, &start_node, range.start_offset().ok()?)?,
            false => 0,
        };
        let end = match last.1.contains(Some(&end_node)) {
            true => offset_in(&last.1, &end_node, range.end_offset().ok()?)?,
            false => last.1.text_content().unwrap_or_default().len(),
        };
        Some(Passage {
            start: (first.0, start),
            end: (last.0, end),
        })
    }

    /// The element id of the first turn (`section.tv-turn` in `root`) the selection
    /// touches, and where the selection's box is (viewport pixels: left, top, bottom).
    pub fn selected_turn(root: &NodeRef) -> Option<(String, (f64, f64, f64))> {
        let root = root.cast::<Element>()?;
        let range = selected_range()?;
        // Nothing to look for when the selection touches none of the turns (a search
        // typed, the summary selected): one check, not one per turn.
        let turns = root.query_selector(".tv-turns").ok()??;
        if !range.intersects_node(&turns).unwrap_or(false) {
            return None;
        }
        let start = range.start_container().ok()?;
        let element = match start.dyn_ref::<Element>() {
            Some(e) => Some(e.clone()),
            None => start.parent_element(),
        };
        let turn = element
            .and_then(|e| e.closest("section.tv-turn").ok().flatten())
            .filter(|turn| root.contains(Some(turn)))
            .or_else(|| {
                let turns = root.query_selector_all("section.tv-turn").ok()?;
                (0..turns.length())
                    .filter_map(|i| turns.item(i)?.dyn_into::<Element>().ok())
                    .find(|turn| range.intersects_node(turn).unwrap_or(false))
            })?;
        let r = range.get_bounding_client_rect();
        Some((turn.id(), (r.left(), r.top(), r.bottom())))
    }

    /// Places `el` (absolutely positioned) at `left`, `top` of the viewport, through
    /// its style object: the site's CSP forbids style attributes, not the CSSOM.
    pub fn place_at(el: &NodeRef, left: f64, top: f64) {
        let Some(el) = el.cast::<HtmlElement>() else {
            return;
        };
        let Some(window) = web_sys::window() else {
            return;
        };
        // Relative to the box it is positioned in.
        let (dx, dy) = match el.offset_parent() {
            Some(parent) => {
                let r = parent.get_bounding_client_rect();
                (
                    r.left() - f64::from(parent.scroll_left()),
                    r.top() - f64::from(parent.scroll_top()),
                )
            }
            None => (
                -window.scroll_x().unwrap_or(0.0),
                -window.scroll_y().unwrap_or(0.0),
            ),
        };
        // Whole pixels: the box needs no fractions of one.
        let px = |v: f64| format!("{}px", v.round() as i32);
        let style = el.style();
        let _ = style.set_property("left", &px((left - dx).max(0.0)));
        let _ = style.set_property("top", &px(top - dy));
    }

    /// Selects the whole text of the `<textarea>` (or `<input>`) and focuses it.
    pub fn select_all(el: &NodeRef) {
        if let Some(el) = el.cast::<HtmlElement>() {
            let _ = el.focus();
            if let Ok(select) = js_sys::Reflect::get(&el, &"select".into()) {
                if let Ok(select) = select.dyn_into::<js_sys::Function>() {
                    let _ = select.call0(&el);
                }
            }
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use super::*;

    pub fn selected_passage(turn_id: &str, paragraphs: usize) -> Option<Passage> {
        None
    }
    pub fn selected_turn(root: &NodeRef) -> Option<(String, (f64, f64, f64))> {
        None
    }
    pub fn place_at(el: &NodeRef, left: f64, top: f64) {}
    pub fn select_all(el: &NodeRef) {}
}

pub use imp::*;
