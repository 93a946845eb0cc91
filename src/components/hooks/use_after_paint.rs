//! [`use_after_paint`]: a value that follows its change by one painted frame.

use crate::components::dom;
use yew::prelude::*;

/// At most how long what follows an interaction by a frame waits for that frame (a page
/// out of sight paints none).
const AFTER_PAINT_MS: i32 = 100;

/// `value` as it was one painted frame ago: a change is rendered in the frame after
/// the one it was made for (at once where nothing paints, as on the server), for what
/// may lag an interaction's main change by a frame. A change that comes back before the
/// frame is never rendered.
#[hook]
pub fn use_after_paint<T: Clone + PartialEq + 'static>(value: T) -> T {
    let shown = use_state_eq(|| value.clone());
    let timer = use_mut_ref(|| None::<dom::AfterPaint>);
    {
        let set = shown.setter();
        use_effect_with(value, move |value| {
            let later = {
                let (set, value) = (set.clone(), value.clone());
                dom::AfterPaint::new(AFTER_PAINT_MS, move || set.set(value))
            };
            if later.is_none() {
                set.set(value.clone());
            }
            *timer.borrow_mut() = later;
        });
    }
    (*shown).clone()
}
