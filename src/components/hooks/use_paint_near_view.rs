//! [`use_paint_near_view`]: which groups of turns are near the view, for the painter.

use crate::components::paint;
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// Watches the groups of turns inside `root` that are near the view (a view's height
/// either way), from mount on (`paint::Nearby`). While `watching` (a search with more
/// matches than [`PAINT_ALL_UP_TO`](super::PAINT_ALL_UP_TO), painted), each time groups
/// come near renders again, so that their matches are painted. Returns the watcher (none
/// where nothing can tell, without an IntersectionObserver: then every match is
/// painted) and how many times groups came near.
#[hook]
pub fn use_paint_near_view(root: &NodeRef, watching: bool) -> UseNearViewHandle {
    let near_changes = use_state_eq(|| 0usize);
    let nearby = use_mut_ref(|| None::<paint::Nearby>);
    let searching = use_mut_ref(|| false);
    *searching.borrow_mut() = watching;
    {
        let (nearby, root, searching) = (nearby.clone(), root.clone(), searching.clone());
        let (set, count) = (near_changes.setter(), use_mut_ref(|| 0usize));
        use_effect_with((), move |()| {
            let watch = paint::Nearby::new(&root, move || {
                if *searching.borrow() {
                    *count.borrow_mut() += 1;
                    set.set(*count.borrow());
                }
            });
            // Watched from the start: the first search finds them known.
            if let Some(watch) = &watch {
                watch.groups();
            }
            *nearby.borrow_mut() = watch;
            move || {
                nearby.borrow_mut().take();
            }
        });
    }
    UseNearViewHandle {
        nearby,
        changes: *near_changes,
    }
}

/// What [`use_paint_near_view`] returns.
#[derive(Clone)]
pub struct UseNearViewHandle {
    nearby: Rc<RefCell<Option<paint::Nearby>>>,
    /// How many times groups came near while watching: a new value is a reason to paint.
    pub changes: usize,
}

impl UseNearViewHandle {
    /// The indices of the groups near the view (see `paint::Nearby::groups`), or `None`
    /// where nothing watches. Asked every time: groups rendered since are watched from
    /// now on.
    pub fn groups(&self) -> Option<Vec<u32>> {
        self.nearby.borrow().as_ref().map(|n| n.groups())
    }
}
