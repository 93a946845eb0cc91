//! [`use_report_changes`]: the reader's changes, reported to the host.

use crate::components::control::ViewerControl;
use crate::state::ReaderState;
use yew::prelude::*;

/// Calls `on_change` (the viewer's prop) with `report` whenever it changes: the query,
/// the search options, the speaker filter, the number of matches or the current one.
/// Not on mount (the host knows what it asked for), and never per media frame (the
/// playback position is not in it). `control`, if any, always holds the latest.
#[hook]
pub fn use_report_changes(
    report: &ReaderState,
    on_change: &Callback<ReaderState>,
    control: &Option<ViewerControl>,
) {
    let mounted = use_mut_ref(|| false);
    let on_change = on_change.clone();
    let control = control.clone();
    use_effect_with(report.clone(), move |now| {
        if let Some(control) = &control {
            control.report(now);
        }
        if std::mem::replace(&mut *mounted.borrow_mut(), true) {
            on_change.emit(now.clone());
        }
    });
}
