//! [`use_url_sync`]: the view state kept in the page's URL query string.

use super::UseScrollAndFocusHandle;
use crate::components::dom;
use crate::model::Transcript;
use crate::state::{
    has_view_params, history_entry, merge_query, turn_for_fragment, Action, PendingUrl, ViewState,
};
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// How long typing must pause before the search goes into the page's URL.
pub const URL_PAUSE_MS: i32 = 300;

/// At most how long a toggle's URL change waits for the frame that shows the toggle.
const URL_AFTER_PAINT_MS: i32 = 100;

/// With `sync` (the viewer's `sync_url` prop), keeps `state`'s query, search options and
/// hidden speakers in the URL (`q`, `words`, `diacritics`, `hide`): read on mount (then
/// the first match is scrolled into view through `after_render`, unless the URL's
/// fragment points at one of `t`'s turns, `p` being the id prefix) and on Back/Forward,
/// and written when they change. Returns the writes still waiting, for a copied link to
/// hold them.
/// What waits is also written when the page is left (`pagehide`) and on unmount.
#[hook]
pub fn use_url_sync(
    sync: bool,
    state: &UseReducerHandle<ViewState>,
    t: &Rc<Transcript>,
    p: &AttrValue,
    after_render: &UseScrollAndFocusHandle,
) -> UseUrlSyncHandle {
    // Changes not yet in the URL (see `write_pending`), and their timers.
    let pending = use_mut_ref(PendingUrl::default);
    let url_timers = use_mut_ref(UrlTimers::default);
    // The URL's state: read on mount and on Back/Forward.
    {
        let state = state.clone();
        let scroll = after_render.clone();
        let (t, p) = (t.clone(), p.clone());
        let pending = pending.clone();
        use_effect_with(sync, move |&sync| {
            let listener = sync.then(|| {
                let search = dom::location_search().unwrap_or_default();
                pending.borrow_mut().saw(&search);
                if has_view_params(&search) {
                    if let Some(next) = state.after_url_change(&search) {
                        // Bring the first match into view, unless the URL points at a turn.
                        let hash = dom::location_hash().unwrap_or_default();
                        scroll.scroll_to_match(turn_for_fragment(&t, &p, &hash).is_none());
                        state.dispatch(Action::Replace(next));
                    }
                }
                let pending = pending.clone();
                dom::Listener::window("popstate", move || {
                    // What was waiting for the entry left is not written into the new
                    // one, unless only the fragment changed (a turn's link followed
                    // while typing): then the view stays as the reader made it.
                    let search = dom::location_search().unwrap_or_default();
                    if pending.borrow_mut().history_changed(&search) {
                        return;
                    }
                    if let Some(next) = state.after_url_change(&search) {
                        state.dispatch(Action::Replace(next));
                    }
                })
            });
            let listener = listener.flatten();
            move || drop(listener)
        });
    }
    // … and written when it changes: a toggle or the filter adds a history entry, typing
    // rewrites the current one. Not in the interaction's own frame: a toggle's entry is
    // written once that frame is painted, a typed search once typing pauses for
    // `URL_PAUSE_MS` (or with a toggle's), and whatever waits is written before a turn's
    // link is copied and when the page is left. Each same-document URL change costs
    // Chromium 2–4 ms (it also fetches the favicon again), and Safari throws when a page
    // changes its history more than 100 times in a short window.
    {
        let last = use_mut_ref(|| None::<ViewState>);
        let in_url = state.in_url();
        let (pending, timers) = (pending.clone(), url_timers.clone());
        use_effect_with((sync, in_url), move |(sync, now)| {
            let before = last.replace(Some(now.clone()));
            // Not on mount: the URL is read then, not written.
            if let (true, Some(before)) = (*sync, before) {
                // A state the URL already holds (read from it on mount or on Back) is
                // not written, unless other writes wait: the URL is theirs then.
                let search = dom::location_search().unwrap_or_default();
                if pending.borrow().is_empty() && now.is_in_query(&search) {
                    return;
                }
                let entry = history_entry(&before, now);
                pending.borrow_mut().add(entry, now.clone());
                let write = {
                    let pending = pending.clone();
                    move || write_pending(&pending)
                };
                let mut timers = timers.borrow_mut();
                if pending.borrow().waits_for_pause() {
                    timers.pause = dom::Timeout::new(URL_PAUSE_MS, write);
                } else {
                    timers.pause = None;
                    timers.after_paint = dom::AfterPaint::new(URL_AFTER_PAINT_MS, write);
                }
            }
        });
    }
    {
        let pending = pending.clone();
        use_effect_with(sync, move |&sync| {
            let left = {
                let pending = pending.clone();
                sync.then(|| dom::Listener::window("pagehide", move || write_pending(&pending)))
                    .flatten()
            };
            move || {
                drop(left);
                write_pending(&pending);
            }
        });
    }
    UseUrlSyncHandle { pending }
}

/// What [`use_url_sync`] returns: the URL changes that are waiting.
#[derive(Clone)]
pub struct UseUrlSyncHandle {
    pending: Rc<RefCell<PendingUrl>>,
}

impl UseUrlSyncHandle {
    /// Writes the URL changes that are waiting now (see [`write_pending`]).
    pub fn write_pending(&self) {
        write_pending(&self.pending);
    }
}

/// Writes the URL changes that are waiting (see [`PendingUrl`]) now, in order; a change
/// the URL already holds is not written again.
fn write_pending(pending: &RefCell<PendingUrl>) {
    let writes = pending.borrow_mut().take();
    for (entry, state) in writes {
        if let Some(search) = dom::location_search() {
            if !state.is_in_query(&search) {
                dom::write_search(entry, &merge_query(&search, &state));
            }
        }
    }
    if let Some(search) = dom::location_search() {
        pending.borrow_mut().saw(&search);
    }
}

/// The timers of the writes waiting in a [`PendingUrl`]: typing's pause, or the next
/// painted frame.
#[derive(Default)]
struct UrlTimers {
    pause: Option<dom::Timeout>,
    after_paint: Option<dom::AfterPaint>,
}
