//! [`use_painted_highlights`]: whether the search's matches are painted.

use crate::components::paint;
use yew::prelude::*;

/// Whether matches are painted with the CSS Custom Highlight API: `on` (the viewer's
/// `paint_highlights` prop) and the browser has the API. Returns `false` until mounted:
/// decided after mounting, so that the first render is the same in every browser and on
/// the server.
#[hook]
pub fn use_painted_highlights(on: bool) -> bool {
    let painted = use_state_eq(|| false);
    {
        let painted = painted.setter();
        use_effect_with(on, move |&on| {
            painted.set(on && paint::supported());
        });
    }
    *painted
}
