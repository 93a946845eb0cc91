//! [`use_announcer`]: the text of the viewer's `role="status"` announcement.

use crate::components::dom;
use yew::prelude::*;

/// After how long an announcement goes away.
const ANNOUNCEMENT_MS: i32 = 4000;

/// The text of the viewer's announcement ("Link copied", "Font size 150%", "Settings
/// reset" and the like), empty at first. Takes nothing; returns the text to render and
/// the setter that announces. An announcement goes away after a while, so that the next
/// one of the same words (the next copy) is announced again.
#[hook]
pub fn use_announcer() -> UseAnnouncerHandle {
    let announcement = use_state_eq(AttrValue::default);
    // "Link copied" goes away after a while, so that the next copy is announced again.
    {
        let clear = announcement.setter();
        use_effect_with((*announcement).clone(), move |text| {
            let timeout = (!text.is_empty())
                .then(|| {
                    dom::Timeout::new(ANNOUNCEMENT_MS, move || clear.set(AttrValue::default()))
                })
                .flatten();
            move || drop(timeout)
        });
    }
    UseAnnouncerHandle {
        text: (*announcement).clone(),
        announce: announcement.setter(),
    }
}

/// What [`use_announcer`] returns.
pub struct UseAnnouncerHandle {
    /// What is announced now (empty: nothing).
    pub text: AttrValue,
    /// Announces a text (stable for the viewer's life, so fit for callbacks' deps).
    pub announce: UseStateSetter<AttrValue>,
}
