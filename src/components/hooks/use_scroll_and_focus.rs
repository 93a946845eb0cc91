//! [`use_scroll_and_focus`]: scrolling and focus asked for by the render before.

use crate::components::dom;
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// After every render: brings the current match (inside `root`) into view, or focuses
/// the link of a revealed turn (`p` is the viewer's id prefix), when asked for through
/// the returned handle. Once, for the render after the request.
///
/// Call it before the effects that ask for it, so that a request made on mount is served
/// after the render it causes, not by the mount's own pass.
#[hook]
pub fn use_scroll_and_focus(root: &NodeRef, p: &AttrValue) -> UseScrollAndFocusHandle {
    // What to do after the next render.
    let scroll_to_match = use_mut_ref(|| false);
    let focus_turn = use_mut_ref(|| None::<String>);
    {
        let root = root.clone();
        let (scroll, focus) = (scroll_to_match.clone(), focus_turn.clone());
        let p = p.clone();
        use_effect(move || {
            if std::mem::take(&mut *scroll.borrow_mut()) {
                dom::scroll_to_current_match(&root);
            }
            if let Some(id) = focus.borrow_mut().take() {
                dom::focus_inside(&format!("{p}{id}"), ".tv-turn-link");
            }
        });
    }
    UseScrollAndFocusHandle {
        scroll_to_match,
        focus_turn,
    }
}

/// What [`use_scroll_and_focus`] returns: asks for what to do after the next render.
#[derive(Clone)]
pub struct UseScrollAndFocusHandle {
    scroll_to_match: Rc<RefCell<bool>>,
    focus_turn: Rc<RefCell<Option<String>>>,
}

impl UseScrollAndFocusHandle {
    /// Whether to bring the current match into view after the next render.
    pub fn scroll_to_match(&self, scroll: bool) {
        *self.scroll_to_match.borrow_mut() = scroll;
    }

    /// Focus the link of the turn with this id (without the prefix) after the next render.
    pub fn focus_turn(&self, id: Option<String>) {
        *self.focus_turn.borrow_mut() = id;
    }
}
