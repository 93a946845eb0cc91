//! [`use_report_changes`]: the reader's changes, reported to the host.

use crate::state::ViewState;
use yew::prelude::*;

/// Calls `on_change` (the viewer's prop) with the whole `state` whenever the reader
/// changes the query, the search options or the speaker filter: on the changes the URL
/// follows, not on mount, not when only the current match moves.
#[hook]
pub fn use_report_changes(state: &ViewState, on_change: &Callback<ViewState>) {
    let last = use_mut_ref(|| None::<ViewState>);
    let seen = state.in_url();
    let on_change = on_change.clone();
    let full = state.clone();
    use_effect_with(seen, move |now| {
        if last.replace(Some(now.clone())).is_some() {
            on_change.emit(full);
        }
    });
}
