//! The custom hooks [`TranscriptViewer`](super::TranscriptViewer) is made of; each wires
//! one part of the viewer's state to the browser (timers, observers, the URL, storage,
//! focus), and the logic they call lives in [`state`](crate::state).
//!
//! In the order the viewer calls them (the order its effects run in):
//!
//! - [`use_stable_rc()`]: one `Rc` for as long as its value is the same (the labels).
//! - [`use_search()`]: the matches of the reader's search, as the speaker filter shows
//!   them; with [`use_search_index()`]: the search index, built a batch per task.
//! - [`use_painted_highlights()`]: whether matches are painted (the Custom Highlight API),
//!   decided after mounting.
//! - [`use_announcer()`]: the `role="status"` announcement, cleared after a while.
//! - [`use_render_limit()`]: how many turns a long transcript renders so far, a batch more
//!   per task.
//! - [`use_wake_groups()`]: a hydrated prerendered list's groups of turns, made live a
//!   step per task.
//! - [`use_settings()`]: the view settings, restored from and kept in `localStorage`, and
//!   `data-ready`.
//! - [`use_scroll_and_focus()`]: after a render, the current match scrolled into view or a
//!   revealed turn focused, as asked for.
//! - [`use_actions()`]: the callbacks through which the controls change the view state.
//! - [`use_paint_near_view()`]: which groups of turns are near the view.
//! - [`use_paint_matches()`]: the matches painted over the rendered text.
//! - [`use_playback()`]: the transcript follows its recording (marks, follow, seeks,
//!   `#t=` fragments, shown speakers only).
//! - [`use_url_sync()`]: the view state read from and written into the URL.
//! - [`use_copy_link()`]: a turn's "copy link", with the URL up to date.
//! - [`use_report_changes()`]: the reader's changes reported to `on_change`.
//! - [`use_fragment_target()`]: the turn the URL fragment points at.
//! - [`use_after_paint()`]: a value one painted frame late (the speaker filter's counts).
//!
//! A hook's effects run in the order they are declared, hooks' in the order they are
//! called, and some depend on it: see [`use_scroll_and_focus()`].

mod use_actions;
mod use_after_paint;
mod use_announcer;
mod use_control;
mod use_copy_link;
mod use_fragment_target;
mod use_paint_matches;
mod use_paint_near_view;
mod use_painted_highlights;
mod use_playback;
mod use_render_limit;
mod use_report_changes;
mod use_scroll_and_focus;
mod use_search;
mod use_search_index;
mod use_settings;
mod use_stable_rc;
mod use_url_sync;
mod use_wake_groups;

pub use use_actions::use_actions;
pub use use_after_paint::use_after_paint;
pub use use_announcer::use_announcer;
pub use use_control::use_control;
pub use use_copy_link::use_copy_link;
pub use use_fragment_target::use_fragment_target;
pub use use_paint_matches::{use_paint_matches, PaintMatches, PAINT_ALL_UP_TO};
pub use use_paint_near_view::{use_paint_near_view, UseNearViewHandle};
pub use use_painted_highlights::use_painted_highlights;
pub use use_playback::{use_playback, Playback};
pub use use_render_limit::use_render_limit;
pub use use_report_changes::use_report_changes;
pub use use_scroll_and_focus::{use_scroll_and_focus, UseScrollAndFocusHandle};
pub use use_search::use_search;
pub use use_search_index::use_search_index;
pub use use_settings::use_settings;
pub use use_stable_rc::use_stable_rc;
pub use use_url_sync::{use_url_sync, UseUrlSyncHandle};
pub use use_wake_groups::use_wake_groups;

use std::rc::Rc;

/// An `Rc` compared by pointer, as an effect's dependency.
pub struct SamePointer<T>(pub Rc<T>);

impl<T> PartialEq for SamePointer<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}
